//! Decisions (keputusan) and conclusions (kesimpulan): texts under an agenda
//! item. The rules that record and correct one, and the folds of their
//! events. Must not touch any other record kind.

use serde::{Deserialize, Serialize};

use super::super::error::DomainError;
use super::super::event::Event;
use super::super::rules::{Rules, index, next_id, text};
use super::super::session::{ItemId, Session, Statement};
use super::{RecordKind, live};

/// The counts of a vote on a decision: how many, never who ("nama … yang
/// tidak setuju jangan ditulis … ditulis jumlahnya").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Votes {
    /// For (setuju).
    #[serde(rename = "for", default)]
    pub in_favour: u32,
    /// Against (tidak setuju).
    #[serde(default)]
    pub against: u32,
    /// Abstaining (abstain).
    #[serde(default)]
    pub abstain: u32,
}

impl Votes {
    /// Everyone who voted or abstained.
    pub fn total(self) -> u32 {
        self.in_favour
            .saturating_add(self.against)
            .saturating_add(self.abstain)
    }
}

/// The most votes one decision can count.
pub const MAX_VOTES: u32 = 100_000;

/// The list a kind of statement is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::domain) enum Which {
    /// Decisions.
    Decision,
    /// Conclusions.
    Conclusion,
}

impl Which {
    fn kind(self) -> RecordKind {
        match self {
            Which::Decision => RecordKind::Decision,
            Which::Conclusion => RecordKind::Conclusion,
        }
    }

    fn list(self, s: &Session) -> &Vec<Statement> {
        match self {
            Which::Decision => &s.decisions,
            Which::Conclusion => &s.conclusions,
        }
    }

    fn list_mut(self, s: &mut Session) -> &mut Vec<Statement> {
        match self {
            Which::Decision => &mut s.decisions,
            Which::Conclusion => &mut s.conclusions,
        }
    }
}

/// Rule of `add_decision` / `add_conclusion`: the text is required; the item
/// is the active one by default.
pub(in crate::domain) fn add(
    r: &Rules,
    which: Which,
    raw: &str,
    item: Option<ItemId>,
    votes: Option<Votes>,
) -> Result<Event, DomainError> {
    r.not_ended()?;
    if let Some(v) = votes
        && v.total() > MAX_VOTES
    {
        return Err(DomainError::TooManyVotes {
            count: v.total(),
            max: MAX_VOTES,
        });
    }
    let votes = votes.filter(|v| v.total() > 0 && which == Which::Decision);
    let statement = Statement {
        id: next_id(which.list(r.s).len()),
        text: text(raw, which.kind().name())?,
        item: r.item_or_active(item)?,
        at: r.now,
        removed: false,
        revised: false,
        votes,
    };
    Ok(match which {
        Which::Decision => Event::DecisionAdded {
            decision: statement,
        },
        Which::Conclusion => Event::ConclusionAdded {
            conclusion: statement,
        },
    })
}

/// Rule of `edit_decision` / `edit_conclusion`: a new text, not the same.
pub(in crate::domain) fn edit(
    r: &Rules,
    which: Which,
    id: u32,
    raw: &str,
) -> Result<Event, DomainError> {
    let old = live(which.list(r.s), id, which.kind())?;
    let t = text(raw, which.kind().name())?;
    if t == old.text {
        return Err(DomainError::NothingToChange);
    }
    Ok(match which {
        Which::Decision => Event::DecisionEdited { id, text: t },
        Which::Conclusion => Event::ConclusionEdited { id, text: t },
    })
}

/// Fold of `DecisionAdded` / `ConclusionAdded`.
pub(in crate::domain) fn added(s: &mut Session, which: Which, statement: &Statement) {
    which.list_mut(s).push(statement.clone());
}

/// Fold of `DecisionEdited` / `ConclusionEdited`.
pub(in crate::domain) fn edited(
    s: &mut Session,
    which: Which,
    id: u32,
    text: &str,
    correcting: bool,
) {
    if let Some(d) = which.list_mut(s).get_mut(index(id)) {
        text.clone_into(&mut d.text);
        d.revised |= correcting;
    }
}

impl Session {
    /// Decisions not removed.
    pub fn decisions(&self) -> impl Iterator<Item = &Statement> {
        self.decisions.iter().filter(|d| !d.removed)
    }

    /// Conclusions not removed.
    pub fn conclusions(&self) -> impl Iterator<Item = &Statement> {
        self.conclusions.iter().filter(|d| !d.removed)
    }
}
