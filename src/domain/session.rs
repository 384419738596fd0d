//! The state of one session: every entity of the FGD and the session's own
//! clock (live time, pauses excluded). The questions asked of one family
//! (the agenda, the floor, participants, records) live in that family's file;
//! the invariants in `invariants.rs`. State changes only through
//! [`super::apply`]; everything here reads.

pub use super::paper::MinutesOptions;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::records::ideas::{ActionPlan, Idea};
use super::records::statements::Votes;
use super::scoring::{Jury, Scores};
use super::types::{
    ActionStatus, CoreValue, ItemStatus, Language, NoteKind, SessionKind, SpeakKind, Status, Zone,
};
use super::undo::UndoLog;

/// Position of an event in a session's log, from 1.
pub type Seq = u64;

macro_rules! id_type {
    ($(#[$doc:meta] $name:ident),+ $(,)?) => {$(
        #[$doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )+};
}

id_type!(
    /// Agenda item number, from 1, never reused.
    ItemId,
    /// Speaker-queue entry number, from 1, never reused.
    EntryId,
    /// Note number, from 1.
    NoteId,
    /// Mindset-shift number, from 1.
    MindsetId,
    /// Action-item number, from 1.
    ActionId,
);

/// A stretch of time; `end` is `None` while it lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// When it began.
    #[serde(deserialize_with = "super::stamp::de")]
    pub start: DateTime<Utc>,
    /// When it ended, if it has.
    #[serde(default, deserialize_with = "super::stamp::de_opt")]
    pub end: Option<DateTime<Utc>>,
}

/// A named person with an optional civil-servant id number (NIP).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Person {
    /// Full name with titles.
    pub name: String,
    /// NIP, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nip: Option<String>,
    /// Position (jabatan), printed above the name in the sign-off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Rank (pangkat/golongan), printed under the name in the sign-off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<String>,
}

/// What a session is about and who runs it: set at creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SessionInfo {
    /// Short, typeable id, e.g. `2026-11-23-pola-pikir`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Kind of meeting.
    pub kind: SessionKind,
    /// Language of screens and minutes.
    pub language: Language,
    /// The day it is planned for; once started, [`Session::date`] is the
    /// day it really ran.
    pub date: NaiveDate,
    /// Its time zone.
    pub zone: Zone,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Letterhead line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<String>,
    /// Where the minutes are signed (a city or regency); never guessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Chair / moderator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<Person>,
    /// Notetaker (notulis).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notetaker: Option<Person>,
    /// Resource persons (narasumber).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resource_persons: Vec<String>,
    /// Default turn limit in seconds.
    pub speaker_limit_secs: u32,
    /// When the day is planned to start (plan `start_time`), for the clock
    /// plan of its items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<chrono::NaiveTime>,
    /// The session this one follows up, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_of: Option<String>,
    /// The meeting's number in its series; 0 (stored as absent) for the
    /// first (see [`SessionInfo::meeting_number`]).
    #[serde(default, skip_serializing_if = "is_first_meeting")]
    pub meeting: u32,
    /// The series it belongs to (the plan's `series`, or the first
    /// meeting's id for a follow-up); see [`SessionInfo::series_id`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// The day of the meeting it follows up, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_date: Option<NaiveDate>,
    /// The header was corrected after the session ended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
    /// What the minutes hold (the plan's `[minutes]` table).
    #[serde(default, skip_serializing_if = "super::paper::all_minutes")]
    pub minutes: MinutesOptions,
    /// The jury and its criteria (plan `[[criteria]]`, `[[jurors]]`).
    #[serde(default, skip_serializing_if = "Jury::is_empty")]
    pub jury: Jury,
    /// The office's kop (the plan's `[letterhead]` table); boxed, as most
    /// sessions have none and every `Created` event carries the info.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letterhead: Option<Box<super::header::Letterhead>>,
    /// Who signs "Mengetahui" (acknowledged), if anyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<Person>,
    /// The plan's `panels`: what the live view shows in the mindset panel's
    /// place and whether "not yet spoken" shows; `None`: what its kind shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen: Option<super::types::Screen>,
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's signature")]
fn is_first_meeting(n: &u32) -> bool {
    *n <= 1
}

impl SessionInfo {
    /// The meeting's number in its series: 1 for a session that follows
    /// up none.
    pub fn meeting_number(&self) -> u32 {
        self.meeting.max(1)
    }
}

/// Someone invited to or present at the session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// Code such as `P3`; unique, compared case-insensitively.
    pub code: String,
    /// Full name.
    pub name: String,
    /// Position (jabatan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Unit / OPD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// NIP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nip: Option<String>,
    /// Agrees to be quoted by name; otherwise quotes show the code.
    pub consent: bool,
    /// Marked present.
    pub present: bool,
    /// When they were marked present.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::stamp::de_opt"
    )]
    pub arrived_at: Option<DateTime<Utc>>,
    /// Marked present because they took part (spoke, were quoted, own a
    /// record), not at a roll call.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_taking_part: bool,
    /// Invited because they walked in at the meeting before (a follow-up
    /// carries walk-ins); they can be removed like anyone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carried: bool,
    /// Removed from the session (kept so references still resolve).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// Changed after the session ended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
}

impl Participant {
    /// The name to print where this person may be named, else the code.
    pub fn quotable_name(&self) -> &str {
        if self.consent { &self.name } else { &self.code }
    }
}

/// One item of the agenda with its timebox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    /// Number.
    pub id: ItemId,
    /// Title.
    pub title: String,
    /// Planned minutes (> 0).
    pub minutes: u32,
    /// Who leads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Discussion-guide questions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
    /// The guide questions (1-based) ticked as covered, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covered: Vec<usize>,
    /// A break, its own speaker limit, its segments.
    #[serde(default, skip_serializing_if = "super::schedule::ItemSetup::is_plain")]
    pub setup: super::schedule::ItemSetup,
    /// Where it stands.
    pub status: ItemStatus,
    /// When it was active; timers sum these, less pauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<Span>,
    /// The session it was carried over from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Changed after the session ended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
    /// The participant who presents in this slot (a jury session).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
}

impl AgendaItem {
    /// When it was first taken up.
    pub fn actual_start(&self) -> Option<DateTime<Utc>> {
        self.spans.first().map(|s| s.start)
    }

    /// When it was last left, unless it is still active.
    pub fn actual_end(&self) -> Option<DateTime<Utc>> {
        self.spans.last().and_then(|s| s.end)
    }
}

/// Someone waiting to speak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueEntry {
    /// Number.
    pub id: EntryId,
    /// Participant code.
    pub code: String,
    /// Kind of turn asked for.
    pub kind: SpeakKind,
    /// When the hand went up.
    #[serde(deserialize_with = "super::stamp::de")]
    pub raised_at: DateTime<Utc>,
}

/// The person who has the floor now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaking {
    /// Participant code.
    pub code: String,
    /// Kind of turn.
    pub kind: SpeakKind,
    /// When the turn began.
    #[serde(deserialize_with = "super::stamp::de")]
    pub since: DateTime<Utc>,
    /// The agenda item active when it began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
}

/// A finished turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// Participant code.
    pub code: String,
    /// Kind of turn.
    pub kind: SpeakKind,
    /// Agenda item active when it began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    /// Began.
    #[serde(deserialize_with = "super::stamp::de")]
    pub start: DateTime<Utc>,
    /// Ended.
    #[serde(deserialize_with = "super::stamp::de")]
    pub end: DateTime<Utc>,
    /// Seconds of live time (pauses excluded).
    pub secs: i64,
}

/// A "dari … menjadi …" shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MindsetShift {
    /// Number.
    pub id: MindsetId,
    /// The old mindset ("dilayani").
    pub from: String,
    /// The new mindset ("melayani").
    pub to: String,
    /// BerAKHLAK values it expresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<CoreValue>,
    /// Who voiced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<String>,
    /// Agenda item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    /// When recorded.
    #[serde(deserialize_with = "super::stamp::de")]
    pub at: DateTime<Utc>,
    /// Removed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// Changed after the session ended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
}

/// A note by the notetaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Number.
    pub id: NoteId,
    /// Kind.
    pub kind: NoteKind,
    /// Text.
    pub text: String,
    /// Participant it is about or from (a quote's speaker).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<String>,
    /// Agenda item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    /// When recorded.
    #[serde(deserialize_with = "super::stamp::de")]
    pub at: DateTime<Utc>,
    /// Kept off the projector and viewer layouts.
    pub private: bool,
    /// Removed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// Changed after the session ended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
}

/// A decision (keputusan) or conclusion (kesimpulan): a text under an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Number within its list.
    pub id: u32,
    /// Text.
    pub text: String,
    /// Agenda item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    /// When recorded.
    #[serde(deserialize_with = "super::stamp::de")]
    pub at: DateTime<Utc>,
    /// Removed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// Changed after the session ended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
    /// How many were for, against and abstained (a decision), never who.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<Votes>,
}

/// Who is responsible for an action: linked to a participant when the text names one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pic {
    /// The text as typed.
    pub text: String,
    /// Code of the participant it names, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// A follow-up action (tindak lanjut).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionItem {
    /// Number.
    pub id: ActionId,
    /// What is to be done.
    pub what: String,
    /// Who is responsible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pic: Option<Pic>,
    /// Due date in the session's zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Open, done or dropped.
    pub status: ActionStatus,
    /// Agenda item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    /// The session it was carried over from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Its origin meeting and how it stood when carried, if carried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried: Option<super::series::Carried>,
    /// The latest progress note recorded with its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Its rencana aksi (innovation lab): idea, team, indicator, resources,
    /// schedule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<ActionPlan>,
    /// When recorded.
    #[serde(deserialize_with = "super::stamp::de")]
    pub at: DateTime<Utc>,
    /// Removed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// Changed after the session ended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
}

impl ActionItem {
    /// Open and due before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == ActionStatus::Open && self.due.is_some_and(|d| d < today)
    }
}

/// Talk time and turns of one participant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TalkStat {
    /// Participant code.
    pub code: String,
    /// Seconds spoken (live time), including a turn in progress.
    pub secs: i64,
    /// Number of turns, including one in progress.
    pub turns: u32,
}

/// One session: the fold of its event log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Session {
    /// What it is.
    pub info: SessionInfo,
    /// Where it is in its life.
    pub status: Status,
    /// When it was started.
    #[serde(default, deserialize_with = "super::stamp::de_opt")]
    pub started_at: Option<DateTime<Utc>>,
    /// When it ended.
    #[serde(default, deserialize_with = "super::stamp::de_opt")]
    pub ended_at: Option<DateTime<Utc>>,
    /// Pauses; the last one is open while paused.
    pub pauses: Vec<Span>,
    /// Corrected after it ended.
    pub revised: bool,
    /// Participants, in the order added.
    pub participants: Vec<Participant>,
    /// Agenda, in order.
    pub agenda: Vec<AgendaItem>,
    /// Speaker queue, front first.
    pub queue: Vec<QueueEntry>,
    /// Who has the floor.
    pub speaking: Option<Speaking>,
    /// Finished turns, oldest first.
    pub turns: Vec<Turn>,
    /// Mindset shifts; index = id − 1.
    pub mindsets: Vec<MindsetShift>,
    /// Notes; index = id − 1.
    pub notes: Vec<Note>,
    /// Decisions; index = id − 1.
    pub decisions: Vec<Statement>,
    /// Conclusions; index = id − 1.
    pub conclusions: Vec<Statement>,
    /// Action items; index = id − 1.
    pub actions: Vec<ActionItem>,
    /// Innovation ideas; index = id − 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ideas: Vec<Idea>,
    /// The jury's scores and their announcement.
    #[serde(default, skip_serializing_if = "Scores::is_empty")]
    pub scores: Scores,
    /// Next agenda item number.
    pub next_item_id: u32,
    /// Next queue entry number.
    pub next_entry_id: u32,
    /// Seq of the last event applied (0 before creation).
    pub last_seq: Seq,
    /// Time of the last event applied.
    #[serde(default, deserialize_with = "super::stamp::de_opt")]
    pub last_at: Option<DateTime<Utc>>,
    /// Per-terminal undo history (derived from the log; left out of
    /// `session.json`, kept in a [`super::Snapshot`]).
    #[serde(skip)]
    pub(crate) undo: UndoLog,
    /// Finished talk per participant code: (seconds, turns). Derived from
    /// `turns` and kept up to date by `apply`, so the screens need not scan
    /// every turn at every frame.
    #[serde(skip)]
    pub(crate) talk: std::collections::HashMap<String, (i64, u32)>,
    /// The last event that could change a record (see
    /// [`Session::records_seq`]); 0 until one is applied here.
    #[serde(skip)]
    pub(crate) records_seq: super::marks::ChangeMark,
    /// The last event that changed more than the clock (see
    /// [`Session::content_seq`]); 0 until one is applied here.
    #[serde(skip)]
    pub(crate) content_seq: super::marks::ChangeMark,
    /// Which reading of a whole session this is (see [`Session::origin`]).
    #[serde(skip, default = "super::marks::fresh_origin")]
    pub(crate) origin: super::marks::ChangeMark,
}

impl Session {
    /// The instant timers run to: the end of the session, or `now`.
    pub fn clock_end(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.ended_at.unwrap_or(now)
    }

    /// Whole seconds of live time between two instants: pauses excluded.
    pub fn live_secs(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        if to <= from {
            return 0;
        }
        let mut total = (to - from).num_milliseconds();
        // Pauses follow each other in time (an invariant): only those from
        // the first that ends after `from` up to `to` overlap.
        let first = self
            .pauses
            .partition_point(|p| p.end.is_some_and(|e| e <= from));
        for p in self.pauses[first..].iter().take_while(|p| p.start < to) {
            let p_end = p.end.unwrap_or(to).min(to);
            let p_start = p.start.max(from);
            if p_end > p_start {
                total -= (p_end - p_start).num_milliseconds();
            }
        }
        total.max(0) / 1000
    }

    /// The day the session really ran: the day of its first start in its
    /// zone; before the start, the planned day ([`Session::date_is_planned`]).
    pub fn date(&self) -> NaiveDate {
        self.started_at
            .map_or(self.info.date, |at| self.info.zone.date_of(at))
    }

    /// Whether [`Session::date`] is still the planned day (not started).
    pub fn date_is_planned(&self) -> bool {
        self.started_at.is_none()
    }

    /// Live time since the session started.
    pub fn elapsed_secs(&self, now: DateTime<Utc>) -> i64 {
        self.started_at
            .map_or(0, |s| self.live_secs(s, self.clock_end(now)))
    }
}
