//! The minutes (notulen) as one document model, built purely from a
//! [`Session`]: every section of DESIGN §4 in order, with dates, times and
//! labels already in the minutes' language. Texts are kept as the session
//! holds them; each renderer escapes them for its own format.
//!
//! "Now" is the time of the session's last event, so the same session always
//! gives the same minutes, whatever its state.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{
    ActionStatus, ItemId, ItemStatus, Language, NoteKind, Participant, Person, Session, Status,
};
use crate::i18n::{self, minutes::Labels};

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

/// The head of the minutes.
#[derive(Debug, Clone)]
pub struct Header {
    /// Session id.
    pub session_id: String,
    /// Letterhead line (the organizer).
    pub letterhead: Option<String>,
    /// Title.
    pub title: String,
    /// Kind of meeting, spelled out.
    pub kind: &'static str,
    /// "Senin, 23 November 2026".
    pub day_date: String,
    /// "09.00–11.30 WIB", or that it has not started.
    pub time: String,
    /// Venue.
    pub venue: Option<String>,
    /// Chair / facilitator.
    pub chair: Option<Signer>,
    /// Resource persons.
    pub resource_persons: Vec<String>,
    /// Notetaker.
    pub notetaker: Option<Signer>,
    /// The session this one follows up.
    pub follow_up_of: Option<String>,
    /// Status, spelled out.
    pub status: &'static str,
    /// The session has not ended.
    pub draft: bool,
    /// Corrected after the end.
    pub revised: bool,
}

/// A person who signs: name and NIP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// Name.
    pub name: String,
    /// NIP.
    pub nip: Option<String>,
}

/// The participants table.
#[derive(Debug, Clone)]
pub struct Participants {
    /// One row each, in order.
    pub rows: Vec<ParticipantRow>,
    /// How many were present.
    pub present: usize,
}

/// One participant.
#[derive(Debug, Clone)]
pub struct ParticipantRow {
    /// Code.
    pub code: String,
    /// Name; `None` when anonymised.
    pub name: Option<String>,
    /// Position.
    pub position: Option<String>,
    /// Unit / OPD.
    pub unit: Option<String>,
    /// Present.
    pub present: bool,
    /// Arrival time, "09.05".
    pub arrived: Option<String>,
    /// Changed after the end.
    pub revised: bool,
}

/// The agenda, planned vs actual.
#[derive(Debug, Clone)]
pub struct Agenda {
    /// One row per item, in agenda order.
    pub rows: Vec<AgendaRow>,
    /// Planned minutes in all.
    pub planned_total: u32,
    /// Actual minutes in all.
    pub actual_total: u32,
}

/// One agenda item.
#[derive(Debug, Clone)]
pub struct AgendaRow {
    /// Position in the agenda, from 1.
    pub no: usize,
    /// Title.
    pub title: String,
    /// Who leads it.
    pub owner: Option<String>,
    /// Planned minutes.
    pub planned: u32,
    /// "09.10–09.40 WIB", if it was taken up.
    pub actual_time: Option<String>,
    /// Minutes of live time spent, if it was taken up.
    pub actual: Option<u32>,
    /// Status, spelled out.
    pub status: &'static str,
    /// The raw status.
    pub item_status: ItemStatus,
    /// The session it was carried over from.
    pub origin: Option<String>,
    /// Changed after the end.
    pub revised: bool,
}

/// The discussion of one agenda item.
#[derive(Debug, Clone)]
pub struct Discussion {
    /// Agenda position, or `None` for notes outside any item.
    pub no: Option<usize>,
    /// Title (the "general" label for notes outside any item).
    pub title: String,
    /// Who led it.
    pub owner: Option<String>,
    /// Discussion-guide questions.
    pub questions: Vec<String>,
    /// Notes, in the order taken.
    pub notes: Vec<NoteRow>,
}

/// One note.
#[derive(Debug, Clone)]
pub struct NoteRow {
    /// Number.
    pub no: u32,
    /// Kind.
    pub kind: NoteKind,
    /// Kind, spelled out.
    pub kind_label: &'static str,
    /// Text.
    pub text: String,
    /// Who it is from or about: a name with consent, else the code.
    pub by: Option<String>,
    /// Local time, "09.15".
    pub time: String,
    /// Kept off the projector.
    pub private: bool,
    /// Changed after the end.
    pub revised: bool,
}

/// One mindset change.
#[derive(Debug, Clone)]
pub struct MindsetRow {
    /// Number.
    pub no: u32,
    /// From.
    pub from: String,
    /// To.
    pub to: String,
    /// BerAKHLAK values, spelled out.
    pub values: Vec<&'static str>,
    /// Who voiced it.
    pub by: Option<String>,
    /// Agenda item, "3. Title".
    pub item: Option<String>,
    /// Changed after the end.
    pub revised: bool,
}

/// A conclusion or decision.
#[derive(Debug, Clone)]
pub struct StatementRow {
    /// Number.
    pub no: u32,
    /// Text.
    pub text: String,
    /// Agenda item, "3. Title".
    pub item: Option<String>,
    /// Changed after the end.
    pub revised: bool,
}

/// A follow-up action.
#[derive(Debug, Clone)]
pub struct ActionRow {
    /// Number.
    pub no: u32,
    /// What.
    pub what: String,
    /// Who: "Name (P2)", the code when anonymised, or the text as typed.
    pub pic: Option<String>,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Due date spelled out, "1 Desember 2026".
    pub due_text: Option<String>,
    /// Status.
    pub status: ActionStatus,
    /// Status, spelled out.
    pub status_label: &'static str,
    /// Open and due before the session's day.
    pub overdue: bool,
    /// Agenda item, "3. Title".
    pub item: Option<String>,
    /// The session it was carried over from.
    pub origin: Option<String>,
    /// Changed after the end.
    pub revised: bool,
}

/// An item deferred to a later session.
#[derive(Debug, Clone)]
pub struct DeferredRow {
    /// Agenda position.
    pub no: usize,
    /// Title.
    pub title: String,
    /// Planned minutes.
    pub planned: u32,
    /// Minutes spent before it was deferred.
    pub spent: u32,
    /// The session it first came from.
    pub origin: Option<String>,
}

/// Talk time and turns.
#[derive(Debug, Clone)]
pub struct Participation {
    /// Per participant, in order.
    pub people: Vec<TalkRow>,
    /// Per unit, most talk first.
    pub units: Vec<UnitRow>,
    /// Seconds of talk in all.
    pub total_secs: i64,
    /// Present participants who have not spoken.
    pub not_spoken: Vec<String>,
}

/// One participant's talk.
#[derive(Debug, Clone)]
pub struct TalkRow {
    /// Code.
    pub code: String,
    /// Name, or the code when anonymised.
    pub label: String,
    /// Unit.
    pub unit: Option<String>,
    /// Seconds.
    pub secs: i64,
    /// Turns.
    pub turns: u32,
}

/// One unit's talk.
#[derive(Debug, Clone)]
pub struct UnitRow {
    /// Unit name (or the "no unit" label).
    pub unit: String,
    /// Participants of the unit.
    pub people: usize,
    /// Seconds.
    pub secs: i64,
    /// Turns.
    pub turns: u32,
}

/// The sign-off block.
#[derive(Debug, Clone)]
pub struct SignOff {
    /// "Jakarta Pusat, 15 Januari 2027".
    pub place_date: String,
    /// Chair.
    pub chair: Option<Signer>,
    /// Notetaker.
    pub notetaker: Option<Signer>,
}

/// One line of the attendance sheet.
#[derive(Debug, Clone)]
pub struct AttendanceRow {
    /// Line number.
    pub no: usize,
    /// Code.
    pub code: String,
    /// Name, or the code when anonymised.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Unit.
    pub unit: Option<String>,
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

struct Builder<'a> {
    s: &'a Session,
    l: &'static Labels,
    anonymized: bool,
    now: DateTime<Utc>,
    /// Item id → (agenda position, title).
    items: HashMap<ItemId, (usize, &'a str)>,
    /// Upper-case code → participant (removed ones too, as references keep them).
    people: HashMap<String, &'a Participant>,
}

/// Whole minutes from seconds, rounded.
fn minutes_of(secs: i64) -> u32 {
    u32::try_from((secs.max(0) + 30) / 60).unwrap_or(u32::MAX)
}

fn signer(p: Option<&Person>) -> Option<Signer> {
    p.map(|p| Signer {
        name: p.name.clone(),
        nip: p.nip.clone(),
    })
}

impl<'a> Builder<'a> {
    /// A participant by code, compared case-insensitively as everywhere.
    fn participant(&self, code: &str) -> Option<&'a Participant> {
        self.people.get(&code.to_ascii_uppercase()).copied()
    }

    fn minutes(&self) -> Minutes {
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

    fn lang(&self) -> Language {
        self.l.lang
    }

    fn time(&self, at: DateTime<Utc>) -> String {
        i18n::time(at, self.s.info.zone, self.lang())
    }

    /// How a participant is named next to what they said: by name only with
    /// consent (and never when anonymised), else by code.
    fn quoted(&self, code: &str) -> String {
        match self.participant(code) {
            Some(p) if p.consent && !self.anonymized => p.name.clone(),
            Some(p) => p.code.clone(),
            None => code.to_owned(),
        }
    }

    /// How a participant is named in tables: the name, or the code when anonymised.
    fn named(&self, p: &Participant) -> String {
        if self.anonymized {
            p.code.clone()
        } else {
            p.name.clone()
        }
    }

    fn item_ref(&self, id: Option<ItemId>) -> Option<String> {
        id.and_then(|id| self.items.get(&id))
            .map(|(no, title)| format!("{no}. {title}"))
    }

    fn header(&self) -> Header {
        let info = &self.s.info;
        let time = match self.s.started_at {
            Some(start) => i18n::time_range(start, self.s.ended_at, info.zone, self.lang()),
            None => self.l.not_started.to_owned(),
        };
        Header {
            session_id: info.id.clone(),
            letterhead: info.organizer.clone(),
            title: info.title.clone(),
            kind: self.l.session_kind(info.kind),
            day_date: i18n::date_long(info.date, self.lang()),
            time,
            venue: info.venue.clone(),
            chair: signer(info.facilitator.as_ref()),
            resource_persons: info.resource_persons.clone(),
            notetaker: signer(info.notetaker.as_ref()),
            follow_up_of: info.follow_up_of.clone(),
            status: self.l.session_status(self.s.status),
            draft: self.s.status != Status::Ended,
            revised: self.s.revised,
        }
    }

    fn participants(&self) -> Participants {
        let rows: Vec<ParticipantRow> = self
            .s
            .participants()
            .map(|p| ParticipantRow {
                code: p.code.clone(),
                name: (!self.anonymized).then(|| p.name.clone()),
                position: p.position.clone(),
                unit: p.unit.clone(),
                present: p.present,
                arrived: p.arrived_at.map(|at| self.time(at)),
                revised: p.revised,
            })
            .collect();
        Participants {
            present: rows.iter().filter(|r| r.present).count(),
            rows,
        }
    }

    fn agenda(&self) -> Agenda {
        let rows: Vec<AgendaRow> = self
            .s
            .agenda
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let taken_up = !it.spans.is_empty();
                AgendaRow {
                    no: i + 1,
                    title: it.title.clone(),
                    owner: it.owner.clone(),
                    planned: it.minutes,
                    actual_time: it.actual_start().map(|start| {
                        i18n::time_range(start, it.actual_end(), self.s.info.zone, self.lang())
                    }),
                    actual: taken_up.then(|| minutes_of(self.s.item_elapsed_secs(it, self.now))),
                    status: self.l.item_status(it.status),
                    item_status: it.status,
                    origin: it.origin.clone(),
                    revised: it.revised,
                }
            })
            .collect();
        Agenda {
            planned_total: rows.iter().map(|r| r.planned).sum(),
            actual_total: rows.iter().filter_map(|r| r.actual).sum(),
            rows,
        }
    }

    fn discussion(&self) -> Vec<Discussion> {
        let mut by_item: HashMap<ItemId, Vec<NoteRow>> = HashMap::new();
        let mut general = Vec::new();
        for n in self.s.notes() {
            let row = NoteRow {
                no: n.id.0,
                kind: n.kind,
                kind_label: self.l.note_kind(n.kind),
                text: n.text.clone(),
                by: n.participant.as_deref().map(|c| self.quoted(c)),
                time: self.time(n.at),
                private: n.private,
                revised: n.revised,
            };
            match n.item.filter(|id| self.items.contains_key(id)) {
                Some(id) => by_item.entry(id).or_default().push(row),
                None => general.push(row),
            }
        }
        let mut out: Vec<Discussion> = self
            .s
            .agenda
            .iter()
            .enumerate()
            .map(|(i, it)| Discussion {
                no: Some(i + 1),
                title: it.title.clone(),
                owner: it.owner.clone(),
                questions: it.questions.clone(),
                notes: by_item.remove(&it.id).unwrap_or_default(),
            })
            .collect();
        if !general.is_empty() {
            out.push(Discussion {
                no: None,
                title: self.l.general.to_owned(),
                owner: None,
                questions: vec![],
                notes: general,
            });
        }
        out
    }

    fn mindsets(&self) -> Vec<MindsetRow> {
        self.s
            .mindsets()
            .map(|m| MindsetRow {
                no: m.id.0,
                from: m.from.clone(),
                to: m.to.clone(),
                values: m.values.iter().map(|v| self.l.core_value(*v)).collect(),
                by: m.participant.as_deref().map(|c| self.quoted(c)),
                item: self.item_ref(m.item),
                revised: m.revised,
            })
            .collect()
    }

    fn statements<'s>(
        &self,
        list: impl Iterator<Item = &'s crate::domain::Statement>,
    ) -> Vec<StatementRow> {
        list.map(|d| StatementRow {
            no: d.id,
            text: d.text.clone(),
            item: self.item_ref(d.item),
            revised: d.revised,
        })
        .collect()
    }

    fn actions(&self) -> Vec<ActionRow> {
        self.s
            .actions()
            .map(|a| {
                let pic = a.pic.as_ref().map(|pic| {
                    match pic.code.as_deref().and_then(|c| self.participant(c)) {
                        Some(p) if self.anonymized => p.code.clone(),
                        Some(p) => format!("{} ({})", p.name, p.code),
                        None => pic.text.clone(),
                    }
                });
                ActionRow {
                    no: a.id.0,
                    what: a.what.clone(),
                    pic,
                    due: a.due,
                    due_text: a.due.map(|d| i18n::date(d, self.lang())),
                    status: a.status,
                    status_label: self.l.action_status(a.status),
                    overdue: a.is_overdue(self.s.info.date),
                    item: self.item_ref(a.item),
                    origin: a.origin.clone(),
                    revised: a.revised,
                }
            })
            .collect()
    }

    fn deferred(&self) -> Vec<DeferredRow> {
        self.s
            .agenda
            .iter()
            .enumerate()
            .filter(|(_, it)| it.status == ItemStatus::Deferred)
            .map(|(i, it)| DeferredRow {
                no: i + 1,
                title: it.title.clone(),
                planned: it.minutes,
                spent: minutes_of(self.s.item_elapsed_secs(it, self.now)),
                origin: it.origin.clone(),
            })
            .collect()
    }

    fn participation(&self) -> Participation {
        let stats = self.s.talk_stats(self.now);
        let mut people = Vec::with_capacity(stats.len());
        let mut units: Vec<UnitRow> = Vec::new();
        let mut unit_index: HashMap<String, usize> = HashMap::new();
        // As `Session::not_yet_spoken`: once anyone is marked present, only
        // those present count; a turn in progress counts as a turn.
        let anyone_present = self.s.participants().any(|p| p.present);
        let mut not_spoken = Vec::new();
        for st in stats {
            let Some(p) = self.participant(&st.code) else {
                continue;
            };
            if st.turns == 0 && (p.present || !anyone_present) {
                not_spoken.push(self.named(p));
            }
            let unit = p.unit.clone().unwrap_or_else(|| self.l.no_unit.to_owned());
            let i = *unit_index.entry(unit.clone()).or_insert_with(|| {
                units.push(UnitRow {
                    unit,
                    people: 0,
                    secs: 0,
                    turns: 0,
                });
                units.len() - 1
            });
            units[i].people += 1;
            units[i].secs += st.secs;
            units[i].turns += st.turns;
            people.push(TalkRow {
                code: p.code.clone(),
                label: self.named(p),
                unit: p.unit.clone(),
                secs: st.secs,
                turns: st.turns,
            });
        }
        // Most talk first; a stable sort keeps first-seen order among equals.
        units.sort_by_key(|u| std::cmp::Reverse(u.secs));
        Participation {
            total_secs: people.iter().map(|p| p.secs).sum(),
            people,
            units,
            not_spoken,
        }
    }

    fn closing(&self) -> Vec<String> {
        let first = match (self.s.status, self.s.ended_at) {
            (Status::Ended, Some(end)) => {
                self.l
                    .closed_at(&i18n::time_zoned(end, self.s.info.zone, self.lang()))
            }
            (status, _) => self.l.not_closed(status),
        };
        let summary = self.l.summary(
            self.s.decisions().count(),
            self.s.conclusions().count(),
            self.s.actions().count(),
            self.s
                .agenda
                .iter()
                .filter(|i| i.status == ItemStatus::Deferred)
                .count(),
        );
        let mut lines = vec![first, summary];
        if self.s.revised {
            lines.push(self.l.revised_note.to_owned());
        }
        lines
    }

    fn sign_off(&self) -> SignOff {
        let info = &self.s.info;
        // The place is the last part of the venue's address (its town).
        let place = info
            .venue
            .as_deref()
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim);
        SignOff {
            place_date: self
                .l
                .place_date(place, &i18n::date(info.date, self.lang())),
            chair: signer(info.facilitator.as_ref()),
            notetaker: signer(info.notetaker.as_ref()),
        }
    }

    fn attendance(&self) -> Vec<AttendanceRow> {
        self.s
            .participants()
            .enumerate()
            .map(|(i, p)| AttendanceRow {
                no: i + 1,
                code: p.code.clone(),
                name: self.named(p),
                position: p.position.clone(),
                unit: p.unit.clone(),
            })
            .collect()
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
