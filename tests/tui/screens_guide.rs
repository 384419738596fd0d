//! The projector at the sizes a laptop and a projector really give (80×24,
//! 100×30, 120×34, 150×40, 200×60), in both languages, with the busy mindset
//! FGD on an item with guide questions and a long mindset shift and action:
//! the current guide question, every queue kind's tag, both sides of the
//! newest mindset shift and each visible action's PIC and due date are on
//! screen at every size (checked, and kept as snapshots); the clock says
//! what is left, and past the end says LEWAT/OVER in big digits where there
//! is room; stepping and ticking guide questions; the viewer's screen has no
//! focus marker and names nobody who has not spoken.

use fgd::domain::{Command, CoreValue, Language};
use fgd::tui::app::Role;
use ratatui::crossterm::event::KeyCode;

use super::screens::screen;
use crate::tui_support::{Fx, Setup};

const SIZES: [(u16, u16); 5] = [(80, 24), (100, 30), (120, 34), (150, 40), (200, 60)];

/// The busy session moved on to its first item with guide questions, with
/// a long mindset shift and a long action added last.
fn guided(setup: Setup) -> Fx {
    let role = setup.role;
    let mut fx = Fx::busy(setup.role(Role::Facilitator));
    let en = fx.s().info.language == Language::En;
    if !en {
        // The Indonesian plan's first item has no guide questions.
        fx.exec(Command::NextItem);
    }
    fx.wait(60);
    let (from, to, what) = if en {
        (
            "reporting as an administrative duty to one's superior",
            "reporting as a way to learn and improve the public service",
            "Monitor the mindset action plan in every agency",
        )
    } else {
        (
            "laporan sebagai kewajiban administratif kepada atasan",
            "laporan sebagai alat belajar dan perbaikan layanan publik",
            "Memantau pelaksanaan rencana aksi perubahan pola pikir di setiap OPD",
        )
    };
    fx.exec(Command::AddMindset {
        from: from.into(),
        to: to.into(),
        values: vec![CoreValue::Adaptif],
        participant: Some("P2".into()),
        item: None,
    });
    fx.exec(Command::AddAction {
        what: what.into(),
        pic: Some("P3".into()),
        due: Some("2027-02-01".into()),
        item: None,
        origin: None,
        carried: None,
    });
    // Reopened, as the busy session is: each list at its newest row.
    fx.app.role = role;
    fx.reopen()
}

/// The words that must be on screen at every size.
fn musts(fx: &Fx) -> Vec<String> {
    let item = fx.s().active_item().unwrap();
    let first = item.questions[0]
        .split(' ')
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let en = fx.app.lang == Language::En;
    let tags = if en {
        ["[POO]", "[CLR]", "[RPL]", "[NEW]"]
    } else {
        ["[INT]", "[KLR]", "[TGP]", "[TOP]"]
    };
    // The last word of the "to" side (its line breaks with the width).
    let (to_end, due) = ("service", "2027-02-01");
    let to_end = if en { to_end } else { "publik" };
    let mut out = vec![first, to_end.to_owned(), format!("P3 · {due}")];
    out.extend(tags.iter().map(|t| (*t).to_owned()));
    out
}

fn check_all_sizes(setup: fn() -> Setup, name: &str) {
    let fx = guided(setup());
    for size in SIZES {
        let text = screen(&fx, size);
        for must in musts(&fx) {
            assert!(
                text.contains(&must),
                "{must:?} is not on the {}×{} screen:\n{text}",
                size.0,
                size.1
            );
        }
        snapshot!(format!("guide_{name}_{}x{}", size.0, size.1), text);
    }
}

#[test]
fn the_guide_question_queue_kinds_mindset_and_action_show_at_every_size_in_indonesian() {
    check_all_sizes(Setup::id, "id");
}

#[test]
fn the_guide_question_queue_kinds_mindset_and_action_show_at_every_size_in_english() {
    check_all_sizes(Setup::en, "en");
}

#[test]
fn the_clock_shows_what_is_left_and_past_the_end_the_overrun_in_big_words() {
    let mut fx = guided(Setup::id());
    let text = screen(&fx, (120, 34));
    assert!(text.contains("sisa "), "{text}");
    // Big digits: block characters under the clock's line.
    assert!(text.contains('▀') || text.contains('█'), "{text}");
    let item = fx.s().active_item().unwrap().clone();
    let left = i64::from(item.minutes) * 60 - fx.s().item_elapsed_secs(&item, fx.now);
    fx.wait(left + 6);
    let small = screen(&fx, (80, 24));
    assert!(small.contains("LEWAT +00:06"), "{small}");
    let large = screen(&fx, (200, 60));
    assert!(large.contains("LEWAT +00:06"), "{large}");
    snapshot!("guide_over_200x60", large);
}

#[test]
fn w_steps_through_the_questions_and_capital_w_ticks_the_current_one_covered() {
    let mut fx = guided(Setup::en());
    let q = |fx: &Fx, i: usize| fx.s().active_item().unwrap().questions[i].clone();
    let lead = |text: &str| text.split(' ').take(3).collect::<Vec<_>>().join(" ");
    let current = |fx: &Fx| {
        let text = screen(fx, (80, 24));
        text.lines()
            .find(|l| l.contains('▶') && l.contains(" · ") | l.contains(" ✓ "))
            .map(str::to_owned)
            .unwrap_or_default()
    };
    assert!(current(&fx).contains(&lead(&q(&fx, 0))), "{}", current(&fx));
    fx.ch('w');
    assert!(current(&fx).contains(&lead(&q(&fx, 1))), "{}", current(&fx));
    fx.ch('W');
    let item = fx.s().active_item().unwrap();
    assert_eq!(item.covered, [2]);
    // The next one not yet covered is current: round to the first.
    assert!(current(&fx).contains(&lead(&q(&fx, 0))), "{}", current(&fx));
    fx.ch('W');
    assert_eq!(fx.s().active_item().unwrap().covered, [1, 2]);
    fx.ch('u');
    assert_eq!(fx.s().active_item().unwrap().covered, [2]);
}

#[test]
fn the_viewer_shows_no_focus_marker_and_no_names_of_who_has_not_spoken() {
    let mut fx = guided(Setup::id().role(Role::Viewer));
    fx.key(KeyCode::Tab);
    let text = screen(&fx, (120, 34));
    assert!(!text.contains('▸'), "{text}");
    let silent = fx.s().not_yet_spoken()[0].name.clone();
    assert!(!text.contains(&silent), "{text}");
    // The facilitator sees the names on the queue's focus.
    fx.app.role = Role::Facilitator;
    fx.app.focus = fgd::tui::app::Panel::Queue;
    let text = screen(&fx, (120, 34));
    assert!(text.contains(&silent[..12]), "{text}");
}

#[test]
fn a_break_paused_for_shows_when_the_room_is_back_and_keeps_counting() {
    let mut fx = Fx::id();
    fx.start();
    for _ in 0..3 {
        fx.exec(Command::NextItem);
    }
    assert!(fx.s().active_item().unwrap().setup.is_break, "Rehat kopi");
    fx.exec(Command::Pause);
    fx.wait(5 * 60);
    // 08:00 + 15 minutes: back at 08.15 whatever the pause.
    let text = screen(&fx, (120, 34));
    assert!(text.contains("REHAT — kembali pukul 08.15"), "{text}");
    assert!(text.contains("sisa 10:00"), "{text}");
    assert!(!text.contains("SESI DIJEDA"), "{text}");
    let small = screen(&fx, (80, 24));
    assert!(small.contains("REHAT — kembali pukul 08.15"), "{small}");
    snapshot!("break_id_120x34", text);
}

#[test]
fn a_presentation_has_its_own_speaker_limit_and_segments() {
    let mut fx = Setup {
        plan: "kbk-gelar-budaya-kerja",
        ..Setup::id()
    }
    .build();
    fx.start();
    fx.exec(Command::NextItem);
    fx.exec(Command::NextItem);
    fx.exec(Command::CallSpeaker {
        participant: "P1".into(),
    });
    fx.wait(11 * 60 + 20);
    let text = screen(&fx, (100, 30));
    assert!(
        text.contains("▶ Penyajian 11:20 / 15:00 · Tanya jawab 5′"),
        "{text}"
    );
    assert!(
        text.contains("11:20/15:00"),
        "the turn against 15 minutes:\n{text}"
    );
    assert!(!text.contains("LEWAT"), "{text}");
}
