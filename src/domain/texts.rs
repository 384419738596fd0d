//! The texts an event holds, enumerated once: [`Event::texts`] is the only
//! place that lists, event by event, every text with its form (one line or
//! several) and its role (free text, a kept identifier, a participant's name
//! or NIP, a PIC). Cleaning on import (`clean.rs`) and anonymising
//! (`export/anonymize.rs`) loop over it. The match is exhaustive without a
//! catch-all: a new event does not compile until its texts are declared.
//! Holds no cleaning or anonymising itself.

use super::event::Event;
use super::session::{Person, Pic};

/// How a text is cleaned and limited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One line (names, titles, codes): whitespace folded, 500 characters.
    Line,
    /// Several lines (notes, decisions, questions): 20,000 characters.
    Text,
}

/// What a text is, for anonymising.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Free text that may name participants: their names in it are replaced.
    Free,
    /// An identifier (session id, a participant's code, an origin) or a name
    /// that stays (the chair, the notetaker, resource persons).
    Kept,
    /// A participant's NIP: dropped.
    Nip,
}

/// Where a text sits.
#[derive(Debug)]
pub enum Value<'a> {
    /// A required text.
    One(&'a mut String),
    /// An optional text.
    Opt(&'a mut Option<String>),
    /// A list of texts.
    Many(&'a mut Vec<String>),
}

/// One text of an event.
#[derive(Debug)]
pub enum Field<'a> {
    /// A text with its form and role.
    Text(Form, Role, Value<'a>),
    /// A participant's own name (one line), with their code.
    Name {
        /// The name.
        name: &'a mut String,
        /// Their code.
        code: &'a str,
    },
    /// An action's PIC: the text as typed (one line) and the code it links to.
    Pic(&'a mut Option<Pic>),
}

fn line(role: Role, s: &mut String) -> Field<'_> {
    Field::Text(Form::Line, role, Value::One(s))
}

fn opt_line(role: Role, s: &mut Option<String>) -> Field<'_> {
    Field::Text(Form::Line, role, Value::Opt(s))
}

fn text(s: &mut String) -> Field<'_> {
    Field::Text(Form::Text, Role::Free, Value::One(s))
}

/// The chair's or notetaker's name, NIP, position and rank: kept.
fn person<E>(
    p: &mut Option<Person>,
    f: &mut impl FnMut(Field<'_>) -> Result<(), E>,
) -> Result<(), E> {
    if let Some(p) = p {
        f(line(Role::Kept, &mut p.name))?;
        f(opt_line(Role::Kept, &mut p.nip))?;
        f(opt_line(Role::Kept, &mut p.position))?;
        f(opt_line(Role::Kept, &mut p.rank))?;
    }
    Ok(())
}

impl Event {
    /// Calls `f` on every text this event holds, in order; stops at the
    /// first error.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per event, exhaustive: the single list of the texts of an event"
    )]
    pub fn texts<E>(&mut self, mut f: impl FnMut(Field<'_>) -> Result<(), E>) -> Result<(), E> {
        use Role::{Free, Kept};
        match self {
            Event::Created { info } => {
                f(line(Kept, &mut info.id))?;
                f(line(Free, &mut info.title))?;
                f(opt_line(Free, &mut info.venue))?;
                f(opt_line(Free, &mut info.organizer))?;
                f(opt_line(Free, &mut info.place))?;
                person(&mut info.facilitator, &mut f)?;
                person(&mut info.notetaker, &mut f)?;
                let persons = Value::Many(&mut info.resource_persons);
                f(Field::Text(Form::Line, Kept, persons))?;
                person(&mut info.approver, &mut f)?;
                if let Some(k) = &mut info.letterhead {
                    f(Field::Text(Form::Line, Kept, Value::Many(&mut k.lines)))?;
                    for t in [&mut k.address, &mut k.phone, &mut k.email, &mut k.website] {
                        f(opt_line(Kept, t))?;
                    }
                }
                f(opt_line(Kept, &mut info.follow_up_of))?;
                f(opt_line(Kept, &mut info.series))?;
                for c in &mut info.jury.criteria {
                    f(line(Free, &mut c.name))?;
                }
                for j in &mut info.jury.jurors {
                    f(line(Kept, &mut j.code))?;
                    f(line(Kept, &mut j.name))?;
                    f(opt_line(Kept, &mut j.nip))?;
                    f(opt_line(Kept, &mut j.position))?;
                }
                Ok(())
            }
            Event::IdeaAdded { idea } => {
                f(text(&mut idea.title))?;
                f(opt_line(Free, &mut idea.problem))?;
                f(opt_line(Free, &mut idea.team))?;
                f(opt_line(Free, &mut idea.proposer))
            }
            Event::ActionPlanned { plan, .. } => {
                f(opt_line(Free, &mut plan.team))?;
                f(opt_line(Free, &mut plan.indicator))?;
                f(opt_line(Free, &mut plan.resources))?;
                f(opt_line(Free, &mut plan.schedule))
            }
            Event::Scored { score } => {
                f(line(Kept, &mut score.juror))?;
                f(line(Kept, &mut score.presenter))
            }
            Event::SessionEdited { header: h } => {
                f(line(Free, &mut h.title))?;
                f(opt_line(Free, &mut h.venue))?;
                f(opt_line(Free, &mut h.place))?;
                f(opt_line(Free, &mut h.organizer))?;
                person(&mut h.facilitator, &mut f)?;
                person(&mut h.notetaker, &mut f)?;
                person(&mut h.approver, &mut f)
            }
            Event::ParticipantAdded { participant: p } => {
                f(line(Kept, &mut p.code))?;
                f(Field::Name {
                    name: &mut p.name,
                    code: &p.code,
                })?;
                f(opt_line(Free, &mut p.position))?;
                f(opt_line(Free, &mut p.unit))?;
                f(opt_line(Role::Nip, &mut p.nip))
            }
            Event::ParticipantEdited {
                code,
                name,
                position,
                unit,
                nip,
                consent: _,
            } => {
                f(line(Kept, &mut *code))?;
                f(Field::Name {
                    name,
                    code: code.as_str(),
                })?;
                f(opt_line(Free, position))?;
                f(opt_line(Free, unit))?;
                f(opt_line(Role::Nip, nip))
            }
            Event::ParticipantRemoved { code }
            | Event::Arrived { code }
            | Event::MarkedAbsent { code } => f(line(Kept, code)),
            Event::SpeakerCalled { code, returns, .. } => {
                f(line(Kept, code))?;
                match returns {
                    Some(back) => f(line(Kept, &mut back.code)),
                    None => Ok(()),
                }
            }
            Event::ItemAdded { item, index: _ } => {
                f(line(Free, &mut item.title))?;
                f(opt_line(Free, &mut item.owner))?;
                f(Field::Text(
                    Form::Text,
                    Free,
                    Value::Many(&mut item.questions),
                ))?;
                for s in &mut item.setup.segments {
                    f(line(Free, &mut s.title))?;
                }
                f(opt_line(Kept, &mut item.origin))?;
                f(opt_line(Kept, &mut item.presenter))
            }
            Event::ItemEdited {
                title,
                owner,
                questions,
                ..
            } => {
                f(line(Free, title))?;
                f(opt_line(Free, owner))?;
                f(Field::Text(Form::Text, Free, Value::Many(questions)))
            }
            Event::HandRaised { entry, index: _ } => f(line(Kept, &mut entry.code)),
            Event::MindsetAdded { mindset: m } => {
                f(text(&mut m.from))?;
                f(text(&mut m.to))?;
                f(opt_line(Kept, &mut m.participant))
            }
            Event::MindsetEdited {
                from,
                to,
                participant,
                ..
            } => {
                f(text(from))?;
                f(text(to))?;
                f(opt_line(Kept, participant))
            }
            Event::NoteAdded { note } => {
                f(text(&mut note.text))?;
                f(opt_line(Kept, &mut note.participant))
            }
            Event::NoteEdited {
                text: t,
                participant,
                ..
            } => {
                f(text(t))?;
                f(opt_line(Kept, participant))
            }
            Event::DecisionAdded { decision: s } | Event::ConclusionAdded { conclusion: s } => {
                f(text(&mut s.text))
            }
            Event::DecisionEdited { text: t, .. } | Event::ConclusionEdited { text: t, .. } => {
                f(text(t))
            }
            Event::ActionAdded { action } => {
                f(text(&mut action.what))?;
                f(Field::Pic(&mut action.pic))?;
                f(opt_line(Kept, &mut action.origin))?;
                f(opt_line(Free, &mut action.note))?;
                match &mut action.carried {
                    Some(c) => f(opt_line(Free, &mut c.note)),
                    None => Ok(()),
                }
            }
            Event::ActionStatusSet { note, .. } => f(opt_line(Free, note)),
            Event::ActionEdited { what, pic, .. } => {
                f(text(what))?;
                f(Field::Pic(pic))
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
            | Event::QuestionCovered { .. }
            | Event::QueueEntryMoved { .. }
            | Event::QueueEntryRemoved { .. }
            | Event::SpeakerFinished
            | Event::ScoresAnnounced
            | Event::IdeaPrioritised { .. }
            | Event::Removed { .. } => Ok(()),
        }
    }
}
