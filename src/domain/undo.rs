//! Undo as an event. Applying an event first saves the parts of the state it
//! is about to change (its *slots*) on the actor's stack; `Undone` restores
//! them. The stacks are rebuilt by replaying the log, so undo survives a
//! restart. A slot's version (the seq that last changed it) lets `decide`
//! refuse to undo what another terminal has changed since.
//!
//! The stacks are part of a state snapshot ([`super::Snapshot`]), so they
//! serialise: actors and slots in a fixed order (the same stacks always give
//! the same bytes), labels by name.

use std::collections::{HashMap, VecDeque};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::event::{Event, Target};
use super::records::ideas::Idea;
use super::records::{Record, RecordKind};
use super::rules::index;
use super::scoring::Scores;
use super::session::{
    ActionItem, AgendaItem, MindsetShift, Note, Participant, QueueEntry, Seq, Session, SessionInfo,
    Span, Speaking, Statement,
};
use super::types::{Actor, Status};

mod wire;

/// How many commands each actor can undo.
pub const UNDO_DEPTH: usize = 100;

/// A part of the state one event can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Slot {
    Header,
    Info,
    Agenda,
    Floor,
    Participant(usize),
    Note(usize),
    Mindset(usize),
    Decision(usize),
    Conclusion(usize),
    Action(usize),
    Scores,
    Idea(usize),
}

/// The value a slot had before an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Saved {
    Header {
        status: Status,
        #[serde(default, deserialize_with = "super::stamp::de_opt")]
        started_at: Option<DateTime<Utc>>,
        #[serde(default, deserialize_with = "super::stamp::de_opt")]
        ended_at: Option<DateTime<Utc>>,
        pauses: Vec<Span>,
        revised: bool,
    },
    Info(Box<SessionInfo>),
    Agenda {
        agenda: Vec<AgendaItem>,
        next_item_id: u32,
    },
    Floor {
        queue: Vec<QueueEntry>,
        speaking: Option<Speaking>,
        turns: usize,
        next_entry_id: u32,
    },
    Participant(Option<Participant>),
    Note(Option<Note>),
    Mindset(Option<MindsetShift>),
    Decision(Option<Statement>),
    Conclusion(Option<Statement>),
    Action(Option<ActionItem>),
    Scores(Scores),
    Idea(Option<Idea>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    seq: Seq,
    label: Label,
    saved: Vec<(Slot, Saved, Option<Seq>)>,
}

/// Undo stacks per actor and slot versions.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct UndoLog {
    stacks: HashMap<Actor, VecDeque<Entry>>,
    versions: HashMap<Slot, Seq>,
}

impl UndoLog {
    /// The seq and label of what `actor` would undo next, or why not.
    pub(crate) fn next_for(&self, actor: Actor) -> Option<(Seq, Label, bool)> {
        let entry = self.stacks.get(&actor)?.back()?;
        let conflict = entry
            .saved
            .iter()
            .any(|(slot, _, _)| self.versions.get(slot).is_some_and(|v| *v > entry.seq));
        Some((entry.seq, entry.label, conflict))
    }

    pub(crate) fn clear(&mut self) {
        self.stacks.clear();
    }
}

impl Session {
    /// The seq of the event that last changed record `number` of `kind`
    /// (what dates its "revised" mark): the slot's version, which undo
    /// restores with the record.
    pub fn record_changed(&self, kind: RecordKind, number: u32) -> Option<Seq> {
        self.undo
            .versions
            .get(&Slot::record(kind, index(number)))
            .copied()
    }
}

/// Saves the slots `event` will change, before it is applied; `joining` is
/// the index of the participant it marks present, if any.
pub(crate) fn record(
    session: &mut Session,
    seq: Seq,
    actor: Actor,
    event: &Event,
    joining: Option<usize>,
) {
    let Some(label) = label(event) else { return };
    let mut slots = slots(session, event);
    // The participant the event marks present (attendance follows participation).
    slots.extend(joining.map(Slot::Participant));
    let saved = slots
        .iter()
        .map(|&slot| {
            (
                slot,
                save(session, slot),
                session.undo.versions.get(&slot).copied(),
            )
        })
        .collect();
    for slot in slots {
        session.undo.versions.insert(slot, seq);
    }
    let stack = session.undo.stacks.entry(actor).or_default();
    stack.push_back(Entry { seq, label, saved });
    if stack.len() > UNDO_DEPTH {
        stack.pop_front();
    }
}

/// Restores what the actor's last entry saved (the event `Undone { of }`).
pub(crate) fn revert(session: &mut Session, actor: Actor, of: Seq) {
    let Some(stack) = session.undo.stacks.get_mut(&actor) else {
        return;
    };
    if stack.back().is_none_or(|e| e.seq != of) {
        return;
    }
    let Some(entry) = stack.pop_back() else {
        return;
    };
    if stack.is_empty() {
        session.undo.stacks.remove(&actor);
    }
    for (slot, saved, version) in entry.saved {
        restore(session, slot, saved);
        match version {
            Some(v) => session.undo.versions.insert(slot, v),
            None => session.undo.versions.remove(&slot),
        };
    }
}

/// Declares [`Label`] and [`Label::ALL`] from one list of names.
macro_rules! labels {
    ($($variant:ident,)+) => {
        /// A short name of what an event did, for "undid …" and "can't undo …"
        /// messages (stored by name in snapshots). Its words in both languages
        /// are in `i18n::undo`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Label {
            $(
                #[doc = concat!("The label of `", stringify!($variant), "`.")]
                $variant,
            )+
        }

        impl Label {
            /// Every label.
            pub const ALL: &[Label] = &[$(Label::$variant,)+];
        }
    };
}

labels! {
    EditSession,
    Start,
    Pause,
    Resume,
    AddParticipant,
    EditParticipant,
    RemoveParticipant,
    Arrival,
    Absence,
    AddAgendaItem,
    EditAgendaItem,
    MoveAgendaItem,
    RemoveAgendaItem,
    StartAgendaItem,
    NextAgendaItem,
    SkipAgendaItem,
    DeferAgendaItem,
    CoverQuestion,
    RaiseHand,
    MoveQueueEntry,
    RemoveQueueEntry,
    CallSpeaker,
    FinishSpeaker,
    AddMindsetNote,
    EditMindsetNote,
    AddNote,
    EditNote,
    AddDecision,
    EditDecision,
    AddConclusion,
    EditConclusion,
    AddActionItem,
    EditActionItem,
    ActionStatus,
    RemoveNote,
    RemoveMindsetNote,
    RemoveDecision,
    RemoveConclusion,
    RemoveActionItem,
    Score,
    AnnounceScores,
    AddIdea,
    PrioritiseIdea,
    PlanActionItem,
    RemoveIdea,
}

impl Label {
    /// The label as a refusal carries it on the wire (`UndoConflict`): its
    /// name in lower-case words, `AddMindsetNote` → `add mindset note`.
    pub fn wire_name(self) -> String {
        let mut out = String::new();
        for c in format!("{self:?}").chars() {
            if c.is_ascii_uppercase() && !out.is_empty() {
                out.push(' ');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// The label a refusal's wire name stands for.
    pub fn from_wire_name(name: &str) -> Option<Label> {
        Label::ALL.iter().copied().find(|l| l.wire_name() == name)
    }
}

/// What an event did, for "undid …" messages; `None` for events that cannot
/// be undone.
pub fn label(event: &Event) -> Option<Label> {
    Some(match event {
        Event::Created { .. } | Event::Ended | Event::Undone { .. } => return None,
        Event::SessionEdited { .. } => Label::EditSession,
        Event::Started { .. } => Label::Start,
        Event::Paused => Label::Pause,
        Event::Resumed => Label::Resume,
        Event::ParticipantAdded { .. } => Label::AddParticipant,
        Event::ParticipantEdited { .. } => Label::EditParticipant,
        Event::ParticipantRemoved { .. } => Label::RemoveParticipant,
        Event::Arrived { .. } => Label::Arrival,
        Event::MarkedAbsent { .. } => Label::Absence,
        Event::ItemAdded { .. } => Label::AddAgendaItem,
        Event::ItemEdited { .. } => Label::EditAgendaItem,
        Event::ItemMoved { .. } => Label::MoveAgendaItem,
        Event::ItemRemoved { .. } => Label::RemoveAgendaItem,
        Event::ItemStarted { .. } => Label::StartAgendaItem,
        Event::ItemAdvanced { .. } => Label::NextAgendaItem,
        Event::ItemSkipped { .. } => Label::SkipAgendaItem,
        Event::ItemDeferred { .. } => Label::DeferAgendaItem,
        Event::QuestionCovered { .. } => Label::CoverQuestion,
        Event::HandRaised { .. } => Label::RaiseHand,
        Event::QueueEntryMoved { .. } => Label::MoveQueueEntry,
        Event::QueueEntryRemoved { .. } => Label::RemoveQueueEntry,
        Event::SpeakerCalled { .. } => Label::CallSpeaker,
        Event::SpeakerFinished => Label::FinishSpeaker,
        Event::MindsetAdded { .. } => Label::AddMindsetNote,
        Event::MindsetEdited { .. } => Label::EditMindsetNote,
        Event::NoteAdded { .. } => Label::AddNote,
        Event::NoteEdited { .. } => Label::EditNote,
        Event::DecisionAdded { .. } => Label::AddDecision,
        Event::DecisionEdited { .. } => Label::EditDecision,
        Event::ConclusionAdded { .. } => Label::AddConclusion,
        Event::ConclusionEdited { .. } => Label::EditConclusion,
        Event::ActionAdded { .. } => Label::AddActionItem,
        Event::ActionEdited { .. } => Label::EditActionItem,
        Event::ActionStatusSet { .. } => Label::ActionStatus,
        Event::Scored { .. } => Label::Score,
        Event::ScoresAnnounced => Label::AnnounceScores,
        Event::IdeaAdded { .. } => Label::AddIdea,
        Event::IdeaPrioritised { .. } => Label::PrioritiseIdea,
        Event::ActionPlanned { .. } => Label::PlanActionItem,
        Event::Removed { target } => match target {
            Target::Note(_) => Label::RemoveNote,
            Target::Mindset(_) => Label::RemoveMindsetNote,
            Target::Decision(_) => Label::RemoveDecision,
            Target::Conclusion(_) => Label::RemoveConclusion,
            Target::Action(_) => Label::RemoveActionItem,
            Target::Idea(_) => Label::RemoveIdea,
        },
    })
}

fn participant_slot(session: &Session, code: &str) -> Slot {
    Slot::Participant(
        session
            .participants
            .iter()
            .position(|p| p.code.eq_ignore_ascii_case(code))
            .unwrap_or(usize::MAX),
    )
}

fn slots(session: &Session, event: &Event) -> Vec<Slot> {
    match event {
        Event::Created { .. } | Event::Ended | Event::Undone { .. } => vec![],
        // The floor too: turns taken after the start must not outlive its undo.
        Event::Started { .. } => vec![Slot::Header, Slot::Agenda, Slot::Floor],
        Event::Paused | Event::Resumed => vec![Slot::Header],
        Event::SessionEdited { .. } => vec![Slot::Info],
        Event::ParticipantAdded { .. } => vec![Slot::Participant(session.participants.len())],
        Event::ParticipantEdited { code, .. }
        | Event::ParticipantRemoved { code }
        | Event::Arrived { code }
        | Event::MarkedAbsent { code } => vec![participant_slot(session, code)],
        Event::ItemAdded { .. }
        | Event::ItemEdited { .. }
        | Event::ItemMoved { .. }
        | Event::ItemRemoved { .. }
        | Event::ItemStarted { .. }
        | Event::ItemAdvanced { .. }
        | Event::ItemSkipped { .. }
        | Event::ItemDeferred { .. }
        | Event::QuestionCovered { .. } => vec![Slot::Agenda],
        Event::HandRaised { .. }
        | Event::QueueEntryMoved { .. }
        | Event::QueueEntryRemoved { .. }
        | Event::SpeakerCalled { .. }
        | Event::SpeakerFinished => vec![Slot::Floor],
        Event::MindsetAdded { .. } => vec![Slot::Mindset(session.mindsets.len())],
        Event::NoteAdded { .. } => vec![Slot::Note(session.notes.len())],
        Event::DecisionAdded { .. } => vec![Slot::Decision(session.decisions.len())],
        Event::ConclusionAdded { .. } => vec![Slot::Conclusion(session.conclusions.len())],
        Event::ActionAdded { .. } => vec![Slot::Action(session.actions.len())],
        Event::MindsetEdited { id, .. } => vec![Slot::Mindset(index(id.0))],
        Event::NoteEdited { id, .. } => vec![Slot::Note(index(id.0))],
        Event::DecisionEdited { id, .. } => vec![Slot::Decision(index(*id))],
        Event::ConclusionEdited { id, .. } => vec![Slot::Conclusion(index(*id))],
        Event::ActionEdited { id, .. } | Event::ActionStatusSet { id, .. } => {
            vec![Slot::Action(index(id.0))]
        }
        Event::Removed { target } => vec![Slot::record(target.kind(), index(target.number()))],
        Event::Scored { .. } | Event::ScoresAnnounced => vec![Slot::Scores],
        Event::IdeaAdded { .. } => vec![Slot::Idea(session.ideas.len())],
        Event::IdeaPrioritised { id, .. } => vec![Slot::Idea(index(*id))],
        Event::ActionPlanned { id, .. } => vec![Slot::Action(index(id.0))],
    }
}

impl Slot {
    /// The slot of the record of `kind` at list index `i`.
    fn record(kind: RecordKind, i: usize) -> Slot {
        match kind {
            RecordKind::Note => Slot::Note(i),
            RecordKind::Mindset => Slot::Mindset(i),
            RecordKind::Decision => Slot::Decision(i),
            RecordKind::Conclusion => Slot::Conclusion(i),
            RecordKind::Action => Slot::Action(i),
            RecordKind::Idea => Slot::Idea(i),
        }
    }
}

impl Saved {
    /// The record it holds, if it is one.
    fn record(&self) -> Option<&dyn Record> {
        match self {
            Saved::Note(n) => n.as_ref().map(|r| r as &dyn Record),
            Saved::Mindset(m) => m.as_ref().map(|r| r as &dyn Record),
            Saved::Decision(d) | Saved::Conclusion(d) => d.as_ref().map(|r| r as &dyn Record),
            Saved::Action(a) => a.as_ref().map(|r| r as &dyn Record),
            Saved::Idea(i) => i.as_ref().map(|r| r as &dyn Record),
            Saved::Header { .. }
            | Saved::Info(_)
            | Saved::Agenda { .. }
            | Saved::Floor { .. }
            | Saved::Scores(_)
            | Saved::Participant(_) => None,
        }
    }
}

fn save(s: &Session, slot: Slot) -> Saved {
    match slot {
        Slot::Header => Saved::Header {
            status: s.status,
            started_at: s.started_at,
            ended_at: s.ended_at,
            pauses: s.pauses.clone(),
            revised: s.revised,
        },
        Slot::Info => Saved::Info(Box::new(s.info.clone())),
        Slot::Agenda => Saved::Agenda {
            agenda: s.agenda.clone(),
            next_item_id: s.next_item_id,
        },
        Slot::Floor => Saved::Floor {
            queue: s.queue.clone(),
            speaking: s.speaking.clone(),
            turns: s.turns.len(),
            next_entry_id: s.next_entry_id,
        },
        Slot::Participant(i) => Saved::Participant(s.participants.get(i).cloned()),
        Slot::Note(i) => Saved::Note(s.notes.get(i).cloned()),
        Slot::Mindset(i) => Saved::Mindset(s.mindsets.get(i).cloned()),
        Slot::Decision(i) => Saved::Decision(s.decisions.get(i).cloned()),
        Slot::Conclusion(i) => Saved::Conclusion(s.conclusions.get(i).cloned()),
        Slot::Action(i) => Saved::Action(s.actions.get(i).cloned()),
        Slot::Scores => Saved::Scores(s.scores.clone()),
        Slot::Idea(i) => Saved::Idea(s.ideas.get(i).cloned()),
    }
}

/// Puts a saved record back. A record that did not exist before is dropped
/// when it is the last one (so its number or code is free again), else marked
/// removed (numbers are list positions).
fn put_back<T>(
    list: &mut Vec<T>,
    i: usize,
    saved: Option<T>,
    can_drop: bool,
    mark_removed: impl FnOnce(&mut T),
) {
    let is_last = i + 1 == list.len();
    match (saved, list.get_mut(i)) {
        (Some(old), Some(slot)) => *slot = old,
        (None, Some(_)) if can_drop && is_last => {
            list.pop();
        }
        (None, Some(slot)) => mark_removed(slot),
        (_, None) => {}
    }
}

/// Whether anything in the state or in an undo history still names the
/// participant with this code; then an undone addition keeps its record (as
/// removed), so the code is not given to someone else.
fn participant_named(s: &Session, code: &str) -> bool {
    let is = |c: &str| c.eq_ignore_ascii_case(code);
    let in_floor = |queue: &[QueueEntry], speaking: Option<&Speaking>| {
        queue.iter().any(|e| is(&e.code)) || speaking.is_some_and(|sp| is(&sp.code))
    };
    let in_record = |r: &dyn Record| r.participant().is_some_and(is);
    let mut saved = s.undo.stacks.values().flatten().flat_map(|e| &e.saved);
    in_floor(&s.queue, s.speaking.as_ref())
        || s.turns.iter().any(|t| is(&t.code))
        || s.all_records().any(|(_, r)| in_record(r))
        || saved.any(|(_, saved, _)| match saved {
            Saved::Floor {
                queue, speaking, ..
            } => in_floor(queue, speaking.as_ref()),
            other => other.record().is_some_and(in_record),
        })
}

/// One past the highest agenda item number a record points to: an undone
/// item's number is reused only when nothing refers to it.
fn free_item_id(s: &Session) -> u32 {
    let linked = s.all_records().map(|(_, r)| r.item());
    let linked = linked
        .chain(s.turns.iter().map(|t| t.item))
        .chain(s.speaking.iter().map(|sp| sp.item));
    linked
        .flatten()
        .map(|i| i.0.saturating_add(1))
        .max()
        .unwrap_or(0)
}

fn restore(s: &mut Session, slot: Slot, saved: Saved) {
    match (slot, saved) {
        (
            _,
            Saved::Header {
                status,
                started_at,
                ended_at,
                pauses,
                revised,
            },
        ) => {
            s.status = status;
            s.started_at = started_at;
            s.ended_at = ended_at;
            s.pauses = pauses;
            s.revised = revised;
            // Finished turns count live time: recount them against the pauses
            // as they now are (turns before the undone event keep their count).
            let secs: Vec<i64> = s
                .turns
                .iter()
                .map(|t| s.live_secs(t.start, t.end))
                .collect();
            for (t, secs) in s.turns.iter_mut().zip(secs) {
                t.secs = secs;
            }
            s.rebuild_talk();
        }
        (_, Saved::Info(info)) => s.info = *info,
        (
            _,
            Saved::Agenda {
                agenda,
                next_item_id,
            },
        ) => {
            s.agenda = agenda;
            s.next_item_id = next_item_id.max(free_item_id(s));
        }
        (
            _,
            Saved::Floor {
                queue,
                speaking,
                turns,
                next_entry_id,
            },
        ) => {
            s.queue = queue;
            s.speaking = speaking;
            s.turns.truncate(turns);
            s.rebuild_talk();
            s.next_entry_id = next_entry_id;
        }
        (Slot::Participant(i), Saved::Participant(p)) => {
            let can_drop = p.is_none()
                && s.participants
                    .get(i)
                    .is_some_and(|q| !participant_named(s, &q.code));
            put_back(&mut s.participants, i, p, can_drop, |p| p.removed = true);
        }
        (Slot::Note(i), Saved::Note(n)) => put_back(&mut s.notes, i, n, true, |n| n.removed = true),
        (Slot::Mindset(i), Saved::Mindset(m)) => {
            put_back(&mut s.mindsets, i, m, true, |m| m.removed = true);
        }
        (Slot::Decision(i), Saved::Decision(d)) => {
            put_back(&mut s.decisions, i, d, true, |d| d.removed = true);
        }
        (Slot::Conclusion(i), Saved::Conclusion(c)) => {
            put_back(&mut s.conclusions, i, c, true, |c| c.removed = true);
        }
        (Slot::Action(i), Saved::Action(a)) => {
            put_back(&mut s.actions, i, a, true, |a| a.removed = true);
        }
        (_, Saved::Scores(scores)) => s.scores = scores,
        (Slot::Idea(i), Saved::Idea(idea)) => {
            put_back(&mut s.ideas, i, idea, true, |i| i.removed = true);
        }
        _ => {}
    }
}
