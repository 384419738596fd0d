//! New rows scroll into view, and the home screen's lists.

use super::screens::{LARGE, SMALL, assert_fits, panels, screen, snap};
use crate::tui_support::{Fx, rows};
use fgd::domain::Language;
use fgd::tui::keymap::Keymap;
use fgd::tui::theme::ThemeName;

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
