//! Key sequences on the entry forms (typing, Tab, required fields, refused
//! values) and on rows: Enter edits, `x` asks before removing, undo.

use super::keys::{focus, form_open, panel_text, small, top};
use crate::tui_support::Fx;
use chrono::NaiveDate;
use fgd::domain::{ActionStatus, CoreValue, NoteKind, Status};
use fgd::tui::app::{Overlay, Panel};
use ratatui::crossterm::event::KeyCode;

// ----------------------------------------------------------------------- forms

#[test]
fn a_mindset_note_keeps_what_was_typed_across_tab_and_shift_tab() {
    let mut fx = Fx::id();
    fx.start();
    fx.ch('m');
    fx.typed("dila");
    fx.tab();
    fx.typed("melayani");
    fx.key(KeyCode::BackTab);
    fx.typed("yani");
    fx.tab();
    fx.tab();
    // BerAKHLAK values are ticked, never typed: digits tick at once, ←→
    // move, Space ticks (a value ticked twice is off again).
    fx.typed("67");
    fx.key(KeyCode::Right);
    fx.ch(' ');
    fx.ch(' ');
    let screen = small(&fx);
    assert!(screen.contains("☑ 6 Adaptif"), "{screen}");
    fx.tab();
    fx.typed("P1");
    let screen = small(&fx);
    assert!(screen.contains("dilayani"), "{screen}");
    fx.enter();
    assert!(!form_open(&fx), "{}", small(&fx));
    let m = fx.s().mindsets().last().unwrap();
    assert_eq!((m.from.as_str(), m.to.as_str()), ("dilayani", "melayani"));
    assert_eq!(m.values, vec![CoreValue::Adaptif, CoreValue::Kolaboratif]);
    assert_eq!(m.participant.as_deref(), Some("P1"));
    assert!(
        panel_text(&fx, Panel::Mindsets)
            .contains("dilayani → melayani [Adaptif, Kolaboratif] (P1)")
    );
}

#[test]
fn a_note_takes_every_printable_key_including_q() {
    let mut fx = Fx::id();
    fx.start();
    fx.ch('o');
    fx.typed("quorum? q E n D x: ya");
    assert!(!fx.app.quit);
    fx.tab();
    fx.ch('k'); // kind: kutipan
    fx.tab();
    fx.typed("ratna");
    fx.enter();
    assert!(!form_open(&fx), "{}", small(&fx));
    let n = fx.s().notes().last().unwrap();
    assert_eq!(n.text, "quorum? q E n D x: ya");
    assert_eq!(n.kind, NoteKind::Quote);
    assert_eq!(n.participant.as_deref(), Some("P2"));
    assert!(!n.private, "a quote is public");
    assert_eq!(fx.s().status, Status::Live);
    assert_eq!(
        fx.s().active_item().unwrap().id.0,
        1,
        "typed `n` and `D` did not move the agenda"
    );
    assert!(panel_text(&fx, Panel::Notes).contains("[kutipan] P2 quorum? q E n D x: ya"));
}

#[test]
fn a_typed_note_is_public_unless_private_is_chosen_in_the_form() {
    let mut fx = Fx::en();
    fx.start();
    fx.ch('o');
    let form = fx.screen(80, 24);
    assert!(form.contains("[public] private"), "{form}");
    assert!(
        form.contains("private: not on the projector and not in the shared minutes"),
        "the form says what private means: {form}"
    );
    fx.typed("Everyone arrived on time");
    fx.enter();
    let n = fx.s().notes().last().unwrap();
    assert_eq!(n.kind, NoteKind::Observation);
    assert!(!n.private, "typing a note never makes it private by itself");

    fx.ch('o');
    fx.typed("Two people left early");
    for _ in 0..3 {
        fx.tab();
    }
    fx.key(KeyCode::Right);
    fx.enter();
    let n = fx.s().notes().last().unwrap();
    assert!(n.private, "chosen private");
    let screen = small(&fx);
    assert!(screen.contains("Everyone arrived"), "{screen}");
    assert!(screen.contains("only in the internal minutes"), "{screen}");
    assert!(!screen.contains("Two people left early"), "{screen}");
    assert!(screen.contains("1 private not shown"), "{screen}");
}

#[test]
fn decisions_and_conclusions_come_from_their_forms() {
    let mut fx = Fx::en();
    fx.start();
    fx.ch('d');
    fx.typed("One ticket for every counter");
    fx.enter();
    fx.ch('c');
    fx.typed("Residents want fewer visits");
    fx.enter();
    assert_eq!(
        fx.s().decisions().next().unwrap().text,
        "One ticket for every counter"
    );
    assert_eq!(
        fx.s().conclusions().next().unwrap().text,
        "Residents want fewer visits"
    );
    let screen = small(&fx);
    assert!(
        screen.contains("D1. One ticket for every counter"),
        "{screen}"
    );
    assert!(
        screen.contains("C1. Residents want fewer visits"),
        "{screen}"
    );
    assert!(screen.contains("Decisions & conclusions (1+1)"), "{screen}");
}

#[test]
fn an_empty_required_field_keeps_the_form_open_with_the_reason() {
    let mut fx = Fx::id();
    fx.start();
    fx.ch('d');
    fx.enter();
    assert!(form_open(&fx));
    assert!(small(&fx).contains("⚠ wajib diisi"));
    assert_eq!(fx.s().decisions().count(), 0);
    fx.typed("Rapat bulanan");
    fx.enter();
    assert!(!form_open(&fx));
    assert_eq!(fx.s().decisions().count(), 1);

    // The mindset form wants both from and to.
    fx.ch('m');
    fx.typed("dilayani");
    fx.enter();
    assert!(form_open(&fx));
    let Some(Overlay::Form(f)) = top(&fx) else {
        panic!()
    };
    assert_eq!(f.focus, 1, "the cursor goes to the empty field");
    assert_eq!(f.fields[0].value(), "dilayani");
    // Esc asks before it throws typed text away: `n` keeps it, `y` throws.
    fx.esc();
    assert!(matches!(top(&fx), Some(Overlay::Confirm(_))), "Esc asks");
    assert!(
        small(&fx).contains("Buang yang sudah diketik"),
        "{}",
        small(&fx)
    );
    fx.ch('n');
    assert!(form_open(&fx), "n keeps the form");
    fx.typed(" melayani");
    let Some(Overlay::Form(f)) = top(&fx) else {
        panic!()
    };
    assert_eq!(f.fields[1].value(), "melayani", "with what was typed");
    fx.esc();
    fx.ch('y');
    assert!(fx.app.overlays.is_empty(), "y throws the form away");
    assert_eq!(fx.s().mindsets().count(), 0);
    // An untouched form closes at once.
    fx.ch('m');
    fx.esc();
    assert!(fx.app.overlays.is_empty(), "nothing typed: Esc closes");
}

#[test]
fn an_action_with_a_bad_due_date_stays_open_until_it_is_fixed() {
    let mut fx = Fx::id();
    fx.start();
    fx.ch('a');
    fx.typed("Menyusun SOP pelayanan");
    fx.tab();
    fx.typed("zulk");
    assert!(
        small(&fx).contains("↑↓ P1 H. Zulkifli Hasibuan"),
        "suggestions while typing"
    );
    fx.key(KeyCode::Down); // take the first suggestion
    fx.tab();
    fx.typed("2026-02-30");
    fx.enter();
    assert!(form_open(&fx));
    let screen = small(&fx);
    assert!(
        screen.contains("⚠ batas waktu `2026-02-30` tidak sah"),
        "{screen}"
    );
    assert!(screen.contains("Menyusun SOP pelayanan"), "{screen}");
    assert_eq!(fx.s().actions().count(), 0);

    for _ in 0.."2026-02-30".len() {
        fx.key(KeyCode::Backspace);
    }
    fx.typed("+7d");
    fx.enter();
    assert!(!form_open(&fx), "{}", small(&fx));
    let a = fx.s().actions().next().unwrap();
    assert_eq!(a.what, "Menyusun SOP pelayanan");
    assert_eq!(a.pic.as_ref().unwrap().code.as_deref(), Some("P1"));
    assert_eq!(a.due, NaiveDate::from_ymd_opt(2027, 1, 22));
    assert_eq!(a.status, ActionStatus::Open);
    let screen = small(&fx);
    assert!(screen.contains("1. Menyusun SOP pelayanan"), "{screen}");
    assert!(
        panel_text(&fx, Panel::Actions).contains("1. Menyusun SOP pelayanan — P1 · 2027-01-22")
    );
}

#[test]
fn an_action_needs_what_and_keeps_a_free_text_pic() {
    let mut fx = Fx::en();
    fx.start();
    fx.ch('a');
    fx.tab();
    fx.typed("Front office");
    fx.enter();
    assert!(form_open(&fx));
    let Some(Overlay::Form(f)) = top(&fx) else {
        panic!()
    };
    assert_eq!(f.focus, 0, "the cursor goes back to the empty field");
    assert_eq!(f.fields[1].value(), "Front office");
    assert!(small(&fx).contains("⚠ required"));
    fx.typed("Draft signage");
    fx.enter();
    assert!(!form_open(&fx));
    let a = fx.s().actions().next().unwrap();
    assert_eq!(a.what, "Draft signage");
    assert_eq!(a.pic.as_ref().unwrap().text, "Front office");
    assert_eq!(
        a.pic.as_ref().unwrap().code,
        None,
        "not a participant: kept as typed"
    );
    assert_eq!(a.due, None);
}

// ------------------------------------------------------------ edit and remove

#[test]
fn enter_edits_the_selected_row() {
    let mut fx = Fx::en();
    fx.start();
    fx.ch('d');
    fx.typed("One ticket");
    fx.enter();
    focus(&mut fx, Panel::Decisions);
    fx.enter();
    assert!(form_open(&fx));
    assert!(small(&fx).contains("One ticket"), "the form is filled in");
    fx.typed(" for every counter");
    fx.enter();
    assert!(!form_open(&fx));
    assert_eq!(
        fx.s().decisions().next().unwrap().text,
        "One ticket for every counter"
    );
    assert!(small(&fx).contains("D1. One ticket for every counter"));
}

#[test]
fn x_asks_before_removing_and_n_or_esc_cancel() {
    let mut fx = Fx::id();
    fx.start();
    for t in ["Keputusan satu", "Keputusan dua"] {
        fx.ch('d');
        fx.typed(t);
        fx.enter();
    }
    focus(&mut fx, Panel::Decisions);
    assert_eq!(
        fx.app.selected(Panel::Decisions),
        1,
        "the newest row is selected"
    );
    fx.ch('x');
    let screen = small(&fx);
    assert!(screen.contains("Hapus “Keputusan dua”?"), "{screen}");
    assert!(screen.contains("y = ya · n / Esc = batal"), "{screen}");
    fx.ch('n');
    assert!(fx.app.overlays.is_empty());
    assert_eq!(fx.s().decisions().count(), 2);
    fx.ch('x');
    fx.esc();
    assert_eq!(fx.s().decisions().count(), 2);
    fx.ch('x');
    fx.enter(); // a stray Enter neither confirms nor cancels
    assert!(matches!(top(&fx), Some(Overlay::Confirm(_))));
    fx.ch('y');
    assert!(fx.app.overlays.is_empty());
    let left: Vec<&str> = fx.s().decisions().map(|d| d.text.as_str()).collect();
    assert_eq!(left, vec!["Keputusan satu"]);
    assert!(!small(&fx).contains("Keputusan dua"));
}

#[test]
fn u_and_ctrl_z_undo_the_last_command() {
    let mut fx = Fx::en();
    fx.start();
    for t in ["first", "second", "third"] {
        fx.ch('d');
        fx.typed(t);
        fx.enter();
    }
    fx.ch('u');
    let left: Vec<&str> = fx.s().decisions().map(|d| d.text.as_str()).collect();
    assert_eq!(left, vec!["first", "second"]);
    assert!(small(&fx).contains(" undone"));
    fx.ctrl('z');
    let left: Vec<&str> = fx.s().decisions().map(|d| d.text.as_str()).collect();
    assert_eq!(left, vec!["first"]);
    let screen = small(&fx);
    assert!(
        screen.contains("D1. first") && !screen.contains("D2. second"),
        "{screen}"
    );
    assert!(
        screen.contains("undone: add decision “second”"),
        "undo names what it undid:\n{screen}"
    );
}

// ------------------------------------------------------------------ drafts

#[test]
fn every_form_comes_back_from_its_draft_as_it_was_typed() {
    use fgd::tui::draft::Draft;
    use fgd::tui::forms::{self, FormKind};
    use fgd::tui::port::Port;
    let mut fx = Fx::busy(crate::tui_support::Setup::id());
    let kinds = [
        FormKind::Note,
        FormKind::Mindset,
        FormKind::Decision,
        FormKind::Conclusion,
        FormKind::Action,
        FormKind::AddItem,
        FormKind::AddParticipant,
        FormKind::Idea,
        FormKind::SessionInfo,
    ];
    for kind in kinds {
        let s = fx.app.session();
        let mut form = forms::open(kind.clone(), s, fx.app.words()).unwrap();
        assert!(
            Draft::of(&form).is_none(),
            "{kind:?}: nothing typed, no draft"
        );
        // Something typed or chosen in every field, the cursor in the last.
        for (i, field) in form.fields.iter_mut().enumerate() {
            let typed = format!("{}{}", field.state(), "x".repeat(i + 1));
            field.set_state(&typed);
            field.set_state("1");
            if field.state() != "1" {
                field.set_state(&typed);
            }
        }
        form.focus = form.fields.len() - 1;
        let draft = Draft::of(&form).unwrap_or_else(|| panic!("{kind:?}: typed, a draft"));
        let json = serde_json::to_vec(&draft).unwrap();
        let back: Draft = serde_json::from_slice(&json).unwrap();
        let again = back.form(&fx.app).unwrap();
        let states = |f: &fgd::tui::form::Form<FormKind>| {
            f.fields
                .iter()
                .map(fgd::tui::form::Field::state)
                .collect::<Vec<_>>()
        };
        assert_eq!(states(&again), states(&form), "{kind:?}");
        assert_eq!(again.focus, form.focus, "{kind:?}");
        assert_eq!(again.kind, kind);
    }
    // The screen keeps the open form's draft after every key, and none
    // once it has closed.
    fx.ch('o');
    fx.typed("catatan yang belum disimpan");
    let kept = fx.app.port.draft().expect("a draft after typing");
    let draft: Draft = serde_json::from_slice(&kept).unwrap();
    assert_eq!(draft.fields[0], "catatan yang belum disimpan");
    fx.esc();
    fx.ch('y');
    assert!(fx.app.port.draft().is_none(), "thrown away with the form");
}
