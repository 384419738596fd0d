//! `fgd new`: a session from a plan (a file or a bundled one) or a blank one.

use std::path::Path;

use chrono::Utc;

use super::{CliError, slug};
use crate::domain::{ActionStatus, Actor, Command, ItemStatus, Session};
use crate::engine::{self, Engine};
use crate::plan::{self, Plan};
use crate::store::DataDir;

/// Loads a plan from a file, or a bundled plan by name.
pub fn load_plan(name: &str) -> Result<Plan, CliError> {
    let path = Path::new(name);
    if path.exists() {
        let src = std::fs::read_to_string(path)
            .map_err(|e| CliError::usage(format!("can't read plan {name}: {e}")))?;
        return Ok(plan::parse(&src, name)?);
    }
    if let Some(src) = plan::bundled(name) {
        return Ok(plan::parse(src, name)?);
    }
    let names: Vec<&str> = plan::BUNDLED.iter().map(|(n, _)| *n).collect();
    Err(CliError::usage(format!(
        "no plan file `{name}`; give a path to a .toml plan, or one of the bundled plans: {}",
        names.join(", ")
    )))
}

/// What a follow-up session takes over from the one before: its deferred
/// agenda items and its open actions, each keeping the session it first came
/// from. A PIC linked to a participant is carried by name, so it links again
/// in the new session only to the same person.
pub fn carry_over(prev: &Session) -> Vec<Command> {
    let prev_id = &prev.info.id;
    let items = prev
        .agenda
        .iter()
        .filter(|i| i.status == ItemStatus::Deferred)
        .map(|i| Command::AddAgendaItem {
            title: i.title.clone(),
            minutes: i.minutes,
            owner: i.owner.clone(),
            questions: i.questions.clone(),
            position: None,
            origin: Some(i.origin.clone().unwrap_or_else(|| prev_id.clone())),
        });
    let actions = prev
        .actions()
        .filter(|a| a.status == ActionStatus::Open)
        .map(|a| Command::AddAction {
            what: a.what.clone(),
            pic: a.pic.as_ref().map(|p| {
                p.code
                    .as_deref()
                    .map_or_else(|| p.text.clone(), |c| prev.name_of(c).to_owned())
            }),
            due: a.due.map(|d| d.to_string()),
            item: None,
            origin: Some(a.origin.clone().unwrap_or_else(|| prev_id.clone())),
        });
    items.chain(actions).collect()
}

pub fn run(
    data: &DataDir,
    plan_name: Option<&str>,
    title: Option<&str>,
    follow_up: Option<&str>,
) -> Result<(), CliError> {
    let mut plan = match (plan_name, title) {
        (None, None) => {
            return Err(CliError::usage(
                "give a plan (`--plan FILE`) or a title (`--title T`) for a blank session",
            ));
        }
        (Some(p), _) => load_plan(p)?,
        (None, Some(t)) => Plan::blank(t),
    };
    if let Some(t) = title {
        t.clone_into(&mut plan.title);
    }
    let prev = match follow_up {
        None => None,
        Some(prev) => {
            let prev_id = data.resolve(prev)?;
            Some(Engine::open(data, &prev_id)?.session().clone())
        }
    };
    let now = Utc::now();
    let day = plan.date.unwrap_or_else(|| plan.zone.date_of(now));
    let id = data.free_id(&format!("{day}-{}", slug(&plan.title)));
    let mut session = Session::default();
    let follow_up_of = prev.as_ref().map(|p| p.info.id.clone());
    let mut commands = plan.commands(&id, day, follow_up_of);
    commands.extend(prev.as_ref().map(carry_over).unwrap_or_default());
    let events = engine::build(&mut session, commands, now, Actor::Facilitator)
        .map_err(|(_, e)| CliError::usage(format!("can't create the session: {e}")))?;
    Engine::create(data, events, now)?;
    println!("{id}");
    Ok(())
}
