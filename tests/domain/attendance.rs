//! Attendance follows participation: every way of taking part marks a
//! participant present with an arrival at that moment; someone who took part
//! can be neither marked absent nor removed; undo and old logs keep it true.

use super::*;
use fgd::domain::{Language, Recorded, apply};

/// A live session with nobody marked present, ten minutes in.
fn nobody_present() -> Fx {
    let mut fx = live();
    assert!(fx.s.participants().all(|p| !p.present));
    fx.advance(600);
    fx
}

#[track_caller]
fn arrived(fx: &Fx, code: &str) -> Option<chrono::DateTime<Utc>> {
    let p = fx.s.participant(code).unwrap();
    assert_eq!(
        p.present,
        p.arrived_at.is_some(),
        "{code}: present with an arrival"
    );
    p.arrived_at
}

#[test]
fn every_way_of_taking_part_marks_present_at_that_moment() {
    let quote = |who: &str| Command::AddNote {
        text: "kata mereka".into(),
        kind: NoteKind::Quote,
        participant: Some(who.into()),
        private: None,
        item: None,
    };
    let shift = |who: &str| Command::AddMindset {
        from: "dilayani".into(),
        to: "melayani".into(),
        values: vec![],
        participant: Some(who.into()),
        item: None,
    };
    let ways: Vec<(&str, Command)> = vec![
        ("P1", hand("P1", SpeakKind::Topic)),
        ("P2", call("P2")),
        ("P3", quote("P3")),
        ("P4", shift("P4")),
    ];
    for (code, cmd) in ways {
        let mut fx = nobody_present();
        fx.ok(cmd);
        assert_eq!(arrived(&fx, code), Some(fx.now), "{code}");
        assert!(fx.s.participant(code).unwrap().by_taking_part);
        let others = fx.s.participants().filter(|p| p.present).count();
        assert_eq!(others, 1, "only {code} is marked present");
        fx.check();
    }
    let mut fx = nobody_present();
    fx.ok(action("Susun SOP", Some("Siti"), Some("+7d")));
    assert_eq!(arrived(&fx, "P2"), Some(fx.now), "a linked PIC");
    fx.ok(action("Rapat lanjutan", Some("Bagian Umum"), None));
    assert_eq!(
        fx.s.participants().filter(|p| p.present).count(),
        1,
        "free text links nobody"
    );
}

#[test]
fn a_corrected_attribution_marks_present_when_the_record_was_made() {
    let mut fx = nobody_present();
    fx.ok(note("Suasana cair", NoteKind::Insight));
    let made = fx.now;
    fx.advance(300);
    fx.ok(Command::EditNote {
        note: NoteId(1),
        text: None,
        kind: None,
        participant: Some("P3".into()),
        private: None,
    });
    assert_eq!(arrived(&fx, "P3"), Some(made));
    fx.check();
}

#[test]
fn an_explicit_arrival_is_kept_and_not_yet_spoken_ignores_arrivals_by_speaking() {
    let mut fx = nobody_present();
    fx.ok(call("P1"));
    let codes = |s: &Session| {
        s.not_yet_spoken()
            .iter()
            .map(|p| p.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(&fx.s),
        ["P2", "P3", "P4"],
        "no roll call yet: everyone else"
    );
    fx.ok(Command::Arrive {
        participant: "P2".into(),
    });
    assert_eq!(codes(&fx.s), ["P2"], "after a roll call: those present");
    let spoke = arrived(&fx, "P1");
    fx.advance(10);
    fx.ok(Command::Arrive {
        participant: "P1".into(),
    });
    assert_eq!(
        arrived(&fx, "P1"),
        spoke,
        "the roll call keeps the first arrival"
    );
    assert!(!fx.s.participant("P1").unwrap().by_taking_part);
    assert!(matches!(
        fx.err(Command::Arrive {
            participant: "P1".into()
        }),
        DomainError::AlreadyPresent(_)
    ));
    let at = arrived(&fx, "P2");
    fx.advance(30);
    fx.ok(hand("P2", SpeakKind::Reply));
    assert_eq!(arrived(&fx, "P2"), at, "an arrival already recorded stays");
}

#[test]
fn someone_who_took_part_cannot_be_marked_absent_or_removed() {
    let mut fx = nobody_present();
    let spoke = fx.now;
    fx.ok(call("P3"));
    fx.advance(60);
    fx.ok(Command::FinishSpeaker);
    let absent = fx.err(Command::Absent {
        participant: "P3".into(),
    });
    assert_eq!(
        absent,
        DomainError::TookPartAbsent {
            name: "Andi Wijaya".into(),
            at: spoke,
            zone: fx.s.info.zone,
        }
    );
    let said = fgd::i18n::refusals::refusal(Language::Id, &absent);
    let hhmm = fgd::i18n::time(spoke, fx.s.info.zone, Language::Id);
    assert!(
        said.contains(&hhmm) && said.contains("Andi Wijaya"),
        "{said}"
    );
    let en = absent.to_string();
    assert!(
        en.contains(&fgd::i18n::time(spoke, fx.s.info.zone, Language::En)),
        "{en}"
    );
    let removed = fx.err(Command::RemoveParticipant {
        participant: "P3".into(),
    });
    assert!(matches!(removed, DomainError::TookPartRemove { .. }));
    let said = fgd::i18n::refusals::refusal(Language::Id, &removed);
    assert!(
        said.contains("tandai tidak hadir"),
        "offers marking absent: {said}"
    );
    // A record naming them counts too, until it is removed.
    fx.ok(Command::Arrive {
        participant: "P4".into(),
    });
    fx.ok(action("Kirim data", Some("P4"), None));
    assert!(matches!(
        fx.err(Command::Absent {
            participant: "P4".into()
        }),
        DomainError::TookPartAbsent { .. }
    ));
    fx.ok(Command::RemoveAction {
        action: ActionId(1),
    });
    fx.ok(Command::Absent {
        participant: "P4".into(),
    });
    fx.check();
}

#[test]
fn undo_of_taking_part_takes_back_the_arrival_it_made() {
    let mut fx = nobody_present();
    let before = sans_clock(&fx.s);
    fx.ok(hand("P2", SpeakKind::Topic));
    assert!(fx.s.participant("P2").unwrap().present);
    fx.ok(Command::Undo);
    assert_eq!(sans_clock(&fx.s), before);
    // An explicit arrival undone after they took part: they stay present.
    fx.ok(Command::Arrive {
        participant: "P1".into(),
    });
    fx.n(hand("P1", SpeakKind::Topic)).unwrap();
    let raised = fx.now;
    fx.advance(5);
    fx.ok(Command::Undo);
    assert_eq!(
        arrived(&fx, "P1"),
        Some(raised),
        "arrived when they raised a hand"
    );
    fx.check();
    assert!(replay(&fx.log) == fx.s);
}

#[test]
fn an_old_log_that_marked_a_speaker_absent_replays_to_present() {
    let mut fx = nobody_present();
    fx.ok(Command::Arrive {
        participant: "P1".into(),
    });
    fx.ok(call("P1"));
    let mut log = fx.log.clone();
    log.push(Recorded {
        seq: fx.s.last_seq + 1,
        at: fx.now,
        actor: Actor::Facilitator,
        event: Event::MarkedAbsent { code: "P1".into() },
    });
    let s = replay(&log);
    let p = s.participant("P1").unwrap();
    assert!(p.present && p.arrived_at == Some(fx.now));
    let mut again = fx.s.clone();
    apply(&mut again, log.last().unwrap());
    assert!(again == s, "apply and replay agree");
    s.check_invariants(fx.now).unwrap();
}
