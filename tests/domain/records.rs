//! Records: mindset notes, notes, decisions, conclusions, actions and their removal.

use super::*;
use crate::common;

// -------------------------------------------------------------- mindset notes

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
        votes: None,
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
            item: None,
            votes: None,
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
        note: None,
        due: None,
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
            status: ActionStatus::Done,
            note: None,
            due: None,
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
        carried: None,
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
        votes: None,
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
