//! Pickers that know the room: those present first with ✓, the
//! not-yet-spoken marked and first for `C`, the absent last with a warning
//! when picked; a bare number is a P-code in every participant field and
//! `Enter` takes the highlighted suggestion; a roll call is one key a
//! person, with a legend for every mark.

use super::keys::{form_open, small, top};
use crate::tui_support::{Fx, Setup};
use fgd::domain::Command;
use fgd::tui::app::{Overlay, Picker};
use ratatui::crossterm::event::KeyCode;

fn arrive(fx: &mut Fx, codes: &[&str]) {
    for c in codes {
        fx.exec(Command::Arrive {
            participant: (*c).into(),
        });
    }
}

fn picker_codes(fx: &Fx) -> Vec<String> {
    let Some(Overlay::Picker(p)) = top(fx) else {
        panic!("no picker")
    };
    let p: &Picker = p;
    p.matches(fx.s()).into_iter().map(|m| m.code).collect()
}

#[test]
fn the_pickers_put_the_present_first_and_c_the_quiet_first() {
    let mut fx = Setup::id().build();
    arrive(&mut fx, &["P5", "P3", "P9"]);
    fx.exec(Command::Start);
    // P3 has spoken.
    fx.exec(Command::CallSpeaker {
        participant: "P3".into(),
    });
    fx.exec(Command::FinishSpeaker);
    fx.ch('r');
    let codes = picker_codes(&fx);
    assert_eq!(&codes[..3], ["P3", "P5", "P9"], "present first: {codes:?}");
    assert!(
        codes.iter().position(|c| c == "P1").unwrap() > 2,
        "absent after"
    );
    let screen = small(&fx);
    assert!(screen.contains("✓○ P5"), "not yet spoken marked:\n{screen}");
    assert!(screen.contains("✓  P3"), "{screen}");
    assert!(screen.contains("✗  P1"), "absent marked:\n{screen}");
    assert!(
        screen.contains("✓ hadir · ○ belum bicara"),
        "a legend:\n{screen}"
    );
    fx.esc();
    fx.ch('C');
    let codes = picker_codes(&fx);
    assert_eq!(
        &codes[..3],
        ["P5", "P9", "P3"],
        "C: the quiet first: {codes:?}"
    );
    fx.esc();
    // Resource persons after every participant.
    fx.ch('r');
    let codes = picker_codes(&fx);
    let first_guest = codes.iter().position(|c| !c.starts_with('P')).unwrap();
    assert!(codes[first_guest..].iter().all(|c| !c.starts_with('P')));
}

#[test]
fn picking_someone_absent_warns() {
    let mut fx = Setup::id().build();
    arrive(&mut fx, &["P1"]);
    fx.exec(Command::Start);
    // A hand: the kind prompt warns; no key more.
    fx.ch('r');
    fx.typed("5");
    fx.enter();
    assert!(matches!(top(&fx), Some(Overlay::Kind(_))));
    let screen = small(&fx);
    assert!(
        screen.contains("dicatat hadir saat angkat tangan"),
        "{screen}"
    );
    fx.key(KeyCode::Char('t'));
    assert_eq!(fx.s().queue[0].code, "P5");
    assert!(
        fx.s().participant("P5").unwrap().present,
        "taking part marks present"
    );
    // The floor: a second Enter.
    fx.ch('C');
    fx.typed("6");
    fx.enter();
    assert!(
        matches!(top(&fx), Some(Overlay::Picker(_))),
        "still picking"
    );
    assert!(
        small(&fx).contains("belum ditandai hadir"),
        "{}",
        small(&fx)
    );
    assert!(fx.s().speaking.is_none());
    fx.enter();
    assert_eq!(fx.s().speaking.as_ref().unwrap().code, "P6");
}

#[test]
fn a_bare_number_is_a_p_code_and_enter_takes_the_highlighted_suggestion() {
    let mut fx = Setup::id().build();
    fx.start();
    // The note's participant: `1` is P1 (not refused, though P10… match too).
    fx.ch('o');
    fx.typed("Setuju");
    fx.tab();
    fx.tab();
    fx.typed("1");
    fx.enter();
    assert!(!form_open(&fx), "{}", small(&fx));
    assert_eq!(fx.s().notes[0].participant.as_deref(), Some("P1"));
    // Part of a name matching several: Enter takes the first, highlighted.
    fx.ch('o');
    fx.typed("Usul");
    fx.tab();
    fx.tab();
    fx.typed("muh");
    let Some(Overlay::Form(f)) = top(&fx) else {
        panic!()
    };
    let first = fgd::tui::form::speaker_suggestions(fx.s(), f.fields[2].value(), 5)[0]
        .code
        .clone();
    fx.enter();
    assert!(!form_open(&fx), "{}", small(&fx));
    assert_eq!(fx.s().notes[1].participant.as_deref(), Some(first.as_str()));
    // The action's PIC: `6` is P6.
    fx.ch('a');
    fx.typed("Susun SOP");
    fx.tab();
    fx.typed("6");
    fx.enter();
    assert!(!form_open(&fx));
    let pic = fx.s().actions[0].pic.as_ref().unwrap();
    assert_eq!(pic.code.as_deref(), Some("P6"));
}

#[test]
fn a_roll_call_is_one_key_a_person_with_a_legend() {
    let mut fx = Setup::id().build();
    fx.ch('p');
    let total = fx.s().participants().count();
    for _ in 0..total {
        fx.enter();
    }
    assert!(
        fx.s().participants().all(|p| p.present),
        "{total} people in {total} keys"
    );
    let screen = small(&fx);
    assert!(screen.contains("© boleh dikutip dengan nama"), "{screen}");
    assert!(screen.contains("· belum hadir"), "{screen}");
}
