//! Participants: who is invited and who is present. The rules of adding,
//! editing, removing them and marking them present or absent, the folds of
//! those events, and the questions asked of them (by code, by name, a PIC's
//! link). Must not touch the floor, the agenda or the records.

use chrono::{DateTime, Utc};

use super::error::DomainError;
use super::event::Event;
use super::rules::{Rules, changed, line, opt_line};
use super::session::{Participant, Pic, Session};
use super::text::clean_line;

/// The fields of `add_participant`, as typed.
pub(super) struct NewParticipant {
    pub name: String,
    pub position: Option<String>,
    pub unit: Option<String>,
    pub code: Option<String>,
    pub nip: Option<String>,
    pub consent: bool,
    pub present: bool,
    pub carried: bool,
}

/// The fields of `edit_participant`, as typed: `None` keeps.
pub(super) struct ParticipantChange {
    pub name: Option<String>,
    pub position: Option<String>,
    pub unit: Option<String>,
    pub nip: Option<String>,
    pub consent: Option<bool>,
}

fn valid_code(code: &str) -> bool {
    (1..=12).contains(&code.chars().count())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Rule of `add_participant`: a name is required; a code given is valid and
/// unique (case-insensitively), else the next `P<n>` is assigned.
pub(super) fn add(r: &Rules, new: NewParticipant) -> Result<Event, DomainError> {
    r.not_ended()?;
    let count = r.s.participants.len() + 1;
    super::limits::at_most("participants", count, super::limits::MAX_PARTICIPANTS)?;
    let name = line(&new.name, "participant name")?;
    let code = match new.code.map(|c| clean_line(&c)).filter(|c| !c.is_empty()) {
        None => r.s.next_code(),
        Some(c) if !valid_code(&c) => return Err(DomainError::BadCode(c)),
        Some(c) => {
            if let Some(other) = r.s.participant(&c) {
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
            position: opt_line(new.position, "position")?,
            unit: opt_line(new.unit, "unit")?,
            nip: opt_line(new.nip, "NIP")?,
            consent: new.consent,
            present: new.present,
            arrived_at: new.present.then_some(r.now),
            by_taking_part: false,
            carried: new.carried,
            removed: false,
            revised: false,
        },
    })
}

/// Rule of `edit_participant`: what is not given is kept, an empty optional
/// field clears; an edit that changes nothing is refused. Also after the end.
pub(super) fn edit(
    r: &Rules,
    reference: &str,
    change: ParticipantChange,
) -> Result<Event, DomainError> {
    let p = r.s.find_participant(reference)?;
    let keep_or = |new: Option<String>, old: &Option<String>, field| match new {
        None => Ok(old.clone()),
        Some(v) => opt_line(Some(v), field),
    };
    let ev = Event::ParticipantEdited {
        code: p.code.clone(),
        name: change
            .name
            .map_or_else(|| Ok(p.name.clone()), |n| line(&n, "participant name"))?,
        position: keep_or(change.position, &p.position, "position")?,
        unit: keep_or(change.unit, &p.unit, "unit")?,
        nip: keep_or(change.nip, &p.nip, "NIP")?,
        consent: change.consent.unwrap_or(p.consent),
    };
    changed(ev, |e| {
        matches!(e, Event::ParticipantEdited { name, position, unit, nip, consent, .. }
        if *name == p.name && *position == p.position && *unit == p.unit && *nip == p.nip && *consent == p.consent)
    })
}

/// Rule of `remove_participant`: not while they speak or are queued, and
/// not once they took part (the minutes need them).
pub(super) fn remove(r: &Rules, reference: &str) -> Result<Event, DomainError> {
    r.not_ended()?;
    let p = r.s.find_participant(reference)?;
    let busy = r.s.queue.iter().any(|e| e.code == p.code)
        || r.s.speaking.as_ref().is_some_and(|s| s.code == p.code);
    if busy {
        return Err(DomainError::ParticipantBusy(p.name.clone()));
    }
    if let Some(at) = r.s.took_part(&p.code) {
        return Err(DomainError::TookPartRemove {
            name: p.name.clone(),
            at,
            zone: r.s.info.zone,
        });
    }
    Ok(Event::ParticipantRemoved {
        code: p.code.clone(),
    })
}

/// Rule of `arrive`: someone not yet present, or present only because they
/// took part (the roll call confirms them; their first arrival stays).
pub(super) fn arrive(r: &Rules, reference: &str) -> Result<Event, DomainError> {
    r.not_ended()?;
    let p = r.s.find_participant(reference)?;
    if p.present && !p.by_taking_part {
        return Err(DomainError::AlreadyPresent(p.name.clone()));
    }
    Ok(Event::Arrived {
        code: p.code.clone(),
    })
}

/// Rule of `absent`: someone present who has not taken part.
pub(super) fn absent(r: &Rules, reference: &str) -> Result<Event, DomainError> {
    r.not_ended()?;
    let p = r.s.find_participant(reference)?;
    if !p.present {
        return Err(DomainError::NotPresent(p.name.clone()));
    }
    if let Some(at) = r.s.took_part(&p.code) {
        return Err(DomainError::TookPartAbsent {
            name: p.name.clone(),
            at,
            zone: r.s.info.zone,
        });
    }
    Ok(Event::MarkedAbsent {
        code: p.code.clone(),
    })
}

fn participant_mut<'a>(s: &'a mut Session, code: &str) -> Option<&'a mut Participant> {
    s.participants
        .iter_mut()
        .find(|p| p.code.eq_ignore_ascii_case(code))
}

/// Fold of `ParticipantAdded`.
pub(super) fn added(s: &mut Session, participant: &Participant) {
    s.participants.push(participant.clone());
}

/// Fold of `ParticipantEdited`.
pub(super) fn edited(s: &mut Session, ev: &Event, correcting: bool) {
    let Event::ParticipantEdited {
        code,
        name,
        position,
        unit,
        nip,
        consent,
    } = ev
    else {
        return;
    };
    if let Some(p) = participant_mut(s, code) {
        p.name.clone_from(name);
        p.position.clone_from(position);
        p.unit.clone_from(unit);
        p.nip.clone_from(nip);
        p.consent = *consent;
        p.revised |= correcting;
    }
}

/// Fold of `ParticipantRemoved`: kept, flagged, so references still resolve.
/// Someone who took part stays (an older log could remove them).
pub(super) fn removed(s: &mut Session, code: &str) {
    if s.took_part(code).is_some() {
        return;
    }
    if let Some(p) = participant_mut(s, code) {
        p.removed = true;
    }
}

/// Fold of `Arrived`: an earlier arrival (by taking part) stays.
pub(super) fn arrived(s: &mut Session, code: &str, at: DateTime<Utc>) {
    if let Some(p) = participant_mut(s, code) {
        p.present = true;
        p.arrived_at = Some(p.arrived_at.map_or(at, |a| a.min(at)));
        p.by_taking_part = false;
    }
}

/// Fold of `MarkedAbsent`.
pub(super) fn marked_absent(s: &mut Session, code: &str) {
    if let Some(p) = participant_mut(s, code) {
        p.present = false;
        p.arrived_at = None;
        p.by_taking_part = false;
    }
}

impl Session {
    /// Participants not removed, in order.
    pub fn participants(&self) -> impl Iterator<Item = &Participant> {
        self.participants.iter().filter(|p| !p.removed)
    }

    /// Participant by code (case-insensitive), removed ones included.
    pub fn participant(&self, code: &str) -> Option<&Participant> {
        self.participants
            .iter()
            .find(|p| p.code.eq_ignore_ascii_case(code))
    }

    /// The participant a user named: by code (case-insensitive) or by exact name
    /// (case-insensitive). Removed participants are not found.
    pub fn find_participant(&self, reference: &str) -> Result<&Participant, DomainError> {
        let r = reference.trim();
        if let Some(p) = self.participants().find(|p| p.code.eq_ignore_ascii_case(r)) {
            return Ok(p);
        }
        let lower = r.to_lowercase();
        let named: Vec<&Participant> = self
            .participants()
            .filter(|p| p.name.to_lowercase() == lower)
            .collect();
        match named.as_slice() {
            [one] => Ok(one),
            [] => Err(DomainError::UnknownParticipant(r.to_owned())),
            many => Err(DomainError::AmbiguousParticipant {
                name: r.to_owned(),
                codes: many.iter().map(|p| p.code.clone()).collect(),
            }),
        }
    }

    /// Links a typed PIC to a participant when it is a code, an exact name or
    /// a unique case-insensitive prefix of a name, else to a resource person
    /// or the chair named by code or name; otherwise keeps it as typed.
    pub fn link_pic(&self, text: &str) -> Pic {
        let text = text.trim().to_owned();
        if let Ok(p) = self.find_participant(&text) {
            return Pic {
                code: Some(p.code.clone()),
                text,
            };
        }
        let lower = text.to_lowercase();
        let mut hits = self
            .participants()
            .filter(|p| p.name.to_lowercase().starts_with(&lower));
        let code = match (hits.next(), hits.next()) {
            (Some(p), None) if !lower.is_empty() => Some(p.code.clone()),
            // A resource person or the chair, by code or name.
            _ => self
                .find_speaker(&text)
                .ok()
                .filter(|code| self.is_guest(code)),
        };
        Pic { text, code }
    }

    /// Display name for a speaker code (a participant, a resource person or
    /// the chair): the name, or the code if unknown.
    pub fn name_of<'a>(&'a self, code: &'a str) -> &'a str {
        match self.participant(code) {
            Some(p) => p.name.as_str(),
            None => self.speaker(code).map_or(code, |s| s.name),
        }
    }

    /// The next free code of the form `P<n>`.
    pub fn next_code(&self) -> String {
        let max = self
            .participants
            .iter()
            .filter_map(|p| {
                p.code
                    .strip_prefix(['P', 'p'])
                    .and_then(|n| n.parse::<u64>().ok())
            })
            .max()
            .unwrap_or(0);
        format!("P{}", max.saturating_add(1))
    }
}
