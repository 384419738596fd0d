//! The mindset-shift form (new and edit): from, to, BerAKHLAK values
//! (ticked on a checklist, never typed), participant. Owns its fields and their command; not the widget or the
//! running of the command.

use super::{Cx, Filled, FormKind, participant_of, text};
use crate::domain::{Command, CoreValue, MindsetId, Session};
use crate::i18n::screen::Words;
use crate::tui::form::{Field, Form};

const FROM: usize = 0;
const TO: usize = 1;
const VALUES: usize = 2;
const PARTICIPANT: usize = 3;

fn fields(w: &Words, from: &str, to: &str, values: &[CoreValue], participant: &str) -> Vec<Field> {
    let names = CoreValue::ALL.iter().map(|v| w.core_value(*v)).collect();
    let on = CoreValue::ALL.iter().map(|v| values.contains(v)).collect();
    let fields = vec![
        Field::text(w.field_from, from, true),
        Field::text(w.field_to, to, true),
        Field::checks(w.field_values, names, on).hint(w.values_hint),
        Field::participant(w.field_participant, participant, false),
    ];
    debug_assert_eq!(fields.len(), PARTICIPANT + 1);
    fields
}

/// An empty form.
pub fn new(w: &Words) -> Filled {
    (w.form_mindset.to_owned(), fields(w, "", "", &[], ""))
}

/// The form filled from mindset shift `id`.
pub fn edit(w: &Words, s: &Session, id: MindsetId) -> Option<Filled> {
    let m = s.mindsets.get(id.0 as usize - 1)?;
    Some((
        w.form_mindset.to_owned(),
        fields(
            w,
            &m.from,
            &m.to,
            &m.values,
            m.participant.as_deref().unwrap_or(""),
        ),
    ))
}

/// Adds a mindset shift, or edits `edit`.
pub fn command(form: &mut Form<FormKind>, cx: &Cx<'_>, edit: Option<MindsetId>) -> Option<Command> {
    // Ticked on the checklist, in BerAKHLAK order.
    let values: Vec<CoreValue> = form
        .field(VALUES)
        .ticked()
        .into_iter()
        .filter_map(|i| CoreValue::ALL.get(i).copied())
        .collect();
    let participant = participant_of(form, PARTICIPANT, cx)?;
    let (from, to) = (text(form, FROM), text(form, TO));
    Some(match edit {
        Some(mindset) => Command::EditMindset {
            mindset,
            from: Some(from),
            to: Some(to),
            values: Some(values),
            participant: Some(participant.unwrap_or_default()),
        },
        None => Command::AddMindset {
            from,
            to,
            values,
            participant,
            item: None,
        },
    })
}

/// BerAKHLAK values typed as a list: `adaptif, kolaboratif` or `Ad Ko`.
pub fn parse_values(text: &str) -> Result<Vec<CoreValue>, String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::parse::<CoreValue>)
        .collect()
}
