//! Property tests: random command sequences from every family, valid or not,
//! by every actor (viewer included), with the clock moving on (and now and
//! then trying to go back). After each step the invariants hold, a refused
//! command changes nothing, and an accepted one can be undone at once to the
//! exact state before it. At the end the log replays to the same state (undo
//! histories included) and every event survives a JSON round trip.
//!
//! Snapshots: one taken at a random point of the run, and one at the end,
//! survive a JSON round trip and restore to the very same state (undo
//! histories and talk totals included); the one from the random point,
//! restored with the rest of the log replayed on it, gives the live state at
//! the end and undoes exactly as it does.
//!
//! `FGD_PROPTEST_CASES` sets the number of cases (default 256) and
//! `FGD_PROPTEST_SEED` the seed (fixed by default, so runs are reproducible).
use crate::common;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use fgd::domain::{
    ActionId, ActionStatus, Actor, Command, CoreValue, EntryId, Event, ItemId, ItemStatus,
    MindsetId, NoteId, NoteKind, Recorded, Session, Snapshot, SpeakKind, Status, UNDO_DEPTH, apply,
    decide, replay,
};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::strategy::Union;
use proptest::test_runner::{RngAlgorithm, RngSeed};

fn config() -> ProptestConfig {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    ProptestConfig {
        cases: env("FGD_PROPTEST_CASES").map_or(256, |n| u32::try_from(n).unwrap_or(u32::MAX)),
        // ChaCha costs most of the run time in a debug build; XorShift is plenty.
        rng_algorithm: RngAlgorithm::XorShift,
        rng_seed: RngSeed::Fixed(env("FGD_PROPTEST_SEED").unwrap_or(0x00f9_d5e5_5101)),
        failure_persistence: None,
        max_shrink_time: 60_000,
        ..ProptestConfig::default()
    }
}

// ------------------------------------------------------------------ strategies

fn text_of(pool: &'static [&'static str]) -> BoxedStrategy<String> {
    select(pool).prop_map(String::from).boxed()
}

/// A participant reference: codes (some unknown), names (some ambiguous or
/// absent), junk.
fn person() -> BoxedStrategy<String> {
    text_of(&[
        "P1",
        "P2",
        "p3",
        "P4",
        "P5",
        "P6",
        "P9",
        "X1",
        "P99",
        "Budi",
        "budi",
        "Siti Rahma",
        "Andi",
        "王小明 👩🏽‍💼",
        "Nobody",
        "",
        " ",
    ])
}

fn name() -> BoxedStrategy<String> {
    text_of(&[
        "Budi",
        "Budi",
        "Siti Rahma",
        "Andi",
        "Bud",
        "王小明 👩🏽‍💼",
        "e\u{301}lise",
        "\u{1b}[31mRed\u{1b}[0m",
        "Dewi\u{202e} Lestari",
        " ",
    ])
}

fn code() -> BoxedStrategy<Option<String>> {
    prop::option::weighted(
        0.25,
        text_of(&[
            "P1",
            "p3",
            "X1",
            "P9",
            "P 1",
            "P4294967295",
            "p99999999999",
            "ABCDEFGHIJKLM",
            "",
        ]),
    )
    .boxed()
}

fn text() -> BoxedStrategy<String> {
    text_of(&[
        "catatan",
        "catatan",
        "pelayanan publik",
        "",
        "  ",
        "王小明说：服务第一",
        "a\u{0}b\u{7}c",
        "\u{1b}]0;judul\u{7}x",
        "baris\r\nbaris",
        "👩🏽‍💼 e\u{301}",
        "\u{202e}\u{1b}[2J",
    ])
}

fn opt_text() -> BoxedStrategy<Option<String>> {
    prop::option::of(text()).boxed()
}

fn opt_person() -> BoxedStrategy<Option<String>> {
    prop::option::of(person()).boxed()
}

fn due() -> BoxedStrategy<Option<String>> {
    prop::option::of(text_of(&[
        "2026-12-01",
        "+7d",
        "+2w",
        "+0d",
        "2025-01-01",
        "2026-02-30",
        "+d",
        "+7é",
        "++7d",
        "besok",
        "",
    ]))
    .boxed()
}

/// A record or item number: mostly one that may exist, sometimes not.
fn id() -> BoxedStrategy<u32> {
    prop_oneof![1 => Just(0u32), 8 => 1u32..4, 2 => 4u32..9].boxed()
}

fn opt_item() -> BoxedStrategy<Option<ItemId>> {
    prop::option::weighted(0.3, id().prop_map(ItemId)).boxed()
}

fn pos() -> BoxedStrategy<usize> {
    (0usize..8).boxed()
}

fn speak_kind() -> BoxedStrategy<SpeakKind> {
    select(&[
        SpeakKind::Topic,
        SpeakKind::Reply,
        SpeakKind::Clarify,
        SpeakKind::PointOfOrder,
    ])
    .boxed()
}

fn note_kind() -> BoxedStrategy<NoteKind> {
    select(&[
        NoteKind::Observation,
        NoteKind::Quote,
        NoteKind::Insight,
        NoteKind::Concern,
    ])
    .boxed()
}

fn action_status() -> BoxedStrategy<ActionStatus> {
    select(&[
        ActionStatus::Open,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ])
    .boxed()
}

fn values() -> BoxedStrategy<Vec<CoreValue>> {
    prop::collection::vec(select(CoreValue::ALL.to_vec()), 0..4).boxed()
}

fn minutes() -> BoxedStrategy<u32> {
    prop_oneof![9 => 1u32..90, 1 => Just(0u32), 1 => Just(1441u32)].boxed()
}

#[allow(clippy::too_many_lines)]
fn command() -> impl Strategy<Value = Command> {
    let c = |w: u32, s: BoxedStrategy<Command>| (w, s);
    Union::new_weighted(vec![
        c(3, Just(Command::Start).boxed()),
        c(2, Just(Command::Pause).boxed()),
        c(2, Just(Command::Resume).boxed()),
        c(1, Just(Command::End).boxed()),
        c(12, Just(Command::Undo).boxed()),
        c(
            6,
            (
                name(),
                opt_text(),
                opt_text(),
                code(),
                opt_text(),
                any::<bool>(),
                any::<bool>(),
            )
                .prop_map(|(name, position, unit, code, nip, consent, present)| {
                    Command::AddParticipant {
                        name,
                        position,
                        unit,
                        code,
                        nip,
                        consent,
                        present,
                        carried: false,
                    }
                })
                .boxed(),
        ),
        c(
            2,
            (
                person(),
                prop::option::of(name()),
                opt_text(),
                opt_text(),
                opt_text(),
                prop::option::of(any::<bool>()),
            )
                .prop_map(|(participant, name, position, unit, nip, consent)| {
                    Command::EditParticipant {
                        participant,
                        name,
                        position,
                        unit,
                        nip,
                        consent,
                    }
                })
                .boxed(),
        ),
        c(
            1,
            person()
                .prop_map(|participant| Command::RemoveParticipant { participant })
                .boxed(),
        ),
        c(
            3,
            person()
                .prop_map(|participant| Command::Arrive { participant })
                .boxed(),
        ),
        c(
            1,
            person()
                .prop_map(|participant| Command::Absent { participant })
                .boxed(),
        ),
        c(
            5,
            (
                text(),
                minutes(),
                opt_text(),
                prop::collection::vec(text(), 0..3),
                prop::option::weighted(0.3, pos()),
            )
                .prop_map(
                    |(title, minutes, owner, questions, position)| Command::AddAgendaItem {
                        title,
                        minutes,
                        owner,
                        questions,
                        position,
                        origin: None,
                        setup: fgd::domain::schedule::ItemSetup::default(),
                        presenter: None,
                    },
                )
                .boxed(),
        ),
        c(
            2,
            (
                id(),
                opt_text(),
                prop::option::of(minutes()),
                opt_text(),
                prop::option::of(prop::collection::vec(text(), 0..2)),
            )
                .prop_map(
                    |(item, title, minutes, owner, questions)| Command::EditAgendaItem {
                        item: ItemId(item),
                        title,
                        minutes,
                        owner,
                        questions,
                    },
                )
                .boxed(),
        ),
        c(
            2,
            (id(), pos())
                .prop_map(|(item, to)| Command::MoveAgendaItem {
                    item: ItemId(item),
                    to,
                })
                .boxed(),
        ),
        c(
            1,
            id().prop_map(|item| Command::RemoveAgendaItem { item: ItemId(item) })
                .boxed(),
        ),
        c(
            3,
            id().prop_map(|item| Command::StartItem { item: ItemId(item) })
                .boxed(),
        ),
        c(5, Just(Command::NextItem).boxed()),
        c(
            1,
            id().prop_map(|item| Command::SkipItem { item: ItemId(item) })
                .boxed(),
        ),
        c(
            2,
            opt_item()
                .prop_map(|item| Command::DeferItem { item })
                .boxed(),
        ),
        c(
            8,
            (person(), speak_kind())
                .prop_map(|(participant, kind)| Command::RaiseHand { participant, kind })
                .boxed(),
        ),
        c(
            2,
            (id(), pos())
                .prop_map(|(entry, to)| Command::MoveQueueEntry {
                    entry: EntryId(entry),
                    to,
                })
                .boxed(),
        ),
        c(
            2,
            id().prop_map(|entry| Command::RemoveQueueEntry {
                entry: EntryId(entry),
            })
            .boxed(),
        ),
        c(6, Just(Command::CallNext).boxed()),
        c(
            3,
            person()
                .prop_map(|participant| Command::CallSpeaker { participant })
                .boxed(),
        ),
        c(4, Just(Command::FinishSpeaker).boxed()),
        c(
            3,
            (text(), text(), values(), opt_person(), opt_item())
                .prop_map(
                    |(from, to, values, participant, item)| Command::AddMindset {
                        from,
                        to,
                        values,
                        participant,
                        item,
                    },
                )
                .boxed(),
        ),
        c(
            1,
            (
                id(),
                opt_text(),
                opt_text(),
                prop::option::of(values()),
                opt_person(),
            )
                .prop_map(|(id, from, to, values, participant)| Command::EditMindset {
                    mindset: MindsetId(id),
                    from,
                    to,
                    values,
                    participant,
                })
                .boxed(),
        ),
        c(
            6,
            (
                text(),
                note_kind(),
                opt_person(),
                prop::option::of(any::<bool>()),
                opt_item(),
            )
                .prop_map(
                    |(text, kind, participant, private, item)| Command::AddNote {
                        text,
                        kind,
                        participant,
                        private,
                        item,
                    },
                )
                .boxed(),
        ),
        c(
            2,
            (
                id(),
                opt_text(),
                prop::option::of(note_kind()),
                opt_person(),
                prop::option::of(any::<bool>()),
            )
                .prop_map(|(id, text, kind, participant, private)| Command::EditNote {
                    note: NoteId(id),
                    text,
                    kind,
                    participant,
                    private,
                })
                .boxed(),
        ),
        c(
            3,
            (text(), opt_item())
                .prop_map(|(text, item)| Command::AddDecision {
                    text,
                    item,
                    votes: None,
                })
                .boxed(),
        ),
        c(
            1,
            (id(), text())
                .prop_map(|(decision, text)| Command::EditDecision { decision, text })
                .boxed(),
        ),
        c(
            2,
            (text(), opt_item())
                .prop_map(|(text, item)| Command::AddConclusion { text, item })
                .boxed(),
        ),
        c(
            1,
            (id(), text())
                .prop_map(|(conclusion, text)| Command::EditConclusion { conclusion, text })
                .boxed(),
        ),
        c(
            4,
            (
                text(),
                prop::option::of(prop_oneof![person(), name()]),
                due(),
                opt_item(),
                opt_text(),
            )
                .prop_map(|(what, pic, due, item, origin)| Command::AddAction {
                    what,
                    pic,
                    due,
                    item,
                    origin,
                    carried: None,
                })
                .boxed(),
        ),
        c(
            2,
            (id(), opt_text(), opt_person(), due())
                .prop_map(|(id, what, pic, due)| Command::EditAction {
                    action: ActionId(id),
                    what,
                    pic,
                    due,
                })
                .boxed(),
        ),
        c(
            3,
            (id(), action_status())
                .prop_map(|(id, status)| Command::SetActionStatus {
                    action: ActionId(id),
                    status,
                    note: None,
                    due: None,
                })
                .boxed(),
        ),
        c(
            1,
            id().prop_map(|id| Command::RemoveNote { note: NoteId(id) })
                .boxed(),
        ),
        c(
            1,
            id().prop_map(|id| Command::RemoveMindset {
                mindset: MindsetId(id),
            })
            .boxed(),
        ),
        c(
            1,
            id().prop_map(|decision| Command::RemoveDecision { decision })
                .boxed(),
        ),
        c(
            1,
            id().prop_map(|conclusion| Command::RemoveConclusion { conclusion })
                .boxed(),
        ),
        c(
            1,
            id().prop_map(|id| Command::RemoveAction {
                action: ActionId(id),
            })
            .boxed(),
        ),
    ])
}

fn actor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        5 => Just(Actor::Facilitator),
        4 => Just(Actor::Notetaker),
        1 => Just(Actor::Script),
        1 => Just(Actor::Viewer),
    ]
}

/// How far the clock moves before a step; a negative value tries the
/// command that many seconds in the past without moving the clock.
fn tick() -> impl Strategy<Value = i64> {
    prop_oneof![
        4 => Just(0i64),
        6 => 1i64..30,
        3 => 30i64..600,
        1 => 600i64..4_000,
        1 => -60i64..0,
    ]
}

#[derive(Debug, Clone)]
struct Step {
    tick: i64,
    actor: Actor,
    command: Command,
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        (tick(), actor(), command()).prop_map(|(tick, actor, command)| Step {
            tick,
            actor,
            command,
        }),
        0..150,
    )
}

// -------------------------------------------------------------------- checks

/// Invariants beyond `check_invariants` that every reachable state keeps.
fn more_invariants(s: &Session, now: DateTime<Utc>) -> Result<(), String> {
    let live = matches!(s.status, Status::Live | Status::Paused);
    if s.status == Status::Planned
        && (s.started_at.is_some() || s.speaking.is_some() || !s.turns.is_empty())
    {
        return Err("a planned session has a start, a speaker or turns".into());
    }
    if s.speaking.is_some() && !live {
        return Err(format!("someone speaks while the session is {}", s.status));
    }
    if s.status == Status::Ended && s.ended_at.is_none() {
        return Err("ended without an end time".into());
    }
    for it in &s.agenda {
        let open = it.spans.iter().filter(|sp| sp.end.is_none()).count();
        let want = usize::from(it.status == ItemStatus::Active);
        if open != want {
            return Err(format!(
                "item {} is {} with {open} open spans",
                it.id,
                it.status.as_str()
            ));
        }
        if it.id.0 >= s.next_item_id {
            return Err(format!("item {} is not below the next id", it.id));
        }
        if s.item_elapsed_secs(it, now) > s.elapsed_secs(now) {
            return Err(format!("item {} took longer than the session", it.id));
        }
    }
    let mut ids: Vec<u32> = s.agenda.iter().map(|i| i.id.0).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != s.agenda.len() {
        return Err("two agenda items share a number".into());
    }
    let mut entries: Vec<u32> = s.queue.iter().map(|e| e.id.0).collect();
    entries.sort_unstable();
    entries.dedup();
    if entries.len() != s.queue.len() || s.queue.iter().any(|e| e.id.0 >= s.next_entry_id) {
        return Err("queue entry numbers are not unique and below the next".into());
    }
    record_invariants(s)
}

/// Invariants of the records and the names they hold.
fn record_invariants(s: &Session) -> Result<(), String> {
    let named = s
        .queue
        .iter()
        .map(|e| &e.code)
        .chain(s.speaking.iter().map(|sp| &sp.code))
        .chain(s.turns.iter().map(|t| &t.code))
        .chain(s.notes.iter().filter_map(|n| n.participant.as_ref()))
        .chain(s.mindsets.iter().filter_map(|m| m.participant.as_ref()))
        .chain(
            s.actions
                .iter()
                .filter_map(|a| a.pic.as_ref().and_then(|p| p.code.as_ref())),
        );
    for code in named {
        if s.participant(code).is_none() {
            return Err(format!("{code} is named but is no participant"));
        }
    }
    let numbered = s
        .notes
        .iter()
        .map(|n| n.id.0)
        .enumerate()
        .chain(s.mindsets.iter().map(|m| m.id.0).enumerate())
        .chain(s.decisions.iter().map(|d| d.id).enumerate())
        .chain(s.conclusions.iter().map(|c| c.id).enumerate())
        .chain(s.actions.iter().map(|a| a.id.0).enumerate());
    for (i, id) in numbered {
        if usize::try_from(id).unwrap() != i + 1 {
            return Err(format!("record number {id} sits at position {}", i + 1));
        }
    }
    let any_revised = s.participants.iter().any(|p| p.revised)
        || s.agenda.iter().any(|i| i.revised)
        || s.notes.iter().any(|n| n.revised)
        || s.mindsets.iter().any(|m| m.revised)
        || s.decisions.iter().any(|d| d.revised)
        || s.conclusions.iter().any(|c| c.revised)
        || s.actions.iter().any(|a| a.revised);
    if s.revised != (s.status == Status::Ended && any_revised) {
        return Err(format!(
            "session revised = {} but records revised = {any_revised}",
            s.revised
        ));
    }
    if s.turns.iter().any(|t| t.secs < 0 || t.end < t.start) {
        return Err("a turn with negative length".into());
    }
    Ok(())
}

fn check_all(s: &Session, now: DateTime<Utc>) -> Result<(), TestCaseError> {
    s.check_invariants(now)
        .map_err(|e| e.to_string())
        .and_then(|()| more_invariants(s, now))
        .map_err(|e| TestCaseError::fail(format!("invariant broken: {e}")))
}

/// The log as recorded, and the state folded from it.
struct Run {
    s: Session,
    log: Vec<Recorded>,
    now: DateTime<Utc>,
}

impl Run {
    fn new() -> Self {
        let mut run = Run {
            s: Session::default(),
            log: vec![],
            now: common::t0(),
        };
        let info = common::info();
        let events = decide(&run.s, Command::Create { info }, run.now, Actor::Script).unwrap();
        run.record(Actor::Script, events, run.now);
        run
    }

    fn record(&mut self, actor: Actor, events: Vec<Event>, at: DateTime<Utc>) {
        for event in events {
            let rec = Recorded {
                seq: self.s.last_seq + 1,
                at,
                actor,
                event,
            };
            apply(&mut self.s, &rec);
            self.log.push(rec);
        }
    }
}

/// Applies `events` to a copy of `s` as `actor` at `at`.
fn applied(s: &Session, actor: Actor, events: Vec<Event>, at: DateTime<Utc>) -> Session {
    let mut s = s.clone();
    for event in events {
        let rec = Recorded {
            seq: s.last_seq + 1,
            at,
            actor,
            event,
        };
        apply(&mut s, &rec);
    }
    s
}

fn undoable(e: &Event) -> bool {
    !matches!(
        e,
        Event::Created { .. } | Event::Ended | Event::Undone { .. }
    )
}

/// Queue entry numbers grow all session long, so a generated number would
/// rarely hit one: a number within the queue's length names the entry at that
/// position instead; any other stays as it is (and is refused).
fn aim(command: &Command, s: &Session) -> Command {
    let at = |entry: EntryId| {
        usize::try_from(entry.0)
            .ok()
            .and_then(|k| k.checked_sub(1))
            .and_then(|k| s.queue.get(k))
            .map_or(entry, |e| e.id)
    };
    match *command {
        Command::MoveQueueEntry { entry, to } => Command::MoveQueueEntry {
            entry: at(entry),
            to,
        },
        Command::RemoveQueueEntry { entry } => Command::RemoveQueueEntry { entry: at(entry) },
        ref other => other.clone(),
    }
}

/// The snapshot of `s` through its JSON form, checked to restore to `s`.
fn snapshot_of(s: &Session) -> Result<Vec<u8>, TestCaseError> {
    let bytes = serde_json::to_vec(&Snapshot::of(s)).unwrap();
    let back: Snapshot = serde_json::from_slice(&bytes)
        .map_err(|e| TestCaseError::fail(format!("a snapshot does not decode: {e}")))?;
    prop_assert_eq!(back.last_seq(), s.last_seq);
    prop_assert!(back.restore() == *s, "a restored snapshot differs");
    Ok(bytes)
}

/// Undoes everything every actor can, on `live` and on each of `others`
/// side by side: all must decide and change alike, all the way down.
fn undo_alike(
    live: &Session,
    others: &[&Session],
    mut at: DateTime<Utc>,
) -> Result<(), TestCaseError> {
    let mut live = live.clone();
    let mut others: Vec<Session> = others.iter().map(|s| (*s).clone()).collect();
    for actor in [
        Actor::Notetaker,
        Actor::Facilitator,
        Actor::Script,
        Actor::Viewer,
    ] {
        for _ in 0..=UNDO_DEPTH {
            at += Duration::seconds(3);
            let decided = decide(&live, Command::Undo, at, actor);
            for other in &others {
                prop_assert_eq!(&decide(other, Command::Undo, at, actor), &decided);
            }
            let Ok(events) = decided else { break };
            for other in &mut others {
                *other = applied(other, actor, events.clone(), at);
            }
            live = applied(&live, actor, events, at);
            for other in &others {
                prop_assert!(*other == live, "undo differs");
            }
            check_all(&live, at)?;
        }
    }
    Ok(())
}

/// Runs `steps`, taking a snapshot after the first `cut` of them.
#[expect(
    clippy::too_many_lines,
    reason = "one property run read as one story: each step's checks, then replay and snapshot"
)]
fn run_steps(steps: &[Step], cut: Index) -> Result<(), TestCaseError> {
    let mut run = Run::new();
    let cut = cut.index(steps.len() + 1);
    // (log length, snapshot)
    let mut snapshot = None;
    if cut == 0 {
        snapshot = Some((run.log.len(), snapshot_of(&run.s)?));
    }
    // how deep each actor's undo history is, to know when it is full
    let mut depth: HashMap<Actor, usize> = HashMap::new();
    for (n, step) in steps.iter().enumerate() {
        let at = if step.tick >= 0 {
            run.now += Duration::seconds(step.tick);
            run.now
        } else {
            run.now + Duration::seconds(step.tick)
        };
        let before = run.s.clone();
        let decided = decide(&run.s, aim(&step.command, &run.s), at, step.actor);
        prop_assert!(run.s == before, "decide changed the state");
        if let Ok(events) = decided {
            prop_assert!(at >= before.last_at.unwrap(), "accepted a time going back");
            prop_assert!(step.actor != Actor::Viewer, "a viewer changed something");
            prop_assert_eq!(events.len(), 1);
            let is_undo = matches!(events[0], Event::Undone { .. });
            let can_undo = undoable(&events[0]);
            let is_end = matches!(events[0], Event::Ended);
            run.record(step.actor, events, at);
            check_all(&run.s, run.now)
                .map_err(|e| TestCaseError::fail(format!("after step {n} {step:?}: {e}")))?;
            // An accepted command can be undone at once, to the state before it.
            let d = depth.entry(step.actor).or_default();
            if can_undo && *d < UNDO_DEPTH {
                let later = at + Duration::seconds(7);
                let undo = decide(&run.s, Command::Undo, later, step.actor);
                let undo = undo.map_err(|e| {
                    TestCaseError::fail(format!("step {n} {step:?} can't be undone: {e}"))
                })?;
                let mut undone = applied(&run.s, step.actor, undo, later);
                check_all(&undone, later)?;
                undone.last_seq = before.last_seq;
                undone.last_at = before.last_at;
                prop_assert!(
                    undone == before,
                    "undo of step {} {:?} did not restore the state",
                    n,
                    step
                );
            }
            if is_end {
                depth.clear();
            } else if is_undo {
                let d = depth.entry(step.actor).or_default();
                *d = d.saturating_sub(1);
            } else if can_undo {
                let d = depth.entry(step.actor).or_default();
                *d = (*d + 1).min(UNDO_DEPTH);
            }
        } else {
            prop_assert!(run.s == before, "a refused command changed the state");
            check_all(&run.s, run.now)?;
        }
        if n + 1 == cut {
            snapshot = Some((run.log.len(), snapshot_of(&run.s)?));
        }
        // every command line survives its JSON form
        let json = serde_json::to_string(&step.command).unwrap();
        let back: Command = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &step.command);
    }

    // the log is the truth: replaying it gives the same state, undo histories included
    let replayed = replay(&run.log);
    prop_assert!(replayed == run.s, "replay differs from the live state");
    for rec in &run.log {
        let json = serde_json::to_string(rec).unwrap();
        let back: Recorded = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, rec);
    }

    // the snapshot taken at the cut, restored, with the rest of the log
    // replayed on it, is the live state
    snapshot_of(&run.s)?;
    let (n, bytes) = snapshot.expect("a snapshot at the cut");
    let mut resumed = serde_json::from_slice::<Snapshot>(&bytes)
        .unwrap()
        .restore();
    for rec in &run.log[n..] {
        apply(&mut resumed, rec);
    }
    prop_assert!(
        resumed == run.s,
        "resumed from the snapshot at event {} differs from the live state",
        n
    );
    // and all three undo the same way, all the way down
    undo_alike(&run.s, &[&replayed, &resumed], run.now)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_sessions_keep_the_rules(steps in steps(), cut in any::<Index>()) {
        run_steps(&steps, cut)?;
    }
}

/// A long, mostly valid session: the generator above refuses most commands
/// early on (no participants, no items), so this drives a full meeting first
/// and then lets the random steps loose on it.
#[test]
fn random_steps_on_a_busy_session() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: config().cases / 4 + 1,
        ..config()
    });
    let result = runner.run(&(steps(), any::<Index>()), |(steps, cut)| {
        let mut prefix: Vec<Step> = Vec::new();
        let mut push = |actor, command| {
            prefix.push(Step {
                tick: 20,
                actor,
                command,
            });
        };
        for name in ["Budi", "Siti Rahma", "Andi", "Budi", "王小明 👩🏽‍💼"] {
            push(Actor::Script, common::add_participant(name));
        }
        for title in ["Pembukaan", "Diskusi", "Penutup"] {
            push(Actor::Script, common::add_item(title, 10));
        }
        push(Actor::Facilitator, Command::Start);
        for (p, kind) in [
            ("P1", SpeakKind::Topic),
            ("P2", SpeakKind::Reply),
            ("P3", SpeakKind::Clarify),
        ] {
            push(Actor::Facilitator, common::hand(p, kind));
        }
        push(Actor::Facilitator, Command::CallNext);
        push(Actor::Notetaker, common::note("catatan", NoteKind::Quote));
        push(
            Actor::Notetaker,
            common::action("tindak lanjut", Some("Siti"), Some("+7d")),
        );
        prefix.extend(steps);
        // the cut falls anywhere in the whole run, the prefix included
        run_steps(&prefix, cut)
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}
