//! The note form: text, kind, participant, and public or private — chosen
//! when the note is made (public unless the notetaker picks private, for
//! every kind) and when it is edited, with one line saying what private
//! means. Owns its fields and their command; not the widget or the running
//! of the command.

use super::{Cx, Filled, FormKind, participant_of, text};
use crate::domain::{Command, NoteId, NoteKind, Session};
use crate::i18n::screen::Words;
use crate::tui::form::{Field, Form};

const TEXT: usize = 0;
const KIND: usize = 1;
const PARTICIPANT: usize = 2;
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

/// Public (0) or private (1), with what private means.
fn visibility(w: &Words, private: bool) -> Field {
    Field::choice(
        w.field_visibility,
        vec![w.visibility_public, w.visibility_private],
        usize::from(private),
    )
    .hint(w.private_hint)
}

/// An empty form: a public note until private is chosen.
pub fn new(w: &Words) -> Filled {
    let fields = vec![
        Field::text(w.field_text, "", true),
        Field::choice(w.field_kind, kind_names(w), 0),
        Field::participant(w.field_participant, "", false),
        visibility(w, false),
    ];
    debug_assert_eq!(fields.len(), PRIVATE + 1);
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
        visibility(w, n.private),
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
        private: Some(form.field(PRIVATE).choice == 1),
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
