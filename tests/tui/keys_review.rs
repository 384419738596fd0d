//! The review of last meeting's actions on the screen: `R` (or the review
//! item coming up) lists the carried actions; `s`, `p`, `e`, `b` set each
//! one's outcome as `set_action_status` events, and the screen shows them.

use super::keys::{form_open, small};
use crate::tui_support::Fx;
use chrono::NaiveDate;
use fgd::domain::{ActionStatus, Carried, Command, ItemId, Outcome};
use fgd::tui::overlay::Overlay;
use ratatui::crossterm::event::KeyCode;

/// Three actions carried from meeting 1, under agenda item 2.
fn carried_fx() -> Fx {
    let mut fx = Fx::id();
    let from = NaiveDate::from_ymd_opt(2026, 12, 14).unwrap();
    for (n, what) in [
        "Susun SOP layanan",
        "Data Linmas per desa",
        "Papan informasi",
    ]
    .into_iter()
    .enumerate()
    {
        let number = u32::try_from(n).unwrap() + 1;
        fx.exec(Command::AddAction {
            what: what.into(),
            pic: Some("P1".into()),
            due: Some("2026-12-28".into()),
            item: Some(ItemId(2)),
            origin: Some("2026-12-14-obsesi".into()),
            carried: Some(Carried {
                meeting: 1,
                date: from,
                number,
                due: NaiveDate::from_ymd_opt(2026, 12, 28),
                note: None,
            }),
        });
    }
    fx.start();
    fx
}

fn outcome(fx: &Fx, n: u32) -> Option<Outcome> {
    fx.s().actions().find(|a| a.id.0 == n).unwrap().outcome()
}

#[test]
fn r_opens_the_review_and_each_key_sets_an_outcome() {
    let mut fx = carried_fx();
    fx.ch('R');
    assert!(matches!(fx.app.overlays.last(), Some(Overlay::Review(0))));
    let screen = small(&fx);
    for text in [
        "Review tindak lanjut — 0/3",
        "Susun SOP layanan",
        "belum ditinjau",
        "pertemuan ke-1, 14 Desember 2026",
    ] {
        assert!(screen.contains(text), "{text}:\n{screen}");
    }
    fx.ch('s');
    assert_eq!(outcome(&fx, 1), Some(Outcome::Done));
    fx.key(KeyCode::Down);
    fx.ch('e');
    assert!(form_open(&fx));
    fx.tab();
    fx.typed("besok");
    fx.enter();
    assert!(form_open(&fx), "a bad date keeps the form open");
    for _ in 0.."besok".len() {
        fx.key(KeyCode::Backspace);
    }
    fx.typed("2027-02-15");
    fx.enter();
    assert_eq!(outcome(&fx, 2), Some(Outcome::Extended));
    let a = fx.s().actions().find(|a| a.id.0 == 2).unwrap();
    assert_eq!(a.due, NaiveDate::from_ymd_opt(2027, 2, 15));
    fx.key(KeyCode::Down);
    fx.ch('p');
    fx.typed("draf beredar");
    fx.enter();
    assert_eq!(outcome(&fx, 3), Some(Outcome::InProgress));
    let screen = small(&fx);
    assert!(screen.contains("Review tindak lanjut — 3/3"), "{screen}");
    assert!(screen.contains("dalam proses"), "{screen}");
    assert!(screen.contains("Catatan: draf beredar"), "{screen}");
    fx.ch('b');
    assert_eq!(outcome(&fx, 3), Some(Outcome::Dropped));
    assert_eq!(
        fx.s()
            .actions()
            .filter(|a| a.status == ActionStatus::Open)
            .count(),
        1
    );
    fx.esc();
    assert!(fx.app.overlays.is_empty());
}

#[test]
fn the_review_opens_when_its_item_comes_up_and_r_without_carried_actions_says_so() {
    let mut fx = carried_fx();
    assert!(fx.app.overlays.is_empty());
    fx.ch('n');
    assert!(
        matches!(fx.app.overlays.last(), Some(Overlay::Review(0))),
        "item 2 holds the carried actions"
    );

    let mut plain = Fx::id();
    plain.ch('R');
    assert!(plain.app.overlays.is_empty());
    let screen = small(&plain);
    assert!(
        screen.contains("Tidak ada tindak lanjut yang dibawa"),
        "{screen}"
    );
}
