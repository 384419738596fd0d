//! The session lock: a file in the session directory, locked exclusively
//! (`flock`) before sled opens, holding the pid and command line of the
//! holder so a second opener can say who has the session. The OS drops the
//! lock when the holder dies, however it dies. The pid and command are not
//! synced to disk: they are read only while the lock is held, that is while
//! their writer lives, and then the OS's page cache has them.
//!
//! A holder writes its line just after it takes the lock, so an opener
//! refused at that instant reads the line again for a moment until it names
//! a living process; a line whose process is gone (left by a holder that
//! died, while something else now holds the lock) names no one.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use super::StoreError;
use super::fsutil::open_private;

/// How long a lock recorded as this process's own is waited for (see
/// [`SessionLock::acquire`]).
const OWN_RELEASE_WAIT: Duration = Duration::from_millis(200);

/// How long a refused opener waits for the holder's line to name a living
/// process (the holder writes it just after it took the lock).
const HOLDER_LINE_WAIT: Duration = Duration::from_millis(300);

/// Who holds a session, as recorded in its lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    /// Process id.
    pub pid: Option<u32>,
    /// Command line.
    pub command: String,
}

impl Holder {
    /// Whether the holder is `fgd run` (or the home screen), which a
    /// second terminal can join.
    pub fn joinable(&self) -> bool {
        let mut words = self.command.split_whitespace();
        let program = words.next().unwrap_or("");
        let mut rest = words.skip_while(|w| w.starts_with("--data-dir="));
        let mut sub = rest.next();
        while sub == Some("--data-dir") {
            rest.next();
            sub = rest.next();
            while sub.is_some_and(|w| w.starts_with("--data-dir=")) {
                sub = rest.next();
            }
        }
        let fgd = Path::new(program)
            .file_name()
            .is_some_and(|n| matches!(n.to_str(), Some("fgd" | "fgd.exe")));
        fgd && matches!(sub, None | Some("run"))
    }
}

/// A held session lock; released on drop or process exit.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    /// What the file held before this process wrote its line.
    before: Vec<u8>,
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
                    if holder.as_ref().and_then(|h| h.pid) == Some(std::process::id())
                        && Instant::now() < deadline
                    {
                        std::thread::sleep(Duration::from_millis(2));
                        continue;
                    }
                    return Err(locked(&mut file, id, holder));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
            }
        }
        let mut before = Vec::new();
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        let _ = file.read_to_end(&mut before);
        let me = format!(
            "pid={}\ncommand={}\n",
            std::process::id(),
            std::env::args().collect::<Vec<_>>().join(" ")
        );
        // Written over the old line, then cut: the file is never empty
        // while it is held.
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        file.write_all(me.as_bytes()).map_err(io)?;
        file.set_len(me.len() as u64).map_err(io)?;
        Ok(SessionLock { file, before })
    }

    /// Puts back what the file held before this process took the lock (a
    /// refused open leaves every byte of the session directory as it was).
    pub fn put_back(mut self) {
        let before = std::mem::take(&mut self.before);
        if self.file.seek(SeekFrom::Start(0)).is_ok() && self.file.write_all(&before).is_ok() {
            let _ = self.file.set_len(before.len() as u64);
        }
    }
}

/// The refusal, naming the holder once its line names a living process
/// (read again for up to [`HOLDER_LINE_WAIT`]).
fn locked(file: &mut File, id: &str, mut holder: Option<Holder>) -> StoreError {
    let deadline = Instant::now() + HOLDER_LINE_WAIT;
    while holder.is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        holder = read_holder(file);
    }
    let joinable = holder.as_ref().is_some_and(Holder::joinable);
    StoreError::Locked {
        id: id.to_owned(),
        pid: holder.as_ref().and_then(|h| h.pid),
        command: holder.map(|h| h.command).unwrap_or_default(),
        joinable,
    }
}

/// The holder the file names, if its process lives.
fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    let _ = file.seek(SeekFrom::Start(0));
    let _ = file.read_to_string(&mut text);
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key).and_then(|r| r.strip_prefix('=')))
            .map(str::to_owned)
    };
    let pid: u32 = field("pid")?.trim().parse().ok()?;
    if !alive(pid) {
        return None;
    }
    Some(Holder {
        pid: Some(pid),
        command: field("command").unwrap_or_default(),
    })
}

/// Whether process `pid` exists (signal 0; a process of another user
/// exists too).
#[cfg(unix)]
pub(crate) fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

#[cfg(not(unix))]
pub(crate) fn alive(_pid: u32) -> bool {
    true
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
        // A test binary is not `fgd run`: nothing to join.
        assert!(!err.to_string().contains("fgd join"), "{err}");
        drop(held);
        SessionLock::acquire(&path, "s").unwrap();
    }

    #[test]
    fn only_fgd_run_or_the_home_screen_is_joinable() {
        let h = |command: &str| Holder {
            pid: Some(1),
            command: command.to_owned(),
        };
        assert!(h("/usr/bin/fgd run x").joinable());
        assert!(h("fgd --data-dir /d run x").joinable());
        assert!(h("fgd --data-dir=/d").joinable());
        assert!(!h("fgd apply x").joinable());
        assert!(!h("fgd --data-dir /d export x").joinable());
        assert!(!h("flock lock sleep 100").joinable());
        assert!(!h("target/debug/deps/fgd-6147 --nocapture").joinable());
    }

    #[test]
    fn a_line_left_by_a_dead_process_names_no_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lock");
        // A pid that can't be running: above the kernel's limit.
        std::fs::write(&path, "pid=2147483000\ncommand=fgd run old\n").unwrap();
        let mut file = std::fs::File::open(&path).unwrap();
        assert_eq!(read_holder(&mut file), None);
        std::fs::write(
            &path,
            format!("pid={}\ncommand=fgd run x\n", std::process::id()),
        )
        .unwrap();
        let mut file = std::fs::File::open(&path).unwrap();
        assert_eq!(
            read_holder(&mut file).unwrap().pid,
            Some(std::process::id())
        );
    }
}
