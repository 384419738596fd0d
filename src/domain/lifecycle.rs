//! The session's life: created → planned → live ⇄ paused → ended, and undo.
//! The rules of `create`, `start`, `pause`, `resume`, `end` and `undo`, and
//! the folds of their events. Ending closes the floor and the agenda through
//! those families' folds; undo's slots live in `undo.rs`. Must not hold the
//! rules of another family.

use chrono::{DateTime, Utc};

use super::agenda;
use super::error::DomainError;
use super::event::Event;
use super::floor;
use super::rules::{Rules, line};
use super::session::{Session, SessionInfo, Span};
use super::text::clean_line;
use super::types::{Actor, ItemStatus, Status};
use super::undo;

/// Rule of `create` (the first event of every log): the title and id are
/// required; every text is cleaned; the turn limit defaults to three minutes.
pub(super) fn create(mut info: SessionInfo) -> Result<Event, DomainError> {
    info.title = line(&info.title, "title")?;
    info.id = clean_line(&info.id);
    if info.id.is_empty() {
        return Err(DomainError::Empty("session id"));
    }
    for field in [&mut info.venue, &mut info.organizer, &mut info.place] {
        *field = field.as_deref().map(clean_line).filter(|v| !v.is_empty());
    }
    for person in [&mut info.facilitator, &mut info.notetaker] {
        if let Some(p) = person {
            p.name = clean_line(&p.name);
            for field in [&mut p.nip, &mut p.position, &mut p.rank] {
                *field = field.as_deref().map(clean_line).filter(|v| !v.is_empty());
            }
        }
        if person.as_ref().is_some_and(|p| p.name.is_empty()) {
            *person = None;
        }
    }
    super::limits::at_most(
        "resource persons",
        info.resource_persons.len(),
        super::limits::MAX_RESOURCE_PERSONS,
    )?;
    info.resource_persons = info
        .resource_persons
        .iter()
        .map(|r| clean_line(r))
        .filter(|r| !r.is_empty())
        .collect();
    info.follow_up_of = info
        .follow_up_of
        .as_deref()
        .map(clean_line)
        .filter(|v| !v.is_empty());
    // The first meeting is stored as 0 (absent), so 1 and none read the same.
    if info.meeting <= 1 {
        info.meeting = 0;
    }
    info.revised = false;
    if info.speaker_limit_secs == 0 {
        info.speaker_limit_secs = 180;
    }
    Ok(Event::Created { info })
}

/// Rule of `start`: a planned session starts with its first pending item.
pub(super) fn start(r: &Rules) -> Result<Event, DomainError> {
    match r.s.status {
        Status::Planned => Ok(Event::Started {
            item: r.first_pending(),
        }),
        Status::Ended => Err(DomainError::Ended),
        Status::Live | Status::Paused => Err(DomainError::AlreadyStarted),
    }
}

/// Rule of `pause`: only a live session pauses.
pub(super) fn pause(r: &Rules) -> Result<Event, DomainError> {
    match r.s.status {
        Status::Live => Ok(Event::Paused),
        Status::Paused => Err(DomainError::AlreadyPaused),
        Status::Planned => Err(DomainError::NotStarted),
        Status::Ended => Err(DomainError::Ended),
    }
}

/// Rule of `resume`: only a paused session resumes.
pub(super) fn resume(r: &Rules) -> Result<Event, DomainError> {
    match r.s.status {
        Status::Paused => Ok(Event::Resumed),
        Status::Live => Err(DomainError::NotPaused),
        Status::Planned => Err(DomainError::NotStarted),
        Status::Ended => Err(DomainError::Ended),
    }
}

/// Rule of `end`: a live or paused session ends.
pub(super) fn end(r: &Rules) -> Result<Event, DomainError> {
    match r.s.status {
        Status::Live | Status::Paused => Ok(Event::Ended),
        Status::Planned => Err(DomainError::NotStarted),
        Status::Ended => Err(DomainError::AlreadyEnded),
    }
}

/// Rule of `undo`: the actor's last command, unless another terminal has
/// changed what it changed since.
pub(super) fn undo(r: &Rules, actor: Actor) -> Result<Event, DomainError> {
    match r.s.undo.next_for(actor) {
        None => Err(DomainError::NothingToUndo),
        Some((_, label, true)) => Err(DomainError::UndoConflict(label.wire_name())),
        Some((seq, _, false)) => Ok(Event::Undone { of: seq }),
    }
}

/// Fold of `Created`.
pub(super) fn created(s: &mut Session, info: &SessionInfo) {
    s.info = info.clone();
}

/// Fold of `Started`.
pub(super) fn started(s: &mut Session, item: Option<super::session::ItemId>, at: DateTime<Utc>) {
    s.status = Status::Live;
    s.started_at = Some(at);
    if let Some(id) = item {
        agenda::activate(s, id, at);
    }
}

/// Fold of `Paused`.
pub(super) fn paused(s: &mut Session, at: DateTime<Utc>) {
    s.status = Status::Paused;
    s.pauses.push(Span {
        start: at,
        end: None,
    });
}

/// Fold of `Resumed`.
pub(super) fn resumed(s: &mut Session, at: DateTime<Utc>) {
    s.status = Status::Live;
    close_pause(s, at);
}

/// Fold of `Ended`: the speaker finishes, the floor closes (hands still
/// raised will not be called), the active item is done, the undo histories
/// go.
pub(super) fn ended(s: &mut Session, at: DateTime<Utc>) {
    close_pause(s, at);
    floor::finish_speaker(s, at);
    s.queue.clear();
    if let Some(id) = s.active_item().map(|i| i.id) {
        agenda::leave(s, id, at, ItemStatus::Done);
    }
    s.status = Status::Ended;
    s.ended_at = Some(at);
    s.undo.clear();
}

/// Fold of `Undone`.
pub(super) fn undone(s: &mut Session, actor: Actor, of: super::session::Seq) {
    undo::revert(s, actor, of);
}

fn close_pause(s: &mut Session, at: DateTime<Utc>) {
    if let Some(p) = s.pauses.last_mut()
        && p.end.is_none()
    {
        p.end = Some(at);
    }
}

/// Whether anything was corrected after the end (an undone correction may
/// leave nothing revised).
pub(super) fn any_revised(s: &Session) -> bool {
    s.info.revised
        || s.participants.iter().any(|p| p.revised)
        || s.agenda.iter().any(|i| i.revised)
        || s.all_records().any(|(_, r)| r.revised())
}
