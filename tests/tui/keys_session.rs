//! Key sequences on the session: start, pause, resume, quitting (asks while
//! live), ending and the minutes, the language, a viewer refused, an ended
//! session in correction mode, an action's status.

use super::keys::{focus, form_open, panel_text, small, top};
use crate::tui_support::{Fx, Setup};
use fgd::domain::{ActionStatus, Status};
use fgd::tui::app::{Overlay, Panel, Role};
use ratatui::crossterm::event::KeyCode;

// --------------------------------------------------------- session and quitting

#[test]
fn space_starts_pauses_and_resumes() {
    let mut fx = Fx::id();
    assert!(small(&fx).contains("Sesi belum dimulai — tekan Space untuk mulai"));
    fx.ch(' ');
    assert_eq!(fx.s().status, Status::Planned, "nobody is present: it asks");
    fx.ch('y');
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
fn space_with_nobody_present_asks_once_and_n_or_esc_cancel() {
    for cancel in [KeyCode::Char('n'), KeyCode::Esc] {
        let mut fx = Fx::id();
        assert!(fx.s().participants().all(|p| !p.present));
        fx.ch(' ');
        assert!(matches!(top(&fx), Some(Overlay::Confirm(_))));
        let screen = small(&fx);
        assert!(
            screen.contains("Belum ada peserta yang ditandai hadir"),
            "{screen}"
        );
        for stray in ['x', ' ', 'q'] {
            fx.ch(stray);
            assert_eq!(fx.s().status, Status::Planned, "{stray:?} does not answer");
        }
        fx.key(cancel);
        assert!(top(&fx).is_none(), "nothing else opens after {cancel:?}");
        assert_eq!(fx.s().status, Status::Planned);
    }
    let mut fx = Fx::en();
    fx.ch(' ');
    assert!(small(&fx).contains("Nobody is marked present yet. Start anyway?"));
    fx.ch('y');
    assert_eq!(fx.s().status, Status::Live);
    assert!(top(&fx).is_none());
    // With someone present, `Space` starts at once.
    let mut fx = Fx::id();
    fx.exec(fgd::domain::Command::Arrive {
        participant: "P2".into(),
    });
    fx.ch(' ');
    assert_eq!(fx.s().status, Status::Live);
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
        "internal/session.json",
        "actions.csv",
        "actions.ics",
        "minutes.docx",
        "actions.xlsx",
        "internal/minutes.md",
        "internal/minutes.html",
        "internal/minutes.docx",
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
        screen
            .contains("SESI SELESAI — mode koreksi: teks dan status bisa diperbaiki, waktu tidak"),
        "the whole banner, uncut at 80 columns: {screen}"
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
