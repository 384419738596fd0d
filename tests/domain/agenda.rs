//! The agenda: adding, editing, moving, removing, starting, advancing, skipping and deferring items.

use super::*;

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
        setup: fgd::domain::schedule::ItemSetup::default(),
        presenter: None,
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
        setup: fgd::domain::schedule::ItemSetup::default(),
        presenter: None,
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
                setup: fgd::domain::schedule::ItemSetup::default(),
                presenter: None,
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
        votes: None,
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
