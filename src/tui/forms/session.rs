//! The session-info form (key `i`): the header of the minutes by name —
//! title, date, venue, place of signing, organizer, the chair and the
//! notetaker with NIP, position and rank. Sends only what was changed, as
//! one `edit_session` (the date only before the start: after it the domain
//! refuses it, and the reason shows next to the field). Owns its fields and
//! their command; not the widget or the running of the command.

use chrono::NaiveDate;

use super::{Cx, Filled, FormKind, text};
use crate::domain::{Command, HeaderChange, Person, Session};
use crate::i18n::screen::Words;
use crate::tui::form::{Field, Form};

const TITLE: usize = 0;
const DATE: usize = 1;
const VENUE: usize = 2;
const PLACE: usize = 3;
const ORGANIZER: usize = 4;
/// The chair's name, NIP, position, rank.
const CHAIR: usize = 5;
/// The notetaker's name, NIP, position, rank.
const NOTETAKER: usize = 9;

fn person_fields(labels: [&'static str; 4], p: Option<&Person>, out: &mut Vec<Field>) {
    let get = |f: fn(&Person) -> Option<&String>| p.and_then(f).map_or("", String::as_str);
    out.extend([
        Field::text(labels[0], p.map_or("", |p| p.name.as_str()), false),
        Field::text(labels[1], get(|p| p.nip.as_ref()), false),
        Field::text(labels[2], get(|p| p.position.as_ref()), false),
        Field::text(labels[3], get(|p| p.rank.as_ref()), false),
    ]);
}

/// The form filled from the session's header.
pub fn open(w: &Words, s: &Session) -> Filled {
    let i = &s.info;
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut fields = vec![
        Field::text(w.field_title, &i.title, true),
        Field::text(w.field_date, &s.date().to_string(), true),
        Field::text(w.field_venue, &opt(&i.venue), false),
        Field::text(w.field_place, &opt(&i.place), false),
        Field::text(w.field_organizer, &opt(&i.organizer), false),
    ];
    let chair = [
        w.field_chair,
        w.field_chair_nip,
        w.field_chair_position,
        w.field_chair_rank,
    ];
    person_fields(chair, i.facilitator.as_ref(), &mut fields);
    let notetaker = [
        w.field_notetaker,
        w.field_notetaker_nip,
        w.field_notetaker_position,
        w.field_notetaker_rank,
    ];
    person_fields(notetaker, i.notetaker.as_ref(), &mut fields);
    debug_assert_eq!(fields.len(), NOTETAKER + 4);
    (w.form_session.to_owned(), fields)
}

/// `Some(typed)` when it differs from what the session has.
fn changed(form: &Form<FormKind>, i: usize, old: Option<&String>) -> Option<String> {
    let typed = text(form, i);
    (typed != old.map_or("", String::as_str)).then_some(typed)
}

/// The changes of one person's four fields starting at `at`.
fn person_changes(form: &Form<FormKind>, at: usize, p: Option<&Person>) -> [Option<String>; 4] {
    [
        changed(form, at, p.map(|p| &p.name)),
        changed(form, at + 1, p.and_then(|p| p.nip.as_ref())),
        changed(form, at + 2, p.and_then(|p| p.position.as_ref())),
        changed(form, at + 3, p.and_then(|p| p.rank.as_ref())),
    ]
}

/// The `edit_session` of what was changed, or `None` with the date field's
/// reason set.
pub fn command(form: &mut Form<FormKind>, cx: &Cx<'_>) -> Option<Command> {
    let s = cx.session;
    let i = &s.info;
    let typed = text(form, DATE);
    let Ok(date) = NaiveDate::parse_from_str(&typed, "%Y-%m-%d") else {
        let w = crate::i18n::screen::words(cx.lang);
        form.refuse(DATE, w.bad_date);
        return None;
    };
    let [
        facilitator,
        facilitator_nip,
        facilitator_position,
        facilitator_rank,
    ] = person_changes(form, CHAIR, i.facilitator.as_ref());
    let [notetaker, notetaker_nip, notetaker_position, notetaker_rank] =
        person_changes(form, NOTETAKER, i.notetaker.as_ref());
    Some(Command::EditSession(HeaderChange {
        title: changed(form, TITLE, Some(&i.title)),
        date: (date != s.date()).then_some(date),
        venue: changed(form, VENUE, i.venue.as_ref()),
        place: changed(form, PLACE, i.place.as_ref()),
        organizer: changed(form, ORGANIZER, i.organizer.as_ref()),
        facilitator,
        facilitator_nip,
        facilitator_position,
        facilitator_rank,
        notetaker,
        notetaker_nip,
        notetaker_position,
        notetaker_rank,
        ..HeaderChange::default()
    }))
}
