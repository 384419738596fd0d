//! `fgd export`: writes the minutes of a session, in any state — the shared
//! files into `DIR/ID/`, `session.json` and (`--internal`) the internal
//! minutes into `DIR/ID/internal/` — and prints the path of each file written.

use std::path::Path;

use super::{CliError, io_out};
use crate::domain::{Language, Paper};
use crate::engine::Engine;
use crate::export::{self, ExportError, Format, Options};
use crate::store::DataDir;

/// How `fgd export` was asked to write, as typed.
#[derive(Clone, Copy)]
pub struct Flags<'a> {
    /// `--lang`.
    pub lang: Option<&'a str>,
    /// `--anonymize`.
    pub anonymize: bool,
    /// `--internal`.
    pub internal: bool,
    /// `--paper`.
    pub paper: Option<&'a str>,
}

pub fn run(
    data: &DataDir,
    id: &str,
    formats: &str,
    flags: &Flags<'_>,
    out: &Path,
) -> Result<(), CliError> {
    let Flags {
        lang,
        anonymize,
        internal,
        paper,
    } = *flags;
    // Bad arguments are refused before the session is opened.
    let formats = Format::parse_list(formats).map_err(|e| CliError::usage(e.to_string()))?;
    let lang = lang
        .map(str::parse::<Language>)
        .transpose()
        .map_err(CliError::usage)?;
    let paper = paper
        .map(str::parse::<Paper>)
        .transpose()
        .map_err(CliError::usage)?;
    let id = data.resolve(id)?;
    let write = |session: &crate::domain::Session, log: &[crate::domain::Recorded]| {
        export::write_all(
            session,
            log,
            out,
            &formats,
            Options {
                lang,
                anonymize,
                internal,
                paper,
            },
        )
    };
    let written = match Engine::open(data, &id) {
        Ok(engine) => write(engine.session(), &engine.log()?),
        // While `fgd run` holds the session, read it through the host: its
        // state, and the log only for what is made from the log
        // (`session.json`, anonymised minutes).
        #[cfg(unix)]
        Err(locked @ crate::store::StoreError::Locked { .. }) => {
            let mut client = match super::join::connect(
                data,
                &id,
                crate::domain::Actor::Viewer,
                crate::live::no_wake(),
            ) {
                Ok(client) => client,
                Err(crate::live::JoinError::NotLive) => return Err(locked.into()),
                Err(e) => return Err(super::join::join_error(&id, e)),
            };
            let log = if formats.contains(&Format::Json) || anonymize {
                client
                    .fetch_log()
                    .map_err(|e| CliError::other(format!("can't export session {id}: {e}")))?
            } else {
                Vec::new()
            };
            write(client.session(), &log)
        }
        Err(e) => return Err(e.into()),
    };
    let paths = written.map_err(|e| match e {
        ExportError::Io { .. } => CliError::other(format!(
            "{e}\nno file is half-written; choose another directory with --out DIR"
        )),
        ExportError::BadId(_) | ExportError::Unsafe(_) | ExportError::Pdf(_) => {
            CliError::other(e.to_string())
        }
    })?;
    let mut stdout = std::io::stdout().lock();
    for p in paths {
        super::print::line(&mut stdout, &p.display().to_string()).map_err(io_out)?;
    }
    Ok(())
}
