//! Attendance follows participation: a participant who raises a hand, takes
//! the floor, is quoted or owns a record (a note, a mindset shift, an action
//! as its linked PIC) was in the room. The fold of such an event marks them
//! present, with an arrival at that moment if none was recorded, so no
//! export ever lists someone who spoke as absent; old logs replay to the
//! same truth. Also the question "when did this participant first take
//! part", which the absent and remove refusals quote. Must not hold the
//! rules of the floor or of the records themselves.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::event::Event;
use super::records::Record;
use super::rules::index;
use super::session::Session;

/// The participant an event makes present: their index in the list and the
/// arrival to record, when they are a participant not yet present.
pub(super) fn joining(
    s: &Session,
    event: &Event,
    at: DateTime<Utc>,
) -> Option<(usize, DateTime<Utc>)> {
    let (code, when) = taking_part(s, event, at)?;
    // Events hold codes as stored (decide resolves them): an exact match
    // first, which is cheap; a differently cased one from an odd log after.
    let i = s
        .participants
        .iter()
        .position(|p| p.code == code)
        .or_else(|| {
            s.participants
                .iter()
                .position(|p| p.code.eq_ignore_ascii_case(code))
        })?;
    let p = &s.participants[i];
    (!p.present && !p.removed).then_some((i, when))
}

/// Who takes part in `event` (a speaker code, maybe not a participant) and
/// when: a record's own time for a record, else the event's.
fn taking_part<'a>(
    s: &'a Session,
    event: &'a Event,
    at: DateTime<Utc>,
) -> Option<(&'a str, DateTime<Utc>)> {
    let edited = |r: Option<&dyn Record>, code: Option<&'a str>| Some((code?, r?.at()));
    match event {
        Event::HandRaised { entry, .. } => Some((entry.code.as_str(), entry.raised_at)),
        Event::SpeakerCalled { code, .. } => Some((code.as_str(), at)),
        Event::NoteAdded { note } => Some((note.participant.as_deref()?, note.at)),
        Event::MindsetAdded { mindset } => Some((mindset.participant.as_deref()?, mindset.at)),
        // An action carried from the meeting before names its PIC, who need
        // not be in this room.
        Event::ActionAdded { action } if action.carried.is_some() => None,
        Event::ActionAdded { action } => Some((action.pic.as_ref()?.code.as_deref()?, action.at)),
        // A presenter who is scored presented.
        Event::Scored { score } => Some((score.presenter.as_str(), at)),
        Event::IdeaAdded { idea } => Some((idea.proposer.as_deref()?, idea.at)),
        Event::NoteEdited {
            id, participant, ..
        } => edited(
            s.notes.get(index(id.0)).map(|r| r as &dyn Record),
            participant.as_deref(),
        ),
        Event::MindsetEdited {
            id, participant, ..
        } => edited(
            s.mindsets.get(index(id.0)).map(|r| r as &dyn Record),
            participant.as_deref(),
        ),
        Event::ActionEdited { id, pic, .. } => edited(
            s.actions.get(index(id.0)).map(|r| r as &dyn Record),
            pic.as_ref().and_then(|p| p.code.as_deref()),
        ),
        Event::Created { .. }
        | Event::ScoresAnnounced
        | Event::IdeaPrioritised { .. }
        | Event::ActionPlanned { .. }
        | Event::Started { .. }
        | Event::Paused
        | Event::Resumed
        | Event::Ended
        | Event::Undone { .. }
        | Event::SessionEdited { .. }
        | Event::ParticipantAdded { .. }
        | Event::ParticipantEdited { .. }
        | Event::ParticipantRemoved { .. }
        | Event::Arrived { .. }
        | Event::MarkedAbsent { .. }
        | Event::ItemAdded { .. }
        | Event::ItemEdited { .. }
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
        | Event::DecisionAdded { .. }
        | Event::DecisionEdited { .. }
        | Event::ConclusionAdded { .. }
        | Event::ConclusionEdited { .. }
        | Event::ActionStatusSet { .. }
        | Event::Removed { .. } => None,
    }
}

/// Fold, after every event: the participant it makes present (found by
/// [`joining`] before the event's own fold) arrives.
pub(super) fn follow(s: &mut Session, joining: Option<(usize, DateTime<Utc>)>) {
    if let Some((i, when)) = joining {
        arrive(s, i, when);
    }
}

/// Fold, after an event that may have taken presence away (an undo, or an
/// absence in an old log): everyone who took part is present, arriving when
/// they first took part.
pub(super) fn settle(s: &mut Session) {
    if s.participants.iter().all(|p| p.present || p.removed) {
        return;
    }
    let mut first: HashMap<String, DateTime<Utc>> = HashMap::new();
    for (code, at) in s.participation() {
        let e = first.entry(code.to_uppercase()).or_insert(at);
        *e = (*e).min(at);
    }
    for i in 0..s.participants.len() {
        let p = &s.participants[i];
        if p.present || p.removed {
            continue;
        }
        if let Some(at) = first.get(&p.code.to_uppercase()).copied() {
            arrive(s, i, at);
        }
    }
}

fn arrive(s: &mut Session, i: usize, at: DateTime<Utc>) {
    if let Some(p) = s.participants.get_mut(i) {
        p.present = true;
        p.by_taking_part = true;
        p.arrived_at.get_or_insert(at);
    }
}

impl Session {
    /// When the participant (or speaker) with this code first took part: a
    /// raised hand, a turn, or a record naming them that is not removed.
    /// `None` when they never did.
    pub fn took_part(&self, code: &str) -> Option<DateTime<Utc>> {
        self.participation()
            .filter(|(c, _)| c.eq_ignore_ascii_case(code))
            .map(|(_, at)| at)
            .min()
    }

    /// Every act of taking part, by speaker code: raised hands, the turn in
    /// progress, finished turns and records naming someone (not removed).
    pub(super) fn participation(&self) -> impl Iterator<Item = (&str, DateTime<Utc>)> {
        let queue = self.queue.iter().map(|e| (e.code.as_str(), e.raised_at));
        let speaking = self.speaking.iter().map(|sp| (sp.code.as_str(), sp.since));
        let turns = self.turns.iter().map(|t| (t.code.as_str(), t.start));
        let records = self
            .all_records()
            .filter(|(_, r)| !r.removed())
            .filter_map(|(_, r)| Some((r.participant()?, r.at())));
        queue.chain(speaking).chain(turns).chain(records)
    }
}
