//! The agenda: items with their timeboxes and their status (pending, active,
//! done, skipped, deferred). The rules of adding, editing, moving, removing,
//! starting, advancing, skipping and deferring items, the folds of those
//! events, and the questions asked of the agenda (the active item, time
//! spent on one). Must not touch the floor, participants or records (it
//! only reads whether records point to an item).

use chrono::{DateTime, Utc};

use super::error::DomainError;
use super::event::Event;
use super::rules::{Rules, changed, limited, line, opt_line, position};
use super::session::{AgendaItem, ItemId, Session, Span};
use super::text::{MAX_TEXT_CHARS, clean};
use super::types::{ItemStatus, Status};

/// The fields of `add_agenda_item`, as typed.
pub(super) struct NewItem {
    pub title: String,
    pub minutes: u32,
    pub owner: Option<String>,
    pub questions: Vec<String>,
    pub position: Option<usize>,
    pub origin: Option<String>,
    pub setup: super::schedule::ItemSetup,
    pub presenter: Option<String>,
}

/// The fields of `edit_agenda_item`, as typed: `None` keeps.
pub(super) struct ItemChange {
    pub title: Option<String>,
    pub minutes: Option<u32>,
    pub owner: Option<String>,
    pub questions: Option<Vec<String>>,
}

fn questions_of(questions: &[String]) -> Result<Vec<String>, DomainError> {
    super::limits::at_most(
        "guide questions",
        questions.len(),
        super::limits::MAX_QUESTIONS,
    )?;
    questions
        .iter()
        .map(|q| clean(q))
        .filter(|q| !q.is_empty())
        .map(|q| limited(q, "guide question", MAX_TEXT_CHARS))
        .collect()
}

/// Rule of `add_agenda_item`: a title and 1–1440 planned minutes, at the end
/// or at a 1-based position; numbers are never reused.
pub(super) fn add(r: &Rules, new: NewItem) -> Result<Event, DomainError> {
    r.not_ended()?;
    if !(1..=1440).contains(&new.minutes) {
        return Err(DomainError::BadMinutes(new.minutes));
    }
    let limits = (r.s.agenda.len() + 1, super::limits::MAX_ITEMS);
    super::limits::at_most("agenda items", limits.0, limits.1)?;
    let index = match new.position {
        None => r.s.agenda.len(),
        Some(p) => position(p, r.s.agenda.len() + 1)?,
    };
    Ok(Event::ItemAdded {
        item: AgendaItem {
            id: ItemId(r.s.next_item_id.max(1)),
            title: line(&new.title, "agenda item title")?,
            minutes: new.minutes,
            owner: opt_line(new.owner, "owner")?,
            questions: questions_of(&new.questions)?,
            covered: vec![],
            setup: super::schedule::checked(new.setup)?,
            status: ItemStatus::Pending,
            spans: vec![],
            origin: opt_line(new.origin, "origin")?,
            revised: false,
            presenter: match new.presenter.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(p) => Some(r.s.find_participant(p)?.code.clone()),
            },
        },
        index,
    })
}

/// Rule of `edit_agenda_item`: what is not given is kept; after the end the
/// planned minutes stay; an edit that changes nothing is refused.
pub(super) fn edit(r: &Rules, id: ItemId, change: ItemChange) -> Result<Event, DomainError> {
    let it = r.item(id)?;
    if let Some(m) = change.minutes {
        if r.s.status == Status::Ended && m != it.minutes {
            return Err(DomainError::Ended);
        }
        if !(1..=1440).contains(&m) {
            return Err(DomainError::BadMinutes(m));
        }
    }
    let ev = Event::ItemEdited {
        id,
        title: change
            .title
            .map_or_else(|| Ok(it.title.clone()), |t| line(&t, "agenda item title"))?,
        minutes: change.minutes.unwrap_or(it.minutes),
        owner: match change.owner {
            None => it.owner.clone(),
            Some(o) => opt_line(Some(o), "owner")?,
        },
        questions: change
            .questions
            .map_or_else(|| Ok(it.questions.clone()), |q| questions_of(&q))?,
    };
    changed(ev, |e| {
        matches!(e, Event::ItemEdited { title, minutes, owner, questions, .. }
        if *title == it.title && *minutes == it.minutes && *owner == it.owner && *questions == it.questions)
    })
}

/// Rule of `move_agenda_item`: to a 1-based position in the agenda.
pub(super) fn move_to(r: &Rules, id: ItemId, to: usize) -> Result<Event, DomainError> {
    r.not_ended()?;
    r.item(id)?;
    Ok(Event::ItemMoved {
        id,
        index: position(to, r.s.agenda.len())?,
    })
}

/// Rule of `remove_agenda_item`: only a pending item that no record (not
/// removed) and no turn points to.
pub(super) fn remove(r: &Rules, id: ItemId) -> Result<Event, DomainError> {
    r.not_ended()?;
    let it = r.pending(id, "removed")?;
    let s = r.s;
    let linked = s
        .all_records()
        .any(|(_, rec)| !rec.removed() && rec.item() == Some(id))
        || s.turns.iter().any(|t| t.item == Some(id));
    if linked {
        return Err(DomainError::ItemHasRecords(it.title.clone()));
    }
    Ok(Event::ItemRemoved { id })
}

/// Rule of `start_item`: an item not already active; the active one is done.
pub(super) fn start(r: &Rules, id: ItemId) -> Result<Event, DomainError> {
    r.running()?;
    let it = r.item(id)?;
    if it.status == ItemStatus::Active {
        return Err(DomainError::ItemAlreadyActive(it.title.clone()));
    }
    Ok(Event::ItemStarted {
        id,
        finished: r.s.active_item().map(|i| i.id),
    })
}

/// Rule of `next_item`: never asks; refused only when there is nothing to
/// finish and nothing to start.
pub(super) fn next(r: &Rules) -> Result<Event, DomainError> {
    r.running()?;
    let finished = r.s.active_item().map(|i| i.id);
    let started = r.first_pending();
    if finished.is_none() && started.is_none() {
        return Err(DomainError::NoPendingItem);
    }
    Ok(Event::ItemAdvanced { finished, started })
}

/// Rule of `skip_item`: only a pending item.
pub(super) fn skip(r: &Rules, id: ItemId) -> Result<Event, DomainError> {
    r.not_ended()?;
    r.pending(id, "skipped")?;
    Ok(Event::ItemSkipped { id })
}

/// Rule of `defer_item`: the active item (then the next pending one starts)
/// or a pending one.
pub(super) fn defer(r: &Rules, item: Option<ItemId>) -> Result<Event, DomainError> {
    r.not_ended()?;
    let active = r.s.active_item().map(|i| i.id);
    let id = match item {
        Some(id) => id,
        None => active.ok_or(DomainError::NoActiveItem)?,
    };
    if Some(id) == active {
        r.running()?;
        return Ok(Event::ItemDeferred {
            id,
            started: r.first_pending(),
        });
    }
    r.pending(id, "deferred")?;
    Ok(Event::ItemDeferred { id, started: None })
}

/// Fold of `ItemAdded`.
pub(super) fn added(s: &mut Session, item: &AgendaItem, index: usize) {
    s.next_item_id = s.next_item_id.max(item.id.0) + 1;
    let index = index.min(s.agenda.len());
    s.agenda.insert(index, item.clone());
}

/// Fold of `ItemEdited`.
pub(super) fn edited(s: &mut Session, ev: &Event, correcting: bool) {
    let Event::ItemEdited {
        id,
        title,
        minutes,
        owner,
        questions,
    } = ev
    else {
        return;
    };
    if let Some(it) = s.agenda.iter_mut().find(|i| i.id == *id) {
        it.title.clone_from(title);
        it.minutes = *minutes;
        it.owner.clone_from(owner);
        it.questions.clone_from(questions);
        super::guide::trim(it);
        it.revised |= correcting;
    }
}

/// Fold of `ItemMoved`.
pub(super) fn moved(s: &mut Session, id: ItemId, index: usize) {
    if let Some(from) = s.agenda.iter().position(|i| i.id == id) {
        let it = s.agenda.remove(from);
        let index = index.min(s.agenda.len());
        s.agenda.insert(index, it);
    }
}

/// Fold of `ItemRemoved`.
pub(super) fn removed(s: &mut Session, id: ItemId) {
    s.agenda.retain(|i| i.id != id);
}

/// Fold of `ItemStarted` and `ItemAdvanced`: the one finished is done, the
/// one started active.
pub(super) fn switched(
    s: &mut Session,
    finished: Option<ItemId>,
    started: Option<ItemId>,
    at: DateTime<Utc>,
) {
    if let Some(f) = finished {
        leave(s, f, at, ItemStatus::Done);
    }
    if let Some(id) = started {
        activate(s, id, at);
    }
}

/// Fold of `ItemSkipped`.
pub(super) fn skipped(s: &mut Session, id: ItemId) {
    if let Some(it) = s.agenda.iter_mut().find(|i| i.id == id) {
        it.status = ItemStatus::Skipped;
    }
}

/// Fold of `ItemDeferred`.
pub(super) fn deferred(s: &mut Session, id: ItemId, started: Option<ItemId>, at: DateTime<Utc>) {
    leave(s, id, at, ItemStatus::Deferred);
    if let Some(id) = started {
        activate(s, id, at);
    }
}

/// Makes an item active from `at`.
pub(super) fn activate(s: &mut Session, id: ItemId, at: DateTime<Utc>) {
    if let Some(it) = s.agenda.iter_mut().find(|i| i.id == id) {
        it.status = ItemStatus::Active;
        it.spans.push(Span {
            start: at,
            end: None,
        });
    }
}

/// Closes an item's open span and gives it its new status.
pub(super) fn leave(s: &mut Session, id: ItemId, at: DateTime<Utc>, status: ItemStatus) {
    if let Some(it) = s.agenda.iter_mut().find(|i| i.id == id) {
        if let Some(span) = it.spans.last_mut()
            && span.end.is_none()
        {
            span.end = Some(at);
        }
        it.status = status;
    }
}

impl Session {
    /// The agenda item being discussed.
    pub fn active_item(&self) -> Option<&AgendaItem> {
        self.agenda.iter().find(|i| i.status == ItemStatus::Active)
    }

    /// Agenda item by number.
    pub fn item(&self, id: ItemId) -> Option<&AgendaItem> {
        self.agenda.iter().find(|i| i.id == id)
    }

    /// Live time spent on an item; a break's time runs while the session
    /// is paused for it.
    pub fn item_elapsed_secs(&self, item: &AgendaItem, now: DateTime<Utc>) -> i64 {
        let end = self.clock_end(now);
        item.spans
            .iter()
            .map(|s| {
                let to = s.end.unwrap_or(end);
                if item.setup.is_break {
                    (to - s.start).num_seconds().max(0)
                } else {
                    self.live_secs(s.start, to)
                }
            })
            .sum()
    }
}
