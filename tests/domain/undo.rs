//! Undo: each kind of command undone to the exact state before it, per actor, refused after another terminal's change, kept across a replay.

use super::*;

// ----------------------------------------------------------------------- undo

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
#[expect(
    clippy::too_many_lines,
    reason = "a table with one command of every kind"
)]
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
            carried: false,
        },
        Command::EditParticipant {
            participant: "P1".into(),
            name: Some("Budi S.".into()),
            position: Some("Staf".into()),
            unit: None,
            nip: None,
            consent: Some(true),
        },
        add_item("Tambahan", 5),
        Command::AddAgendaItem {
            title: "Sisipan".into(),
            minutes: 5,
            owner: None,
            questions: vec![],
            position: Some(1),
            origin: None,
            setup: fgd::domain::schedule::ItemSetup::default(),
            presenter: None,
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
            votes: None,
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
            note: None,
            due: None,
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
    // Attendance commands on people who have not taken part (in `busy` all
    // have, and those can be neither removed nor marked absent).
    let mut roll_call = live();
    roll_call.ok(Command::Arrive {
        participant: "P1".into(),
    });
    let attendance = [
        Command::RemoveParticipant {
            participant: "Dewi Lestari".into(),
        },
        Command::Arrive {
            participant: "P2".into(),
        },
        Command::Absent {
            participant: "P1".into(),
        },
    ];
    for cmd in attendance {
        undo_restores(roll_call.clone(), Actor::Facilitator, cmd.clone());
        undo_restores(roll_call.clone(), Actor::Script, cmd);
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
        carried: false,
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
        carried: false,
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
        votes: None,
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
    // Present already, so the quote below (which would mark an absent Eko
    // present) does not touch Eko's record.
    fx.f(Command::AddParticipant {
        name: "Eko".into(),
        position: None,
        unit: None,
        code: None,
        nip: None,
        consent: false,
        present: true,
        carried: false,
    })
    .unwrap();
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
        votes: None,
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
            note: None,
            due: None,
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
        note: None,
        due: None,
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
