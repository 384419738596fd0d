//! The home screen's series: meetings of a series grouped, later ones
//! marked with their number, and `N` making the next meeting from the plan
//! that names the series (or offering the plans when none does).

use crate::tui_support::{id_t0, rows};
use chrono::Duration;
use fgd::engine;
use fgd::plan;
use fgd::store::DataDir;
use fgd::tui::home::{Choice, Home};
use fgd::tui::keymap::Keymap;
use fgd::tui::theme::{Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn home(data: &DataDir) -> Home {
    Home::new(
        data,
        &[],
        fgd::domain::Language::Id,
        Theme::named(ThemeName::Default),
        Keymap::default(),
    )
}

fn lines(home: &Home) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(120, 20)).unwrap();
    term.draw(|f| home.draw(f, id_t0())).unwrap();
    rows(term.backend().buffer())
}

fn parse(name: &str) -> plan::Plan {
    plan::parse(plan::bundled(name).unwrap(), name).unwrap()
}

#[test]
fn a_series_is_grouped_and_n_makes_its_next_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path().join("data"));
    let t = id_t0();
    let obsesi = parse("obsesi-tupoksi");
    let first = engine::create_from_plan(&data, &obsesi, None, t).unwrap();
    let first_s = first.session().clone();
    drop(first);
    // Another session in between, dated between the two meetings.
    let other = engine::create_from_plan(&data, &parse("fgd-pola-pikir"), None, t).unwrap();
    drop(other);
    let second =
        engine::create_from_plan(&data, &obsesi, Some(&first_s), t + Duration::days(30)).unwrap();
    let second_id = second.session().info.id.clone();
    drop(second);

    let mut home = home(&data);
    let ids: Vec<&str> = home.sessions.iter().map(|m| m.id.as_str()).collect();
    let at = |id: &str| ids.iter().position(|x| *x == id).unwrap();
    assert_eq!(
        at(&second_id) + 1,
        at(&first_s.info.id),
        "a series' meetings sit together: {ids:?}"
    );
    let screen = lines(&home).join("\n");
    assert!(screen.contains(&format!("↳ ke-2 {second_id}")), "{screen}");
    assert!(screen.contains("N pertemuan berikut"), "{screen}");

    let made = std::cell::RefCell::new(Vec::new());
    let mut create = |p: &plan::Plan, follow: Option<&str>| -> Result<String, String> {
        let prev = follow.map(|id| engine::Engine::open(&data, id).unwrap().session().clone());
        let e = engine::create_from_plan(&data, p, prev.as_ref(), t + Duration::days(60))
            .map_err(|e| e.to_string())?;
        made.borrow_mut().push(e.session().info.clone());
        Ok(e.session().info.id.clone())
    };
    // `N` on the first meeting follows up the series' last one.
    home.sel[0] = at(&first_s.info.id);
    home.key(
        KeyEvent::new(KeyCode::Char('N'), KeyModifiers::NONE),
        &mut create,
    );
    let Some(Choice::Open(id)) = home.choice.clone() else {
        panic!("N makes the next meeting: {:?}", home.flash);
    };
    let info = made.borrow()[0].clone();
    assert_eq!(info.id, id);
    assert_eq!(info.follow_up_of.as_deref(), Some(second_id.as_str()));
    assert_eq!(info.meeting, 3);
    assert_eq!(info.series_id(), "obsesi");

    // A session of no named series: the plans are offered to follow it up.
    let mut home = self::home(&data);
    let pola = home
        .sessions
        .iter()
        .position(|m| m.id.contains("pola"))
        .unwrap();
    home.sel[0] = pola;
    let before = made.borrow().len();
    home.key(
        KeyEvent::new(KeyCode::Char('N'), KeyModifiers::NONE),
        &mut create,
    );
    assert_eq!(made.borrow().len(), before, "nothing made yet");
    assert_eq!(home.focus, 1);
    assert!(
        home.follow_up
            .as_deref()
            .is_some_and(|f| f.contains("pola"))
    );
    let screen = lines(&home).join("\n");
    assert!(
        screen.contains("Pilih rencana untuk pertemuan berikutnya"),
        "{screen}"
    );
}
