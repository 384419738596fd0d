//! The FGD itself, pure: commands, events, the session state and the rules.
//! No I/O, no storage, no terminal, no clock reads: time comes in as an
//! argument. Everything else in fgd depends on this module, never the reverse.
//!
//! The flow is `decide(state, command, now, actor) -> events`, then the store
//! makes each event durable, then `apply(state, recorded)` folds it in.

mod apply;
mod clean;
mod command;
mod decide;
mod due;
mod error;
mod event;
mod session;
mod snapshot;
mod stamp;
pub mod text;
mod types;
mod undo;

pub use apply::apply;
pub use command::Command;
pub use decide::decide;
pub use due::parse_due;
pub use error::DomainError;
pub use event::{Event, Recorded, Target};
pub use session::{
    ActionId, ActionItem, AgendaItem, ConclusionId, DecisionId, EntryId, ItemId, MindsetId,
    MindsetShift, Note, NoteId, Participant, Person, Pic, QueueEntry, Seq, Session, SessionInfo,
    Span, Speaking, Statement, TalkStat, Turn,
};
pub use snapshot::Snapshot;
pub use types::{
    ActionStatus, Actor, CoreValue, ItemStatus, Language, NoteKind, SessionKind, SpeakKind, Status,
    Zone,
};
pub use undo::UNDO_DEPTH;

/// Where the time comes from: the system clock in the app, a settable one in tests.
pub trait Clock {
    /// The current instant.
    fn now(&self) -> chrono::DateTime<chrono::Utc>;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> chrono::DateTime<chrono::Utc> {
        chrono::Utc::now()
    }
}

/// Replays a log from the start.
pub fn replay<'a>(events: impl IntoIterator<Item = &'a Recorded>) -> Session {
    let mut s = Session::default();
    for e in events {
        apply(&mut s, e);
    }
    s
}
