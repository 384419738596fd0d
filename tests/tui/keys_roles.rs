//! Key sequences on two people at the keys: a notetaker's terminal asks
//! before it moves the agenda, pauses or gives the floor (the facilitator's
//! does not, unless configured); undo names what it undid; starting another
//! item while one runs asks; removing from the queue says "from the queue".

use super::keys::{focus, small, top};
use crate::tui_support::{Fx, Setup};
use fgd::domain::{Command, ItemStatus, SpeakKind, Status};
use fgd::tui::app::{Overlay, Panel, Role};
use fgd::tui::keymap::Op;

fn notetaker() -> Fx {
    let mut fx = Setup::id().role(Role::Notetaker).build();
    fx.start();
    fx
}

fn active(fx: &Fx) -> u32 {
    fx.s().active_item().unwrap().id.0
}

#[test]
fn a_notetakers_n_moves_nothing_until_y() {
    let mut fx = notetaker();
    assert_eq!(active(&fx), 1);
    // "nanti" typed outside a form: `n` asks; the rest of the word does not
    // answer the question.
    fx.ch('n');
    assert!(matches!(top(&fx), Some(Overlay::Confirm(_))));
    let screen = small(&fx);
    assert!(screen.contains("Terminal ini bertanya dulu"), "{screen}");
    for stray in ['a', 't', 'i', ' ', 'q'] {
        fx.ch(stray);
        assert_eq!(active(&fx), 1, "{stray:?} does not answer");
    }
    fx.ch('n');
    assert!(top(&fx).is_none());
    assert_eq!(active(&fx), 1, "n cancels");
    fx.ch('n');
    fx.ch('y');
    assert_eq!(active(&fx), 2, "y moves the agenda");
}

#[test]
fn a_notetaker_asks_before_pausing_deferring_skipping_and_giving_the_floor() {
    let mut fx = notetaker();
    fx.exec(Command::RaiseHand {
        participant: "P2".into(),
        kind: SpeakKind::Topic,
    });
    // Pause.
    fx.ch(' ');
    assert_eq!(fx.s().status, Status::Live, "Space asks");
    fx.esc();
    assert_eq!(fx.s().status, Status::Live);
    // Call the next speaker.
    fx.ch('s');
    assert!(fx.s().speaking.is_none(), "s asks");
    fx.ch('y');
    assert!(fx.s().speaking.is_some(), "y gives the floor");
    // Defer.
    fx.ch('D');
    assert_eq!(active(&fx), 1, "D asks");
    fx.ch('n');
    assert_eq!(active(&fx), 1);
    // Skip the selected (third) item.
    focus(&mut fx, Panel::Agenda);
    fx.ch('j');
    fx.ch('j');
    fx.ch('S');
    assert_eq!(fx.s().agenda[2].status, ItemStatus::Pending, "S asks");
    fx.ch('y');
    assert_eq!(fx.s().agenda[2].status, ItemStatus::Skipped);
    // The help of the notetaker lists what it may type, never `E`.
}

#[test]
fn the_facilitator_does_not_ask_unless_configured() {
    let mut fx = Fx::id();
    fx.start();
    fx.ch('n');
    assert!(top(&fx).is_none());
    assert_eq!(active(&fx), 2);
    fx.app.asks = vec![Op::NextItem];
    fx.ch('n');
    assert_eq!(active(&fx), 2, "a configured op asks");
    fx.ch('y');
    assert_eq!(active(&fx), 3);
}

#[test]
fn undo_says_what_it_undid_in_the_screens_language() {
    let mut fx = notetaker();
    fx.ch('d');
    fx.typed("Rapat tiap bulan");
    fx.enter();
    assert_eq!(fx.s().decisions.len(), 1);
    fx.ch('u');
    let screen = small(&fx);
    assert!(
        screen.contains("diurungkan: tambah keputusan “Rapat tiap bulan”"),
        "{screen}"
    );
    let mut fx = Setup::en().build();
    fx.start();
    fx.ch('n');
    fx.ch('u');
    let screen = small(&fx);
    assert!(screen.contains("undone: next agenda item"), "{screen}");
}

#[test]
fn starting_another_item_while_one_runs_asks_which_finishes() {
    let mut fx = Fx::id();
    fx.start();
    focus(&mut fx, Panel::Agenda);
    fx.ch('j');
    fx.ch('j');
    fx.ch('g');
    assert_eq!(active(&fx), 1, "g on another row asks");
    let screen = small(&fx);
    assert!(screen.contains("sedang berjalan dan akan"), "{screen}");
    fx.ch('y');
    assert_eq!(active(&fx), 3);
    assert_eq!(fx.s().agenda[0].status, ItemStatus::Done);
}

#[test]
fn removing_from_the_queue_names_the_hand_not_the_person() {
    let mut fx = Setup::en().build();
    fx.start();
    fx.exec(Command::RaiseHand {
        participant: "P2".into(),
        kind: SpeakKind::Topic,
    });
    focus(&mut fx, Panel::Queue);
    fx.ch('x');
    let screen = small(&fx);
    assert!(screen.contains("from the queue?"), "{screen}");
    fx.ch('y');
    assert!(fx.s().queue.is_empty());
    assert!(fx.s().participant("P2").is_some(), "the person stays");
}

#[test]
fn plus_adds_after_the_running_item_and_k_j_stop_at_it() {
    let mut fx = Fx::id();
    fx.start();
    fx.ch('n'); // the second item runs
    focus(&mut fx, Panel::Agenda);
    let titles =
        |fx: &Fx| -> Vec<String> { fx.s().agenda.iter().map(|i| i.title.clone()).collect() };
    let before = titles(&fx);
    // `+` on the running item: the new one comes right after it, not after the closing.
    fx.ch('+');
    fx.typed("Tanya jawab");
    fx.enter();
    let after = titles(&fx);
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after[2], "Tanya jawab", "{after:?}");
    // `+` on a row before the running one still lands after it.
    fx.ch('k');
    fx.ch('k');
    fx.ch('+');
    fx.typed("Doa");
    fx.enter();
    assert_eq!(titles(&fx)[2], "Doa", "{:?}", titles(&fx));
    // A pending item moves up with K until the running item, then stops.
    for _ in 0..12 {
        fx.ch('j');
    }
    let last = titles(&fx).last().cloned().unwrap();
    let n = titles(&fx).len();
    for _ in 0..n {
        fx.ch('K');
    }
    assert_eq!(titles(&fx)[2], last, "{:?}", titles(&fx));
    assert_eq!(active(&fx), 2, "the running item stayed");
    assert_eq!(fx.s().agenda[1].id.0, 2);
    let screen = small(&fx);
    assert!(
        screen.contains("acara yang sedang berjalan tetap"),
        "{screen}"
    );
    // The first (done) item can't be carried below the running one.
    fx.ch('g'); // stray: asks, answered no
    fx.ch('n');
    for _ in 0..n {
        fx.ch('k');
    }
    fx.ch('J');
    assert_eq!(fx.s().agenda[0].id.0, 1);
}

#[test]
fn each_roles_help_lists_only_what_it_can_do() {
    let help_of = |role: Role| -> String {
        let mut fx = Setup::en().role(role).build();
        fx.ch('?');
        fx.screen(200, 60)
    };
    let end = "end the session (asks)";
    let facilitator = help_of(Role::Facilitator);
    assert!(facilitator.contains(end), "{facilitator}");
    let notetaker = help_of(Role::Notetaker);
    assert!(!notetaker.contains(end), "{notetaker}");
    assert!(notetaker.contains("new note"), "{notetaker}");
    let viewer = help_of(Role::Viewer);
    assert!(!viewer.contains("new note"), "{viewer}");
    assert!(viewer.contains("switch language"), "{viewer}");
}

#[test]
fn the_footer_says_what_f_s_and_e_do_now() {
    let footer = |fx: &Fx| fx.lines(80, 24).last().cloned().unwrap();
    let mut fx = Fx::id();
    assert!(footer(&fx).contains("Space mulai/jeda"), "{}", footer(&fx));
    fx.start();
    assert!(!footer(&fx).contains("f selesai bicara"));
    fx.exec(Command::CallSpeaker {
        participant: "P2".into(),
    });
    assert!(footer(&fx).contains("f selesai bicara"), "{}", footer(&fx));
    fx.exec(Command::End);
    assert!(
        footer(&fx).contains("E tulis ulang notulen"),
        "{}",
        footer(&fx)
    );
}

#[test]
fn the_notetakers_help_says_which_keys_ask_first() {
    let mut fx = Setup::id().role(Role::Notetaker).build();
    fx.ch('?');
    let screen = fx.screen(200, 60);
    assert!(
        screen.contains("acara berikutnya (bertanya dulu)"),
        "{screen}"
    );
    assert!(!screen.contains("tanpa bertanya"), "{screen}");
}

#[test]
fn the_notetakers_queue_opens_at_its_front() {
    for (role, front_selected) in [(Role::Notetaker, true), (Role::Facilitator, false)] {
        let mut fx = Setup::id().role(role).build();
        fx.start();
        for p in ["P1", "P2", "P3", "P4", "P5", "P6"] {
            fx.exec(Command::RaiseHand {
                participant: p.into(),
                kind: SpeakKind::Topic,
            });
        }
        // Joining (opening) the session while six hands are up.
        let fx = fx.reopen();
        assert_eq!(
            fx.app.selected(Panel::Queue) == 0,
            front_selected,
            "{role:?}: {}",
            fx.app.selected(Panel::Queue)
        );
    }
}

#[test]
fn after_the_end_the_notetaker_sees_and_uses_e_to_rewrite_the_minutes() {
    let footer = |fx: &Fx| fx.lines(80, 24).last().cloned().unwrap();
    let mut fx = Setup::en().role(Role::Notetaker).build();
    fx.start();
    assert!(!footer(&fx).contains("E "), "{}", footer(&fx));
    fx.ch('?');
    let help = fx.screen(200, 60);
    assert!(!help.contains("rewrite the minutes"), "{help}");
    // The facilitator ends; the notetaker's terminal opens on it.
    let mut fx = Fx::en();
    fx.start();
    fx.exec(Command::End);
    fx.app.role = Role::Notetaker;
    let mut fx = fx.reopen();
    assert!(
        footer(&fx).contains("E rewrite the minutes"),
        "{}",
        footer(&fx)
    );
    fx.ch('?');
    let help = fx.screen(200, 60);
    assert!(
        help.contains("rewrite the minutes with the corrections (asks)"),
        "{help}"
    );
    assert!(!help.contains("end the session"), "{help}");
    fx.esc();
    fx.ch('E');
    assert!(matches!(top(&fx), Some(Overlay::Confirm(_))), "E asks");
    fx.ch('y');
    assert!(
        fx.minutes_dir().join("minutes.md").exists(),
        "{:?}",
        std::fs::read_dir(fx.minutes_dir()).map(Iterator::count)
    );
}
