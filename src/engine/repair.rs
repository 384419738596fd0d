//! `fgd repair`'s rules: which events a damaged session can get back — its
//! `session.json` backup and its journal merged, the longest run from event
//! 1 on, checked as an import is — and the rebuild of its database from
//! them (the store keeps the damaged one aside). Also counts them for the
//! refusal of a damaged session, so it can say what the repair brings back.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::domain::{Recorded, Seq, replay};
use crate::export::json;
use crate::store::journal::{self, JOURNAL_FILE};
use crate::store::{DataDir, Meta, StoreError, repair};

use super::Engine;

/// Why a session was not repaired.
#[derive(Debug, Error)]
pub enum RepairError {
    /// It opens: there is nothing to repair.
    #[error("session {0} opens as it is; there is nothing to repair")]
    Healthy(String),
    /// Neither the journal nor the backup holds its first event.
    #[error("session {0} has no journal or backup to rebuild it from; nothing was changed")]
    Nothing(String),
    /// What they hold does not make a session.
    #[error(
        "the events of {id} recovered from its journal and backup don't make a session: {why}; nothing was changed"
    )]
    Inconsistent {
        /// Session id.
        id: String,
        /// Why.
        why: json::ReadError,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A repair done: how many events came back and where the damaged
/// database was kept.
#[derive(Debug)]
pub struct Repaired {
    /// Events in the rebuilt log.
    pub events: usize,
    /// The damaged database, renamed aside.
    pub kept: Option<std::path::PathBuf>,
}

/// The events session `id` can get back from its backup and journal: both
/// merged by seq (the journal's line wins: it is what the database held),
/// from event 1 to the first one missing.
pub fn recoverable(data: &DataDir, id: &str) -> Vec<Recorded> {
    let dir = data.session_dir(id);
    let mut by_seq: BTreeMap<Seq, Recorded> = BTreeMap::new();
    if let Ok(bytes) = std::fs::read(dir.join("session.json"))
        && let Ok((_, events)) = json::read(&bytes)
    {
        by_seq.extend(events.into_iter().map(|r| (r.seq, r)));
    }
    for rec in journal::read(&dir.join(JOURNAL_FILE)) {
        by_seq.insert(rec.seq, rec);
    }
    by_seq
        .into_values()
        .zip(1..)
        .take_while(|(r, n)| r.seq == *n)
        .map(|(r, _)| r)
        .collect()
}

/// A damaged session's refusal with the count of what `fgd repair` brings back.
pub(super) fn counted(data: &DataDir, e: StoreError) -> StoreError {
    match e {
        StoreError::Corrupt { id, detail } => StoreError::Damaged {
            recoverable: recoverable(data, &id).len(),
            id,
            detail,
        },
        other => other,
    }
}

/// Rebuilds the database of a session that can't be opened from its
/// journal and backup, keeping the damaged one aside.
pub fn repair(data: &DataDir, id: &str, now: DateTime<Utc>) -> Result<Repaired, RepairError> {
    match Engine::open(data, id) {
        Ok(_) => return Err(RepairError::Healthy(id.to_owned())),
        Err(StoreError::Damaged { .. } | StoreError::Corrupt { .. }) => {}
        Err(e) => return Err(e.into()),
    }
    let events = recoverable(data, id);
    if events.is_empty() {
        return Err(RepairError::Nothing(id.to_owned()));
    }
    // Checked as an import is: a session that typing could make.
    let session = replay(&events);
    let backup = json::render(&session, &events);
    let (session, events) = json::import(&backup).map_err(|why| RepairError::Inconsistent {
        id: id.to_owned(),
        why,
    })?;
    let meta = Meta::of(&session, session.last_at.unwrap_or(now));
    let rebuilt = repair::rebuild(data, id, &events, &meta, &backup, now)?;
    Ok(Repaired {
        events: events.len(),
        kept: rebuilt.kept,
    })
}
