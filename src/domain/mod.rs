//! The FGD itself, pure: commands, events, the session state and the rules.
//! No I/O, no storage, no terminal, no clock reads: time comes in as an
//! argument. Everything else in fgd depends on this module, never the reverse.
//!
//! The flow is `decide(state, command, now, actor) -> events`, then the store
//! makes each event durable, then `apply(state, recorded)` folds it in.
//!
//! Cut by family: `lifecycle`, `participants`, `agenda`, `floor` and
//! `records/` (one file per record kind) each hold their rules and the folds
//! of their events side by side; `decide.rs` and `apply.rs` only dispatch;
//! `rules.rs` holds what the rules share. One owner per list of kinds:
//! `records::RecordKind` (record kinds), `event.rs`'s `Event::texts` (the
//! texts of an event, for cleaning and anonymising), `undo::Label` (undo
//! labels; their words are in `i18n::undo`).

mod agenda;
mod apply;
mod attendance;
mod clean;
mod command;
mod decide;
mod due;
mod error;
mod event;
mod floor;
mod guide;
mod header;
mod invariants;
mod lifecycle;
pub mod limits;
mod marks;
mod paper;
mod participants;
mod records;
mod redecide;
mod rules;
pub mod schedule;
mod scoring;
mod series;
mod session;
mod snapshot;
mod speakers;
mod stamp;
pub mod text;
mod texts;
mod types;
mod undo;

pub use apply::apply;
pub use clean::TooLongText;
pub use command::Command;
pub use decide::decide;
pub use due::parse_due;
pub use error::DomainError;
pub use event::{Event, Recorded, Target};
pub use header::{Emblem, Header, HeaderChange, Letterhead};
pub use invariants::Broken;
pub use paper::Paper;
pub use records::ideas::{ActionPlan, Idea, IdeaId};
pub use records::statements::{MAX_VOTES, Votes};
pub use records::{Record, RecordKind};
pub use redecide::{Unproducible, command_of, redecide};
pub use scoring::{Criterion, Juror, Jury, Score, Scores, Standing, Total, decimal};
pub use series::{Carried, Outcome, is_closing_title, is_review_title};
pub use session::{
    ActionId, ActionItem, AgendaItem, EntryId, ItemId, MindsetId, MindsetShift, MinutesOptions,
    Note, NoteId, Participant, Person, Pic, QueueEntry, Seq, Session, SessionInfo, Span, Speaking,
    Statement, TalkStat, Turn,
};
pub use snapshot::Snapshot;
pub use speakers::{CHAIR_CODE, Speaker, SpeakerRole};
pub use texts::{Field, Form, Role, Value};
pub use types::{
    ActionStatus, Actor, CoreValue, ItemStatus, Language, NoteKind, Screen, ScreenPanel,
    SessionKind, SpeakKind, Status, Zone,
};
pub use undo::{Label, UNDO_DEPTH, label as undo_label};

/// Replays a log from the start.
pub fn replay<'a>(events: impl IntoIterator<Item = &'a Recorded>) -> Session {
    let mut s = Session::default();
    for e in events {
        apply(&mut s, e);
    }
    s
}
