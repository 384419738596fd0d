//! `fgd apply`: commands as JSON lines, one answer line each (`ok SEQ` or
//! `error LINE: reason`), the session held from before the first line is
//! read until the end of input.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use chrono::{DateTime, Utc};

use super::CliError;
use crate::domain::{Actor, Command};
use crate::engine::{Engine, ExecError};
use crate::store::DataDir;

/// One decoded input line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplyLine {
    /// The command.
    pub command: Command,
    /// Its time, if given (`at`, RFC 3339).
    pub at: Option<DateTime<Utc>>,
}

/// Decodes one line: a JSON object with a `cmd`, its fields, and an optional `at`.
pub fn parse_line(line: &str) -> Result<ApplyLine, String> {
    let mut value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
        format!("not valid JSON ({e}); each line is one JSON object like {{\"cmd\":\"start\"}}")
    })?;
    let obj = value
        .as_object_mut()
        .ok_or_else(|| "each line must be a JSON object like {\"cmd\":\"start\"}".to_owned())?;
    let at = match obj.remove("at") {
        None => None,
        Some(serde_json::Value::String(s)) => Some(
            DateTime::parse_from_rfc3339(&s)
                .map_err(|e| {
                    format!("`at` must be an RFC 3339 time like 2026-11-23T09:00:00+07:00 ({e})")
                })?
                .with_timezone(&Utc),
        ),
        Some(_) => {
            return Err("`at` must be a string like \"2026-11-23T09:00:00+07:00\"".to_owned());
        }
    };
    match obj.get("cmd") {
        None => return Err("the object has no \"cmd\"; e.g. {\"cmd\":\"start\"}".to_owned()),
        Some(serde_json::Value::String(c)) if c == "create" => {
            return Err("sessions are created with `fgd new`, not with apply".to_owned());
        }
        _ => {}
    }
    let keys: Vec<String> = obj.keys().cloned().collect();
    let command: Command = serde_json::from_value(value).map_err(|e| explain(&e.to_string()))?;
    // serde ignores extra fields of field-less commands: check every key
    // against the command's own fields.
    let known = serde_json::to_value(&command).unwrap_or_default();
    if let Some(extra) = keys.iter().find(|k| known.get(k.as_str()).is_none()) {
        let cmd = known
            .get("cmd")
            .and_then(|c| c.as_str())
            .unwrap_or("this command");
        return Err(format!(
            "unknown field `{extra}` for {cmd}; check the spelling"
        ));
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

/// Where the lines go: the session opened here, or the host holding it.
enum Target {
    Local(Box<Engine>),
    #[cfg(unix)]
    Host(Box<crate::live::Client>),
}

/// A line's fate: its seq, refused by the rules (go on), or not stored (stop).
enum Outcome {
    Done(crate::domain::Seq),
    Refused(String),
    NotStored(String, CliError),
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
                let result = match at {
                    Some(at) => engine.execute(command, at, Actor::Script),
                    None => engine.execute_now(command, Utc::now(), Actor::Script),
                };
                match result {
                    Ok(seq) => Outcome::Done(seq),
                    Err(ExecError::Domain(e)) => Outcome::Refused(e.to_string()),
                    Err(ExecError::Store(e)) => Outcome::NotStored(e.to_string(), e.into()),
                }
            }
            #[cfg(unix)]
            Target::Host(client) => match client.execute(command, at) {
                Ok(seq) => Outcome::Done(seq),
                Err(crate::live::Rejection::Rule(e)) => Outcome::Refused(e.to_string()),
                Err(crate::live::Rejection::Failed(why)) => {
                    Outcome::NotStored(why.clone(), CliError::other(why))
                }
            },
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

pub fn run(data: &DataDir, id: &str, file: Option<&Path>) -> Result<(), CliError> {
    let id = data.resolve(id)?;
    let mut target = Target::open(data, &id)?;
    let input: Box<dyn BufRead> = match file {
        Some(f) => {
            Box::new(BufReader::new(std::fs::File::open(f).map_err(|e| {
                CliError::usage(format!("can't read {}: {e}", f.display()))
            })?))
        }
        None => Box::new(std::io::stdin().lock()),
    };
    let mut out = std::io::stdout().lock();
    let mut refused = 0usize;
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| CliError::other(format!("can't read the input: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let answer = match parse_line(&line) {
            Err(reason) => Err(reason),
            Ok(ApplyLine { command, at }) => match target.apply(command, at) {
                Outcome::Done(seq) => Ok(seq),
                Outcome::Refused(reason) => Err(reason),
                Outcome::NotStored(why, error) => {
                    let _ = writeln!(out, "error {}: not stored: {why}", n + 1);
                    return Err(error);
                }
            },
        };
        match answer {
            Ok(seq) => writeln!(out, "ok {seq}"),
            Err(reason) => {
                refused += 1;
                writeln!(out, "error {}: {}", n + 1, reason.replace('\n', " "))
            }
        }
        .and_then(|()| out.flush())
        .map_err(|e| CliError::other(format!("can't write the answers: {e}")))?;
        if let Some(w) = target.take_warning() {
            eprintln!("fgd: warning: {w}");
        }
    }
    if refused > 0 {
        return Err(CliError::usage(format!(
            "{refused} line(s) refused; the others were applied"
        )));
    }
    Ok(())
}
