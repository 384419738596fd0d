//! One session directory held open by this process ([`SessionStore`]):
//! creating it (lock, `schema`, log, first files), opening it (lock, schema
//! check, leftover temp files, resume), and the jobs that rewrite its derived
//! files. Must not know the FGD's rules, and names sled only through
//! [`EventLog`].

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicU64, Ordering};

use super::backup::JobError;
use super::data_dir::NEW_PREFIX;
use super::guard::{Guard, Trash};
use super::journal::{self, JOURNAL_FILE, JournalWriter};
use super::resume::{self, Resume};
use super::{
    CommandId, DataDir, EventLog, Job, Meta, SCHEMA_VERSION, SNAPSHOT_FILE, SessionLock,
    StoreError, fsutil, meta, snapshot, write_atomic,
};
use crate::domain::{Recorded, Seq, Session, Snapshot};

/// The backup's file name in a session directory.
pub(crate) const BACKUP_FILE: &str = "session.json";

/// A session held open by this process: its lock, its log and its files.
#[derive(Debug)]
pub struct SessionStore {
    dir: PathBuf,
    // Before the log: dropped first, so its last lines are written while
    // the log (which it may read to catch up) is still open.
    journal: JournalWriter,
    log: EventLog,
    _trash: Trash,
    _lock: SessionLock,
}

/// Tells apart the temporary directories one process makes.
static MADE: AtomicU64 = AtomicU64::new(0);

impl SessionStore {
    /// Creates session `id` with its first events, all flushed, plus its
    /// journal, `meta.json` and the `session.json` backup: built in a
    /// temporary directory (`sessions/.new-PID-N`) and renamed into place
    /// only when whole, so a kill leaves nothing that blocks a retry; a
    /// rename that finds `id` taken (another `fgd new` at the same instant)
    /// is [`StoreError::Exists`] and leaves nothing behind.
    pub fn create(
        data: &DataDir,
        id: &str,
        events: &[Recorded],
        meta: &Meta,
        backup: &[u8],
    ) -> Result<SessionStore, StoreError> {
        let sessions = data.prepare()?;
        let dir = data.session_dir(id);
        if fs::symlink_metadata(&dir).is_ok() {
            return Err(StoreError::Exists(id.to_owned()));
        }
        let n = MADE.fetch_add(1, Ordering::Relaxed);
        let tmp = sessions.join(format!("{NEW_PREFIX}{}-{n}", std::process::id()));
        fsutil::create_private_dir(&tmp).map_err(|e| StoreError::io(&tmp, e))?;
        let made = build(&tmp, id, events, meta, backup).and_then(|lock| {
            match fsutil::rename_noreplace(&tmp, &dir) {
                Ok(()) => Ok(lock),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    Err(StoreError::Exists(id.to_owned()))
                }
                Err(e) => Err(StoreError::io(&dir, e)),
            }
        });
        let lock = match made {
            Ok(lock) => lock,
            Err(e) => {
                let _ = fs::remove_dir_all(&tmp);
                return Err(e);
            }
        };
        fsutil::sync_dir(&sessions).map_err(|e| StoreError::io(&sessions, e))?;
        let log = EventLog::open(&dir.join("db"), id)?;
        Ok(SessionStore {
            journal: JournalWriter::start(&dir, log.reader(), log.last_seq()),
            dir,
            log,
            _trash: Trash::none(),
            _lock: lock,
        })
    }

    /// Opens session `id`: takes its lock (or reports the holder), then
    /// reads its latest snapshot and the events after it. The snapshot is
    /// decoded on a second thread while sled opens and the events are read;
    /// it is used only if it is whole, of this version, of this session and
    /// of this very log (the check of the event it covers matches), else the
    /// whole log is read. An undecodable or missing event refuses the
    /// session, and so does a log without a single event; a refused open
    /// leaves every byte of the directory as it was (see [`Guard`]).
    pub fn open(data: &DataDir, id: &str) -> Result<(SessionStore, Resume), StoreError> {
        let dir = data.session_dir(id);
        if !fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            return Err(StoreError::Unknown(id.to_owned()));
        }
        data.check()?;
        super::owner::check_private(&dir)?;
        let lock = SessionLock::acquire(&dir.join("lock"), id)?;
        let refused = |lock: SessionLock, e: StoreError| {
            lock.put_back();
            Err(e)
        };
        if let Err(e) = check_schema_file(&dir, id) {
            return refused(lock, e);
        }
        // Holding the lock, no one else writes here: a temp file is left
        // over from a process that died while writing.
        fsutil::remove_temp_files(&dir);
        let guard = Guard::take(&dir);
        let opened = open_log(&dir, id);
        let (log, resume) = match opened {
            Ok(opened) => opened,
            Err(e) => {
                guard.restore();
                return refused(lock, e);
            }
        };
        let trash = guard.release();
        fsutil::make_private_tree(&dir.join("db"));
        Ok((
            SessionStore {
                journal: JournalWriter::start(&dir, log.reader(), log.last_seq()),
                dir,
                log,
                _trash: trash,
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
            self.dir.join(BACKUP_FILE),
            Box::new(move || {
                let log = events.read(0, upto)?;
                let bytes = render(&log);
                if bytes.is_empty() {
                    return Err(JobError::Empty);
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
            Box::new(move || Ok(snapshot::encode(&Snapshot::from(session), check)?)),
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

    /// Stores events durably (flushed before it returns), then hands them
    /// to the journal's thread.
    pub fn append(&mut self, events: &[Recorded]) -> Result<(), StoreError> {
        self.append_sent(events, None)
    }

    /// Stores events durably with the id their sender gave the command.
    pub fn append_sent(
        &mut self,
        events: &[Recorded],
        sent: Option<CommandId>,
    ) -> Result<(), StoreError> {
        let lines = self.log.append_sent(events, sent)?;
        self.journal.push(lines);
        Ok(())
    }

    /// The senders' ids stored with the last `n` events, with their seqs.
    pub fn recent_sent(&self, n: u64) -> Result<Vec<(CommandId, Seq)>, StoreError> {
        let last = self.log.last_seq();
        self.log.reader().sent(last.saturating_sub(n), last)
    }

    /// The `meta.json` on disk, if it can be read.
    pub fn read_meta(&self) -> Option<Meta> {
        meta::read(&self.dir)
    }

    /// Rewrites `meta.json` atomically.
    pub fn write_meta(&self, meta: &Meta) -> Result<(), StoreError> {
        meta::write(&self.dir, meta)
    }

    /// Rewrites the `session.json` backup atomically.
    pub fn write_backup(&self, bytes: &[u8]) -> Result<(), StoreError> {
        let path = self.dir.join(BACKUP_FILE);
        write_atomic(&path, bytes).map_err(|e| StoreError::io(&path, e))
    }
}

/// Builds a new session in the empty directory `tmp`: its lock, `schema`,
/// database, journal, backup and `meta.json`. Gives the lock (its open file
/// goes with the directory when it is renamed).
fn build(
    tmp: &Path,
    id: &str,
    events: &[Recorded],
    meta: &Meta,
    backup: &[u8],
) -> Result<SessionLock, StoreError> {
    let lock = SessionLock::acquire(&tmp.join("lock"), id)?;
    let schema = tmp.join("schema");
    write_atomic(&schema, format!("{SCHEMA_VERSION}\n").as_bytes())
        .map_err(|e| StoreError::io(&schema, e))?;
    let mut log = EventLog::create(&tmp.join("db"), id)?;
    let lines = log.append(events)?;
    // Closed before the rename: sled writes some files by path.
    drop(log);
    let journal = tmp.join(JOURNAL_FILE);
    journal::write_all(&journal, &lines).map_err(|e| StoreError::io(&journal, e))?;
    let path = tmp.join(BACKUP_FILE);
    write_atomic(&path, backup).map_err(|e| StoreError::io(&path, e))?;
    meta::write(tmp, meta)?;
    fsutil::make_private_tree(&tmp.join("db"));
    Ok(lock)
}

/// Opens the log of session directory `dir` and resumes it; a log without
/// a single event (a session whose making was cut short by an older fgd)
/// is refused.
fn open_log(dir: &Path, id: &str) -> Result<(EventLog, Resume), StoreError> {
    let snapshot = resume::read_snapshot(dir);
    let (log, resume) = std::thread::scope(|scope| {
        let snapshot = snapshot.map(|file| file.map(|f| f.decode_on(scope, id)));
        let log = EventLog::open(&dir.join("db"), id)?;
        let resume = resume::resume(&log, snapshot, id)?;
        Ok::<_, StoreError>((log, resume))
    })?;
    let corrupt = |detail: String| {
        Err(StoreError::Corrupt {
            id: id.to_owned(),
            detail,
        })
    };
    let last = log.last_seq();
    if last == 0 {
        return corrupt("it holds no event (its making was cut short)".to_owned());
    }
    // The journal takes an event only once the database has it: a journal
    // that goes further means the database lost events (sled opens a
    // file cut short without a word).
    if let Some(journal) = journal::last_seq(&dir.join(JOURNAL_FILE))
        && journal > last
    {
        drop(log);
        return corrupt(format!(
            "its database ends at event {last} but its journal goes on to event {journal}"
        ));
    }
    Ok((log, resume))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    use crate::domain::replay;
    use crate::store::{BackupWriter, SnapshotUse};

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
        assert!(
            err.to_string().contains(&format!("fgd repair {id}")),
            "{err}"
        );
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
            path.ends_with("session.json") && why.to_string().contains("record 7"),
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
        for name in [".snapshot.2147483000.tmp", ".session.json.2147483000.tmp"] {
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
}
