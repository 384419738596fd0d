//! The data directory and each session's files. The only module that names
//! sled (in `log.rs`); it knows nothing of the rules of an FGD.
//!
//! ```text
//! DATA_DIR/sessions/ID/
//!   lock          held (flock) by the one process that has the session open
//!   db/           sled: the event log
//!   schema        the storage schema version, read before sled opens
//!   snapshot      the state at one event, so an open replays only the events
//!                 after it (a cache of the log: ignored when it does not fit)
//!   meta.json     id, title, date, status: rewritten atomically on status changes
//!   session.json  full backup: rewritten atomically at agenda changes and at the end
//! ```

mod backup;
mod fsutil;
mod lock;
mod log;
mod snapshot;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::{Recorded, Seq, Session, Snapshot, Status};

pub use backup::{BackupWriter, Job, Render};
pub use fsutil::{create_private_dir_all, write_atomic};
pub use lock::{Holder, SessionLock};
pub use log::{EventLog, LogReader, SCHEMA_VERSION};
pub use snapshot::{FORMAT_VERSION as SNAPSHOT_FORMAT_VERSION, SnapshotUse};

/// The snapshot file's name in a session directory.
pub const SNAPSHOT_FILE: &str = "snapshot";

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

    fn db(id: &str, e: &sled::Error) -> StoreError {
        let detail = match e {
            // sled words its I/O errors as Rust debug output; the system's words are plainer.
            sled::Error::Io(io) => match io.raw_os_error() {
                Some(code) => format!(
                    "{}{}",
                    io::Error::from_raw_os_error(code),
                    io_hint(io.kind())
                ),
                None => format!("{}{}", io.kind(), io_hint(io.kind())),
            },
            other => other.to_string(),
        };
        StoreError::Db {
            id: id.to_owned(),
            detail,
        }
    }

    /// Whether the user caused this (exit status 2) rather than the system (1).
    pub fn is_user_error(&self) -> bool {
        matches!(self, StoreError::Unknown(_) | StoreError::Ambiguous { .. })
    }
}

/// What to do about a failed file operation, for the kinds a user can fix.
fn io_hint(kind: io::ErrorKind) -> &'static str {
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

/// The small summary of a session that `fgd list` reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Session id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date of the session.
    pub date: NaiveDate,
    /// Status.
    pub status: Status,
    /// When this summary was written.
    pub updated_at: DateTime<Utc>,
}

impl Meta {
    /// The summary of a session's state.
    pub fn of(session: &Session, now: DateTime<Utc>) -> Meta {
        Meta {
            id: session.info.id.clone(),
            title: session.info.title.clone(),
            date: session.info.date,
            status: session.status,
            updated_at: now,
        }
    }
}

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

    fn sessions(&self) -> PathBuf {
        self.root.join("sessions")
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
        let mut metas: Vec<Meta> = entries
            .filter_map(Result::ok)
            .filter_map(|e| fs::read(e.path().join("meta.json")).ok())
            .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
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

/// Refuses a session whose `schema` file names a newer schema, before its
/// database is opened (so nothing in it is touched). A missing file leaves the
/// check to the version stored inside the database.
fn check_schema_file(dir: &Path, id: &str) -> Result<(), StoreError> {
    let path = dir.join("schema");
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(StoreError::io(&path, e)),
    };
    match text.trim().parse::<u32>() {
        Ok(v) if v <= SCHEMA_VERSION => Ok(()),
        Ok(found) => Err(StoreError::NewerSchema {
            id: id.to_owned(),
            found,
            supported: SCHEMA_VERSION,
        }),
        Err(_) => Err(StoreError::Corrupt {
            id: id.to_owned(),
            detail: format!("{} is not a schema version", path.display()),
        }),
    }
}

/// What an open found to resume the session from: the latest usable
/// snapshot, if any, and the events after it (all of them without one).
#[derive(Debug)]
pub struct Resume {
    /// The state at `snapshot.last_seq()`.
    pub snapshot: Option<Snapshot>,
    /// The events after the snapshot, in order.
    pub events: Vec<Recorded>,
    /// Whether a snapshot was used, and why not.
    pub used: SnapshotUse,
}

/// A snapshot file whose header is fine: its body is yet to be checked.
struct SnapshotFile {
    header: snapshot::Header,
    bytes: Vec<u8>,
    body_at: usize,
}

/// Reads the snapshot file of session directory `dir` and checks its header:
/// `None` if there is none, why not if it can't be used.
fn read_snapshot(dir: &Path) -> Result<Option<SnapshotFile>, String> {
    let bytes = match fs::read(dir.join(SNAPSHOT_FILE)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("it can't be read ({e})")),
    };
    let (header, body) = snapshot::split(&bytes)?;
    let body_at = bytes.len() - body.len();
    Ok(Some(SnapshotFile {
        header,
        bytes,
        body_at,
    }))
}

impl SnapshotFile {
    fn decode(&self, id: &str) -> Result<Snapshot, String> {
        snapshot::decode(self.header, &self.bytes[self.body_at..], id)
    }

    /// Starts decoding the body on a thread of `scope` (or later on this
    /// one, if no thread can be had).
    fn decode_on<'scope>(
        self,
        scope: &'scope std::thread::Scope<'scope, '_>,
        id: &'scope str,
    ) -> Pending<'scope> {
        let header = self.header;
        let file = Arc::new(self);
        let theirs = Arc::clone(&file);
        let decoding = std::thread::Builder::new()
            .name("fgd-open".into())
            .spawn_scoped(scope, move || theirs.decode(id))
            .map_err(|_| file);
        Pending { header, decoding }
    }
}

/// A snapshot whose body is being decoded while the log opens.
struct Pending<'scope> {
    header: snapshot::Header,
    decoding:
        Result<std::thread::ScopedJoinHandle<'scope, Result<Snapshot, String>>, Arc<SnapshotFile>>,
}

impl Pending<'_> {
    fn finish(self, id: &str) -> Result<Snapshot, String> {
        match self.decoding {
            Ok(thread) => thread
                .join()
                .unwrap_or_else(|_| Err("it can't be decoded".to_owned())),
            Err(file) => file.decode(id),
        }
    }
}

/// What to resume from with `log`: the snapshot if there is one that decodes
/// and fits the log (it covers an event the log has, and that event's check
/// is the one it names), with the events after it; else every event.
fn resume(
    log: &EventLog,
    snapshot: Result<Option<Pending<'_>>, String>,
    id: &str,
) -> Result<Resume, StoreError> {
    let everything = |used| {
        Ok(Resume {
            snapshot: None,
            events: log.read_after(0)?,
            used,
        })
    };
    let pending = match snapshot {
        Ok(Some(pending)) => pending,
        Ok(None) => return everything(SnapshotUse::Missing),
        Err(why) => return everything(SnapshotUse::Ignored(why)),
    };
    let seq = pending.header.seq;
    let fits = if seq > log.last_seq() {
        Err(format!(
            "it covers events up to {seq}, the log ends at {}",
            log.last_seq()
        ))
    } else if log.check(seq)? != Some(pending.header.event_check) {
        Err("it was not taken of this log".to_owned())
    } else {
        Ok(())
    };
    let after = if fits.is_ok() { seq } else { 0 };
    // Read while the snapshot decodes.
    let mut events = log.read_after(after)?;
    match fits.and_then(|()| pending.finish(id)) {
        Ok(snapshot) => Ok(Resume {
            snapshot: Some(snapshot),
            events,
            used: SnapshotUse::Used(seq),
        }),
        Err(why) => {
            if after > 0 {
                let mut all = log.reader().read(0, after)?;
                all.append(&mut events);
                events = all;
            }
            Ok(Resume {
                snapshot: None,
                events,
                used: SnapshotUse::Ignored(why),
            })
        }
    }
}

/// A session held open by this process: its lock, its log and its files.
#[derive(Debug)]
pub struct SessionStore {
    dir: PathBuf,
    log: EventLog,
    _lock: SessionLock,
}

impl SessionStore {
    /// Creates session `id` with its first events, all flushed, plus `meta.json`
    /// and the `session.json` backup. Leaves nothing behind if it fails.
    pub fn create(
        data: &DataDir,
        id: &str,
        events: &[Recorded],
        meta: &Meta,
        backup: &[u8],
    ) -> Result<SessionStore, StoreError> {
        let sessions = data.sessions();
        create_private_dir_all(&sessions).map_err(|e| StoreError::io(&sessions, e))?;
        let dir = data.session_dir(id);
        match fsutil::create_private_dir(&dir) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(StoreError::Exists(id.to_owned()));
            }
            Err(e) => return Err(StoreError::io(&dir, e)),
        }
        let made = (|| {
            let lock = SessionLock::acquire(&dir.join("lock"), id)?;
            let schema = dir.join("schema");
            write_atomic(&schema, format!("{SCHEMA_VERSION}\n").as_bytes())
                .map_err(|e| StoreError::io(&schema, e))?;
            let mut log = EventLog::create(&dir.join("db"), id)?;
            log.append(events)?;
            let store = SessionStore {
                dir: dir.clone(),
                log,
                _lock: lock,
            };
            store.write_backup(backup)?;
            store.write_meta(meta)?;
            Ok(store)
        })();
        if made.is_err() {
            let _ = fs::remove_dir_all(&dir);
        }
        made
    }

    /// Opens session `id`: takes its lock (or reports the holder), then
    /// reads its latest snapshot and the events after it. The snapshot is
    /// decoded on a second thread while sled opens and the events are read;
    /// it is used only if it is whole, of this version, of this session and
    /// of this very log (the check of the event it covers matches), else the
    /// whole log is read. An undecodable or missing event refuses the session.
    pub fn open(data: &DataDir, id: &str) -> Result<(SessionStore, Resume), StoreError> {
        let dir = data.session_dir(id);
        if !dir.is_dir() {
            return Err(StoreError::Unknown(id.to_owned()));
        }
        let lock = SessionLock::acquire(&dir.join("lock"), id)?;
        check_schema_file(&dir, id)?;
        // Holding the lock, no one else writes here: a temp file is left
        // over from a process that died while writing.
        fsutil::remove_temp_files(&dir);
        let snapshot = read_snapshot(&dir);
        let (log, resume) = std::thread::scope(|scope| {
            let snapshot = snapshot.map(|file| file.map(|f| f.decode_on(scope, id)));
            let log = EventLog::open(&dir.join("db"), id)?;
            let resume = resume(&log, snapshot, id)?;
            Ok::<_, StoreError>((log, resume))
        })?;
        Ok((
            SessionStore {
                dir,
                log,
                _lock: lock,
            },
            resume,
        ))
    }

    /// Every stored event, read from the database (for exports; the
    /// session's state does not need them).
    pub fn read_log(&self) -> Result<Vec<Recorded>, StoreError> {
        self.log.read_after(0)
    }

    /// A job for the writer thread that rewrites the `session.json` backup:
    /// it reads events 1 ..= `upto` from the database on that thread and
    /// renders them with `render` (given an empty file, it fails, leaving
    /// the backup as it was).
    pub fn backup_job(
        &self,
        upto: Seq,
        render: impl FnOnce(&[Recorded]) -> Vec<u8> + Send + 'static,
    ) -> Job {
        let events = self.log.reader();
        Job::new(
            self.dir.join("session.json"),
            Box::new(move || {
                let log = events.read(0, upto).map_err(|e| e.to_string())?;
                let bytes = render(&log);
                if bytes.is_empty() {
                    return Err("the backup can't be rendered".to_owned());
                }
                Ok(bytes)
            }),
        )
    }

    /// A job for the writer thread that rewrites the snapshot with `session`,
    /// which must be the state at the last stored event (else `None`).
    pub fn snapshot_job(&self, session: Session) -> Option<Job> {
        let check = self.log.last_check()?;
        if session.last_seq != self.log.last_seq() {
            return None;
        }
        Some(Job::new(
            self.dir.join(SNAPSHOT_FILE),
            Box::new(move || snapshot::encode(&Snapshot::from(session), check)),
        ))
    }

    /// The session's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Seq of the last stored event.
    pub fn last_seq(&self) -> Seq {
        self.log.last_seq()
    }

    /// Stores events durably (flushed before it returns).
    pub fn append(&mut self, events: &[Recorded]) -> Result<(), StoreError> {
        self.log.append(events)
    }

    /// The `meta.json` on disk, if it can be read.
    pub fn read_meta(&self) -> Option<Meta> {
        let bytes = fs::read(self.dir.join("meta.json")).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Rewrites `meta.json` atomically.
    pub fn write_meta(&self, meta: &Meta) -> Result<(), StoreError> {
        let path = self.dir.join("meta.json");
        let bytes =
            serde_json::to_vec_pretty(meta).map_err(|e| StoreError::Encode(e.to_string()))?;
        write_atomic(&path, &bytes).map_err(|e| StoreError::io(&path, e))
    }

    /// Rewrites the `session.json` backup atomically.
    pub fn write_backup(&self, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.dir.join("session.json");
        write_atomic(&path, bytes).map_err(|e| StoreError::io(&path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::replay;

    /// A stored session of `n` events with a snapshot of its last one.
    fn stored(n: usize) -> (tempfile::TempDir, DataDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path());
        let events = crate::fixtures::large_session(n);
        let session = replay(&events);
        let id = session.info.id.clone();
        let meta = Meta::of(&session, crate::fixtures::t0());
        let store = SessionStore::create(&data, &id, &events, &meta, b"backup").unwrap();
        let mut writer = BackupWriter::new();
        writer.submit(store.snapshot_job(session).unwrap());
        writer.finish();
        assert!(writer.take_failure().is_none());
        (dir, data, id)
    }

    #[test]
    fn a_snapshot_is_resumed_from_with_the_events_after_it() {
        let (_dir, data, id) = stored(60);
        let (mut store, resume) = SessionStore::open(&data, &id).unwrap();
        assert_eq!(resume.used, SnapshotUse::Used(60));
        assert_eq!(resume.snapshot.unwrap().last_seq(), 60);
        assert!(resume.events.is_empty());
        let more = crate::fixtures::large_session(70);
        store.append(&more[60..]).unwrap();
        drop(store);
        let (_store, resume) = SessionStore::open(&data, &id).unwrap();
        assert_eq!(resume.used, SnapshotUse::Used(60));
        assert_eq!(resume.events, more[60..]);
    }

    #[test]
    fn a_snapshot_job_of_a_state_behind_the_log_is_refused() {
        let (_dir, data, id) = stored(60);
        let (store, _) = SessionStore::open(&data, &id).unwrap();
        let behind = replay(&crate::fixtures::large_session(59));
        assert!(store.snapshot_job(behind).is_none());
    }

    #[test]
    fn an_undecodable_event_after_the_snapshot_refuses_the_session() {
        let (_dir, data, id) = stored(60);
        let (mut store, _) = SessionStore::open(&data, &id).unwrap();
        store
            .append(&crate::fixtures::large_session(62)[60..])
            .unwrap();
        store.log.put_raw(62, b"{not json");
        drop(store);
        let err = SessionStore::open(&data, &id).unwrap_err();
        assert!(
            err.to_string().contains("record 62 can't be decoded"),
            "{err}"
        );
        assert!(err.to_string().contains("fgd import"), "{err}");
    }

    #[test]
    fn an_undecodable_event_before_the_snapshot_is_found_when_the_log_is_read() {
        let (_dir, data, id) = stored(60);
        let (store, _) = SessionStore::open(&data, &id).unwrap();
        store.log.put_raw(7, b"{not json");
        drop(store);
        // The open reads only the events after the snapshot ...
        let (store, resume) = SessionStore::open(&data, &id).unwrap();
        assert_eq!(resume.used, SnapshotUse::Used(60));
        // ... the full log (exports, the backup) is refused ...
        let err = store.read_log().unwrap_err();
        assert!(
            err.to_string().contains("record 7 can't be decoded"),
            "{err}"
        );
        // ... and the backup is left as it was, the failure reported.
        let mut writer = BackupWriter::new();
        writer.submit(store.backup_job(60, |_| b"new backup".to_vec()));
        writer.finish();
        let (path, why) = writer.take_failure().unwrap();
        assert!(
            path.ends_with("session.json") && why.contains("record 7"),
            "{why}"
        );
        assert_eq!(
            fs::read(store.dir().join("session.json")).unwrap(),
            b"backup"
        );
    }

    #[test]
    fn an_open_removes_temp_files_left_by_a_killed_writer() {
        let (_dir, data, id) = stored(5);
        let dir = data.session_dir(&id);
        for name in [".snapshot.4242.tmp", ".session.json.4242.tmp"] {
            fs::write(dir.join(name), b"half").unwrap();
        }
        let (_store, resume) = SessionStore::open(&data, &id).unwrap();
        assert_eq!(resume.used, SnapshotUse::Used(5));
        let left: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name())
            .filter(|n| n.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

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

    #[cfg(unix)]
    #[test]
    fn the_database_engine_s_io_errors_are_worded_plainly() {
        // ENOSPC, as sled reports it.
        let e = StoreError::db("x", &sled::Error::Io(io::Error::from_raw_os_error(28)));
        let text = e.to_string();
        assert!(
            text.contains("No space left on device (os error 28)"),
            "{text}"
        );
        assert!(text.contains("free some space"), "{text}");
        assert!(!text.contains("Os {"), "{text}");
    }
}
