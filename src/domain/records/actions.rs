//! Action items (tindak lanjut): the rules that record and correct one and
//! set its status — with the PIC linked to a participant and the due date
//! read in the session's zone — and the folds of their events. Must not
//! touch any other record kind.

use chrono::{DateTime, NaiveDate, Utc};

use super::super::due::parse_due;
use super::super::error::DomainError;
use super::super::event::Event;
use super::super::rules::{Rules, changed, index, limited, next_id, text};
use super::super::series::Carried;
use super::super::session::{ActionId, ActionItem, ItemId, Pic, Session};
use super::super::text::{MAX_LINE_CHARS, clean_line};
use super::super::types::ActionStatus;
use super::{RecordKind, live};

impl Rules<'_> {
    /// A typed PIC linked to a participant when it names one; empty means none.
    fn pic(&self, pic: Option<&str>) -> Result<Option<Pic>, DomainError> {
        match pic.map(clean_line) {
            None => Ok(None),
            Some(p) if p.is_empty() => Ok(None),
            Some(p) => Ok(Some(self.s.link_pic(&limited(p, "PIC", MAX_LINE_CHARS)?))),
        }
    }

    /// A typed due date, counted from the command's day in the session's zone.
    fn due(&self, due: Option<&str>) -> Result<Option<NaiveDate>, DomainError> {
        match due.map(str::trim) {
            None | Some("") => Ok(None),
            Some(d) => parse_due(d, self.s.info.zone.date_of(self.now)).map(Some),
        }
    }
}

/// Rule of `add_action`: what is required; PIC and due are resolved; the
/// item is the active one by default.
pub(in crate::domain) fn add(
    r: &Rules,
    what: &str,
    pic: Option<&str>,
    due: Option<&str>,
    item: Option<ItemId>,
    origin: Option<&str>,
    carried: Option<Carried>,
) -> Result<Event, DomainError> {
    r.not_ended()?;
    let carried = carried.map(|c| Carried {
        note: c.note.as_deref().map(clean_line).filter(|n| !n.is_empty()),
        ..c
    });
    Ok(Event::ActionAdded {
        action: ActionItem {
            id: ActionId(next_id(r.s.actions.len())),
            what: text(what, "action")?,
            pic: r.pic(pic)?,
            due: r.due(due)?,
            status: ActionStatus::Open,
            item: r.item_or_active(item)?,
            origin: origin.map(clean_line).filter(|o| !o.is_empty()),
            carried,
            note: None,
            plan: None,
            at: r.now,
            removed: false,
            revised: false,
        },
    })
}

/// Rule of `edit_action`: what is not given is kept, an empty PIC or due
/// clears it; an edit that changes nothing is refused.
pub(in crate::domain) fn edit(
    r: &Rules,
    action: ActionId,
    what: Option<&str>,
    pic: Option<&str>,
    due: Option<&str>,
) -> Result<Event, DomainError> {
    let old = live(&r.s.actions, action.0, RecordKind::Action)?;
    let ev = Event::ActionEdited {
        id: action,
        what: what.map_or_else(|| Ok(old.what.clone()), |w| text(w, "action"))?,
        pic: match pic {
            None => old.pic.clone(),
            Some(p) => r.pic(Some(p))?,
        },
        due: match due {
            None => old.due,
            Some(d) => r.due(Some(d))?,
        },
    };
    changed(ev, |e| {
        matches!(e, Event::ActionEdited { what, pic, due, .. }
        if *what == old.what && *pic == old.pic && *due == old.due)
    })
}

/// Rule of `set_action_status`: a new status, a progress note, and for an
/// open action a new due date (an extension); also after the end. A due
/// date with done or dropped is refused; so is a change that changes nothing.
pub(in crate::domain) fn set_status(
    r: &Rules,
    action: ActionId,
    status: ActionStatus,
    note: Option<&str>,
    due: Option<&str>,
) -> Result<Event, DomainError> {
    let old = live(&r.s.actions, action.0, RecordKind::Action)?;
    let note = match note.map(clean_line) {
        Some(n) if !n.is_empty() => Some(limited(n, "note", MAX_LINE_CHARS)?),
        _ => None,
    };
    let due = r.due(due)?;
    if due.is_some() && status != ActionStatus::Open {
        return Err(DomainError::DueOfClosedAction);
    }
    let same_note = note.is_none() || note == old.note;
    let same_due = due.is_none() || due == old.due;
    if old.status == status && same_note && same_due {
        return Err(DomainError::NothingToChange);
    }
    Ok(Event::ActionStatusSet {
        id: action,
        status,
        note,
        due,
    })
}

/// Fold of `ActionAdded`.
pub(in crate::domain) fn added(s: &mut Session, action: &ActionItem) {
    s.actions.push(action.clone());
}

/// Fold of `ActionEdited`.
pub(in crate::domain) fn edited(
    s: &mut Session,
    id: ActionId,
    what: &str,
    pic: Option<&Pic>,
    due: Option<NaiveDate>,
    correcting: bool,
) {
    if let Some(a) = s.actions.get_mut(index(id.0)) {
        what.clone_into(&mut a.what);
        a.pic = pic.cloned();
        a.due = due;
        a.revised |= correcting;
    }
}

/// Fold of `ActionStatusSet`.
pub(in crate::domain) fn status_set(
    s: &mut Session,
    id: ActionId,
    status: ActionStatus,
    note: Option<&str>,
    due: Option<NaiveDate>,
    correcting: bool,
) {
    if let Some(a) = s.actions.get_mut(index(id.0)) {
        a.status = status;
        if let Some(n) = note {
            a.note = Some(n.to_owned());
        }
        if due.is_some() {
            a.due = due;
        }
        a.revised |= correcting;
    }
}

impl Session {
    /// Action items not removed.
    pub fn actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.actions.iter().filter(|a| !a.removed)
    }

    /// Whether action `a` is overdue at `now`: open, and due before the
    /// day, in the session's time zone, of `now` — or of the end, once the
    /// session has ended (its record is as of its end). The one rule the
    /// screen and every exported file use.
    pub fn is_overdue(&self, a: &ActionItem, now: DateTime<Utc>) -> bool {
        a.is_overdue(self.overdue_day(now))
    }

    /// The day an action's due date is held against at `now`: the session's
    /// clock (its end once ended) in its zone.
    pub fn overdue_day(&self, now: DateTime<Utc>) -> chrono::NaiveDate {
        self.info.zone.date_of(self.clock_end(now))
    }
}
