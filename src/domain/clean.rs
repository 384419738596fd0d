//! Cleaning events that come from outside the app (`fgd import`): every text
//! an event holds goes through the same [`super::text`] cleaning that typed
//! text gets in `decide` — one-line fields with `clean_line`, multi-line
//! texts with `clean` — so control characters, escape sequences and bidi
//! overrides never enter a session, whatever the file held — and each text
//! keeps to the same length limit as typed text, so no file can bring in
//! what no one could type.

use thiserror::Error;

use super::event::{Event, Recorded};
use super::session::Pic;
use super::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean, clean_line};
use super::texts::{Field, Form, Value};

/// An event holding a text longer than typed text may be.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("event {seq} holds a text of {len} characters, more than the {max} fgd allows")]
pub struct TooLongText {
    /// The event's seq.
    pub seq: u64,
    /// The text's length in characters (cleaned).
    pub len: usize,
    /// The limit.
    pub max: usize,
}

/// A text longer than its limit: its length and the limit.
type TooLong = (usize, usize);

fn within(s: &str, max: usize) -> Result<(), TooLong> {
    let len = s.chars().count();
    if len > max { Err((len, max)) } else { Ok(()) }
}

fn one(form: Form, s: &mut String) -> Result<(), TooLong> {
    match form {
        Form::Line => {
            *s = clean_line(s);
            within(s, MAX_LINE_CHARS)
        }
        Form::Text => {
            *s = clean(s);
            within(s, MAX_TEXT_CHARS)
        }
    }
}

fn pic(p: &mut Option<Pic>) -> Result<(), TooLong> {
    if let Some(p) = p {
        one(Form::Line, &mut p.text)?;
        p.code.as_mut().map_or(Ok(()), |c| one(Form::Line, c))?;
    }
    Ok(())
}

/// Cleans one text of an event, whatever its role.
fn field(f: Field<'_>) -> Result<(), TooLong> {
    match f {
        Field::Text(form, _, Value::One(s)) => one(form, s),
        Field::Text(form, _, Value::Opt(s)) => s.as_mut().map_or(Ok(()), |s| one(form, s)),
        Field::Text(form, _, Value::Many(list)) => list.iter_mut().try_for_each(|s| one(form, s)),
        Field::Name { name, .. } => one(Form::Line, name),
        Field::Pic(p) => pic(p),
    }
}

impl Recorded {
    /// A copy with every text cleaned as typed text is, or why it can't be
    /// taken: a text longer than typed text may be.
    pub fn cleaned(&self) -> Result<Recorded, TooLongText> {
        let mut rec = self.clone();
        rec.event.clean().map_err(|(len, max)| TooLongText {
            seq: rec.seq,
            len,
            max,
        })?;
        Ok(rec)
    }
}

impl Event {
    /// Cleans every text this event holds, in place; the first too long.
    fn clean(&mut self) -> Result<(), TooLong> {
        self.texts(field)
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::domain::{Actor, NoteId, NoteKind};
    use crate::domain::{Note, Statement};

    #[test]
    fn every_kind_of_text_is_cleaned() {
        let note = Recorded {
            seq: 2,
            at: Utc::now(),
            actor: Actor::Script,
            event: Event::NoteAdded {
                note: Note {
                    id: NoteId(1),
                    kind: NoteKind::Quote,
                    text: "a\u{1b}[31mb\u{202e}c\nd".into(),
                    participant: Some("P\u{0}1".into()),
                    item: None,
                    at: Utc::now(),
                    private: false,
                    removed: false,
                    revised: false,
                },
            },
        };
        let Event::NoteAdded { note: n } = note.cleaned().unwrap().event else {
            panic!("kind changed");
        };
        assert_eq!(n.text, "abc\nd");
        assert_eq!(n.participant.as_deref(), Some("P1"));

        let mut ev = Event::DecisionAdded {
            decision: Statement {
                id: 1,
                text: "\u{2066}x\u{7}".into(),
                item: None,
                at: Utc::now(),
                removed: false,
                revised: false,
                votes: None,
            },
        };
        ev.clean().unwrap();
        let Event::DecisionAdded { decision } = ev else {
            panic!("kind changed");
        };
        assert_eq!(decision.text, "x");
    }

    #[test]
    fn a_text_longer_than_typed_text_may_be_is_refused() {
        let decision = |text: String| Recorded {
            seq: 7,
            at: Utc::now(),
            actor: Actor::Script,
            event: Event::DecisionAdded {
                decision: Statement {
                    id: 1,
                    text,
                    item: None,
                    at: Utc::now(),
                    removed: false,
                    revised: false,
                    votes: None,
                },
            },
        };
        let err = decision("x".repeat(20_001))
            .cleaned()
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("event 7") && err.contains("20001 characters"),
            "{err}"
        );
        // Control characters do not count: the limit is on the cleaned text.
        let padded = format!("{}{}", "x".repeat(20_000), "\u{0}".repeat(10));
        assert!(decision(padded).cleaned().is_ok());
    }
}
