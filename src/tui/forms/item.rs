//! The agenda-item form: title, planned minutes, owner. Owns its fields and
//! their command; not the widget or the running of the command.

use super::{Cx, Filled, FormKind, given, text};
use crate::domain::{Command, ItemId, Session};
use crate::i18n::screen::Words;
use crate::tui::form::{Field, Form};

const TITLE: usize = 0;
const MINUTES: usize = 1;
const OWNER: usize = 2;

fn fields(w: &Words, title: &str, minutes: &str, owner: &str) -> Vec<Field> {
    let fields = vec![
        Field::text(w.field_title, title, true),
        Field::text(w.field_minutes, minutes, true),
        Field::text(w.field_owner, owner, false),
    ];
    debug_assert_eq!(fields.len(), OWNER + 1);
    fields
}

/// An empty form (ten minutes planned).
pub fn new(w: &Words) -> Filled {
    (w.form_item.to_owned(), fields(w, "", "10", ""))
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
    Some(match edit {
        Some(item) => Command::EditAgendaItem {
            item,
            title: Some(title),
            minutes: Some(minutes),
            owner: Some(owner),
            questions: None,
        },
        None => Command::AddAgendaItem {
            title,
            minutes,
            owner: given(owner),
            questions: vec![],
            position: None,
            origin: None,
            presenter: None,
        },
    })
}
