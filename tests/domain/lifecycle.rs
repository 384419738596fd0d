//! The session's life: planned → live ⇄ paused → ended, corrections after the end, and the guards every command passes.

use super::*;
use crate::common;

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
        note: None,
        due: None,
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
#[expect(
    clippy::too_many_lines,
    reason = "a table with every command that makes something new"
)]
fn after_the_end_nothing_new_can_happen() {
    let mut fx = ended_with_records();
    let refused = [
        note("baru", NoteKind::Insight),
        Command::AddDecision {
            text: "x".into(),
            item: None,
            votes: None,
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
            note: None,
            due: None,
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

#[test]
fn live_time_between_any_two_instants_leaves_out_exactly_the_pauses_in_between() {
    let mut fx = Fx::new();
    fx.items(&["Satu"]);
    fx.ok(Command::Start);
    let start = fx.now;
    // Forty pauses of 7 s, 20 s of live time between them.
    for _ in 0..40 {
        fx.advance(20);
        fx.ok(Command::Pause);
        fx.advance(7);
        fx.ok(Command::Resume);
    }
    fx.advance(20);
    fx.check();
    let naive = |from: chrono::DateTime<chrono::Utc>, to: chrono::DateTime<chrono::Utc>| {
        let mut total = (to - from).num_milliseconds();
        for p in &fx.s.pauses {
            let (a, b) = (p.start.max(from), p.end.unwrap_or(to).min(to));
            if b > a {
                total -= (b - a).num_milliseconds();
            }
        }
        total.max(0) / 1000
    };
    // Every pair of instants 3 s apart or more, inside and outside pauses.
    let end = fx.now;
    let mut from = start - chrono::Duration::seconds(5);
    while from < end {
        let mut to = from;
        while to <= end + chrono::Duration::seconds(5) {
            assert_eq!(fx.s.live_secs(from, to), naive(from, to), "{from} → {to}");
            to += chrono::Duration::seconds(13);
        }
        from += chrono::Duration::seconds(3);
    }
    assert_eq!(fx.s.live_secs(start, end), 41 * 20);
    // Live time reads the pauses in order: pauses out of order break the
    // session's rules (as a damaged log would).
    let mut broken = fx.s.clone();
    broken.pauses.swap(3, 17);
    assert_eq!(
        broken.check_invariants(end),
        Err(fgd::domain::Broken::PausesOutOfOrder)
    );
}
