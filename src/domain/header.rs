//! The session's header: the facts of the meeting that can be corrected
//! after creation (title, planned date, venue, organizer, place of signing,
//! chair and notetaker with NIP, position and rank). The rule of
//! `edit_session` and the fold of `SessionEdited` sit here; must not hold
//! the rules of another family. The real date is not here: it is the day of
//! the first start (`Session::date`), so it cannot be edited.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::DomainError;
use super::event::Event;
use super::rules::{Rules, changed, line, opt_line};
use super::session::{Person, Session, SessionInfo};
use super::types::Status;

/// What `edit_session` asks to change; every field optional, an empty text
/// clears an optional one (the title is required).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderChange {
    /// New title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// New planned date (refused once the session started).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// New venue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// New place of signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// New organizer (letterhead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<String>,
    /// The chair's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<String>,
    /// The chair's NIP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator_nip: Option<String>,
    /// The chair's position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator_position: Option<String>,
    /// The chair's rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator_rank: Option<String>,
    /// The notetaker's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notetaker: Option<String>,
    /// The notetaker's NIP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notetaker_nip: Option<String>,
    /// The notetaker's position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notetaker_position: Option<String>,
    /// The notetaker's rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notetaker_rank: Option<String>,
    /// The "Mengetahui" signer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<String>,
    /// The "Mengetahui" signer's NIP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver_nip: Option<String>,
    /// The "Mengetahui" signer's position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver_position: Option<String>,
    /// The "Mengetahui" signer's rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver_rank: Option<String>,
}

/// The office's kop: the lines of government and agency, the address and
/// contacts under them, and an emblem beside them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Letterhead {
    /// "PEMERINTAH KABUPATEN …", "BADAN …", from the top.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
    /// Street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Telephone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The emblem, embedded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emblem: Option<Emblem>,
}

/// An emblem image carried in the session, so the minutes need no file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Emblem {
    /// `image/png` or `image/svg+xml`.
    pub media_type: String,
    /// The image's bytes in standard base64.
    pub base64: String,
}

impl Emblem {
    /// The media types an emblem may have.
    pub const TYPES: [&'static str; 2] = ["image/png", "image/svg+xml"];

    /// Whether it is a PNG or SVG in base64 (what an export may embed).
    pub fn is_valid(&self) -> bool {
        Self::TYPES.contains(&self.media_type.as_str())
            && !self.base64.is_empty()
            && self
                .base64
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    }
}

/// The editable header as it is after an `edit_session`: what the event
/// records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// Title.
    pub title: String,
    /// Planned date.
    pub date: NaiveDate,
    /// Venue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// Place of signing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Organizer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<String>,
    /// Chair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<Person>,
    /// Notetaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notetaker: Option<Person>,
    /// The "Mengetahui" signer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<Person>,
}

impl Header {
    /// The header of `info` as it is.
    pub fn of(info: &SessionInfo) -> Header {
        Header {
            title: info.title.clone(),
            date: info.date,
            venue: info.venue.clone(),
            place: info.place.clone(),
            organizer: info.organizer.clone(),
            facilitator: info.facilitator.clone(),
            notetaker: info.notetaker.clone(),
            approver: info.approver.clone(),
        }
    }
}

fn keep_or(
    new: Option<String>,
    old: Option<&String>,
    field: &'static str,
) -> Result<Option<String>, DomainError> {
    match new {
        None => Ok(old.cloned()),
        Some(v) => opt_line(Some(v), field),
    }
}

/// A person with the given changes; `None` when the name ends up empty.
fn person(
    old: Option<&Person>,
    name: Option<String>,
    [nip, position, rank]: [Option<String>; 3],
) -> Result<Option<Person>, DomainError> {
    let blank = Person::default();
    let old = old.unwrap_or(&blank);
    let name = match name {
        None => old.name.clone(),
        Some(n) => opt_line(Some(n), "name")?.unwrap_or_default(),
    };
    let p = Person {
        name,
        nip: keep_or(nip, old.nip.as_ref(), "NIP")?,
        position: keep_or(position, old.position.as_ref(), "position")?,
        rank: keep_or(rank, old.rank.as_ref(), "rank")?,
    };
    Ok((!p.name.is_empty()).then_some(p))
}

/// Rule of `edit_session`: allowed in every state (after the end it is a
/// correction the minutes mark revised), but the planned date only before
/// the start: after it, the date is the day the session started.
pub(super) fn edit(r: &Rules, c: HeaderChange) -> Result<Event, DomainError> {
    let info = &r.s.info;
    if c.date.is_some() && r.s.status != Status::Planned {
        return Err(DomainError::DateFixed);
    }
    let header = Header {
        title: c
            .title
            .map_or_else(|| Ok(info.title.clone()), |t| line(&t, "title"))?,
        date: c.date.unwrap_or(info.date),
        venue: keep_or(c.venue, info.venue.as_ref(), "venue")?,
        place: keep_or(c.place, info.place.as_ref(), "place")?,
        organizer: keep_or(c.organizer, info.organizer.as_ref(), "organizer")?,
        facilitator: person(
            info.facilitator.as_ref(),
            c.facilitator,
            [
                c.facilitator_nip,
                c.facilitator_position,
                c.facilitator_rank,
            ],
        )?,
        notetaker: person(
            info.notetaker.as_ref(),
            c.notetaker,
            [c.notetaker_nip, c.notetaker_position, c.notetaker_rank],
        )?,
        approver: person(
            info.approver.as_ref(),
            c.approver,
            [c.approver_nip, c.approver_position, c.approver_rank],
        )?,
    };
    let before = Header::of(info);
    changed(
        Event::SessionEdited { header },
        |e| matches!(e, Event::SessionEdited { header } if *header == before),
    )
}

/// Fold of `SessionEdited`.
pub(super) fn edited(s: &mut Session, header: &Header, correcting: bool) {
    let h = header.clone();
    let info = &mut s.info;
    info.title = h.title;
    info.date = h.date;
    info.venue = h.venue;
    info.place = h.place;
    info.organizer = h.organizer;
    info.facilitator = h.facilitator;
    info.notetaker = h.notetaker;
    info.approver = h.approver;
    info.revised |= correcting;
}

impl HeaderChange {
    /// The change that turns `info`'s header into `header`: the fields that
    /// differ, an empty text where one was cleared (to replay a recorded
    /// `SessionEdited` through `decide`).
    pub fn between(info: &SessionInfo, header: &Header) -> HeaderChange {
        fn text(new: Option<&String>, old: Option<&String>) -> Option<String> {
            (new != old).then(|| new.cloned().unwrap_or_default())
        }
        fn side(new: Option<&Person>, old: Option<&Person>) -> [Option<String>; 4] {
            let name = |p: Option<&Person>| p.map(|p| p.name.clone());
            let nip = |p: Option<&Person>| p.and_then(|p| p.nip.clone());
            let position = |p: Option<&Person>| p.and_then(|p| p.position.clone());
            let rank = |p: Option<&Person>| p.and_then(|p| p.rank.clone());
            [
                text(name(new).as_ref(), name(old).as_ref()),
                text(nip(new).as_ref(), nip(old).as_ref()),
                text(position(new).as_ref(), position(old).as_ref()),
                text(rank(new).as_ref(), rank(old).as_ref()),
            ]
        }
        let [
            facilitator,
            facilitator_nip,
            facilitator_position,
            facilitator_rank,
        ] = side(header.facilitator.as_ref(), info.facilitator.as_ref());
        let [notetaker, notetaker_nip, notetaker_position, notetaker_rank] =
            side(header.notetaker.as_ref(), info.notetaker.as_ref());
        let [approver, approver_nip, approver_position, approver_rank] =
            side(header.approver.as_ref(), info.approver.as_ref());
        HeaderChange {
            title: (header.title != info.title).then(|| header.title.clone()),
            date: (header.date != info.date).then_some(header.date),
            venue: text(header.venue.as_ref(), info.venue.as_ref()),
            place: text(header.place.as_ref(), info.place.as_ref()),
            organizer: text(header.organizer.as_ref(), info.organizer.as_ref()),
            facilitator,
            facilitator_nip,
            facilitator_position,
            facilitator_rank,
            notetaker,
            notetaker_nip,
            notetaker_position,
            notetaker_rank,
            approver,
            approver_nip,
            approver_position,
            approver_rank,
        }
    }
}
