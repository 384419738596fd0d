//! The review's two forms for a carried action: "in progress" (a progress
//! note) and "extended" (a new due date, and a note). Each becomes
//! `set_action_status` with status open. Owns their fields and commands; not
//! the widget, the review overlay or the running of the command.

use super::{Cx, Filled, FormKind, given, text};
use crate::domain::{ActionId, ActionStatus, Command, Session, parse_due};
use crate::i18n::screen::Words;
use crate::i18n::series;
use crate::tui::form::{Field, Form};

/// The note field of both forms.
const NOTE: usize = 0;
/// The due-date field of the extension.
const DUE: usize = 1;

/// The title: the action's number and what it is.
fn title(s: &Session, id: ActionId) -> Option<String> {
    let a = s.actions().find(|a| a.id == id)?;
    Some(format!("{}. {}", a.id.0, a.what))
}

/// "In progress": a new progress note (the one carried is on the review).
pub fn progress(w: &Words, s: &Session, id: ActionId) -> Option<Filled> {
    let sw = series::words(w.lang);
    Some((title(s, id)?, vec![Field::text(sw.review_note, "", true)]))
}

/// "Extended": the note and the new due date.
pub fn extend(w: &Words, s: &Session, id: ActionId) -> Option<Filled> {
    let sw = series::words(w.lang);
    let a = s.actions().find(|a| a.id == id)?;
    let fields = vec![
        Field::text(sw.review_note, a.latest_note().unwrap_or(""), false),
        Field::text(sw.review_new_due, "", true).hint(w.due_hint),
    ];
    debug_assert_eq!(fields.len(), DUE + 1);
    Some((title(s, id)?, fields))
}

/// The command of either form (`extend` says which).
pub fn command(
    form: &mut Form<FormKind>,
    cx: &Cx<'_>,
    action: ActionId,
    extend: bool,
) -> Option<Command> {
    let due = if extend {
        let due = text(form, DUE);
        if let Err(e) = parse_due(&due, cx.session.info.zone.date_of(cx.now)) {
            form.refuse(DUE, crate::i18n::refusals::refusal(cx.lang, &e));
            return None;
        }
        Some(due)
    } else {
        None
    };
    Some(Command::SetActionStatus {
        action,
        status: ActionStatus::Open,
        note: given(text(form, NOTE)),
        due,
    })
}
