//! The discussion guide: questions ticked covered (and un-ticked), the
//! refusals that change nothing, undo, and replay; and the floor given back
//! after a point of order or a clarifying question (TCQ).

use super::*;

/// A live session whose first item has three guide questions.
fn guided() -> Fx {
    let mut fx = Fx::new();
    fx.people(&["Budi Santoso", "Siti Rahma", "Andi Wijaya"]);
    fx.ok(Command::AddAgendaItem {
        title: "Diskusi".into(),
        minutes: 30,
        owner: None,
        questions: vec!["Pembuka?".into(), "Kunci?".into(), "Penutup?".into()],
        position: None,
        origin: None,
        setup: fgd::domain::schedule::ItemSetup::default(),
        presenter: None,
    });
    fx.items(&["Penutup"]);
    fx.start();
    fx
}

fn cover(question: usize, covered: bool) -> Command {
    Command::CoverQuestion {
        item: None,
        question,
        covered,
    }
}

#[test]
fn a_question_ticked_covered_is_covered_and_the_next_uncovered_moves_on() {
    let mut fx = guided();
    let first = fx.s.active_item().unwrap();
    assert_eq!(first.next_uncovered(), Some(1));
    fx.ok(cover(1, true));
    fx.ok(cover(3, true));
    let it = fx.s.active_item().unwrap();
    assert!(it.is_covered(1) && !it.is_covered(2) && it.is_covered(3));
    assert_eq!(it.covered, [1, 3]);
    assert_eq!(it.next_uncovered(), Some(2));
    fx.ok(cover(1, false));
    assert_eq!(fx.s.active_item().unwrap().covered, [3]);
    fx.check();
}

#[test]
fn a_tick_of_a_question_that_is_not_there_or_changes_nothing_is_refused() {
    let mut fx = guided();
    assert_eq!(
        fx.err(cover(4, true)),
        DomainError::UnknownQuestion {
            question: 4,
            len: 3
        }
    );
    assert_eq!(
        fx.err(cover(0, true)),
        DomainError::UnknownQuestion {
            question: 0,
            len: 3
        }
    );
    assert_eq!(fx.err(cover(2, false)), DomainError::NothingToChange);
    fx.ok(cover(2, true));
    assert_eq!(fx.err(cover(2, true)), DomainError::NothingToChange);
    assert_eq!(
        fx.err(Command::CoverQuestion {
            item: Some(item(9)),
            question: 1,
            covered: true
        }),
        DomainError::UnknownItem(9)
    );
}

#[test]
fn a_tick_names_any_item_and_undo_takes_it_back() {
    let mut fx = guided();
    fx.ok(Command::EditAgendaItem {
        item: item(2),
        title: None,
        minutes: None,
        owner: None,
        questions: Some(vec!["Apa lagi?".into()]),
    });
    fx.ok(Command::CoverQuestion {
        item: Some(item(2)),
        question: 1,
        covered: true,
    });
    assert!(fx.s.item(item(2)).unwrap().is_covered(1));
    fx.ok(Command::Undo);
    assert!(!fx.s.item(item(2)).unwrap().is_covered(1));
    fx.check();
}

#[test]
fn fewer_questions_keep_only_the_ticks_of_questions_still_there() {
    let mut fx = guided();
    fx.ok(cover(1, true));
    fx.ok(cover(3, true));
    fx.ok(Command::EditAgendaItem {
        item: item(1),
        title: None,
        minutes: None,
        owner: None,
        questions: Some(vec!["Pembuka?".into(), "Kunci?".into()]),
    });
    assert_eq!(fx.s.active_item().unwrap().covered, [1]);
    fx.check();
}

#[test]
fn the_apply_line_of_cover_question_reads_as_the_contract_writes_it() {
    let cmd: Command = serde_json::from_str(r#"{"cmd":"cover_question","question":2,"item":3}"#)
        .expect("the contract's line");
    assert_eq!(
        cmd,
        Command::CoverQuestion {
            item: Some(item(3)),
            question: 2,
            covered: true
        }
    );
}

// ------------------------------------------------------- the floor comes back

#[test]
fn a_point_of_order_during_a_turn_puts_the_speaker_first_in_line_again() {
    let mut fx = guided();
    fx.ok(hand("P1", SpeakKind::Topic));
    fx.ok(hand("P2", SpeakKind::Topic));
    fx.ok(Command::CallNext);
    fx.advance(60);
    fx.ok(hand("P3", SpeakKind::PointOfOrder));
    fx.ok(Command::CallNext);
    assert_eq!(fx.s.speaking.as_ref().unwrap().code, "P3");
    assert_eq!(
        queue(&fx.s),
        [
            ("P1".to_owned(), SpeakKind::Topic),
            ("P2".to_owned(), SpeakKind::Topic)
        ]
    );
    fx.advance(20);
    fx.ok(Command::CallNext);
    assert_eq!(fx.s.speaking.as_ref().unwrap().code, "P1");
    assert_eq!(queue(&fx.s), [("P2".to_owned(), SpeakKind::Topic)]);
    fx.check();
}

#[test]
fn a_clarifying_question_called_by_name_gives_the_floor_back_too_and_undo_removes_the_return() {
    let mut fx = guided();
    fx.ok(call("P1"));
    fx.ok(hand("P2", SpeakKind::Clarify));
    fx.ok(call("P2"));
    assert_eq!(queue(&fx.s), [("P1".to_owned(), SpeakKind::Topic)]);
    fx.ok(Command::Undo);
    assert_eq!(fx.s.speaking.as_ref().unwrap().code, "P1");
    assert_eq!(queue(&fx.s), [("P2".to_owned(), SpeakKind::Clarify)]);
    fx.check();
}

#[test]
fn a_new_topic_after_a_turn_does_not_give_the_floor_back() {
    let mut fx = guided();
    fx.ok(call("P1"));
    fx.ok(hand("P2", SpeakKind::Topic));
    fx.ok(Command::CallNext);
    assert!(fx.s.queue.is_empty());
    // a point of order after a point of order: the first is not resumed
    fx.ok(hand("P3", SpeakKind::PointOfOrder));
    fx.ok(Command::CallNext);
    assert_eq!(queue(&fx.s), [("P2".to_owned(), SpeakKind::Topic)]);
    fx.ok(hand("P1", SpeakKind::PointOfOrder));
    fx.ok(Command::CallNext);
    assert_eq!(queue(&fx.s), [("P2".to_owned(), SpeakKind::Topic)]);
    fx.check();
}

#[test]
fn a_log_from_before_the_floor_came_back_still_replays_as_it_was_recorded() {
    let mut fx = guided();
    fx.ok(call("P1"));
    fx.advance(30);
    fx.ok(hand("P3", SpeakKind::PointOfOrder));
    fx.ok(Command::CallNext);
    fx.advance(20);
    fx.ok(Command::FinishSpeaker);
    // An earlier fgd recorded the same call without the return.
    let mut old = fx.log.clone();
    let call = old
        .iter_mut()
        .find_map(|r| match &mut r.event {
            Event::SpeakerCalled { returns, .. } if returns.is_some() => Some(returns),
            _ => None,
        })
        .expect("the point of order's call gave the floor back");
    *call = None;
    let then = fgd::domain::redecide(&old).expect("an earlier fgd's log replays");
    assert!(then.queue.is_empty(), "P1 left the floor, as recorded then");
    let now = fgd::domain::redecide(&fx.log).unwrap();
    assert_eq!(queue(&now), [("P1".to_owned(), SpeakKind::Topic)]);
    // Anything else its command would not record is still refused.
    let mut forged = fx.log.clone();
    if let Some(Event::SpeakerCalled { kind, .. }) =
        forged.iter_mut().map(|r| &mut r.event).find(|e| {
            matches!(
                e,
                Event::SpeakerCalled {
                    returns: Some(_),
                    ..
                }
            )
        })
    {
        *kind = SpeakKind::Topic;
    }
    assert!(fgd::domain::redecide(&forged).is_err());
}
