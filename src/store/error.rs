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
    #[error("{}", locked_message(id, *pid, command, *joinable))]
    Locked {
        /// Session id.
        id: String,
        /// Holder's pid (none when no living process is recorded).
        pid: Option<u32>,
        /// Holder's command line (empty when unknown).
        command: String,
        /// Whether the holder is `fgd run`, which `fgd join` can join.
        joinable: bool,
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
        "session {id} can't be opened: {detail}. Nothing was changed; `fgd repair {id}` rebuilds \
         it from its journal and backup, keeping the damaged database aside"
    )]
    Corrupt {
        /// Session id.
        id: String,
        /// What is wrong.
        detail: String,
    },
    /// A database that cannot be read, with what the repair would restore.
    #[error(
        "session {id} can't be opened: {detail}. Nothing was changed; `fgd repair {id}` brings \
         back {recoverable} event(s) from its journal and backup, keeping the damaged database aside"
    )]
    Damaged {
        /// Session id.
        id: String,
        /// What is wrong.
        detail: String,
        /// How many events `fgd repair` would restore.
        recoverable: usize,
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
    /// A directory another user could change.
    #[error(
        "{0}; fgd keeps sessions only where no one else can change them: make it yours \
         and private (`chmod go-w`), or choose another with --data-dir DIR (or FGD_DATA_DIR)"
    )]
    Unsafe(#[from] super::owner::Unsafe),
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

/// The refusal of a session in use: who holds it, and `fgd join` only when
/// the holder is `fgd run`.
fn locked_message(id: &str, pid: Option<u32>, command: &str, joinable: bool) -> String {
    let who = match (pid, command.trim()) {
        (Some(p), "") => format!("process {p}"),
        (Some(p), c) => format!("process {p} ({c})"),
        (None, _) => "another program".to_owned(),
    };
    let what = if joinable {
        format!("to work on it alongside, run `fgd join {id}`")
    } else {
        "try again when it has finished".to_owned()
    };
    format!("session {id} is in use by {who}; {what}")
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
