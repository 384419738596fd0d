//! Why a command was refused. Every variant says what is wrong and, where it
//! helps, what to do instead; screens and `fgd apply` print it as it is.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use thiserror::Error;

use super::types::{ItemStatus, SpeakKind};

/// A field or record name the domain itself spells (named by an alias so
/// that serde does not try to borrow it from the input).
pub type Name = &'static str;

/// A command the domain refuses; nothing changes. Serializable, so a second
/// terminal receives the refusal typed and words it in its own language.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "error", content = "detail", rename_all = "snake_case")]
pub enum DomainError {
    /// Any command but `create` before the session exists.
    #[error("the session does not exist yet")]
    NotCreated,
    /// `create` on a session that exists.
    #[error("the session already exists")]
    AlreadyCreated,
    /// A command time earlier than the last event.
    #[error("time {at} is before the previous event ({last}); times must not go back")]
    TimeWentBack {
        /// Time given.
        at: DateTime<Utc>,
        /// Time of the last event.
        last: DateTime<Utc>,
    },
    /// A read-only terminal tried to change something.
    #[error("a viewer can only watch; join as notetaker to make changes")]
    ReadOnly,
    /// The notetaker's terminal tried to end the session.
    #[error("only the facilitator's terminal (`fgd run`) can end the session")]
    FacilitatorEnds,
    /// Needs a started session.
    #[error("the session has not started yet; start it first (Space, or {{\"cmd\":\"start\"}})")]
    NotStarted,
    /// `start` twice.
    #[error("the session has already started")]
    AlreadyStarted,
    /// `pause` while paused.
    #[error("the session is already paused")]
    AlreadyPaused,
    /// `resume` while not paused.
    #[error("the session is not paused")]
    NotPaused,
    /// Anything but corrections after the end.
    #[error("the session has ended; only texts and statuses can still be corrected")]
    Ended,
    /// `end` twice.
    #[error("the session has already ended")]
    AlreadyEnded,
    /// A required field left empty.
    #[error("{0} must not be empty")]
    Empty(#[serde(deserialize_with = "interned")] Name),
    /// A text over the limit.
    #[error("{field} is too long ({len} characters; at most {max})")]
    TooLong {
        /// Field name.
        #[serde(deserialize_with = "interned")]
        field: Name,
        /// Its length in characters.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// Planned minutes out of range.
    #[error("planned minutes must be between 1 and 1440, not {0}")]
    BadMinutes(u32),
    /// A participant reference that matches nobody.
    #[error("no participant `{0}`; name one by code (like P3) or by exact name")]
    UnknownParticipant(String),
    /// An exact name shared by several participants.
    #[error("more than one participant is named `{name}`; use a code: {}", codes.join(", "))]
    AmbiguousParticipant {
        /// The name given.
        name: String,
        /// Codes of those who bear it.
        codes: Vec<String>,
    },
    /// A code that is taken.
    #[error("participant code {code} is already used by {name}")]
    DuplicateCode {
        /// The code.
        code: String,
        /// Who has it.
        name: String,
    },
    /// A code with odd characters.
    #[error("participant code `{0}` must be 1–12 letters, digits, `-` or `_`, like P9")]
    BadCode(String),
    /// `arrive` twice.
    #[error("{0} is already marked present")]
    AlreadyPresent(String),
    /// `absent` for someone not present.
    #[error("{0} is not marked present")]
    NotPresent(String),
    /// Removing someone with a pending queue entry or the floor.
    #[error("{0} is speaking or in the speaker queue; finish or remove that first")]
    ParticipantBusy(String),
    /// An agenda item number that does not exist.
    #[error("no agenda item {0}; the items are numbered 1, 2, 3 … as the agenda shows them")]
    UnknownItem(u32),
    /// Needs an active agenda item.
    #[error("no agenda item is active")]
    NoActiveItem,
    /// `next` with nothing left.
    #[error("no pending agenda item is left; add one, or end the session")]
    NoPendingItem,
    /// An operation that needs a pending item.
    #[error("agenda item “{title}” is {}; only a pending item can be {verb}", status.as_str())]
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
    #[error("agenda item “{0}” is already active")]
    ItemAlreadyActive(String),
    /// Removing an item that notes or actions point to.
    #[error("agenda item “{0}” has notes, decisions or actions; remove or move them first")]
    ItemHasRecords(String),
    /// A list position out of range.
    #[error("position {to} is out of range; use 1 to {len}")]
    BadPosition {
        /// Given.
        to: usize,
        /// Highest valid.
        len: usize,
    },
    /// TCQ rule: one entry per participant and kind.
    #[error("{name} is already in the queue as {kind}")]
    AlreadyQueued {
        /// Participant name.
        name: String,
        /// Kind.
        kind: SpeakKind,
    },
    /// A queue entry number that is not in the queue.
    #[error("no queue entry {0}")]
    UnknownEntry(u32),
    /// `call_next` on an empty queue.
    #[error("the speaker queue is empty")]
    QueueEmpty,
    /// `finish_speaker` with nobody on the floor.
    #[error("no speaker is talking")]
    NotSpeaking,
    /// Calling someone who has the floor.
    #[error("{0} is already speaking")]
    AlreadySpeaking(String),
    /// A note, mindset, decision, conclusion or action number that does not exist.
    #[error(
        "no {what} {id}; they are numbered 1, 2, 3 … as the live view and the minutes show them"
    )]
    UnknownRecord {
        /// Kind of record.
        #[serde(deserialize_with = "interned")]
        what: Name,
        /// Number given.
        id: u32,
    },
    /// A bad due date.
    #[error(
        "bad due date `{0}`: use YYYY-MM-DD (like 2026-12-01) or a count of days or weeks from today (+7d, +2w)"
    )]
    BadDue(String),
    /// An edit that changes nothing.
    #[error("nothing to change")]
    NothingToChange,
    /// `undo` with an empty history for this terminal.
    #[error("nothing to undo from this terminal")]
    NothingToUndo,
    /// `undo` of something another terminal has changed since.
    #[error("can't undo “{0}”: it was changed since from another terminal")]
    UndoConflict(String),
}

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
