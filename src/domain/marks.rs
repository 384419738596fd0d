//! How far a session's history stood when parts of it last changed: the
//! marks `apply` keeps so a screen can tell that what a panel shows is the
//! same as a frame ago without looking at it (`tui::view::memo`). Not part
//! of the state: equal sessions are equal whatever their marks. Must not
//! change state.

use std::sync::atomic::{AtomicU64, Ordering};

use super::session::{Seq, Session};

/// How many sessions this process has read whole (see [`Session::origin`]).
static READ_WHOLE: AtomicU64 = AtomicU64::new(1);

/// A new origin for a session read whole.
pub(crate) fn fresh_origin() -> ChangeMark {
    ChangeMark(READ_WHOLE.fetch_add(1, Ordering::Relaxed))
}

/// Where a session's history stood when something last changed: a hint for
/// what a screen may keep, not part of the state, so two sessions equal in
/// everything else are equal whatever their marks (as after an undo).
#[derive(Debug, Clone, Copy, Default)]
pub struct ChangeMark(pub(crate) Seq);

impl PartialEq for ChangeMark {
    fn eq(&self, _: &ChangeMark) -> bool {
        true
    }
}

impl Session {
    /// The number of the last event that may have changed the records
    /// (notes, mindset shifts, decisions, conclusions, actions) or how they
    /// read: every event but a pause, a resume, the floor's and a guide
    /// question ticked. Equal numbers: the same records. A session read
    /// whole (not folded here) gives its last event's number.
    pub fn records_seq(&self) -> Seq {
        if self.records_seq.0 == 0 {
            self.last_seq
        } else {
            self.records_seq.0
        }
    }

    /// The number of the last event that changed more than the session's
    /// clock: every event but a pause and a resume (which change only
    /// whether the clocks run). Equal numbers: the same agenda, floor,
    /// participants and records. A session read whole gives its last
    /// event's number.
    pub fn content_seq(&self) -> Seq {
        if self.content_seq.0 == 0 {
            self.last_seq
        } else {
            self.content_seq.0
        }
    }

    /// Which reading of a whole session this is: 0 for a session folded
    /// from its log here, a number of its own for each one read whole (a
    /// snapshot, a joined terminal's state after a reconnect). Two sessions
    /// with the same id and event numbers but another origin may differ (a
    /// log repaired and written on), so what was kept for one is not the
    /// other's.
    pub fn origin(&self) -> u64 {
        self.origin.0
    }
}
