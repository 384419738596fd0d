//! `session.json`: the whole session, lossless and versioned. It holds the
//! event log (the truth, from which `fgd import` rebuilds the session) and,
//! for readers that do not want to fold events, the state it folds to.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::{Event, Record, RecordKind, Recorded, Session, replay};

/// Identifies the file's format.
pub const FORMAT: &str = "fgd-session";
/// The version this build writes and the newest it reads.
/// 3: actions carry a progress note and where a carried one came from,
/// sessions a series; a file of version 2 reads as before.
pub const VERSION: u32 = 3;

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    id: &'a str,
    session: &'a Session,
    events: &'a [Recorded],
}

#[derive(Deserialize)]
struct In {
    format: String,
    version: u32,
    events: Vec<Recorded>,
}

/// Why a `session.json` can't be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReadError {
    /// Not JSON, or not the expected shape.
    #[error("not an fgd session file: {0}")]
    Malformed(String),
    /// Written by a newer fgd.
    #[error(
        "written by a newer fgd (format version {found}; this one reads up to {supported}); use a newer fgd"
    )]
    Newer {
        /// Its version.
        found: u32,
        /// Ours.
        supported: u32,
    },
    /// Events that do not make a session.
    #[error("its event log is inconsistent: {0}")]
    Inconsistent(String),
    /// A session id that can't name a directory.
    #[error("its session id `{0}` can't be used as a directory name")]
    BadId(String),
}

/// Renders the session file: compact JSON (it is for fgd and tools to read
/// back; `jq .` shows it indented), with a final newline.
pub fn render(session: &Session, events: &[Recorded]) -> Vec<u8> {
    let out = Out {
        format: FORMAT,
        version: VERSION,
        id: &session.info.id,
        session,
        events,
    };
    // About 250 bytes an event, and as much again for the state.
    let mut bytes = Vec::with_capacity(512 * events.len() + 4096);
    if serde_json::to_writer(&mut bytes, &out).is_err() {
        return Vec::new();
    }
    bytes.push(b'\n');
    bytes
}

/// Reads only the state a session file holds (not its events): what the
/// action register needs, fast even for a long log.
pub fn read_state(bytes: &[u8]) -> Result<Session, ReadError> {
    #[derive(Deserialize)]
    struct State {
        format: String,
        version: u32,
        session: Session,
    }
    let s: State =
        serde_json::from_slice(bytes).map_err(|e| ReadError::Malformed(e.to_string()))?;
    if s.format != FORMAT {
        return Err(ReadError::Malformed(format!(
            "its \"format\" is not \"{FORMAT}\""
        )));
    }
    if s.version > VERSION {
        return Err(ReadError::Newer {
            found: s.version,
            supported: VERSION,
        });
    }
    Ok(s.session)
}

/// Reads a session file back into its events and the session they make.
pub fn read(bytes: &[u8]) -> Result<(Session, Vec<Recorded>), ReadError> {
    let probe: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ReadError::Malformed(e.to_string()))?;
    if probe.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ReadError::Malformed(format!(
            "its \"format\" is not \"{FORMAT}\""
        )));
    }
    if let Some(v) = probe.get("version").and_then(serde_json::Value::as_u64)
        && v > u64::from(VERSION)
    {
        return Err(ReadError::Newer {
            found: u32::try_from(v).unwrap_or(u32::MAX),
            supported: VERSION,
        });
    }
    let file: In =
        serde_json::from_value(probe).map_err(|e| ReadError::Malformed(e.to_string()))?;
    debug_assert_eq!(file.format, FORMAT);
    let _ = file.version;
    for (i, rec) in file.events.iter().enumerate() {
        if rec.seq != i as u64 + 1 {
            return Err(ReadError::Inconsistent(format!(
                "event {} has seq {}",
                i + 1,
                rec.seq
            )));
        }
        if i > 0 && rec.at < file.events[i - 1].at {
            return Err(ReadError::Inconsistent(format!(
                "event {} is earlier than the one before",
                rec.seq
            )));
        }
    }
    match file.events.first().map(|r| &r.event) {
        Some(Event::Created { .. }) => {}
        _ => {
            return Err(ReadError::Inconsistent(
                "it does not start with the session's creation".into(),
            ));
        }
    }
    if let Some(rec) = file.events[1..]
        .iter()
        .find(|r| matches!(r.event, Event::Created { .. }))
    {
        return Err(ReadError::Inconsistent(format!(
            "event {} creates the session again",
            rec.seq
        )));
    }
    let session = replay(&file.events);
    Ok((session, file.events))
}

/// Reads a session file for `fgd import`: as [`read`], then every text in
/// its events is cleaned as typed text is (control characters, escape
/// sequences and bidi overrides go), each event must be what its command
/// would have recorded (`domain::redecide`: the log is replayed through
/// `decide`), and the session they make must keep the invariants, number its records 1, 2, 3 … and have an id that
/// can name a directory.
pub fn import(bytes: &[u8]) -> Result<(Session, Vec<Recorded>), ReadError> {
    let (_, events) = read(bytes)?;
    // The log runs forward in time, so its last event is the latest.
    if let Some(last) = events.last() {
        crate::domain::limits::not_ahead(last.at, chrono::Utc::now())
            .map_err(|e| ReadError::Inconsistent(format!("event {}: {e}", last.seq)))?;
    }
    let events: Vec<Recorded> = events
        .iter()
        .map(Recorded::cleaned)
        .collect::<Result<_, _>>()
        .map_err(|e| ReadError::Inconsistent(e.to_string()))?;
    // Each event must be what its command would have recorded.
    let session =
        crate::domain::redecide(&events).map_err(|e| ReadError::Inconsistent(e.to_string()))?;
    let now = session.clock_end(session.last_at.unwrap_or_default());
    session
        .check_invariants(now)
        .map_err(|e| ReadError::Inconsistent(e.to_string()))?;
    for kind in RecordKind::ALL {
        let numbers = session.records_of(kind).map(Record::number).zip(1..);
        if let Some((id, n)) = numbers.into_iter().find(|(id, n)| id != n) {
            return Err(ReadError::Inconsistent(format!(
                "{} {n} is numbered {id}",
                numbering_name(kind)
            )));
        }
    }
    if !super::is_plain_name(&session.info.id) {
        return Err(ReadError::BadId(session.info.id.clone()));
    }
    Ok((session, events))
}

/// How the numbering check names a record of `kind`.
fn numbering_name(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Action => "action",
        RecordKind::Note
        | RecordKind::Mindset
        | RecordKind::Decision
        | RecordKind::Conclusion
        | RecordKind::Idea => kind.name(),
    }
}
