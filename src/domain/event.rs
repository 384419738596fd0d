//! What happened: the facts the log stores. Events are resolved and validated
//! (a participant is a code, a due date is a date), so [`super::apply`] never
//! fails and replaying a log always gives the same state.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::header::Header;
use super::records::ideas::{ActionPlan, Idea};
use super::scoring::Score;
use super::session::{
    ActionId, ActionItem, AgendaItem, EntryId, ItemId, MindsetId, MindsetShift, Note, NoteId,
    Participant, Pic, QueueEntry, Seq, SessionInfo, Statement,
};
use super::types::{ActionStatus, Actor, CoreValue, NoteKind, SpeakKind};

/// An event with its place in the log: the unit the store writes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    /// Position in the log, from 1.
    pub seq: Seq,
    /// When it happened (UTC).
    #[serde(deserialize_with = "super::stamp::de")]
    pub at: DateTime<Utc>,
    /// Who made it.
    pub actor: Actor,
    /// What happened.
    pub event: Event,
}

/// Which removable record an event is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A note.
    Note(NoteId),
    /// A mindset shift.
    Mindset(MindsetId),
    /// A decision.
    Decision(u32),
    /// A conclusion.
    Conclusion(u32),
    /// An action item.
    Action(ActionId),
    /// An innovation idea.
    Idea(u32),
}

/// A fact in a session's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The session was created.
    Created {
        /// Its settings.
        info: SessionInfo,
    },
    /// The session started; `item` became active.
    Started {
        /// The first pending item, if any.
        item: Option<ItemId>,
    },
    /// The session was paused.
    Paused,
    /// The session resumed.
    Resumed,
    /// The session ended.
    Ended,
    /// The actor's command with this seq was undone.
    Undone {
        /// Seq of the undone event.
        of: Seq,
    },
    /// The session's header was corrected (all editable fields, as they now are).
    SessionEdited {
        /// The header.
        header: Header,
    },

    /// A participant was added.
    ParticipantAdded {
        /// The record.
        participant: Participant,
    },
    /// A participant's details changed (all editable fields, as they now are).
    ParticipantEdited {
        /// Code.
        code: String,
        /// Name.
        name: String,
        /// Position.
        position: Option<String>,
        /// Unit.
        unit: Option<String>,
        /// NIP.
        nip: Option<String>,
        /// Consent to be quoted by name.
        consent: bool,
    },
    /// A participant was removed.
    ParticipantRemoved {
        /// Code.
        code: String,
    },
    /// A participant was marked present.
    Arrived {
        /// Code.
        code: String,
    },
    /// A participant's presence was taken back.
    MarkedAbsent {
        /// Code.
        code: String,
    },

    /// An agenda item was added at a 0-based index.
    ItemAdded {
        /// The record.
        item: AgendaItem,
        /// 0-based index.
        index: usize,
    },
    /// An agenda item changed (all editable fields, as they now are).
    ItemEdited {
        /// Item.
        id: ItemId,
        /// Title.
        title: String,
        /// Planned minutes.
        minutes: u32,
        /// Owner.
        owner: Option<String>,
        /// Guide questions.
        questions: Vec<String>,
    },
    /// An agenda item moved to a 0-based index.
    ItemMoved {
        /// Item.
        id: ItemId,
        /// 0-based index.
        index: usize,
    },
    /// An agenda item was removed.
    ItemRemoved {
        /// Item.
        id: ItemId,
    },
    /// An item became active; the one active before, if any, is done.
    ItemStarted {
        /// Item.
        id: ItemId,
        /// The item that was active.
        finished: Option<ItemId>,
    },
    /// `next`: the active item is done, the next pending one active.
    ItemAdvanced {
        /// The item that was active.
        finished: Option<ItemId>,
        /// The item now active.
        started: Option<ItemId>,
    },
    /// A pending item was skipped.
    ItemSkipped {
        /// Item.
        id: ItemId,
    },
    /// An item was deferred to a follow-up session; if it was active, `started` took over.
    ItemDeferred {
        /// Item.
        id: ItemId,
        /// The item now active.
        started: Option<ItemId>,
    },
    /// A guide question was ticked covered, or un-ticked.
    QuestionCovered {
        /// Item.
        item: ItemId,
        /// Question, 1-based.
        question: usize,
        /// Covered or not.
        covered: bool,
    },

    /// A hand went up; the entry sits at a 0-based index.
    HandRaised {
        /// The entry.
        entry: QueueEntry,
        /// 0-based index.
        index: usize,
    },
    /// A queue entry moved to a 0-based index.
    QueueEntryMoved {
        /// Entry.
        entry: EntryId,
        /// 0-based index.
        index: usize,
    },
    /// A queue entry was removed.
    QueueEntryRemoved {
        /// Entry.
        entry: EntryId,
    },
    /// A participant got the floor (the current speaker, if any, finished at the
    /// same instant); `entry` is the queue entry it came from.
    SpeakerCalled {
        /// Participant code.
        code: String,
        /// Kind of turn.
        kind: SpeakKind,
        /// Queue entry used.
        entry: Option<EntryId>,
        /// A point of order or clarifying question interrupted a turn: the
        /// interrupted speaker's new entry, first in the queue.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        returns: Option<QueueEntry>,
    },
    /// The current speaker finished.
    SpeakerFinished,

    /// A mindset shift was recorded.
    MindsetAdded {
        /// The record.
        mindset: MindsetShift,
    },
    /// A mindset shift was corrected.
    MindsetEdited {
        /// Number.
        id: MindsetId,
        /// From.
        from: String,
        /// To.
        to: String,
        /// Values.
        values: Vec<CoreValue>,
        /// Participant.
        participant: Option<String>,
    },
    /// A note was recorded.
    NoteAdded {
        /// The record.
        note: Note,
    },
    /// A note was corrected.
    NoteEdited {
        /// Number.
        id: NoteId,
        /// Kind.
        kind: NoteKind,
        /// Text.
        text: String,
        /// Participant.
        participant: Option<String>,
        /// Private flag.
        private: bool,
    },
    /// A decision was recorded.
    DecisionAdded {
        /// The record.
        decision: Statement,
    },
    /// A decision was corrected.
    DecisionEdited {
        /// Number.
        id: u32,
        /// Text.
        text: String,
    },
    /// A conclusion was recorded.
    ConclusionAdded {
        /// The record.
        conclusion: Statement,
    },
    /// A conclusion was corrected.
    ConclusionEdited {
        /// Number.
        id: u32,
        /// Text.
        text: String,
    },
    /// An action item was recorded.
    ActionAdded {
        /// The record.
        action: ActionItem,
    },
    /// An action item was corrected.
    ActionEdited {
        /// Number.
        id: ActionId,
        /// What.
        what: String,
        /// PIC.
        pic: Option<Pic>,
        /// Due date.
        due: Option<NaiveDate>,
    },
    /// An action's status changed.
    ActionStatusSet {
        /// Number.
        id: ActionId,
        /// New status.
        status: ActionStatus,
        /// Progress note given with it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        /// New due date given with it (an extension).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due: Option<NaiveDate>,
    },
    /// A record was removed.
    Removed {
        /// Which one.
        target: Target,
    },
    /// A juror scored a presenter on one criterion.
    Scored {
        /// The score, resolved to codes and the criterion's number.
        score: Score,
    },
    /// The scores were announced.
    ScoresAnnounced,
    /// An innovation idea was recorded.
    IdeaAdded {
        /// The idea.
        idea: Idea,
    },
    /// An idea's dot votes were set.
    IdeaPrioritised {
        /// Which idea.
        id: u32,
        /// Its dots.
        dots: u32,
    },
    /// An action's rencana aksi was set.
    ActionPlanned {
        /// Which action.
        id: ActionId,
        /// The whole rencana aksi.
        plan: ActionPlan,
    },
}

impl Event {
    /// Whether this event changes the agenda or an action's status (the
    /// store then refreshes the `session.json` backup, which `fgd actions`
    /// reads: a review's outcome shows in the register while the meeting
    /// runs; a new action shows at the next agenda change).
    pub fn changes_agenda(&self) -> bool {
        matches!(
            self,
            Event::Created { .. }
                | Event::Started { .. }
                | Event::Ended
                | Event::ItemAdded { .. }
                | Event::ItemEdited { .. }
                | Event::ItemMoved { .. }
                | Event::ItemRemoved { .. }
                | Event::ItemStarted { .. }
                | Event::ItemAdvanced { .. }
                | Event::ItemSkipped { .. }
                | Event::ItemDeferred { .. }
                | Event::QuestionCovered { .. }
                | Event::Undone { .. }
                | Event::ActionStatusSet { .. }
        )
    }

    /// Whether this event may change the session's status (the store then
    /// rewrites `meta.json`). An undo may revert a status change.
    pub fn may_change_status(&self) -> bool {
        matches!(
            self,
            Event::Created { .. }
                | Event::SessionEdited { .. }
                | Event::Started { .. }
                | Event::Paused
                | Event::Resumed
                | Event::Ended
                | Event::Undone { .. }
        )
    }
}
