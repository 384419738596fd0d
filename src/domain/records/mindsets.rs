//! Mindset shifts ("dari … menjadi …"): the rules that record and correct
//! one, and the folds of `MindsetAdded` and `MindsetEdited`. Must not touch
//! any other record kind.

use super::super::error::DomainError;
use super::super::event::Event;
use super::super::rules::{Rules, changed, index, next_id, text};
use super::super::session::{ItemId, MindsetId, MindsetShift, Session};
use super::super::types::CoreValue;
use super::{RecordKind, live};

/// Rule of `add_mindset`: "from" and "to" are required; the values are kept
/// sorted and once each; the item is the active one by default.
pub(in crate::domain) fn add(
    r: &Rules,
    from: &str,
    to: &str,
    mut values: Vec<CoreValue>,
    participant: Option<&str>,
    item: Option<ItemId>,
) -> Result<Event, DomainError> {
    r.not_ended()?;
    values.sort();
    values.dedup();
    Ok(Event::MindsetAdded {
        mindset: MindsetShift {
            id: MindsetId(next_id(r.s.mindsets.len())),
            from: text(from, "“from”")?,
            to: text(to, "“to”")?,
            values,
            participant: r.participant_opt(participant)?,
            item: r.item_or_active(item)?,
            at: r.now,
            removed: false,
            revised: false,
        },
    })
}

/// Rule of `edit_mindset`: what is not given is kept; an edit that changes
/// nothing is refused.
pub(in crate::domain) fn edit(
    r: &Rules,
    mindset: MindsetId,
    from: Option<String>,
    to: Option<String>,
    values: Option<Vec<CoreValue>>,
    participant: Option<&str>,
) -> Result<Event, DomainError> {
    let old = live(&r.s.mindsets, mindset.0, RecordKind::Mindset)?;
    let mut values = values.unwrap_or_else(|| old.values.clone());
    values.sort();
    values.dedup();
    let ev = Event::MindsetEdited {
        id: mindset,
        from: from.map_or_else(|| Ok(old.from.clone()), |f| text(&f, "“from”"))?,
        to: to.map_or_else(|| Ok(old.to.clone()), |t| text(&t, "“to”"))?,
        values,
        participant: r.participant_change(participant, old.participant.as_ref())?,
    };
    changed(ev, |e| {
        matches!(e, Event::MindsetEdited { from, to, values, participant, .. }
        if *from == old.from && *to == old.to && *values == old.values && *participant == old.participant)
    })
}

/// Fold of `MindsetAdded`.
pub(in crate::domain) fn added(s: &mut Session, mindset: &MindsetShift) {
    s.mindsets.push(mindset.clone());
}

/// Fold of `MindsetEdited`.
pub(in crate::domain) fn edited(s: &mut Session, ev: &Event, correcting: bool) {
    let Event::MindsetEdited {
        id,
        from,
        to,
        values,
        participant,
    } = ev
    else {
        return;
    };
    if let Some(m) = s.mindsets.get_mut(index(id.0)) {
        m.from.clone_from(from);
        m.to.clone_from(to);
        m.values.clone_from(values);
        m.participant.clone_from(participant);
        m.revised |= correcting;
    }
}

impl Session {
    /// Mindset shifts not removed.
    pub fn mindsets(&self) -> impl Iterator<Item = &MindsetShift> {
        self.mindsets.iter().filter(|m| !m.removed)
    }
}
