//! Session plan files (TOML) → the commands that create a session, with
//! errors as `FILE:LINE:COL: message`. The bundled plans in `sessions/` are
//! compiled in, so fgd offers them wherever it runs.

use std::fmt;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::domain::{
    Command, Jury, Language, Letterhead, MinutesOptions, Person, SessionInfo, SessionKind, Zone,
};

mod check;
mod minutes;

use minutes::{RawMinutes, minutes_options};
mod jury;
pub mod letterhead;
mod schedule;
mod screen;
pub mod title;

use check::{Checker, line_col};

/// The plans shipped with fgd: (name, TOML source).
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "obsesi-tupoksi",
        include_str!("../sessions/obsesi-tupoksi.toml"),
    ),
    (
        "fgd-pola-pikir",
        include_str!("../sessions/fgd-pola-pikir.toml"),
    ),
    (
        "labinov-diagnose-design",
        include_str!("../sessions/labinov-diagnose-design.toml"),
    ),
    (
        "kbk-gelar-budaya-kerja",
        include_str!("../sessions/kbk-gelar-budaya-kerja.toml"),
    ),
    (
        "bimtek-budaya-kerja",
        include_str!("../sessions/bimtek-budaya-kerja.toml"),
    ),
    (
        "en-service-design-fgd",
        include_str!("../sessions/en-service-design-fgd.toml"),
    ),
];

/// The bundled plan with this name (with or without `.toml` or a `sessions/` prefix).
pub fn bundled(name: &str) -> Option<&'static str> {
    let name = name.strip_prefix("sessions/").unwrap_or(name);
    let name = name.strip_suffix(".toml").unwrap_or(name);
    BUNDLED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, src)| *src)
}

/// One problem in a plan file, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    /// File name as given.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub col: usize,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

impl std::error::Error for PlanError {}

/// A checked plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Title, with its placeholders (`{tanggal}` …) not yet filled: see
    /// [`Plan::title_for`].
    pub title: String,
    /// Kind.
    pub kind: SessionKind,
    /// Language.
    pub language: Language,
    /// Date, if given (else the day the session is created).
    pub date: Option<NaiveDate>,
    /// Time zone.
    pub zone: Zone,
    /// Venue.
    pub venue: Option<String>,
    /// Letterhead.
    pub organizer: Option<String>,
    /// Where the minutes are signed.
    pub place: Option<String>,
    /// Facilitator.
    pub facilitator: Option<Person>,
    /// Notetaker.
    pub notetaker: Option<Person>,
    /// Resource persons.
    pub resource_persons: Vec<String>,
    /// Turn limit in minutes.
    pub speaker_limit_minutes: u32,
    /// Participants.
    pub participants: Vec<PlanParticipant>,
    /// Agenda.
    pub agenda: Vec<PlanItem>,
    /// What the minutes hold (`[minutes]`).
    pub minutes: MinutesOptions,
    /// When the day starts (`start_time`), for the items' clock plan.
    pub start_time: Option<chrono::NaiveTime>,
    /// The series its meetings belong to (`series`), if named.
    pub series: Option<String>,
    /// The jury: criteria, jurors, how totals combine.
    pub jury: Jury,
    /// The office's kop (`[letterhead]`).
    pub letterhead: Option<Letterhead>,
    /// Who signs "Mengetahui" (`approver`, `approver_nip` …).
    pub approver: Option<Person>,
    /// The panels the live view shows (`panels`); empty: its kind's.
    pub panels: Vec<crate::domain::ScreenPanel>,
}

/// A participant in a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanParticipant {
    /// Name.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Unit.
    pub unit: Option<String>,
    /// Code.
    pub code: Option<String>,
    /// NIP.
    pub nip: Option<String>,
    /// Consent to be quoted by name.
    pub consent: bool,
}

/// An agenda item in a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// Title.
    pub title: String,
    /// Planned minutes.
    pub minutes: u32,
    /// Owner.
    pub owner: Option<String>,
    /// Guide questions.
    pub questions: Vec<String>,
    /// A break, its own speaker limit, its segments.
    pub setup: crate::domain::schedule::ItemSetup,
    /// Where a follow-up reviews the carried actions (`review = true`).
    pub review: bool,
    /// The presenting participant's code (a jury session's slot).
    pub presenter: Option<String>,
}

impl Plan {
    /// A plan with only a title: a blank session with defaults.
    pub fn blank(title: &str) -> Plan {
        Plan {
            title: title.to_owned(),
            kind: SessionKind::default(),
            language: Language::default(),
            date: None,
            zone: Zone::default(),
            venue: None,
            organizer: None,
            place: None,
            facilitator: None,
            notetaker: None,
            resource_persons: vec![],
            speaker_limit_minutes: 3,
            participants: vec![],
            agenda: vec![],
            minutes: MinutesOptions::default(),
            start_time: None,
            series: None,
            jury: Jury::default(),
            letterhead: None,
            approver: None,
            panels: vec![],
        }
    }

    /// The title with its placeholders filled for a meeting on `date` with
    /// number `meeting` (see [`title::fill`]).
    pub fn title_for(&self, date: NaiveDate, meeting: u32) -> String {
        title::fill(&self.title, date, meeting, self.language)
    }

    /// The commands that create a session from this plan: `create`, then the
    /// participants, then the agenda, for the meeting numbered `meeting` on
    /// `date` (the session's planned date, whatever the plan says).
    pub fn commands(
        &self,
        id: &str,
        date: NaiveDate,
        follow_up_of: Option<String>,
        meeting: u32,
    ) -> Vec<Command> {
        let info = SessionInfo {
            id: id.to_owned(),
            title: self.title_for(date, meeting),
            kind: self.kind,
            language: self.language,
            date,
            zone: self.zone,
            venue: self.venue.clone(),
            organizer: self.organizer.clone(),
            place: self.place.clone(),
            facilitator: self.facilitator.clone(),
            notetaker: self.notetaker.clone(),
            resource_persons: self.resource_persons.clone(),
            speaker_limit_secs: self.speaker_limit_minutes * 60,
            follow_up_of,
            meeting,
            series: self.series.clone(),
            follow_up_date: None,
            revised: false,
            minutes: self.minutes,
            start_time: self.start_time,
            jury: self.jury.clone(),
            letterhead: self.letterhead.clone().map(Box::new),
            approver: self.approver.clone(),
            screen: crate::domain::Screen::of(&self.panels),
        };
        let mut out = vec![Command::Create { info }];
        out.extend(self.participants.iter().map(|p| Command::AddParticipant {
            name: p.name.clone(),
            position: p.position.clone(),
            unit: p.unit.clone(),
            code: p.code.clone(),
            nip: p.nip.clone(),
            consent: p.consent,
            present: false,
            carried: false,
        }));
        out.extend(self.agenda.iter().map(|i| Command::AddAgendaItem {
            title: i.title.clone(),
            minutes: i.minutes,
            owner: i.owner.clone(),
            questions: i.questions.clone(),
            position: None,
            origin: None,
            setup: i.setup.clone(),
            presenter: i.presenter.clone(),
        }));
        out
    }

    /// Total planned minutes.
    pub fn planned_minutes(&self) -> u32 {
        self.agenda.iter().map(|i| i.minutes).sum()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    title: Spanned<String>,
    kind: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    date: Option<Spanned<toml::Value>>,
    timezone: Option<Spanned<String>>,
    venue: Option<Spanned<String>>,
    organizer: Option<Spanned<String>>,
    place: Option<Spanned<String>>,
    facilitator: Option<Spanned<String>>,
    facilitator_nip: Option<Spanned<String>>,
    facilitator_position: Option<Spanned<String>>,
    facilitator_rank: Option<Spanned<String>>,
    notetaker: Option<Spanned<String>>,
    notetaker_nip: Option<Spanned<String>>,
    notetaker_position: Option<Spanned<String>>,
    notetaker_rank: Option<Spanned<String>>,
    approver: Option<Spanned<String>>,
    approver_nip: Option<Spanned<String>>,
    approver_position: Option<Spanned<String>>,
    approver_rank: Option<Spanned<String>>,
    letterhead: Option<letterhead::RawLetterhead>,
    #[serde(default)]
    resource_persons: Vec<Spanned<String>>,
    speaker_limit_minutes: Option<Spanned<i64>>,
    #[serde(default)]
    participants: Vec<Spanned<RawParticipant>>,
    #[serde(default)]
    agenda: Vec<Spanned<RawItem>>,
    #[serde(default)]
    minutes: RawMinutes,
    start_time: Option<Spanned<String>>,
    series: Option<Spanned<String>>,
    #[serde(default)]
    criteria: Vec<Spanned<jury::RawCriterion>>,
    #[serde(default)]
    jurors: Vec<Spanned<jury::RawJuror>>,
    #[serde(default)]
    scoring: jury::RawScoring,
    #[serde(default)]
    panels: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParticipant {
    name: Spanned<String>,
    position: Option<Spanned<String>>,
    unit: Option<Spanned<String>>,
    code: Option<Spanned<String>>,
    nip: Option<Spanned<String>>,
    #[serde(default)]
    consent: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    title: Spanned<String>,
    minutes: Spanned<i64>,
    owner: Option<Spanned<String>>,
    #[serde(default)]
    questions: Vec<Spanned<String>>,
    #[serde(default, rename = "break")]
    is_break: bool,
    speaker_limit_minutes: Option<Spanned<i64>>,
    #[serde(default)]
    segments: Vec<Spanned<schedule::RawSegment>>,
    #[serde(default)]
    review: bool,
    presenter: Option<Spanned<String>>,
}

/// Parses and checks a plan. `file` names it in error messages. Returns every
/// problem found (a syntax error stops at the first).
#[expect(
    clippy::too_many_lines,
    reason = "one or two lines per plan key, in the order sessions/README.md gives them"
)]
pub fn parse(src: &str, file: &str) -> Result<Plan, Vec<PlanError>> {
    let mut raw = read_toml(src, file)?;
    let mut c = Checker {
        file,
        src,
        errors: vec![],
    };
    let title = c.required(&raw.title, "title");
    if let Err((offset, message)) = title::check(raw.title.get_ref()) {
        c.at(
            raw.title.span().start + 1 + offset..raw.title.span().end,
            message,
        );
    }
    let kind = c.parsed::<SessionKind>(raw.kind.as_ref());
    let language = c.parsed::<Language>(raw.language.as_ref());
    let zone = c.parsed::<Zone>(raw.timezone.as_ref());
    let date = c.date(raw.date.as_ref());
    let speaker_limit_minutes = c.speaker_limit(raw.speaker_limit_minutes.as_ref());
    let participants = c.participants(raw.participants);
    let start_time = c.start_time(raw.start_time.as_ref());
    let presenters = jury::presenters(&mut raw.agenda);
    let mut agenda = c.agenda(raw.agenda);
    c.set_presenters(&mut agenda, presenters, &participants);
    let jury = c.jury(raw.criteria, raw.jurors, &raw.scoring);
    let venue = c.opt(raw.venue, "venue");
    let organizer = c.opt(raw.organizer, "organizer");
    let place = c.opt(raw.place, "place");
    let series = c.opt(raw.series, "series");
    let facilitator = c.person(
        raw.facilitator,
        [
            raw.facilitator_nip,
            raw.facilitator_position,
            raw.facilitator_rank,
        ],
        "facilitator",
    );
    let notetaker = c.person(
        raw.notetaker,
        [
            raw.notetaker_nip,
            raw.notetaker_position,
            raw.notetaker_rank,
        ],
        "notetaker",
    );
    let approver = [
        raw.approver,
        raw.approver_nip,
        raw.approver_position,
        raw.approver_rank,
    ];
    let (approver, letterhead) = c.office(approver, raw.letterhead, Path::new(file).parent());
    let minutes = minutes_options(&mut c, &raw.minutes);
    let panels = screen::panels(&mut c, &raw.panels);
    c.at_most(
        &raw.resource_persons,
        "resource persons",
        crate::domain::limits::MAX_RESOURCE_PERSONS,
    );
    let resource_persons = raw
        .resource_persons
        .into_iter()
        .filter_map(|r| c.opt(Some(r), "resource person"))
        .collect();
    if !c.errors.is_empty() {
        c.errors.sort_by_key(|e| (e.line, e.col));
        return Err(c.errors);
    }
    Ok(Plan {
        title,
        kind,
        language,
        date,
        zone,
        venue,
        organizer,
        place,
        facilitator,
        notetaker,
        resource_persons,
        speaker_limit_minutes,
        participants,
        agenda,
        minutes,
        start_time,
        series,
        jury,
        letterhead,
        approver,
        panels,
    })
}

/// The plan's TOML read into its keys, or where it is not TOML (or holds an
/// unknown key) with what to do.
fn read_toml(src: &str, file: &str) -> Result<RawPlan, Vec<PlanError>> {
    toml::from_str(src).map_err(|e: toml::de::Error| {
        let (line, col) = e.span().map_or((1, 1), |s| line_col(src, s.start));
        let message = e.message().trim().replace('\n', " ");
        vec![PlanError {
            file: file.to_owned(),
            line,
            col,
            message: explain(&message),
        }]
    })
}

/// Why a plan file could not be read, and what to do.
pub fn unreadable(name: &str, e: &std::io::Error) -> String {
    let hint = match e.kind() {
        std::io::ErrorKind::InvalidData => "; it is not UTF-8 text: save it as UTF-8",
        std::io::ErrorKind::PermissionDenied => "; make it readable for you",
        _ => "",
    };
    format!("can't read plan {name}: {e}{hint}")
}

/// Adds what to do to serde's wording of the common mistakes.
fn explain(message: &str) -> String {
    if message.starts_with("unknown field") {
        format!("{message}; check the spelling (sessions/README.md lists every key)")
    } else if message.starts_with("missing field") {
        format!("{message}; it is required")
    } else if message.starts_with("invalid type") {
        let want = if message.ends_with("expected i64") {
            "a whole number, like 10"
        } else if message.ends_with("expected a string") {
            "text in quotes, like \"Aula\""
        } else if message.ends_with("expected a boolean") {
            "true or false"
        } else if message.ends_with("expected a sequence") {
            "a list in brackets, like [\"a\", \"b\"]"
        } else {
            "the kind of value sessions/README.md gives for this key"
        };
        format!("{message}; write {want}")
    } else {
        message.to_owned()
    }
}

#[cfg(test)]
mod tests;
