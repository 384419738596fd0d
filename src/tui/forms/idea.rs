//! The idea form of an innovation lab: title, problem, OPD or team,
//! proposer (a participant picked from the suggestions, or free text). Owns
//! its fields and its command; not the widget or the running of the
//! command.

use super::{Filled, FormKind, given, text};
use crate::domain::Command;
use crate::i18n::{jury, screen::Words};
use crate::tui::form::{Field, Form, suggestions};

const TITLE: usize = 0;
const PROBLEM: usize = 1;
const TEAM: usize = 2;
const PROPOSER: usize = 3;

/// An empty form.
pub fn new(w: &Words) -> Filled {
    let j = jury::words(w.lang);
    let fields = vec![
        Field::text(j.idea, "", true),
        Field::text(j.problem, "", false),
        Field::text(j.unit, "", false),
        Field::participant(j.proposer, "", true),
    ];
    debug_assert_eq!(fields.len(), PROPOSER + 1);
    (j.idea.to_owned(), fields)
}

/// Adds an idea; a proposer the suggestions narrow to one participant is
/// that participant.
pub fn command(form: &Form<FormKind>, s: &crate::domain::Session) -> Command {
    let typed = text(form, PROPOSER);
    let proposer = match suggestions(s, &typed, 2).as_slice() {
        [one] if !typed.is_empty() => one.code.clone(),
        _ => typed,
    };
    Command::AddIdea {
        title: text(form, TITLE),
        problem: given(text(form, PROBLEM)),
        team: given(text(form, TEAM)),
        proposer: given(proposer),
        item: None,
    }
}
