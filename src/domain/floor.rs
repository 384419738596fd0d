//! The floor: the speaker queue (after TC39's TCQ) and who has the floor.
//! The rules of raising a hand, moving and removing queue entries, calling
//! and finishing speakers, the folds of those events, and the questions of
//! equal participation (turn time, talk time, who has not yet spoken). Must
//! not touch the agenda, participants or records.

use chrono::{DateTime, Utc};

use super::error::DomainError;
use super::event::Event;
use super::rules::{Rules, position};
use super::session::{EntryId, Participant, QueueEntry, Session, Speaking, TalkStat, Turn};
use super::types::SpeakKind;

/// Rule of `raise_hand`: one entry per participant and kind; a new entry
/// goes behind the last entry of the same or higher priority.
pub(super) fn raise_hand(
    r: &Rules,
    reference: &str,
    kind: SpeakKind,
) -> Result<Event, DomainError> {
    r.not_ended()?;
    let p = r.speaker(reference)?;
    if r.s.queue.iter().any(|e| e.code == p.code && e.kind == kind) {
        return Err(DomainError::AlreadyQueued {
            name: p.name.to_owned(),
            kind,
        });
    }
    let index =
        r.s.queue
            .iter()
            .rposition(|e| e.kind.priority() >= kind.priority())
            .map_or(0, |i| i + 1);
    Ok(Event::HandRaised {
        entry: QueueEntry {
            id: EntryId(r.s.next_entry_id.max(1)),
            code: p.code.clone(),
            kind,
            raised_at: r.now,
        },
        index,
    })
}

/// Rule of `move_queue_entry`: to a 1-based position in the queue.
pub(super) fn move_entry(r: &Rules, entry: EntryId, to: usize) -> Result<Event, DomainError> {
    r.not_ended()?;
    r.entry(entry)?;
    Ok(Event::QueueEntryMoved {
        entry,
        index: position(to, r.s.queue.len())?,
    })
}

/// Rule of `remove_queue_entry`: an entry that is in the queue.
pub(super) fn remove_entry(r: &Rules, entry: EntryId) -> Result<Event, DomainError> {
    r.not_ended()?;
    r.entry(entry)?;
    Ok(Event::QueueEntryRemoved { entry })
}

/// Rule of `call_next`: the front of the queue gets the floor.
pub(super) fn call_next(r: &Rules) -> Result<Event, DomainError> {
    r.running()?;
    let front = r.s.queue.first().ok_or(DomainError::QueueEmpty)?;
    Ok(Event::SpeakerCalled {
        code: front.code.clone(),
        kind: front.kind,
        entry: Some(front.id),
        returns: interrupted(r, &front.code, front.kind),
    })
}

/// The entry that gives the floor back to a speaker whom a point of order or
/// a clarifying question (`kind`, by `code`) interrupts (TCQ): first in the
/// queue, with the kind of the turn they were having. None when nobody
/// speaks, when the speaker is the one called, when the turn was itself a
/// point of order or a clarifying question, or when they are queued for that
/// kind already.
fn interrupted(r: &Rules, code: &str, kind: SpeakKind) -> Option<QueueEntry> {
    let sp = r.s.speaking.as_ref()?;
    let interrupts = matches!(kind, SpeakKind::PointOfOrder | SpeakKind::Clarify);
    let resumable = matches!(sp.kind, SpeakKind::Topic | SpeakKind::Reply);
    let queued =
        r.s.queue
            .iter()
            .any(|e| e.code == sp.code && e.kind == sp.kind);
    (interrupts && resumable && sp.code != code && !queued).then(|| QueueEntry {
        id: EntryId(r.s.next_entry_id.max(1)),
        code: sp.code.clone(),
        kind: sp.kind,
        raised_at: r.now,
    })
}

/// Rule of `call_speaker`: someone not already speaking; their queue entry,
/// if any, is used.
pub(super) fn call(r: &Rules, reference: &str) -> Result<Event, DomainError> {
    r.running()?;
    let p = r.speaker(reference)?;
    if r.s.speaking.as_ref().is_some_and(|s| s.code == p.code) {
        return Err(DomainError::AlreadySpeaking(p.name.to_owned()));
    }
    Ok(match r.s.queue.iter().find(|e| e.code == p.code) {
        Some(e) => Event::SpeakerCalled {
            code: p.code.clone(),
            kind: e.kind,
            entry: Some(e.id),
            returns: interrupted(r, &p.code, e.kind),
        },
        None => Event::SpeakerCalled {
            code: p.code.clone(),
            kind: SpeakKind::Topic,
            entry: None,
            returns: None,
        },
    })
}

/// Rule of `finish_speaker`: someone is speaking.
pub(super) fn finish(r: &Rules) -> Result<Event, DomainError> {
    r.not_ended()?;
    if r.s.speaking.is_none() {
        return Err(DomainError::NotSpeaking);
    }
    Ok(Event::SpeakerFinished)
}

/// Fold of `HandRaised`.
pub(super) fn hand_raised(s: &mut Session, entry: &QueueEntry, index: usize) {
    s.next_entry_id = s.next_entry_id.max(entry.id.0) + 1;
    let index = index.min(s.queue.len());
    s.queue.insert(index, entry.clone());
}

/// Fold of `QueueEntryMoved`.
pub(super) fn entry_moved(s: &mut Session, entry: EntryId, index: usize) {
    if let Some(from) = s.queue_position(entry) {
        let e = s.queue.remove(from);
        let index = index.min(s.queue.len());
        s.queue.insert(index, e);
    }
}

/// Fold of `QueueEntryRemoved`.
pub(super) fn entry_removed(s: &mut Session, entry: EntryId) {
    s.queue.retain(|e| e.id != entry);
}

/// Fold of `SpeakerCalled`: the current speaker finishes at the same instant.
pub(super) fn speaker_called(
    s: &mut Session,
    code: &str,
    kind: SpeakKind,
    entry: Option<EntryId>,
    at: DateTime<Utc>,
) {
    finish_speaker(s, at);
    if let Some(entry) = entry {
        s.queue.retain(|e| e.id != entry);
    }
    s.speaking = Some(Speaking {
        code: code.to_owned(),
        kind,
        since: at,
        item: s.active_item().map(|i| i.id),
    });
}

/// Fold of `SpeakerFinished` (and of every event that ends a turn): the
/// turn is kept with its live time.
pub(super) fn finish_speaker(s: &mut Session, at: DateTime<Utc>) {
    if let Some(sp) = s.speaking.take() {
        let secs = s.live_secs(sp.since, at);
        let e = s.talk.entry(sp.code.clone()).or_default();
        e.0 += secs;
        e.1 += 1;
        s.turns.push(Turn {
            code: sp.code,
            kind: sp.kind,
            item: sp.item,
            start: sp.since,
            end: at,
            secs,
        });
    }
}

impl Session {
    /// Live time of the current turn.
    pub fn speaker_secs(&self, now: DateTime<Utc>) -> i64 {
        self.speaking
            .as_ref()
            .map_or(0, |s| self.live_secs(s.since, self.clock_end(now)))
    }

    /// Whether the current turn has passed the session's turn limit.
    pub fn speaker_over_limit(&self, now: DateTime<Utc>) -> bool {
        self.speaking.is_some() && self.speaker_secs(now) > i64::from(self.speaker_limit_secs())
    }

    /// Talk time and turns per participant (every participant not removed,
    /// in order), counting a turn in progress up to `now`.
    pub fn talk_stats(&self, now: DateTime<Utc>) -> Vec<TalkStat> {
        self.participants()
            .map(|p| {
                let (mut secs, mut turns) = self.talk.get(&p.code).copied().unwrap_or((0, 0));
                if self.speaking.as_ref().is_some_and(|s| s.code == p.code) {
                    secs += self.speaker_secs(now);
                    turns += 1;
                }
                TalkStat {
                    code: p.code.clone(),
                    secs,
                    turns,
                }
            })
            .collect()
    }

    /// Participants who have not spoken yet (no finished turn and not speaking
    /// now). Once anyone is marked present at a roll call (not only by taking
    /// part), only those present are listed.
    pub fn not_yet_spoken(&self) -> Vec<&Participant> {
        let anyone_present = self.participants().any(|p| p.present && !p.by_taking_part);
        // Turns hold the participant's code exactly as stored (decide resolves
        // every reference).
        let speaking = self.speaking.as_ref().map(|s| s.code.as_str());
        self.participants()
            .filter(|p| !anyone_present || p.present)
            .filter(|p| !self.talk.contains_key(&p.code) && speaking != Some(p.code.as_str()))
            .collect()
    }

    /// Recomputes the talk totals from `turns` (after an undo changed them).
    pub(crate) fn rebuild_talk(&mut self) {
        self.talk.clear();
        for t in &self.turns {
            let e = self.talk.entry(t.code.clone()).or_default();
            e.0 += t.secs;
            e.1 += 1;
        }
    }

    /// Position of a queue entry.
    pub fn queue_position(&self, id: EntryId) -> Option<usize> {
        self.queue.iter().position(|e| e.id == id)
    }
}
