//! Small value types of the FGD domain: kinds, statuses, roles, time zones and
//! the BerAKHLAK values. Each parses from the words users type in either
//! language and serialises in `snake_case`.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate, Offset, Utc};
use serde::{Deserialize, Serialize};

/// Implements `FromStr` for a unit enum from a table of accepted spellings
/// (compared case-insensitively), and a `parse_error` listing the canonical ones.
macro_rules! words {
    ($ty:ident, $what:literal, { $($variant:ident => [$($word:literal),+]),+ $(,)? }) => {
        impl FromStr for $ty {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let s = s.trim().to_lowercase();
                $( if [$($word),+].contains(&s.as_str()) { return Ok($ty::$variant); } )+
                Err(format!(
                    "unknown {} `{}`; use one of: {}",
                    $what,
                    s,
                    [$( words!(@first $($word),+) ),+].join(", ")
                ))
            }
        }
    };
    (@first $first:literal $(, $rest:literal)*) => { $first };
}

/// What sort of meeting a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// Focus-group discussion.
    #[default]
    Fgd,
    /// Meeting (rapat).
    Rapat,
    /// Standing forum, such as OBSESI.
    Forum,
    /// Work-culture group (kelompok budaya kerja) show.
    Kbk,
    /// Innovation laboratory stage.
    Labinov,
    /// Technical guidance (bimbingan teknis), led by resource persons.
    Bimtek,
}

words!(SessionKind, "session kind", {
    Fgd => ["fgd", "focus group"],
    Rapat => ["rapat", "meeting"],
    Forum => ["forum"],
    Kbk => ["kbk"],
    Labinov => ["labinov", "innovation lab"],
    Bimtek => ["bimtek", "bimbingan teknis", "technical guidance"],
});

/// A panel a plan's `panels` key names. The agenda, queue, notes, decisions
/// and actions are always shown; the list picks the one panel in the
/// mindset panel's place and whether "not yet spoken" shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreenPanel {
    /// The agenda.
    Agenda,
    /// The speakers' queue.
    Queue,
    /// Who has not yet spoken, under the queue.
    NotYetSpoken,
    /// Mindset shifts.
    Mindsets,
    /// The jury's panel (presenter, score sheet's progress, ranking).
    Jury,
    /// The resource person's session and its questions and answers.
    Resource,
    /// The innovation lab's ideas.
    Ideas,
    /// Notes.
    Notes,
    /// Decisions and conclusions.
    Decisions,
    /// Action items.
    Actions,
}

words!(ScreenPanel, "panel", {
    Agenda => ["agenda"],
    Queue => ["queue"],
    NotYetSpoken => ["not_yet_spoken"],
    Mindsets => ["mindsets"],
    Jury => ["jury"],
    Resource => ["resource"],
    Ideas => ["ideas"],
    Notes => ["notes"],
    Decisions => ["decisions"],
    Actions => ["actions"],
});

/// What a plan's `panels` choose on the live view (a session keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Screen {
    /// The panel in the mindset panel's place.
    pub place: ScreenPanel,
    /// Whether "not yet spoken" shows under the queue.
    #[serde(default)]
    pub not_yet_spoken: bool,
}

impl Screen {
    /// What `panels` choose; `None` for no list (the kind chooses). No
    /// panel for the mindset panel's place listed: the mindset shifts.
    pub fn of(panels: &[ScreenPanel]) -> Option<Screen> {
        (!panels.is_empty()).then(|| Screen {
            place: panels
                .iter()
                .copied()
                .find(|p| p.in_mindsets_place())
                .unwrap_or(ScreenPanel::Mindsets),
            not_yet_spoken: panels.contains(&ScreenPanel::NotYetSpoken),
        })
    }
}

impl ScreenPanel {
    /// Whether it stands in the mindset panel's place (one of them does).
    pub fn in_mindsets_place(self) -> bool {
        matches!(
            self,
            ScreenPanel::Mindsets | ScreenPanel::Jury | ScreenPanel::Resource | ScreenPanel::Ideas
        )
    }
}

/// The language of a session's screens and minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Bahasa Indonesia.
    #[default]
    Id,
    /// English.
    En,
}

words!(Language, "language", {
    Id => ["id", "indonesia", "bahasa indonesia"],
    En => ["en", "english", "inggris"],
});

/// Where a session is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Created, not started.
    #[default]
    Planned,
    /// Running; timers count.
    Live,
    /// Halted for a while; timers do not count.
    Paused,
    /// Over; only corrections are possible.
    Ended,
}

impl Status {
    /// The word for this status in `snake_case`, as in `meta.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Live => "live",
            Status::Paused => "paused",
            Status::Ended => "ended",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who made a command: the role of the terminal or tool it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The facilitator's terminal (`fgd run`).
    Facilitator,
    /// The notetaker's terminal (`fgd join`).
    Notetaker,
    /// A read-only mirror; never makes commands, named for completeness.
    Viewer,
    /// `fgd apply` and other scripted input.
    Script,
}

words!(Actor, "role", {
    Facilitator => ["facilitator", "fasilitator", "moderator"],
    Notetaker => ["notetaker", "notulis"],
    Viewer => ["viewer"],
    Script => ["script"],
});

/// Kinds of turn in the speaker queue, after TC39's TCQ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakKind {
    /// A new topic (lowest priority).
    Topic,
    /// A reply to the current topic.
    Reply,
    /// A clarifying question.
    Clarify,
    /// A point of order (highest priority).
    PointOfOrder,
}

impl SpeakKind {
    /// Queue priority: higher goes first.
    pub fn priority(self) -> u8 {
        match self {
            SpeakKind::Topic => 0,
            SpeakKind::Reply => 1,
            SpeakKind::Clarify => 2,
            SpeakKind::PointOfOrder => 3,
        }
    }

    /// The word used in commands and files.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakKind::Topic => "topic",
            SpeakKind::Reply => "reply",
            SpeakKind::Clarify => "clarify",
            SpeakKind::PointOfOrder => "point_of_order",
        }
    }
}

impl fmt::Display for SpeakKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

words!(SpeakKind, "speaker kind", {
    Topic => ["topic", "new topic", "new_topic", "topik"],
    Reply => ["reply", "tanggapan"],
    Clarify => ["clarify", "clarifying question", "clarifying_question", "klarifikasi"],
    PointOfOrder => ["point_of_order", "point of order", "poo", "interupsi"],
});

/// Kinds of note the notetaker records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Something seen (non-verbal, atmosphere); private by default.
    Observation,
    /// Words of a participant, attributed by code.
    Quote,
    /// An insight worth keeping.
    Insight,
    /// A concern raised; private by default.
    Concern,
}

impl NoteKind {
    /// Whether notes of this kind stay off the projector unless told otherwise.
    pub fn private_by_default(self) -> bool {
        matches!(self, NoteKind::Observation | NoteKind::Concern)
    }

    /// The word used in commands and files.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Observation => "observation",
            NoteKind::Quote => "quote",
            NoteKind::Insight => "insight",
            NoteKind::Concern => "concern",
        }
    }
}

words!(NoteKind, "note kind", {
    Observation => ["observation", "observasi", "pengamatan"],
    Quote => ["quote", "kutipan"],
    Insight => ["insight", "temuan", "wawasan"],
    Concern => ["concern", "kekhawatiran", "catatan kritis"],
});

/// Status of a follow-up action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Still to do.
    #[default]
    Open,
    /// Done.
    Done,
    /// Will not be done.
    Dropped,
}

impl ActionStatus {
    /// The word used in commands and files.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}

words!(ActionStatus, "action status", {
    Open => ["open", "terbuka", "belum"],
    Done => ["done", "selesai"],
    Dropped => ["dropped", "batal"],
});

/// Status of an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Not yet taken up.
    #[default]
    Pending,
    /// Being discussed now; at most one item is active.
    Active,
    /// Discussed.
    Done,
    /// Passed over in this session.
    Skipped,
    /// Left for a follow-up session.
    Deferred,
}

impl ItemStatus {
    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Pending => "pending",
            ItemStatus::Active => "active",
            ItemStatus::Done => "done",
            ItemStatus::Skipped => "skipped",
            ItemStatus::Deferred => "deferred",
        }
    }
}

/// The ASN core values, BerAKHLAK, used to tag mindset shifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoreValue {
    /// Berorientasi Pelayanan (service-oriented).
    BerorientasiPelayanan,
    /// Akuntabel (accountable).
    Akuntabel,
    /// Kompeten (competent).
    Kompeten,
    /// Harmonis (harmonious).
    Harmonis,
    /// Loyal.
    Loyal,
    /// Adaptif (adaptive).
    Adaptif,
    /// Kolaboratif (collaborative).
    Kolaboratif,
}

impl CoreValue {
    /// All seven values in BerAKHLAK order.
    pub const ALL: [CoreValue; 7] = [
        CoreValue::BerorientasiPelayanan,
        CoreValue::Akuntabel,
        CoreValue::Kompeten,
        CoreValue::Harmonis,
        CoreValue::Loyal,
        CoreValue::Adaptif,
        CoreValue::Kolaboratif,
    ];

    /// The Indonesian name, as printed in minutes.
    pub fn name_id(self) -> &'static str {
        match self {
            CoreValue::BerorientasiPelayanan => "Berorientasi Pelayanan",
            CoreValue::Akuntabel => "Akuntabel",
            CoreValue::Kompeten => "Kompeten",
            CoreValue::Harmonis => "Harmonis",
            CoreValue::Loyal => "Loyal",
            CoreValue::Adaptif => "Adaptif",
            CoreValue::Kolaboratif => "Kolaboratif",
        }
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            CoreValue::BerorientasiPelayanan => "Service-oriented",
            CoreValue::Akuntabel => "Accountable",
            CoreValue::Kompeten => "Competent",
            CoreValue::Harmonis => "Harmonious",
            CoreValue::Loyal => "Loyal",
            CoreValue::Adaptif => "Adaptive",
            CoreValue::Kolaboratif => "Collaborative",
        }
    }
}

words!(CoreValue, "BerAKHLAK value", {
    BerorientasiPelayanan => ["berorientasi_pelayanan", "berorientasi pelayanan", "pelayanan", "service", "service-oriented", "b"],
    Akuntabel => ["akuntabel", "accountable", "a"],
    Kompeten => ["kompeten", "competent", "k"],
    Harmonis => ["harmonis", "harmonious", "h"],
    Loyal => ["loyal", "l"],
    Adaptif => ["adaptif", "adaptive", "ad"],
    Kolaboratif => ["kolaboratif", "collaborative", "ko"],
});

/// A session's time zone: a fixed offset, named WIB, WITA or WIT when it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Zone {
    offset_minutes: i32,
}

impl Zone {
    /// Western Indonesia Time, UTC+7.
    pub const WIB: Zone = Zone {
        offset_minutes: 420,
    };
    /// Central Indonesia Time, UTC+8.
    pub const WITA: Zone = Zone {
        offset_minutes: 480,
    };
    /// Eastern Indonesia Time, UTC+9.
    pub const WIT: Zone = Zone {
        offset_minutes: 540,
    };

    /// Offset east of UTC in minutes.
    pub fn offset_minutes(self) -> i32 {
        self.offset_minutes
    }

    /// The chrono offset.
    pub fn offset(self) -> FixedOffset {
        FixedOffset::east_opt(self.offset_minutes * 60).unwrap_or_else(|| Utc.fix())
    }

    /// `WIB`, `WITA`, `WIT`, or the offset as `+05:30`.
    pub fn label(self) -> String {
        match self.offset_minutes {
            420 => "WIB".into(),
            480 => "WITA".into(),
            540 => "WIT".into(),
            m => {
                let sign = if m < 0 { '-' } else { '+' };
                format!("{sign}{:02}:{:02}", m.abs() / 60, m.abs() % 60)
            }
        }
    }

    /// The local calendar date of an instant in this zone.
    pub fn date_of(self, at: DateTime<Utc>) -> NaiveDate {
        at.with_timezone(&self.offset()).date_naive()
    }
}

impl Default for Zone {
    fn default() -> Self {
        Zone::WIB
    }
}

impl FromStr for Zone {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim().to_uppercase();
        match t.as_str() {
            "WIB" => return Ok(Zone::WIB),
            "WITA" => return Ok(Zone::WITA),
            "WIT" => return Ok(Zone::WIT),
            _ => {}
        }
        let bad =
            || format!("unknown time zone `{s}`; use WIB, WITA, WIT or an offset like +07:00");
        let rest = t.strip_prefix("UTC").unwrap_or(&t);
        let (sign, rest) = match rest.chars().next() {
            Some('+') => (1, &rest[1..]),
            Some('-') => (-1, &rest[1..]),
            _ => return Err(bad()),
        };
        let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
        let h: i32 = h.parse().map_err(|_| bad())?;
        let m: i32 = m.parse().map_err(|_| bad())?;
        if !(0..=14).contains(&h) || !(0..60).contains(&m) {
            return Err(bad());
        }
        Ok(Zone {
            offset_minutes: sign * (h * 60 + m),
        })
    }
}

impl TryFrom<String> for Zone {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl From<Zone> for String {
    fn from(z: Zone) -> String {
        z.label()
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_parse_and_label() {
        assert_eq!("wita".parse::<Zone>().unwrap(), Zone::WITA);
        assert_eq!("+07:00".parse::<Zone>().unwrap(), Zone::WIB);
        assert_eq!("UTC+9".parse::<Zone>().unwrap().label(), "WIT");
        assert_eq!("+05:30".parse::<Zone>().unwrap().label(), "+05:30");
        assert_eq!("-03:00".parse::<Zone>().unwrap().label(), "-03:00");
        assert!("Jakarta".parse::<Zone>().is_err());
        assert!("+15:00".parse::<Zone>().is_err());
    }

    #[test]
    fn words_parse_in_both_languages() {
        assert_eq!(
            "Interupsi".parse::<SpeakKind>().unwrap(),
            SpeakKind::PointOfOrder
        );
        assert_eq!("kutipan".parse::<NoteKind>().unwrap(), NoteKind::Quote);
        assert_eq!("Adaptive".parse::<CoreValue>().unwrap(), CoreValue::Adaptif);
        assert_eq!(
            "selesai".parse::<ActionStatus>().unwrap(),
            ActionStatus::Done
        );
        let err = "maybe".parse::<ActionStatus>().unwrap_err();
        assert!(err.contains("open, done, dropped"), "{err}");
    }

    #[test]
    fn priorities_follow_tcq() {
        assert!(SpeakKind::PointOfOrder.priority() > SpeakKind::Clarify.priority());
        assert!(SpeakKind::Clarify.priority() > SpeakKind::Reply.priority());
        assert!(SpeakKind::Reply.priority() > SpeakKind::Topic.priority());
    }
}
