//! New rows scroll into view, and the home screen's lists.

use super::screens::{LARGE, SMALL, assert_fits, panels, screen, snap};
use crate::tui_support::Setup;
use crate::tui_support::{Fx, rows};
use fgd::domain::Language;
use fgd::domain::{Command, NoteKind};
use fgd::tui::keymap::Keymap;
use fgd::tui::theme::ThemeName;
use fgd::tui::view::model::{self, LiveModel};
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

// ------------------------------------------------------------ scrolling

#[test]
fn newly_added_rows_scroll_into_view() {
    let mut fx = Fx::en();
    fx.start();
    for i in 1..=50 {
        fx.ch('o');
        fx.typed(&format!("insight number {i}"));
        fx.tab();
        fx.ch('i'); // kind: insight (public)
        fx.enter();
    }
    assert_eq!(fx.s().notes().count(), 50);
    for size in [SMALL, LARGE] {
        let text = screen(&fx, size);
        assert!(text.contains("insight number 50"), "{size:?}:\n{text}");
    }
    // At 80×24 the oldest made room (at 200×60 the notes take the
    // column's room to spare, so all 50 fit).
    let text = screen(&fx, SMALL);
    assert!(
        !text
            .lines()
            .any(|l| l.trim_end().ends_with("insight number 1")),
        "the oldest note made room:\n{text}"
    );
    // Decisions are listed before conclusions: a new decision still shows.
    for i in 1..=12 {
        fx.ch('c');
        fx.typed(&format!("conclusion {i}"));
        fx.enter();
    }
    for i in 1..=12 {
        fx.ch('d');
        fx.typed(&format!("decision {i}"));
        fx.enter();
    }
    let text = screen(&fx, SMALL);
    assert!(text.contains("D12. decision 12"), "{text}");
    let notes = panels(&fx, SMALL)
        .into_iter()
        .find(|(n, _)| n == "notes")
        .unwrap()
        .1;
    snapshot!("scrolled_notes_en_80x24", notes);
}

// -------------------------------------------------------------------- home

#[test]
fn the_home_screen_lists_sessions_and_plans() {
    use fgd::tui::home::Home;
    use fgd::tui::theme::Theme;
    let fx = Fx::id();
    let data = fx.data.clone();
    drop(fx.app);
    for lang in [Language::Id, Language::En] {
        let home = Home::new(
            &data,
            &[],
            lang,
            Theme::named(ThemeName::Default),
            Keymap::default(),
        );
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        term.draw(|f| home.draw(f, crate::tui_support::id_t0()))
            .unwrap();
        let buf = term.backend().buffer().clone();
        assert_fits(&buf);
        let text = snap(&rows(&buf).join("\n"));
        assert!(text.contains("2027-01-15-pola-pikir"), "{text}");
        let (name, status) = if lang == Language::En {
            ("en", "[PLANNED]")
        } else {
            ("id", "[DIRENCANAKAN]")
        };
        assert!(
            text.contains(status),
            "the status in the screen's language:\n{text}"
        );
        snapshot!(format!("home_{name}_80x24"), text);
    }
}

// ------------------------------------------------- panels kept between frames

/// The model built with the panels kept from earlier frames, and the one
/// built with nothing kept.
fn warm_and_cold(fx: &mut Fx, w: u16, h: u16) -> (LiveModel, LiveModel) {
    let area = Rect::new(0, 0, w, h);
    let warm = model::build(&fx.app, fx.now, area);
    let kept = std::mem::take(&mut fx.app.memo);
    let cold = model::build(&fx.app, fx.now, area);
    fx.app.memo = kept;
    (warm, cold)
}

#[test]
fn a_panel_kept_from_the_frame_before_is_the_panel_made_anew() {
    let mut fx = Fx::busy(Setup::id());
    let keys: &[KeyCode] = &[
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Tab,
        KeyCode::Down,
        KeyCode::Char(' '),
        KeyCode::Char(' '),
        KeyCode::BackTab,
        KeyCode::Char('f'),
        KeyCode::Char('s'),
        KeyCode::Char('w'),
        KeyCode::Char('W'),
        KeyCode::Char('n'),
        KeyCode::Tab,
        KeyCode::Tab,
        KeyCode::End,
    ];
    let mut hits = 0;
    for (i, k) in keys.iter().cycle().take(4 * keys.len()).enumerate() {
        fx.key(*k);
        // A second now and then: the clocks and the speaker's timer move.
        fx.wait(i64::from(i % 3 == 0) * 61);
        for (w, h) in [(80, 24), (200, 60)] {
            let (warm, cold) = warm_and_cold(&mut fx, w, h);
            assert_eq!(warm, cold, "after key {i} ({k:?}) at {w}×{h}");
            // Drawn again at once: everything kept.
            let (again, _) = warm_and_cold(&mut fx, w, h);
            hits += usize::from(again == warm);
        }
        // From another terminal: a note, then a pause and a resume.
        if i % 5 == 4 {
            fx.exec(Command::AddNote {
                kind: NoteKind::Insight,
                text: format!("catatan dari notulis {i}"),
                participant: None,
                private: Some(false),
                item: None,
            });
        }
    }
    assert_eq!(hits, 2 * 4 * keys.len());
}

/// A session in memory, to swap for another under the screen.
struct Held(fgd::domain::Session);

impl fgd::tui::port::Port for Held {
    fn session(&self) -> &fgd::domain::Session {
        &self.0
    }
    fn execute(
        &mut self,
        _cmd: Command,
        _now: chrono::DateTime<chrono::Utc>,
    ) -> Result<fgd::domain::Seq, fgd::tui::port::Refusal> {
        Ok(self.0.last_seq)
    }
    fn export(
        &mut self,
        _out: &std::path::Path,
    ) -> Result<Vec<std::path::PathBuf>, fgd::tui::port::ExportFailed> {
        Ok(vec![])
    }
    fn actor(&self) -> fgd::domain::Actor {
        fgd::domain::Actor::Viewer
    }
}

#[test]
fn a_session_read_whole_again_is_not_shown_what_was_kept_for_another() {
    let fx = Fx::busy(Setup::id());
    let json = serde_json::to_string(fx.s()).unwrap();
    // The same session and event numbers, read twice (as a joined terminal
    // reads the state after a reconnect); the second's note differs, as
    // after a log repaired and written on.
    let first: fgd::domain::Session = serde_json::from_str(&json).unwrap();
    let mut second: fgd::domain::Session = serde_json::from_str(&json).unwrap();
    assert_ne!(first.origin(), second.origin());
    let note = second.notes.iter_mut().find(|n| !n.private).unwrap();
    note.text = "catatan setelah perbaikan".into();
    let mut app = fgd::tui::app::App::new(
        Held(first),
        fgd::tui::app::Role::Viewer,
        Keymap::default(),
        fgd::tui::theme::Theme::named(ThemeName::Default),
        std::path::PathBuf::new(),
    );
    let area = Rect::new(0, 0, 200, 60);
    let text = |m: &LiveModel| {
        m.panels
            .iter()
            .flat_map(|p| p.lines.iter().map(ToString::to_string))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let before = text(&model::build(&app, fx.now, area));
    assert!(!before.contains("catatan setelah perbaikan"));
    app.port = Held(second);
    let after = text(&model::build(&app, fx.now, area));
    assert!(after.contains("catatan setelah perbaikan"), "{after}");
}
