//! Rebuilding a damaged session's database from events recovered elsewhere
//! (the journal and the `session.json` backup, read by the engine): the
//! damaged `db/` is renamed aside (`db.damaged-TIME`, never deleted), a
//! fresh one is made of the events, and the journal, backup and
//! `meta.json` are rewritten to match. Must not know the FGD's rules.

use std::fs;
use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::journal::{self, JOURNAL_FILE};
use super::{DataDir, EventLog, Meta, SessionLock, StoreError, fsutil, meta, write_atomic};
use crate::domain::Recorded;

/// What a rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// Where the damaged database now is (none when there was no `db/`).
    pub kept: Option<PathBuf>,
}

/// Replaces the database of session `id` with one made of `events`,
/// keeping the old one aside. Takes the session's lock.
pub fn rebuild(
    data: &DataDir,
    id: &str,
    events: &[Recorded],
    meta: &Meta,
    backup: &[u8],
    now: DateTime<Utc>,
) -> Result<Rebuilt, StoreError> {
    let dir = data.session_dir(id);
    super::owner::check_private(&dir)?;
    let _lock = SessionLock::acquire(&dir.join("lock"), id)?;
    let db = dir.join("db");
    let kept = if fs::symlink_metadata(&db).is_ok() {
        let stamp = now.format("%Y%m%dT%H%M%S");
        let aside = (1..=u32::MAX)
            .map(|n| match n {
                1 => dir.join(format!("db.damaged-{stamp}")),
                n => dir.join(format!("db.damaged-{stamp}-{n}")),
            })
            .find(|p| fs::symlink_metadata(p).is_err())
            .unwrap_or_else(|| dir.join("db.damaged"));
        fs::rename(&db, &aside).map_err(|e| StoreError::io(&db, e))?;
        fsutil::sync_dir(&dir).map_err(|e| StoreError::io(&dir, e))?;
        Some(aside)
    } else {
        None
    };
    let mut log = EventLog::create(&db, id)?;
    let lines = log.append(events)?;
    drop(log);
    fsutil::make_private_tree(&db);
    let path = dir.join(JOURNAL_FILE);
    journal::write_all(&path, &lines).map_err(|e| StoreError::io(&path, e))?;
    let path = dir.join("session.json");
    write_atomic(&path, backup).map_err(|e| StoreError::io(&path, e))?;
    meta::write(&dir, meta)?;
    Ok(Rebuilt { kept })
}
