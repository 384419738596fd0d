//! The decision form: its text. Owns its field and its command; not the
//! widget or the running of the command. Must not run the command.

use super::{Filled, FormKind, text};
use crate::domain::{Command, Session};
use crate::i18n::screen::Words;
use crate::tui::form::{Field, Form};

const TEXT: usize = 0;

/// An empty form.
pub fn new(w: &Words) -> Filled {
    (
        w.form_decision.to_owned(),
        vec![Field::text(w.field_text, "", true)],
    )
}

/// The form filled from decision `id`.
pub fn edit(w: &Words, s: &Session, id: u32) -> Option<Filled> {
    let d = s.decisions.get(id as usize - 1)?;
    Some((
        w.form_decision.to_owned(),
        vec![Field::text(w.field_text, &d.text, true)],
    ))
}

/// Adds a decision, or edits `edit`.
pub fn command(form: &Form<FormKind>, edit: Option<u32>) -> Command {
    let text = text(form, TEXT);
    match edit {
        Some(decision) => Command::EditDecision { decision, text },
        None => Command::AddDecision {
            text,
            item: None,
            votes: None,
        },
    }
}
