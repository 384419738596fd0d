//! The schedule: a break's countdown runs while the session is paused for
//! it; planned clock times from the plan's start time, the drift and the
//! expected end (a settable clock); an item's own speaker limit; segments;
//! a bad setup refused.

use chrono::{Duration, NaiveTime};
use fgd::domain::schedule::{ItemSetup, Segment, segment_at};

use super::*;
use crate::common::info;

fn item_with(title: &str, minutes: u32, setup: ItemSetup) -> Command {
    Command::AddAgendaItem {
        title: title.into(),
        minutes,
        owner: None,
        questions: vec![],
        position: None,
        origin: None,
        setup,
        presenter: None,
    }
}

/// Opening 20′, a 15′ break, a 20′ presentation with its own limit and
/// segments; the day planned from 09:00 (the fixture's clock starts there).
fn day() -> Fx {
    let mut fx = Fx::with_info(SessionInfo {
        start_time: NaiveTime::from_hms_opt(9, 0, 0),
        ..info()
    });
    fx.people(&["Budi Santoso", "Siti Rahma"]);
    fx.ok(item_with("Pembukaan", 20, ItemSetup::default()));
    fx.ok(item_with(
        "Rehat kopi",
        15,
        ItemSetup {
            is_break: true,
            ..ItemSetup::default()
        },
    ));
    fx.ok(item_with(
        "Penyajian",
        20,
        ItemSetup {
            speaker_limit_minutes: Some(15),
            segments: vec![
                Segment {
                    title: "Penyajian".into(),
                    minutes: 15,
                },
                Segment {
                    title: "Tanya jawab".into(),
                    minutes: 5,
                },
            ],
            ..ItemSetup::default()
        },
    ));
    fx
}

#[test]
fn a_breaks_countdown_runs_while_the_session_is_paused_for_it() {
    let mut fx = day();
    fx.start();
    fx.advance(60);
    // A paused ordinary item stands still.
    fx.ok(Command::Pause);
    fx.advance(120);
    let opening = fx.s.active_item().unwrap().clone();
    assert_eq!(fx.s.item_elapsed_secs(&opening, fx.now), 60);
    fx.ok(Command::Resume);
    fx.ok(Command::NextItem);
    fx.ok(Command::Pause);
    fx.advance(300);
    let rehat = fx.s.active_item().unwrap().clone();
    assert!(rehat.setup.is_break);
    assert_eq!(fx.s.item_elapsed_secs(&rehat, fx.now), 300);
    // The session's own clock stays paused.
    assert_eq!(fx.s.elapsed_secs(fx.now), 60);
    fx.check();
}

#[test]
fn the_drift_and_the_expected_end_follow_the_clock_plan() {
    let mut fx = day();
    // Planned: 09:00, 09:20, 09:35, end 09:55 (WIB, +07:00).
    let at = |h: u32, m: u32| {
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, h - 7, m, 0)
            .unwrap()
    };
    assert_eq!(fx.s.planned_start(1), Some(at(9, 20)));
    assert_eq!(fx.s.planned_start(2), Some(at(9, 35)));
    assert_eq!(fx.s.planned_end(), Some(at(9, 55)));
    assert_eq!(fx.s.drift_minutes(fx.now), None, "not started");
    fx.set(at(9, 12));
    fx.start();
    assert_eq!(fx.s.drift_minutes(fx.now), Some(12));
    assert_eq!(fx.s.expected_end(fx.now), at(10, 7));
    // The opening ends early: 8 minutes made up.
    fx.set(at(9, 24));
    fx.ok(Command::NextItem);
    assert_eq!(fx.s.drift_minutes(fx.now), Some(4));
    // Past a break's end the drift grows by the minute.
    fx.set(at(9, 44));
    assert_eq!(fx.s.drift_minutes(fx.now), Some(9));
    fx.now += Duration::minutes(1);
    assert_eq!(fx.s.drift_minutes(fx.now), Some(10));
}

#[test]
fn an_items_own_speaker_limit_and_segments_hold_while_it_is_active() {
    let mut fx = day();
    fx.start();
    fx.ok(call("P1"));
    fx.advance(200);
    assert!(fx.s.speaker_over_limit(fx.now), "the session's 3 minutes");
    fx.ok(Command::NextItem);
    fx.ok(Command::NextItem);
    assert_eq!(fx.s.speaker_limit_secs(), 15 * 60);
    fx.ok(call("P2"));
    fx.advance(14 * 60);
    assert!(!fx.s.speaker_over_limit(fx.now));
    fx.advance(61);
    assert!(fx.s.speaker_over_limit(fx.now));
    let it = fx.s.active_item().unwrap();
    let elapsed = fx.s.item_elapsed_secs(it, fx.now);
    assert_eq!(segment_at(it, elapsed), Some((1, elapsed - 15 * 60)));
    assert_eq!(segment_at(it, 60), Some((0, 60)));
    // Past the last segment it stays the current one.
    assert_eq!(segment_at(it, 30 * 60), Some((1, 15 * 60)));
}

#[test]
fn a_bad_setup_is_refused_and_changes_nothing() {
    let mut fx = day();
    let e = fx.err(item_with(
        "X",
        10,
        ItemSetup {
            speaker_limit_minutes: Some(0),
            ..ItemSetup::default()
        },
    ));
    assert_eq!(e, DomainError::BadMinutes(0));
    let e = fx.err(item_with(
        "X",
        10,
        ItemSetup {
            segments: vec![Segment {
                title: "  ".into(),
                minutes: 5,
            }],
            ..ItemSetup::default()
        },
    ));
    assert!(matches!(e, DomainError::Empty(_)), "{e:?}");
    assert_eq!(fx.s.agenda.len(), 3);
}
