//! What a panel says when it has nothing, or more than fits: the blank
//! agenda's way to fill it, the queue's count of hands below.

use super::screens::{SMALL, panels, screen};
use crate::tui_support::{BLANK, Fx, Setup};
use fgd::domain::{Command, SpeakKind};
use fgd::tui::app::Role;

/// The text of the panel called `name` at `size`.
fn panel(fx: &Fx, name: &str, size: (u16, u16)) -> String {
    let found = panels(fx, size).into_iter().find(|(n, _)| n == name);
    let Some((_, text)) = found else {
        panic!("no {name} panel:\n{}", screen(fx, size));
    };
    text
}

/// The agenda panel's text at `size`.
fn agenda(fx: &Fx, size: (u16, u16)) -> String {
    panel(fx, "agenda", size)
}

#[test]
fn a_blank_agenda_says_how_to_add_an_item() {
    let mut fx = Setup::id().plan(BLANK).build();
    assert!(fx.s().agenda.is_empty());
    let text = agenda(&fx, SMALL);
    assert!(text.contains("+ untuk menambah acara"), "{text}");
    fx.ch('L');
    let text = agenda(&fx, SMALL);
    assert!(text.contains("+ to add an agenda item"), "{text}");
    snapshot!("blank_agenda_en_80x24", screen(&fx, SMALL));
    // Once an item is there the hint gives way to it.
    fx.exec(fgd::domain::Command::AddAgendaItem {
        title: "Pembukaan".to_owned(),
        minutes: 10,
        owner: None,
        questions: vec![],
        position: None,
        origin: None,
        setup: fgd::domain::schedule::ItemSetup::default(),
        presenter: None,
    });
    let text = agenda(&fx, SMALL);
    assert!(!text.contains("to add an agenda item"), "{text}");
    assert!(text.contains("1. Pembukaan"), "{text}");
}

#[test]
fn a_viewer_is_not_told_to_add_agenda_items() {
    let fx = Setup::id().plan(BLANK).role(Role::Viewer).build();
    let text = screen(&fx, SMALL);
    assert!(!text.contains("menambah acara"), "{text}");
}

/// The busy session (a speaker, notes, decisions, actions) on `role`'s
/// screen with ten hands up (six fit at 80×24 beside the rest).
fn ten_hands(role: Role) -> Fx {
    let mut fx = Fx::busy(Setup::id().role(role));
    for p in ["P1", "P7", "P8", "P9", "P10", "P11"] {
        fx.exec(Command::RaiseHand {
            participant: p.into(),
            kind: SpeakKind::Topic,
        });
    }
    assert_eq!(fx.s().queue.len(), 10);
    fx.reopen()
}

/// The queue panel's text at `size`.
fn queue(fx: &Fx, size: (u16, u16)) -> String {
    panel(fx, "queue", size)
}

#[test]
fn a_queue_that_does_not_fit_shows_its_front_and_how_many_more_below() {
    let fx = ten_hands(Role::Notetaker);
    let text = queue(&fx, SMALL);
    let entries: Vec<&str> = text.lines().filter(|l| l.starts_with('[')).collect();
    assert!(entries.len() < 10, "all ten fit, nothing to test:\n{text}");
    let front = format!("] {} ", fx.s().queue[0].code);
    assert!(entries[0].contains(&front), "the front first:\n{text}");
    let hint = format!("↓ {} lagi", 10 - entries.len());
    assert!(text.contains(&hint), "{hint} missing:\n{text}");
    let after_entries = text
        .lines()
        .skip_while(|l| !l.starts_with('['))
        .nth(entries.len());
    assert!(
        after_entries.is_some_and(|l| l.contains(&hint)),
        "the hint under the entries:\n{text}"
    );
    snapshot!("ten_hands_notetaker_id_80x24", screen(&fx, SMALL));
}
