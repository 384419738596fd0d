//! Cleaning events that come from outside the app (`fgd import`): every text
//! an event holds goes through the same [`super::text`] cleaning that typed
//! text gets in `decide` — one-line fields with `clean_line`, multi-line
//! texts with `clean` — so control characters, escape sequences and bidi
//! overrides never enter a session, whatever the file held — and each text
//! keeps to the same length limit as typed text, so no file can bring in
//! what no one could type.

use super::event::{Event, Recorded};
use super::session::{Person, Pic};
use super::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean, clean_line};

/// A text longer than its limit: its length and the limit.
type TooLong = (usize, usize);

fn within(s: &str, max: usize) -> Result<(), TooLong> {
    let len = s.chars().count();
    if len > max { Err((len, max)) } else { Ok(()) }
}

fn line(s: &mut String) -> Result<(), TooLong> {
    *s = clean_line(s);
    within(s, MAX_LINE_CHARS)
}

fn text(s: &mut String) -> Result<(), TooLong> {
    *s = clean(s);
    within(s, MAX_TEXT_CHARS)
}

fn opt_line(s: &mut Option<String>) -> Result<(), TooLong> {
    s.as_mut().map_or(Ok(()), line)
}

fn person(p: &mut Option<Person>) -> Result<(), TooLong> {
    if let Some(p) = p {
        line(&mut p.name)?;
        opt_line(&mut p.nip)?;
    }
    Ok(())
}

fn pic(p: &mut Option<Pic>) -> Result<(), TooLong> {
    if let Some(p) = p {
        line(&mut p.text)?;
        opt_line(&mut p.code)?;
    }
    Ok(())
}

impl Recorded {
    /// A copy with every text cleaned as typed text is, or why it can't be
    /// taken: a text longer than typed text may be.
    pub fn cleaned(&self) -> Result<Recorded, String> {
        let mut rec = self.clone();
        rec.event.clean().map_err(|(len, max)| {
            format!(
                "event {} holds a text of {len} characters, more than the {max} fgd allows",
                rec.seq
            )
        })?;
        Ok(rec)
    }
}

impl Event {
    /// Cleans every text this event holds, in place; the first too long.
    fn clean(&mut self) -> Result<(), TooLong> {
        match self {
            Event::Created { info } => {
                line(&mut info.id)?;
                line(&mut info.title)?;
                opt_line(&mut info.venue)?;
                opt_line(&mut info.organizer)?;
                person(&mut info.facilitator)?;
                person(&mut info.notetaker)?;
                info.resource_persons.iter_mut().try_for_each(line)?;
                opt_line(&mut info.follow_up_of)?;
            }
            Event::ParticipantAdded { participant: p } => {
                line(&mut p.code)?;
                line(&mut p.name)?;
                opt_line(&mut p.position)?;
                opt_line(&mut p.unit)?;
                opt_line(&mut p.nip)?;
            }
            Event::ParticipantEdited {
                code,
                name,
                position,
                unit,
                nip,
                ..
            } => {
                line(code)?;
                line(name)?;
                opt_line(position)?;
                opt_line(unit)?;
                opt_line(nip)?;
            }
            Event::ParticipantRemoved { code }
            | Event::Arrived { code }
            | Event::MarkedAbsent { code }
            | Event::SpeakerCalled { code, .. } => line(code)?,
            Event::ItemAdded { item, .. } => {
                line(&mut item.title)?;
                opt_line(&mut item.owner)?;
                item.questions.iter_mut().try_for_each(text)?;
                opt_line(&mut item.origin)?;
            }
            Event::ItemEdited {
                title,
                owner,
                questions,
                ..
            } => {
                line(title)?;
                opt_line(owner)?;
                questions.iter_mut().try_for_each(text)?;
            }
            Event::HandRaised { entry, .. } => line(&mut entry.code)?,
            Event::MindsetAdded { mindset: m } => {
                text(&mut m.from)?;
                text(&mut m.to)?;
                opt_line(&mut m.participant)?;
            }
            Event::MindsetEdited {
                from,
                to,
                participant,
                ..
            } => {
                text(from)?;
                text(to)?;
                opt_line(participant)?;
            }
            Event::NoteAdded { note } => {
                text(&mut note.text)?;
                opt_line(&mut note.participant)?;
            }
            Event::NoteEdited {
                text: t,
                participant,
                ..
            } => {
                text(t)?;
                opt_line(participant)?;
            }
            Event::DecisionAdded { decision: s } | Event::ConclusionAdded { conclusion: s } => {
                text(&mut s.text)?;
            }
            Event::DecisionEdited { text: t, .. } | Event::ConclusionEdited { text: t, .. } => {
                text(t)?;
            }
            Event::ActionAdded { action } => {
                text(&mut action.what)?;
                pic(&mut action.pic)?;
                opt_line(&mut action.origin)?;
            }
            Event::ActionEdited { what, pic: p, .. } => {
                text(what)?;
                pic(p)?;
            }
            Event::Started { .. }
            | Event::Paused
            | Event::Resumed
            | Event::Ended
            | Event::Undone { .. }
            | Event::ItemMoved { .. }
            | Event::ItemRemoved { .. }
            | Event::ItemStarted { .. }
            | Event::ItemAdvanced { .. }
            | Event::ItemSkipped { .. }
            | Event::ItemDeferred { .. }
            | Event::QueueEntryMoved { .. }
            | Event::QueueEntryRemoved { .. }
            | Event::SpeakerFinished
            | Event::ActionStatusSet { .. }
            | Event::Removed { .. } => {}
        }
        Ok(())
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
                },
            },
        };
        let err = decision("x".repeat(20_001)).cleaned().unwrap_err();
        assert!(
            err.contains("event 7") && err.contains("20001 characters"),
            "{err}"
        );
        // Control characters do not count: the limit is on the cleaned text.
        let padded = format!("{}{}", "x".repeat(20_000), "\u{0}".repeat(10));
        assert!(decision(padded).cleaned().is_ok());
    }
}
