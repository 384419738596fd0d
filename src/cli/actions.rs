//! `fgd actions`: the action register across sessions — every action of a
//! series (`--series`), of one session (`--session`) or of all sessions,
//! once, with its latest status. Reads each session's `meta.json` and
//! `session.json` backup, never its database, so it works while a session
//! is live. A table on standard output, or a file (`--format json|csv|xlsx|
//! html`) in `DIR/SCOPE/`, whose path it prints.

use std::path::Path;

use chrono::Utc;

use super::{CliError, io_out, print};
use crate::domain::{Language, Session, Zone};
use crate::export::ExportError;
use crate::export::register::{self, Filter, Kind, Register};
use crate::store::{DataDir, Meta};

/// What `fgd actions` was given.
pub struct Args<'a> {
    /// `--series`.
    pub series: Option<&'a str>,
    /// `--session`.
    pub session: Option<&'a str>,
    /// `--open`, `--overdue`.
    pub filter: Filter,
    /// `--format`.
    pub format: &'a str,
    /// `--out`.
    pub out: &'a Path,
}

pub fn run(data: &DataDir, args: &Args<'_>) -> Result<(), CliError> {
    let kind: Kind = args.format.parse().map_err(CliError::usage)?;
    let (scope, series, metas) = chosen(data, args)?;
    let mut sessions: Vec<Session> = Vec::with_capacity(metas.len());
    for m in &metas {
        match data
            .read_backup(&m.id)
            .map_err(|e| e.to_string())
            .and_then(|b| crate::export::json::read_state(&b).map_err(|e| e.to_string()))
        {
            Ok(s) => sessions.push(s),
            Err(e) => print::err(&format!(
                "fgd: session {} is left out of the register: {e}; `fgd repair {}` may help",
                m.id, m.id
            )),
        }
    }
    let latest = sessions
        .iter()
        .max_by_key(|s| (s.info.meeting_number(), s.date()));
    let zone = latest.map_or(Zone::default(), |s| s.info.zone);
    let lang = latest.map_or(Language::default(), |s| s.info.language);
    let today = zone.date_of(Utc::now());
    let r = Register {
        series,
        session: args.session.map(|_| scope.clone()),
        today,
        lang,
        rows: register::build(&sessions, today, args.filter),
    };
    let mut stdout = std::io::stdout().lock();
    if kind == Kind::Table {
        for line in r.table().lines() {
            print::line(&mut stdout, line).map_err(io_out)?;
        }
        return Ok(());
    }
    let path = register::write(&r, kind, args.out, &scope).map_err(|e| match e {
        ExportError::Io { .. } => CliError::other(format!(
            "{e}\nno file is half-written; choose another directory with --out DIR"
        )),
        ExportError::BadId(_) | ExportError::Unsafe(_) | ExportError::Pdf(_) => {
            CliError::other(e.to_string())
        }
    })?;
    print::line(&mut stdout, &path.display().to_string()).map_err(io_out)
}

/// The sessions asked for, the folder name of the register and its series.
fn chosen(
    data: &DataDir,
    args: &Args<'_>,
) -> Result<(String, Option<String>, Vec<Meta>), CliError> {
    let metas = data.list()?;
    match (args.series, args.session) {
        (Some(_), Some(_)) => Err(CliError::usage("give --series S or --session ID, not both")),
        (None, Some(id)) => {
            let id = data.resolve(id)?;
            let metas: Vec<Meta> = metas.into_iter().filter(|m| m.id == id).collect();
            let series = metas.first().map(|m| m.series_id().to_owned());
            Ok((id, series, metas))
        }
        (Some(s), None) => {
            let want = s.trim().to_lowercase();
            let chosen: Vec<Meta> = metas
                .iter()
                .filter(|m| m.series_id().to_lowercase() == want)
                .cloned()
                .collect();
            let Some(first) = chosen.first() else {
                return Err(CliError::usage(no_series(s, &metas)));
            };
            let series = first.series_id().to_owned();
            Ok((series.clone(), Some(series), chosen))
        }
        (None, None) => Ok(("all".to_owned(), None, metas)),
    }
}

/// No session is in series `s`: which series there are.
fn no_series(s: &str, metas: &[Meta]) -> String {
    let mut known: Vec<&str> = metas.iter().map(Meta::series_id).collect();
    known.sort_unstable();
    known.dedup();
    if known.is_empty() {
        return format!("no series `{s}`: there are no sessions yet; make one with `fgd new`");
    }
    format!(
        "no series `{s}`; the series are: {} (`fgd list --series S` shows one)",
        known.join(", ")
    )
}
