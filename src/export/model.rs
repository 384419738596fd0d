//! The minutes (notulen) as one model of facts, built purely from a
//! [`Session`]: every section of DESIGN §4, with dates, times and labels
//! already in the minutes' language. Texts are kept as the session holds
//! them; each renderer escapes them for its own format.
//!
//! This file owns the [`Minutes`] value, the [`Builder`] that every section
//! file (`minutes/*.rs`) extends with the gathering of its own facts, and the
//! helpers they share. It must not lay anything out: which blocks a section
//! shows is `minutes/*.rs`'s, how they look the renderers'.
//!
//! "Now" is the time of the session's last event, so the same session always
//! gives the same minutes, whatever its state.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use crate::domain::{
    ItemId, Language, Paper, Participant, Person, RecordKind, Recorded, Session, SessionKind,
};
use crate::i18n::{self, minutes::Labels};

pub use super::minutes::actions::ActionRow;
pub use super::minutes::agenda::{Agenda, AgendaRow};
pub use super::minutes::attendance::AttendanceRow;
pub use super::minutes::deferred::DeferredRow;
pub use super::minutes::discussion::{Discussion, NoteRow};
pub use super::minutes::header::Header;
pub use super::minutes::ideas::TeamIdeas;
pub use super::minutes::jp::JpRow;
pub use super::minutes::mindsets::MindsetRow;
pub use super::minutes::participants::{ParticipantRow, Participants};
pub use super::minutes::participation::{Participation, TalkRow, UnitRow};
pub use super::minutes::scores::ScoreResults;
pub use super::minutes::sign_off::SignOff;
pub use super::minutes::statements::StatementRow;

/// The whole minutes.
#[derive(Debug, Clone)]
pub struct Minutes {
    /// The labels of the minutes' language.
    pub labels: &'static Labels,
    /// Participants are named by code only.
    pub anonymized: bool,
    /// The internal minutes: private notes included and marked, the whole
    /// document marked not for circulation.
    pub internal: bool,
    /// Talk time, turns and arrival times shown: always in the internal
    /// minutes, in the shared ones unless the plan says
    /// `[minutes] participation = false`.
    pub participation_shown: bool,
    /// The guide questions as an appendix: always in the internal minutes,
    /// in the shared ones unless the plan says `[minutes] guide_questions = false`.
    pub guide_questions_shown: bool,
    /// The paper they are laid out for.
    pub paper: Paper,
    /// When the session last changed (its last event): the minutes' date
    /// as a file's properties give it.
    pub made_at: DateTime<Utc>,
    /// Letterhead, title, when, where, who.
    pub header: Header,
    /// Present and invited.
    pub participants: Participants,
    /// Agenda planned vs actual.
    pub agenda: Agenda,
    /// Discussion per agenda item (and notes outside any item).
    pub discussion: Vec<Discussion>,
    /// Mindset changes.
    pub mindsets: Vec<MindsetRow>,
    /// Conclusions.
    pub conclusions: Vec<StatementRow>,
    /// Decisions / agreements.
    pub decisions: Vec<StatementRow>,
    /// The review of the actions carried from the meeting before.
    pub review: Vec<super::minutes::review::ReviewRow>,
    /// Follow-up actions.
    pub actions: Vec<ActionRow>,
    /// Items deferred to a later session.
    pub deferred: Vec<DeferredRow>,
    /// Talk time and turns.
    pub participation: Participation,
    /// Closing lines.
    pub closing: Vec<String>,
    /// Signatures.
    pub sign_off: SignOff,
    /// The attendance sheet (daftar hadir).
    pub attendance: Vec<AttendanceRow>,
    /// The kind of session (which sections it shows).
    pub kind: SessionKind,
    /// A jury session's results.
    pub scores: Option<ScoreResults>,
    /// A bimtek's lesson hours per resource person.
    pub jp: Option<Vec<JpRow>>,
    /// An innovation lab's ideas and rencana aksi per team.
    pub ideas: Option<Vec<TeamIdeas>>,
}

/// A person who signs: name and NIP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// Name.
    pub name: String,
    /// NIP.
    pub nip: Option<String>,
    /// Position (jabatan).
    pub position: Option<String>,
    /// Rank (pangkat/golongan).
    pub rank: Option<String>,
}

/// Which minutes to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// Their language.
    pub lang: Language,
    /// Participants named by code (the session anonymised already).
    pub anonymized: bool,
    /// The internal minutes rather than the shared ones.
    pub internal: bool,
}

impl Minutes {
    /// Builds the minutes of `session` (whose event log is `log`: it dates
    /// the corrections) as `view` asks. With `anonymized`, participants are
    /// named by code wherever they appear (the session is expected to have
    /// been anonymised already, see [`super::anonymize`]). Shared minutes
    /// leave private notes out.
    pub fn build(session: &Session, log: &[Recorded], view: View) -> Minutes {
        Builder {
            s: session,
            log,
            l: i18n::minutes::labels(view.lang),
            anonymized: view.anonymized,
            internal: view.internal,
            now: session.clock_end(session.last_at.unwrap_or_default()),
            items: session
                .agenda
                .iter()
                .enumerate()
                .map(|(i, it)| (it.id, (i + 1, it.title.as_str())))
                .collect(),
            people: session
                .participants
                .iter()
                .map(|p| (p.code.to_ascii_uppercase(), p))
                .collect(),
        }
        .minutes()
    }
}

/// What every section's gathering reads: the session, the labels, "now"
/// and two lookups.
pub(in crate::export) struct Builder<'a> {
    pub(in crate::export) s: &'a Session,
    /// The event log, to date corrections.
    pub(in crate::export) log: &'a [Recorded],
    pub(in crate::export) l: &'static Labels,
    pub(in crate::export) anonymized: bool,
    /// Internal minutes (private notes in, consent-less speakers by code).
    pub(in crate::export) internal: bool,
    pub(in crate::export) now: DateTime<Utc>,
    /// Item id → (agenda position, title).
    pub(in crate::export) items: HashMap<ItemId, (usize, &'a str)>,
    /// Upper-case code → participant (removed ones too, as references keep them).
    pub(in crate::export) people: HashMap<String, &'a Participant>,
}

/// Whole minutes from seconds, rounded.
pub(in crate::export) fn minutes_of(secs: i64) -> u32 {
    u32::try_from((secs.max(0) + 30) / 60).unwrap_or(u32::MAX)
}

pub(in crate::export) fn signer(p: Option<&Person>) -> Option<Signer> {
    p.map(|p| Signer {
        name: p.name.clone(),
        nip: p.nip.clone(),
        position: p.position.clone(),
        rank: p.rank.clone(),
    })
}

impl<'a> Builder<'a> {
    /// A participant by code, compared case-insensitively as everywhere.
    pub(in crate::export) fn participant(&self, code: &str) -> Option<&'a Participant> {
        self.people.get(&code.to_ascii_uppercase()).copied()
    }

    pub(in crate::export) fn minutes(&self) -> Minutes {
        Minutes {
            made_at: self.now,
            labels: self.l,
            anonymized: self.anonymized,
            internal: self.internal,
            participation_shown: self.participation_shown(),
            guide_questions_shown: self.internal || self.s.info.minutes.guide_questions,
            paper: self.s.info.minutes.paper,
            header: self.header(),
            participants: self.participants(),
            agenda: self.agenda(),
            discussion: self.discussion(),
            mindsets: self.mindsets(),
            conclusions: self.statements(RecordKind::Conclusion, self.s.conclusions()),
            decisions: self.statements(RecordKind::Decision, self.s.decisions()),
            review: self.review(),
            actions: self.actions(),
            deferred: self.deferred(),
            participation: self.participation(),
            closing: self.closing(),
            sign_off: self.sign_off(),
            attendance: self.attendance(),
            kind: self.s.info.kind,
            scores: self.scores(),
            jp: self.jp(),
            ideas: self.ideas(),
        }
    }

    /// Whether talk time, turns and arrival times go into these minutes.
    pub(in crate::export) fn participation_shown(&self) -> bool {
        self.internal || self.s.info.minutes.participation
    }

    pub(in crate::export) fn lang(&self) -> Language {
        self.l.lang
    }

    pub(in crate::export) fn time(&self, at: DateTime<Utc>) -> String {
        i18n::time(at, self.s.info.zone, self.lang())
    }

    /// How a participant is named next to what they said: by name with
    /// consent (by code when anonymised); without consent, in shared minutes
    /// as "a participant" (nothing the document resolves), in internal ones
    /// by code. A resource person or the chair is named with their role
    /// (they speak in public; anonymising is about participants).
    pub(in crate::export) fn quoted(&self, code: &str) -> String {
        match self.participant(code) {
            Some(p) if p.consent && !self.anonymized => p.name.clone(),
            Some(p) if p.consent || self.internal => p.code.clone(),
            Some(_) => self.l.a_participant.to_owned(),
            None => self.guest(code).unwrap_or_else(|| code.to_owned()),
        }
    }

    /// The "revised" mark of record `number` of `kind` if it was corrected
    /// after the end: "direvisi 2 Des 2026 14.10", dated by the event that
    /// last changed it, in the session's zone.
    pub(in crate::export) fn revised(
        &self,
        revised: bool,
        kind: RecordKind,
        number: u32,
    ) -> Option<String> {
        if !revised {
            return None;
        }
        let at = self
            .s
            .record_changed(kind, number)
            .and_then(|seq| self.at_seq(seq));
        Some(match at {
            Some(at) => format!(
                "{} {}",
                self.l.revised,
                i18n::date_time_short(at, self.s.info.zone, self.lang())
            ),
            None => self.l.revised.to_owned(),
        })
    }

    /// The time of the event with `seq` (the log runs 1, 2, 3 …).
    fn at_seq(&self, seq: u64) -> Option<DateTime<Utc>> {
        let i = usize::try_from(seq.checked_sub(1)?).ok()?;
        match self.log.get(i) {
            Some(r) if r.seq == seq => Some(r.at),
            _ => self
                .log
                .binary_search_by_key(&seq, |r| r.seq)
                .ok()
                .map(|i| self.log[i].at),
        }
    }

    /// A resource person or the chair as the minutes name them:
    /// "Dr. Andi (narasumber)".
    pub(in crate::export) fn guest(&self, code: &str) -> Option<String> {
        let sp = self.s.speaker(code)?;
        let role = self.l.speaker_role(sp.role)?;
        Some(format!("{} ({role})", sp.short_name()))
    }

    /// How a participant is named in tables: the name, or the code when anonymised.
    pub(in crate::export) fn named(&self, p: &Participant) -> String {
        if self.anonymized {
            p.code.clone()
        } else {
            p.name.clone()
        }
    }

    /// A participant's unit as the tables show it: when anonymised, `None`
    /// ("—") for a unit no other participant holds, as it would name them.
    pub(in crate::export) fn unit_of(&self, p: &Participant) -> Option<String> {
        let unit = p.unit.as_deref()?;
        if self.anonymized && self.holders(|q| q.unit.as_deref() == Some(unit)) == 1 {
            return None;
        }
        Some(unit.to_owned())
    }

    /// A participant's position as the tables show it: when anonymised,
    /// `None` ("—") when no other participant holds it in the same unit.
    pub(in crate::export) fn position_of(&self, p: &Participant) -> Option<String> {
        let position = p.position.as_deref()?;
        let alone = self.holders(|q| q.position.as_deref() == Some(position) && q.unit == p.unit);
        if self.anonymized && alone == 1 {
            return None;
        }
        Some(position.to_owned())
    }

    /// How many of the session's participants `pred` holds for.
    fn holders(&self, pred: impl Fn(&Participant) -> bool) -> usize {
        self.s.participants().filter(|q| pred(q)).count()
    }

    pub(in crate::export) fn item_ref(&self, id: Option<ItemId>) -> Option<String> {
        id.and_then(|id| self.items.get(&id))
            .map(|(no, title)| format!("{no}. {title}"))
    }
}

/// Seconds as `h:mm:ss`, the form the minutes' labels announce.
pub fn clock(secs: i64) -> String {
    let secs = secs.max(0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    format!("{h}:{m:02}:{s:02}")
}

/// A share as a whole percentage, "12%".
pub fn percent(part: i64, total: i64) -> String {
    if total <= 0 {
        return "0%".to_owned();
    }
    format!("{}%", (part * 100 + total / 2) / total)
}
