//! The data directory: where every session lives (`DATA_DIR/sessions/ID/`),
//! listing the sessions, resolving a typed id or prefix, free ids, deleting a
//! session. Must not open a session's log: it reads only `meta.json`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Meta, SessionLock, StoreError, fsutil, meta, owner};

/// How the temporary directory of a session being made starts
/// (`.new-PID-N`, renamed to the id when whole).
pub(crate) const NEW_PREFIX: &str = ".new-";

/// The data directory: where every session lives.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// A data directory at `root` (created when a session is first stored).
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// Its path.
    pub fn root(&self) -> &Path {
        &self.root
    }

    pub(crate) fn sessions(&self) -> PathBuf {
        self.root.join("sessions")
    }

    /// Makes `sessions/` (0700) if need be, after checking that no other
    /// user can change the data directory or it, and removes what a killed
    /// `fgd new` or `fgd import` left (a `.new-PID-N` of a process that is
    /// gone). Gives the sessions directory.
    pub(crate) fn prepare(&self) -> Result<PathBuf, StoreError> {
        let sessions = self.sessions();
        if fs::symlink_metadata(&sessions).is_err() {
            fsutil::create_private_dir_all(&self.root)
                .map_err(|e| StoreError::io(&self.root, e))?;
            owner::check_parent(&self.root)?;
            match fsutil::create_private_dir(&sessions) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(StoreError::io(&sessions, e)),
            }
        }
        self.check()?;
        self.remove_leftovers();
        Ok(sessions)
    }

    /// Refuses a data directory another user could change.
    pub fn check(&self) -> Result<(), StoreError> {
        owner::check_parent(&self.root)?;
        owner::check_private(&self.sessions())?;
        Ok(())
    }

    /// Removes the temporary directories of sessions being made by
    /// processes that are gone.
    fn remove_leftovers(&self) {
        let Ok(entries) = fs::read_dir(self.sessions()) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(pid) = name
                .to_str()
                .and_then(|n| n.strip_prefix(NEW_PREFIX))
                .and_then(|n| n.split('-').next())
                .and_then(|p| p.parse::<u32>().ok())
            else {
                continue;
            };
            if !super::lock::alive(pid) {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }

    /// The bytes of session `id`'s `session.json` backup (what `fgd
    /// actions` reads, so a live session is never opened).
    pub fn read_backup(&self, id: &str) -> Result<Vec<u8>, StoreError> {
        let path = self.session_dir(id).join(super::session::BACKUP_FILE);
        fs::read(&path).map_err(|e| StoreError::io(&path, e))
    }

    /// The directory of session `id`.
    pub fn session_dir(&self, id: &str) -> PathBuf {
        self.sessions().join(id)
    }

    /// The summaries of every session, newest date first. A directory without
    /// a readable `meta.json` is skipped.
    pub fn list(&self) -> Result<Vec<Meta>, StoreError> {
        let dir = self.sessions();
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(vec![]),
            Err(e) => return Err(StoreError::io(&dir, e)),
        };
        self.remove_leftovers();
        let mut metas: Vec<Meta> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter_map(|e| meta::read(&e.path()))
            // A summary must name its own directory (never an empty id).
            .filter(|m| !m.id.is_empty())
            .collect();
        metas.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
        Ok(metas)
    }

    /// Ids of the session directories there are.
    fn ids(&self) -> Result<Vec<String>, StoreError> {
        let dir = self.sessions();
        match fs::read_dir(&dir) {
            Ok(e) => Ok(e
                .filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| !n.starts_with('.'))
                .collect()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(vec![]),
            Err(e) => Err(StoreError::io(&dir, e)),
        }
    }

    /// The session a user means: the exact id, else the only id that starts
    /// with `prefix` (or whose part after the date does).
    pub fn resolve(&self, prefix: &str) -> Result<String, StoreError> {
        let prefix = prefix.trim();
        let ids = self.ids()?;
        if prefix.is_empty() {
            return Err(StoreError::Unknown(prefix.to_owned()));
        }
        if ids.iter().any(|i| i == prefix) {
            return Ok(prefix.to_owned());
        }
        let mut matches: Vec<String> = ids
            .into_iter()
            .filter(|id| {
                id.starts_with(prefix)
                    || after_date(id).is_some_and(|rest| rest.starts_with(prefix))
            })
            .collect();
        matches.sort();
        match matches.len() {
            0 => Err(StoreError::Unknown(prefix.to_owned())),
            1 => Ok(matches.remove(0)),
            _ => Err(StoreError::Ambiguous {
                prefix: prefix.to_owned(),
                matches,
            }),
        }
    }

    /// Whether a session directory with this id exists.
    pub fn exists(&self, id: &str) -> bool {
        self.session_dir(id).exists()
    }

    /// A free id `base`, `base-2`, `base-3` …
    pub fn free_id(&self, base: &str) -> String {
        (1..=u32::MAX)
            .map(|n| {
                if n == 1 {
                    base.to_owned()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|id| !self.exists(id))
            .unwrap_or_else(|| base.to_owned())
    }

    /// Removes a session and its data. Takes its lock first, so a session in
    /// use is refused.
    pub fn delete(&self, id: &str) -> Result<(), StoreError> {
        let dir = self.session_dir(id);
        let _lock = SessionLock::acquire(&dir.join("lock"), id)?;
        fs::remove_dir_all(&dir).map_err(|e| StoreError::io(&dir, e))
    }
}

/// The part of an id after a leading `YYYY-MM-DD-`.
fn after_date(id: &str) -> Option<&str> {
    let (date, rest) = (id.get(..10)?, id.get(11..)?);
    (NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok() && id.as_bytes().get(10) == Some(&b'-'))
        .then_some(rest)
}
