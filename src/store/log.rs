//! The event log in sled: one tree of `seq (u64, big-endian) → event (JSON)`,
//! and a schema version in the default tree. This is the only file in fgd
//! that names sled. Every append is flushed before it returns.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::domain::{Recorded, Seq};

use super::StoreError;

/// The schema this build writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

const SCHEMA_KEY: &[u8] = b"fgd.schema";
const ID_KEY: &[u8] = b"fgd.session_id";
const EVENTS_TREE: &[u8] = b"events";

/// sled's page cache; the log is small and read once at open.
const CACHE_BYTES: u64 = 4 * 1024 * 1024;

/// An open event log.
pub struct EventLog {
    db: sled::Db,
    events: sled::Tree,
    last_seq: Seq,
}

impl std::fmt::Debug for EventLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventLog")
            .field("last_seq", &self.last_seq)
            .finish_non_exhaustive()
    }
}

/// How long an open waits for sled's own lock on its files. The session
/// lock is held before sled opens, so no other fgd has the database open:
/// only the background threads of a database this process (or one exiting)
/// has just closed can still hold sled's lock, for a few milliseconds (sled
/// 0.34 does not wait for them when a database is dropped).
const SLED_LOCK_WAIT: Duration = Duration::from_secs(2);

fn open_db(path: &Path) -> Result<sled::Db, String> {
    open_db_waiting(path, SLED_LOCK_WAIT)
}

fn open_db_waiting(path: &Path, wait: Duration) -> Result<sled::Db, String> {
    let config = sled::Config::new()
        .path(path)
        .cache_capacity(CACHE_BYTES)
        .mode(sled::Mode::LowSpace);
    let deadline = Instant::now() + wait;
    loop {
        match catch_unwind(AssertUnwindSafe(|| config.open())) {
            Ok(Ok(db)) => return Ok(db),
            Ok(Err(e)) if lock_busy(&e) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(2));
            }
            Ok(Err(e)) => return Err(e.to_string()),
            Err(_) => return Err("the database engine failed while reading it".to_owned()),
        }
    }
}

/// Whether sled refused to open because its lock file is held (it reports
/// that only in the error's text).
fn lock_busy(e: &sled::Error) -> bool {
    matches!(e, sled::Error::Io(io) if io.to_string().contains("could not acquire lock"))
}

impl EventLog {
    /// Creates a new log at `path` (which must not hold one) for session `id`.
    pub fn create(path: &Path, id: &str) -> Result<EventLog, StoreError> {
        super::fsutil::create_private_dir(path).map_err(|e| StoreError::io(path, e))?;
        let db = open_db(path).map_err(|detail| StoreError::Corrupt {
            id: id.to_owned(),
            detail,
        })?;
        let events = db
            .open_tree(EVENTS_TREE)
            .map_err(|e| StoreError::db(id, &e))?;
        db.insert(SCHEMA_KEY, SCHEMA_VERSION.to_string().as_bytes())
            .map_err(|e| StoreError::db(id, &e))?;
        db.insert(ID_KEY, id.as_bytes())
            .map_err(|e| StoreError::db(id, &e))?;
        db.flush().map_err(|e| StoreError::db(id, &e))?;
        Ok(EventLog {
            db,
            events,
            last_seq: 0,
        })
    }

    /// Opens the log at `path` and reads every event, checking the schema and
    /// that seqs run 1, 2, 3 … Refuses (writing nothing) a newer or unknown
    /// schema and undecodable records.
    pub fn open(path: &Path, id: &str) -> Result<(EventLog, Vec<Recorded>), StoreError> {
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
        let db = open_db(path).map_err(corrupt)?;
        let schema = db.get(SCHEMA_KEY).map_err(|e| StoreError::db(id, &e))?;
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
        let events = db
            .open_tree(EVENTS_TREE)
            .map_err(|e| StoreError::db(id, &e))?;
        let read = catch_unwind(AssertUnwindSafe(|| read_all(&events)));
        let log = match read {
            Ok(r) => r.map_err(corrupt)?,
            Err(_) => {
                return Err(corrupt(
                    "the database engine failed while reading it".to_owned(),
                ));
            }
        };
        let last_seq = log.last().map_or(0, |r| r.seq);
        Ok((
            EventLog {
                db,
                events,
                last_seq,
            },
            log,
        ))
    }

    /// Seq of the last stored event.
    pub fn last_seq(&self) -> Seq {
        self.last_seq
    }

    /// Stores events (whose seqs must follow on) and flushes them to disk
    /// before returning. One event (the usual case) is a plain insert; more
    /// go in one batch, so they are stored all or none.
    pub fn append(&mut self, recs: &[Recorded]) -> Result<(), StoreError> {
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
            let bytes = serde_json::to_vec(rec).map_err(|e| StoreError::Encode(e.to_string()))?;
            encoded.push((rec.seq.to_be_bytes(), bytes));
        }
        let id = "this session";
        match encoded.len() {
            0 => return Ok(()),
            1 => {
                let (key, bytes) = encoded.swap_remove(0);
                self.events
                    .insert(key, bytes)
                    .map_err(|e| StoreError::db(id, &e))?;
            }
            _ => {
                let mut batch = sled::Batch::default();
                for (key, bytes) in encoded {
                    batch.insert(&key, bytes);
                }
                self.events
                    .apply_batch(batch)
                    .map_err(|e| StoreError::db(id, &e))?;
            }
        }
        self.db.flush().map_err(|e| StoreError::db(id, &e))?;
        self.last_seq = seq;
        Ok(())
    }
}

fn read_all(events: &sled::Tree) -> Result<Vec<Recorded>, String> {
    // (No `events.len()`: in sled 0.34 it is a second full scan.)
    let mut out = Vec::new();
    for (i, kv) in events.iter().enumerate() {
        let expected = i as u64 + 1;
        let (k, v) = kv.map_err(|e| format!("record {expected} can't be read ({e})"))?;
        let key: [u8; 8] = k
            .as_ref()
            .try_into()
            .map_err(|_| format!("record {expected} has a malformed key"))?;
        let seq = u64::from_be_bytes(key);
        if seq != expected {
            return Err(format!(
                "record {expected} is missing (found {seq} instead)"
            ));
        }
        let rec: Recorded = serde_json::from_slice(&v)
            .map_err(|e| format!("record {seq} can't be decoded ({e})"))?;
        if rec.seq != seq {
            return Err(format!("record {seq} says it is {}", rec.seq));
        }
        out.push(rec);
    }
    Ok(out)
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
        let (log, back) = EventLog::open(&path, "s").unwrap();
        assert_eq!(back, recs);
        assert_eq!(log.last_seq(), 5);
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
        log.events
            .insert(2u64.to_be_bytes(), b"{not json".to_vec())
            .unwrap();
        log.db.flush().unwrap();
        drop(log);
        let err = EventLog::open(&path, "s").unwrap_err();
        assert!(
            err.to_string().contains("record 2 can't be decoded"),
            "{err}"
        );
        assert!(err.to_string().contains("fgd import"), "{err}");

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
        let err = open_db_waiting(&path, wait).unwrap_err();
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
        log.events.remove(2u64.to_be_bytes()).unwrap();
        log.db.flush().unwrap();
        drop(log);
        let err = EventLog::open(&path, "s").unwrap_err();
        assert!(err.to_string().contains("record 2 is missing"), "{err}");
    }
}
