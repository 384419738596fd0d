//! Section "actions": the follow-up actions (what, PIC, due date, status
//! with overdue, item, where it was carried from). Gathers the rows from the
//! session (`actions.csv` and `actions.ics` read them too) and makes the
//! section's blocks. Must not number or lay out.

use chrono::NaiveDate;

use crate::domain::{ActionItem, ActionStatus, ItemId, RecordKind};
use crate::export::doc::{Block, Cell, Span, Table};
use crate::export::model::{Builder, Minutes};
use crate::i18n;

use super::revised_at;

/// A follow-up action.
#[derive(Debug, Clone)]
pub struct ActionRow {
    /// Number.
    pub no: u32,
    /// What.
    pub what: String,
    /// Who: "Name (P2)", the code when anonymised, or the text as typed.
    pub pic: Option<String>,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Due date spelled out, "1 Desember 2026".
    pub due_text: Option<String>,
    /// Status.
    pub status: ActionStatus,
    /// Status, spelled out.
    pub status_label: &'static str,
    /// Open and due before the session's day.
    pub overdue: bool,
    /// Agenda item, "3. Title".
    pub item: Option<String>,
    /// The agenda item's id.
    pub item_id: Option<ItemId>,
    /// The session it was carried over from.
    pub origin: Option<String>,
    /// Changed after the end.
    pub revised: Option<String>,
}

impl Builder<'_> {
    /// The PIC: "Name (P2)", the code when anonymised, or the text as typed.
    pub(in crate::export) fn pic_of(&self, a: &ActionItem) -> Option<String> {
        a.pic.as_ref().map(
            |pic| match pic.code.as_deref().and_then(|c| self.participant(c)) {
                Some(p) if self.anonymized => p.code.clone(),
                Some(p) => format!("{} ({})", p.name, p.code),
                None => pic.text.clone(),
            },
        )
    }

    pub(in crate::export) fn actions(&self) -> Vec<ActionRow> {
        self.s
            .actions()
            .map(|a| {
                let pic = self.pic_of(a);
                ActionRow {
                    no: a.id.0,
                    what: a.what.clone(),
                    pic,
                    due: a.due,
                    due_text: a.due.map(|d| i18n::date(d, self.lang())),
                    status: a.status,
                    status_label: self.l.action_status(a.status),
                    overdue: self.s.is_overdue(a, self.now),
                    item: self.item_ref(a.item),
                    item_id: a.item,
                    origin: a.carried.as_ref().map_or_else(
                        || a.origin.clone(),
                        |c| Some(i18n::series::meeting_of(self.lang(), c.meeting, c.date)),
                    ),
                    revised: self.revised(a.revised, RecordKind::Action, a.id.0),
                }
            })
            .collect()
    }
}

/// The actions table, or "none".
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let l = m.labels;
    if m.actions.is_empty() {
        return vec![Block::words(l.none)];
    }
    let rows = m
        .actions
        .iter()
        .map(|a| {
            let mut status = vec![Span::word(a.status_label)];
            if a.overdue {
                status.extend([
                    Span::word(" "),
                    Span::Flag {
                        class: "overdue",
                        text: format!("({})", l.overdue),
                    },
                ]);
            }
            let mut what = vec![Span::Text(a.what.clone())];
            what.extend(revised_at(a.revised.as_ref()));
            vec![
                Cell::word(a.no.to_string()),
                Cell::Spans(what),
                Cell::opt(a.pic.as_deref()),
                a.due_text
                    .as_deref()
                    .map_or_else(|| Cell::word("—"), Cell::word),
                Cell::Spans(status),
                Cell::opt(a.item.as_deref()),
                Cell::opt(a.origin.as_deref()),
            ]
        })
        .collect();
    vec![Block::Table(Table::new(
        "actions",
        vec![l.no, l.what, l.pic, l.due, l.status, l.item, l.origin],
        rows,
    ))]
}
