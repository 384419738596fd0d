//! Series: sessions linked by follow-ups (one series id, meetings numbered
//! 1, 2, …) and the review of the actions a follow-up carries from the
//! meeting before — where each came from (meeting number and date), how it
//! stood when carried, and what the review made of it. Pure queries and
//! types; the rules that record a status, note and new due date are in
//! `records/actions.rs`. Must not touch any other record kind.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::session::{ActionItem, AgendaItem, ItemId, Session, SessionInfo};
use super::types::ActionStatus;

/// Where a carried action came from and how it stood when carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Carried {
    /// The meeting it was first recorded at: its number in the series.
    pub meeting: u32,
    /// The day of that meeting.
    pub date: NaiveDate,
    /// Its number in that meeting's actions (with `origin`, its identity
    /// across the series).
    pub number: u32,
    /// Its due date when carried (after any extension before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Its progress note when carried.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What the review made of a carried action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Not reviewed yet (still open, as carried).
    Pending,
    /// Done.
    Done,
    /// Still open, with a new progress note.
    InProgress,
    /// Still open, with a new due date.
    Extended,
    /// Dropped.
    Dropped,
}

impl Outcome {
    /// Every outcome, in the order the review offers them.
    pub const ALL: [Outcome; 5] = [
        Outcome::Pending,
        Outcome::Done,
        Outcome::InProgress,
        Outcome::Extended,
        Outcome::Dropped,
    ];

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pending => "pending",
            Outcome::Done => "done",
            Outcome::InProgress => "in_progress",
            Outcome::Extended => "extended",
            Outcome::Dropped => "dropped",
        }
    }
}

impl ActionItem {
    /// What the review made of this action, if it was carried.
    pub fn outcome(&self) -> Option<Outcome> {
        let carried = self.carried.as_ref()?;
        Some(match self.status {
            ActionStatus::Done => Outcome::Done,
            ActionStatus::Dropped => Outcome::Dropped,
            ActionStatus::Open if self.due.is_some() && self.due != carried.due => {
                Outcome::Extended
            }
            ActionStatus::Open if self.note.is_some() && self.note != carried.note => {
                Outcome::InProgress
            }
            ActionStatus::Open => Outcome::Pending,
        })
    }

    /// The latest progress note: this meeting's, else the one carried.
    pub fn latest_note(&self) -> Option<&str> {
        self.note
            .as_deref()
            .or_else(|| self.carried.as_ref()?.note.as_deref())
    }
}

impl SessionInfo {
    /// The series this session belongs to: the plan's `series`, else the
    /// first meeting's id.
    pub fn series_id(&self) -> &str {
        self.series.as_deref().unwrap_or(&self.id)
    }
}

/// Whether an agenda title says it reviews earlier follow-ups ("Review
/// tindak lanjut …", "Evaluasi tindak lanjut …", "Review of follow-ups").
pub fn is_review_title(title: &str) -> bool {
    let t = title.to_lowercase();
    let reviews = ["review", "evaluasi", "tinjau"]
        .iter()
        .any(|w| t.contains(w));
    let follow_ups = ["tindak lanjut", "follow-up", "follow up", "action"]
        .iter()
        .any(|w| t.contains(w));
    reviews && follow_ups
}

/// Whether an agenda title is the closing item ("Penutup", "Closing").
pub fn is_closing_title(title: &str) -> bool {
    let t = title.trim().to_lowercase();
    ["penutup", "closing", "close"]
        .iter()
        .any(|w| t.starts_with(w))
}

impl Session {
    /// The actions carried from the meeting before, in order.
    pub fn carried_actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.actions().filter(|a| a.carried.is_some())
    }

    /// The agenda item that reviews the carried actions: the one they are
    /// linked to.
    pub fn review_item(&self) -> Option<&AgendaItem> {
        let id: ItemId = self.carried_actions().find_map(|a| a.item)?;
        self.agenda.iter().find(|i| i.id == id)
    }

    /// Whether the review of carried actions is what the room is on now.
    pub fn reviewing(&self) -> bool {
        let active = self.active_item().map(|i| i.id);
        active.is_some() && self.review_item().map(|i| i.id) == active
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_titles_are_recognised_in_both_languages() {
        assert!(is_review_title("Review tindak lanjut OBSESI sebelumnya"));
        assert!(is_review_title("Evaluasi tindak lanjut rapat lalu"));
        assert!(is_review_title("Review of follow-up actions"));
        assert!(!is_review_title("Pembukaan"));
        assert!(!is_review_title("Tindak lanjut baru"));
        assert!(is_closing_title("Penutup dan doa"));
        assert!(!is_closing_title("Pembukaan"));
    }
}
