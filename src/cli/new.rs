//! `fgd new`: a session from a plan (a file or a bundled one) or a blank one.

use std::path::Path;

use chrono::Utc;

use super::CliError;
use crate::engine::{self, Engine};
use crate::plan::{self, Plan};
use crate::store::DataDir;

/// Loads a plan from a file, or a bundled plan by name.
pub fn load_plan(name: &str) -> Result<Plan, CliError> {
    let path = Path::new(name);
    if path.exists() {
        let src = std::fs::read_to_string(path)
            .map_err(|e| CliError::usage(plan::unreadable(name, &e)))?;
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
    let engine =
        engine::create_from_plan(data, &plan, prev.as_ref(), now).map_err(|e| match e {
            engine::CreateError::Refused(_) => CliError::usage(e.to_string()),
            engine::CreateError::Store(s) => s.into(),
        })?;
    let id = &engine.session().info.id;
    super::print::out(id);
    Ok(())
}
