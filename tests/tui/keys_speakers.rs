//! Resource persons and the chair as speakers on the screen: picked after
//! the participants behind `r` and `C` and in a mindset note's participant
//! field, shown with their role.

use super::keys::{form_open, small, top};
use crate::tui_support::Fx;
use fgd::domain::SpeakerRole;
use fgd::tui::app::Overlay;
use fgd::tui::form::speaker_suggestions;
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_picker_lists_resource_persons_and_the_chair_after_the_participants() {
    let mut fx = Fx::id();
    fx.start();
    let all = speaker_suggestions(fx.s(), "", usize::MAX);
    let roles: Vec<SpeakerRole> = all.iter().map(|s| s.role).collect();
    let first_guest = roles
        .iter()
        .position(|r| *r != SpeakerRole::Participant)
        .unwrap();
    assert!(
        roles[first_guest..]
            .iter()
            .all(|r| *r != SpeakerRole::Participant)
    );
    let guests: Vec<&str> = all[first_guest..].iter().map(|s| s.code.as_str()).collect();
    assert_eq!(guests, ["N1", "N2", "N3", "F"]);

    fx.ch('r');
    fx.typed("pananrangi");
    let screen = fx.screen(120, 34);
    assert!(screen.contains("N1 Dr. Andi Irwan Pananrangi"), "{screen}");
    assert!(
        screen.contains("(narasumber)"),
        "shown with the role:\n{screen}"
    );
    fx.enter();
    assert!(matches!(top(&fx), Some(Overlay::Kind(_))));
    fx.key(KeyCode::Enter);
    assert_eq!(fx.s().queue[0].code, "N1");
    let screen = fx.screen(120, 34);
    assert!(
        screen.contains("[TOP] N1 Dr. Andi Irwan Pananrangi… (narasumber)"),
        "the role stays in sight:\n{screen}"
    );

    // `C` gives the chair the floor by code.
    fx.ch('C');
    fx.typed("f");
    fx.enter();
    assert_eq!(fx.s().speaking.as_ref().unwrap().code, "F");
    for (w, h) in [(80, 24), (120, 34)] {
        let screen = fx.screen(w, h);
        assert!(screen.contains("(pimpinan rapat)"), "{screen}");
    }
}

#[test]
fn a_mindset_shift_can_be_owned_by_a_resource_person() {
    let mut fx = Fx::id();
    fx.start();
    let n1 = fx.s().info.resource_persons[0].clone();
    fx.ch('m');
    fx.typed("prosedur");
    fx.tab();
    fx.typed("hasil");
    fx.tab();
    fx.tab();
    fx.typed("N1");
    let screen = fx.screen(120, 34);
    assert!(
        screen.contains("N1 Dr. Andi Irwan Pananrangi, M.Ed… (narasumber)"),
        "suggested with the role:\n{screen}"
    );
    fx.enter();
    assert!(!form_open(&fx), "{}", small(&fx));
    let m = fx.s().mindsets().last().unwrap();
    assert_eq!(m.participant.as_deref(), Some("N1"));
    assert_eq!(fx.s().name_of("N1"), n1);
}
