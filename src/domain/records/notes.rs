//! Notes: the rules that record and correct one, and the folds of
//! `NoteAdded` and `NoteEdited`. Must not touch any other record kind.

use super::super::error::DomainError;
use super::super::event::Event;
use super::super::rules::{Rules, changed, index, next_id, text};
use super::super::session::{ItemId, Note, NoteId, Session};
use super::super::types::NoteKind;
use super::{RecordKind, live};

/// Rule of `add_note`: the text is required; a note links its participant
/// and item (the active one by default); concerns and observations are
/// private unless told otherwise.
pub(in crate::domain) fn add(
    r: &Rules,
    raw: &str,
    kind: NoteKind,
    participant: Option<&str>,
    private: Option<bool>,
    item: Option<ItemId>,
) -> Result<Event, DomainError> {
    r.not_ended()?;
    Ok(Event::NoteAdded {
        note: Note {
            id: NoteId(next_id(r.s.notes.len())),
            kind,
            text: text(raw, "note text")?,
            participant: r.participant_opt(participant)?,
            item: r.item_or_active(item)?,
            at: r.now,
            private: private.unwrap_or_else(|| kind.private_by_default()),
            removed: false,
            revised: false,
        },
    })
}

/// Rule of `edit_note`: what is not given is kept; an edit that changes
/// nothing is refused.
pub(in crate::domain) fn edit(
    r: &Rules,
    note: NoteId,
    raw: Option<String>,
    kind: Option<NoteKind>,
    participant: Option<&str>,
    private: Option<bool>,
) -> Result<Event, DomainError> {
    let old = live(&r.s.notes, note.0, RecordKind::Note)?;
    let ev = Event::NoteEdited {
        id: note,
        kind: kind.unwrap_or(old.kind),
        text: raw.map_or_else(|| Ok(old.text.clone()), |t| text(&t, "note text"))?,
        participant: r.participant_change(participant, old.participant.as_ref())?,
        private: private.unwrap_or(old.private),
    };
    changed(ev, |e| {
        matches!(e, Event::NoteEdited { kind, text, participant, private, .. }
        if *kind == old.kind && *text == old.text && *participant == old.participant && *private == old.private)
    })
}

/// Fold of `NoteAdded`.
pub(in crate::domain) fn added(s: &mut Session, note: &Note) {
    s.notes.push(note.clone());
}

/// Fold of `NoteEdited`.
pub(in crate::domain) fn edited(s: &mut Session, ev: &Event, correcting: bool) {
    let Event::NoteEdited {
        id,
        kind,
        text,
        participant,
        private,
    } = ev
    else {
        return;
    };
    if let Some(n) = s.notes.get_mut(index(id.0)) {
        n.kind = *kind;
        n.text.clone_from(text);
        n.participant.clone_from(participant);
        n.private = *private;
        n.revised |= correcting;
    }
}

impl Session {
    /// Notes not removed.
    pub fn notes(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|n| !n.removed)
    }
}
