//! The session-info form (`i`): the header by name, only what was changed
//! sent as one `edit_session`, undone with `u`; the date refused once the
//! session started, with the reason in the form; a bad date kept in the form.

use super::keys::{form_open, small};
use crate::tui_support::Fx;
use fgd::domain::Status;
use ratatui::crossterm::event::KeyCode;

fn clear(fx: &mut Fx, n: usize) {
    for _ in 0..n {
        fx.key(KeyCode::Backspace);
    }
}

#[test]
fn i_opens_the_header_and_saves_only_what_changed() {
    let mut fx = Fx::id();
    let before = fx.s().info.clone();
    fx.ch('i');
    assert!(form_open(&fx));
    let screen = small(&fx);
    for label in [
        "Info sesi",
        "Tempat penandatanganan",
        "Jabatan pimpinan",
        "Jakarta",
    ] {
        assert!(screen.contains(label), "{label}:\n{screen}");
    }
    for _ in 0..3 {
        fx.tab();
    }
    clear(&mut fx, "Jakarta".len());
    fx.typed("Kuala Tungkal");
    for _ in 0..4 {
        fx.tab();
    }
    fx.typed("Kepala Bappeda");
    fx.enter();
    assert!(!form_open(&fx), "{}", small(&fx));
    let info = &fx.s().info;
    assert_eq!(info.place.as_deref(), Some("Kuala Tungkal"));
    let chair = info.facilitator.as_ref().unwrap();
    assert_eq!(chair.position.as_deref(), Some("Kepala Bappeda"));
    assert_eq!(chair.name, before.facilitator.as_ref().unwrap().name);
    assert_eq!((&info.title, info.date), (&before.title, before.date));
    fx.ch('u');
    assert_eq!(fx.s().info, before, "undone with u");
}

#[test]
fn the_date_is_refused_in_the_form_once_started_and_a_bad_date_is_kept() {
    let mut fx = Fx::en();
    fx.ch('i');
    fx.tab();
    clear(&mut fx, 10);
    fx.typed("2027-02-30");
    fx.enter();
    assert!(form_open(&fx));
    assert!(
        small(&fx).contains("not a date: write YYYY-MM-DD"),
        "{}",
        small(&fx)
    );
    fx.esc();
    fx.ch('y');
    fx.start();
    assert_eq!(fx.s().status, Status::Live);
    let seq = fx.s().last_seq;
    fx.ch('i');
    fx.tab();
    clear(&mut fx, 10);
    fx.typed("2030-01-01");
    fx.enter();
    assert!(form_open(&fx), "the form stays open");
    let screen = small(&fx);
    assert!(
        screen.contains("the date can't be changed once the session has"),
        "{screen}"
    );
    assert_eq!(fx.s().last_seq, seq, "nothing recorded");
    // The rest can still be corrected.
    fx.esc();
    fx.ch('y');
    fx.ch('i');
    fx.typed(" (revised)");
    fx.enter();
    assert!(fx.s().info.title.ends_with(" (revised)"));
}
