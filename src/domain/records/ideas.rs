//! The innovation lab's records: an idea (title, problem, OPD or team,
//! proposer) with its priority in dot votes, and the rencana aksi an action
//! item carries (the idea it serves, the team, indicator, resources,
//! schedule). The rules that record them and the folds of their events.
//! Must not touch any other record kind's rules.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::super::error::DomainError;
use super::super::event::Event;
use super::super::rules::{Rules, index, next_id, opt_line, text};
use super::super::session::{ActionId, ItemId, Session};
use super::{RecordKind, live};

/// Idea number, from 1.
pub type IdeaId = u32;

/// An innovation idea from the diagnose stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Idea {
    /// Number.
    pub id: IdeaId,
    /// What the innovation is.
    pub title: String,
    /// The service problem it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The OPD or team that owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Who proposed it: a participant's code, or the name as typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposer: Option<String>,
    /// Its priority: the dot votes it got.
    #[serde(default)]
    pub dots: u32,
    /// Agenda item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemId>,
    /// When recorded.
    #[serde(deserialize_with = "super::super::stamp::de")]
    pub at: DateTime<Utc>,
    /// Removed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub removed: bool,
    /// Changed after the session ended.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub revised: bool,
}

/// The rencana aksi of an action item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ActionPlan {
    /// The idea it carries out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idea: Option<IdeaId>,
    /// The team or OPD that does it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// How success is measured (indikator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// What it needs (sumber daya).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<String>,
    /// When (jadwal), as written: "Februari–Maret 2027".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
}

/// The fields of `add_idea`, as typed.
pub(in crate::domain) struct NewIdea {
    pub title: String,
    pub problem: Option<String>,
    pub team: Option<String>,
    pub proposer: Option<String>,
    pub item: Option<ItemId>,
}

/// Rule of `add_idea`: a title; a proposer who is a participant is kept
/// by code, anyone else as typed.
pub(in crate::domain) fn add(r: &Rules, new: NewIdea) -> Result<Event, DomainError> {
    r.not_ended()?;
    let proposer = opt_line(new.proposer, "proposer")?
        .map(|p| r.s.find_participant(&p).map_or(p, |q| q.code.clone()));
    Ok(Event::IdeaAdded {
        idea: Idea {
            id: next_id(r.s.ideas.len()),
            title: text(&new.title, "idea")?,
            problem: opt_line(new.problem, "problem")?,
            team: opt_line(new.team, "team")?,
            proposer,
            dots: 0,
            item: r.item_or_active(new.item)?,
            at: r.now,
            removed: false,
            revised: false,
        },
    })
}

/// Rule of `prioritise_idea`: the idea's dot votes, set (not added).
pub(in crate::domain) fn prioritise(
    r: &Rules,
    id: IdeaId,
    dots: u32,
) -> Result<Event, DomainError> {
    let old = live(&r.s.ideas, id, RecordKind::Idea)?;
    if old.dots == dots {
        return Err(DomainError::NothingToChange);
    }
    if dots > super::statements::MAX_VOTES {
        return Err(DomainError::TooManyVotes {
            count: dots,
            max: super::statements::MAX_VOTES,
        });
    }
    Ok(Event::IdeaPrioritised { id, dots })
}

/// Rule of `plan_action`: the rencana aksi of a live action, its idea one
/// that exists; what is not given is kept, an empty text clears it.
pub(in crate::domain) fn plan_action(
    r: &Rules,
    action: ActionId,
    change: ActionPlan,
) -> Result<Event, DomainError> {
    let old = live(&r.s.actions, action.0, RecordKind::Action)?;
    if let Some(idea) = change.idea {
        live(&r.s.ideas, idea, RecordKind::Idea)?;
    }
    let was = old.plan.clone().unwrap_or_default();
    let keep = |new: Option<String>, old: Option<String>, field| match new {
        None => Ok(old),
        Some(t) => opt_line(Some(t), field),
    };
    let plan = ActionPlan {
        idea: change.idea.or(was.idea),
        team: keep(change.team, was.team, "team")?,
        indicator: keep(change.indicator, was.indicator, "indicator")?,
        resources: keep(change.resources, was.resources, "resources")?,
        schedule: keep(change.schedule, was.schedule, "schedule")?,
    };
    if Some(&plan) == old.plan.as_ref() || (old.plan.is_none() && plan == ActionPlan::default()) {
        return Err(DomainError::NothingToChange);
    }
    Ok(Event::ActionPlanned { id: action, plan })
}

/// Fold of `IdeaAdded`.
pub(in crate::domain) fn added(s: &mut Session, idea: &Idea) {
    s.ideas.push(idea.clone());
}

/// Fold of `IdeaPrioritised`.
pub(in crate::domain) fn prioritised(s: &mut Session, id: IdeaId, dots: u32, correcting: bool) {
    if let Some(i) = s.ideas.get_mut(index(id)) {
        i.dots = dots;
        i.revised |= correcting;
    }
}

/// Fold of `ActionPlanned`.
pub(in crate::domain) fn planned(
    s: &mut Session,
    id: ActionId,
    plan: &ActionPlan,
    correcting: bool,
) {
    if let Some(a) = s.actions.get_mut(index(id.0)) {
        a.plan = Some(plan.clone());
        a.revised |= correcting;
    }
}

impl Session {
    /// Ideas not removed.
    pub fn ideas(&self) -> impl Iterator<Item = &Idea> {
        self.ideas.iter().filter(|i| !i.removed)
    }
}
