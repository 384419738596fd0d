//! Overdue: one rule for the screen and every file — open, and due before
//! the day (in the session's zone) of "now", or of the end once ended.

use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::common::t0;

#[test]
fn overdue_is_due_before_the_day_of_now_in_the_sessions_zone() {
    let mut fx = live();
    fx.ok(action("lapor", Some("P1"), Some("2026-11-23")));
    fx.ok(action("kirim", None, Some("2026-11-22")));
    fx.ok(action("tanpa tenggat", None, None));
    let a: Vec<_> = fx.s.actions().cloned().collect();
    let now = t0();
    assert!(!fx.s.is_overdue(&a[0], now), "due today is not overdue");
    assert!(fx.s.is_overdue(&a[1], now), "due yesterday is");
    assert!(!fx.s.is_overdue(&a[2], now), "no due date never is");
    // 23:59 WIB on the 23rd is 16:59 UTC; 00:01 WIB on the 24th is 17:01 UTC
    // on the 23rd: the zone's day counts, not UTC's.
    let late = Utc.with_ymd_and_hms(2026, 11, 23, 16, 59, 0).unwrap();
    let next = Utc.with_ymd_and_hms(2026, 11, 23, 17, 1, 0).unwrap();
    assert!(!fx.s.is_overdue(&a[0], late));
    assert!(fx.s.is_overdue(&a[0], next));
}

#[test]
fn done_or_dropped_actions_are_never_overdue() {
    let mut fx = live();
    fx.ok(action("lapor", None, Some("2026-11-01")));
    fx.ok(action("kirim", None, Some("2026-11-01")));
    fx.ok(Command::SetActionStatus {
        action: ActionId(1),
        status: ActionStatus::Done,
        note: None,
        due: None,
    });
    fx.ok(Command::SetActionStatus {
        action: ActionId(2),
        status: ActionStatus::Dropped,
        note: None,
        due: None,
    });
    assert!(fx.s.actions().all(|a| !fx.s.is_overdue(a, t0())));
}

#[test]
fn an_ended_session_is_judged_as_of_its_end() {
    let mut fx = live();
    fx.ok(action("lapor", None, Some("+1d")));
    fx.advance(60);
    fx.ok(Command::End);
    let a = fx.s.actions().next().unwrap().clone();
    let month_later = t0() + Duration::days(30);
    assert!(
        !fx.s.is_overdue(&a, month_later),
        "the record of a session is as of its end"
    );
}
