//! `fgd new`: a session from a plan (a file or a bundled one) or a blank one.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

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

/// What `fgd new` was given.
pub struct Args<'a> {
    /// `--plan`.
    pub plan: Option<&'a str>,
    /// `--title`.
    pub title: Option<&'a str>,
    /// `--date`.
    pub date: Option<&'a str>,
    /// `--at`.
    pub at: Option<&'a str>,
    /// `--follow-up`.
    pub follow_up: Option<&'a str>,
}

/// `--date YYYY-MM-DD`.
fn parse_date(date: &str) -> Result<NaiveDate, CliError> {
    NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| {
        CliError::usage(format!(
            "bad --date `{date}`: write a real date as YYYY-MM-DD, like 2027-01-15"
        ))
    })
}

/// `--at TIME`: RFC 3339, not after `now`.
fn parse_at(at: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, CliError> {
    let t = DateTime::parse_from_rfc3339(at.trim())
        .map_err(|_| {
            CliError::usage(format!(
                "bad --at `{at}`: write a time as RFC 3339, like 2027-01-15T09:00:00+07:00"
            ))
        })?
        .with_timezone(&Utc);
    if t > now {
        return Err(CliError::usage(format!(
            "--at `{at}` is in the future: it stamps the creation of a meeting that already began; leave it out for now"
        )));
    }
    Ok(t)
}

pub fn run(data: &DataDir, args: &Args<'_>) -> Result<(), CliError> {
    let Args {
        plan: plan_name,
        title,
        follow_up,
        ..
    } = *args;
    let clock = Utc::now();
    let planned = args.date.map(parse_date).transpose()?;
    let now = args.at.map_or(Ok(clock), |at| parse_at(at, clock))?;
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
    let engine =
        engine::create_dated(data, &plan, prev.as_ref(), planned, now).map_err(|e| match e {
            engine::CreateError::Refused(_) => CliError::usage(e.to_string()),
            engine::CreateError::Store(s) => s.into(),
        })?;
    let id = &engine.session().info.id;
    super::print::out(id);
    Ok(())
}
