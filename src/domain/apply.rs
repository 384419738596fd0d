//! `apply`: folds one recorded event into the state. It cannot fail: events
//! were validated by `decide` when they were made, and an event that no longer
//! fits (a damaged log) changes nothing rather than panicking. This file only
//! dispatches, one arm per event, to the fold in the event's family file.

use super::agenda;
use super::attendance;
use super::event::{Event, Recorded};
use super::floor;
use super::guide;
use super::header;
use super::lifecycle;
use super::participants;
use super::records::statements::Which;
use super::records::{self, actions, ideas, mindsets, notes, statements};
use super::scoring;
use super::session::Session;
use super::types::Status;
use super::undo;

/// Applies `rec` to `session`.
pub fn apply(session: &mut Session, rec: &Recorded) {
    // Who the event marks present, found once: undo saves their record too.
    let joining = attendance::joining(session, &rec.event, rec.at);
    undo::record(
        session,
        rec.seq,
        rec.actor,
        &rec.event,
        joining.map(|(i, _)| i),
    );
    let correcting = session.status == Status::Ended;
    fold(session, rec, correcting);
    attendance::follow(session, joining);
    if matches!(rec.event, Event::Undone { .. } | Event::MarkedAbsent { .. }) {
        attendance::settle(session);
    }
    if correcting {
        match rec.event {
            Event::Created { .. } | Event::Ended => {}
            // An undone correction may leave nothing revised.
            Event::Undone { .. } => session.revised = lifecycle::any_revised(session),
            _ => session.revised = true,
        }
    }
    if touches_records(&rec.event) {
        session.records_seq.0 = rec.seq;
    }
    if !matches!(rec.event, Event::Paused | Event::Resumed) {
        session.content_seq.0 = rec.seq;
    }
    session.last_seq = rec.seq;
    session.last_at = Some(rec.at);
}

/// Whether `event` may change the records or how they read (see
/// [`Session::records_seq`]): all but the clock's and the floor's events,
/// which change neither a record nor a name, code or role a record shows.
fn touches_records(event: &Event) -> bool {
    !matches!(
        event,
        Event::Paused
            | Event::Resumed
            | Event::HandRaised { .. }
            | Event::QueueEntryMoved { .. }
            | Event::QueueEntryRemoved { .. }
            | Event::SpeakerCalled { .. }
            | Event::SpeakerFinished
            | Event::QuestionCovered { .. }
    )
}

/// The one map from an event to its family's fold.
fn fold(s: &mut Session, rec: &Recorded, correcting: bool) {
    let at = rec.at;
    match &rec.event {
        Event::Created { info } => lifecycle::created(s, info),
        Event::Started { item } => lifecycle::started(s, *item, at),
        Event::Paused => lifecycle::paused(s, at),
        Event::Resumed => lifecycle::resumed(s, at),
        Event::Ended => lifecycle::ended(s, at),
        Event::Undone { of } => lifecycle::undone(s, rec.actor, *of),
        Event::SessionEdited { header: h } => header::edited(s, h, correcting),
        Event::ParticipantAdded { participant } => participants::added(s, participant),
        e @ Event::ParticipantEdited { .. } => participants::edited(s, e, correcting),
        Event::ParticipantRemoved { code } => participants::removed(s, code),
        Event::Arrived { code } => participants::arrived(s, code, at),
        Event::MarkedAbsent { code } => participants::marked_absent(s, code),
        Event::ItemAdded { item, index } => agenda::added(s, item, *index),
        e @ Event::ItemEdited { .. } => agenda::edited(s, e, correcting),
        Event::ItemMoved { id, index } => agenda::moved(s, *id, *index),
        Event::ItemRemoved { id } => agenda::removed(s, *id),
        Event::ItemStarted { id, finished } => agenda::switched(s, *finished, Some(*id), at),
        Event::ItemAdvanced { finished, started } => agenda::switched(s, *finished, *started, at),
        Event::ItemSkipped { id } => agenda::skipped(s, *id),
        Event::ItemDeferred { id, started } => agenda::deferred(s, *id, *started, at),
        Event::QuestionCovered {
            item,
            question,
            covered,
        } => guide::covered(s, *item, *question, *covered),
        Event::HandRaised { entry, index } => floor::hand_raised(s, entry, *index),
        Event::QueueEntryMoved { entry, index } => floor::entry_moved(s, *entry, *index),
        Event::QueueEntryRemoved { entry } => floor::entry_removed(s, *entry),
        Event::SpeakerCalled {
            code,
            kind,
            entry,
            returns,
        } => {
            floor::speaker_called(s, code, *kind, *entry, at);
            if let Some(back) = returns {
                floor::hand_raised(s, back, 0);
            }
        }
        Event::SpeakerFinished => floor::finish_speaker(s, at),
        Event::MindsetAdded { mindset } => mindsets::added(s, mindset),
        e @ Event::MindsetEdited { .. } => mindsets::edited(s, e, correcting),
        Event::NoteAdded { note } => notes::added(s, note),
        e @ Event::NoteEdited { .. } => notes::edited(s, e, correcting),
        Event::DecisionAdded { decision } => statements::added(s, Which::Decision, decision),
        Event::DecisionEdited { id, text } => {
            statements::edited(s, Which::Decision, *id, text, correcting);
        }
        Event::ConclusionAdded { conclusion } => {
            statements::added(s, Which::Conclusion, conclusion);
        }
        Event::ConclusionEdited { id, text } => {
            statements::edited(s, Which::Conclusion, *id, text, correcting);
        }
        Event::ActionAdded { action } => actions::added(s, action),
        Event::ActionEdited { id, what, pic, due } => {
            actions::edited(s, *id, what, pic.as_ref(), *due, correcting);
        }
        Event::ActionStatusSet {
            id,
            status,
            note,
            due,
        } => {
            actions::status_set(s, *id, *status, note.as_deref(), *due, correcting);
        }
        Event::Removed { target } => records::removed(s, *target, correcting),
        Event::Scored { score } => scoring::scored(s, score),
        Event::ScoresAnnounced => scoring::announced(s, at),
        Event::IdeaAdded { idea } => ideas::added(s, idea),
        Event::IdeaPrioritised { id, dots } => ideas::prioritised(s, *id, *dots, correcting),
        Event::ActionPlanned { id, plan } => ideas::planned(s, *id, plan, correcting),
    }
}
