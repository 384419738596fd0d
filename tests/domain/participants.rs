//! Participants: codes, names, presence, consent, removal.

use super::*;
use fgd::domain::{Recorded, apply};

// -------------------------------------------------------------- participants

#[test]
fn codes_are_assigned_in_order_or_kept_as_given() {
    let mut fx = Fx::new();
    fx.people(&["Budi", "Siti"]);
    let codes: Vec<&str> = fx.s.participants.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["P1", "P2"]);
    fx.ok(Command::AddParticipant {
        name: "Andi".into(),
        position: Some("Kepala Seksi".into()),
        unit: Some("Dinas Kominfo".into()),
        code: Some("P9".into()),
        nip: Some("198001012005011001".into()),
        consent: true,
        present: false,
        carried: false,
    });
    fx.ok(add_participant("Dewi"));
    let p9 = fx.s.participant("p9").unwrap();
    assert_eq!(p9.name, "Andi");
    assert_eq!(p9.nip.as_deref(), Some("198001012005011001"));
    assert_eq!(p9.unit.as_deref(), Some("Dinas Kominfo"));
    assert_eq!(
        fx.s.participants[3].code, "P10",
        "assigned after the highest P-code"
    );
}

#[test]
fn a_code_is_unique_case_insensitively() {
    let mut fx = Fx::new();
    fx.people(&["Budi Santoso"]);
    let e = fx.err(Command::AddParticipant {
        name: "Siti".into(),
        position: None,
        unit: None,
        code: Some("p1".into()),
        nip: None,
        consent: false,
        present: false,
        carried: false,
    });
    assert_eq!(
        e,
        DomainError::DuplicateCode {
            code: "p1".into(),
            name: "Budi Santoso".into()
        }
    );
    assert!(e.to_string().contains("Budi Santoso"), "{e}");
}

#[test]
fn a_bad_code_is_refused() {
    let mut fx = Fx::new();
    for code in ["P 9", "P#1", "ABCDEFGHIJKLM", "P٣"] {
        let e = fx.err(Command::AddParticipant {
            name: "Siti".into(),
            position: None,
            unit: None,
            code: Some(code.into()),
            nip: None,
            consent: false,
            present: false,
            carried: false,
        });
        assert!(matches!(e, DomainError::BadCode(_)), "{code}: {e:?}");
    }
    assert!(fx.s.participants.is_empty());
}

#[test]
fn a_participant_needs_a_name() {
    let mut fx = Fx::new();
    assert_eq!(
        fx.err(add_participant(" \t ")),
        DomainError::Empty("participant name")
    );
}

#[test]
fn arrival_and_absence_keep_the_arrival_time() {
    let mut fx = live();
    fx.advance(120);
    fx.ok(Command::Arrive {
        participant: "P2".into(),
    });
    let p = fx.s.participant("P2").unwrap();
    assert!(p.present);
    assert_eq!(p.arrived_at, Some(fx.now));
    assert_eq!(
        fx.err(Command::Arrive {
            participant: "p2".into()
        }),
        DomainError::AlreadyPresent("Siti Rahma".into())
    );
    fx.ok(Command::Absent {
        participant: "P2".into(),
    });
    let p = fx.s.participant("P2").unwrap();
    assert!(!p.present);
    assert_eq!(p.arrived_at, None);
    assert_eq!(
        fx.err(Command::Absent {
            participant: "P2".into()
        }),
        DomainError::NotPresent("Siti Rahma".into())
    );

    fx.advance(5);
    fx.ok(Command::AddParticipant {
        name: "Walk In".into(),
        position: None,
        unit: None,
        code: None,
        nip: None,
        consent: false,
        present: true,
        carried: false,
    });
    let w = fx.s.participant("P5").unwrap();
    assert!(w.present);
    assert_eq!(w.arrived_at, Some(fx.now));
}

#[test]
fn consent_decides_how_a_participant_is_quoted() {
    let mut fx = live();
    assert_eq!(fx.s.participant("P1").unwrap().quotable_name(), "P1");
    fx.ok(Command::EditParticipant {
        participant: "P1".into(),
        name: None,
        position: None,
        unit: None,
        nip: Some("197501012000031002".into()),
        consent: Some(true),
    });
    let p = fx.s.participant("P1").unwrap();
    assert!(p.consent);
    assert_eq!(p.quotable_name(), "Budi Santoso");
    assert_eq!(p.nip.as_deref(), Some("197501012000031002"));
    assert_eq!(
        fx.err(Command::EditParticipant {
            participant: "P1".into(),
            name: Some("Budi Santoso".into()),
            position: None,
            unit: None,
            nip: None,
            consent: Some(true),
        }),
        DomainError::NothingToChange
    );
    fx.ok(Command::EditParticipant {
        participant: "P1".into(),
        name: None,
        position: None,
        unit: None,
        nip: Some(String::new()),
        consent: None,
    });
    assert_eq!(
        fx.s.participant("P1").unwrap().nip,
        None,
        "an empty text clears"
    );
}

#[test]
fn a_queued_or_speaking_participant_cannot_be_removed() {
    let mut fx = live();
    fx.ok(hand("P1", SpeakKind::Reply));
    assert_eq!(
        fx.err(Command::RemoveParticipant {
            participant: "P1".into()
        }),
        DomainError::ParticipantBusy("Budi Santoso".into())
    );
    fx.ok(Command::CallNext);
    assert_eq!(
        fx.err(Command::RemoveParticipant {
            participant: "P1".into()
        }),
        DomainError::ParticipantBusy("Budi Santoso".into())
    );
    fx.ok(Command::FinishSpeaker);
    assert!(
        matches!(
            fx.err(Command::RemoveParticipant {
                participant: "P1".into()
            }),
            DomainError::TookPartRemove { .. }
        ),
        "someone who spoke stays in the record"
    );
    // An older log could remove them: replayed, they stay in the record.
    let mut old = fx.s.clone();
    apply(
        &mut old,
        &Recorded {
            seq: fx.s.last_seq + 1,
            at: fx.now,
            actor: Actor::Facilitator,
            event: Event::ParticipantRemoved { code: "P1".into() },
        },
    );
    assert!(!old.participant("P1").unwrap().removed);
    // One who never took part can be removed.
    fx.ok(Command::RemoveParticipant {
        participant: "P4".into(),
    });
    assert!(fx.s.participant("P4").unwrap().removed);
    assert_eq!(fx.s.participants().count(), 3);
    assert_eq!(
        fx.err(Command::Arrive {
            participant: "P4".into()
        }),
        DomainError::UnknownParticipant("P4".into()),
        "a removed participant can't be named"
    );
    assert_eq!(
        fx.s.name_of("P4"),
        "Dewi Lestari",
        "old references still resolve"
    );
    assert_eq!(fx.s.turns[0].code, "P1");
    fx.ok(add_participant("Eko"));
    assert_eq!(
        fx.s.participants[4].code, "P5",
        "a removed code is not reused"
    );
}

#[test]
fn participants_are_named_by_code_or_exact_name() {
    let mut fx = live();
    let arrive = |r: &str| Command::Arrive {
        participant: r.into(),
    };
    fx.ok(arrive("p2"));
    assert!(fx.s.participant("P2").unwrap().present);
    fx.ok(arrive("  budi SANTOSO "));
    assert!(fx.s.participant("P1").unwrap().present);
    assert_eq!(
        fx.err(arrive("Andi")),
        DomainError::UnknownParticipant("Andi".into()),
        "a part of a name is not a reference"
    );
    assert_eq!(
        fx.err(arrive("P99")),
        DomainError::UnknownParticipant("P99".into())
    );
}

#[test]
fn an_ambiguous_name_lists_the_codes() {
    let mut fx = live();
    fx.people(&["Budi Santoso"]);
    let e = fx.err(hand("budi santoso", SpeakKind::Topic));
    assert_eq!(
        e,
        DomainError::AmbiguousParticipant {
            name: "budi santoso".into(),
            codes: vec!["P1".into(), "P5".into()],
        }
    );
    let msg = e.to_string();
    assert!(msg.contains("P1, P5"), "{msg}");
    fx.ok(hand("P5", SpeakKind::Topic));
}
