//! Why the store could not do what was asked ([`StoreError`]), worded for the
//! person who has to fix it. Owns the hints for I/O errors a user can fix;
//! must not name sled (`log.rs` turns sled's errors into these).

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::domain::Seq;

/// Why the store could not do what was asked.
#[derive(Debug, Error)]
pub enum StoreError {
    /// No session with this id or prefix.
    #[error("no session `{0}`; `fgd list` shows the sessions there are")]
    Unknown(String),
    /// A prefix that matches several sessions.
    #[error("`{prefix}` matches more than one session: {}; type more of the id", matches.join(", "))]
    Ambiguous {
        /// What was typed.
        prefix: String,
        /// The ids it matches.
        matches: Vec<String>,
    },
    /// Another process has the session open.
    #[error(
        "session {id} is in use by {} ({command}); to work on it alongside, run `fgd join {id}`",
        pid.map_or_else(|| "another process".to_owned(), |p| format!("process {p}"))
    )]
    Locked {
        /// Session id.
        id: String,
        /// Holder's pid.
        pid: Option<u32>,
        /// Holder's command line.
        command: String,
    },
    /// A database written by a newer fgd.
    #[error(
        "session {id} was written by a newer fgd (schema {found}; this one reads up to {supported}); \
         nothing was changed: use a newer fgd to open it"
    )]
    NewerSchema {
        /// Session id.
        id: String,
        /// Its schema.
        found: u32,
        /// Ours.
        supported: u32,
    },
    /// A database that cannot be read.
    #[error(
        "session {id} can't be opened: {detail}. Nothing was changed; restore it from its backup \
         with `fgd import <data dir>/sessions/{id}/session.json` after moving the damaged directory aside"
    )]
    Corrupt {
        /// Session id.
        id: String,
        /// What is wrong.
        detail: String,
    },
    /// Creating a session whose id is taken.
    #[error("a session with id {0} already exists")]
    Exists(String),
    /// An append whose seq does not follow on (a bug).
    #[error("internal error: event {got} appended where {expected} was expected")]
    OutOfOrder {
        /// Expected seq.
        expected: Seq,
        /// Given seq.
        got: Seq,
    },
    /// An event that cannot be encoded (a bug).
    #[error("internal error: can't encode an event: {0}")]
    Encode(String),
    /// The database engine failed.
    #[error("the database of {id} failed: {detail}")]
    Db {
        /// Session id.
        id: String,
        /// Error text.
        detail: String,
    },
    /// A file operation failed.
    #[error("{}: {source}{}", path.display(), io_hint(source.kind()))]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
}

impl StoreError {
    pub(crate) fn io(path: &Path, source: io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_owned(),
            source,
        }
    }

    /// Whether the user caused this (exit status 2) rather than the system (1).
    pub fn is_user_error(&self) -> bool {
        matches!(self, StoreError::Unknown(_) | StoreError::Ambiguous { .. })
    }
}

/// What to do about a failed file operation, for the kinds a user can fix.
pub(crate) fn io_hint(kind: io::ErrorKind) -> &'static str {
    match kind {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            "; fgd can't write there: make the data directory writable for you, \
             or choose another with --data-dir DIR (or FGD_DATA_DIR)"
        }
        io::ErrorKind::StorageFull | io::ErrorKind::FileTooLarge | io::ErrorKind::QuotaExceeded => {
            "; the disk is full (or a file size limit was reached): free some space \
             and run the command again (everything saved before is kept)"
        }
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_a_user_can_fix_say_what_to_do() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let e = StoreError::io(Path::new("/data/sessions/x"), denied);
        assert!(
            e.to_string()
                .contains("make the data directory writable for you"),
            "{e}"
        );
        let full = io::Error::from(io::ErrorKind::StorageFull);
        let e = StoreError::io(Path::new("/data/sessions/x/db"), full);
        assert!(e.to_string().contains("the disk is full"), "{e}");
    }
}
