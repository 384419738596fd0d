//! Resuming an open session: the snapshot file read and checked, its body
//! decoded on a second thread while the log opens, and the choice between
//! "the snapshot and the events after it" and "every event". Owns the rules
//! for when a snapshot fits the log; must not write anything.

use std::fs;
use std::io;
use std::path::Path;
use std::sync::Arc;

use super::snapshot::{self, Unfit};
use super::{EventLog, SNAPSHOT_FILE, SnapshotUse, StoreError};
use crate::domain::{Recorded, Snapshot};

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
pub(crate) struct SnapshotFile {
    header: snapshot::Header,
    bytes: Vec<u8>,
    body_at: usize,
}

/// Reads the snapshot file of session directory `dir` and checks its header:
/// `None` if there is none, why not if it can't be used.
pub(crate) fn read_snapshot(dir: &Path) -> Result<Option<SnapshotFile>, Unfit> {
    let bytes = match fs::read(dir.join(SNAPSHOT_FILE)) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Unfit::Unreadable(e.to_string())),
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
    fn decode(&self, id: &str) -> Result<Snapshot, Unfit> {
        snapshot::decode(self.header, &self.bytes[self.body_at..], id)
    }

    /// Starts decoding the body on a thread of `scope` (or later on this
    /// one, if no thread can be had).
    pub(crate) fn decode_on<'scope>(
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
pub(crate) struct Pending<'scope> {
    header: snapshot::Header,
    decoding:
        Result<std::thread::ScopedJoinHandle<'scope, Result<Snapshot, Unfit>>, Arc<SnapshotFile>>,
}

impl Pending<'_> {
    fn finish(self, id: &str) -> Result<Snapshot, Unfit> {
        match self.decoding {
            Ok(thread) => thread.join().unwrap_or(Err(Unfit::DecoderDied)),
            Err(file) => file.decode(id),
        }
    }
}

/// What to resume from with `log`: the snapshot if there is one that decodes
/// and fits the log (it covers an event the log has, and that event's check
/// is the one it names), with the events after it; else every event.
pub(crate) fn resume(
    log: &EventLog,
    snapshot: Result<Option<Pending<'_>>, Unfit>,
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
        Err(Unfit::AheadOfLog {
            seq,
            last: log.last_seq(),
        })
    } else if log.check(seq)? != Some(pending.header.event_check) {
        Err(Unfit::OtherLog)
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
