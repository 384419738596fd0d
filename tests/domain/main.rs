//! The domain's tests, one module per family as `src/domain/` is cut: the
//! FGD rules one by one, driven through `decide` + `apply` with a settable
//! clock (see `common`), each test naming the rule it pins down; and the
//! property tests (`props`) over random command sequences.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/mod.rs"]
mod common;

mod agenda;
mod attendance;
mod floor;
mod guide;
mod header;
mod ideas;
mod lifecycle;
mod overdue;
mod participants;
mod props;
mod records;
mod schedule;
mod scoring;
mod series;
mod speakers;
mod text;
mod undo;

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
        votes: None,
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

fn mindset(from: &str, to: &str) -> Command {
    Command::AddMindset {
        from: from.into(),
        to: to.into(),
        values: vec![],
        participant: None,
        item: None,
    }
}

/// A live session with one of each record, then ended.
fn ended_with_records() -> Fx {
    let mut fx = live();
    fx.ok(note("Suasana cair", NoteKind::Observation));
    fx.ok(Command::AddDecision {
        text: "SOP direvisi".into(),
        item: None,
        votes: None,
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
