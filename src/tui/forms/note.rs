//! The note form: text, kind, participant, and (editing) private. Owns its
//! fields and their command; not the widget or the running of the command.

use super::{Cx, Filled, FormKind, participant_of, text};
use crate::domain::{Command, NoteId, NoteKind, Session};
use crate::tui::form::{Field, Form};
use crate::tui::words::Words;

const TEXT: usize = 0;
const KIND: usize = 1;
const PARTICIPANT: usize = 2;
/// Only when editing.
const PRIVATE: usize = 3;

/// The kinds in the order the kind field offers them.
const KINDS: [NoteKind; 4] = [
    NoteKind::Observation,
    NoteKind::Quote,
    NoteKind::Insight,
    NoteKind::Concern,
];

fn kind_names(w: &Words) -> Vec<&'static str> {
    KINDS.iter().map(|k| w.note_kind(*k)).collect()
}

fn kind_at(i: usize) -> NoteKind {
    KINDS[i.min(KINDS.len() - 1)]
}

fn kind_index(k: NoteKind) -> usize {
    KINDS.iter().position(|x| *x == k).unwrap_or(0)
}

/// An empty form (a new note's privacy follows its kind).
pub fn new(w: &Words) -> Filled {
    let fields = vec![
        Field::text(w.field_text, "", true),
        Field::choice(w.field_kind, kind_names(w), 0),
        Field::participant(w.field_participant, "", false),
    ];
    debug_assert_eq!(fields.len(), PARTICIPANT + 1);
    (w.form_note.to_owned(), fields)
}

/// The form filled from note `id`, with its private flag.
pub fn edit(w: &Words, s: &Session, id: NoteId) -> Option<Filled> {
    let n = s.notes.get(id.0 as usize - 1)?;
    let fields = vec![
        Field::text(w.field_text, &n.text, true),
        Field::choice(w.field_kind, kind_names(w), kind_index(n.kind)),
        Field::participant(
            w.field_participant,
            n.participant.as_deref().unwrap_or(""),
            false,
        ),
        Field::choice(w.field_private, vec![w.no, w.yes], usize::from(n.private)),
    ];
    debug_assert_eq!(fields.len(), PRIVATE + 1);
    Some((w.form_note.to_owned(), fields))
}

/// Adds the note.
pub fn add(form: &mut Form<FormKind>, cx: &Cx<'_>) -> Option<Command> {
    Some(Command::AddNote {
        text: text(form, TEXT),
        kind: kind_at(form.field(KIND).choice),
        participant: participant_of(form, PARTICIPANT, cx)?,
        private: None,
        item: None,
    })
}

/// Edits note `note`.
pub fn change(form: &mut Form<FormKind>, cx: &Cx<'_>, note: NoteId) -> Option<Command> {
    Some(Command::EditNote {
        note,
        text: Some(text(form, TEXT)),
        kind: Some(kind_at(form.field(KIND).choice)),
        participant: Some(participant_of(form, PARTICIPANT, cx)?.unwrap_or_default()),
        private: Some(form.field(PRIVATE).choice == 1),
    })
}
