//! `fgd apply`: commands as JSON lines, one answer line each (`ok SEQ` or
//! `error LINE: reason`), the session held from before the first line is
//! read until the end of input.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::CliError;
use crate::domain::{Actor, Command, Language};
use crate::engine::{Engine, NotStored, Refusal, When};
use crate::i18n::outcome;
use crate::store::DataDir;

/// One decoded input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyLine {
    /// The command.
    pub command: Command,
    /// Its time, if given (`at`, RFC 3339).
    pub at: Option<DateTime<Utc>>,
}

/// Why an input line is not a command.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LineError {
    /// Not JSON at all.
    #[error("not valid JSON ({0}); each line is one JSON object like {{\"cmd\":\"start\"}}")]
    NotJson(String),
    /// Bytes that are not UTF-8 text.
    #[error("the line is not UTF-8 text; save the input as UTF-8")]
    NotUtf8,
    /// The same key twice in one object.
    #[error("the key `{0}` is given twice; give each field once")]
    DuplicateKey(String),
    /// JSON, but not an object.
    #[error("each line must be a JSON object like {{\"cmd\":\"start\"}}")]
    NotObject,
    /// An `at` that is not an RFC 3339 time.
    #[error("`at` must be an RFC 3339 time like 2026-11-23T09:00:00+07:00 ({0})")]
    BadTime(String),
    /// An `at` that is not a string.
    #[error("`at` must be a string like \"2026-11-23T09:00:00+07:00\"")]
    TimeNotText,
    /// No `cmd`.
    #[error("the object has no \"cmd\"; e.g. {{\"cmd\":\"start\"}}")]
    NoCommand,
    /// `create`, which only `fgd new` does.
    #[error("sessions are created with `fgd new`, not with apply")]
    Create,
    /// A command that does not decode (serde's words, reworded).
    #[error("{0}")]
    Undecodable(String),
    /// A field the command does not have.
    #[error("unknown field `{field}` for {command}; check the spelling")]
    UnknownField {
        /// The field.
        field: String,
        /// The command's name.
        command: String,
    },
}

/// Decodes one line: a JSON object with a `cmd`, its fields, and an optional `at`.
pub fn parse_line(line: &str) -> Result<ApplyLine, LineError> {
    let mut value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| LineError::NotJson(e.to_string()))?;
    if let Some(key) = super::json_keys::first_duplicate(line) {
        return Err(LineError::DuplicateKey(key));
    }
    let obj = value.as_object_mut().ok_or(LineError::NotObject)?;
    let at = match obj.remove("at") {
        None => None,
        Some(serde_json::Value::String(s)) => Some(
            DateTime::parse_from_rfc3339(&s)
                .map_err(|e| LineError::BadTime(e.to_string()))?
                .with_timezone(&Utc),
        ),
        Some(_) => return Err(LineError::TimeNotText),
    };
    match obj.get("cmd") {
        None => return Err(LineError::NoCommand),
        Some(serde_json::Value::String(c)) if c == "create" => return Err(LineError::Create),
        _ => {}
    }
    let keys: Vec<String> = obj.keys().cloned().collect();
    let command: Command = serde_json::from_value(value)
        .map_err(|e| LineError::Undecodable(explain(&e.to_string())))?;
    // serde ignores extra fields of field-less commands: check every key
    // against the command's own fields.
    let known = serde_json::to_value(&command).unwrap_or_default();
    if let Some(extra) = keys.iter().find(|k| known.get(k.as_str()).is_none()) {
        let cmd = known
            .get("cmd")
            .and_then(|c| c.as_str())
            .unwrap_or("this command");
        return Err(LineError::UnknownField {
            field: extra.clone(),
            command: cmd.to_owned(),
        });
    }
    Ok(ApplyLine { command, at })
}

/// Rewords serde's messages for people typing commands.
fn explain(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (name, list) = rest.split_once(", expected one of ").unwrap_or((rest, ""));
        let names: Vec<&str> = list
            .split(", ")
            .map(|n| n.trim_matches('`'))
            .filter(|n| !n.is_empty() && *n != "create")
            .collect();
        return if names.contains(&"start") {
            format!(
                "unknown command {name}; the commands are: {}",
                names.join(", ")
            )
        } else {
            format!("unknown value {name}; use one of: {}", names.join(", "))
        };
    }
    message.to_owned()
}

/// How long a line sent through the host waits for its answer (the host
/// frozen, or restarting) before it is reported as maybe not stored.
#[cfg(unix)]
const HOST_PATIENCE: std::time::Duration = std::time::Duration::from_secs(120);

/// Where the lines go: the session opened here, or the host holding it.
enum Target {
    Local(Box<Engine>),
    #[cfg(unix)]
    Host(Box<crate::live::Client>),
}

/// A line's fate: its seq, refused by the rules (go on), not stored (stop),
/// or not known to be stored after waiting for the host (stop).
enum Outcome {
    Done(crate::domain::Seq),
    Refused(String),
    NotStored(String, CliError),
    Unsure(String, CliError),
}

impl Outcome {
    /// A line's fate, in the CLI's words (English): the rules' own text for
    /// a refusal; the store's error as it is, or what the host said.
    fn of(result: Result<crate::domain::Seq, Refusal>) -> Outcome {
        match result {
            Ok(seq) => Outcome::Done(seq),
            Err(Refusal::Rule(e)) => Outcome::Refused(e.to_string()),
            Err(Refusal::NotStored(NotStored::Store(e))) => {
                Outcome::NotStored(e.to_string(), CliError::from(&*e))
            }
            Err(
                refusal @ Refusal::NotStored(
                    NotStored::Host(_) | NotStored::Disconnected | NotStored::ConnectionLost,
                ),
            ) => {
                let why = outcome::refusal(Language::En, &refusal).unwrap_or_default();
                Outcome::NotStored(why.clone(), CliError::other(why))
            }
            Err(refusal @ Refusal::Unsure(_)) => {
                let why = outcome::refusal(Language::En, &refusal).unwrap_or_default();
                Outcome::Unsure(why.clone(), CliError::other(why))
            }
        }
    }
}

impl Target {
    fn open(data: &DataDir, id: &str) -> Result<Target, CliError> {
        match Engine::open(data, id) {
            Ok(engine) => Ok(Target::Local(Box::new(engine))),
            #[cfg(unix)]
            Err(locked @ crate::store::StoreError::Locked { .. }) => {
                match super::join::connect(data, id, Actor::Script, crate::live::no_wake()) {
                    Ok(client) => Ok(Target::Host(Box::new(client))),
                    // Held by something that is not a live host (another apply).
                    Err(crate::live::JoinError::NotLive) => Err(locked.into()),
                    Err(e) => Err(super::join::join_error(id, e)),
                }
            }
            Err(e) => Err(e.into()),
        }
    }

    fn apply(&mut self, command: Command, at: Option<DateTime<Utc>>) -> Outcome {
        match self {
            Target::Local(engine) => {
                let when = When::given_or_now(at, Utc::now());
                Outcome::of(
                    engine
                        .execute(command, when, Actor::Script)
                        .map(|done| done.seq),
                )
            }
            // No answer is not "not stored": wait for the host, reconnect
            // and ask again about the same command (the host records it once).
            #[cfg(unix)]
            Target::Host(client) => {
                Outcome::of(client.execute_patiently(&command, at, HOST_PATIENCE))
            }
        }
    }

    fn take_warning(&mut self) -> Option<String> {
        match self {
            Target::Local(engine) => engine.take_warning().map(|w| w.to_string()),
            #[cfg(unix)]
            Target::Host(_) => None,
        }
    }
}

/// The input: `--file F` (refused before the session is opened when it is
/// not a readable file) or stdin.
fn input(file: Option<&Path>) -> Result<Box<dyn BufRead>, CliError> {
    let Some(f) = file else {
        return Ok(Box::new(std::io::stdin().lock()));
    };
    let cant = |e: &dyn std::fmt::Display| {
        CliError::usage(format!(
            "can't read {}: {e}; give --file a file of JSON lines",
            f.display()
        ))
    };
    if f.is_dir() {
        return Err(cant(&"it is a directory"));
    }
    let file = std::fs::File::open(f).map_err(|e| cant(&e))?;
    Ok(Box::new(BufReader::new(file)))
}

/// The next input line as bytes, without its line end; `None` at the end.
fn next_line(input: &mut dyn BufRead, buf: &mut Vec<u8>) -> Result<Option<()>, CliError> {
    buf.clear();
    let n = input
        .read_until(b'\n', buf)
        .map_err(|e| CliError::other(format!("can't read the input: {e}")))?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(Some(()))
}

pub fn run(data: &DataDir, id: &str, file: Option<&Path>) -> Result<(), CliError> {
    let id = data.resolve(id)?;
    let mut input = input(file)?;
    let mut target = Target::open(data, &id)?;
    let mut out = std::io::stdout().lock();
    let mut refused = 0usize;
    let mut bytes = Vec::new();
    let mut n = 0usize;
    while next_line(&mut input, &mut bytes)?.is_some() {
        n += 1;
        // A line that is not UTF-8 is refused on its own; the next goes on.
        let Ok(line) = std::str::from_utf8(&bytes) else {
            refused += 1;
            answer(&mut out, &format!("error {n}: {}", LineError::NotUtf8))?;
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        let answer_line = match parse_line(line) {
            Err(reason) => Err(reason.to_string()),
            Ok(ApplyLine { command, at }) => match target.apply(command, at) {
                Outcome::Done(seq) => Ok(seq),
                Outcome::Refused(reason) => Err(reason),
                Outcome::NotStored(why, error) => {
                    let _ = answer(&mut out, &format!("error {n}: not stored: {why}"));
                    return Err(error);
                }
                Outcome::Unsure(why, error) => {
                    let _ = writeln!(out, "error {}: {why}", n + 1);
                    return Err(error);
                }
            },
        };
        match answer_line {
            Ok(seq) => answer(&mut out, &format!("ok {seq}"))?,
            Err(reason) => {
                refused += 1;
                answer(
                    &mut out,
                    &format!("error {n}: {}", reason.replace('\n', " ")),
                )?;
            }
        }
        if let Some(w) = target.take_warning() {
            super::print::err(&format!("fgd: warning: {w}"));
        }
    }
    if refused > 0 {
        return Err(CliError::usage(format!(
            "{refused} line(s) refused; the others were applied"
        )));
    }
    Ok(())
}

/// Writes one answer line, made terminal-safe (it may echo a command name,
/// a field, a kind or a participant from the input), and flushes it so the
/// sender has it at once.
fn answer(out: &mut impl Write, text: &str) -> Result<(), CliError> {
    super::print::line(out, text)
        .and_then(|()| out.flush())
        .map_err(|e| CliError::other(format!("can't write the answers: {e}")))
}
