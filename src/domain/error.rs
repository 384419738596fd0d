//! Why a command was refused. Every variant says what is wrong and, where it
//! helps, what to do instead. Its wording in both languages, and its
//! `Display` (the English one, which `fgd apply` prints), live in
//! `crate::i18n::refusals`, with the names of the fields and records inside.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use super::types::{ItemStatus, SpeakKind, Zone};

/// A field or record name the domain itself spells (named by an alias so
/// that serde does not try to borrow it from the input).
pub type Name = &'static str;

/// A command the domain refuses; nothing changes. Serializable, so a second
/// terminal receives the refusal typed and words it in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "error", content = "detail", rename_all = "snake_case")]
pub enum DomainError {
    /// Any command but `create` before the session exists.
    NotCreated,
    /// `create` on a session that exists.
    AlreadyCreated,
    /// A command time earlier than the last event.
    TimeWentBack {
        /// Time given.
        at: DateTime<Utc>,
        /// Time of the last event.
        last: DateTime<Utc>,
    },
    /// A read-only terminal tried to change something.
    ReadOnly,
    /// The notetaker's terminal tried to end the session.
    FacilitatorEnds,
    /// Needs a started session.
    NotStarted,
    /// `start` twice.
    AlreadyStarted,
    /// `pause` while paused.
    AlreadyPaused,
    /// `resume` while not paused.
    NotPaused,
    /// Anything but corrections after the end.
    Ended,
    /// `end` twice.
    AlreadyEnded,
    /// `edit_session` with a date once the session started.
    DateFixed,
    /// A required field left empty.
    Empty(#[serde(deserialize_with = "interned")] Name),
    /// A text over the limit.
    TooLong {
        /// Field name.
        #[serde(deserialize_with = "interned")]
        field: Name,
        /// Its length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A list over its limit (`domain::limits`).
    TooMany {
        /// The list's name.
        #[serde(deserialize_with = "interned")]
        what: Name,
        /// How many were given.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A command time too far after the real clock.
    AheadOfClock {
        /// Time given.
        at: DateTime<Utc>,
        /// The real time when it was given.
        clock: DateTime<Utc>,
    },
    /// Planned minutes out of range.
    BadMinutes(u32),
    /// A participant reference that matches nobody.
    UnknownParticipant(String),
    /// An exact name shared by several participants.
    AmbiguousParticipant {
        /// The name given.
        name: String,
        /// Codes of those who bear it.
        codes: Vec<String>,
    },
    /// A code that is taken.
    DuplicateCode {
        /// The code.
        code: String,
        /// Who has it.
        name: String,
    },
    /// A code with odd characters.
    BadCode(String),
    /// `arrive` twice.
    AlreadyPresent(String),
    /// `absent` for someone not present.
    NotPresent(String),
    /// Removing someone with a pending queue entry or the floor.
    ParticipantBusy(String),
    /// Marking absent someone who took part (spoke, was quoted, owns a record).
    TookPartAbsent {
        /// Participant name.
        name: String,
        /// When they first took part.
        at: DateTime<Utc>,
        /// The session's zone, to say the time in.
        zone: Zone,
    },
    /// Removing someone who took part: the minutes need them.
    TookPartRemove {
        /// Participant name.
        name: String,
        /// When they first took part.
        at: DateTime<Utc>,
        /// The session's zone, to say the time in.
        zone: Zone,
    },
    /// An agenda item number that does not exist.
    UnknownItem(u32),
    /// Needs an active agenda item.
    NoActiveItem,
    /// `next` with nothing left.
    NoPendingItem,
    /// An operation that needs a pending item.
    ItemNotPending {
        /// Item title.
        title: String,
        /// Its status.
        status: ItemStatus,
        /// What was tried.
        #[serde(deserialize_with = "interned")]
        verb: Name,
    },
    /// Starting the item that is already active.
    ItemAlreadyActive(String),
    /// Removing an item that notes or actions point to.
    ItemHasRecords(String),
    /// A list position out of range.
    BadPosition {
        /// Given.
        to: usize,
        /// Highest valid.
        len: usize,
    },
    /// A guide question number the item does not have.
    UnknownQuestion {
        /// Given (1-based).
        question: usize,
        /// How many the item has.
        len: usize,
    },
    /// TCQ rule: one entry per participant and kind.
    AlreadyQueued {
        /// Participant name.
        name: String,
        /// Kind.
        kind: SpeakKind,
    },
    /// A queue entry number that is not in the queue.
    UnknownEntry(u32),
    /// `call_next` on an empty queue.
    QueueEmpty,
    /// `finish_speaker` with nobody on the floor.
    NotSpeaking,
    /// Calling someone who has the floor.
    AlreadySpeaking(String),
    /// A note, mindset, decision, conclusion or action number that does not exist.
    UnknownRecord {
        /// Kind of record.
        #[serde(deserialize_with = "interned")]
        what: Name,
        /// Number given.
        id: u32,
    },
    /// A bad due date.
    BadDue(String),
    /// A new due date for an action marked done or dropped.
    DueOfClosedAction,
    /// An edit that changes nothing.
    NothingToChange,
    /// `undo` with an empty history for this terminal.
    NothingToUndo,
    /// `undo` of something another terminal has changed since.
    UndoConflict(String),
    /// `score` or `announce_scores` in a session without criteria and jurors.
    NoJury,
    /// A juror reference that matches no juror.
    UnknownJuror(String),
    /// A criterion reference that matches no criterion.
    UnknownCriterion(String),
    /// A score above the criterion's max.
    ScoreOutOfRange {
        /// Given.
        value: u32,
        /// The criterion's max.
        max: u32,
    },
    /// A score or a second announcement after the announcement.
    ScoresAnnounced,
    /// `announce_scores` before any score.
    NoScores,
    /// Vote counts beyond belief.
    TooManyVotes {
        /// Their sum.
        count: u32,
        /// The limit.
        max: u32,
    },
}

impl std::error::Error for DomainError {}

/// Reads one of the domain's own field names back from the wire. The names
/// are a small fixed set, so each distinct one is kept once for the life of
/// the process; past a bound, anything new reads as "field".
fn interned<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    static SEEN: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let name = String::deserialize(d)?;
    let mut seen = SEEN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = seen.iter().find(|k| **k == name) {
        return Ok(known);
    }
    if seen.len() >= 256 {
        return Ok("field");
    }
    let kept: &'static str = Box::leak(name.into_boxed_str());
    seen.push(kept);
    Ok(kept)
}
