//! What every family's rules share: the context a rule reads ([`Rules`]: the
//! state and the command's time), the state checks (not ended, running, an
//! item or entry that exists), the cleaning of typed fields with their limits,
//! record numbers and list positions. Pure: reads the state, never changes it,
//! and holds no rule of its own.

use chrono::{DateTime, Utc};

use super::error::DomainError;
use super::event::Event;
use super::session::{AgendaItem, EntryId, ItemId, QueueEntry, Session};
use super::speakers::Speaker;
use super::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean, clean_line};
use super::types::{ItemStatus, Status};

/// What a rule reads: the state as it is and the time of the command.
pub(super) struct Rules<'a> {
    /// The session as it is.
    pub s: &'a Session,
    /// When the command was made.
    pub now: DateTime<Utc>,
}

impl Rules<'_> {
    /// Anything but a correction needs a session that has not ended.
    pub fn not_ended(&self) -> Result<(), DomainError> {
        if self.s.status == Status::Ended {
            Err(DomainError::Ended)
        } else {
            Ok(())
        }
    }

    /// Live or paused.
    pub fn running(&self) -> Result<(), DomainError> {
        match self.s.status {
            Status::Live | Status::Paused => Ok(()),
            Status::Planned => Err(DomainError::NotStarted),
            Status::Ended => Err(DomainError::Ended),
        }
    }

    /// The first pending agenda item.
    pub fn first_pending(&self) -> Option<ItemId> {
        self.s
            .agenda
            .iter()
            .find(|i| i.status == ItemStatus::Pending)
            .map(|i| i.id)
    }

    /// An agenda item that exists.
    pub fn item(&self, id: ItemId) -> Result<&AgendaItem, DomainError> {
        self.s.item(id).ok_or(DomainError::UnknownItem(id.0))
    }

    /// A pending agenda item; `verb` says what was tried.
    pub fn pending(&self, id: ItemId, verb: &'static str) -> Result<&AgendaItem, DomainError> {
        let it = self.item(id)?;
        if it.status != ItemStatus::Pending {
            return Err(DomainError::ItemNotPending {
                title: it.title.clone(),
                status: it.status,
                verb,
            });
        }
        Ok(it)
    }

    /// The item given, or the active one when none is.
    pub fn item_or_active(&self, item: Option<ItemId>) -> Result<Option<ItemId>, DomainError> {
        match item {
            Some(id) => self.item(id).map(|i| Some(i.id)),
            None => Ok(self.s.active_item().map(|i| i.id)),
        }
    }

    /// A queue entry that is in the queue.
    pub fn entry(&self, id: EntryId) -> Result<&QueueEntry, DomainError> {
        self.s
            .queue
            .iter()
            .find(|e| e.id == id)
            .ok_or(DomainError::UnknownEntry(id.0))
    }

    /// An optional speaker reference (a participant, a resource person or
    /// the chair) resolved to a code; empty means none.
    pub fn participant_opt(&self, reference: Option<&str>) -> Result<Option<String>, DomainError> {
        match reference.map(str::trim) {
            None | Some("") => Ok(None),
            Some(r) => Ok(Some(self.s.find_speaker(r)?)),
        }
    }

    /// A speaker reference resolved: who they are.
    pub fn speaker(&self, reference: &str) -> Result<Speaker<'_>, DomainError> {
        let code = self.s.find_speaker(reference)?;
        self.s
            .speaker(&code)
            .ok_or(DomainError::UnknownParticipant(code))
    }

    /// `None` keeps `old`, an empty text clears, anything else is resolved.
    pub fn participant_change(
        &self,
        reference: Option<&str>,
        old: Option<&String>,
    ) -> Result<Option<String>, DomainError> {
        match reference {
            None => Ok(old.cloned()),
            Some(r) => self.participant_opt(Some(r)),
        }
    }
}

/// A cleaned multi-line text, required and within the limit.
pub(super) fn text(raw: &str, field: &'static str) -> Result<String, DomainError> {
    limited(clean(raw), field, MAX_TEXT_CHARS)
}

/// A cleaned one-line text, required and within the limit.
pub(super) fn line(raw: &str, field: &'static str) -> Result<String, DomainError> {
    limited(clean_line(raw), field, MAX_LINE_CHARS)
}

/// An optional one-line text: empty means none.
pub(super) fn opt_line(
    raw: Option<String>,
    field: &'static str,
) -> Result<Option<String>, DomainError> {
    match raw.map(|r| clean_line(&r)) {
        Some(v) if v.is_empty() => Ok(None),
        Some(v) => limited(v, field, MAX_LINE_CHARS).map(Some),
        None => Ok(None),
    }
}

/// `v` if it is not empty and within `max` characters.
pub(super) fn limited(v: String, field: &'static str, max: usize) -> Result<String, DomainError> {
    if v.is_empty() {
        return Err(DomainError::Empty(field));
    }
    let len = v.chars().count();
    if len > max {
        return Err(DomainError::TooLong { field, len, max });
    }
    Ok(v)
}

/// The number of the record added to a list of `len`.
pub(super) fn next_id(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX - 1) + 1
}

/// A record number (from 1) as a list index; a number 0 gives an index past
/// any list.
pub(super) fn index(id: u32) -> usize {
    (id as usize).wrapping_sub(1)
}

/// A 1-based position in a list of `len` into a 0-based index.
pub(super) fn position(to: usize, len: usize) -> Result<usize, DomainError> {
    if to == 0 || to > len {
        return Err(DomainError::BadPosition { to, len });
    }
    Ok(to - 1)
}

/// Refuses an edit whose result equals the record as it is.
pub(super) fn changed(ev: Event, same: impl Fn(&Event) -> bool) -> Result<Event, DomainError> {
    if same(&ev) {
        Err(DomainError::NothingToChange)
    } else {
        Ok(ev)
    }
}
