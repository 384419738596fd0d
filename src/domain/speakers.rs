//! Speakers beyond participants: the resource persons (narasumber, codes
//! `N1`, `N2`, … in plan order) and the chair (the facilitator, code `F`)
//! can raise a hand, take the floor, be quoted and own a mindset shift.
//! This file resolves a speaker reference (a participant first, then a
//! resource person or the chair, by code or exact name) and answers who a
//! speaker code is and in what role. Attendance and the equity figures stay
//! about participants: resource persons and the chair are never marked
//! present and are counted apart ([`Session::guest_talk_stats`]). Must not
//! hold the rules of the floor or the records.

use chrono::{DateTime, Utc};

use super::error::DomainError;
use super::session::{Session, TalkStat};

/// The chair's speaker code.
pub const CHAIR_CODE: &str = "F";

/// In what role someone speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerRole {
    /// An invited participant (`P1…`).
    Participant,
    /// A resource person, narasumber (`N1…`).
    ResourcePerson,
    /// The chair / facilitator (`F`).
    Chair,
}

/// Someone who can speak: their code, name and role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker<'a> {
    /// Speaker code: `P3`, `N1`, `F`.
    pub code: String,
    /// Full name.
    pub name: &'a str,
    /// Role.
    pub role: SpeakerRole,
}

impl Speaker<'_> {
    /// The name without a parenthesised position the plan may add
    /// ("Dr. Andi, M.Ed. (LAN)" → "Dr. Andi, M.Ed."), for attributions.
    pub fn short_name(&self) -> &str {
        match self.name.split('(').next().map(str::trim) {
            Some(short) if !short.is_empty() => short,
            _ => self.name,
        }
    }
}

impl Session {
    /// The speakers who are not participants, in order: the resource persons
    /// (`N1…`, plan order), then the chair (`F`) when the session names one.
    pub fn guests(&self) -> Vec<Speaker<'_>> {
        let resource = self
            .info
            .resource_persons
            .iter()
            .enumerate()
            .map(|(i, name)| Speaker {
                code: format!("N{}", i + 1),
                name,
                role: SpeakerRole::ResourcePerson,
            });
        let chair = self.info.facilitator.iter().map(|f| Speaker {
            code: CHAIR_CODE.to_owned(),
            name: &f.name,
            role: SpeakerRole::Chair,
        });
        resource.chain(chair).collect()
    }

    /// Who a stored speaker code is: a participant (removed ones included)
    /// or a guest. A participant's code wins over a guest's.
    pub fn speaker(&self, code: &str) -> Option<Speaker<'_>> {
        if let Some(p) = self.participant(code) {
            return Some(Speaker {
                code: p.code.clone(),
                name: &p.name,
                role: SpeakerRole::Participant,
            });
        }
        self.guests()
            .into_iter()
            .find(|g| g.code.eq_ignore_ascii_case(code))
    }

    /// Whether this stored code is a guest's (a resource person or the chair).
    pub fn is_guest(&self, code: &str) -> bool {
        self.speaker(code)
            .is_some_and(|s| s.role != SpeakerRole::Participant)
    }

    /// The speaker a user named, resolved to their code: a participant by
    /// code or exact name first, then a resource person or the chair by code
    /// or exact name (case-insensitive; a plan's "Dr. Andi, M.Ed. (LAN)" is
    /// also named by "Dr. Andi, M.Ed." and "Dr. Andi").
    pub fn find_speaker(&self, reference: &str) -> Result<String, DomainError> {
        let err = match self.find_participant(reference) {
            Ok(p) => return Ok(p.code.clone()),
            Err(e @ DomainError::AmbiguousParticipant { .. }) => return Err(e),
            Err(e) => e,
        };
        let r = reference.trim();
        let lower = r.to_lowercase();
        let guests = self.guests();
        if let Some(g) = guests.iter().find(|g| g.code.eq_ignore_ascii_case(r)) {
            return Ok(g.code.clone());
        }
        let named: Vec<&Speaker> = guests
            .iter()
            .filter(|g| short_names(g.name).any(|n| n.to_lowercase() == lower))
            .collect();
        match named.as_slice() {
            [one] => Ok(one.code.clone()),
            [] => Err(err),
            many => Err(DomainError::AmbiguousParticipant {
                name: r.to_owned(),
                codes: many.iter().map(|g| g.code.clone()).collect(),
            }),
        }
    }

    /// Talk time and turns of the guests who spoke (resource persons, then
    /// the chair), counting a turn in progress up to `now`; kept apart from
    /// the participants' [`Session::talk_stats`].
    pub fn guest_talk_stats(&self, now: DateTime<Utc>) -> Vec<TalkStat> {
        self.guests()
            .into_iter()
            .filter(|g| self.participant(&g.code).is_none())
            .filter_map(|g| {
                let (mut secs, mut turns) = self.talk.get(&g.code).copied().unwrap_or((0, 0));
                if self.speaking.as_ref().is_some_and(|s| s.code == g.code) {
                    secs += self.speaker_secs(now);
                    turns += 1;
                }
                (turns > 0).then_some(TalkStat {
                    code: g.code,
                    secs,
                    turns,
                })
            })
            .collect()
    }
}

/// The names a guest answers to: the whole name as the plan gives it, the
/// name before a parenthesised position, and the name before its degrees
/// (the first comma).
fn short_names(name: &str) -> impl Iterator<Item = &str> {
    let before = |c: char| name.split(c).next().unwrap_or(name).trim();
    [name.trim(), before('('), before(',')]
        .into_iter()
        .filter(|n| !n.is_empty())
}
