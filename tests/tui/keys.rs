//! End-to-end key sequences against the live screen (and the home screen):
//! keys go in through `App::handle_key` exactly as the terminal loop sends
//! them; each test checks the session the keys changed and what the screen
//! shows afterwards. The keys, forms and confirmations are DESIGN §3.

use crate::tui_support::Fx;
use fgd::domain::{ItemStatus, SpeakKind, Status};
use fgd::tui::app::{Overlay, Panel};
use ratatui::crossterm::event::KeyCode;

/// The screen at 80×24, one text.
pub(crate) fn small(fx: &Fx) -> String {
    fx.screen(80, 24)
}

/// The rows of one panel at 200×60.
pub(crate) fn panel_text(fx: &Fx, panel: Panel) -> String {
    let area = ratatui::layout::Rect::new(0, 0, 200, 60);
    let model = fgd::tui::view::model::build(&fx.app, fx.now, area);
    let p = model.panels.iter().find(|p| p.panel == panel).unwrap();
    crate::tui_support::region(&fx.buffer(200, 60), p.rect)
}

pub(crate) fn focus(fx: &mut Fx, panel: Panel) {
    for _ in 0..6 {
        if fx.app.focus == panel {
            return;
        }
        fx.tab();
    }
    panic!("Tab never reached {panel:?}");
}

pub(crate) fn top(fx: &Fx) -> Option<&Overlay> {
    fx.app.overlays.last()
}

pub(crate) fn form_open(fx: &Fx) -> bool {
    matches!(top(fx), Some(Overlay::Form(_)))
}

// ---------------------------------------------------------------- participants

#[test]
fn a_walk_in_is_added_from_the_participants_screen_and_arrivals_are_marked() {
    let mut fx = Fx::id();
    fx.ch('p');
    assert!(matches!(top(&fx), Some(Overlay::Participants(0))));
    assert!(small(&fx).contains("Peserta & Daftar Hadir — hadir 0/22"));

    fx.ch('+');
    assert!(form_open(&fx));
    fx.typed("Budi Santoso, S.T.");
    fx.tab();
    fx.typed("Staf Ahli");
    fx.tab();
    fx.typed("Bagian Umum");
    fx.enter();

    let p = fx
        .s()
        .participant("P23")
        .expect("the walk-in got the next code");
    assert_eq!(p.name, "Budi Santoso, S.T.");
    assert_eq!(p.position.as_deref(), Some("Staf Ahli"));
    assert_eq!(p.unit.as_deref(), Some("Bagian Umum"));
    assert!(p.present, "a walk-in is present when added");
    // Back on the participants screen, with the new row in view.
    assert!(matches!(top(&fx), Some(Overlay::Participants(_))));
    let screen = small(&fx);
    assert!(screen.contains("hadir 1/23"), "{screen}");
    assert!(
        screen.contains("P23  Budi Santoso, S.T."),
        "the new participant scrolls into view:\n{screen}"
    );

    // Mark P2's arrival: down to row 2, Enter (the cursor moves on to P3);
    // back up and Enter again takes it back.
    fx.wait(90);
    fx.esc();
    fx.ch('p');
    fx.ch('j');
    fx.enter();
    let p2 = fx.s().participant("P2").unwrap();
    assert!(p2.present);
    assert_eq!(p2.arrived_at, Some(fx.now));
    let screen = small(&fx);
    assert!(screen.contains("✓ hadir 08:01"), "{screen}");
    assert!(screen.contains("hadir 2/23"), "{screen}");
    fx.ch('k');
    fx.enter();
    assert!(!fx.s().participant("P2").unwrap().present);

    // Esc closes the screen, never the app.
    fx.esc();
    assert!(fx.app.overlays.is_empty());
    assert!(!fx.app.quit);
}

#[test]
fn a_participant_is_edited_and_removed_from_the_participants_screen() {
    let mut fx = Fx::id();
    fx.ch('p');
    assert!(
        small(&fx).contains("e ubah · x hapus · Esc tutup"),
        "the whole hint fits 80 columns"
    );
    assert!(fx.s().participant("P1").unwrap().consent);
    fx.ch('e');
    let Some(Overlay::Form(f)) = top(&fx) else {
        panic!("e edits the selected participant")
    };
    assert_eq!(f.title, "Peserta P1");
    assert_eq!(f.fields[0].value(), "H. Zulkifli Hasibuan, S.Sos., M.Si.");
    for _ in 0..4 {
        fx.tab();
    }
    fx.ch(' '); // consent: ya → tidak
    fx.enter();
    assert!(matches!(top(&fx), Some(Overlay::Participants(0))));
    assert!(!fx.s().participant("P1").unwrap().consent);

    fx.ch('j');
    fx.ch('x');
    assert!(small(&fx).contains("Hapus “P2 Dr. Ir. Ratna Juwita Harahap, M.P.”?"));
    fx.ch('y');
    assert!(fx.s().participant("P2").is_none_or(|p| p.removed));
    assert_eq!(fx.s().participants().count(), 21);
    assert!(matches!(top(&fx), Some(Overlay::Participants(_))));
}

#[test]
fn an_empty_name_keeps_the_walk_in_form_open() {
    let mut fx = Fx::en();
    fx.ch('p');
    fx.ch('+');
    fx.tab();
    fx.typed("Clerk");
    fx.enter();
    assert!(form_open(&fx));
    let screen = small(&fx);
    assert!(screen.contains("⚠ required"), "{screen}");
    assert!(screen.contains("Clerk"), "what was typed stays:\n{screen}");
    assert_eq!(fx.s().participants().count(), 8);
}

// --------------------------------------------------------------- speaker queue

/// Raises a hand with the picker: `r`, what is typed, Enter, then the kind key.
pub(crate) fn raise(fx: &mut Fx, typed: &str, kind: KeyCode) {
    fx.ch('r');
    assert!(matches!(top(fx), Some(Overlay::Picker(_))));
    fx.typed(typed);
    fx.enter();
    assert!(
        matches!(top(fx), Some(Overlay::Kind(_))),
        "picker chose nobody for {typed:?}"
    );
    fx.key(kind);
    assert!(fx.app.overlays.is_empty());
}

#[test]
fn hands_of_every_kind_line_up_in_tcq_order() {
    let mut fx = Fx::id();
    fx.start();
    raise(&mut fx, "zul", KeyCode::Enter); // P1 by name: topic
    raise(&mut fx, "2", KeyCode::Char('t')); // P2 by number: topic
    raise(&mut fx, "p3", KeyCode::Char('r')); // P3 by code: reply
    raise(&mut fx, "wiradh", KeyCode::Char('c')); // P3 (Wiradharma) again: clarifying question
    raise(&mut fx, "4", KeyCode::Char('c')); // P4: clarifying question
    raise(&mut fx, "5", KeyCode::Char('p')); // P5: point of order
    raise(&mut fx, "wiryan", KeyCode::Char('r')); // P19 Ni Luh Putu Ayu Kadek Wiryaningsih: reply

    let queue: Vec<(&str, SpeakKind)> = fx
        .s()
        .queue
        .iter()
        .map(|e| (e.code.as_str(), e.kind))
        .collect();
    assert_eq!(
        queue,
        vec![
            ("P5", SpeakKind::PointOfOrder),
            ("P3", SpeakKind::Clarify),
            ("P4", SpeakKind::Clarify),
            ("P3", SpeakKind::Reply),
            ("P19", SpeakKind::Reply),
            ("P1", SpeakKind::Topic),
            ("P2", SpeakKind::Topic),
        ]
    );
    let panel = panel_text(&fx, Panel::Queue);
    let order: Vec<&str> = panel
        .lines()
        .filter(|l| l.trim_start().starts_with('['))
        .map(str::trim)
        .collect();
    assert_eq!(order.len(), 7, "{panel}");
    // Each row leads with its kind's tag, so a cut name never hides it.
    assert!(order[0].starts_with("[INT] P5 Ir. Yohanes"), "{panel}");
    assert!(order[1].starts_with("[KLR] P3 "), "{panel}");
    assert!(order[3].starts_with("[TGP] P3 "), "{panel}");
    assert!(
        order[4].starts_with("[TGP] P19 Ni Luh Putu Ayu Kadek"),
        "{panel}"
    );
    assert!(order[6].starts_with("[TOP] P2 "), "{panel}");
}

#[test]
fn the_picker_and_kind_prompt_cancel_with_esc() {
    let mut fx = Fx::en();
    fx.start();
    fx.ch('r');
    fx.typed("zzzz");
    assert!(small(&fx).contains("no match"));
    fx.enter();
    assert!(
        matches!(top(&fx), Some(Overlay::Picker(_))),
        "no match keeps the picker open"
    );
    fx.esc();
    assert!(fx.app.overlays.is_empty());
    fx.ch('r');
    fx.typed("1");
    fx.enter();
    fx.ch('x'); // not a kind: the prompt stays
    assert!(matches!(top(&fx), Some(Overlay::Kind(_))));
    fx.esc();
    assert!(fx.app.overlays.is_empty());
    assert!(fx.s().queue.is_empty());
}

#[test]
fn calling_and_finishing_speakers_shows_who_has_the_floor() {
    let mut fx = Fx::id();
    fx.start();
    raise(&mut fx, "2", KeyCode::Enter);
    raise(&mut fx, "3", KeyCode::Char('c'));
    assert!(small(&fx).contains("Belum ada yang memegang giliran"));

    fx.ch('s');
    let sp = fx
        .s()
        .speaking
        .as_ref()
        .expect("s calls the front of the queue");
    assert_eq!((sp.code.as_str(), sp.kind), ("P3", SpeakKind::Clarify));
    fx.wait(75);
    let screen = fx.screen(200, 60);
    assert!(
        screen.contains("▶ Bicara: P3 dr. Anak Agung Gede Wiradharma"),
        "{screen}"
    );
    assert!(screen.contains("01:15/03:00"), "{screen}");
    assert_eq!(fx.s().queue.len(), 1);

    fx.ch('f');
    assert!(fx.s().speaking.is_none());
    assert_eq!(fx.s().turns.len(), 1);
    assert_eq!(fx.s().turns[0].secs, 75);
    assert!(small(&fx).contains("Belum ada yang memegang giliran"));

    fx.ch('s');
    fx.wait(200);
    assert_eq!(fx.s().speaking.as_ref().unwrap().code, "P2");
    // At 80×24 the name takes a line of its own, the timer the next.
    let screen = small(&fx);
    assert!(
        screen.contains("▶ P2 Dr. Ir. Ratna Juwita Harahap, M.P."),
        "{screen}"
    );
    assert!(screen.contains("  Bicara (topik baru)"), "{screen}");
    assert!(
        screen.contains("LEWAT +00:20"),
        "over the 3-minute limit:\n{screen}"
    );
    // `s` with an empty queue is refused with a reason, and nothing changes.
    fx.ch('s');
    assert!(fx.app.flash.as_ref().is_some_and(|f| f.error));
    assert_eq!(fx.s().speaking.as_ref().unwrap().code, "P2");
}

// ---------------------------------------------------------------------- agenda

#[test]
fn next_item_never_asks_and_defer_moves_on() {
    let mut fx = Fx::id();
    fx.start();
    assert_eq!(fx.s().active_item().unwrap().id.0, 1);
    fx.wait(60);
    fx.ch('n');
    assert!(fx.app.overlays.is_empty(), "`n` never asks");
    assert_eq!(fx.s().agenda[0].status, ItemStatus::Done);
    assert_eq!(fx.s().active_item().unwrap().id.0, 2);
    let screen = small(&fx);
    assert!(screen.contains("✓ 1. Pembukaan"), "{screen}");
    assert!(screen.contains("▶ 2. Pengantar"), "{screen}");

    fx.ch('D');
    assert!(fx.app.overlays.is_empty());
    assert_eq!(fx.s().agenda[1].status, ItemStatus::Deferred);
    assert_eq!(fx.s().active_item().unwrap().id.0, 3);
    let screen = small(&fx);
    assert!(screen.contains("» 2. Pengantar"), "{screen}");
    // The word where there is room; at 80×24 the title keeps its first 30
    // characters and the row its » marker.
    assert!(
        screen.contains("» 2. Pengantar FGD: tujuan, tata ter… 15′"),
        "{screen}"
    );
    assert!(panel_text(&fx, Panel::Agenda).contains("ditunda 15′"));
    assert!(screen.contains("▶ 3. Sesi 1"), "{screen}");
    assert_eq!(
        fx.app.selected(Panel::Agenda),
        2,
        "the selection follows the active item"
    );
}

#[test]
fn next_item_past_the_last_one_says_why() {
    let mut fx = Fx::en();
    fx.start();
    for _ in 0..5 {
        fx.ch('n');
    }
    assert_eq!(fx.s().active_item().unwrap().id.0, 6);
    fx.ch('n');
    assert!(fx.s().active_item().is_none(), "the last item is done");
    assert!(fx.s().agenda.iter().all(|i| i.status == ItemStatus::Done));
    fx.ch('n');
    assert!(fx.app.overlays.is_empty());
    let screen = small(&fx);
    assert!(
        screen.contains("no pending agenda item is left"),
        "{screen}"
    );
    assert_eq!(fx.s().status, Status::Live);
}
