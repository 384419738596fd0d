//! The records the notetaker keeps — notes, mindset shifts, decisions,
//! conclusions and action items — and the one list of their kinds.
//!
//! [`RecordKind`] is the only list of record kinds; [`Record`] is what every
//! kind answers (number, agenda item, removed, revised, the participant it
//! names), and [`Session::records_of`] the only place that maps a kind to its
//! list. Revision marks, the agenda's removal check, undo and the import's
//! numbering check loop over them. Each kind's rules and folds live in its
//! own file; removal, the same for every kind, lives here. Must not hold a
//! rule of another family.

pub(super) mod actions;
pub(crate) mod ideas;
pub(super) mod mindsets;
pub(super) mod notes;
pub(crate) mod statements;

use chrono::{DateTime, Utc};

use super::error::DomainError;
use super::event::{Event, Target};
use super::rules::index;
use super::session::{
    ActionId, ActionItem, ItemId, MindsetId, MindsetShift, Note, NoteId, Session, Statement,
};
use ideas::Idea;

/// Every kind of record. Adding one makes the compiler point at each place
/// that must handle it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    /// A note.
    Note,
    /// A mindset shift.
    Mindset,
    /// A decision.
    Decision,
    /// A conclusion.
    Conclusion,
    /// An action item.
    Action,
    /// An innovation idea.
    Idea,
}

impl RecordKind {
    /// Every kind, in the order the state keeps them.
    pub const ALL: [RecordKind; 6] = [
        RecordKind::Note,
        RecordKind::Mindset,
        RecordKind::Decision,
        RecordKind::Conclusion,
        RecordKind::Action,
        RecordKind::Idea,
    ];

    /// How a refusal names a record of this kind ("no note 4").
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Note => "note",
            RecordKind::Mindset => "mindset note",
            RecordKind::Decision => "decision",
            RecordKind::Conclusion => "conclusion",
            RecordKind::Action => "action item",
            RecordKind::Idea => "idea",
        }
    }
}

/// What every record answers, whatever its kind.
pub trait Record {
    /// Its number, from 1 (its position in its list).
    fn number(&self) -> u32;
    /// The agenda item it belongs to.
    fn item(&self) -> Option<ItemId>;
    /// Removed (kept so numbers stay stable).
    fn removed(&self) -> bool;
    /// Changed after the session ended.
    fn revised(&self) -> bool;
    /// The code of the participant it names, if any.
    fn participant(&self) -> Option<&str>;
    /// When it was recorded.
    fn at(&self) -> DateTime<Utc>;
    /// Marks it removed.
    fn set_removed(&mut self);
    /// Marks it revised.
    fn set_revised(&mut self);
}

/// Implements [`Record`] for a record type: its number, and the field naming
/// a participant.
macro_rules! record {
    ($ty:ty, |$r:ident| $number:expr, |$p:ident| $participant:expr) => {
        impl Record for $ty {
            fn number(&self) -> u32 {
                let $r = self;
                $number
            }
            fn item(&self) -> Option<ItemId> {
                self.item
            }
            fn removed(&self) -> bool {
                self.removed
            }
            fn revised(&self) -> bool {
                self.revised
            }
            fn participant(&self) -> Option<&str> {
                let $p = self;
                $participant
            }
            fn at(&self) -> DateTime<Utc> {
                self.at
            }
            fn set_removed(&mut self) {
                self.removed = true;
            }
            fn set_revised(&mut self) {
                self.revised = true;
            }
        }
    };
}

record!(Note, |n| n.id.0, |n| n.participant.as_deref());
record!(MindsetShift, |m| m.id.0, |m| m.participant.as_deref());
record!(Statement, |s| s.id, |_s| None);
// A carried action names its PIC, who need not be in this meeting's room.
record!(Idea, |i| i.id, |i| i.proposer.as_deref());
record!(ActionItem, |a| a.id.0, |a| a
    .pic
    .as_ref()
    .filter(|_| a.carried.is_none())
    .and_then(|p| p.code.as_deref()));

fn boxed<T: Record>(list: &[T]) -> Box<dyn Iterator<Item = &dyn Record> + '_> {
    Box::new(list.iter().map(|r| r as &dyn Record))
}

fn at_mut<T: Record>(list: &mut [T], id: u32) -> Option<&mut dyn Record> {
    list.get_mut(index(id)).map(|r| r as &mut dyn Record)
}

impl Session {
    /// Every record of one kind, removed ones included, in number order.
    pub fn records_of(&self, kind: RecordKind) -> Box<dyn Iterator<Item = &dyn Record> + '_> {
        match kind {
            RecordKind::Note => boxed(&self.notes),
            RecordKind::Mindset => boxed(&self.mindsets),
            RecordKind::Decision => boxed(&self.decisions),
            RecordKind::Conclusion => boxed(&self.conclusions),
            RecordKind::Action => boxed(&self.actions),
            RecordKind::Idea => boxed(&self.ideas),
        }
    }

    /// Every record of every kind, removed ones included.
    pub fn all_records(&self) -> impl Iterator<Item = (RecordKind, &dyn Record)> {
        RecordKind::ALL
            .into_iter()
            .flat_map(move |k| self.records_of(k).map(move |r| (k, r)))
    }

    /// A record by kind and number, removed ones included.
    pub(super) fn record_mut(&mut self, kind: RecordKind, id: u32) -> Option<&mut dyn Record> {
        match kind {
            RecordKind::Note => at_mut(&mut self.notes, id),
            RecordKind::Mindset => at_mut(&mut self.mindsets, id),
            RecordKind::Decision => at_mut(&mut self.decisions, id),
            RecordKind::Conclusion => at_mut(&mut self.conclusions, id),
            RecordKind::Action => at_mut(&mut self.actions, id),
            RecordKind::Idea => at_mut(&mut self.ideas, id),
        }
    }
}

impl Target {
    /// The kind of record it is about.
    pub fn kind(self) -> RecordKind {
        match self {
            Target::Note(_) => RecordKind::Note,
            Target::Mindset(_) => RecordKind::Mindset,
            Target::Decision(_) => RecordKind::Decision,
            Target::Conclusion(_) => RecordKind::Conclusion,
            Target::Action(_) => RecordKind::Action,
            Target::Idea(_) => RecordKind::Idea,
        }
    }

    /// The record's number.
    pub fn number(self) -> u32 {
        match self {
            Target::Note(NoteId(n))
            | Target::Mindset(MindsetId(n))
            | Target::Decision(n)
            | Target::Conclusion(n)
            | Target::Action(ActionId(n))
            | Target::Idea(n) => n,
        }
    }
}

/// A record of `list` that exists and is not removed.
pub(super) fn live<T: Record>(list: &[T], id: u32, kind: RecordKind) -> Result<&T, DomainError> {
    list.get(index(id))
        .filter(|r| !r.removed())
        .ok_or(DomainError::UnknownRecord {
            what: kind.name(),
            id,
        })
}

/// Rule: a record that exists and is not removed can be removed, also
/// after the end (a correction).
pub(super) fn remove(s: &Session, target: Target) -> Result<Event, DomainError> {
    let (kind, id) = (target.kind(), target.number());
    s.records_of(kind)
        .nth(index(id))
        .filter(|r| !r.removed())
        .ok_or(DomainError::UnknownRecord {
            what: kind.name(),
            id,
        })?;
    Ok(Event::Removed { target })
}

/// Fold of `Removed`: the record is flagged, never dropped (numbers stay);
/// after the end it is also marked revised, so undoing the removal can tell
/// whether anything is still revised.
pub(super) fn removed(s: &mut Session, target: Target, correcting: bool) {
    if let Some(r) = s.record_mut(target.kind(), target.number()) {
        r.set_removed();
        if correcting {
            r.set_revised();
        }
    }
}
