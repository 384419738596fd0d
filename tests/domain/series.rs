//! Series and the review: `set_action_status` with a progress note and a new
//! due date, what the review makes of a carried action, and undo.

use super::*;
use fgd::domain::{Carried, Outcome};

fn carried(what: &str, due: &str) -> Command {
    Command::AddAction {
        what: what.into(),
        pic: Some("P1".into()),
        due: Some(due.into()),
        item: None,
        origin: Some("2026-10-23-obsesi".into()),
        carried: Some(Carried {
            meeting: 2,
            date: day("2026-10-23"),
            number: 4,
            due: Some(day(due)),
            note: Some("draf ada".into()),
        }),
    }
}

fn status(n: u32, status: ActionStatus, note: Option<&str>, due: Option<&str>) -> Command {
    Command::SetActionStatus {
        action: ActionId(n),
        status,
        note: note.map(Into::into),
        due: due.map(Into::into),
    }
}

fn outcome(fx: &Fx, n: u32) -> Option<Outcome> {
    fx.s.actions().find(|a| a.id.0 == n).unwrap().outcome()
}

#[test]
fn a_note_and_a_new_due_date_make_progress_and_an_extension() {
    let mut fx = live();
    fx.ok(carried("SOP", "2026-11-10"));
    fx.ok(carried("Data", "2026-11-10"));
    fx.ok(action("baru", None, None));
    assert_eq!(outcome(&fx, 1), Some(Outcome::Pending));
    assert_eq!(outcome(&fx, 3), None, "not carried");
    assert_eq!(
        fx.s.actions().next().unwrap().latest_note(),
        Some("draf ada"),
        "the carried note until a new one"
    );

    fx.ok(status(
        1,
        ActionStatus::Open,
        Some("tinggal tanda tangan"),
        None,
    ));
    assert_eq!(outcome(&fx, 1), Some(Outcome::InProgress));
    fx.ok(status(2, ActionStatus::Open, None, Some("2027-01-31")));
    assert_eq!(outcome(&fx, 2), Some(Outcome::Extended));
    assert_eq!(fx.s.actions().nth(1).unwrap().due, Some(day("2027-01-31")));

    // A due date with done or dropped, and a change of nothing, are refused.
    let e = fx.err(status(1, ActionStatus::Done, None, Some("2027-01-31")));
    assert_eq!(e, DomainError::DueOfClosedAction);
    let e = fx.err(status(
        1,
        ActionStatus::Open,
        Some("tinggal tanda tangan"),
        None,
    ));
    assert_eq!(e, DomainError::NothingToChange);

    fx.ok(status(1, ActionStatus::Done, Some("selesai 2 Des"), None));
    assert_eq!(outcome(&fx, 1), Some(Outcome::Done));
    fx.ok(Command::Undo);
    assert_eq!(
        outcome(&fx, 1),
        Some(Outcome::InProgress),
        "undo brings the note back"
    );
    assert_eq!(
        fx.s.actions().next().unwrap().note.as_deref(),
        Some("tinggal tanda tangan")
    );
}

#[test]
fn the_review_item_is_the_one_the_carried_actions_are_under() {
    let mut fx = live();
    assert!(fx.s.review_item().is_none());
    let mut cmd = carried("SOP", "2026-11-10");
    if let Command::AddAction { item, .. } = &mut cmd {
        *item = Some(ItemId(2));
    }
    fx.ok(cmd);
    assert_eq!(fx.s.review_item().map(|i| i.id), Some(ItemId(2)));
    assert!(!fx.s.reviewing(), "item 1 is active");
    fx.ok(Command::NextItem);
    assert!(fx.s.reviewing());
    assert_eq!(fx.s.info.series_id(), fx.s.info.id, "no series: its own id");
}
