//! `apply`: folds one recorded event into the state. It cannot fail: events
//! were validated by `decide` when they were made, and an event that no longer
//! fits (a damaged log) changes nothing rather than panicking.

use chrono::{DateTime, Utc};

use super::event::{Event, Recorded, Target};
use super::session::{ItemId, Session, Span, Turn};
use super::types::{ItemStatus, Status};
use super::undo;

/// Applies `rec` to `session`.
pub fn apply(session: &mut Session, rec: &Recorded) {
    let at = rec.at;
    undo::record(session, rec.seq, rec.actor, &rec.event);
    let correcting = session.status == Status::Ended;
    match &rec.event {
        Event::Created { info } => session.info = info.clone(),
        Event::Started { item } => {
            session.status = Status::Live;
            session.started_at = Some(at);
            if let Some(id) = item {
                activate(session, *id, at);
            }
        }
        Event::Paused => {
            session.status = Status::Paused;
            session.pauses.push(Span {
                start: at,
                end: None,
            });
        }
        Event::Resumed => {
            session.status = Status::Live;
            close_pause(session, at);
        }
        Event::Ended => {
            close_pause(session, at);
            finish_speaker(session, at);
            // The floor closes: hands still raised will not be called.
            session.queue.clear();
            if let Some(id) = session.active_item().map(|i| i.id) {
                leave(session, id, at, ItemStatus::Done);
            }
            session.status = Status::Ended;
            session.ended_at = Some(at);
            session.undo.clear();
        }
        Event::Undone { of } => undo::revert(session, rec.actor, *of),
        Event::ParticipantAdded { participant } => session.participants.push(participant.clone()),
        Event::ParticipantEdited {
            code,
            name,
            position,
            unit,
            nip,
            consent,
        } => {
            if let Some(p) = participant_mut(session, code) {
                p.name.clone_from(name);
                p.position.clone_from(position);
                p.unit.clone_from(unit);
                p.nip.clone_from(nip);
                p.consent = *consent;
                p.revised |= correcting;
            }
        }
        Event::ParticipantRemoved { code } => {
            if let Some(p) = participant_mut(session, code) {
                p.removed = true;
            }
        }
        Event::Arrived { code } => {
            if let Some(p) = participant_mut(session, code) {
                p.present = true;
                p.arrived_at = Some(at);
            }
        }
        Event::MarkedAbsent { code } => {
            if let Some(p) = participant_mut(session, code) {
                p.present = false;
                p.arrived_at = None;
            }
        }
        Event::ItemAdded { item, index } => {
            session.next_item_id = session.next_item_id.max(item.id.0) + 1;
            let index = (*index).min(session.agenda.len());
            session.agenda.insert(index, item.clone());
        }
        Event::ItemEdited {
            id,
            title,
            minutes,
            owner,
            questions,
        } => {
            if let Some(it) = session.agenda.iter_mut().find(|i| i.id == *id) {
                it.title.clone_from(title);
                it.minutes = *minutes;
                it.owner.clone_from(owner);
                it.questions.clone_from(questions);
                it.revised |= correcting;
            }
        }
        Event::ItemMoved { id, index } => {
            if let Some(from) = session.agenda.iter().position(|i| i.id == *id) {
                let it = session.agenda.remove(from);
                let index = (*index).min(session.agenda.len());
                session.agenda.insert(index, it);
            }
        }
        Event::ItemRemoved { id } => session.agenda.retain(|i| i.id != *id),
        Event::ItemStarted { id, finished } => {
            if let Some(f) = finished {
                leave(session, *f, at, ItemStatus::Done);
            }
            activate(session, *id, at);
        }
        Event::ItemAdvanced { finished, started } => {
            if let Some(f) = finished {
                leave(session, *f, at, ItemStatus::Done);
            }
            if let Some(s) = started {
                activate(session, *s, at);
            }
        }
        Event::ItemSkipped { id } => set_item_status(session, *id, ItemStatus::Skipped),
        Event::ItemDeferred { id, started } => {
            leave(session, *id, at, ItemStatus::Deferred);
            if let Some(s) = started {
                activate(session, *s, at);
            }
        }
        Event::HandRaised { entry, index } => {
            session.next_entry_id = session.next_entry_id.max(entry.id.0) + 1;
            let index = (*index).min(session.queue.len());
            session.queue.insert(index, entry.clone());
        }
        Event::QueueEntryMoved { entry, index } => {
            if let Some(from) = session.queue_position(*entry) {
                let e = session.queue.remove(from);
                let index = (*index).min(session.queue.len());
                session.queue.insert(index, e);
            }
        }
        Event::QueueEntryRemoved { entry } => session.queue.retain(|e| e.id != *entry),
        Event::SpeakerCalled { code, kind, entry } => {
            finish_speaker(session, at);
            if let Some(entry) = entry {
                session.queue.retain(|e| e.id != *entry);
            }
            session.speaking = Some(super::session::Speaking {
                code: code.clone(),
                kind: *kind,
                since: at,
                item: session.active_item().map(|i| i.id),
            });
        }
        Event::SpeakerFinished => finish_speaker(session, at),
        Event::MindsetAdded { mindset } => session.mindsets.push(mindset.clone()),
        Event::MindsetEdited {
            id,
            from,
            to,
            values,
            participant,
        } => {
            if let Some(m) = session.mindsets.get_mut(index(id.0)) {
                m.from.clone_from(from);
                m.to.clone_from(to);
                m.values.clone_from(values);
                m.participant.clone_from(participant);
                m.revised |= correcting;
            }
        }
        Event::NoteAdded { note } => session.notes.push(note.clone()),
        Event::NoteEdited {
            id,
            kind,
            text,
            participant,
            private,
        } => {
            if let Some(n) = session.notes.get_mut(index(id.0)) {
                n.kind = *kind;
                n.text.clone_from(text);
                n.participant.clone_from(participant);
                n.private = *private;
                n.revised |= correcting;
            }
        }
        Event::DecisionAdded { decision } => session.decisions.push(decision.clone()),
        Event::DecisionEdited { id, text } => {
            if let Some(d) = session.decisions.get_mut(index(*id)) {
                d.text.clone_from(text);
                d.revised |= correcting;
            }
        }
        Event::ConclusionAdded { conclusion } => session.conclusions.push(conclusion.clone()),
        Event::ConclusionEdited { id, text } => {
            if let Some(c) = session.conclusions.get_mut(index(*id)) {
                c.text.clone_from(text);
                c.revised |= correcting;
            }
        }
        Event::ActionAdded { action } => session.actions.push(action.clone()),
        Event::ActionEdited { id, what, pic, due } => {
            if let Some(a) = session.actions.get_mut(index(id.0)) {
                a.what.clone_from(what);
                a.pic.clone_from(pic);
                a.due = *due;
                a.revised |= correcting;
            }
        }
        Event::ActionStatusSet { id, status } => {
            if let Some(a) = session.actions.get_mut(index(id.0)) {
                a.status = *status;
                a.revised |= correcting;
            }
        }
        Event::Removed { target } => {
            let removed = match *target {
                Target::Note(id) => session.notes.get_mut(index(id.0)).map(|n| &mut n.removed),
                Target::Mindset(id) => session
                    .mindsets
                    .get_mut(index(id.0))
                    .map(|m| &mut m.removed),
                Target::Decision(id) => {
                    session.decisions.get_mut(index(id)).map(|d| &mut d.removed)
                }
                Target::Conclusion(id) => session
                    .conclusions
                    .get_mut(index(id))
                    .map(|c| &mut c.removed),
                Target::Action(id) => session.actions.get_mut(index(id.0)).map(|a| &mut a.removed),
            };
            if let Some(flag) = removed {
                *flag = true;
            }
            if correcting {
                mark_revised(session, *target);
            }
        }
    }
    if correcting {
        match rec.event {
            Event::Created { .. } | Event::Ended => {}
            // An undone correction may leave nothing revised.
            Event::Undone { .. } => session.revised = any_revised(session),
            _ => session.revised = true,
        }
    }
    session.last_seq = rec.seq;
    session.last_at = Some(at);
}

/// Marks a record removed after the end as revised, so undoing the removal
/// can tell whether anything is still revised.
fn mark_revised(session: &mut Session, target: Target) {
    let flag = match target {
        Target::Note(id) => session.notes.get_mut(index(id.0)).map(|n| &mut n.revised),
        Target::Mindset(id) => session
            .mindsets
            .get_mut(index(id.0))
            .map(|m| &mut m.revised),
        Target::Decision(id) => session.decisions.get_mut(index(id)).map(|d| &mut d.revised),
        Target::Conclusion(id) => session
            .conclusions
            .get_mut(index(id))
            .map(|c| &mut c.revised),
        Target::Action(id) => session.actions.get_mut(index(id.0)).map(|a| &mut a.revised),
    };
    if let Some(flag) = flag {
        *flag = true;
    }
}

/// Whether any record was corrected after the end.
fn any_revised(s: &Session) -> bool {
    s.participants.iter().any(|p| p.revised)
        || s.agenda.iter().any(|i| i.revised)
        || s.notes.iter().any(|n| n.revised)
        || s.mindsets.iter().any(|m| m.revised)
        || s.decisions.iter().any(|d| d.revised)
        || s.conclusions.iter().any(|c| c.revised)
        || s.actions.iter().any(|a| a.revised)
}

fn index(id: u32) -> usize {
    (id as usize).wrapping_sub(1)
}

fn participant_mut<'a>(
    session: &'a mut Session,
    code: &str,
) -> Option<&'a mut super::session::Participant> {
    session
        .participants
        .iter_mut()
        .find(|p| p.code.eq_ignore_ascii_case(code))
}

fn close_pause(session: &mut Session, at: DateTime<Utc>) {
    if let Some(p) = session.pauses.last_mut()
        && p.end.is_none()
    {
        p.end = Some(at);
    }
}

fn finish_speaker(session: &mut Session, at: DateTime<Utc>) {
    if let Some(s) = session.speaking.take() {
        let secs = session.live_secs(s.since, at);
        let e = session.talk.entry(s.code.clone()).or_default();
        e.0 += secs;
        e.1 += 1;
        session.turns.push(Turn {
            code: s.code,
            kind: s.kind,
            item: s.item,
            start: s.since,
            end: at,
            secs,
        });
    }
}

fn activate(session: &mut Session, id: ItemId, at: DateTime<Utc>) {
    if let Some(it) = session.agenda.iter_mut().find(|i| i.id == id) {
        it.status = ItemStatus::Active;
        it.spans.push(Span {
            start: at,
            end: None,
        });
    }
}

/// Closes an item's open span and gives it its new status.
fn leave(session: &mut Session, id: ItemId, at: DateTime<Utc>, status: ItemStatus) {
    if let Some(it) = session.agenda.iter_mut().find(|i| i.id == id) {
        if let Some(span) = it.spans.last_mut()
            && span.end.is_none()
        {
            span.end = Some(at);
        }
        it.status = status;
    }
}

fn set_item_status(session: &mut Session, id: ItemId, status: ItemStatus) {
    if let Some(it) = session.agenda.iter_mut().find(|i| i.id == id) {
        it.status = status;
    }
}
