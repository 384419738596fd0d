//! The floor: the speaker queue's TCQ priorities, calling and finishing speakers, talk time and who has not yet spoken.

use super::*;
use crate::common;

// --------------------------------------------------------------- speaker queue

#[test]
fn the_queue_follows_tcq_priorities() {
    let mut fx = Fx::new();
    fx.people(&["A", "B", "C", "D", "E", "F", "G", "H"]);
    let steps = [
        ("A", SpeakKind::Topic),
        ("B", SpeakKind::Reply),
        ("C", SpeakKind::Topic),
        ("D", SpeakKind::PointOfOrder),
        ("E", SpeakKind::Clarify),
        ("F", SpeakKind::Reply),
        ("G", SpeakKind::PointOfOrder),
        ("H", SpeakKind::Clarify),
        ("A", SpeakKind::Reply),
    ];
    for (who, kind) in steps {
        fx.ok(hand(who, kind));
    }
    let got: Vec<String> =
        fx.s.queue
            .iter()
            .map(|e| format!("{}:{}", fx.s.name_of(&e.code), e.kind))
            .collect();
    assert_eq!(
        got,
        [
            "D:point_of_order",
            "G:point_of_order",
            "E:clarify",
            "H:clarify",
            "B:reply",
            "F:reply",
            "A:reply",
            "A:topic",
            "C:topic",
        ]
    );
    fx.check();
}

#[test]
fn a_new_entry_goes_behind_the_last_entry_of_same_or_higher_priority() {
    let mut fx = live();
    fx.ok(hand("P1", SpeakKind::Topic));
    fx.ok(hand("P2", SpeakKind::PointOfOrder));
    // the facilitator moves the topic to the front
    fx.ok(Command::MoveQueueEntry {
        entry: EntryId(1),
        to: 1,
    });
    fx.ok(hand("P3", SpeakKind::Clarify));
    assert_eq!(
        queue(&fx.s),
        [
            ("P1".into(), SpeakKind::Topic),
            ("P2".into(), SpeakKind::PointOfOrder),
            ("P3".into(), SpeakKind::Clarify),
        ]
    );
}

#[test]
fn one_entry_per_participant_and_kind() {
    let mut fx = live();
    fx.ok(hand("P1", SpeakKind::Reply));
    let e = fx.err(hand("budi santoso", SpeakKind::Reply));
    assert_eq!(
        e,
        DomainError::AlreadyQueued {
            name: "Budi Santoso".into(),
            kind: SpeakKind::Reply
        }
    );
    assert_eq!(
        e.to_string(),
        "Budi Santoso is already in the queue as reply"
    );
    fx.ok(hand("P1", SpeakKind::Topic));
    fx.ok(hand("P1", SpeakKind::PointOfOrder));
    assert_eq!(fx.s.queue.len(), 3);
    fx.check();
}

#[test]
fn entries_can_be_moved_and_removed() {
    let mut fx = live();
    for p in ["P1", "P2", "P3"] {
        fx.ok(hand(p, SpeakKind::Topic));
    }
    fx.ok(Command::MoveQueueEntry {
        entry: EntryId(3),
        to: 1,
    });
    assert_eq!(
        fx.s.queue.iter().map(|e| e.id.0).collect::<Vec<_>>(),
        [3, 1, 2]
    );
    fx.ok(Command::RemoveQueueEntry { entry: EntryId(1) });
    assert_eq!(
        fx.s.queue.iter().map(|e| e.id.0).collect::<Vec<_>>(),
        [3, 2]
    );
    assert_eq!(
        fx.err(Command::RemoveQueueEntry { entry: EntryId(1) }),
        DomainError::UnknownEntry(1)
    );
    assert_eq!(
        fx.err(Command::MoveQueueEntry {
            entry: EntryId(2),
            to: 3
        }),
        DomainError::BadPosition { to: 3, len: 2 }
    );
    fx.ok(hand("P1", SpeakKind::Topic));
    assert_eq!(fx.s.queue[2].id, EntryId(4), "entry numbers are not reused");
}

#[test]
fn call_next_pops_the_front_and_starts_the_turn() {
    let mut fx = live();
    assert_eq!(fx.err(Command::CallNext), DomainError::QueueEmpty);
    fx.ok(hand("P1", SpeakKind::Topic));
    fx.ok(hand("P2", SpeakKind::Clarify));
    fx.advance(10);
    fx.ok(Command::CallNext);
    let sp = fx.s.speaking.clone().unwrap();
    assert_eq!(
        (sp.code.as_str(), sp.kind, sp.since),
        ("P2", SpeakKind::Clarify, fx.now)
    );
    assert_eq!(sp.item, Some(item(1)));
    assert_eq!(queue(&fx.s), [("P1".into(), SpeakKind::Topic)]);

    fx.advance(45);
    fx.ok(Command::CallNext);
    assert_eq!(fx.s.speaking.as_ref().unwrap().code, "P1");
    assert_eq!(fx.s.turns.len(), 1, "calling finishes the current turn");
    assert_eq!(
        (fx.s.turns[0].code.as_str(), fx.s.turns[0].secs),
        ("P2", 45)
    );
    assert!(fx.s.queue.is_empty());
    fx.check();
}

#[test]
fn calling_in_a_planned_session_is_refused() {
    let mut fx = Fx::new();
    fx.people(&["Budi"]);
    fx.ok(hand("P1", SpeakKind::Topic));
    assert_eq!(fx.err(Command::CallNext), DomainError::NotStarted);
    assert_eq!(fx.err(call("P1")), DomainError::NotStarted);
}

#[test]
fn calling_a_participant_uses_their_queue_entry() {
    let mut fx = live();
    fx.ok(hand("P1", SpeakKind::Topic));
    fx.ok(hand("P3", SpeakKind::Reply));
    fx.ok(hand("P2", SpeakKind::Topic));
    fx.ok(call("Siti Rahma"));
    let sp = fx.s.speaking.clone().unwrap();
    assert_eq!((sp.code.as_str(), sp.kind), ("P2", SpeakKind::Topic));
    assert_eq!(
        queue(&fx.s),
        [
            ("P3".into(), SpeakKind::Reply),
            ("P1".into(), SpeakKind::Topic)
        ]
    );
    assert_eq!(
        fx.err(call("P2")),
        DomainError::AlreadySpeaking("Siti Rahma".into())
    );
    // someone not queued speaks on a new topic and the queue stays
    fx.ok(call("P4"));
    assert_eq!(fx.s.speaking.as_ref().unwrap().kind, SpeakKind::Topic);
    assert_eq!(fx.s.queue.len(), 2);
    assert_eq!(fx.s.turns.len(), 1);
}

#[test]
fn finishing_with_nobody_speaking_is_refused() {
    let mut fx = live();
    let e = fx.err(Command::FinishSpeaker);
    assert_eq!(e, DomainError::NotSpeaking);
    assert_eq!(e.to_string(), "no speaker is talking");
}

#[test]
fn talk_time_and_turns_are_kept_per_participant() {
    let mut fx = live();
    fx.ok(call("P1"));
    fx.advance(30);
    fx.ok(call("P2"));
    fx.advance(20);
    fx.ok(call("P1"));
    fx.advance(15);
    fx.ok(Command::FinishSpeaker);
    fx.ok(call("P2"));
    fx.advance(5);
    let stats = fx.s.talk_stats(fx.now);
    let got: Vec<(&str, i64, u32)> = stats
        .iter()
        .map(|t| (t.code.as_str(), t.secs, t.turns))
        .collect();
    assert_eq!(
        got,
        [("P1", 45, 2), ("P2", 25, 2), ("P3", 0, 0), ("P4", 0, 0)],
        "a turn in progress counts"
    );
    fx.check();
}

#[test]
fn not_yet_spoken_lists_the_present_once_anyone_is_present() {
    let mut fx = live();
    let codes = |s: &Session| {
        s.not_yet_spoken()
            .iter()
            .map(|p| p.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&fx.s), ["P1", "P2", "P3", "P4"]);
    fx.ok(call("P1"));
    assert_eq!(codes(&fx.s), ["P2", "P3", "P4"], "speaking now counts");
    fx.ok(Command::FinishSpeaker);
    assert_eq!(codes(&fx.s), ["P2", "P3", "P4"]);
    for p in ["P1", "P2", "P3"] {
        fx.ok(Command::Arrive {
            participant: p.into(),
        });
    }
    assert_eq!(codes(&fx.s), ["P2", "P3"], "P4 is not here");
    fx.ok(call("P3"));
    fx.ok(Command::FinishSpeaker);
    assert_eq!(codes(&fx.s), ["P2"]);
}

#[test]
fn the_turn_limit_is_passed_after_the_limit_in_live_time() {
    let mut info = common::info();
    info.speaker_limit_secs = 120;
    let mut fx = Fx::with_info(info);
    fx.people(&["Budi"]);
    fx.start();
    assert!(!fx.s.speaker_over_limit(fx.now), "nobody speaks");
    fx.ok(call("P1"));
    fx.advance(100);
    fx.ok(Command::Pause);
    fx.advance(600);
    assert!(!fx.s.speaker_over_limit(fx.now), "pauses do not count");
    fx.ok(Command::Resume);
    fx.advance(20);
    assert!(!fx.s.speaker_over_limit(fx.now), "exactly at the limit");
    fx.advance(1);
    assert!(fx.s.speaker_over_limit(fx.now));
    fx.ok(Command::FinishSpeaker);
    assert!(!fx.s.speaker_over_limit(fx.now));
}

#[test]
fn the_turn_limit_defaults_to_three_minutes() {
    let mut info = common::info();
    info.speaker_limit_secs = 0;
    let fx = Fx::with_info(info);
    assert_eq!(fx.s.info.speaker_limit_secs, 180);
}
