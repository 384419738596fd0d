//! Key sequences on the home screen (sessions and plans, a session created
//! from a plan or a follow-up, Esc and quitting), then raised hands
//! scrolling into view and a command the rules refuse changing nothing.

use super::keys::{raise, small};
use crate::tui_support::{Fx, id_t0, rows};
use chrono::Duration;
use fgd::domain::Status;
use fgd::engine;
use fgd::plan;
use fgd::tui::home::{Choice, Home};
use fgd::tui::keymap::Keymap;
use fgd::tui::theme::{Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

// -------------------------------------------------------------------- home

fn home_lines(home: &Home, w: u16, h: u16) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| home.draw(f, id_t0())).unwrap();
    rows(term.backend().buffer())
}

fn press(home: &mut Home, code: KeyCode, create: &mut fgd::tui::home::Create<'_>) {
    home.key(KeyEvent::new(code, KeyModifiers::NONE), create);
}

#[test]
fn home_lists_sessions_and_plans_and_enter_on_a_plan_creates_a_session() {
    let fx = Fx::id();
    let data = fx.data.clone();
    drop(fx.app);
    let mut home = Home::new(
        &data,
        &[],
        fgd::domain::Language::Id,
        Theme::named(ThemeName::Default),
        Keymap::default(),
    );
    let screen = home_lines(&home, 120, 20).join("\n");
    assert!(screen.contains("2027-01-15-pola-pikir"), "{screen}");
    assert!(screen.contains("[DIRENCANAKAN]"), "{screen}");
    for (name, _) in plan::BUNDLED {
        assert!(screen.contains(name), "{name} is not offered:\n{screen}");
    }
    assert!(screen.contains("+ Sesi kosong baru"), "{screen}");
    assert_eq!(home.focus, 0, "sessions first when there are some");

    let made = std::cell::RefCell::new(Vec::new());
    let mut create = |p: &plan::Plan, follow: Option<&str>| -> Result<String, String> {
        let prev = follow.map(|id| engine::Engine::open(&data, id).unwrap().session().clone());
        let e = engine::create_from_plan(&data, p, prev.as_ref(), id_t0() + Duration::hours(1))
            .map_err(|e| e.to_string())?;
        made.borrow_mut().push(e.session().info.clone());
        Ok(e.session().info.id.clone())
    };

    // `f` on the session marks it as the one to follow up, and moves to the plans.
    press(&mut home, KeyCode::Char('f'), &mut create);
    assert_eq!(home.follow_up.as_deref(), Some("2027-01-15-pola-pikir"));
    assert_eq!(home.focus, 1);
    let screen = home_lines(&home, 120, 20).join("\n");
    assert!(
        screen.contains("Lanjutan dari 2027-01-15-pola-pikir"),
        "{screen}"
    );

    // Down to the English plan, Enter.
    let target = plan::BUNDLED
        .iter()
        .position(|(n, _)| *n == "en-service-design-fgd")
        .unwrap();
    for _ in 0..target {
        press(&mut home, KeyCode::Down, &mut create);
    }
    press(&mut home, KeyCode::Enter, &mut create);
    let Some(Choice::Open(id)) = home.choice.clone() else {
        panic!("Enter on a plan chooses the new session: {:?}", home.flash);
    };
    let made = made.borrow();
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].id, id);
    // A follow-up is dated the day it is made in the plan's zone, not the plan's date.
    let en = plan::parse(plan::bundled("en-service-design-fgd").unwrap(), "en").unwrap();
    let today = en.zone.date_of(id_t0() + Duration::hours(1));
    assert!(id.starts_with(&format!("{today}-")), "{id}");
    assert_eq!(made[0].meeting, 2, "numbered after the session it follows");
    assert_eq!(
        made[0].follow_up_of.as_deref(),
        Some("2027-01-15-pola-pikir")
    );
    assert!(data.exists(&id));
    assert!(!home.quit);
}

#[test]
fn home_esc_forgets_the_follow_up_and_q_quits() {
    let fx = Fx::en();
    let data = fx.data.clone();
    drop(fx.app);
    let mut home = Home::new(
        &data,
        &[],
        fgd::domain::Language::En,
        Theme::named(ThemeName::Default),
        Keymap::default(),
    );
    let mut create =
        |_: &plan::Plan, _: Option<&str>| -> Result<String, String> { Err("not here".into()) };
    press(&mut home, KeyCode::Char('f'), &mut create);
    assert!(home.follow_up.is_some());
    press(&mut home, KeyCode::Esc, &mut create);
    assert!(home.follow_up.is_none());
    assert!(!home.quit);
    // A refused creation stays on the home screen with the reason.
    press(&mut home, KeyCode::Enter, &mut create);
    assert!(home.choice.is_none());
    assert!(home_lines(&home, 100, 12).join("\n").contains("not here"));
    press(&mut home, KeyCode::Char('q'), &mut create);
    assert!(home.quit);
}

#[test]
fn newly_raised_hands_scroll_into_view() {
    let mut fx = Fx::id();
    fx.start();
    for n in 1..=15 {
        raise(&mut fx, &n.to_string(), KeyCode::Enter);
    }
    assert_eq!(fx.s().queue.len(), 15);
    let screen = small(&fx);
    assert!(screen.contains("[TOP] P15 "), "{screen}");
}

#[test]
fn a_command_refused_by_the_rules_changes_nothing_and_says_why() {
    let mut fx = Fx::en();
    // Before the start: no speakers, no next item.
    fx.ch('s');
    assert!(fx.app.flash.as_ref().unwrap().text.contains("not started"));
    fx.ch('n');
    assert!(fx.app.flash.as_ref().unwrap().error);
    assert_eq!(fx.s().status, Status::Planned);
    // Adding is allowed before the start.
    fx.ch('d');
    fx.typed("Agreed before the start");
    fx.enter();
    assert_eq!(fx.s().decisions().count(), 1);
}
