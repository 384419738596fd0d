//! The participant form (a walk-in, or an edit from the participants
//! screen): name, position, unit, NIP, consent to be quoted. Owns its fields
//! and their command; not the widget or the running of the command.

use super::{Filled, FormKind, given, text};
use crate::domain::{Command, Participant, Session};
use crate::i18n::screen::Words;
use crate::tui::form::{Field, Form};

const NAME: usize = 0;
const POSITION: usize = 1;
const UNIT: usize = 2;
const NIP: usize = 3;
const CONSENT: usize = 4;

fn fields(w: &Words, p: Option<&Participant>) -> Vec<Field> {
    let get = |f: fn(&Participant) -> Option<&str>| p.and_then(f).unwrap_or("");
    let fields = vec![
        Field::text(w.field_name, p.map_or("", |p| p.name.as_str()), true),
        Field::text(w.field_position, get(|p| p.position.as_deref()), false),
        Field::text(w.field_unit, get(|p| p.unit.as_deref()), false),
        Field::text(w.field_nip, get(|p| p.nip.as_deref()), false),
        Field::choice(
            w.field_consent,
            vec![w.no, w.yes],
            usize::from(p.is_some_and(|p| p.consent)),
        ),
    ];
    debug_assert_eq!(fields.len(), CONSENT + 1);
    fields
}

/// An empty form.
pub fn new(w: &Words) -> Filled {
    (w.form_participant.to_owned(), fields(w, None))
}

/// The form filled from participant `code`, titled with the code.
pub fn edit(w: &Words, s: &Session, code: &str) -> Option<Filled> {
    let p = s.participant(code)?;
    Some((format!("{} {code}", w.form_participant), fields(w, Some(p))))
}

/// Adds the participant, present.
pub fn add(form: &Form<FormKind>) -> Command {
    Command::AddParticipant {
        name: text(form, NAME),
        position: given(text(form, POSITION)),
        unit: given(text(form, UNIT)),
        code: None,
        nip: given(text(form, NIP)),
        consent: form.field(CONSENT).choice == 1,
        present: true,
        carried: false,
    }
}

/// Edits participant `code`.
pub fn change(form: &Form<FormKind>, code: String) -> Command {
    Command::EditParticipant {
        participant: code,
        name: Some(text(form, NAME)),
        position: Some(text(form, POSITION)),
        unit: Some(text(form, UNIT)),
        nip: Some(text(form, NIP)),
        consent: Some(form.field(CONSENT).choice == 1),
    }
}
