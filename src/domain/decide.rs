//! `decide`: the guards every command passes (who may change what, time
//! never going back, creation first), then one arm per command handing it
//! to its family's rule. Pure: it reads the state and never changes it. The
//! rules themselves live in the family files; this file holds none.

use chrono::{DateTime, Utc};

use super::agenda::{self, ItemChange, NewItem};
use super::command::Command;
use super::error::DomainError;
use super::event::{Event, Target};
use super::floor;
use super::header;
use super::lifecycle;
use super::participants::{self, NewParticipant, ParticipantChange};
use super::records::ideas::{self, ActionPlan, NewIdea};
use super::records::statements::Which;
use super::records::{self, actions, mindsets, notes, statements};
use super::rules::Rules;
use super::scoring;
use super::session::Session;
use super::types::Actor;

type Decided = Result<Vec<Event>, DomainError>;

/// Validates `command` against `session` at `now`, made by `actor`, and returns
/// the events that record it (one per command), or why it is refused.
pub fn decide(session: &Session, command: Command, now: DateTime<Utc>, actor: Actor) -> Decided {
    if actor == Actor::Viewer {
        return Err(DomainError::ReadOnly);
    }
    if actor == Actor::Notetaker && matches!(command, Command::End) {
        return Err(DomainError::FacilitatorEnds);
    }
    if let Some(last) = session.last_at
        && now < last
    {
        return Err(DomainError::TimeWentBack { at: now, last });
    }
    if session.last_seq == 0 {
        return match command {
            Command::Create { info } => lifecycle::create(info).map(|e| vec![e]),
            _ => Err(DomainError::NotCreated),
        };
    }
    let r = Rules { s: session, now };
    dispatch(&r, command, actor).map(|e| vec![e])
}

/// The one map from a command to its family's rule.
#[expect(
    clippy::too_many_lines,
    reason = "one arm per command, exhaustive: the single list of commands and their rules"
)]
fn dispatch(r: &Rules, command: Command, actor: Actor) -> Result<Event, DomainError> {
    match command {
        Command::Create { .. } => Err(DomainError::AlreadyCreated),
        Command::Start => lifecycle::start(r),
        Command::Pause => lifecycle::pause(r),
        Command::Resume => lifecycle::resume(r),
        Command::End => lifecycle::end(r),
        Command::Undo => lifecycle::undo(r, actor),
        Command::EditSession(change) => header::edit(r, change),
        Command::AddParticipant {
            name,
            position,
            unit,
            code,
            nip,
            consent,
            present,
            carried,
        } => participants::add(
            r,
            NewParticipant {
                name,
                position,
                unit,
                code,
                nip,
                consent,
                present,
                carried,
            },
        ),
        Command::EditParticipant {
            participant,
            name,
            position,
            unit,
            nip,
            consent,
        } => participants::edit(
            r,
            &participant,
            ParticipantChange {
                name,
                position,
                unit,
                nip,
                consent,
            },
        ),
        Command::RemoveParticipant { participant } => participants::remove(r, &participant),
        Command::Arrive { participant } => participants::arrive(r, &participant),
        Command::Absent { participant } => participants::absent(r, &participant),
        Command::AddAgendaItem {
            title,
            minutes,
            owner,
            questions,
            position,
            origin,
            setup,
            presenter,
        } => agenda::add(
            r,
            NewItem {
                title,
                minutes,
                owner,
                questions,
                position,
                origin,
                setup,
                presenter,
            },
        ),
        Command::EditAgendaItem {
            item,
            title,
            minutes,
            owner,
            questions,
        } => agenda::edit(
            r,
            item,
            ItemChange {
                title,
                minutes,
                owner,
                questions,
            },
        ),
        Command::MoveAgendaItem { item, to } => agenda::move_to(r, item, to),
        Command::RemoveAgendaItem { item } => agenda::remove(r, item),
        Command::StartItem { item } => agenda::start(r, item),
        Command::NextItem => agenda::next(r),
        Command::SkipItem { item } => agenda::skip(r, item),
        Command::DeferItem { item } => agenda::defer(r, item),
        Command::CoverQuestion {
            item,
            question,
            covered,
        } => super::guide::cover(r, item, question, covered),
        Command::RaiseHand { participant, kind } => floor::raise_hand(r, &participant, kind),
        Command::MoveQueueEntry { entry, to } => floor::move_entry(r, entry, to),
        Command::RemoveQueueEntry { entry } => floor::remove_entry(r, entry),
        Command::CallNext => floor::call_next(r),
        Command::CallSpeaker { participant } => floor::call(r, &participant),
        Command::FinishSpeaker => floor::finish(r),
        Command::AddMindset {
            from,
            to,
            values,
            participant,
            item,
        } => mindsets::add(r, &from, &to, values, participant.as_deref(), item),
        Command::EditMindset {
            mindset,
            from,
            to,
            values,
            participant,
        } => mindsets::edit(r, mindset, from, to, values, participant.as_deref()),
        Command::AddNote {
            text,
            kind,
            participant,
            private,
            item,
        } => notes::add(r, &text, kind, participant.as_deref(), private, item),
        Command::EditNote {
            note,
            text,
            kind,
            participant,
            private,
        } => notes::edit(r, note, text, kind, participant.as_deref(), private),
        Command::AddDecision { text, item, votes } => {
            statements::add(r, Which::Decision, &text, item, votes)
        }
        Command::EditDecision { decision, text } => {
            statements::edit(r, Which::Decision, decision, &text)
        }
        Command::AddConclusion { text, item } => {
            statements::add(r, Which::Conclusion, &text, item, None)
        }
        Command::EditConclusion { conclusion, text } => {
            statements::edit(r, Which::Conclusion, conclusion, &text)
        }
        Command::AddAction {
            what,
            pic,
            due,
            item,
            origin,
            carried,
        } => actions::add(
            r,
            &what,
            pic.as_deref(),
            due.as_deref(),
            item,
            origin.as_deref(),
            carried,
        ),
        Command::EditAction {
            action,
            what,
            pic,
            due,
        } => actions::edit(r, action, what.as_deref(), pic.as_deref(), due.as_deref()),
        Command::SetActionStatus {
            action,
            status,
            note,
            due,
        } => actions::set_status(r, action, status, note.as_deref(), due.as_deref()),
        Command::RemoveNote { note } => records::remove(r.s, Target::Note(note)),
        Command::RemoveMindset { mindset } => records::remove(r.s, Target::Mindset(mindset)),
        Command::RemoveDecision { decision } => records::remove(r.s, Target::Decision(decision)),
        Command::RemoveConclusion { conclusion } => {
            records::remove(r.s, Target::Conclusion(conclusion))
        }
        Command::RemoveAction { action } => records::remove(r.s, Target::Action(action)),
        Command::Score {
            juror,
            presenter,
            criterion,
            value,
        } => scoring::score(r, &juror, &presenter, &criterion, value),
        Command::AnnounceScores => scoring::announce(r),
        Command::AddIdea {
            title,
            problem,
            team,
            proposer,
            item,
        } => ideas::add(
            r,
            NewIdea {
                title,
                problem,
                team,
                proposer,
                item,
            },
        ),
        Command::PrioritiseIdea { idea, dots } => ideas::prioritise(r, idea, dots),
        Command::RemoveIdea { idea } => records::remove(r.s, Target::Idea(idea)),
        Command::PlanAction {
            action,
            idea,
            team,
            indicator,
            resources,
            schedule,
        } => ideas::plan_action(
            r,
            action,
            ActionPlan {
                idea,
                team,
                indicator,
                resources,
                schedule,
            },
        ),
    }
}
