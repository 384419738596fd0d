//! `meta.json`: the small summary of a session (id, title, date, status) that
//! `fgd list` and the home screen read without opening the session. Owns its
//! shape and where it lives in a session directory; must not know how the
//! session's state is stored.

use std::fs;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{StoreError, write_atomic};
use crate::domain::{Session, Status};

/// The summary's file name in a session directory.
pub(crate) const META_FILE: &str = "meta.json";

/// The small summary of a session that `fgd list` reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Session id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Date of the session.
    pub date: NaiveDate,
    /// Status.
    pub status: Status,
    /// The series it belongs to (its own id for a first meeting without a
    /// plan `series`); absent in a summary written before series existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    /// Its meeting number in the series.
    #[serde(default = "first_meeting")]
    pub meeting: u32,
    /// When this summary was written.
    pub updated_at: DateTime<Utc>,
}

impl Meta {
    /// The summary of a session's state.
    pub fn of(session: &Session, now: DateTime<Utc>) -> Meta {
        Meta {
            id: session.info.id.clone(),
            title: session.info.title.clone(),
            date: session.date(),
            status: session.status,
            series: Some(session.info.series_id().to_owned()),
            meeting: session.info.meeting_number(),
            updated_at: now,
        }
    }

    /// The series it belongs to: its own id when the summary names none.
    pub fn series_id(&self) -> &str {
        self.series.as_deref().unwrap_or(&self.id)
    }
}

fn first_meeting() -> u32 {
    1
}

/// The `meta.json` of session directory `dir`, if it can be read.
pub(crate) fn read(dir: &Path) -> Option<Meta> {
    let bytes = fs::read(dir.join(META_FILE)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Rewrites the `meta.json` of session directory `dir` atomically.
pub(crate) fn write(dir: &Path, meta: &Meta) -> Result<(), StoreError> {
    let path = dir.join(META_FILE);
    let bytes = serde_json::to_vec_pretty(meta).map_err(|e| StoreError::Encode(e.to_string()))?;
    write_atomic(&path, &bytes).map_err(|e| StoreError::io(&path, e))
}
