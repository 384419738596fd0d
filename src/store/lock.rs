//! The session lock: a file in the session directory, locked exclusively
//! (`flock`) before sled opens, holding the pid and command line of the
//! holder so a second opener can say who has the session. The OS drops the
//! lock when the holder dies, however it dies. The pid and command are not
//! synced to disk: they are read only while the lock is held, that is while
//! their writer lives, and then the OS's page cache has them.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use super::StoreError;
use super::fsutil::open_private;

/// How long a lock recorded as this process's own is waited for (see
/// [`SessionLock::acquire`]).
const OWN_RELEASE_WAIT: Duration = Duration::from_millis(200);

/// Who holds a session, as recorded in its lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// Process id.
    pub pid: Option<u32>,
    /// Command line.
    pub command: String,
}

/// A held session lock; released on drop or process exit.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
}

impl SessionLock {
    /// Takes the lock at `path` without waiting, or reports the holder.
    /// The one wait: a lock this very process holds by its own record may
    /// be one it has just let go of, still held by a child that another
    /// thread is spawning (the child shares the descriptor from fork until
    /// exec); that is retried for up to [`OWN_RELEASE_WAIT`].
    pub fn acquire(path: &Path, id: &str) -> Result<SessionLock, StoreError> {
        let io = |e| StoreError::io(path, e);
        let mut file = open_private(path, false).map_err(io)?;
        let deadline = Instant::now() + OWN_RELEASE_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) => {
                    let holder = read_holder(&mut file);
                    if holder.pid == Some(std::process::id()) && Instant::now() < deadline {
                        std::thread::sleep(Duration::from_millis(2));
                        continue;
                    }
                    return Err(StoreError::Locked {
                        id: id.to_owned(),
                        pid: holder.pid,
                        command: holder.command,
                    });
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
            }
        }
        let me = format!(
            "pid={}\ncommand={}\n",
            std::process::id(),
            std::env::args().collect::<Vec<_>>().join(" ")
        );
        file.set_len(0).map_err(io)?;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        file.write_all(me.as_bytes()).map_err(io)?;
        Ok(SessionLock { _file: file })
    }
}

fn read_holder(file: &mut File) -> Holder {
    let mut text = String::new();
    let _ = file.seek(SeekFrom::Start(0));
    let _ = file.read_to_string(&mut text);
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
            .map(str::to_owned)
    };
    Holder {
        pid: field("pid").and_then(|p| p.trim().parse().ok()),
        command: field("command").unwrap_or_else(|| "another fgd".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_is_refused_with_the_first_ones_pid() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lock");
        let held = SessionLock::acquire(&path, "s").unwrap();
        let err = SessionLock::acquire(&path, "s").unwrap_err();
        match &err {
            StoreError::Locked { pid, id, .. } => {
                assert_eq!(*pid, Some(std::process::id()));
                assert_eq!(id, "s");
            }
            other => panic!("expected Locked, got {other}"),
        }
        assert!(err.to_string().contains("fgd join s"), "{err}");
        drop(held);
        SessionLock::acquire(&path, "s").unwrap();
    }
}
