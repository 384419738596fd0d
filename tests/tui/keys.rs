//! End-to-end key sequences against the live screen (and the home screen):
//! keys go in through `App::handle_key` exactly as the terminal loop sends
//! them; each test checks the session the keys changed and what the screen
//! shows afterwards. The keys, forms and confirmations are DESIGN §3.

use crate::tui_support::{Fx, Setup, id_t0, rows};
use chrono::{Duration, NaiveDate};
use fgd::domain::{ActionStatus, CoreValue, ItemStatus, NoteKind, SpeakKind, Status};
use fgd::engine;
use fgd::plan;
use fgd::tui::app::{Overlay, Panel, Role};
use fgd::tui::home::{Choice, Home};
use fgd::tui::keymap::Keymap;
use fgd::tui::theme::{Theme, ThemeName};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The screen at 80×24, one text.
fn small(fx: &Fx) -> String {
    fx.screen(80, 24)
}

/// The rows of one panel at 200×60.
fn panel_text(fx: &Fx, panel: Panel) -> String {
    let area = ratatui::layout::Rect::new(0, 0, 200, 60);
    let model = fgd::tui::view::model::build(&fx.app, fx.now, area);
    let p = model.panels.iter().find(|p| p.panel == panel).unwrap();
    crate::tui_support::region(&fx.buffer(200, 60), p.rect)
}

fn focus(fx: &mut Fx, panel: Panel) {
    for _ in 0..6 {
        if fx.app.focus == panel {
            return;
        }
        fx.tab();
    }
    panic!("Tab never reached {panel:?}");
}

fn top(fx: &Fx) -> Option<&Overlay> {
    fx.app.overlays.last()
}

fn form_open(fx: &Fx) -> bool {
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

    // Mark P2's arrival: down to row 2, Enter; Enter again takes it back.
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
fn raise(fx: &mut Fx, typed: &str, kind: KeyCode) {
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
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .map(str::trim)
        .collect();
    assert_eq!(order.len(), 7, "{panel}");
    assert!(order[0].starts_with("1. P5 Ir. Yohanes") && order[0].contains("— interupsi"));
    assert!(order[1].starts_with("2. P3 ") && order[1].contains("— klarifikasi"));
    assert!(order[3].starts_with("4. P3 ") && order[3].contains("— tanggapan"));
    assert!(order[4].starts_with("5. P19 Ni Luh Putu Ayu Kadek Wiryaningsih"));
    assert!(order[6].starts_with("7. P2 ") && order[6].contains("— topik baru"));
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
    fx.typed("adaptif, Ko");
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
fn a_default_note_is_private_and_only_counted_on_the_projector() {
    let mut fx = Fx::en();
    fx.start();
    fx.ch('o');
    fx.typed("Two people left early");
    fx.enter();
    let n = fx.s().notes().last().unwrap();
    assert_eq!(n.kind, NoteKind::Observation);
    assert!(n.private);
    let screen = small(&fx);
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
    fx.esc();
    assert!(fx.app.overlays.is_empty(), "Esc throws the form away");
    assert_eq!(fx.s().mindsets().count(), 0);
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
        screen.contains("D1. first") && !screen.contains("second"),
        "{screen}"
    );
}

// --------------------------------------------------------- session and quitting

#[test]
fn space_starts_pauses_and_resumes() {
    let mut fx = Fx::id();
    assert!(small(&fx).contains("Sesi belum dimulai — tekan Space untuk mulai"));
    fx.ch(' ');
    assert_eq!(fx.s().status, Status::Live);
    assert_eq!(fx.s().active_item().unwrap().id.0, 1);
    assert!(small(&fx).contains("[BERLANGSUNG]"));
    fx.wait(30);
    fx.ch(' ');
    assert_eq!(fx.s().status, Status::Paused);
    let screen = small(&fx);
    assert!(screen.contains("SESI DIJEDA"), "{screen}");
    assert!(screen.contains("[JEDA]"), "{screen}");
    fx.wait(600);
    assert!(
        small(&fx).contains("sesi 00:30"),
        "a pause stops the session clock"
    );
    fx.ch(' ');
    assert_eq!(fx.s().status, Status::Live);
    assert!(!small(&fx).contains("SESI DIJEDA"));
}

#[test]
fn q_while_live_asks_and_only_y_quits() {
    let mut fx = Fx::id();
    fx.start();
    fx.ch('q');
    assert!(!fx.app.quit);
    assert!(small(&fx).contains("Sesi masih berjalan. Keluar sekarang?"));
    fx.ch('n');
    assert!(!fx.app.quit);
    assert!(fx.app.overlays.is_empty());
    fx.ch('q');
    fx.esc();
    assert!(!fx.app.quit);
    fx.ch('q');
    fx.enter();
    fx.ch('q');
    assert!(!fx.app.quit, "only y confirms");
    fx.ch('y');
    assert!(fx.app.quit);
}

#[test]
fn ctrl_c_asks_too_and_q_quits_at_once_before_the_start() {
    let mut fx = Fx::en();
    fx.ctrl('c');
    assert!(fx.app.quit, "a planned session quits at once");
    let mut fx = Fx::en();
    fx.start();
    fx.ctrl('c');
    assert!(matches!(top(&fx), Some(Overlay::Confirm(_))));
    fx.ch('y');
    assert!(fx.app.quit);
}

#[test]
fn esc_never_quits() {
    let mut fx = Fx::id();
    for _ in 0..5 {
        fx.esc();
    }
    assert!(!fx.app.quit);
    fx.start();
    fx.ch('?');
    fx.esc();
    fx.esc();
    fx.ch('o');
    fx.esc();
    fx.esc();
    assert!(!fx.app.quit);
    assert!(fx.app.overlays.is_empty());
}

#[test]
fn a_stray_enter_after_e_does_not_end_the_session() {
    let mut fx = Fx::id();
    fx.start();
    fx.ch('E');
    assert!(small(&fx).contains("Akhiri sesi dan tulis notulen?"));
    fx.enter();
    fx.enter();
    fx.ch(' ');
    assert_eq!(fx.s().status, Status::Live);
    assert!(matches!(top(&fx), Some(Overlay::Confirm(_))));
    fx.ch('n');
    assert_eq!(fx.s().status, Status::Live);
    assert!(fx.app.overlays.is_empty());
    assert!(!fx.minutes_dir().exists());
}

#[test]
fn e_y_ends_writes_the_minutes_and_q_then_quits_without_asking() {
    let mut fx = Fx::busy(Setup::id());
    fx.ch('E');
    fx.ch('y');
    assert_eq!(fx.s().status, Status::Ended);
    let dir = fx.minutes_dir();
    let files = [
        "minutes.md",
        "minutes.html",
        "session.json",
        "actions.csv",
        "actions.ics",
    ];
    for f in files {
        assert!(dir.join(f).is_file(), "{f} was not written");
    }
    let Some(Overlay::Exported(paths)) = top(&fx) else {
        panic!("the paths are shown");
    };
    assert_eq!(paths.len(), files.len());
    let lines = fx.lines(200, 30);
    for f in files {
        let full = dir.join(f).display().to_string();
        assert!(
            lines.iter().any(|l| l.contains(&full)),
            "{full} is not on screen:\n{}",
            lines.join("\n")
        );
    }
    assert!(fx.screen(80, 24).contains("tekan q untuk keluar"));
    fx.ch('q');
    assert!(
        fx.app.quit,
        "q quits without asking once the minutes are written"
    );
}

#[test]
fn after_the_end_esc_closes_the_paths_and_q_still_quits_at_once() {
    let mut fx = Fx::en();
    fx.start();
    fx.ch('E');
    fx.ch('y');
    fx.esc();
    assert!(fx.app.overlays.is_empty());
    assert!(small(&fx).contains("SESSION ENDED — correction mode"));
    fx.ch('q');
    assert!(fx.app.quit);
}

#[test]
fn l_switches_the_screen_language() {
    let mut fx = Fx::id();
    assert!(small(&fx).contains("? bantuan"));
    fx.ch('L');
    let screen = small(&fx);
    assert!(screen.contains("? help"), "{screen}");
    assert!(screen.contains("Agenda (10)"), "{screen}");
    assert!(screen.contains("The session has not started — press Space to start"));
    fx.ch('L');
    assert!(small(&fx).contains("Susunan Acara (10)"));
}

#[test]
fn a_viewer_is_refused_every_change() {
    let mut fx = Setup::id().role(Role::Viewer).build();
    let before = fx.s().clone();
    for c in [' ', 'o', 'd', 'a', 'm', 'r', 's', 'n', 'u', 'E', 'x', '+'] {
        fx.ch(c);
        assert!(
            fx.app.overlays.is_empty(),
            "`{c}` opened something for a viewer"
        );
        let flash = fx.app.flash.as_ref().expect("a viewer is told why");
        assert!(flash.error);
        assert!(flash.text.contains("penonton"), "{}", flash.text);
    }
    assert_eq!(*fx.s(), before);
    let screen = small(&fx);
    assert!(screen.contains("penonton hanya dapat melihat"), "{screen}");
    assert!(
        !screen.contains("tekan Space untuk mulai"),
        "no start hint for a viewer"
    );
    fx.ch('?');
    assert!(
        matches!(top(&fx), Some(Overlay::Help(_))),
        "a viewer may read the help"
    );
    fx.esc();
    fx.ch('q');
    assert!(fx.app.quit);
}

#[test]
fn an_ended_session_opens_in_correction_mode() {
    let mut fx = Fx::busy(Setup::id());
    fx.ch('E');
    fx.ch('y');
    let mut fx = fx.reopen();
    assert_eq!(fx.s().status, Status::Ended);
    let screen = small(&fx);
    assert!(
        screen.contains("SESI SELESAI — mode koreksi: teks dan status masih bisa diperbaiki"),
        "{screen}"
    );

    // A text can be corrected: the newest public note.
    focus(&mut fx, Panel::Notes);
    fx.enter();
    assert!(form_open(&fx));
    for _ in 0.."gagal".len() {
        fx.key(KeyCode::Backspace);
    }
    fx.typed("belajar");
    fx.enter();
    assert!(!form_open(&fx), "{}", small(&fx));
    let n = fx.s().notes.iter().find(|n| n.id.0 == 4).unwrap();
    assert_eq!(n.text, "Inovasi butuh ruang belajar");
    assert!(n.revised);
    assert!(panel_text(&fx, Panel::Notes).contains("Inovasi butuh ruang belajar"));

    // A new note is refused with a message.
    let notes = fx.s().notes().count();
    fx.ch('o');
    assert!(!form_open(&fx), "no form to type into in vain");
    assert_eq!(fx.s().notes().count(), notes);
    let screen = small(&fx);
    assert!(
        screen.contains("Sesi sudah selesai: hanya koreksi teks dan status"),
        "{screen}"
    );
    // Timings are closed: no restart.
    fx.ch(' ');
    assert_eq!(fx.s().status, Status::Ended);
    // And quitting does not ask.
    fx.ch('q');
    assert!(fx.app.quit);
}

#[test]
fn an_action_status_is_set_from_its_panel() {
    let mut fx = Fx::busy(Setup::en());
    focus(&mut fx, Panel::Actions);
    fx.ch('k');
    fx.ch('k');
    assert_eq!(fx.app.selected(Panel::Actions), 0);
    fx.ch('v');
    assert_eq!(fx.s().actions[0].status, ActionStatus::Done);
    fx.ch('j');
    fx.ch('b');
    assert_eq!(fx.s().actions[1].status, ActionStatus::Dropped);
    let text = panel_text(&fx, Panel::Actions);
    assert!(
        text.contains("[done]") && text.contains("[dropped]"),
        "{text}"
    );
    assert!(
        !text.contains("[OVERDUE]"),
        "a dropped action is not overdue:\n{text}"
    );
}

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
    assert!(id.starts_with("2026-12-16-"), "{id}");
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
    assert!(screen.contains("15. P15 "), "{screen}");
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
