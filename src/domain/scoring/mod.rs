//! Jury scoring (penilaian): the criteria and jurors a plan sets, each
//! juror's score per presenter and criterion, and the announcement that lets
//! the scores be shown. The rules of `score` and `announce_scores`, the
//! folds of their events and the questions asked of the scores live here;
//! totals, ranking and ties in `totals.rs`. Must not hold a rule of another
//! family. Until [`Scores::announced`] is set, no screen but the score sheet
//! may show a score.

mod totals;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use totals::{Standing, Total, decimal};

use super::error::DomainError;
use super::event::Event;
use super::rules::Rules;
use super::session::Session;

/// One criterion of the jury's sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    /// Its name ("Analisis penyebab").
    pub name: String,
    /// Its weight, relative to the others (percentages are usual).
    pub weight: u32,
    /// The highest score a juror can give.
    pub max: u32,
}

/// A member of the jury.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Juror {
    /// Code such as `J1`.
    pub code: String,
    /// Full name with titles.
    pub name: String,
    /// NIP, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nip: Option<String>,
    /// Position (jabatan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
}

/// The jury of a session, set by its plan: who scores, on what, and how
/// their totals are combined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Jury {
    /// The criteria, in the sheet's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    /// The jurors, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jurors: Vec<Juror>,
    /// Drop each presenter's highest and lowest juror total when at least
    /// four jurors scored them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trimmed: bool,
}

impl Jury {
    /// No criteria and no jurors: not a jury session.
    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty() && self.jurors.is_empty()
    }

    /// A jury that can score: criteria and jurors both given.
    pub fn is_active(&self) -> bool {
        !self.criteria.is_empty() && !self.jurors.is_empty()
    }

    /// The juror a reference names: code (any case) or exact name.
    pub fn juror(&self, reference: &str) -> Option<&Juror> {
        let r = reference.trim();
        self.jurors
            .iter()
            .find(|j| j.code.eq_ignore_ascii_case(r))
            .or_else(|| self.jurors.iter().find(|j| j.name == r))
    }

    /// The index of the criterion a reference names: its number from 1,
    /// its name (any case), or a unique prefix of a name.
    pub fn criterion(&self, reference: &str) -> Option<usize> {
        let r = reference.trim().to_lowercase();
        if let Ok(n) = r.parse::<usize>() {
            return (1..=self.criteria.len()).contains(&n).then(|| n - 1);
        }
        let names: Vec<String> = self
            .criteria
            .iter()
            .map(|c| c.name.to_lowercase())
            .collect();
        if let Some(i) = names.iter().position(|n| *n == r) {
            return Some(i);
        }
        let mut hits = names
            .iter()
            .enumerate()
            .filter(|(_, n)| !r.is_empty() && n.starts_with(&r));
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }
}

/// One juror's score of one presenter on one criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// The juror's code.
    pub juror: String,
    /// The presenter's participant code.
    pub presenter: String,
    /// The criterion's number, from 1.
    pub criterion: u32,
    /// The score, 0 to the criterion's max.
    pub value: u32,
}

/// Every score given, and whether they were announced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Scores {
    /// The latest score of each cell, in the order first given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<Score>,
    /// When the scores were announced; until then they stay off every
    /// screen but the score sheet.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::stamp::de_opt"
    )]
    pub announced: Option<DateTime<Utc>>,
}

impl Scores {
    /// Nothing scored and nothing announced.
    pub fn is_empty(&self) -> bool {
        self.cells.is_empty() && self.announced.is_none()
    }
}

/// Rule of `score`: a juror, a presenter who is a participant, a criterion
/// of the sheet and a value up to its max; not after the announcement.
pub(super) fn score(
    r: &Rules,
    juror: &str,
    presenter: &str,
    criterion: &str,
    value: u32,
) -> Result<Event, DomainError> {
    let jury = &r.s.info.jury;
    if !jury.is_active() {
        return Err(DomainError::NoJury);
    }
    if r.s.scores.announced.is_some() {
        return Err(DomainError::ScoresAnnounced);
    }
    let juror = jury
        .juror(juror)
        .ok_or_else(|| DomainError::UnknownJuror(juror.trim().to_owned()))?;
    let presenter = r.s.find_participant(presenter)?;
    let index = jury
        .criterion(criterion)
        .ok_or_else(|| DomainError::UnknownCriterion(criterion.trim().to_owned()))?;
    let max = jury.criteria.get(index).map_or(0, |c| c.max);
    if value > max {
        return Err(DomainError::ScoreOutOfRange { value, max });
    }
    let score = Score {
        juror: juror.code.clone(),
        presenter: presenter.code.clone(),
        criterion: u32::try_from(index + 1).unwrap_or(u32::MAX),
        value,
    };
    if r.s
        .score_of(&score.juror, &score.presenter, score.criterion)
        == Some(value)
    {
        return Err(DomainError::NothingToChange);
    }
    Ok(Event::Scored { score })
}

/// Rule of `announce_scores`: a jury with at least one score, once.
pub(super) fn announce(r: &Rules) -> Result<Event, DomainError> {
    if !r.s.info.jury.is_active() {
        return Err(DomainError::NoJury);
    }
    if r.s.scores.announced.is_some() {
        return Err(DomainError::ScoresAnnounced);
    }
    if r.s.scores.cells.is_empty() {
        return Err(DomainError::NoScores);
    }
    Ok(Event::ScoresAnnounced)
}

/// Fold of `Scored`: the cell's score is replaced, or added.
pub(super) fn scored(s: &mut Session, score: &Score) {
    let same = |c: &&mut Score| {
        c.juror == score.juror && c.presenter == score.presenter && c.criterion == score.criterion
    };
    match s.scores.cells.iter_mut().find(same) {
        Some(cell) => cell.value = score.value,
        None => s.scores.cells.push(score.clone()),
    }
}

/// Fold of `ScoresAnnounced`.
pub(super) fn announced(s: &mut Session, at: DateTime<Utc>) {
    s.scores.announced = Some(at);
}

impl Session {
    /// A jury session: criteria and jurors given.
    pub fn is_jury(&self) -> bool {
        self.info.jury.is_active()
    }

    /// Whether the scores may be shown beyond the score sheet.
    pub fn scores_announced(&self) -> bool {
        self.scores.announced.is_some()
    }

    /// The score a juror gave a presenter on criterion `criterion` (from 1).
    pub fn score_of(&self, juror: &str, presenter: &str, criterion: u32) -> Option<u32> {
        self.scores
            .cells
            .iter()
            .find(|c| c.juror == juror && c.presenter == presenter && c.criterion == criterion)
            .map(|c| c.value)
    }

    /// The participants the jury scores: each agenda item's presenter in
    /// agenda order, then anyone else who was scored.
    pub fn presenters(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![];
        let slots = self.agenda.iter().filter_map(|i| i.presenter.as_deref());
        let scored = self.scores.cells.iter().map(|c| c.presenter.as_str());
        for code in slots.chain(scored) {
            if !out.iter().any(|c| c.eq_ignore_ascii_case(code)) {
                out.push(code);
            }
        }
        out
    }
}
