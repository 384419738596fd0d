//! The event log in sled: one tree of `seq (u64, big-endian) → event (JSON)`,
//! and a schema version in the default tree. This is the only file in fgd
//! that names sled. Every append is flushed before it returns. Opening reads
//! no event: the caller reads the part of the log it needs (the events after
//! a snapshot, or all of them), here or, through a [`LogReader`], on another
//! thread.

use std::ops::Bound;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::domain::{Recorded, Seq};

use super::StoreError;
use super::error::io_hint;
use super::sent::CommandId;

/// The schema this build writes and reads (defined with the others in
/// `versions.rs`).
pub use crate::versions::STORE_SCHEMA as SCHEMA_VERSION;

const SCHEMA_KEY: &[u8] = b"fgd.schema";
const ID_KEY: &[u8] = b"fgd.session_id";
const EVENTS_TREE: &[u8] = b"events";

/// sled's page cache; the log is small and mostly written.
const CACHE_BYTES: u64 = 4 * 1024 * 1024;

/// The check of one stored record: the CRC-32 of its bytes as stored. A
/// snapshot names the check of the event it covers up to, so a snapshot is
/// used only with the very log it was taken of.
pub fn check_of(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

/// An open event log.
pub struct EventLog {
    db: sled::Db,
    reader: LogReader,
    last_seq: Seq,
    last_check: Option<u32>,
}

impl std::fmt::Debug for EventLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventLog")
            .field("last_seq", &self.last_seq)
            .finish_non_exhaustive()
    }
}

/// Reads the events of an open log, from any thread (while its
/// [`EventLog`] is open).
#[derive(Clone)]
pub struct LogReader {
    events: sled::Tree,
    id: String,
}

impl std::fmt::Debug for LogReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LogReader")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// How long an open waits for sled's own lock on its files. The session
/// lock is held before sled opens, so no other fgd has the database open:
/// only the background threads of a database this process (or one exiting)
/// has just closed can still hold sled's lock, for a few milliseconds (sled
/// 0.34 does not wait for them when a database is dropped).
const SLED_LOCK_WAIT: Duration = Duration::from_secs(2);

/// Opens sled at `path`. A failure to read or write the files (no
/// permission, a full disk) is an I/O error, not damage: only what sled
/// could read and not make sense of is called corrupt.
fn open_db(path: &Path, id: &str) -> Result<sled::Db, StoreError> {
    open_db_waiting(path, id, SLED_LOCK_WAIT)
}

fn open_db_waiting(path: &Path, id: &str, wait: Duration) -> Result<sled::Db, StoreError> {
    let config = sled::Config::new()
        .path(path)
        .cache_capacity(CACHE_BYTES)
        .mode(sled::Mode::LowSpace);
    let corrupt = |detail: String| StoreError::Corrupt {
        id: id.to_owned(),
        detail,
    };
    let deadline = Instant::now() + wait;
    loop {
        match super::quiet::quietly(|| config.open()) {
            Ok(Ok(db)) => return Ok(db),
            Ok(Err(e)) if lock_busy(&e) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(2));
            }
            Ok(Err(sled::Error::Io(e))) => return Err(StoreError::io(path, e)),
            Ok(Err(e)) => return Err(corrupt(plain(&e))),
            Err(_) => return Err(corrupt(ENGINE_FAILED.to_owned())),
        }
    }
}

/// Whether sled refused to open because its lock file is held (it reports
/// that only in the error's text).
fn lock_busy(e: &sled::Error) -> bool {
    matches!(e, sled::Error::Io(io) if io.to_string().contains("could not acquire lock"))
}

const ENGINE_FAILED: &str = "the database engine failed while reading it";

/// What is wrong with a stored log (the detail of a [`StoreError::Corrupt`]).
struct Damage(String);

impl From<String> for Damage {
    fn from(detail: String) -> Damage {
        Damage(detail)
    }
}

impl From<&str> for Damage {
    fn from(detail: &str) -> Damage {
        Damage(detail.to_owned())
    }
}

/// Runs a read of sled, turning a panic inside sled into damage.
fn guarded<T>(read: impl FnOnce() -> Result<T, Damage>) -> Result<T, Damage> {
    catch_unwind(AssertUnwindSafe(read)).unwrap_or_else(|_| Err(ENGINE_FAILED.into()))
}

/// What sled says went wrong, in plain words: sled's own texts are Rust
/// debug output (`offset None backtrace ()`, `Some(Inline(…))`).
fn plain(e: &sled::Error) -> String {
    match e {
        sled::Error::Io(io) => plain_io(io),
        sled::Error::Corruption { .. } => "its data is damaged (a checksum does not match)".into(),
        sled::Error::CollectionNotFound(_) => "a part of it is missing".into(),
        sled::Error::Unsupported(_) | sled::Error::ReportableBug(_) => {
            "the database engine can't make sense of it".into()
        }
    }
}

fn plain_io(io: &std::io::Error) -> String {
    match io.raw_os_error() {
        Some(code) => format!(
            "{}{}",
            std::io::Error::from_raw_os_error(code),
            io_hint(io.kind())
        ),
        None => format!("{}{}", io.kind(), io_hint(io.kind())),
    }
}

/// A failure of sled itself, worded plainly.
fn db_error(id: &str, e: &sled::Error) -> StoreError {
    let detail = match e {
        // sled words its I/O errors as Rust debug output; the system's words are plainer.
        sled::Error::Io(io) => plain_io(io),
        other => plain(other),
    };
    StoreError::Db {
        id: id.to_owned(),
        detail,
    }
}

fn seq_of(key: &[u8]) -> Option<Seq> {
    key.try_into().ok().map(u64::from_be_bytes)
}

impl EventLog {
    /// Creates a new log at `path` (which must not hold one) for session `id`.
    pub fn create(path: &Path, id: &str) -> Result<EventLog, StoreError> {
        super::fsutil::create_private_dir(path).map_err(|e| StoreError::io(path, e))?;
        let db = open_db(path, id)?;
        let events = db.open_tree(EVENTS_TREE).map_err(|e| db_error(id, &e))?;
        db.insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes())
            .map_err(|e| db_error(id, &e))?;
        db.insert(ID_KEY, id.as_bytes())
            .map_err(|e| db_error(id, &e))?;
        db.flush().map_err(|e| db_error(id, &e))?;
        Ok(EventLog {
            db,
            reader: LogReader {
                events,
                id: id.to_owned(),
            },
            last_seq: 0,
            last_check: None,
        })
    }

    /// Opens the log at `path`, checking the schema and finding the last
    /// event (whose key must be a seq). Refuses (writing nothing) a newer or
    /// unknown schema. Reads no other event: see [`EventLog::read_after`].
    pub fn open(path: &Path, id: &str) -> Result<EventLog, StoreError> {
        let corrupt = |detail: String| StoreError::Corrupt {
            id: id.to_owned(),
            detail,
        };
        if !path.is_dir() {
            return Err(corrupt(format!(
                "its database {} is missing",
                path.display()
            )));
        }
        let db = open_db(path, id)?;
        let schema = db.get(SCHEMA_KEY).map_err(|e| db_error(id, &e))?;
        let schema = schema
            .as_deref()
            .and_then(|v| std::str::from_utf8(v).ok())
            .and_then(|v| v.parse::<u32>().ok())
            .ok_or_else(|| {
                corrupt("it has no fgd schema version; it is not an fgd database".to_owned())
            })?;
        if schema > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                id: id.to_owned(),
                found: schema,
                supported: SCHEMA_VERSION,
            });
        }
        if !db.tree_names().iter().any(|n| n.as_ref() == EVENTS_TREE) {
            return Err(corrupt("its event log is missing".to_owned()));
        }
        let events = db.open_tree(EVENTS_TREE).map_err(|e| db_error(id, &e))?;
        let last = guarded(|| {
            let Some((k, v)) = events
                .last()
                .map_err(|e| format!("its last record can't be read ({})", plain(&e)))?
            else {
                return Ok(None);
            };
            let seq = seq_of(&k).ok_or("its last record has a malformed key")?;
            Ok(Some((seq, check_of(&v))))
        })
        .map_err(|d| corrupt(d.0))?;
        Ok(EventLog {
            db,
            reader: LogReader {
                events,
                id: id.to_owned(),
            },
            last_seq: last.map_or(0, |(seq, _)| seq),
            last_check: last.map(|(_, check)| check),
        })
    }

    /// Seq of the last stored event.
    pub fn last_seq(&self) -> Seq {
        self.last_seq
    }

    /// The check ([`check_of`]) of the last stored event.
    pub fn last_check(&self) -> Option<u32> {
        self.last_check
    }

    /// The check of event `seq`, if it is stored.
    pub fn check(&self, seq: Seq) -> Result<Option<u32>, StoreError> {
        let r = &self.reader;
        guarded(|| {
            r.events
                .get(seq.to_be_bytes())
                .map(|v| v.map(|v| check_of(&v)))
                .map_err(|e| Damage(format!("record {seq} can't be read ({})", plain(&e))))
        })
        .map_err(|d| r.corrupt(d.0))
    }

    /// The events after `after`, to the last one, decoded; refuses a log
    /// with a gap or an undecodable record.
    pub fn read_after(&self, after: Seq) -> Result<Vec<Recorded>, StoreError> {
        let events = self.reader.read(after, self.last_seq)?;
        Ok(events)
    }

    /// A reader for other threads.
    pub fn reader(&self) -> LogReader {
        self.reader.clone()
    }

    /// Stores events (whose seqs must follow on) and flushes them to disk
    /// before returning. One event (the usual case) is a plain insert; more
    /// go in one batch, so they are stored all or none.
    /// Gives back each event's stored bytes (for the journal).
    pub fn append(&mut self, recs: &[Recorded]) -> Result<Vec<(Seq, Vec<u8>)>, StoreError> {
        self.append_sent(recs, None)
    }

    /// [`EventLog::append`], storing with each event the id its sender gave
    /// the command (see `sent.rs`).
    pub fn append_sent(
        &mut self,
        recs: &[Recorded],
        sent: Option<CommandId>,
    ) -> Result<Vec<(Seq, Vec<u8>)>, StoreError> {
        let mut encoded = Vec::with_capacity(recs.len());
        let mut seq = self.last_seq;
        for rec in recs {
            if rec.seq != seq + 1 {
                return Err(StoreError::OutOfOrder {
                    expected: seq + 1,
                    got: rec.seq,
                });
            }
            seq = rec.seq;
            let bytes =
                super::sent::encode(rec, sent).map_err(|e| StoreError::Encode(e.to_string()))?;
            encoded.push((rec.seq.to_be_bytes(), bytes));
        }
        let last_check = encoded.last().map(|(_, bytes)| check_of(bytes));
        let id = self.reader.id.as_str();
        let events = &self.reader.events;
        match encoded.as_slice() {
            [] => return Ok(Vec::new()),
            [(key, bytes)] => {
                events
                    .insert(key, bytes.as_slice())
                    .map_err(|e| db_error(id, &e))?;
            }
            _ => {
                let mut batch = sled::Batch::default();
                for (key, bytes) in &encoded {
                    batch.insert(key, bytes.as_slice());
                }
                events.apply_batch(batch).map_err(|e| db_error(id, &e))?;
            }
        }
        self.db.flush().map_err(|e| db_error(id, &e))?;
        self.last_seq = seq;
        self.last_check = last_check;
        Ok(encoded
            .into_iter()
            .map(|(key, bytes)| (u64::from_be_bytes(key), bytes))
            .collect())
    }
}

#[cfg(test)]
impl EventLog {
    /// Overwrites record `seq` with `bytes` as they are (to damage it).
    pub(crate) fn put_raw(&self, seq: Seq, bytes: &[u8]) {
        self.reader.events.insert(seq.to_be_bytes(), bytes).unwrap();
        self.db.flush().unwrap();
    }
}

impl LogReader {
    /// Records `after + 1 ..= upto` as stored (not decoded), for the
    /// journal; refuses a record that can't be read.
    pub fn read_raw(&self, after: Seq, upto: Seq) -> Result<Vec<(Seq, Vec<u8>)>, StoreError> {
        if upto <= after {
            return Ok(Vec::new());
        }
        let range = (
            Bound::Excluded(after.to_be_bytes()),
            Bound::Included(upto.to_be_bytes()),
        );
        guarded(|| {
            let mut out = Vec::new();
            for kv in self.events.range(range) {
                let (k, v) = kv.map_err(|e| format!("a record can't be read ({})", plain(&e)))?;
                let seq = seq_of(&k).ok_or("a record has a malformed key")?;
                out.push((seq, v.to_vec()));
            }
            Ok(out)
        })
        .map_err(|d| self.corrupt(d.0))
    }

    fn corrupt(&self, detail: String) -> StoreError {
        StoreError::Corrupt {
            id: self.id.clone(),
            detail,
        }
    }

    /// The senders' ids stored with events `after + 1 ..= upto` (the events
    /// that carry one), with their seqs; only that field is decoded.
    pub fn sent(&self, after: Seq, upto: Seq) -> Result<Vec<(CommandId, Seq)>, StoreError> {
        let range = (
            Bound::Excluded(after.to_be_bytes()),
            Bound::Included(upto.to_be_bytes()),
        );
        guarded(|| {
            let mut out = Vec::new();
            for kv in self.events.range(range) {
                let (k, v) = kv.map_err(|e| format!("a record can't be read ({e})"))?;
                let seq = seq_of(&k).ok_or("a record has a malformed key")?;
                if let Some(id) = super::sent::sent_of(&v) {
                    out.push((id, seq));
                }
            }
            Ok(out)
        })
        .map_err(|d| self.corrupt(d.0))
    }

    /// Events `after + 1 ..= upto`, decoded; refuses a gap, an undecodable
    /// record or a log that ends before `upto`.
    pub fn read(&self, after: Seq, upto: Seq) -> Result<Vec<Recorded>, StoreError> {
        if upto <= after {
            return Ok(Vec::new());
        }
        let range = (
            Bound::Excluded(after.to_be_bytes()),
            Bound::Included(upto.to_be_bytes()),
        );
        let capacity = usize::try_from(upto - after).unwrap_or(0);
        guarded(|| {
            let mut out = Vec::with_capacity(capacity);
            let mut expected = after + 1;
            for kv in self.events.range(range) {
                let (k, v) =
                    kv.map_err(|e| format!("record {expected} can't be read ({})", plain(&e)))?;
                let seq = seq_of(&k).ok_or(format!("record {expected} has a malformed key"))?;
                if seq != expected {
                    return Err(
                        format!("record {expected} is missing (found {seq} instead)").into(),
                    );
                }
                let rec: Recorded = serde_json::from_slice(&v)
                    .map_err(|e| format!("record {seq} can't be decoded ({e})"))?;
                if rec.seq != seq {
                    return Err(format!("record {seq} says it is {}", rec.seq).into());
                }
                out.push(rec);
                expected += 1;
            }
            if expected <= upto {
                return Err(format!("record {expected} is missing").into());
            }
            Ok(out)
        })
        .map_err(|d| self.corrupt(d.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Actor, Event, SessionInfo};

    fn created(seq: Seq) -> Recorded {
        Recorded {
            seq,
            at: chrono::DateTime::from_timestamp(1_800_000_000 + i64::try_from(seq).unwrap(), 0)
                .unwrap(),
            actor: Actor::Script,
            event: if seq == 1 {
                Event::Created {
                    info: SessionInfo {
                        id: "s".into(),
                        title: "T".into(),
                        ..SessionInfo::default()
                    },
                }
            } else {
                Event::Paused
            },
        }
    }

    #[test]
    fn events_round_trip_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let mut log = EventLog::create(&path, "s").unwrap();
        let recs: Vec<Recorded> = (1..=5).map(created).collect();
        log.append(&recs[..2]).unwrap();
        log.append(&recs[2..]).unwrap();
        assert!(matches!(
            log.append(&[created(9)]),
            Err(StoreError::OutOfOrder {
                expected: 6,
                got: 9
            })
        ));
        drop(log);
        let log = EventLog::open(&path, "s").unwrap();
        assert_eq!(log.last_seq(), 5);
        assert_eq!(log.read_after(0).unwrap(), recs);
        assert_eq!(log.read_after(3).unwrap(), recs[3..]);
        assert_eq!(log.read_after(5).unwrap(), []);
        assert_eq!(log.reader().read(1, 2).unwrap(), recs[1..2]);
        let last = serde_json::to_vec(&recs[4]).unwrap();
        assert_eq!(log.last_check(), Some(check_of(&last)));
        assert_eq!(log.check(5).unwrap(), Some(check_of(&last)));
        assert_eq!(log.check(6).unwrap(), None);
    }

    #[test]
    fn a_newer_schema_is_refused_and_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let mut log = EventLog::create(&path, "s").unwrap();
        log.append(&[created(1)]).unwrap();
        log.db.insert(SCHEMA_KEY, b"99").unwrap();
        log.db.flush().unwrap();
        drop(log);
        let err = EventLog::open(&path, "s").unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::NewerSchema {
                    found: 99,
                    supported: SCHEMA_VERSION,
                    ..
                }
            ),
            "{err}"
        );
        assert!(err.to_string().contains("newer fgd"), "{err}");
    }

    #[test]
    fn a_missing_schema_or_a_bad_record_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let mut log = EventLog::create(&path, "s").unwrap();
        log.append(&[created(1), created(2)]).unwrap();
        log.reader
            .events
            .insert(2u64.to_be_bytes(), b"{not json".to_vec())
            .unwrap();
        log.db.flush().unwrap();
        drop(log);
        let log = EventLog::open(&path, "s").unwrap();
        let err = log.read_after(0).unwrap_err();
        assert!(
            err.to_string().contains("record 2 can't be decoded"),
            "{err}"
        );
        assert!(err.to_string().contains("fgd repair s"), "{err}");

        let log = EventLog::create(&dir.path().join("db2"), "s").unwrap();
        log.db.remove(SCHEMA_KEY).unwrap();
        log.db.flush().unwrap();
        drop(log);
        let err = EventLog::open(&dir.path().join("db2"), "s").unwrap_err();
        assert!(err.to_string().contains("not an fgd database"), "{err}");
    }

    #[test]
    fn an_open_waits_a_little_for_sleds_own_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let held = EventLog::create(&path, "s").unwrap();
        let wait = Duration::from_millis(100);
        let start = Instant::now();
        let err = open_db_waiting(&path, "s", wait).unwrap_err().to_string();
        assert!(err.contains("could not acquire lock"), "{err}");
        assert!(
            start.elapsed() >= wait,
            "gave up after {:?}",
            start.elapsed()
        );
        drop(held);
    }

    #[test]
    fn a_gap_in_the_log_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db");
        let mut log = EventLog::create(&path, "s").unwrap();
        log.append(&[created(1), created(2), created(3)]).unwrap();
        log.reader.events.remove(2u64.to_be_bytes()).unwrap();
        log.db.flush().unwrap();
        drop(log);
        let log = EventLog::open(&path, "s").unwrap();
        let err = log.read_after(0).unwrap_err();
        assert!(err.to_string().contains("record 2 is missing"), "{err}");
        // The events after 2 do not need it.
        assert_eq!(log.read_after(2).unwrap(), [created(3)]);
    }

    #[cfg(unix)]
    #[test]
    fn the_database_engine_s_io_errors_are_worded_plainly() {
        // ENOSPC, as sled reports it.
        let e = db_error("x", &sled::Error::Io(std::io::Error::from_raw_os_error(28)));
        let text = e.to_string();
        assert!(
            text.contains("No space left on device (os error 28)"),
            "{text}"
        );
        assert!(text.contains("free some space"), "{text}");
        assert!(!text.contains("Os {"), "{text}");
    }
}
