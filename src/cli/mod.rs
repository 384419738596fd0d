//! The command line: argument parsing and one small function per command.
//! Errors carry their exit status (2: the user's input, 1: anything else)
//! and print as one or two plain lines.

mod actions;
mod apply;
mod export;
mod import;
#[cfg(unix)]
mod join;

mod json_keys;
mod new;
pub mod print;
mod repair;

use std::io::{BufRead, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::plan::{self, PlanError};
use crate::store::{DataDir, StoreError};

pub use apply::{ApplyLine, LineError, parse_line};

/// An error to print, with the process exit status.
#[derive(Debug)]
pub struct CliError {
    /// 2 for bad usage or input, 1 for anything else.
    pub code: u8,
    /// What went wrong and what to do.
    pub message: String,
    /// Print the message as it is, without the `fgd: ` prefix (for
    /// `FILE:LINE:COL: message` lines that editors read).
    pub bare: bool,
}

impl CliError {
    /// Bad usage or input (exit 2).
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            code: 2,
            message: message.into(),
            bare: false,
        }
    }

    /// Anything else (exit 1).
    pub fn other(message: impl Into<String>) -> CliError {
        CliError {
            code: 1,
            message: message.into(),
            bare: false,
        }
    }
}

impl From<&StoreError> for CliError {
    fn from(e: &StoreError) -> CliError {
        CliError {
            code: if e.is_user_error() { 2 } else { 1 },
            message: e.to_string(),
            bare: false,
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        CliError::from(&e)
    }
}

impl From<Vec<PlanError>> for CliError {
    fn from(errors: Vec<PlanError>) -> CliError {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        CliError {
            code: 2,
            message: lines.join("\n"),
            bare: true,
        }
    }
}

/// Run a facilitated focus-group discussion from the terminal.
#[derive(Debug, Parser)]
#[command(name = "fgd", version, about, long_about = None)]
pub struct Cli {
    /// Where sessions are stored [default: the platform data dir, e.g. ~/.local/share/fgd]
    #[arg(long, global = true, env = "FGD_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Create a session from a plan file (or a bundled plan), or a blank one with --title; prints its id
    New {
        /// Plan file, or the name of a bundled plan (see `fgd plan list`)
        #[arg(long, value_name = "FILE")]
        plan: Option<String>,
        /// Title (overrides the plan's)
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// The planned date (overrides the plan's; a follow-up is dated today without it)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// Stamp the creation at this past time (RFC 3339), to replay a past meeting with `fgd apply` `at` times
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
        /// Carry over the deferred agenda items and open actions of this earlier session
        #[arg(long, value_name = "PREV_ID")]
        follow_up: Option<String>,
    },
    /// Run a session in the live view as facilitator; resumes where it was
    Run {
        /// Session id or a unique prefix
        id: String,
        /// Where the minutes go when the session ends (as OUT/ID/)
        #[arg(long, value_name = "DIR", default_value = "minutes")]
        out: PathBuf,
    },
    /// Join a session that `fgd run` hosts, from a second terminal (notetaker, or a read-only viewer for the projector)
    Join {
        /// Session id or a unique prefix
        id: String,
        /// notetaker (notulis): all commands but ending; viewer: a read-only mirror
        #[arg(long, value_name = "notetaker|viewer", default_value = "notetaker")]
        role: String,
        /// Where minutes go if written from this terminal (as OUT/ID/)
        #[arg(long, value_name = "DIR", default_value = "minutes")]
        out: PathBuf,
    },
    /// List sessions: id, date, status, title
    List {
        /// One JSON array instead of lines
        #[arg(long)]
        json: bool,
        /// Only the meetings of this series, in meeting order
        #[arg(long, value_name = "S")]
        series: Option<String>,
    },
    /// The action register across sessions: each action once, with its latest status, PIC, due date, origin meeting and the meetings it stayed open; works while sessions are live
    Actions {
        /// Only this series
        #[arg(long, value_name = "S")]
        series: Option<String>,
        /// Only this session
        #[arg(long, value_name = "ID")]
        session: Option<String>,
        /// Only open actions
        #[arg(long)]
        open: bool,
        /// Only overdue actions
        #[arg(long)]
        overdue: bool,
        /// table (on the terminal), or a file: json, csv, xlsx, html
        #[arg(long, value_name = "table|json|csv|xlsx|html", default_value = "table")]
        format: String,
        /// Parent directory of the file: DIR/SERIES/register.EXT
        #[arg(long, value_name = "DIR", default_value = "minutes")]
        out: PathBuf,
    },
    /// Apply commands given as JSON lines (stdin by default); answers `ok SEQ` or `error LINE: reason` per line
    Apply {
        /// Session id or a unique prefix
        id: String,
        /// Read the lines from this file instead of stdin
        #[arg(long, value_name = "F")]
        file: Option<PathBuf>,
    },
    /// Write the minutes into DIR/ID/ (shared: md, html, csv, ics, docx, xlsx, no private note) and session.json into DIR/ID/internal/, in any state of the session; prints each path
    Export {
        /// Session id or a unique prefix
        id: String,
        /// Formats, comma-separated: md, html, json, csv, ics, docx, xlsx, pdf, or all (every one but pdf, which prints the HTML with an installed Chromium-family browser)
        #[arg(
            long,
            value_name = "md,html,json,csv,ics,docx,xlsx,pdf|all",
            default_value = "all"
        )]
        format: String,
        /// Language of the minutes [default: the session's]
        #[arg(long, value_name = "id|en")]
        lang: Option<String>,
        /// Name participants by their codes everywhere
        #[arg(long)]
        anonymize: bool,
        /// Also write the internal minutes, private notes included and marked "not for circulation", into DIR/ID/internal/
        #[arg(long)]
        internal: bool,
        /// Paper to lay the minutes out for [default: the plan's, else a4]
        #[arg(long, value_name = "a4|f4")]
        paper: Option<String>,
        /// Parent directory: the files go to DIR/ID/
        #[arg(long, value_name = "DIR", default_value = "minutes")]
        out: PathBuf,
    },
    /// Restore a session from its exported session.json; prints its id
    Import {
        /// The session.json file
        #[arg(value_name = "FILE.json")]
        file: PathBuf,
    },
    /// Rebuild a session whose database is damaged from its journal and session.json (the damaged database is kept aside)
    Repair {
        /// Session id or a unique prefix
        id: String,
    },
    /// Remove a session and its data
    Delete {
        /// Session id or a unique prefix
        id: String,
        /// Do not ask
        #[arg(long)]
        yes: bool,
    },
    /// Check and list session plans
    Plan {
        #[command(subcommand)]
        command: PlanCmd,
    },
}

#[derive(Debug, Subcommand)]
enum PlanCmd {
    /// Validate plan files; errors as FILE:LINE:COL: message
    Check {
        /// Plan files
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// The bundled plans
    List,
}

/// Refuses to start a screen without a terminal (a pipe, a cron job, a
/// service): opening one would fail with "No such device or address", which
/// says nothing of what to do.
fn require_terminal(command: &str) -> Result<(), CliError> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(CliError::usage(format!(
            "{command} needs a terminal: run it in a terminal window, or use `fgd apply` for scripts"
        )))
    }
}

fn load_config() -> Result<crate::tui::config::Config, CliError> {
    crate::tui::config::load(crate::tui::config::path().as_deref()).map_err(CliError::usage)
}

/// The data directory: `--data-dir`, `FGD_DATA_DIR`, or the platform's.
fn data_dir(flag: Option<PathBuf>) -> Result<DataDir, CliError> {
    if let Some(d) = flag {
        return Ok(DataDir::new(d));
    }
    directories::ProjectDirs::from("", "", "fgd")
        .map(|p| DataDir::new(p.data_dir()))
        .ok_or_else(|| {
            CliError::other(
                "can't find a home directory for the data; pass --data-dir DIR or set FGD_DATA_DIR",
            )
        })
}

/// Parses the arguments and runs the command.
#[expect(
    clippy::too_many_lines,
    reason = "the dispatch table: one arm per command, each handing its arguments on"
)]
pub fn main() -> Result<(), CliError> {
    // Everything fgd makes (sled's own files too) is the user's alone.
    #[cfg(unix)]
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    let cli = Cli::parse();
    let data = || data_dir(cli.data_dir.clone());
    match cli.command {
        None => {
            let config = load_config()?;
            require_terminal("fgd")?;
            crate::tui::run_home(&data()?, &config, std::path::Path::new("minutes"))
                .map_err(|e| CliError::other(format!("the terminal failed: {e}")))
        }
        Some(Cmd::Run { id, out }) => {
            let config = load_config()?;
            let data = data()?;
            let id = data.resolve(&id)?;
            let engine = crate::engine::Engine::open(&data, &id)?;
            require_terminal("fgd run")?;
            crate::tui::run_session(engine, &config, out)
                .map_err(|e| CliError::other(format!("the terminal failed: {e}")))
        }
        Some(Cmd::New {
            plan,
            title,
            date,
            at,
            follow_up,
        }) => new::run(
            &data()?,
            &new::Args {
                plan: plan.as_deref(),
                title: title.as_deref(),
                date: date.as_deref(),
                at: at.as_deref(),
                follow_up: follow_up.as_deref(),
            },
        ),
        #[cfg(unix)]
        Some(Cmd::Join { id, role, out }) => join::run(&data()?, &id, &role, out),
        #[cfg(not(unix))]
        Some(Cmd::Join { .. }) => Err(CliError::other(
            "a second terminal needs Unix-domain sockets, which this platform lacks",
        )),
        Some(Cmd::List { json, series }) => list(&data()?, json, series.as_deref()),
        Some(cmd @ Cmd::Actions { .. }) => actions_of(&data()?, cmd),
        Some(Cmd::Apply { id, file }) => apply::run(&data()?, &id, file.as_deref()),
        Some(Cmd::Export {
            id,
            format,
            lang,
            anonymize,
            internal,
            paper,
            out,
        }) => export::run(
            &data()?,
            &id,
            &format,
            &export::Flags {
                lang: lang.as_deref(),
                anonymize,
                internal,
                paper: paper.as_deref(),
            },
            &out,
        ),
        Some(Cmd::Import { file }) => import::run(&data()?, &file),
        Some(Cmd::Repair { id }) => repair::run(&data()?, &id),
        Some(Cmd::Delete { id, yes }) => delete(&data()?, &id, yes),
        Some(Cmd::Plan {
            command: PlanCmd::Check { files },
        }) => plan_check(&files),
        Some(Cmd::Plan {
            command: PlanCmd::List,
        }) => {
            let mut out = std::io::stdout().lock();
            for (name, src) in plan::BUNDLED {
                let title = plan::parse(src, name).map(|p| p.title).unwrap_or_default();
                print::line(&mut out, &format!("{name:<26} {title}")).map_err(io_out)?;
            }
            Ok(())
        }
    }
}

#[allow(clippy::needless_pass_by_value)] // used as `map_err(io_out)`
fn io_out(e: std::io::Error) -> CliError {
    CliError::other(format!("can't write the output: {e}"))
}

/// `fgd actions` with its arguments.
fn actions_of(data: &DataDir, cmd: Cmd) -> Result<(), CliError> {
    let Cmd::Actions {
        series,
        session,
        open,
        overdue,
        format,
        out,
    } = cmd
    else {
        return Ok(());
    };
    actions::run(
        data,
        &actions::Args {
            series: series.as_deref(),
            session: session.as_deref(),
            filter: crate::export::register::Filter { open, overdue },
            format: &format,
            out: &out,
        },
    )
}

fn list(data: &DataDir, json: bool, series: Option<&str>) -> Result<(), CliError> {
    let mut metas = data.list()?;
    if let Some(s) = series {
        let want = s.trim().to_lowercase();
        metas.retain(|m| m.series_id().to_lowercase() == want);
        if metas.is_empty() {
            return Err(CliError::usage(format!(
                "no series `{s}`; `fgd list` shows every session (a follow-up is in its first meeting's series)"
            )));
        }
        metas.sort_by_key(|m| (m.meeting, m.date));
    }
    let mut out = std::io::stdout().lock();
    if json {
        let text =
            serde_json::to_string_pretty(&metas).map_err(|e| CliError::other(e.to_string()))?;
        writeln!(out, "{}", print::json(&text)).map_err(io_out)?;
        return Ok(());
    }
    let width = metas
        .iter()
        .map(|m| print::safe(&m.id).chars().count())
        .max()
        .unwrap_or(0);
    for m in &metas {
        let id = print::safe(&m.id);
        let row = format!(
            "{id:<width$}  {}  {:<7}  {}",
            m.date,
            m.status.as_str(),
            m.title
        );
        print::line(&mut out, &row).map_err(io_out)?;
    }
    Ok(())
}

fn delete(data: &DataDir, id: &str, yes: bool) -> Result<(), CliError> {
    let id = data.resolve(id)?;
    if !yes {
        eprint!(
            "{}",
            print::safe(&format!(
                "Delete session {id} and all its data? This can't be undone. [y/N] "
            ))
        );
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .map_err(|e| CliError::other(e.to_string()))?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "ya") {
            return Err(CliError::other("not deleted"));
        }
    }
    data.delete(&id)?;
    print::err(&format!("deleted {id}"));
    Ok(())
}

fn plan_check(files: &[PathBuf]) -> Result<(), CliError> {
    let mut failed = false;
    for file in files {
        let name = file.display().to_string();
        let src = match std::fs::read_to_string(file) {
            Ok(s) => s,
            Err(e) => {
                print::err(&plan::unreadable(&name, &e));
                failed = true;
                continue;
            }
        };
        match plan::parse(&src, &name) {
            Ok(p) => print::out(&format!(
                "{name}: ok — {} participants, {} agenda items, {} minutes{}",
                p.participants.len(),
                p.agenda.len(),
                p.planned_minutes(),
                p.jury_summary()
            )),
            Err(errors) => {
                failed = true;
                for e in errors {
                    print::err(&e.to_string());
                }
            }
        }
    }
    if failed {
        Err(CliError {
            code: 2,
            message: String::new(),
            bare: true,
        })
    } else {
        Ok(())
    }
}
