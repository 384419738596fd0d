//! The schedule: how an agenda item is run (a break, its own speaker
//! limit, its segments) and the clock plan of the day (planned clock times
//! from the plan's start time, the drift and the expected end). The rules
//! of an item's setup, and the questions asked of the schedule. Must not
//! touch the floor, participants or records; reads no clock (`now` comes
//! in).

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::error::DomainError;
use super::session::{AgendaItem, Session};
use super::types::ItemStatus;

/// How an agenda item is run, beyond its minutes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemSetup {
    /// A break (rehat, ISHOMA): its countdown runs while the session is
    /// paused for it.
    #[serde(default, rename = "break", skip_serializing_if = "std::ops::Not::not")]
    pub is_break: bool,
    /// Its own speaker limit in minutes (else the session's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_limit_minutes: Option<u32>,
    /// Its parts, in order (a presentation, questions …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
}

/// A timed part of an agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// What it is.
    pub title: String,
    /// Planned minutes (> 0).
    pub minutes: u32,
}

impl ItemSetup {
    /// Nothing beyond the minutes.
    pub fn is_plain(&self) -> bool {
        *self == ItemSetup::default()
    }
}

/// Rule of an item's setup: a speaker limit of 1–120 minutes, segments with
/// a title and 1–1440 minutes each; texts cleaned.
pub(super) fn checked(setup: ItemSetup) -> Result<ItemSetup, DomainError> {
    if let Some(m) = setup.speaker_limit_minutes
        && !(1..=120).contains(&m)
    {
        return Err(DomainError::BadMinutes(m));
    }
    super::limits::at_most("segments", setup.segments.len(), 20)?;
    let segments = setup
        .segments
        .into_iter()
        .map(|s| {
            if !(1..=1440).contains(&s.minutes) {
                return Err(DomainError::BadMinutes(s.minutes));
            }
            Ok(Segment {
                title: super::rules::line(&s.title, "segment title")?,
                minutes: s.minutes,
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(ItemSetup { segments, ..setup })
}

/// Where an item stands in its segments: the current one (0-based) and the
/// seconds spent in it.
pub fn segment_at(item: &AgendaItem, elapsed: i64) -> Option<(usize, i64)> {
    let mut start = 0;
    let n = item.setup.segments.len();
    for (i, s) in item.setup.segments.iter().enumerate() {
        let end = start + i64::from(s.minutes) * 60;
        if elapsed < end || i + 1 == n {
            return Some((i, elapsed - start));
        }
        start = end;
    }
    None
}

impl Session {
    /// The speaker limit in force: the active item's own, else the
    /// session's.
    pub fn speaker_limit_secs(&self) -> u32 {
        self.active_item()
            .and_then(|i| i.setup.speaker_limit_minutes)
            .map_or(self.info.speaker_limit_secs, |m| m * 60)
    }

    /// When the plan's clock puts the start of item `index` (0-based), from
    /// the plan's start time on the session's day (the day it started, else
    /// the planned one): the minutes of the items before it added up.
    pub fn planned_start(&self, index: usize) -> Option<DateTime<Utc>> {
        let start = self.info.start_time?;
        let day = self.date().and_time(start);
        let first = self.info.zone.offset().from_local_datetime(&day).single()?;
        let before: i64 = self.agenda[..index.min(self.agenda.len())]
            .iter()
            .map(|i| i64::from(i.minutes))
            .sum();
        Some(first.with_timezone(&Utc) + Duration::minutes(before))
    }

    /// The planned end of the day, with a start time.
    pub fn planned_end(&self) -> Option<DateTime<Utc>> {
        self.planned_start(self.agenda.len())
    }

    /// When the day should end at `now`: what is left of the active item
    /// and the minutes of every pending item after now.
    pub fn expected_end(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let active = self.active_item().map_or(0, |i| {
            (i64::from(i.minutes) * 60 - self.item_elapsed_secs(i, now)).max(0)
        });
        let pending: i64 = self
            .agenda
            .iter()
            .filter(|i| i.status == ItemStatus::Pending)
            .map(|i| i64::from(i.minutes) * 60)
            .sum();
        now + Duration::seconds(active + pending)
    }

    /// Minutes the day runs behind its clock plan at `now` (negative: ahead);
    /// `None` without a start time or before the start.
    pub fn drift_minutes(&self, now: DateTime<Utc>) -> Option<i64> {
        let planned = self.planned_end()?;
        if self.status == super::types::Status::Planned {
            return None;
        }
        Some(
            (self.expected_end(now) - planned)
                .num_seconds()
                .div_euclid(60),
        )
    }
}

/// A plan's start time (`"08:00"`), read.
pub fn parse_start_time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}
