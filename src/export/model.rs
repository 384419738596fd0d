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

use crate::domain::{ItemId, Language, Participant, Person, Session};
use crate::i18n::{self, minutes::Labels};

pub use super::minutes::actions::ActionRow;
pub use super::minutes::agenda::{Agenda, AgendaRow};
pub use super::minutes::attendance::AttendanceRow;
pub use super::minutes::deferred::DeferredRow;
pub use super::minutes::discussion::{Discussion, NoteRow};
pub use super::minutes::header::Header;
pub use super::minutes::mindsets::MindsetRow;
pub use super::minutes::participants::{ParticipantRow, Participants};
pub use super::minutes::participation::{Participation, TalkRow, UnitRow};
pub use super::minutes::sign_off::SignOff;
pub use super::minutes::statements::StatementRow;

/// The whole minutes.
#[derive(Debug, Clone)]
pub struct Minutes {
    /// The labels of the minutes' language.
    pub labels: &'static Labels,
    /// Participants are named by code only.
    pub anonymized: bool,
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
}

/// A person who signs: name and NIP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// Name.
    pub name: String,
    /// NIP.
    pub nip: Option<String>,
}

impl Minutes {
    /// Builds the minutes of `session` in `lang`. With `anonymized`,
    /// participants are named by code wherever they appear (the session is
    /// expected to have been anonymised already, see [`super::anonymize`]).
    pub fn build(session: &Session, lang: Language, anonymized: bool) -> Minutes {
        Builder {
            s: session,
            l: i18n::minutes::labels(lang),
            anonymized,
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
    pub(in crate::export) l: &'static Labels,
    pub(in crate::export) anonymized: bool,
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
    })
}

impl<'a> Builder<'a> {
    /// A participant by code, compared case-insensitively as everywhere.
    pub(in crate::export) fn participant(&self, code: &str) -> Option<&'a Participant> {
        self.people.get(&code.to_ascii_uppercase()).copied()
    }

    pub(in crate::export) fn minutes(&self) -> Minutes {
        Minutes {
            labels: self.l,
            anonymized: self.anonymized,
            header: self.header(),
            participants: self.participants(),
            agenda: self.agenda(),
            discussion: self.discussion(),
            mindsets: self.mindsets(),
            conclusions: self.statements(self.s.conclusions()),
            decisions: self.statements(self.s.decisions()),
            actions: self.actions(),
            deferred: self.deferred(),
            participation: self.participation(),
            closing: self.closing(),
            sign_off: self.sign_off(),
            attendance: self.attendance(),
        }
    }

    pub(in crate::export) fn lang(&self) -> Language {
        self.l.lang
    }

    pub(in crate::export) fn time(&self, at: DateTime<Utc>) -> String {
        i18n::time(at, self.s.info.zone, self.lang())
    }

    /// How a participant is named next to what they said: by name only with
    /// consent (and never when anonymised), else by code.
    /// A resource person or the chair is named with their role (they speak
    /// in public; anonymising is about participants).
    pub(in crate::export) fn quoted(&self, code: &str) -> String {
        match self.participant(code) {
            Some(p) if p.consent && !self.anonymized => p.name.clone(),
            Some(p) => p.code.clone(),
            None => self.guest(code).unwrap_or_else(|| code.to_owned()),
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

    pub(in crate::export) fn item_ref(&self, id: Option<ItemId>) -> Option<String> {
        id.and_then(|id| self.items.get(&id))
            .map(|(no, title)| format!("{no}. {title}"))
    }
}

/// Seconds as `m:ss`, or `h:mm:ss` from an hour on.
pub fn clock(secs: i64) -> String {
    let secs = secs.max(0);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A share as a whole percentage, "12%".
pub fn percent(part: i64, total: i64) -> String {
    if total <= 0 {
        return "0%".to_owned();
    }
    format!("{}%", (part * 100 + total / 2) / total)
}
