//! Speakers beyond participants: resource persons (`N1…`, plan order) and
//! the chair (`F`) raise hands, take the floor, are quoted and own mindset
//! shifts; they are never marked present and are counted apart from the
//! participants' equity figures.

use super::*;
use fgd::domain::{Person, SpeakerRole};

/// A live session with two resource persons and a chair.
fn with_guests() -> Fx {
    let mut info = common::info();
    info.resource_persons = vec![
        "Dr. Andi Irwan Pananrangi, M.Ed. (Kepala Pusat Inovasi, LAN)".into(),
        "Ir. Sri Wahyuni".into(),
    ];
    info.facilitator = Some(Person {
        name: "Drs. Hendra Kusuma".into(),
        ..Person::default()
    });
    let mut fx = Fx::with_info(info);
    fx.people(&["Budi Santoso", "Siti Rahma", "Andi Wijaya"]);
    fx.items(&["Paparan", "Diskusi"]);
    fx.start();
    fx
}

#[test]
fn resource_persons_and_the_chair_resolve_by_code_and_exact_name() {
    let fx = with_guests();
    let s = &fx.s;
    assert_eq!(s.find_speaker("N1").unwrap(), "N1");
    assert_eq!(s.find_speaker("n2").unwrap(), "N2");
    assert_eq!(s.find_speaker("dr. andi irwan pananrangi").unwrap(), "N1");
    assert_eq!(
        s.find_speaker("Dr. Andi Irwan Pananrangi, M.Ed.").unwrap(),
        "N1"
    );
    assert_eq!(
        s.find_speaker("Dr. Andi Irwan Pananrangi, M.Ed. (Kepala Pusat Inovasi, LAN)")
            .unwrap(),
        "N1"
    );
    assert_eq!(s.find_speaker("Ir. Sri Wahyuni").unwrap(), "N2");
    assert_eq!(s.find_speaker("F").unwrap(), "F");
    assert_eq!(s.find_speaker("Drs. Hendra Kusuma").unwrap(), "F");
    assert_eq!(s.find_speaker("P2").unwrap(), "P2", "participants first");
    assert_eq!(
        s.find_speaker("N3"),
        Err(DomainError::UnknownParticipant("N3".into()))
    );
    assert_eq!(
        s.find_speaker("Dr. Andi"),
        Err(DomainError::UnknownParticipant("Dr. Andi".into())),
        "exact names only"
    );
    let sp = s.speaker("N1").unwrap();
    assert_eq!(sp.role, SpeakerRole::ResourcePerson);
    assert!(sp.name.starts_with("Dr. Andi Irwan Pananrangi, M.Ed. ("));
    assert_eq!(s.speaker("f").unwrap().role, SpeakerRole::Chair);
    assert_eq!(s.name_of("N2"), "Ir. Sri Wahyuni");
    // A session without a chair has no `F`.
    let mut bare = Fx::new();
    bare.people(&["Budi"]);
    assert!(bare.s.find_speaker("F").is_err());
}

#[test]
fn guests_take_the_floor_are_quoted_and_own_shifts_without_attendance() {
    let mut fx = with_guests();
    fx.ok(hand("Dr. Andi Irwan Pananrangi", SpeakKind::Topic));
    assert_eq!(fx.s.queue[0].code, "N1");
    fx.ok(Command::CallNext);
    fx.advance(120);
    fx.ok(call("F"));
    fx.advance(30);
    fx.ok(call("P1"));
    fx.advance(60);
    fx.ok(Command::FinishSpeaker);
    fx.ok(Command::AddNote {
        text: "Inovasi dimulai dari keluhan warga".into(),
        kind: NoteKind::Quote,
        participant: Some("N1".into()),
        private: None,
        item: None,
    });
    assert_eq!(fx.s.notes[0].participant.as_deref(), Some("N1"));
    fx.ok(Command::AddMindset {
        from: "prosedur".into(),
        to: "hasil".into(),
        values: vec![],
        participant: Some("Ir. Sri Wahyuni".into()),
        item: None,
    });
    assert_eq!(fx.s.mindsets[0].participant.as_deref(), Some("N2"));
    let present: Vec<&str> =
        fx.s.participants()
            .filter(|p| p.present)
            .map(|p| p.code.as_str())
            .collect();
    assert_eq!(present, ["P1"], "guests are never marked present");
    assert_eq!(fx.s.participants().count(), 3, "nor become participants");
    // Equity figures are about participants; guests are counted apart.
    let codes: Vec<String> =
        fx.s.talk_stats(fx.now)
            .into_iter()
            .map(|t| t.code)
            .collect();
    assert_eq!(codes, ["P1", "P2", "P3"]);
    let guests: Vec<(String, i64, u32)> =
        fx.s.guest_talk_stats(fx.now)
            .into_iter()
            .map(|t| (t.code, t.secs, t.turns))
            .collect();
    assert_eq!(guests, [("N1".into(), 120, 1), ("F".into(), 30, 1)]);
    let silent: Vec<&str> =
        fx.s.not_yet_spoken()
            .iter()
            .map(|p| p.code.as_str())
            .collect();
    assert_eq!(silent, ["P2", "P3"]);
    fx.check();
    assert!(replay(&fx.log) == fx.s);
}

#[test]
fn a_guest_in_the_queue_is_refused_twice_and_the_turn_in_progress_counts() {
    let mut fx = with_guests();
    fx.ok(hand("N2", SpeakKind::Reply));
    assert_eq!(
        fx.err(hand("Ir. Sri Wahyuni", SpeakKind::Reply)),
        DomainError::AlreadyQueued {
            name: "Ir. Sri Wahyuni".into(),
            kind: SpeakKind::Reply
        }
    );
    fx.ok(call("N2"));
    assert_eq!(
        fx.err(call("n2")),
        DomainError::AlreadySpeaking("Ir. Sri Wahyuni".into())
    );
    fx.advance(45);
    let now = fx.s.guest_talk_stats(fx.now);
    assert_eq!(
        (now[0].code.as_str(), now[0].secs, now[0].turns),
        ("N2", 45, 1)
    );
    assert!(
        fx.s.guest_talk_stats(fx.now).iter().all(|t| t.code != "N1"),
        "only who spoke"
    );
}

#[test]
fn an_action_pic_links_to_a_resource_person_or_the_chair() {
    let fx = with_guests();
    let s = &fx.s;
    let n1 = s.link_pic("N1");
    assert_eq!(n1.code.as_deref(), Some("N1"));
    assert_eq!(s.link_pic("Ir. Sri Wahyuni").code.as_deref(), Some("N2"));
    assert_eq!(s.link_pic("F").code.as_deref(), Some("F"));
    assert_eq!(
        s.link_pic("Sri").code,
        None,
        "a guest is named exactly, never by a prefix"
    );
    assert_eq!(s.link_pic("Siti").code.as_deref(), Some("P2"));
    assert_eq!(s.link_pic("Tim Dinkes").code, None);
    assert_eq!(s.link_pic("Tim Dinkes").text, "Tim Dinkes");
}
