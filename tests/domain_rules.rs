//! The FGD rules, one by one, driven through `decide` + `apply` with a
//! settable clock (see `common`). Each test names the rule it pins down.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{NaiveDate, TimeZone, Utc};
use common::{Fx, action, add_item, add_participant, hand, note, sans_clock};
use fgd::domain::{
    ActionId, ActionStatus, Actor, Command, CoreValue, DomainError, EntryId, Event, ItemId,
    ItemStatus, MindsetId, NoteId, NoteKind, Session, SessionInfo, SpeakKind, Status, decide,
    replay,
};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn statuses(s: &Session) -> Vec<ItemStatus> {
    s.agenda.iter().map(|i| i.status).collect()
}

fn queue(s: &Session) -> Vec<(String, SpeakKind)> {
    s.queue.iter().map(|e| (e.code.clone(), e.kind)).collect()
}

fn active_id(s: &Session) -> Option<u32> {
    s.active_item().map(|i| i.id.0)
}

/// A live session with four participants and three agenda items, item 1 active.
fn live() -> Fx {
    let mut fx = Fx::new();
    fx.people(&["Budi Santoso", "Siti Rahma", "Andi Wijaya", "Dewi Lestari"]);
    fx.items(&["Pembukaan", "Diskusi", "Penutup"]);
    fx.start();
    fx
}

fn call(participant: &str) -> Command {
    Command::CallSpeaker {
        participant: participant.into(),
    }
}

fn item(n: u32) -> ItemId {
    ItemId(n)
}

// ---------------------------------------------------------------- lifecycle

#[test]
fn lifecycle_goes_planned_live_paused_live_ended() {
    let mut fx = Fx::new();
    fx.items(&["Satu", "Dua"]);
    assert_eq!(fx.s.status, Status::Planned);
    assert_eq!(active_id(&fx.s), None);

    fx.advance(5);
    fx.ok(Command::Start);
    assert_eq!(fx.s.status, Status::Live);
    assert_eq!(fx.s.started_at, Some(fx.now));
    assert_eq!(
        active_id(&fx.s),
        Some(1),
        "start activates the first pending item"
    );

    fx.advance(10);
    fx.ok(Command::Pause);
    assert_eq!(fx.s.status, Status::Paused);
    fx.advance(10);
    fx.ok(Command::Resume);
    assert_eq!(fx.s.status, Status::Live);
    fx.advance(10);
    fx.ok(Command::End);
    assert_eq!(fx.s.status, Status::Ended);
    assert_eq!(fx.s.ended_at, Some(fx.now));
    assert_eq!(
        statuses(&fx.s),
        [ItemStatus::Done, ItemStatus::Pending],
        "end finishes the active item"
    );
    fx.check();
}

#[test]
fn start_activates_the_first_pending_item_not_the_first_item() {
    let mut fx = Fx::new();
    fx.items(&["Satu", "Dua", "Tiga"]);
    fx.ok(Command::SkipItem { item: item(1) });
    fx.ok(Command::Start);
    assert_eq!(active_id(&fx.s), Some(2));
    assert_eq!(
        fx.log.last().unwrap().event,
        Event::Started {
            item: Some(item(2))
        }
    );
}

#[test]
fn start_without_agenda_activates_nothing() {
    let mut fx = Fx::new();
    fx.ok(Command::Start);
    assert_eq!(fx.s.status, Status::Live);
    assert_eq!(fx.s.active_item(), None);
}

#[test]
fn lifecycle_commands_in_the_wrong_state_are_refused() {
    let mut fx = Fx::new();
    assert_eq!(fx.err(Command::Pause), DomainError::NotStarted);
    assert_eq!(fx.err(Command::Resume), DomainError::NotStarted);
    assert_eq!(fx.err(Command::End), DomainError::NotStarted);

    fx.ok(Command::Start);
    assert_eq!(fx.err(Command::Start), DomainError::AlreadyStarted);
    assert_eq!(fx.err(Command::Resume), DomainError::NotPaused);

    fx.ok(Command::Pause);
    assert_eq!(fx.err(Command::Pause), DomainError::AlreadyPaused);
    assert_eq!(fx.err(Command::Start), DomainError::AlreadyStarted);

    fx.ok(Command::End);
    assert_eq!(fx.err(Command::Start), DomainError::Ended);
    assert_eq!(fx.err(Command::Pause), DomainError::Ended);
    assert_eq!(fx.err(Command::Resume), DomainError::Ended);
    assert_eq!(fx.err(Command::End), DomainError::AlreadyEnded);
}

#[test]
fn a_session_can_end_while_paused_and_its_clock_stops() {
    let mut fx = live();
    fx.advance(100);
    fx.ok(Command::Pause);
    fx.advance(50);
    fx.ok(Command::End);
    assert!(
        fx.s.pauses.iter().all(|p| p.end.is_some()),
        "the pause is closed"
    );
    assert_eq!(fx.s.elapsed_secs(fx.now), 100);
    fx.advance(3_600);
    assert_eq!(
        fx.s.elapsed_secs(fx.now),
        100,
        "no time passes after the end"
    );
    assert_eq!(fx.s.item_elapsed_secs(&fx.s.agenda[0], fx.now), 100);
    fx.check();
}

#[test]
fn pauses_are_excluded_from_every_timer() {
    let mut fx = live();
    fx.advance(60);
    fx.ok(call("P1"));
    fx.advance(30);
    fx.ok(Command::Pause);
    fx.advance(100);
    // while paused nothing counts
    assert_eq!(fx.s.elapsed_secs(fx.now), 90);
    assert_eq!(fx.s.speaker_secs(fx.now), 30);
    fx.ok(Command::Resume);
    fx.advance(20);
    assert_eq!(fx.s.elapsed_secs(fx.now), 110);
    assert_eq!(
        fx.s.item_elapsed_secs(fx.s.active_item().unwrap(), fx.now),
        110
    );
    assert_eq!(fx.s.speaker_secs(fx.now), 50);
    assert_eq!(fx.s.talk_stats(fx.now)[0].secs, 50);

    fx.ok(Command::FinishSpeaker);
    let turn = fx.s.turns.last().unwrap();
    assert_eq!((turn.code.as_str(), turn.secs), ("P1", 50));
    assert_eq!(turn.item, Some(item(1)));

    // item 2: 40 s live, 200 s paused, 15 s live
    fx.ok(Command::NextItem);
    fx.advance(40);
    fx.ok(Command::Pause);
    fx.advance(200);
    fx.ok(Command::Resume);
    fx.advance(15);
    let second = fx.s.active_item().unwrap();
    assert_eq!(fx.s.item_elapsed_secs(second, fx.now), 55);
    assert_eq!(
        fx.s.item_elapsed_secs(&fx.s.agenda[0], fx.now),
        110,
        "a done item's time is frozen"
    );
    assert_eq!(fx.s.elapsed_secs(fx.now), 165);
    fx.check();
}

#[test]
fn a_turn_started_during_a_pause_counts_from_the_resume() {
    let mut fx = live();
    fx.advance(10);
    fx.ok(Command::Pause);
    fx.advance(30);
    fx.ok(call("P2"));
    fx.advance(30);
    assert_eq!(fx.s.speaker_secs(fx.now), 0);
    fx.ok(Command::Resume);
    fx.advance(25);
    assert_eq!(fx.s.speaker_secs(fx.now), 25);
    fx.ok(Command::FinishSpeaker);
    assert_eq!(fx.s.turns[0].secs, 25);
    fx.check();
}

#[test]
fn ending_finishes_the_speaker_and_counts_their_turn() {
    let mut fx = live();
    fx.ok(call("P3"));
    fx.advance(42);
    fx.ok(Command::End);
    assert_eq!(fx.s.speaking, None);
    assert_eq!(fx.s.turns.len(), 1);
    assert_eq!(fx.s.turns[0].secs, 42);
    fx.check();
}

// ------------------------------------------------------ corrections after end

/// A live session with one of each record, then ended.
fn ended_with_records() -> Fx {
    let mut fx = live();
    fx.ok(note("Suasana cair", NoteKind::Observation));
    fx.ok(Command::AddDecision {
        text: "SOP direvisi".into(),
        item: None,
    });
    fx.ok(Command::AddConclusion {
        text: "Perlu pelatihan".into(),
        item: None,
    });
    fx.ok(action("Susun SOP", Some("P1"), Some("2026-12-01")));
    fx.ok(Command::AddMindset {
        from: "dilayani".into(),
        to: "melayani".into(),
        values: vec![],
        participant: None,
        item: None,
    });
    fx.advance(600);
    fx.ok(Command::End);
    assert!(!fx.s.revised);
    fx
}

#[test]
fn edits_before_the_end_are_not_revisions() {
    let mut fx = live();
    fx.ok(note("a", NoteKind::Insight));
    fx.ok(Command::EditNote {
        note: NoteId(1),
        text: Some("b".into()),
        kind: None,
        participant: None,
        private: None,
    });
    assert!(!fx.s.notes[0].revised);
    assert!(!fx.s.revised);
}

#[test]
fn texts_and_statuses_can_be_corrected_after_the_end_and_are_marked_revised() {
    let mut fx = ended_with_records();
    fx.advance(60);

    fx.ok(Command::EditNote {
        note: NoteId(1),
        text: Some("Suasana cair dan terbuka".into()),
        kind: None,
        participant: None,
        private: None,
    });
    assert!(fx.s.revised, "the session is marked revised");
    assert!(fx.s.notes[0].revised);
    assert_eq!(fx.s.notes[0].text, "Suasana cair dan terbuka");

    fx.ok(Command::EditDecision {
        decision: 1,
        text: "SOP pelayanan direvisi".into(),
    });
    assert!(fx.s.decisions[0].revised);
    fx.ok(Command::EditConclusion {
        conclusion: 1,
        text: "Perlu pelatihan lanjutan".into(),
    });
    assert!(fx.s.conclusions[0].revised);
    fx.ok(Command::EditAction {
        action: ActionId(1),
        what: Some("Susun SOP baru".into()),
        pic: None,
        due: None,
    });
    assert!(fx.s.actions[0].revised);
    assert!(!fx.s.mindsets[0].revised);
    fx.ok(Command::EditMindset {
        mindset: MindsetId(1),
        from: None,
        to: Some("melayani sepenuh hati".into()),
        values: None,
        participant: None,
    });
    assert!(fx.s.mindsets[0].revised);
    fx.ok(Command::EditParticipant {
        participant: "P2".into(),
        name: Some("Siti Rahmawati".into()),
        position: None,
        unit: None,
        nip: None,
        consent: None,
    });
    assert!(fx.s.participants[1].revised);
    fx.ok(Command::EditAgendaItem {
        item: item(2),
        title: Some("Diskusi kelompok".into()),
        minutes: Some(10),
        owner: None,
        questions: None,
    });
    assert!(fx.s.agenda[1].revised);
    assert_eq!(fx.s.status, Status::Ended);
    fx.check();
}

#[test]
fn action_status_can_change_after_the_end() {
    let mut fx = ended_with_records();
    fx.ok(Command::SetActionStatus {
        action: ActionId(1),
        status: ActionStatus::Done,
    });
    assert_eq!(fx.s.actions[0].status, ActionStatus::Done);
    assert!(fx.s.actions[0].revised);
    assert!(fx.s.revised);
}

#[test]
fn a_removal_after_the_end_is_a_revision() {
    let mut fx = ended_with_records();
    fx.ok(Command::RemoveConclusion { conclusion: 1 });
    assert!(fx.s.revised);
    assert_eq!(fx.s.conclusions().count(), 0);
}

#[test]
fn planned_minutes_cannot_change_after_the_end() {
    let mut fx = ended_with_records();
    let e = fx.err(Command::EditAgendaItem {
        item: item(1),
        title: None,
        minutes: Some(25),
        owner: None,
        questions: None,
    });
    assert_eq!(e, DomainError::Ended);
}

#[test]
fn after_the_end_nothing_new_can_happen() {
    let mut fx = ended_with_records();
    let refused = [
        note("baru", NoteKind::Insight),
        Command::AddDecision {
            text: "x".into(),
            item: None,
        },
        Command::AddConclusion {
            text: "x".into(),
            item: None,
        },
        action("x", None, None),
        Command::AddMindset {
            from: "a".into(),
            to: "b".into(),
            values: vec![],
            participant: None,
            item: None,
        },
        add_participant("Tamu"),
        add_item("Tambahan", 5),
        Command::NextItem,
        Command::StartItem { item: item(2) },
        Command::SkipItem { item: item(3) },
        Command::DeferItem {
            item: Some(item(3)),
        },
        Command::DeferItem { item: None },
        Command::MoveAgendaItem {
            item: item(3),
            to: 1,
        },
        Command::RemoveAgendaItem { item: item(3) },
        hand("P1", SpeakKind::Topic),
        Command::CallNext,
        call("P1"),
        Command::FinishSpeaker,
        Command::Arrive {
            participant: "P1".into(),
        },
        Command::RemoveParticipant {
            participant: "P4".into(),
        },
        Command::Pause,
    ];
    for cmd in refused {
        let shown = format!("{cmd:?}");
        assert_eq!(fx.f(cmd), Err(DomainError::Ended), "{shown}");
    }
    // queue commands too (hands still raised at the end)
    let mut fx = live();
    fx.ok(hand("P1", SpeakKind::Topic));
    fx.ok(hand("P2", SpeakKind::Topic));
    fx.ok(call("P3"));
    fx.ok(Command::End);
    assert_eq!(
        queue(&fx.s),
        [],
        "the end closes the floor: no hand stays queued"
    );
    assert_eq!(fx.s.speaking, None);
    assert_eq!(
        fx.s.turns.last().map(|t| t.code.as_str()),
        Some("P3"),
        "the speaker's turn is kept"
    );
    fx.check();
    assert_eq!(
        fx.f(Command::MoveQueueEntry {
            entry: EntryId(1),
            to: 2
        }),
        Err(DomainError::Ended)
    );
    assert_eq!(
        fx.f(Command::RemoveQueueEntry { entry: EntryId(1) }),
        Err(DomainError::Ended)
    );
    assert_eq!(
        fx.f(Command::Absent {
            participant: "P1".into()
        }),
        Err(DomainError::Ended)
    );
}

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
    fx.ok(Command::RemoveParticipant {
        participant: "P1".into(),
    });
    assert!(fx.s.participant("P1").unwrap().removed);
    assert_eq!(fx.s.participants().count(), 3);
    assert_eq!(
        fx.err(Command::Arrive {
            participant: "P1".into()
        }),
        DomainError::UnknownParticipant("P1".into()),
        "a removed participant can't be named"
    );
    assert_eq!(
        fx.s.name_of("P1"),
        "Budi Santoso",
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

// -------------------------------------------------------------------- agenda

#[test]
fn items_are_added_at_the_end_or_at_a_position() {
    let mut fx = Fx::new();
    fx.items(&["A", "B"]);
    fx.ok(Command::AddAgendaItem {
        title: "Z".into(),
        minutes: 5,
        owner: Some("Ketua".into()),
        questions: vec!["Apa?".into(), "  ".into(), "Mengapa?".into()],
        position: Some(1),
        origin: None,
    });
    let titles: Vec<&str> = fx.s.agenda.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Z", "A", "B"]);
    let z = &fx.s.agenda[0];
    assert_eq!(z.id, item(3));
    assert_eq!(z.owner.as_deref(), Some("Ketua"));
    assert_eq!(
        z.questions,
        ["Apa?", "Mengapa?"],
        "empty questions are dropped"
    );
    fx.ok(Command::AddAgendaItem {
        title: "End".into(),
        minutes: 5,
        owner: None,
        questions: vec![],
        position: Some(4),
        origin: None,
    });
    assert_eq!(fx.s.agenda[3].title, "End");
    for pos in [0, 6] {
        assert_eq!(
            fx.err(Command::AddAgendaItem {
                title: "X".into(),
                minutes: 5,
                owner: None,
                questions: vec![],
                position: Some(pos),
                origin: None,
            }),
            DomainError::BadPosition { to: pos, len: 5 }
        );
    }
    assert_eq!(fx.err(add_item("X", 0)), DomainError::BadMinutes(0));
    assert_eq!(fx.err(add_item("X", 1441)), DomainError::BadMinutes(1441));
    assert_eq!(
        fx.err(add_item(" ", 5)),
        DomainError::Empty("agenda item title")
    );
}

#[test]
fn items_can_be_edited() {
    let mut fx = Fx::new();
    fx.items(&["A"]);
    fx.ok(Command::EditAgendaItem {
        item: item(1),
        title: Some("A2".into()),
        minutes: Some(15),
        owner: Some("Bu Dewi".into()),
        questions: Some(vec!["Q1".into()]),
    });
    let it = &fx.s.agenda[0];
    assert_eq!(
        (it.title.as_str(), it.minutes, it.owner.as_deref()),
        ("A2", 15, Some("Bu Dewi"))
    );
    assert_eq!(it.questions, ["Q1"]);
    assert!(!it.revised);
    assert_eq!(
        fx.err(Command::EditAgendaItem {
            item: item(1),
            title: Some("A2".into()),
            minutes: Some(15),
            owner: None,
            questions: None,
        }),
        DomainError::NothingToChange
    );
    fx.ok(Command::EditAgendaItem {
        item: item(1),
        title: None,
        minutes: None,
        owner: Some(String::new()),
        questions: None,
    });
    assert_eq!(fx.s.agenda[0].owner, None);
    assert_eq!(
        fx.err(Command::EditAgendaItem {
            item: item(1),
            title: None,
            minutes: Some(0),
            owner: None,
            questions: None,
        }),
        DomainError::BadMinutes(0)
    );
    assert_eq!(
        fx.err(Command::EditAgendaItem {
            item: item(7),
            title: Some("x".into()),
            minutes: None,
            owner: None,
            questions: None,
        }),
        DomainError::UnknownItem(7)
    );
}

#[test]
fn items_can_be_moved() {
    let mut fx = Fx::new();
    fx.items(&["A", "B", "C"]);
    fx.ok(Command::MoveAgendaItem {
        item: item(3),
        to: 1,
    });
    fx.ok(Command::MoveAgendaItem {
        item: item(1),
        to: 3,
    });
    let ids: Vec<u32> = fx.s.agenda.iter().map(|i| i.id.0).collect();
    assert_eq!(ids, [3, 2, 1]);
    assert_eq!(
        fx.err(Command::MoveAgendaItem {
            item: item(1),
            to: 4
        }),
        DomainError::BadPosition { to: 4, len: 3 }
    );
    assert_eq!(
        fx.err(Command::MoveAgendaItem {
            item: item(9),
            to: 1
        }),
        DomainError::UnknownItem(9)
    );
}

#[test]
fn only_a_pending_unlinked_item_can_be_removed() {
    let mut fx = live();
    fx.ok(add_item("Tambahan", 5));
    fx.ok(Command::RemoveAgendaItem { item: item(4) });
    assert_eq!(fx.s.agenda.len(), 3);
    assert!(matches!(
        fx.err(Command::RemoveAgendaItem { item: item(1) }),
        DomainError::ItemNotPending {
            status: ItemStatus::Active,
            verb: "removed",
            ..
        }
    ));
    fx.ok(Command::AddDecision {
        text: "untuk item 3".into(),
        item: Some(item(3)),
    });
    assert_eq!(
        fx.err(Command::RemoveAgendaItem { item: item(3) }),
        DomainError::ItemHasRecords("Penutup".into())
    );
    fx.ok(Command::RemoveDecision { decision: 1 });
    fx.ok(Command::RemoveAgendaItem { item: item(3) });
    fx.ok(Command::NextItem);
    assert!(matches!(
        fx.err(Command::RemoveAgendaItem { item: item(1) }),
        DomainError::ItemNotPending {
            status: ItemStatus::Done,
            ..
        }
    ));
    assert_eq!(
        fx.err(Command::RemoveAgendaItem { item: item(3) }),
        DomainError::UnknownItem(3)
    );
}

#[test]
fn starting_an_item_finishes_the_active_one() {
    let mut fx = live();
    fx.advance(30);
    fx.ok(Command::StartItem { item: item(3) });
    assert_eq!(
        statuses(&fx.s),
        [ItemStatus::Done, ItemStatus::Pending, ItemStatus::Active]
    );
    assert_eq!(fx.s.agenda[0].actual_end(), Some(fx.now));
    assert_eq!(fx.s.agenda[2].actual_start(), Some(fx.now));
    assert_eq!(fx.s.agenda[2].actual_end(), None);
    assert_eq!(
        fx.err(Command::StartItem { item: item(3) }),
        DomainError::ItemAlreadyActive("Penutup".into())
    );
    // next takes the first pending item, wherever it is
    fx.ok(Command::NextItem);
    assert_eq!(active_id(&fx.s), Some(2));

    let mut planned = Fx::new();
    planned.items(&["A"]);
    assert_eq!(
        planned.err(Command::StartItem { item: item(1) }),
        DomainError::NotStarted
    );
}

#[test]
fn next_never_asks_and_keeps_at_most_one_item_active() {
    let mut fx = live();
    let active_count = |s: &Session| {
        s.agenda
            .iter()
            .filter(|i| i.status == ItemStatus::Active)
            .count()
    };
    fx.ok(Command::NextItem);
    assert_eq!(
        statuses(&fx.s),
        [ItemStatus::Done, ItemStatus::Active, ItemStatus::Pending]
    );
    fx.ok(Command::NextItem);
    assert_eq!(active_count(&fx.s), 1);
    assert_eq!(active_id(&fx.s), Some(3));
    fx.ok(Command::NextItem);
    assert_eq!(
        statuses(&fx.s),
        [ItemStatus::Done, ItemStatus::Done, ItemStatus::Done],
        "next with no pending item finishes the active one"
    );
    assert_eq!(fx.err(Command::NextItem), DomainError::NoPendingItem);
    fx.ok(add_item("Tambahan", 5));
    fx.ok(Command::NextItem);
    assert_eq!(active_id(&fx.s), Some(4));
    fx.check();
}

#[test]
fn next_with_nothing_at_all_is_no_pending_item() {
    let mut fx = Fx::new();
    fx.start();
    assert_eq!(fx.err(Command::NextItem), DomainError::NoPendingItem);
    let mut planned = Fx::new();
    planned.items(&["A"]);
    assert_eq!(planned.err(Command::NextItem), DomainError::NotStarted);
}

#[test]
fn only_a_pending_item_can_be_skipped() {
    let mut fx = live();
    fx.ok(Command::SkipItem { item: item(2) });
    assert_eq!(fx.s.agenda[1].status, ItemStatus::Skipped);
    assert!(matches!(
        fx.err(Command::SkipItem { item: item(1) }),
        DomainError::ItemNotPending {
            status: ItemStatus::Active,
            verb: "skipped",
            ..
        }
    ));
    assert!(matches!(
        fx.err(Command::SkipItem { item: item(2) }),
        DomainError::ItemNotPending {
            status: ItemStatus::Skipped,
            ..
        }
    ));
    fx.ok(Command::NextItem);
    assert_eq!(active_id(&fx.s), Some(3), "next passes over a skipped item");
}

#[test]
fn deferring_the_active_item_starts_the_next_pending_one() {
    let mut fx = live();
    fx.advance(60);
    fx.ok(Command::DeferItem { item: None });
    assert_eq!(
        statuses(&fx.s),
        [
            ItemStatus::Deferred,
            ItemStatus::Active,
            ItemStatus::Pending
        ]
    );
    assert_eq!(fx.s.agenda[0].actual_end(), Some(fx.now));
    fx.ok(Command::DeferItem {
        item: Some(item(3)),
    });
    assert_eq!(
        statuses(&fx.s),
        [
            ItemStatus::Deferred,
            ItemStatus::Active,
            ItemStatus::Deferred
        ],
        "deferring a pending item leaves the active one"
    );
    fx.ok(Command::DeferItem { item: None });
    assert_eq!(fx.s.active_item(), None);
    assert_eq!(
        fx.err(Command::DeferItem { item: None }),
        DomainError::NoActiveItem
    );
    assert!(matches!(
        fx.err(Command::DeferItem {
            item: Some(item(1))
        }),
        DomainError::ItemNotPending {
            status: ItemStatus::Deferred,
            verb: "deferred",
            ..
        }
    ));
    fx.check();
}

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

// -------------------------------------------------------------- mindset notes

fn mindset(from: &str, to: &str) -> Command {
    Command::AddMindset {
        from: from.into(),
        to: to.into(),
        values: vec![],
        participant: None,
        item: None,
    }
}

#[test]
fn a_mindset_note_needs_from_and_to() {
    let mut fx = live();
    assert_eq!(
        fx.err(mindset("", "melayani")),
        DomainError::Empty("“from”")
    );
    assert_eq!(
        fx.err(mindset("dilayani", " \n")),
        DomainError::Empty("“to”")
    );
    fx.ok(mindset("dilayani", "melayani"));
    let m = &fx.s.mindsets[0];
    assert_eq!((m.from.as_str(), m.to.as_str()), ("dilayani", "melayani"));
    assert_eq!(m.id, MindsetId(1));
}

#[test]
fn mindset_values_are_deduplicated_and_links_resolved() {
    let mut fx = live();
    fx.advance(7);
    fx.ok(Command::AddMindset {
        from: "dilayani".into(),
        to: "melayani".into(),
        values: vec![
            CoreValue::Adaptif,
            CoreValue::BerorientasiPelayanan,
            CoreValue::Adaptif,
        ],
        participant: Some("siti rahma".into()),
        item: None,
    });
    let m = &fx.s.mindsets[0];
    assert_eq!(
        m.values,
        [CoreValue::BerorientasiPelayanan, CoreValue::Adaptif]
    );
    assert_eq!(m.participant.as_deref(), Some("P2"));
    assert_eq!(m.item, Some(item(1)), "the active item by default");
    assert_eq!(m.at, fx.now);
    fx.ok(Command::AddMindset {
        from: "a".into(),
        to: "b".into(),
        values: vec![],
        participant: None,
        item: Some(item(3)),
    });
    assert_eq!(fx.s.mindsets[1].item, Some(item(3)));
    assert_eq!(
        fx.err(Command::AddMindset {
            from: "a".into(),
            to: "b".into(),
            values: vec![],
            participant: Some("Nobody".into()),
            item: None,
        }),
        DomainError::UnknownParticipant("Nobody".into())
    );
    assert_eq!(
        fx.err(Command::AddMindset {
            from: "a".into(),
            to: "b".into(),
            values: vec![],
            participant: None,
            item: Some(item(8)),
        }),
        DomainError::UnknownItem(8)
    );
    // without an active item there is no default
    let mut planned = Fx::new();
    planned.ok(mindset("a", "b"));
    assert_eq!(planned.s.mindsets[0].item, None);
}

#[test]
fn a_mindset_note_can_be_corrected() {
    let mut fx = live();
    fx.ok(Command::AddMindset {
        from: "a".into(),
        to: "b".into(),
        values: vec![CoreValue::Loyal],
        participant: Some("P1".into()),
        item: None,
    });
    fx.ok(Command::EditMindset {
        mindset: MindsetId(1),
        from: None,
        to: None,
        values: Some(vec![CoreValue::Harmonis, CoreValue::Harmonis]),
        participant: Some(String::new()),
    });
    let m = &fx.s.mindsets[0];
    assert_eq!(m.values, [CoreValue::Harmonis]);
    assert_eq!(m.participant, None, "an empty participant clears");
    assert_eq!(
        fx.err(Command::EditMindset {
            mindset: MindsetId(1),
            from: Some("a".into()),
            to: None,
            values: Some(vec![CoreValue::Harmonis]),
            participant: None,
        }),
        DomainError::NothingToChange
    );
}

// ---------------------------------------------------------------------- notes

#[test]
fn observations_and_concerns_are_private_by_default() {
    let mut fx = live();
    for kind in [
        NoteKind::Observation,
        NoteKind::Quote,
        NoteKind::Insight,
        NoteKind::Concern,
    ] {
        fx.ok(note("x", kind));
    }
    let private: Vec<bool> = fx.s.notes.iter().map(|n| n.private).collect();
    assert_eq!(private, [true, false, false, true]);

    let with = |kind, private| Command::AddNote {
        text: "y".into(),
        kind,
        participant: None,
        private: Some(private),
        item: None,
    };
    fx.ok(with(NoteKind::Concern, false));
    fx.ok(with(NoteKind::Quote, true));
    assert!(!fx.s.notes[4].private, "explicit override");
    assert!(fx.s.notes[5].private, "explicit override");
}

#[test]
fn a_note_links_its_participant_item_and_time() {
    let mut fx = live();
    fx.ok(Command::NextItem);
    fx.advance(3);
    fx.ok(Command::AddNote {
        text: "Pelayanan harus cepat".into(),
        kind: NoteKind::Quote,
        participant: Some("p3".into()),
        private: None,
        item: None,
    });
    let n = &fx.s.notes[0];
    assert_eq!(n.id, NoteId(1));
    assert_eq!(n.participant.as_deref(), Some("P3"));
    assert_eq!(n.item, Some(item(2)));
    assert_eq!(n.at, fx.now);
    fx.ok(Command::EditNote {
        note: NoteId(1),
        text: None,
        kind: Some(NoteKind::Insight),
        participant: Some(String::new()),
        private: Some(true),
    });
    let n = &fx.s.notes[0];
    assert_eq!(
        (n.kind, n.participant.as_deref(), n.private),
        (NoteKind::Insight, None, true)
    );
    assert_eq!(
        fx.err(Command::EditNote {
            note: NoteId(1),
            text: Some("Pelayanan harus cepat".into()),
            kind: None,
            participant: None,
            private: None,
        }),
        DomainError::NothingToChange
    );
    assert_eq!(
        fx.err(Command::EditNote {
            note: NoteId(2),
            text: Some("x".into()),
            kind: None,
            participant: None,
            private: None,
        }),
        DomainError::UnknownRecord {
            what: "note",
            id: 2
        }
    );
    assert_eq!(
        fx.err(note("", NoteKind::Insight)),
        DomainError::Empty("note text")
    );
}

#[test]
fn notes_can_be_taken_before_the_start() {
    let mut fx = Fx::new();
    fx.ok(note("Peserta mulai datang", NoteKind::Observation));
    assert_eq!(fx.s.notes[0].item, None);
}

// ------------------------------------------------------ decisions, conclusions

#[test]
fn decisions_and_conclusions_are_texts_under_an_item() {
    let mut fx = live();
    fx.ok(Command::AddDecision {
        text: "Sepakat merevisi SOP".into(),
        item: None,
    });
    fx.ok(Command::AddConclusion {
        text: "Budaya melayani perlu dibiasakan".into(),
        item: Some(item(2)),
    });
    let d = &fx.s.decisions[0];
    assert_eq!(
        (d.id, d.item, d.text.as_str()),
        (1, Some(item(1)), "Sepakat merevisi SOP")
    );
    assert_eq!(fx.s.conclusions[0].item, Some(item(2)));
    assert_eq!(
        fx.err(Command::AddDecision {
            text: "  ".into(),
            item: None
        }),
        DomainError::Empty("decision")
    );
    assert_eq!(
        fx.err(Command::AddConclusion {
            text: "x".into(),
            item: Some(item(5))
        }),
        DomainError::UnknownItem(5)
    );
    fx.ok(Command::EditDecision {
        decision: 1,
        text: "Sepakat merevisi SOP pelayanan".into(),
    });
    assert_eq!(fx.s.decisions[0].text, "Sepakat merevisi SOP pelayanan");
    assert_eq!(
        fx.err(Command::EditDecision {
            decision: 1,
            text: " Sepakat merevisi SOP pelayanan ".into(),
        }),
        DomainError::NothingToChange
    );
    assert_eq!(
        fx.err(Command::EditConclusion {
            conclusion: 1,
            text: "Budaya melayani perlu dibiasakan".into(),
        }),
        DomainError::NothingToChange
    );
    assert_eq!(
        fx.err(Command::EditConclusion {
            conclusion: 0,
            text: "x".into(),
        }),
        DomainError::UnknownRecord {
            what: "conclusion",
            id: 0
        }
    );
}

// -------------------------------------------------------------------- actions

fn pic_of(fx: &Fx, n: usize) -> (String, Option<String>) {
    let p = fx.s.actions[n].pic.clone().unwrap();
    (p.text, p.code)
}

#[test]
fn the_pic_is_linked_to_a_participant_when_the_text_names_one() {
    let mut fx = live();
    fx.people(&["Budiman Hadi"]); // P5; "Bu" and "Budi" are now ambiguous prefixes
    fx.ok(action("a", Some("p2"), None));
    assert_eq!(pic_of(&fx, 0), ("p2".into(), Some("P2".into())), "by code");
    fx.ok(action("b", Some("andi wijaya"), None));
    assert_eq!(
        pic_of(&fx, 1),
        ("andi wijaya".into(), Some("P3".into())),
        "by exact name"
    );
    fx.ok(action("c", Some("Dew"), None));
    assert_eq!(
        pic_of(&fx, 2),
        ("Dew".into(), Some("P4".into())),
        "by a unique prefix"
    );
    fx.ok(action("d", Some("budi"), None));
    assert_eq!(pic_of(&fx, 3), ("budi".into(), None), "an ambiguous prefix");
    fx.ok(action("e", Some("Budi Santoso"), None));
    assert_eq!(
        pic_of(&fx, 4),
        ("Budi Santoso".into(), Some("P1".into())),
        "an exact name wins over a prefix of another"
    );
    fx.ok(action("f", Some("Bagian Umum"), None));
    assert_eq!(
        pic_of(&fx, 5),
        ("Bagian Umum".into(), None),
        "kept as typed"
    );
    fx.ok(action("g", Some(" "), None));
    assert_eq!(fx.s.actions[6].pic, None);
}

#[test]
fn an_ambiguous_exact_name_as_pic_is_kept_as_typed() {
    let mut fx = live();
    fx.people(&["Budi Santoso"]);
    fx.ok(action("a", Some("Budi Santoso"), None));
    assert_eq!(pic_of(&fx, 0), ("Budi Santoso".into(), None));
}

#[test]
fn due_dates_are_absolute_or_relative_to_the_local_day() {
    let mut fx = live();
    fx.ok(action("a", None, Some("2026-12-01")));
    assert_eq!(fx.s.actions[0].due, Some(day("2026-12-01")));
    fx.ok(action("b", None, Some("2025-01-05")));
    assert_eq!(
        fx.s.actions[1].due,
        Some(day("2025-01-05")),
        "past dates are accepted"
    );
    assert!(fx.s.actions[1].is_overdue(day("2026-11-23")));

    // 2026-11-23T16:59Z is still 23 Nov in WIB; 17:00Z is already 24 Nov
    fx.set(Utc.with_ymd_and_hms(2026, 11, 23, 16, 59, 0).unwrap());
    fx.ok(action("c", None, Some("+7d")));
    assert_eq!(fx.s.actions[2].due, Some(day("2026-11-30")));
    fx.set(Utc.with_ymd_and_hms(2026, 11, 23, 20, 0, 0).unwrap());
    fx.ok(action("d", None, Some("+7d")));
    assert_eq!(fx.s.actions[3].due, Some(day("2026-12-01")));
    fx.ok(action("e", None, Some("+2w")));
    assert_eq!(fx.s.actions[4].due, Some(day("2026-12-08")));
    fx.ok(action("f", None, Some("")));
    assert_eq!(fx.s.actions[5].due, None);

    for bad in ["2026-02-30", "+d", "besok", "2026-13-01", "+7x"] {
        assert_eq!(
            fx.err(action("x", None, Some(bad))),
            DomainError::BadDue(bad.into()),
            "{bad}"
        );
    }
}

#[test]
fn relative_due_dates_follow_the_session_zone() {
    let mut info = common::info();
    info.zone = "-03:00".parse().unwrap();
    let mut fx = Fx::with_info(info);
    fx.set(Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap()); // 22 Nov 23:00 local
    fx.ok(action("a", None, Some("+1d")));
    assert_eq!(fx.s.actions[0].due, Some(day("2026-11-23")));
}

#[test]
fn action_status_changes_and_edits_that_change_nothing_are_refused() {
    let mut fx = live();
    fx.ok(action("Susun SOP", Some("P1"), Some("2026-12-01")));
    assert_eq!(fx.s.actions[0].status, ActionStatus::Open);
    let set = |status| Command::SetActionStatus {
        action: ActionId(1),
        status,
    };
    fx.ok(set(ActionStatus::Done));
    assert_eq!(fx.s.actions[0].status, ActionStatus::Done);
    assert!(!fx.s.actions[0].is_overdue(day("2027-01-01")));
    assert_eq!(
        fx.err(set(ActionStatus::Done)),
        DomainError::NothingToChange
    );
    fx.ok(set(ActionStatus::Dropped));
    fx.ok(set(ActionStatus::Open));

    assert_eq!(
        fx.err(Command::EditAction {
            action: ActionId(1),
            what: Some("Susun SOP".into()),
            pic: Some("P1".into()),
            due: Some("2026-12-01".into()),
        }),
        DomainError::NothingToChange
    );
    assert_eq!(
        fx.err(Command::EditAction {
            action: ActionId(1),
            what: None,
            pic: None,
            due: None,
        }),
        DomainError::NothingToChange
    );
    fx.ok(Command::EditAction {
        action: ActionId(1),
        what: None,
        pic: Some(String::new()),
        due: Some(String::new()),
    });
    assert_eq!(
        (fx.s.actions[0].pic.clone(), fx.s.actions[0].due),
        (None, None)
    );
    assert_eq!(
        fx.err(Command::EditAction {
            action: ActionId(1),
            what: None,
            pic: None,
            due: Some("2026-02-30".into()),
        }),
        DomainError::BadDue("2026-02-30".into())
    );
    assert_eq!(
        fx.err(Command::SetActionStatus {
            action: ActionId(2),
            status: ActionStatus::Done
        }),
        DomainError::UnknownRecord {
            what: "action item",
            id: 2
        }
    );
}

#[test]
fn an_action_keeps_its_item_and_origin() {
    let mut fx = live();
    fx.ok(Command::AddAction {
        what: "Lanjutkan".into(),
        pic: None,
        due: None,
        item: None,
        origin: Some(" 2026-11-01-rapat ".into()),
    });
    let a = &fx.s.actions[0];
    assert_eq!(a.item, Some(item(1)));
    assert_eq!(a.origin.as_deref(), Some("2026-11-01-rapat"));
    assert_eq!(fx.err(action("", None, None)), DomainError::Empty("action"));
}

// -------------------------------------------------------------------- removal

#[test]
fn records_can_be_removed_once() {
    let mut fx = live();
    fx.ok(note("n", NoteKind::Insight));
    fx.ok(mindset("a", "b"));
    fx.ok(Command::AddDecision {
        text: "d".into(),
        item: None,
    });
    fx.ok(Command::AddConclusion {
        text: "c".into(),
        item: None,
    });
    fx.ok(action("a", None, None));
    let removals = [
        (
            Command::RemoveNote { note: NoteId(1) },
            DomainError::UnknownRecord {
                what: "note",
                id: 1,
            },
        ),
        (
            Command::RemoveMindset {
                mindset: MindsetId(1),
            },
            DomainError::UnknownRecord {
                what: "mindset note",
                id: 1,
            },
        ),
        (
            Command::RemoveDecision { decision: 1 },
            DomainError::UnknownRecord {
                what: "decision",
                id: 1,
            },
        ),
        (
            Command::RemoveConclusion { conclusion: 1 },
            DomainError::UnknownRecord {
                what: "conclusion",
                id: 1,
            },
        ),
        (
            Command::RemoveAction {
                action: ActionId(1),
            },
            DomainError::UnknownRecord {
                what: "action item",
                id: 1,
            },
        ),
    ];
    for (cmd, again) in removals {
        fx.ok(cmd.clone());
        assert_eq!(fx.err(cmd), again);
    }
    assert_eq!(fx.s.notes().count(), 0);
    assert_eq!(fx.s.mindsets().count(), 0);
    assert_eq!(fx.s.decisions().count(), 0);
    assert_eq!(fx.s.conclusions().count(), 0);
    assert_eq!(fx.s.actions().count(), 0);
    assert_eq!(
        fx.err(Command::EditDecision {
            decision: 1,
            text: "x".into()
        }),
        DomainError::UnknownRecord {
            what: "decision",
            id: 1
        },
        "a removed record can't be edited"
    );
    // numbers are not reused
    fx.ok(note("n2", NoteKind::Insight));
    assert_eq!(fx.s.notes().next().unwrap().id, NoteId(2));
}

// ----------------------------------------------------------------------- undo

/// A live session with something of everything: participants, items, a queue,
/// a speaker, one record of each kind. Item 1 is active; P4 speaks; P1 and P2
/// are queued.
fn busy() -> Fx {
    let mut fx = live();
    fx.ok(Command::Arrive {
        participant: "P1".into(),
    });
    fx.ok(note("catatan", NoteKind::Insight));
    fx.ok(mindset("dilayani", "melayani"));
    fx.ok(Command::AddDecision {
        text: "keputusan".into(),
        item: None,
    });
    fx.ok(Command::AddConclusion {
        text: "kesimpulan".into(),
        item: None,
    });
    fx.ok(action("tindak lanjut", Some("P2"), Some("+7d")));
    fx.ok(hand("P1", SpeakKind::Topic));
    fx.ok(hand("P2", SpeakKind::Reply));
    fx.ok(call("P4"));
    fx.advance(40);
    fx.ok(call("P3"));
    fx.advance(20);
    fx.check();
    fx
}

/// Runs `cmd` as `actor`, lets time pass, undoes it and checks the state is
/// as it was before `cmd`.
#[track_caller]
fn undo_restores(mut fx: Fx, actor: Actor, cmd: Command) {
    let shown = format!("{cmd:?}");
    let before = sans_clock(&fx.s);
    if let Err(e) = fx.exec(actor, cmd) {
        panic!("{shown} was refused: {e}");
    }
    assert_ne!(sans_clock(&fx.s), before, "{shown} changed nothing");
    fx.advance(17);
    if let Err(e) = fx.exec(actor, Command::Undo) {
        panic!("undo of {shown} was refused: {e}");
    }
    let after = sans_clock(&fx.s);
    assert!(
        after == before,
        "undo of {shown} did not restore the state\nbefore: {before:#?}\nafter: {after:#?}"
    );
    fx.check();
    // the log replays to the same state
    assert!(
        replay(&fx.log) == fx.s,
        "replay after undo of {shown} differs"
    );
}

#[test]
fn undo_restores_the_state_before_each_kind_of_command() {
    let cmds = vec![
        Command::Pause,
        add_participant("Eko Prasetyo"),
        Command::AddParticipant {
            name: "Fajar".into(),
            position: None,
            unit: None,
            code: Some("X1".into()),
            nip: None,
            consent: true,
            present: true,
        },
        Command::EditParticipant {
            participant: "P1".into(),
            name: Some("Budi S.".into()),
            position: Some("Staf".into()),
            unit: None,
            nip: None,
            consent: Some(true),
        },
        Command::RemoveParticipant {
            participant: "Dewi Lestari".into(),
        },
        Command::Arrive {
            participant: "P2".into(),
        },
        Command::Absent {
            participant: "P1".into(),
        },
        add_item("Tambahan", 5),
        Command::AddAgendaItem {
            title: "Sisipan".into(),
            minutes: 5,
            owner: None,
            questions: vec![],
            position: Some(1),
            origin: None,
        },
        Command::EditAgendaItem {
            item: item(2),
            title: Some("Diskusi panel".into()),
            minutes: Some(30),
            owner: None,
            questions: None,
        },
        Command::MoveAgendaItem {
            item: item(3),
            to: 1,
        },
        Command::RemoveAgendaItem { item: item(3) },
        Command::StartItem { item: item(3) },
        Command::NextItem,
        Command::SkipItem { item: item(2) },
        Command::DeferItem { item: None },
        Command::DeferItem {
            item: Some(item(3)),
        },
        hand("P3", SpeakKind::PointOfOrder),
        hand("P4", SpeakKind::Topic),
        Command::MoveQueueEntry {
            entry: EntryId(1),
            to: 1,
        },
        Command::RemoveQueueEntry { entry: EntryId(1) },
        Command::CallNext,
        call("P1"),
        call("P2"),
        Command::FinishSpeaker,
        Command::AddMindset {
            from: "a".into(),
            to: "b".into(),
            values: vec![CoreValue::Adaptif],
            participant: Some("P1".into()),
            item: None,
        },
        Command::EditMindset {
            mindset: MindsetId(1),
            from: Some("menunggu".into()),
            to: None,
            values: None,
            participant: None,
        },
        note("baru", NoteKind::Quote),
        Command::EditNote {
            note: NoteId(1),
            text: Some("diubah".into()),
            kind: None,
            participant: None,
            private: None,
        },
        Command::AddDecision {
            text: "baru".into(),
            item: None,
        },
        Command::EditDecision {
            decision: 1,
            text: "diubah".into(),
        },
        Command::AddConclusion {
            text: "baru".into(),
            item: None,
        },
        Command::EditConclusion {
            conclusion: 1,
            text: "diubah".into(),
        },
        action("baru", Some("Dewi"), Some("2026-12-24")),
        Command::EditAction {
            action: ActionId(1),
            what: None,
            pic: Some("P3".into()),
            due: None,
        },
        Command::SetActionStatus {
            action: ActionId(1),
            status: ActionStatus::Done,
        },
        Command::RemoveNote { note: NoteId(1) },
        Command::RemoveMindset {
            mindset: MindsetId(1),
        },
        Command::RemoveDecision { decision: 1 },
        Command::RemoveConclusion { conclusion: 1 },
        Command::RemoveAction {
            action: ActionId(1),
        },
    ];
    let base = busy();
    for cmd in cmds {
        undo_restores(base.clone(), Actor::Facilitator, cmd.clone());
        undo_restores(base.clone(), Actor::Script, cmd);
    }
}

#[test]
fn undo_restores_start_resume_and_a_finished_speaker_while_paused() {
    let mut planned = Fx::new();
    planned.people(&["Budi"]);
    planned.items(&["A", "B"]);
    undo_restores(planned, Actor::Facilitator, Command::Start);

    let mut paused = busy();
    paused.ok(Command::Pause);
    paused.advance(100);
    undo_restores(paused.clone(), Actor::Facilitator, Command::Resume);
    undo_restores(paused.clone(), Actor::Facilitator, Command::FinishSpeaker);
    undo_restores(paused, Actor::Notetaker, Command::CallNext);
}

#[test]
fn undo_of_an_added_participant_frees_the_code() {
    let mut fx = live();
    fx.ok(Command::AddParticipant {
        name: "Tamu".into(),
        position: None,
        unit: None,
        code: Some("T1".into()),
        nip: None,
        consent: false,
        present: false,
    });
    fx.ok(Command::Undo);
    fx.ok(Command::AddParticipant {
        name: "Tamu Undangan".into(),
        position: None,
        unit: None,
        code: Some("T1".into()),
        nip: None,
        consent: false,
        present: false,
    });
    assert_eq!(fx.s.participant("T1").unwrap().name, "Tamu Undangan");
    fx.ok(Command::Undo);
    fx.ok(add_participant("Eko"));
    assert_eq!(fx.s.participants().last().unwrap().code, "P5");
}

#[test]
fn undo_is_per_actor() {
    let mut fx = live();
    fx.f(note("dari fasilitator", NoteKind::Insight)).unwrap();
    fx.n(Command::AddDecision {
        text: "dari notulis".into(),
        item: None,
    })
    .unwrap();
    fx.f(Command::Undo).unwrap();
    assert_eq!(fx.s.notes().count(), 0, "the facilitator's note is undone");
    assert_eq!(
        fx.s.decisions().count(),
        1,
        "the notetaker's decision stays"
    );
    fx.f(Command::Undo).unwrap();
    assert_eq!(fx.s.status, Status::Planned, "then the facilitator's start");
    assert_eq!(fx.s.decisions().count(), 1);
    fx.n(Command::Undo).unwrap();
    assert_eq!(fx.s.decisions().count(), 0);
    assert_eq!(fx.n(Command::Undo), Err(DomainError::NothingToUndo));
    fx.check();
}

#[test]
fn undo_of_something_another_actor_changed_since_is_refused() {
    let mut fx = live();
    fx.f(note("asli", NoteKind::Insight)).unwrap();
    fx.n(Command::EditNote {
        note: NoteId(1),
        text: Some("diubah notulis".into()),
        kind: None,
        participant: None,
        private: None,
    })
    .unwrap();
    let e = fx.f(Command::Undo).unwrap_err();
    assert_eq!(e, DomainError::UndoConflict("add note".into()));
    assert!(e.to_string().contains("add note"), "{e}");
    fx.n(Command::Undo).unwrap();
    assert_eq!(fx.s.notes[0].text, "asli");
    fx.f(Command::Undo).unwrap();
    assert_eq!(fx.s.notes().count(), 0);

    // the floor is one thing: a queue change by the other terminal blocks undo
    let mut fx = live();
    fx.f(hand("P1", SpeakKind::Topic)).unwrap();
    fx.n(hand("P2", SpeakKind::Topic)).unwrap();
    assert_eq!(
        fx.f(Command::Undo),
        Err(DomainError::UndoConflict("raise hand".into()))
    );
    // the agenda too
    let mut fx = live();
    fx.f(Command::NextItem).unwrap();
    fx.n(add_item("Tambahan", 5)).unwrap();
    assert_eq!(
        fx.f(Command::Undo),
        Err(DomainError::UndoConflict("next agenda item".into()))
    );
}

#[test]
fn undoing_a_resume_recounts_the_turns_finished_since() {
    let mut fx = live();
    fx.advance(10);
    fx.n(call("P1")).unwrap();
    fx.advance(90);
    fx.f(Command::Pause).unwrap();
    fx.advance(50);
    fx.f(Command::Resume).unwrap();
    fx.advance(250);
    fx.n(Command::FinishSpeaker).unwrap();
    assert_eq!(fx.s.turns[0].secs, 340);
    fx.advance(10);
    fx.f(Command::Undo).unwrap();
    assert_eq!(
        fx.s.status,
        Status::Paused,
        "paused since the first pause again"
    );
    assert_eq!(fx.s.elapsed_secs(fx.now), 100);
    assert_eq!(
        fx.s.turns[0].secs, 90,
        "the turn only counts the live time before the pause"
    );
    fx.check();
    assert!(replay(&fx.log) == fx.s);
}

#[test]
fn undoing_a_pause_recounts_a_turn_finished_in_it() {
    let mut fx = live();
    fx.n(call("P1")).unwrap();
    fx.advance(30);
    fx.f(Command::Pause).unwrap();
    fx.advance(60);
    fx.n(Command::FinishSpeaker).unwrap();
    assert_eq!(fx.s.turns[0].secs, 30);
    fx.f(Command::Undo).unwrap();
    assert_eq!(fx.s.status, Status::Live);
    assert_eq!(fx.s.turns[0].secs, 90);
    fx.check();
}

#[test]
fn the_start_cannot_be_undone_once_the_other_terminal_called_a_speaker() {
    let mut fx = live();
    fx.n(call("P1")).unwrap();
    assert_eq!(
        fx.f(Command::Undo),
        Err(DomainError::UndoConflict("start".into()))
    );
    fx.n(Command::Undo).unwrap();
    fx.f(Command::Undo).unwrap();
    assert_eq!(fx.s.status, Status::Planned);
    fx.check();
}

#[test]
fn an_undone_participant_still_named_elsewhere_keeps_the_code() {
    let mut fx = live();
    fx.f(add_participant("Eko")).unwrap();
    fx.n(Command::AddNote {
        text: "kata Eko".into(),
        kind: NoteKind::Quote,
        participant: Some("P5".into()),
        private: None,
        item: None,
    })
    .unwrap();
    fx.f(Command::Undo).unwrap();
    let eko = fx.s.participant("P5").unwrap();
    assert!(eko.removed, "taken off the list");
    assert_eq!(fx.s.name_of("P5"), "Eko", "the quote still names Eko");
    fx.f(add_participant("Fajar")).unwrap();
    assert_eq!(
        fx.s.participant("P6").unwrap().name,
        "Fajar",
        "P5 is not reused"
    );
}

#[test]
fn undoing_an_added_item_frees_its_number_unless_something_links_to_it() {
    let mut fx = live();
    fx.f(add_item("Tambahan", 5)).unwrap();
    fx.f(Command::Undo).unwrap();
    fx.f(add_item("Tambahan lagi", 5)).unwrap();
    assert_eq!(fx.s.agenda[3].id, item(4));

    fx.n(Command::AddDecision {
        text: "untuk item 4".into(),
        item: Some(item(4)),
    })
    .unwrap();
    fx.f(Command::Undo).unwrap();
    fx.f(add_item("Lain", 5)).unwrap();
    assert_eq!(
        fx.s.agenda[3].id,
        item(5),
        "a decision still points to item 4"
    );
}

#[test]
fn several_undos_in_a_row_go_back_step_by_step() {
    let mut fx = live();
    let mut states = vec![sans_clock(&fx.s)];
    fx.advance(10);
    fx.ok(hand("P1", SpeakKind::Topic));
    states.push(sans_clock(&fx.s));
    fx.advance(10);
    fx.ok(Command::CallNext);
    states.push(sans_clock(&fx.s));
    fx.advance(10);
    fx.ok(note("x", NoteKind::Quote));
    states.push(sans_clock(&fx.s));
    fx.advance(10);
    fx.ok(Command::NextItem);
    states.push(sans_clock(&fx.s));
    fx.advance(10);
    fx.ok(Command::Pause);
    while let Some(expected) = states.pop() {
        fx.advance(1);
        fx.ok(Command::Undo);
        assert!(sans_clock(&fx.s) == expected, "undo #{}", 5 - states.len());
        fx.check();
    }
    assert_eq!(fx.s.status, Status::Live);
    fx.ok(Command::Undo);
    assert_eq!(fx.s.status, Status::Planned, "then the start");
    fx.ok(Command::Undo);
    assert_eq!(fx.s.agenda.len(), 2, "then the last item added");
}

#[test]
fn nothing_to_undo() {
    let mut fx = Fx::new();
    assert_eq!(fx.err(Command::Undo), DomainError::NothingToUndo);
    let e = fx.err(Command::Undo);
    assert_eq!(e.to_string(), "nothing to undo from this terminal");
}

#[test]
fn the_end_cannot_be_undone_and_clears_the_history() {
    let mut fx = live();
    fx.ok(note("x", NoteKind::Quote));
    fx.ok(Command::End);
    assert_eq!(fx.err(Command::Undo), DomainError::NothingToUndo);
    assert_eq!(fx.n(Command::Undo), Err(DomainError::NothingToUndo));
}

#[test]
fn a_correction_after_the_end_can_be_undone() {
    let fx = ended_with_records();
    undo_restores(
        fx.clone(),
        Actor::Notetaker,
        Command::EditNote {
            note: NoteId(1),
            text: Some("koreksi".into()),
            kind: None,
            participant: None,
            private: None,
        },
    );
    undo_restores(
        fx.clone(),
        Actor::Notetaker,
        Command::SetActionStatus {
            action: ActionId(1),
            status: ActionStatus::Dropped,
        },
    );
    undo_restores(
        fx,
        Actor::Notetaker,
        Command::RemoveDecision { decision: 1 },
    );

    // one terminal's undone correction leaves the other's revision standing
    let mut fx = ended_with_records();
    fx.f(Command::EditDecision {
        decision: 1,
        text: "koreksi fasilitator".into(),
    })
    .unwrap();
    fx.n(Command::EditConclusion {
        conclusion: 1,
        text: "koreksi notulis".into(),
    })
    .unwrap();
    fx.n(Command::Undo).unwrap();
    assert!(fx.s.revised);
    fx.f(Command::Undo).unwrap();
    assert!(!fx.s.revised);
}

#[test]
fn undo_survives_a_replay() {
    let mut fx = busy();
    fx.n(note("dari notulis", NoteKind::Concern)).unwrap();
    fx.f(Command::NextItem).unwrap();
    fx.advance(5);
    fx.f(Command::Undo).unwrap();
    fx.n(Command::SetActionStatus {
        action: ActionId(1),
        status: ActionStatus::Done,
    })
    .unwrap();
    fx.f(Command::FinishSpeaker).unwrap();

    let replayed = replay(&fx.log);
    assert!(replayed == fx.s, "replay differs from the live state");
    for actor in [Actor::Facilitator, Actor::Notetaker, Actor::Script] {
        let live = decide(&fx.s, Command::Undo, fx.now, actor);
        let again = decide(&replayed, Command::Undo, fx.now, actor);
        assert_eq!(live, again, "{actor:?}");
    }
    // and doing it gives the same state on both
    let mut a = fx.clone();
    a.f(Command::Undo).unwrap();
    let mut b = Fx {
        s: replayed,
        log: fx.log.clone(),
        now: fx.now,
    };
    b.f(Command::Undo).unwrap();
    assert!(a.s == b.s);
    assert_eq!(a.s.speaking.as_ref().unwrap().code, "P3");
}

// -------------------------------------------------------- guards on every command

#[test]
fn a_viewer_can_change_nothing() {
    let mut fx = busy();
    for cmd in [
        Command::Undo,
        Command::Pause,
        Command::End,
        note("x", NoteKind::Quote),
        hand("P3", SpeakKind::Topic),
        Command::CallNext,
        Command::NextItem,
        add_participant("x"),
        Command::SetActionStatus {
            action: ActionId(1),
            status: ActionStatus::Done,
        },
    ] {
        assert_eq!(fx.exec(Actor::Viewer, cmd), Err(DomainError::ReadOnly));
    }
    let fresh = Session::default();
    let e = decide(
        &fresh,
        Command::Create {
            info: common::info(),
        },
        common::t0(),
        Actor::Viewer,
    );
    assert_eq!(e, Err(DomainError::ReadOnly));
}

#[test]
fn only_the_facilitator_or_a_script_ends_the_session() {
    let mut fx = busy();
    assert_eq!(
        fx.exec(Actor::Notetaker, Command::End),
        Err(DomainError::FacilitatorEnds)
    );
    assert_ne!(fx.s.status, Status::Ended);
    // Everything else stays open to the notetaker.
    assert!(fx.exec(Actor::Notetaker, Command::Pause).is_ok());
    assert!(fx.exec(Actor::Script, Command::End).is_ok());
    assert_eq!(fx.s.status, Status::Ended);
}

#[test]
fn time_must_not_go_back() {
    let mut fx = live();
    let last = fx.now;
    fx.advance(-1);
    assert_eq!(
        fx.err(note("x", NoteKind::Quote)),
        DomainError::TimeWentBack { at: fx.now, last }
    );
    fx.advance(1);
    fx.ok(note("same instant is fine", NoteKind::Quote));
}

#[test]
fn a_session_is_created_once_and_first() {
    let s = Session::default();
    assert_eq!(
        decide(&s, Command::Start, common::t0(), Actor::Facilitator),
        Err(DomainError::NotCreated)
    );
    let mut fx = Fx::new();
    assert_eq!(
        fx.err(Command::Create {
            info: common::info()
        }),
        DomainError::AlreadyCreated
    );
    let empty = SessionInfo {
        title: " \u{1b}[2J ".into(),
        ..common::info()
    };
    assert_eq!(
        decide(
            &s,
            Command::Create { info: empty },
            common::t0(),
            Actor::Script
        ),
        Err(DomainError::Empty("title"))
    );
    let no_id = SessionInfo {
        id: String::new(),
        ..common::info()
    };
    assert_eq!(
        decide(
            &s,
            Command::Create { info: no_id },
            common::t0(),
            Actor::Script
        ),
        Err(DomainError::Empty("session id"))
    );
}

// ------------------------------------------------------------------ text

#[test]
fn control_characters_escapes_and_bidi_overrides_are_stripped() {
    let mut fx = live();
    fx.ok(note(
        "\u{1b}[31mmerah\u{1b}[0m a\u{0}b\u{7}c \u{1b}]0;judul\u{7}d\u{202e}e\u{2066}f\u{2069}\r\nbaris\tdua",
        NoteKind::Quote,
    ));
    assert_eq!(fx.s.notes[0].text, "merah abc def\nbaris\tdua");
    fx.ok(add_participant("Budi\u{202e}\n  Hartono\u{1b}[1m"));
    assert_eq!(
        fx.s.participants[4].name, "Budi Hartono",
        "names are one line"
    );
    fx.ok(Command::AddDecision {
        text: "\u{9b}2Jsah".into(),
        item: None,
    });
    assert_eq!(fx.s.decisions[0].text, "sah");
    assert_eq!(
        fx.err(note("\u{1b}[2J\u{0}\u{202e}", NoteKind::Quote)),
        DomainError::Empty("note text"),
        "a text of only controls is empty"
    );
}

#[test]
fn long_texts_are_accepted_up_to_the_limit() {
    let mut fx = live();
    let ten_k: String = "é".repeat(10_000);
    fx.ok(note(&ten_k, NoteKind::Insight));
    assert_eq!(fx.s.notes[0].text.chars().count(), 10_000);
    let twenty_k = "a".repeat(20_000);
    fx.ok(note(&twenty_k, NoteKind::Insight));
    let too_long = "a".repeat(20_001);
    assert_eq!(
        fx.err(note(&too_long, NoteKind::Insight)),
        DomainError::TooLong {
            field: "note text",
            len: 20_001,
            max: 20_000
        }
    );
    assert!(matches!(
        fx.err(add_participant(&"n".repeat(501))),
        DomainError::TooLong { max: 500, .. }
    ));
    assert!(matches!(
        fx.err(action("x", Some(&"p".repeat(501)), None)),
        DomainError::TooLong { field: "PIC", .. }
    ));
}

#[test]
fn any_unicode_is_kept_intact() {
    let mut fx = live();
    let texts = [
        "王小明说：服务第一",
        "👩🏽‍💼 melayani 🇮🇩",
        "e\u{301} a\u{308} Ñ",
        "ກ ຂ ລາວ ภาษาไทย",
        "مرحبا",
    ];
    for t in texts {
        fx.ok(note(t, NoteKind::Quote));
        fx.ok(Command::AddMindset {
            from: t.into(),
            to: t.into(),
            values: vec![],
            participant: None,
            item: None,
        });
    }
    for (n, t) in fx.s.notes.iter().zip(texts) {
        assert_eq!(n.text, t);
    }
    for (m, t) in fx.s.mindsets.iter().zip(texts) {
        assert_eq!((m.from.as_str(), m.to.as_str()), (t, t));
    }
    fx.ok(add_participant("王小明 👩🏽‍💼"));
    assert_eq!(fx.s.participants[4].name, "王小明 👩🏽‍💼");
    fx.ok(Command::Arrive {
        participant: "王小明 👩🏽‍💼".into(),
    });
}

#[test]
fn a_due_date_with_unicode_is_refused_not_a_panic() {
    let mut fx = live();
    for bad in ["+7é", "+é", "+٣d", "++7d", "2026-١٢-01"] {
        assert!(
            matches!(fx.err(action("x", None, Some(bad))), DomainError::BadDue(_)),
            "{bad}"
        );
    }
}

#[test]
fn the_next_code_after_a_huge_one_does_not_overflow() {
    let mut fx = Fx::new();
    fx.ok(Command::AddParticipant {
        name: "Besar".into(),
        position: None,
        unit: None,
        code: Some("P4294967295".into()),
        nip: None,
        consent: false,
        present: false,
    });
    fx.ok(add_participant("Berikut"));
    let codes: Vec<&str> = fx.s.participants.iter().map(|p| p.code.as_str()).collect();
    assert_ne!(codes[0], codes[1]);
    fx.check();
}
