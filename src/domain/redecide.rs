//! Replaying a log through `decide` (DESIGN §6, for `fgd import`): each
//! event is turned back into the command that records it, decided again at
//! the event's time and by its actor against the state the events before it
//! made, and must come out the same. A log that typing could not produce — a
//! speaker who is not a participant, a start after the end, an edit that
//! changes nothing — is refused at its first such event. Owns the map from
//! an event back to its command; must not read the clock or do I/O.

use super::apply::apply;
use super::command::Command;
use super::decide::decide;
use super::event::{Event, Recorded, Target};
use super::session::Session;
use crate::domain::Seq;

/// The first event of a log that its command would not have recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("event {seq} could not have been made by typing: {why}")]
pub struct Unproducible {
    /// Its seq.
    pub seq: Seq,
    /// Why: the rule that refuses its command, or that the command records
    /// something else.
    pub why: String,
}

/// Replays `events` through `decide`; the session they make, or the first
/// event its command would not have recorded.
pub fn redecide(events: &[Recorded]) -> Result<Session, Unproducible> {
    let mut s = Session::default();
    for rec in events {
        let command = command_of(&s, &rec.event);
        let made = decide(&s, command, rec.at, rec.actor).map_err(|e| Unproducible {
            seq: rec.seq,
            why: e.to_string(),
        })?;
        if !recorded_as_made(&made, &rec.event) {
            return Err(Unproducible {
                seq: rec.seq,
                why: "its command records something else".into(),
            });
        }
        apply(&mut s, rec);
    }
    Ok(s)
}

/// Whether `recorded` is the one event its command `made` now, or what an
/// earlier fgd made of the same command: before a point of order or a
/// clarifying question gave the interrupted speaker the floor back, a call
/// recorded no return (and the speaker left the floor, as the log says).
fn recorded_as_made(made: &[Event], recorded: &Event) -> bool {
    match (made, recorded) {
        ([now], _) if now == recorded => true,
        (
            [
                Event::SpeakerCalled {
                    code,
                    kind,
                    entry,
                    returns: Some(_),
                },
            ],
            Event::SpeakerCalled {
                code: then_code,
                kind: then_kind,
                entry: then_entry,
                returns: None,
            },
        ) => code == then_code && kind == then_kind && entry == then_entry,
        _ => false,
    }
}

/// A field of an edit: `None` (keep) when it equals what the record holds.
fn change<T: PartialEq + Clone>(new: &T, old: Option<&T>) -> Option<T> {
    (old != Some(new)).then(|| new.clone())
}

/// An optional text field of an edit: `None` keeps it, "" clears it.
#[expect(
    clippy::ref_option,
    reason = "compares the field as the record holds it, `Option` and all"
)]
fn change_text(new: &Option<String>, old: Option<&Option<String>>) -> Option<String> {
    change(new, old).map(Option::unwrap_or_default)
}

/// The command that records `event` on `s`.
#[expect(
    clippy::too_many_lines,
    reason = "one arm per event, exhaustive: the single map from an event to its command"
)]
pub fn command_of(s: &Session, event: &Event) -> Command {
    match event {
        Event::Created { info } => Command::Create { info: info.clone() },
        Event::Started { .. } => Command::Start,
        Event::Paused => Command::Pause,
        Event::Resumed => Command::Resume,
        Event::Ended => Command::End,
        Event::Undone { .. } => Command::Undo,
        Event::SessionEdited { header } => {
            Command::EditSession(super::header::HeaderChange::between(&s.info, header))
        }
        Event::ParticipantAdded { participant: p } => Command::AddParticipant {
            name: p.name.clone(),
            position: p.position.clone(),
            unit: p.unit.clone(),
            code: Some(p.code.clone()),
            nip: p.nip.clone(),
            consent: p.consent,
            present: p.present,
            carried: p.carried,
        },
        Event::ParticipantEdited {
            code,
            name,
            position,
            unit,
            nip,
            consent,
        } => {
            let old = s.participants.iter().find(|p| &p.code == code);
            Command::EditParticipant {
                participant: code.clone(),
                name: change(name, old.map(|p| &p.name)),
                position: change_text(position, old.map(|p| &p.position)),
                unit: change_text(unit, old.map(|p| &p.unit)),
                nip: change_text(nip, old.map(|p| &p.nip)),
                consent: change(consent, old.map(|p| &p.consent)),
            }
        }
        Event::ParticipantRemoved { code } => Command::RemoveParticipant {
            participant: code.clone(),
        },
        Event::Arrived { code } => Command::Arrive {
            participant: code.clone(),
        },
        Event::MarkedAbsent { code } => Command::Absent {
            participant: code.clone(),
        },
        Event::ItemAdded { item, index } => Command::AddAgendaItem {
            title: item.title.clone(),
            minutes: item.minutes,
            owner: item.owner.clone(),
            questions: item.questions.clone(),
            position: Some(index + 1),
            origin: item.origin.clone(),
            setup: item.setup.clone(),
            presenter: item.presenter.clone(),
        },
        Event::ItemEdited {
            id,
            title,
            minutes,
            owner,
            questions,
        } => {
            let old = s.agenda.iter().find(|i| i.id == *id);
            Command::EditAgendaItem {
                item: *id,
                title: change(title, old.map(|i| &i.title)),
                minutes: change(minutes, old.map(|i| &i.minutes)),
                owner: change_text(owner, old.map(|i| &i.owner)),
                questions: change(questions, old.map(|i| &i.questions)),
            }
        }
        Event::ItemMoved { id, index } => Command::MoveAgendaItem {
            item: *id,
            to: index + 1,
        },
        Event::ItemRemoved { id } => Command::RemoveAgendaItem { item: *id },
        Event::ItemStarted { id, .. } => Command::StartItem { item: *id },
        Event::ItemAdvanced { .. } => Command::NextItem,
        Event::ItemSkipped { id } => Command::SkipItem { item: *id },
        Event::ItemDeferred { id, .. } => Command::DeferItem { item: Some(*id) },
        Event::QuestionCovered {
            item,
            question,
            covered,
        } => Command::CoverQuestion {
            item: Some(*item),
            question: *question,
            covered: *covered,
        },
        Event::HandRaised { entry, .. } => Command::RaiseHand {
            participant: entry.code.clone(),
            kind: entry.kind,
        },
        Event::QueueEntryMoved { entry, index } => Command::MoveQueueEntry {
            entry: *entry,
            to: index + 1,
        },
        Event::QueueEntryRemoved { entry } => Command::RemoveQueueEntry { entry: *entry },
        Event::SpeakerCalled { code, entry, .. } => {
            if entry.is_some() && s.queue.first().map(|e| e.id) == *entry {
                Command::CallNext
            } else {
                Command::CallSpeaker {
                    participant: code.clone(),
                }
            }
        }
        Event::SpeakerFinished => Command::FinishSpeaker,
        Event::MindsetAdded { mindset: m } => Command::AddMindset {
            from: m.from.clone(),
            to: m.to.clone(),
            values: m.values.clone(),
            participant: m.participant.clone(),
            item: m.item,
        },
        Event::MindsetEdited {
            id,
            from,
            to,
            values,
            participant,
        } => {
            let old = s.mindsets.iter().find(|m| m.id == *id);
            Command::EditMindset {
                mindset: *id,
                from: change(from, old.map(|m| &m.from)),
                to: change(to, old.map(|m| &m.to)),
                values: change(values, old.map(|m| &m.values)),
                participant: change_text(participant, old.map(|m| &m.participant)),
            }
        }
        Event::NoteAdded { note } => Command::AddNote {
            text: note.text.clone(),
            kind: note.kind,
            participant: note.participant.clone(),
            private: Some(note.private),
            item: note.item,
        },
        Event::NoteEdited {
            id,
            kind,
            text,
            participant,
            private,
        } => {
            let old = s.notes.iter().find(|n| n.id == *id);
            Command::EditNote {
                note: *id,
                text: change(text, old.map(|n| &n.text)),
                kind: change(kind, old.map(|n| &n.kind)),
                participant: change_text(participant, old.map(|n| &n.participant)),
                private: change(private, old.map(|n| &n.private)),
            }
        }
        Event::DecisionAdded { decision } => Command::AddDecision {
            text: decision.text.clone(),
            item: decision.item,
            votes: decision.votes,
        },
        Event::DecisionEdited { id, text } => Command::EditDecision {
            decision: *id,
            text: text.clone(),
        },
        Event::ConclusionAdded { conclusion } => Command::AddConclusion {
            text: conclusion.text.clone(),
            item: conclusion.item,
        },
        Event::ConclusionEdited { id, text } => Command::EditConclusion {
            conclusion: *id,
            text: text.clone(),
        },
        Event::ActionAdded { action } => Command::AddAction {
            what: action.what.clone(),
            pic: action.pic.as_ref().map(|p| p.text.clone()),
            due: action.due.map(|d| d.to_string()),
            item: action.item,
            origin: action.origin.clone(),
            carried: action.carried.clone(),
        },
        Event::ActionEdited { id, what, pic, due } => {
            let old = s.actions.iter().find(|a| a.id == *id);
            Command::EditAction {
                action: *id,
                what: change(what, old.map(|a| &a.what)),
                pic: (old.map(|a| &a.pic) != Some(pic))
                    .then(|| pic.as_ref().map(|p| p.text.clone()).unwrap_or_default()),
                due: (old.map(|a| &a.due) != Some(due))
                    .then(|| due.map(|d| d.to_string()).unwrap_or_default()),
            }
        }
        Event::ActionStatusSet {
            id,
            status,
            note,
            due,
        } => Command::SetActionStatus {
            action: *id,
            status: *status,
            note: note.clone(),
            due: due.map(|d| d.to_string()),
        },
        Event::Removed { target } => match *target {
            Target::Note(note) => Command::RemoveNote { note },
            Target::Mindset(mindset) => Command::RemoveMindset { mindset },
            Target::Decision(decision) => Command::RemoveDecision { decision },
            Target::Conclusion(conclusion) => Command::RemoveConclusion { conclusion },
            Target::Action(action) => Command::RemoveAction { action },
            Target::Idea(idea) => Command::RemoveIdea { idea },
        },
        Event::Scored { score } => Command::Score {
            juror: score.juror.clone(),
            presenter: score.presenter.clone(),
            criterion: score.criterion.to_string(),
            value: score.value,
        },
        Event::ScoresAnnounced => Command::AnnounceScores,
        Event::IdeaAdded { idea } => Command::AddIdea {
            title: idea.title.clone(),
            problem: idea.problem.clone(),
            team: idea.team.clone(),
            proposer: idea.proposer.clone(),
            item: idea.item,
        },
        Event::IdeaPrioritised { id, dots } => Command::PrioritiseIdea {
            idea: *id,
            dots: *dots,
        },
        Event::ActionPlanned { id, plan } => {
            let old = s
                .actions
                .iter()
                .find(|a| a.id == *id)
                .and_then(|a| a.plan.clone());
            let old = old.unwrap_or_default();
            let text = |new: &Option<String>, old: &Option<String>| {
                (new != old).then(|| new.clone().unwrap_or_default())
            };
            Command::PlanAction {
                action: *id,
                idea: plan.idea,
                team: text(&plan.team, &old.team),
                indicator: text(&plan.indicator, &old.indicator),
                resources: text(&plan.resources, &old.resources),
                schedule: text(&plan.schedule, &old.schedule),
            }
        }
    }
}
