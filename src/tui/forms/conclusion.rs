//! The conclusion form: its text. Owns its field and its command; not the
//! widget or the running of the command. Must not run the command.

use super::{Filled, FormKind, text};
use crate::domain::{Command, Session};
use crate::i18n::screen::Words;
use crate::tui::form::{Field, Form};

const TEXT: usize = 0;

/// An empty form.
pub fn new(w: &Words) -> Filled {
    (
        w.form_conclusion.to_owned(),
        vec![Field::text(w.field_text, "", true)],
    )
}

/// The form filled from conclusion `id`.
pub fn edit(w: &Words, s: &Session, id: u32) -> Option<Filled> {
    let c = s.conclusions.get(id as usize - 1)?;
    Some((
        w.form_conclusion.to_owned(),
        vec![Field::text(w.field_text, &c.text, true)],
    ))
}

/// Adds a conclusion, or edits `edit`.
pub fn command(form: &Form<FormKind>, edit: Option<u32>) -> Command {
    let text = text(form, TEXT);
    match edit {
        Some(conclusion) => Command::EditConclusion { conclusion, text },
        None => Command::AddConclusion { text, item: None },
    }
}
