//! Two terminals, one session: the host (`fgd run`, which holds the session's
//! database) listens on a Unix-domain socket, and clients (`fgd join`, and
//! `fgd apply` / `fgd export` while a host runs) talk to it. This is the only
//! module that names sockets. Every command, from any terminal, still goes
//! through the host's engine (decide → store → apply) before it is
//! acknowledged and broadcast.
//!
//! - [`proto`]: the messages, as newline-delimited JSON, versioned;
//! - [`host`]: the listener and one reader and one writer thread per client,
//!   feeding requests to the host's own thread (bounded queues: a stuck
//!   client is dropped and resyncs on reconnect, it never stalls the host);
//! - [`once`]: the host's bounded memory of answered commands by their
//!   sender's id, so a repeat is answered with the first outcome;
//! - [`client`]: a connection that keeps a mirror of the session (from the
//!   welcome's state), resumes by itself after the host comes back, never
//!   claims a command was saved without the host's acknowledgement, and
//!   asks again with the same id when no answer came.
//!
//! The socket is private: it lives in the session's 0700 directory when the
//! path fits the platform's limit, else in a 0700 per-user directory, is
//! made 0600, and on Linux the host also refuses peers of another uid
//! (`SO_PEERCRED`). There is no network listener: from another laptop, ssh
//! in and run `fgd join` there.

pub mod client;
pub mod host;
pub mod once;
mod peer;
pub mod proto;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use client::{Client, JoinError, Trouble};
pub use host::Host;

/// Called from a connection thread when the owner's loop has something to
/// look at (the terminal loop wakes and calls `serve` / `pump`).
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// A wake that does nothing (for callers that poll).
pub fn no_wake() -> Wake {
    Arc::new(|| {})
}

/// The longest socket path the platform takes (`sun_path` less its NUL).
#[cfg(target_os = "linux")]
const MAX_SOCKET_PATH: usize = 107;
#[cfg(not(target_os = "linux"))]
const MAX_SOCKET_PATH: usize = 103;

/// Where the host of the session in `session_dir` listens: `live.sock` in the
/// session directory when that path fits the socket-path limit, else a file
/// named after the directory in a private per-user directory (the runtime
/// dir's `fgd/`, else `/tmp/fgd-UID/`), created 0700 if needed and refused if
/// someone else could enter it.
pub fn socket_path(session_dir: &Path) -> std::io::Result<PathBuf> {
    let dir = std::fs::canonicalize(session_dir)?;
    let inside = dir.join("live.sock");
    if inside.as_os_str().len() <= MAX_SOCKET_PATH {
        return Ok(inside);
    }
    let private = private_dir()?;
    Ok(private.join(format!(
        "{:016x}.sock",
        fnv1a(dir.as_os_str().as_encoded_bytes())
    )))
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(unix)]
fn private_dir() -> std::io::Result<PathBuf> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
    let uid = rustix::process::geteuid().as_raw();
    let dir = match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(run) if run.is_absolute() && run.is_dir() => run.join("fgd"),
        _ => std::env::temp_dir().join(format!("fgd-{uid}")),
    };
    match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = std::fs::symlink_metadata(&dir)?;
    if !meta.is_dir() || meta.uid() != uid || meta.permissions().mode() & 0o077 != 0 {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!(
                "{} is not a private directory of this user (it must be owned by uid {uid} with mode 0700); remove it and try again",
                dir.display()
            ),
        ));
    }
    Ok(dir)
}

#[cfg(not(unix))]
fn private_dir() -> std::io::Result<PathBuf> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "a second terminal needs Unix-domain sockets",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_session_dir_holds_its_own_socket() {
        let tmp = tempfile::tempdir().unwrap();
        let path = socket_path(tmp.path()).unwrap();
        assert_eq!(path, tmp.path().canonicalize().unwrap().join("live.sock"));
    }

    #[cfg(unix)]
    #[test]
    fn a_long_session_dir_uses_a_private_directory() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let deep = tmp.path().join("d".repeat(60)).join("e".repeat(60));
        std::fs::create_dir_all(&deep).unwrap();
        let path = socket_path(&deep).unwrap();
        assert!(
            path.as_os_str().len() <= MAX_SOCKET_PATH,
            "{}",
            path.display()
        );
        assert!(!path.starts_with(tmp.path()));
        let parent = path.parent().unwrap();
        let mode = std::fs::metadata(parent).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700, "{}", parent.display());
        // The same directory always gives the same path; another gives another.
        assert_eq!(socket_path(&deep).unwrap(), path);
        let other = tmp.path().join("d".repeat(60)).join("f".repeat(60));
        std::fs::create_dir_all(&other).unwrap();
        assert_ne!(socket_path(&other).unwrap(), path);
    }
}
