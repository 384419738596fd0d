//! The agenda-item form: title, planned minutes, owner, guide questions (one
//! line, the questions separated by `|`). Owns its fields and their command;
//! not the widget or the running of the command.

use super::{Cx, Filled, FormKind, given, text};
use crate::domain::{Command, ItemId, Session};
use crate::i18n::screen::Words;
use crate::tui::form::{Field, Form};

const TITLE: usize = 0;
const MINUTES: usize = 1;
const OWNER: usize = 2;
const QUESTIONS: usize = 3;

/// What separates the questions in their one-line field.
const SEPARATOR: char = '|';

fn fields(w: &Words, title: &str, minutes: &str, owner: &str, questions: &str) -> Vec<Field> {
    let fields = vec![
        Field::text(w.field_title, title, true),
        Field::text(w.field_minutes, minutes, true),
        Field::text(w.field_owner, owner, false),
        Field::text(w.field_questions, questions, false).hint(w.hint_questions),
    ];
    debug_assert_eq!(fields.len(), QUESTIONS + 1);
    fields
}

/// The questions as their field shows them.
fn joined(questions: &[String]) -> String {
    questions.join(&format!(" {SEPARATOR} "))
}

/// The questions typed in their field, in order, blanks left out.
fn split(typed: &str) -> Vec<String> {
    typed
        .split(SEPARATOR)
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_owned)
        .collect()
}

/// An empty form (ten minutes planned).
pub fn new(w: &Words) -> Filled {
    (w.form_item.to_owned(), fields(w, "", "10", "", ""))
}

/// The form filled from agenda item `id`.
pub fn edit(w: &Words, s: &Session, id: ItemId) -> Option<Filled> {
    let it = s.item(id)?;
    Some((
        w.form_item.to_owned(),
        fields(
            w,
            &it.title,
            &it.minutes.to_string(),
            it.owner.as_deref().unwrap_or(""),
            &joined(&it.questions),
        ),
    ))
}

/// Adds an agenda item, or edits `edit`.
pub fn command(form: &mut Form<FormKind>, cx: &Cx<'_>, edit: Option<ItemId>) -> Option<Command> {
    let Ok(minutes) = text(form, MINUTES).parse::<u32>() else {
        form.refuse(MINUTES, crate::i18n::screen::words(cx.lang).not_a_number);
        return None;
    };
    let (title, owner) = (text(form, TITLE), text(form, OWNER));
    let questions = split(&text(form, QUESTIONS));
    Some(match edit {
        Some(item) => Command::EditAgendaItem {
            item,
            title: Some(title),
            minutes: Some(minutes),
            owner: Some(owner),
            questions: Some(questions),
        },
        None => Command::AddAgendaItem {
            title,
            minutes,
            owner: given(owner),
            questions,
            position: None,
            origin: None,
            setup: crate::domain::schedule::ItemSetup::default(),
            presenter: None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_go_through_their_field_and_back() {
        let qs = vec![
            "Apa harapan Anda?".to_owned(),
            "Siapa yang hadir?".to_owned(),
        ];
        assert_eq!(split(&joined(&qs)), qs);
        assert_eq!(split(" a |  | b| "), ["a", "b"]);
        assert!(split("").is_empty());
    }
}
