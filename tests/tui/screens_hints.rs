//! What a panel says when it has nothing, or more than fits: the blank
//! agenda's way to fill it, the queue's count of hands below.

use super::screens::{SMALL, panels, screen};
use crate::tui_support::{BLANK, Fx, Setup};
use fgd::tui::app::Role;

/// The agenda panel's text at `size`.
fn agenda(fx: &Fx, size: (u16, u16)) -> String {
    panels(fx, size)
        .into_iter()
        .find(|(name, _)| name == "agenda")
        .map(|(_, text)| text)
        .unwrap_or_else(|| panic!("no agenda panel:\n{}", screen(fx, size)))
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
