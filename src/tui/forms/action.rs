//! The action-item form: what, PIC, due date. Owns its fields and their
//! command (a due date checked as the domain reads it, a PIC resolved as its
//! field suggested); not the widget or the running of the command.

use super::{Cx, Filled, FormKind, given, text};
use crate::domain::{ActionId, Command, Session, parse_due};
use crate::i18n::screen::Words;
use crate::tui::form::{Field, Form, suggestions};

const WHAT: usize = 0;
const PIC: usize = 1;
const DUE: usize = 2;

fn fields(w: &Words, what: &str, pic: &str, due: &str) -> Vec<Field> {
    let fields = vec![
        Field::text(w.field_what, what, true),
        Field::participant(w.field_pic, pic, true),
        Field::due(w.field_due, due).hint(w.due_hint),
    ];
    debug_assert_eq!(fields.len(), DUE + 1);
    fields
}

/// An empty form.
pub fn new(w: &Words) -> Filled {
    (w.form_action.to_owned(), fields(w, "", "", ""))
}

/// The form filled from action item `id`.
pub fn edit(w: &Words, s: &Session, id: ActionId) -> Option<Filled> {
    let a = s.actions.get(id.0 as usize - 1)?;
    let pic = a
        .pic
        .as_ref()
        .map(|p| p.code.clone().unwrap_or_else(|| p.text.clone()))
        .unwrap_or_default();
    let due = a.due.map(|d| d.to_string()).unwrap_or_default();
    Some((w.form_action.to_owned(), fields(w, &a.what, &pic, &due)))
}

/// Adds an action item, or edits `edit`.
pub fn command(form: &mut Form<FormKind>, cx: &Cx<'_>, edit: Option<ActionId>) -> Option<Command> {
    let s = cx.session;
    let due = text(form, DUE);
    if !due.is_empty()
        && let Err(e) = parse_due(&due, s.info.zone.date_of(cx.now))
    {
        form.refuse(DUE, crate::i18n::refusals::refusal(cx.lang, &e));
        return None;
    }
    // A PIC that the suggestions narrow to one participant is that
    // participant (as the field showed); anything else is kept as typed.
    let typed_pic = super::p_code(&text(form, PIC));
    let pic = match suggestions(s, &typed_pic, 2).as_slice() {
        _ if s.participant(&typed_pic).is_some() => typed_pic,
        [one] if !typed_pic.is_empty() => one.code.clone(),
        _ => typed_pic,
    };
    let what = text(form, WHAT);
    Some(match edit {
        Some(action) => Command::EditAction {
            action,
            what: Some(what),
            pic: Some(pic),
            due: Some(due),
        },
        None => Command::AddAction {
            what,
            pic: given(pic),
            due: given(due),
            item: None,
            origin: None,
            carried: None,
        },
    })
}
