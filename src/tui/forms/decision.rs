//! The decision form: its text and, when adding, the vote counts ("18/2/2":
//! for, against, abstain — counts, never names). Owns its fields and its
//! command; not the widget or the running of the command.

use super::{Cx, Filled, FormKind, text};
use crate::domain::{Command, Session, Votes};
use crate::i18n::{jury, screen::Words};
use crate::tui::form::{Field, Form};

const TEXT: usize = 0;
const VOTES: usize = 1;

/// An empty form.
pub fn new(w: &Words) -> Filled {
    let j = jury::words(w.lang);
    (
        w.form_decision.to_owned(),
        vec![
            Field::text(w.field_text, "", true),
            Field::text(j.votes_field, "", false),
        ],
    )
}

/// The form filled from decision `id` (its text; its counts stay).
pub fn edit(w: &Words, s: &Session, id: u32) -> Option<Filled> {
    let d = s.decisions.get(id as usize - 1)?;
    Some((
        w.form_decision.to_owned(),
        vec![Field::text(w.field_text, &d.text, true)],
    ))
}

/// "18/2/2", "18 2 2" or "18,2,2" as counts; empty is none.
fn votes(typed: &str) -> Result<Option<Votes>, ()> {
    let parts: Vec<&str> = typed
        .split(|c: char| c == '/' || c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [] => Ok(None),
        [f, a, x] => {
            let n = |s: &str| s.parse::<u32>().map_err(|_| ());
            Ok(Some(Votes {
                in_favour: n(f)?,
                against: n(a)?,
                abstain: n(x)?,
            }))
        }
        _ => Err(()),
    }
}

/// Adds a decision, or edits `edit`; `None` with the reason on the votes
/// field when they are not three numbers.
pub fn command(form: &mut Form<FormKind>, cx: &Cx<'_>, edit: Option<u32>) -> Option<Command> {
    let text = text(form, TEXT);
    if let Some(decision) = edit {
        return Some(Command::EditDecision { decision, text });
    }
    let typed = form.field(VOTES).value().to_owned();
    let Ok(votes) = votes(&typed) else {
        form.refuse(VOTES, jury::words(cx.lang).votes_bad);
        return None;
    };
    Some(Command::AddDecision {
        text,
        item: None,
        votes,
    })
}
