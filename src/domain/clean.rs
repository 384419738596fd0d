//! Cleaning events that come from outside the app (`fgd import`): every text
//! an event holds goes through the same [`super::text`] cleaning that typed
//! text gets in `decide` — one-line fields with `clean_line`, multi-line
//! texts with `clean` — so control characters, escape sequences and bidi
//! overrides never enter a session, whatever the file held.

use super::event::{Event, Recorded};
use super::session::{Person, Pic};
use super::text::{clean, clean_line};

fn line(s: &mut String) {
    *s = clean_line(s);
}

fn text(s: &mut String) {
    *s = clean(s);
}

fn opt_line(s: &mut Option<String>) {
    if let Some(v) = s {
        line(v);
    }
}

fn person(p: &mut Option<Person>) {
    if let Some(p) = p {
        line(&mut p.name);
        opt_line(&mut p.nip);
    }
}

fn pic(p: &mut Option<Pic>) {
    if let Some(p) = p {
        line(&mut p.text);
        opt_line(&mut p.code);
    }
}

impl Recorded {
    /// A copy with every text cleaned as typed text is.
    #[must_use]
    pub fn cleaned(&self) -> Recorded {
        let mut rec = self.clone();
        rec.event.clean();
        rec
    }
}

impl Event {
    /// Cleans every text this event holds, in place.
    fn clean(&mut self) {
        match self {
            Event::Created { info } => {
                line(&mut info.id);
                line(&mut info.title);
                opt_line(&mut info.venue);
                opt_line(&mut info.organizer);
                person(&mut info.facilitator);
                person(&mut info.notetaker);
                info.resource_persons.iter_mut().for_each(line);
                opt_line(&mut info.follow_up_of);
            }
            Event::ParticipantAdded { participant: p } => {
                line(&mut p.code);
                line(&mut p.name);
                opt_line(&mut p.position);
                opt_line(&mut p.unit);
                opt_line(&mut p.nip);
            }
            Event::ParticipantEdited {
                code,
                name,
                position,
                unit,
                nip,
                ..
            } => {
                line(code);
                line(name);
                opt_line(position);
                opt_line(unit);
                opt_line(nip);
            }
            Event::ParticipantRemoved { code }
            | Event::Arrived { code }
            | Event::MarkedAbsent { code }
            | Event::SpeakerCalled { code, .. } => line(code),
            Event::ItemAdded { item, .. } => {
                line(&mut item.title);
                opt_line(&mut item.owner);
                item.questions.iter_mut().for_each(text);
                opt_line(&mut item.origin);
            }
            Event::ItemEdited {
                title,
                owner,
                questions,
                ..
            } => {
                line(title);
                opt_line(owner);
                questions.iter_mut().for_each(text);
            }
            Event::HandRaised { entry, .. } => line(&mut entry.code),
            Event::MindsetAdded { mindset: m } => {
                text(&mut m.from);
                text(&mut m.to);
                opt_line(&mut m.participant);
            }
            Event::MindsetEdited {
                from,
                to,
                participant,
                ..
            } => {
                text(from);
                text(to);
                opt_line(participant);
            }
            Event::NoteAdded { note } => {
                text(&mut note.text);
                opt_line(&mut note.participant);
            }
            Event::NoteEdited {
                text: t,
                participant,
                ..
            } => {
                text(t);
                opt_line(participant);
            }
            Event::DecisionAdded { decision: s } | Event::ConclusionAdded { conclusion: s } => {
                text(&mut s.text);
            }
            Event::DecisionEdited { text: t, .. } | Event::ConclusionEdited { text: t, .. } => {
                text(t);
            }
            Event::ActionAdded { action } => {
                text(&mut action.what);
                pic(&mut action.pic);
                opt_line(&mut action.origin);
            }
            Event::ActionEdited { what, pic: p, .. } => {
                text(what);
                pic(p);
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
        let Event::NoteAdded { note: n } = note.cleaned().event else {
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
        ev.clean();
        let Event::DecisionAdded { decision } = ev else {
            panic!("kind changed");
        };
        assert_eq!(decision.text, "x");
    }
}
