//! Section "Ide Inovasi dan Rencana Aksi" of an innovation lab: the ideas
//! grouped per OPD or team, each group's ideas by priority (dot votes, the
//! most first) with their problem and proposer, then the group's rencana
//! aksi (the actions that carry out its ideas or name the team): step, PIC,
//! schedule, indicator, resources. Gathers the rows and makes the blocks;
//! must not number or lay out.

use crate::domain::Session;
use crate::export::doc::{Block, Cell, Span, Table};
use crate::export::model::{Builder, Minutes};
use crate::i18n::jury;

/// One idea.
#[derive(Debug, Clone)]
pub struct IdeaRow {
    /// Number.
    pub no: u32,
    /// Title.
    pub title: String,
    /// Problem.
    pub problem: Option<String>,
    /// Proposer, by name where they may be named.
    pub proposer: Option<String>,
    /// Dot votes.
    pub dots: u32,
}

/// One step of a rencana aksi.
#[derive(Debug, Clone)]
pub struct PlanRow {
    /// "2. Title" of its idea.
    pub idea: Option<String>,
    /// What is done.
    pub step: String,
    /// PIC.
    pub pic: Option<String>,
    /// Schedule, else the due date.
    pub schedule: Option<String>,
    /// Indicator.
    pub indicator: Option<String>,
    /// Resources.
    pub resources: Option<String>,
}

/// One OPD or team.
#[derive(Debug, Clone)]
pub struct TeamIdeas {
    /// The team; `None` for ideas and plans without one.
    pub team: Option<String>,
    /// Its ideas, most dots first.
    pub ideas: Vec<IdeaRow>,
    /// Its rencana aksi.
    pub plans: Vec<PlanRow>,
}

/// The team of each action with a rencana aksi: its own, else its idea's.
fn team_of(s: &Session, plan: &crate::domain::ActionPlan) -> Option<String> {
    plan.team.clone().or_else(|| {
        let idea = s.ideas.iter().find(|i| Some(i.id) == plan.idea)?;
        idea.team.clone()
    })
}

impl Builder<'_> {
    pub(in crate::export) fn ideas(&self) -> Option<Vec<TeamIdeas>> {
        let s = self.s;
        let planned: Vec<_> = s
            .actions()
            .filter_map(|a| a.plan.as_ref().map(|p| (a, p)))
            .collect();
        if s.ideas().next().is_none() && planned.is_empty() {
            return None;
        }
        let mut teams: Vec<TeamIdeas> = vec![];
        let mut group = |team: Option<String>| -> usize {
            if let Some(i) = teams.iter().position(|t| t.team == team) {
                return i;
            }
            teams.push(TeamIdeas {
                team,
                ideas: vec![],
                plans: vec![],
            });
            teams.len() - 1
        };
        let mut slots = vec![];
        for idea in s.ideas() {
            slots.push((group(idea.team.clone()), idea));
        }
        let mut plan_slots = vec![];
        for (a, p) in planned {
            plan_slots.push((group(team_of(s, p)), a, p));
        }
        for (g, idea) in slots {
            let proposer = idea.proposer.as_deref().map(|p| {
                self.participant(p)
                    .map_or_else(|| p.to_owned(), |q| q.quotable_name().to_owned())
            });
            teams[g].ideas.push(IdeaRow {
                no: idea.id,
                title: idea.title.clone(),
                problem: idea.problem.clone(),
                proposer,
                dots: idea.dots,
            });
        }
        for (g, a, p) in plan_slots {
            let idea = p.idea.and_then(|n| s.ideas.iter().find(|i| i.id == n));
            teams[g].plans.push(PlanRow {
                idea: idea.map(|i| format!("{}. {}", i.id, i.title)),
                step: a.what.clone(),
                pic: a.pic.as_ref().map(|p| p.text.clone()),
                schedule: p.schedule.clone().or_else(|| a.due.map(|d| d.to_string())),
                indicator: p.indicator.clone(),
                resources: p.resources.clone(),
            });
        }
        for t in &mut teams {
            t.ideas.sort_by_key(|i| std::cmp::Reverse(i.dots));
        }
        Some(teams)
    }
}

/// Per team: a heading, its ideas, its rencana aksi.
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let w = jury::words(m.labels.lang);
    let Some(teams) = m.ideas.as_ref() else {
        return vec![Block::words(m.labels.none)];
    };
    let mut out = vec![];
    for (local, t) in (1..).zip(teams) {
        let name = t.team.clone().unwrap_or_else(|| w.no_team.to_owned());
        out.push(Block::Heading {
            local: Some(local),
            number: None,
            title: vec![Span::Plain(name)],
        });
        if !t.ideas.is_empty() {
            let rows = t
                .ideas
                .iter()
                .map(|i| {
                    vec![
                        Cell::word(i.no.to_string()),
                        Cell::text(&i.title),
                        Cell::opt(i.problem.as_deref()),
                        Cell::opt(i.proposer.as_deref()),
                        Cell::word(i.dots.to_string()),
                    ]
                })
                .collect();
            out.push(Block::Table(Table::new(
                "ideas",
                vec![m.labels.no, w.idea, w.problem, w.proposer, w.priority],
                rows,
            )));
        }
        if !t.plans.is_empty() {
            out.push(Block::para(vec![Span::Strong(vec![Span::word(
                w.action_plan,
            )])]));
            let rows = t
                .plans
                .iter()
                .map(|p| {
                    vec![
                        Cell::opt(p.idea.as_deref()),
                        Cell::text(&p.step),
                        Cell::opt(p.pic.as_deref()),
                        Cell::opt(p.schedule.as_deref()),
                        Cell::opt(p.indicator.as_deref()),
                        Cell::opt(p.resources.as_deref()),
                    ]
                })
                .collect();
            out.push(Block::Table(Table::new(
                "action-plan",
                vec![w.idea, w.step, w.pic, w.schedule, w.indicator, w.resources],
                rows,
            )));
        }
    }
    out
}
