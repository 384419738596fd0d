//! `decide`: the rules. Given the state, a command, the time and who made it,
//! either the event to record or the reason it is refused. Pure: it reads the
//! state and never changes it.

use chrono::{DateTime, Utc};

use super::command::Command;
use super::due::parse_due;
use super::error::DomainError;
use super::event::{Event, Target};
use super::session::{
    ActionId, ActionItem, AgendaItem, EntryId, ItemId, MindsetShift, Note, Participant, QueueEntry,
    Session, Statement,
};
use super::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean, clean_line};
use super::types::{ActionStatus, Actor, ItemStatus, SpeakKind, Status};

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
            Command::Create { info } => create(info),
            _ => Err(DomainError::NotCreated),
        };
    }
    let r = Rules { s: session, now };
    let event = match command {
        Command::Create { .. } => return Err(DomainError::AlreadyCreated),
        Command::Start => r.start()?,
        Command::Pause => match session.status {
            Status::Live => Event::Paused,
            Status::Paused => return Err(DomainError::AlreadyPaused),
            Status::Planned => return Err(DomainError::NotStarted),
            Status::Ended => return Err(DomainError::Ended),
        },
        Command::Resume => match session.status {
            Status::Paused => Event::Resumed,
            Status::Live => return Err(DomainError::NotPaused),
            Status::Planned => return Err(DomainError::NotStarted),
            Status::Ended => return Err(DomainError::Ended),
        },
        Command::End => match session.status {
            Status::Live | Status::Paused => Event::Ended,
            Status::Planned => return Err(DomainError::NotStarted),
            Status::Ended => return Err(DomainError::AlreadyEnded),
        },
        Command::Undo => r.undo(actor)?,
        Command::AddParticipant {
            name,
            position,
            unit,
            code,
            nip,
            consent,
            present,
        } => r.add_participant(&name, position, unit, code, nip, consent, present)?,
        Command::EditParticipant {
            participant,
            name,
            position,
            unit,
            nip,
            consent,
        } => r.edit_participant(&participant, name, position, unit, nip, consent)?,
        Command::RemoveParticipant { participant } => {
            r.not_ended()?;
            let p = session.find_participant(&participant)?;
            let busy = session.queue.iter().any(|e| e.code == p.code)
                || session.speaking.as_ref().is_some_and(|s| s.code == p.code);
            if busy {
                return Err(DomainError::ParticipantBusy(p.name.clone()));
            }
            Event::ParticipantRemoved {
                code: p.code.clone(),
            }
        }
        Command::Arrive { participant } => {
            r.not_ended()?;
            let p = session.find_participant(&participant)?;
            if p.present {
                return Err(DomainError::AlreadyPresent(p.name.clone()));
            }
            Event::Arrived {
                code: p.code.clone(),
            }
        }
        Command::Absent { participant } => {
            r.not_ended()?;
            let p = session.find_participant(&participant)?;
            if !p.present {
                return Err(DomainError::NotPresent(p.name.clone()));
            }
            Event::MarkedAbsent {
                code: p.code.clone(),
            }
        }
        Command::AddAgendaItem {
            title,
            minutes,
            owner,
            questions,
            position,
            origin,
        } => r.add_item(&title, minutes, owner, &questions, position, origin)?,
        Command::EditAgendaItem {
            item,
            title,
            minutes,
            owner,
            questions,
        } => r.edit_item(item, title, minutes, owner, questions)?,
        Command::MoveAgendaItem { item, to } => {
            r.not_ended()?;
            r.item(item)?;
            Event::ItemMoved {
                id: item,
                index: position(to, session.agenda.len())?,
            }
        }
        Command::RemoveAgendaItem { item } => r.remove_item(item)?,
        Command::StartItem { item } => {
            r.running()?;
            let it = r.item(item)?;
            if it.status == ItemStatus::Active {
                return Err(DomainError::ItemAlreadyActive(it.title.clone()));
            }
            Event::ItemStarted {
                id: item,
                finished: session.active_item().map(|i| i.id),
            }
        }
        Command::NextItem => {
            r.running()?;
            let finished = session.active_item().map(|i| i.id);
            let started = r.first_pending();
            if finished.is_none() && started.is_none() {
                return Err(DomainError::NoPendingItem);
            }
            Event::ItemAdvanced { finished, started }
        }
        Command::SkipItem { item } => {
            r.not_ended()?;
            r.pending(item, "skipped")?;
            Event::ItemSkipped { id: item }
        }
        Command::DeferItem { item } => r.defer(item)?,
        Command::RaiseHand { participant, kind } => r.raise_hand(&participant, kind)?,
        Command::MoveQueueEntry { entry, to } => {
            r.not_ended()?;
            r.entry(entry)?;
            Event::QueueEntryMoved {
                entry,
                index: position(to, session.queue.len())?,
            }
        }
        Command::RemoveQueueEntry { entry } => {
            r.not_ended()?;
            r.entry(entry)?;
            Event::QueueEntryRemoved { entry }
        }
        Command::CallNext => {
            r.running()?;
            let front = session.queue.first().ok_or(DomainError::QueueEmpty)?;
            Event::SpeakerCalled {
                code: front.code.clone(),
                kind: front.kind,
                entry: Some(front.id),
            }
        }
        Command::CallSpeaker { participant } => {
            r.running()?;
            let p = session.find_participant(&participant)?;
            if session.speaking.as_ref().is_some_and(|s| s.code == p.code) {
                return Err(DomainError::AlreadySpeaking(p.name.clone()));
            }
            match session.queue.iter().find(|e| e.code == p.code) {
                Some(e) => Event::SpeakerCalled {
                    code: p.code.clone(),
                    kind: e.kind,
                    entry: Some(e.id),
                },
                None => Event::SpeakerCalled {
                    code: p.code.clone(),
                    kind: SpeakKind::Topic,
                    entry: None,
                },
            }
        }
        Command::FinishSpeaker => {
            r.not_ended()?;
            if session.speaking.is_none() {
                return Err(DomainError::NotSpeaking);
            }
            Event::SpeakerFinished
        }
        Command::AddMindset {
            from,
            to,
            values,
            participant,
            item,
        } => {
            r.not_ended()?;
            let mut values = values;
            values.sort();
            values.dedup();
            Event::MindsetAdded {
                mindset: MindsetShift {
                    id: super::session::MindsetId(next_id(session.mindsets.len())),
                    from: text(&from, "“from”")?,
                    to: text(&to, "“to”")?,
                    values,
                    participant: r.participant_opt(participant.as_deref())?,
                    item: r.item_or_active(item)?,
                    at: now,
                    removed: false,
                    revised: false,
                },
            }
        }
        Command::EditMindset {
            mindset,
            from,
            to,
            values,
            participant,
        } => {
            let old = record(&session.mindsets, mindset.0, "mindset note", |m| m.removed)?;
            let mut values = values.unwrap_or_else(|| old.values.clone());
            values.sort();
            values.dedup();
            let ev = Event::MindsetEdited {
                id: mindset,
                from: from.map_or_else(|| Ok(old.from.clone()), |f| text(&f, "“from”"))?,
                to: to.map_or_else(|| Ok(old.to.clone()), |t| text(&t, "“to”"))?,
                values,
                participant: r
                    .participant_change(participant.as_deref(), old.participant.as_ref())?,
            };
            changed(&ev, |e| {
                matches!(e, Event::MindsetEdited { from, to, values, participant, .. }
                if *from == old.from && *to == old.to && *values == old.values && *participant == old.participant)
            })?
        }
        Command::AddNote {
            text: t,
            kind,
            participant,
            private,
            item,
        } => {
            r.not_ended()?;
            Event::NoteAdded {
                note: Note {
                    id: super::session::NoteId(next_id(session.notes.len())),
                    kind,
                    text: text(&t, "note text")?,
                    participant: r.participant_opt(participant.as_deref())?,
                    item: r.item_or_active(item)?,
                    at: now,
                    private: private.unwrap_or_else(|| kind.private_by_default()),
                    removed: false,
                    revised: false,
                },
            }
        }
        Command::EditNote {
            note,
            text: t,
            kind,
            participant,
            private,
        } => {
            let old = record(&session.notes, note.0, "note", |n| n.removed)?;
            let ev = Event::NoteEdited {
                id: note,
                kind: kind.unwrap_or(old.kind),
                text: t.map_or_else(|| Ok(old.text.clone()), |t| text(&t, "note text"))?,
                participant: r
                    .participant_change(participant.as_deref(), old.participant.as_ref())?,
                private: private.unwrap_or(old.private),
            };
            changed(&ev, |e| {
                matches!(e, Event::NoteEdited { kind, text, participant, private, .. }
                if *kind == old.kind && *text == old.text && *participant == old.participant && *private == old.private)
            })?
        }
        Command::AddDecision { text: t, item } => {
            r.not_ended()?;
            Event::DecisionAdded {
                decision: r.statement(session.decisions.len(), &t, "decision", item)?,
            }
        }
        Command::EditDecision { decision, text: t } => {
            let old = record(&session.decisions, decision, "decision", |d| d.removed)?;
            let t = text(&t, "decision")?;
            if t == old.text {
                return Err(DomainError::NothingToChange);
            }
            Event::DecisionEdited {
                id: decision,
                text: t,
            }
        }
        Command::AddConclusion { text: t, item } => {
            r.not_ended()?;
            Event::ConclusionAdded {
                conclusion: r.statement(session.conclusions.len(), &t, "conclusion", item)?,
            }
        }
        Command::EditConclusion {
            conclusion,
            text: t,
        } => {
            let old = record(&session.conclusions, conclusion, "conclusion", |d| {
                d.removed
            })?;
            let t = text(&t, "conclusion")?;
            if t == old.text {
                return Err(DomainError::NothingToChange);
            }
            Event::ConclusionEdited {
                id: conclusion,
                text: t,
            }
        }
        Command::AddAction {
            what,
            pic,
            due,
            item,
            origin,
        } => {
            r.not_ended()?;
            Event::ActionAdded {
                action: ActionItem {
                    id: ActionId(next_id(session.actions.len())),
                    what: text(&what, "action")?,
                    pic: r.pic(pic.as_deref())?,
                    due: r.due(due.as_deref())?,
                    status: ActionStatus::Open,
                    item: r.item_or_active(item)?,
                    origin: origin.map(|o| clean_line(&o)).filter(|o| !o.is_empty()),
                    at: now,
                    removed: false,
                    revised: false,
                },
            }
        }
        Command::EditAction {
            action,
            what,
            pic,
            due,
        } => {
            let old = record(&session.actions, action.0, "action item", |a| a.removed)?;
            let ev = Event::ActionEdited {
                id: action,
                what: what.map_or_else(|| Ok(old.what.clone()), |w| text(&w, "action"))?,
                pic: match pic {
                    None => old.pic.clone(),
                    Some(p) => r.pic(Some(&p))?,
                },
                due: match due {
                    None => old.due,
                    Some(d) => r.due(Some(&d))?,
                },
            };
            changed(&ev, |e| {
                matches!(e, Event::ActionEdited { what, pic, due, .. }
                if *what == old.what && *pic == old.pic && *due == old.due)
            })?
        }
        Command::SetActionStatus { action, status } => {
            let old = record(&session.actions, action.0, "action item", |a| a.removed)?;
            if old.status == status {
                return Err(DomainError::NothingToChange);
            }
            Event::ActionStatusSet { id: action, status }
        }
        Command::RemoveNote { note } => {
            record(&session.notes, note.0, "note", |n| n.removed)?;
            Event::Removed {
                target: Target::Note(note),
            }
        }
        Command::RemoveMindset { mindset } => {
            record(&session.mindsets, mindset.0, "mindset note", |m| m.removed)?;
            Event::Removed {
                target: Target::Mindset(mindset),
            }
        }
        Command::RemoveDecision { decision } => {
            record(&session.decisions, decision, "decision", |d| d.removed)?;
            Event::Removed {
                target: Target::Decision(decision),
            }
        }
        Command::RemoveConclusion { conclusion } => {
            record(&session.conclusions, conclusion, "conclusion", |d| {
                d.removed
            })?;
            Event::Removed {
                target: Target::Conclusion(conclusion),
            }
        }
        Command::RemoveAction { action } => {
            record(&session.actions, action.0, "action item", |a| a.removed)?;
            Event::Removed {
                target: Target::Action(action),
            }
        }
    };
    Ok(vec![event])
}

fn create(mut info: super::session::SessionInfo) -> Decided {
    info.title = line(&info.title, "title")?;
    info.id = clean_line(&info.id);
    if info.id.is_empty() {
        return Err(DomainError::Empty("session id"));
    }
    for field in [&mut info.venue, &mut info.organizer] {
        *field = field.as_deref().map(clean_line).filter(|v| !v.is_empty());
    }
    for person in [&mut info.facilitator, &mut info.notetaker] {
        if let Some(p) = person {
            p.name = clean_line(&p.name);
            p.nip = p.nip.as_deref().map(clean_line).filter(|v| !v.is_empty());
        }
        if person.as_ref().is_some_and(|p| p.name.is_empty()) {
            *person = None;
        }
    }
    info.resource_persons = info
        .resource_persons
        .iter()
        .map(|r| clean_line(r))
        .filter(|r| !r.is_empty())
        .collect();
    info.follow_up_of = info
        .follow_up_of
        .as_deref()
        .map(clean_line)
        .filter(|v| !v.is_empty());
    if info.speaker_limit_secs == 0 {
        info.speaker_limit_secs = 180;
    }
    Ok(vec![Event::Created { info }])
}

/// A cleaned multi-line text, required and within the limit.
fn text(raw: &str, field: &'static str) -> Result<String, DomainError> {
    limited(clean(raw), field, MAX_TEXT_CHARS)
}

/// A cleaned one-line text, required and within the limit.
fn line(raw: &str, field: &'static str) -> Result<String, DomainError> {
    limited(clean_line(raw), field, MAX_LINE_CHARS)
}

/// An optional one-line text: empty means none.
fn opt_line(raw: Option<String>, field: &'static str) -> Result<Option<String>, DomainError> {
    match raw.map(|r| clean_line(&r)) {
        Some(v) if v.is_empty() => Ok(None),
        Some(v) => limited(v, field, MAX_LINE_CHARS).map(Some),
        None => Ok(None),
    }
}

fn limited(v: String, field: &'static str, max: usize) -> Result<String, DomainError> {
    if v.is_empty() {
        return Err(DomainError::Empty(field));
    }
    let len = v.chars().count();
    if len > max {
        return Err(DomainError::TooLong { field, len, max });
    }
    Ok(v)
}

fn next_id(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX - 1) + 1
}

/// A 1-based position in a list of `len` into a 0-based index.
fn position(to: usize, len: usize) -> Result<usize, DomainError> {
    if to == 0 || to > len {
        return Err(DomainError::BadPosition { to, len });
    }
    Ok(to - 1)
}

/// Refuses an edit whose result equals the record as it is.
fn changed(ev: &Event, same: impl Fn(&Event) -> bool) -> Result<Event, DomainError> {
    if same(ev) {
        Err(DomainError::NothingToChange)
    } else {
        Ok(ev.clone())
    }
}

fn valid_code(code: &str) -> bool {
    (1..=12).contains(&code.chars().count())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

struct Rules<'a> {
    s: &'a Session,
    now: DateTime<Utc>,
}

impl Rules<'_> {
    fn not_ended(&self) -> Result<(), DomainError> {
        if self.s.status == Status::Ended {
            Err(DomainError::Ended)
        } else {
            Ok(())
        }
    }

    /// Live or paused.
    fn running(&self) -> Result<(), DomainError> {
        match self.s.status {
            Status::Live | Status::Paused => Ok(()),
            Status::Planned => Err(DomainError::NotStarted),
            Status::Ended => Err(DomainError::Ended),
        }
    }

    fn start(&self) -> Result<Event, DomainError> {
        match self.s.status {
            Status::Planned => Ok(Event::Started {
                item: self.first_pending(),
            }),
            Status::Ended => Err(DomainError::Ended),
            Status::Live | Status::Paused => Err(DomainError::AlreadyStarted),
        }
    }

    fn undo(&self, actor: Actor) -> Result<Event, DomainError> {
        match self.s.undo.next_for(actor) {
            None => Err(DomainError::NothingToUndo),
            Some((_, label, true)) => Err(DomainError::UndoConflict(label.to_owned())),
            Some((seq, _, false)) => Ok(Event::Undone { of: seq }),
        }
    }

    fn first_pending(&self) -> Option<ItemId> {
        self.s
            .agenda
            .iter()
            .find(|i| i.status == ItemStatus::Pending)
            .map(|i| i.id)
    }

    fn item(&self, id: ItemId) -> Result<&AgendaItem, DomainError> {
        self.s.item(id).ok_or(DomainError::UnknownItem(id.0))
    }

    fn pending(&self, id: ItemId, verb: &'static str) -> Result<&AgendaItem, DomainError> {
        let it = self.item(id)?;
        if it.status != ItemStatus::Pending {
            return Err(DomainError::ItemNotPending {
                title: it.title.clone(),
                status: it.status,
                verb,
            });
        }
        Ok(it)
    }

    fn item_or_active(&self, item: Option<ItemId>) -> Result<Option<ItemId>, DomainError> {
        match item {
            Some(id) => self.item(id).map(|i| Some(i.id)),
            None => Ok(self.s.active_item().map(|i| i.id)),
        }
    }

    fn entry(&self, id: EntryId) -> Result<&QueueEntry, DomainError> {
        self.s
            .queue
            .iter()
            .find(|e| e.id == id)
            .ok_or(DomainError::UnknownEntry(id.0))
    }

    fn participant_opt(&self, reference: Option<&str>) -> Result<Option<String>, DomainError> {
        match reference.map(str::trim) {
            None | Some("") => Ok(None),
            Some(r) => Ok(Some(self.s.find_participant(r)?.code.clone())),
        }
    }

    /// `None` keeps `old`, an empty text clears, anything else is resolved.
    fn participant_change(
        &self,
        reference: Option<&str>,
        old: Option<&String>,
    ) -> Result<Option<String>, DomainError> {
        match reference {
            None => Ok(old.cloned()),
            Some(r) => self.participant_opt(Some(r)),
        }
    }

    fn pic(&self, pic: Option<&str>) -> Result<Option<super::session::Pic>, DomainError> {
        match pic.map(clean_line) {
            None => Ok(None),
            Some(p) if p.is_empty() => Ok(None),
            Some(p) => Ok(Some(self.s.link_pic(&limited(p, "PIC", MAX_LINE_CHARS)?))),
        }
    }

    fn due(&self, due: Option<&str>) -> Result<Option<chrono::NaiveDate>, DomainError> {
        match due.map(str::trim) {
            None | Some("") => Ok(None),
            Some(d) => parse_due(d, self.s.info.zone.date_of(self.now)).map(Some),
        }
    }

    fn statement(
        &self,
        len: usize,
        raw: &str,
        field: &'static str,
        item: Option<ItemId>,
    ) -> Result<Statement, DomainError> {
        Ok(Statement {
            id: next_id(len),
            text: text(raw, field)?,
            item: self.item_or_active(item)?,
            at: self.now,
            removed: false,
            revised: false,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn add_participant(
        &self,
        name: &str,
        position: Option<String>,
        unit: Option<String>,
        code: Option<String>,
        nip: Option<String>,
        consent: bool,
        present: bool,
    ) -> Result<Event, DomainError> {
        self.not_ended()?;
        let name = line(name, "participant name")?;
        let code = match code.map(|c| clean_line(&c)).filter(|c| !c.is_empty()) {
            None => self.s.next_code(),
            Some(c) if !valid_code(&c) => return Err(DomainError::BadCode(c)),
            Some(c) => {
                if let Some(other) = self.s.participant(&c) {
                    return Err(DomainError::DuplicateCode {
                        code: c,
                        name: other.name.clone(),
                    });
                }
                c
            }
        };
        Ok(Event::ParticipantAdded {
            participant: Participant {
                code,
                name,
                position: opt_line(position, "position")?,
                unit: opt_line(unit, "unit")?,
                nip: opt_line(nip, "NIP")?,
                consent,
                present,
                arrived_at: present.then_some(self.now),
                removed: false,
                revised: false,
            },
        })
    }

    fn edit_participant(
        &self,
        reference: &str,
        name: Option<String>,
        position: Option<String>,
        unit: Option<String>,
        nip: Option<String>,
        consent: Option<bool>,
    ) -> Result<Event, DomainError> {
        let p = self.s.find_participant(reference)?;
        let keep_or = |new: Option<String>, old: &Option<String>, field| match new {
            None => Ok(old.clone()),
            Some(v) => opt_line(Some(v), field),
        };
        let ev = Event::ParticipantEdited {
            code: p.code.clone(),
            name: name.map_or_else(|| Ok(p.name.clone()), |n| line(&n, "participant name"))?,
            position: keep_or(position, &p.position, "position")?,
            unit: keep_or(unit, &p.unit, "unit")?,
            nip: keep_or(nip, &p.nip, "NIP")?,
            consent: consent.unwrap_or(p.consent),
        };
        changed(&ev, |e| {
            matches!(e, Event::ParticipantEdited { name, position, unit, nip, consent, .. }
            if *name == p.name && *position == p.position && *unit == p.unit && *nip == p.nip && *consent == p.consent)
        })
    }

    fn add_item(
        &self,
        title: &str,
        minutes: u32,
        owner: Option<String>,
        questions: &[String],
        pos: Option<usize>,
        origin: Option<String>,
    ) -> Result<Event, DomainError> {
        self.not_ended()?;
        if !(1..=1440).contains(&minutes) {
            return Err(DomainError::BadMinutes(minutes));
        }
        let index = match pos {
            None => self.s.agenda.len(),
            Some(p) => position(p, self.s.agenda.len() + 1)?,
        };
        Ok(Event::ItemAdded {
            item: AgendaItem {
                id: ItemId(self.s.next_item_id.max(1)),
                title: line(title, "agenda item title")?,
                minutes,
                owner: opt_line(owner, "owner")?,
                questions: questions_of(questions)?,
                status: ItemStatus::Pending,
                spans: vec![],
                origin: opt_line(origin, "origin")?,
                revised: false,
            },
            index,
        })
    }

    fn edit_item(
        &self,
        id: ItemId,
        title: Option<String>,
        minutes: Option<u32>,
        owner: Option<String>,
        questions: Option<Vec<String>>,
    ) -> Result<Event, DomainError> {
        let it = self.item(id)?;
        if let Some(m) = minutes {
            if self.s.status == Status::Ended && m != it.minutes {
                return Err(DomainError::Ended);
            }
            if !(1..=1440).contains(&m) {
                return Err(DomainError::BadMinutes(m));
            }
        }
        let ev = Event::ItemEdited {
            id,
            title: title.map_or_else(|| Ok(it.title.clone()), |t| line(&t, "agenda item title"))?,
            minutes: minutes.unwrap_or(it.minutes),
            owner: match owner {
                None => it.owner.clone(),
                Some(o) => opt_line(Some(o), "owner")?,
            },
            questions: questions.map_or_else(|| Ok(it.questions.clone()), |q| questions_of(&q))?,
        };
        changed(&ev, |e| {
            matches!(e, Event::ItemEdited { title, minutes, owner, questions, .. }
            if *title == it.title && *minutes == it.minutes && *owner == it.owner && *questions == it.questions)
        })
    }

    fn remove_item(&self, id: ItemId) -> Result<Event, DomainError> {
        self.not_ended()?;
        let it = self.pending(id, "removed")?;
        let s = self.s;
        let linked = s.notes().any(|n| n.item == Some(id))
            || s.mindsets().any(|m| m.item == Some(id))
            || s.decisions().any(|d| d.item == Some(id))
            || s.conclusions().any(|c| c.item == Some(id))
            || s.actions().any(|a| a.item == Some(id))
            || s.turns.iter().any(|t| t.item == Some(id));
        if linked {
            return Err(DomainError::ItemHasRecords(it.title.clone()));
        }
        Ok(Event::ItemRemoved { id })
    }

    fn defer(&self, item: Option<ItemId>) -> Result<Event, DomainError> {
        self.not_ended()?;
        let active = self.s.active_item().map(|i| i.id);
        let id = match item {
            Some(id) => id,
            None => active.ok_or(DomainError::NoActiveItem)?,
        };
        if Some(id) == active {
            self.running()?;
            return Ok(Event::ItemDeferred {
                id,
                started: self.first_pending(),
            });
        }
        self.pending(id, "deferred")?;
        Ok(Event::ItemDeferred { id, started: None })
    }

    fn raise_hand(&self, reference: &str, kind: SpeakKind) -> Result<Event, DomainError> {
        self.not_ended()?;
        let p = self.s.find_participant(reference)?;
        if self
            .s
            .queue
            .iter()
            .any(|e| e.code == p.code && e.kind == kind)
        {
            return Err(DomainError::AlreadyQueued {
                name: p.name.clone(),
                kind,
            });
        }
        let index = self
            .s
            .queue
            .iter()
            .rposition(|e| e.kind.priority() >= kind.priority())
            .map_or(0, |i| i + 1);
        Ok(Event::HandRaised {
            entry: QueueEntry {
                id: EntryId(self.s.next_entry_id.max(1)),
                code: p.code.clone(),
                kind,
                raised_at: self.now,
            },
            index,
        })
    }
}

fn record<'r, T>(
    list: &'r [T],
    id: u32,
    what: &'static str,
    removed: impl Fn(&T) -> bool,
) -> Result<&'r T, DomainError> {
    (id as usize)
        .checked_sub(1)
        .and_then(|i| list.get(i))
        .filter(|r| !removed(r))
        .ok_or(DomainError::UnknownRecord { what, id })
}

fn questions_of(questions: &[String]) -> Result<Vec<String>, DomainError> {
    questions
        .iter()
        .map(|q| clean(q))
        .filter(|q| !q.is_empty())
        .map(|q| limited(q, "guide question", MAX_TEXT_CHARS))
        .collect()
}
