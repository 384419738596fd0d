//! A snapshot: the whole state of a session, undo histories included, as a
//! value that serialises. Restoring it gives exactly the session that
//! replaying the log up to the same event gives, so a store can resume from
//! the latest snapshot and replay only the events after it, and a host can
//! send it to a terminal that joins.

use serde::{Deserialize, Serialize};

use super::session::{Seq, Session};
use super::undo::UndoLog;

/// The whole state of a session at one event.
///
/// Serialised, it is the session as `session.json` shows it plus the undo
/// histories; the talk totals, derived from the turns, are rebuilt on
/// [`Snapshot::restore`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    session: Session,
    undo: UndoLog,
}

impl Snapshot {
    /// Version of the state's shape and of the fold that makes it. A stored
    /// snapshot of another version is not used: bump it whenever `apply`,
    /// undo or a field of the state changes, as a snapshot then no longer
    /// equals what replaying the log gives.
    /// 4: actions carry a progress note and where a carried one came from;
    /// sessions a series.
    /// 5: a session's header carries the plan's `panels`.
    pub const VERSION: u32 = 5;

    /// The snapshot of `session`.
    pub fn of(session: &Session) -> Snapshot {
        Snapshot::from(session.clone())
    }

    /// Seq of the last event it covers.
    pub fn last_seq(&self) -> Seq {
        self.session.last_seq
    }

    /// The id of the session it is of.
    pub fn id(&self) -> &str {
        &self.session.info.id
    }

    /// The session it was taken of.
    pub fn restore(self) -> Session {
        let mut session = self.session;
        session.undo = self.undo;
        session.rebuild_talk();
        session
    }
}

impl From<Session> for Snapshot {
    fn from(mut session: Session) -> Snapshot {
        let undo = std::mem::take(&mut session.undo);
        session.talk.clear();
        Snapshot { session, undo }
    }
}
