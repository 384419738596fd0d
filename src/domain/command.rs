//! What a user or script asks for. A command names things the way people do
//! (a participant by code or name, a due date as `+7d`); `decide` resolves
//! and validates it into an [`super::Event`].
//!
//! The serde form (`{"cmd":"raise_hand","participant":"P2","kind":"reply"}`)
//! is the line format of `fgd apply` and of the live protocol.

use serde::{Deserialize, Serialize};

use super::header::HeaderChange;
use super::records::statements::Votes;
use super::schedule::ItemSetup;
use super::series::Carried;
use super::session::{ActionId, EntryId, ItemId, MindsetId, NoteId, SessionInfo};
use super::types::{ActionStatus, CoreValue, NoteKind, SpeakKind};

/// A request to change a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case", deny_unknown_fields)]
pub enum Command {
    /// Create the session (the first event of every log).
    Create {
        /// Title, kind, people and settings.
        info: SessionInfo,
    },
    /// Planned → live; activates the first pending agenda item.
    Start,
    /// Live → paused; timers stop.
    Pause,
    /// Paused → live.
    Resume,
    /// Live or paused → ended; the active item is done and the speaker finished.
    End,
    /// Undo the last command made by the same actor.
    Undo,
    /// Correct the session's header (title, planned date, venue, place of
    /// signing, organizer, chair, notetaker); in every state, but the date
    /// only before the start.
    EditSession(HeaderChange),

    /// Add a participant (code assigned in order when not given).
    AddParticipant {
        /// Full name.
        name: String,
        /// Position.
        #[serde(default)]
        position: Option<String>,
        /// Unit / OPD.
        #[serde(default)]
        unit: Option<String>,
        /// Code like `P9`.
        #[serde(default)]
        code: Option<String>,
        /// NIP.
        #[serde(default)]
        nip: Option<String>,
        /// Agrees to be quoted by name.
        #[serde(default)]
        consent: bool,
        /// Present already (a walk-in).
        #[serde(default)]
        present: bool,
        /// Invited because they walked in at the meeting before.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        carried: bool,
    },
    /// Change a participant's details; an empty text clears an optional field.
    EditParticipant {
        /// Code or exact name.
        participant: String,
        /// New name.
        #[serde(default)]
        name: Option<String>,
        /// New position.
        #[serde(default)]
        position: Option<String>,
        /// New unit.
        #[serde(default)]
        unit: Option<String>,
        /// New NIP.
        #[serde(default)]
        nip: Option<String>,
        /// New consent.
        #[serde(default)]
        consent: Option<bool>,
    },
    /// Remove a participant (their past turns and quotes stay attributed).
    RemoveParticipant {
        /// Code or exact name.
        participant: String,
    },
    /// Mark a participant present now.
    Arrive {
        /// Code or exact name.
        participant: String,
    },
    /// Take back a participant's presence.
    Absent {
        /// Code or exact name.
        participant: String,
    },

    /// Add an agenda item, at the end or at a 1-based position.
    AddAgendaItem {
        /// Title.
        title: String,
        /// Planned minutes.
        minutes: u32,
        /// Who leads it.
        #[serde(default)]
        owner: Option<String>,
        /// Guide questions.
        #[serde(default)]
        questions: Vec<String>,
        /// 1-based position; the end when omitted.
        #[serde(default)]
        position: Option<usize>,
        /// The session it is carried over from.
        #[serde(default)]
        origin: Option<String>,
        /// A break, its own speaker limit, its segments.
        #[serde(default, skip_serializing_if = "ItemSetup::is_plain")]
        setup: ItemSetup,
        /// The participant who presents in it (code or exact name).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        presenter: Option<String>,
    },
    /// Change an agenda item; an empty owner clears it.
    EditAgendaItem {
        /// Item number.
        item: ItemId,
        /// New title.
        #[serde(default)]
        title: Option<String>,
        /// New planned minutes.
        #[serde(default)]
        minutes: Option<u32>,
        /// New owner.
        #[serde(default)]
        owner: Option<String>,
        /// New guide questions.
        #[serde(default)]
        questions: Option<Vec<String>>,
    },
    /// Move an agenda item to a 1-based position.
    MoveAgendaItem {
        /// Item number.
        item: ItemId,
        /// 1-based position.
        to: usize,
    },
    /// Remove a pending agenda item that has nothing linked to it.
    RemoveAgendaItem {
        /// Item number.
        item: ItemId,
    },
    /// Make an item active (the active one, if any, is done).
    StartItem {
        /// Item number.
        item: ItemId,
    },
    /// The active item is done; the next pending one becomes active. Never asks.
    NextItem,
    /// Pass over a pending item.
    SkipItem {
        /// Item number.
        item: ItemId,
    },
    /// Leave an item for a follow-up session; the active one when no item is given
    /// (and then the next pending item becomes active).
    DeferItem {
        /// Item number; the active item when omitted.
        #[serde(default)]
        item: Option<ItemId>,
    },
    /// Tick a guide question of an item as covered (or, with `covered:
    /// false`, not covered).
    CoverQuestion {
        /// Item number; the active item when omitted.
        #[serde(default)]
        item: Option<ItemId>,
        /// Question number, 1-based.
        question: usize,
        /// Covered (the default) or not.
        #[serde(default = "yes")]
        covered: bool,
    },

    /// Put a participant in the speaker queue.
    RaiseHand {
        /// Code or exact name.
        participant: String,
        /// Kind of turn.
        #[serde(default = "default_speak_kind")]
        kind: SpeakKind,
    },
    /// Move a queue entry to a 1-based position.
    MoveQueueEntry {
        /// Entry number.
        entry: EntryId,
        /// 1-based position.
        to: usize,
    },
    /// Take an entry out of the queue.
    RemoveQueueEntry {
        /// Entry number.
        entry: EntryId,
    },
    /// Give the floor to the front of the queue (finishing the current speaker).
    CallNext,
    /// Give the floor to a participant (their queue entry, if any, is used).
    CallSpeaker {
        /// Code or exact name.
        participant: String,
    },
    /// End the current speaker's turn.
    FinishSpeaker,

    /// Record a mindset shift "from → to".
    AddMindset {
        /// The old mindset.
        from: String,
        /// The new mindset.
        to: String,
        /// BerAKHLAK values.
        #[serde(default)]
        values: Vec<CoreValue>,
        /// Who voiced it.
        #[serde(default)]
        participant: Option<String>,
        /// Agenda item; the active one when omitted.
        #[serde(default)]
        item: Option<ItemId>,
    },
    /// Correct a mindset shift; an empty participant clears it.
    EditMindset {
        /// Number.
        mindset: MindsetId,
        /// New "from".
        #[serde(default)]
        from: Option<String>,
        /// New "to".
        #[serde(default)]
        to: Option<String>,
        /// New values.
        #[serde(default)]
        values: Option<Vec<CoreValue>>,
        /// New participant.
        #[serde(default)]
        participant: Option<String>,
    },
    /// Record a note.
    AddNote {
        /// Text.
        text: String,
        /// Kind.
        #[serde(default = "default_note_kind")]
        kind: NoteKind,
        /// Participant it is from or about.
        #[serde(default)]
        participant: Option<String>,
        /// Off the projector; by default concerns and observations are.
        #[serde(default)]
        private: Option<bool>,
        /// Agenda item; the active one when omitted.
        #[serde(default)]
        item: Option<ItemId>,
    },
    /// Correct a note; an empty participant clears it.
    EditNote {
        /// Number.
        note: NoteId,
        /// New text.
        #[serde(default)]
        text: Option<String>,
        /// New kind.
        #[serde(default)]
        kind: Option<NoteKind>,
        /// New participant.
        #[serde(default)]
        participant: Option<String>,
        /// New private flag.
        #[serde(default)]
        private: Option<bool>,
    },
    /// Record a decision.
    AddDecision {
        /// Text.
        text: String,
        /// Agenda item; the active one when omitted.
        #[serde(default)]
        item: Option<ItemId>,
        /// How many were for, against and abstained, never who.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        votes: Option<Votes>,
    },
    /// Correct a decision.
    EditDecision {
        /// Number.
        decision: u32,
        /// New text.
        text: String,
    },
    /// Record a conclusion.
    AddConclusion {
        /// Text.
        text: String,
        /// Agenda item; the active one when omitted.
        #[serde(default)]
        item: Option<ItemId>,
    },
    /// Correct a conclusion.
    EditConclusion {
        /// Number.
        conclusion: u32,
        /// New text.
        text: String,
    },
    /// Record a follow-up action.
    AddAction {
        /// What is to be done.
        what: String,
        /// Who: a code, a name or its unique prefix, or free text.
        #[serde(default)]
        pic: Option<String>,
        /// `2026-12-01` or `+7d`.
        #[serde(default)]
        due: Option<String>,
        /// Agenda item; the active one when omitted.
        #[serde(default)]
        item: Option<ItemId>,
        /// The session it is carried over from.
        #[serde(default)]
        origin: Option<String>,
        /// Its origin meeting and how it stood, when a follow-up carries it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        carried: Option<Carried>,
    },
    /// Correct an action; an empty PIC or due clears it.
    EditAction {
        /// Number.
        action: ActionId,
        /// New text.
        #[serde(default)]
        what: Option<String>,
        /// New PIC.
        #[serde(default)]
        pic: Option<String>,
        /// New due date.
        #[serde(default)]
        due: Option<String>,
    },
    /// Mark an action open, done or dropped, with a progress note and (for
    /// an open one) a new due date.
    SetActionStatus {
        /// Number.
        action: ActionId,
        /// New status.
        status: ActionStatus,
        /// Progress so far.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// A new due date (`2027-01-31` or `+14d`): extends an open action.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<String>,
    },
    /// Remove a note.
    RemoveNote {
        /// Number.
        note: NoteId,
    },
    /// Remove a mindset shift.
    RemoveMindset {
        /// Number.
        mindset: MindsetId,
    },
    /// Remove a decision.
    RemoveDecision {
        /// Number.
        decision: u32,
    },
    /// Remove a conclusion.
    RemoveConclusion {
        /// Number.
        conclusion: u32,
    },
    /// Remove an action.
    RemoveAction {
        /// Number.
        action: ActionId,
    },

    /// Record a juror's score of a presenter on one criterion (a later
    /// score of the same cell replaces it).
    Score {
        /// Juror code (`J1`) or exact name.
        juror: String,
        /// Participant code or exact name.
        presenter: String,
        /// Criterion number, name or a unique start of its name.
        criterion: String,
        /// The score, 0 to the criterion's max.
        value: u32,
    },
    /// Let the scores, totals and ranking be shown (the projector shows the
    /// ranking); scores can no longer change.
    AnnounceScores,

    /// Record an innovation idea.
    AddIdea {
        /// What the innovation is.
        title: String,
        /// The problem it answers.
        #[serde(default)]
        problem: Option<String>,
        /// The OPD or team.
        #[serde(default)]
        team: Option<String>,
        /// Who proposed it (a participant's code or name, or free text).
        #[serde(default)]
        proposer: Option<String>,
        /// Agenda item; the active one when omitted.
        #[serde(default)]
        item: Option<ItemId>,
    },
    /// Set an idea's priority: its dot votes.
    PrioritiseIdea {
        /// Number.
        idea: u32,
        /// Dot votes.
        dots: u32,
    },
    /// Remove an idea.
    RemoveIdea {
        /// Number.
        idea: u32,
    },
    /// Set an action's rencana aksi; what is not given is kept, an empty
    /// text clears it.
    PlanAction {
        /// Number.
        action: ActionId,
        /// The idea it carries out.
        #[serde(default)]
        idea: Option<u32>,
        /// Team or OPD.
        #[serde(default)]
        team: Option<String>,
        /// Indicator of success.
        #[serde(default)]
        indicator: Option<String>,
        /// Resources needed.
        #[serde(default)]
        resources: Option<String>,
        /// Schedule, as written.
        #[serde(default)]
        schedule: Option<String>,
    },
}

fn default_speak_kind() -> SpeakKind {
    SpeakKind::Topic
}

fn default_note_kind() -> NoteKind {
    NoteKind::Observation
}

fn yes() -> bool {
    true
}
