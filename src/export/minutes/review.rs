//! Section "review": how the actions carried from the meeting before were
//! reviewed — each with its origin meeting (number and date), how it stood
//! when carried (status, due date, note) and after the review (done, in
//! progress, extended to a date, dropped), and the progress note. Present
//! only in a follow-up that carried actions. Must not number or lay out.

use crate::domain::{ActionStatus, Outcome};
use crate::export::doc::{Block, Cell, Span, Table};
use crate::export::model::{Builder, Minutes};
use crate::i18n::{self, series};

/// One carried action as reviewed.
#[derive(Debug, Clone)]
pub struct ReviewRow {
    /// Its number in these minutes' actions.
    pub no: u32,
    /// What.
    pub what: String,
    /// Who.
    pub pic: Option<String>,
    /// "pertemuan ke-1, 3 Oktober 2026".
    pub origin: String,
    /// How it stood when carried: "terbuka, batas waktu 17 Oktober 2026".
    pub before: String,
    /// What the review made of it.
    pub outcome: Outcome,
    /// After the review: "diperpanjang, batas waktu 30 November 2026".
    pub after: String,
    /// The progress note: this meeting's, else the one carried.
    pub note: Option<String>,
}

impl Builder<'_> {
    pub(in crate::export) fn review(&self) -> Vec<ReviewRow> {
        let lang = self.lang();
        let w = series::words(lang);
        let due = |d: Option<chrono::NaiveDate>| {
            d.map(|d| i18n::fill(w.due_was, &[&i18n::date(d, lang)]))
        };
        let with_due = |word: &str, d| match due(d) {
            Some(d) => format!("{word}, {d}"),
            None => word.to_owned(),
        };
        self.s
            .carried_actions()
            .filter_map(|a| Some((a, a.carried.as_ref()?, a.outcome()?)))
            .map(|(a, c, outcome)| {
                let open = i18n::pick(lang, i18n::common::action_status(ActionStatus::Open));
                let after = i18n::pick(lang, series::outcome(outcome));
                ReviewRow {
                    no: a.id.0,
                    what: a.what.clone(),
                    pic: self.pic_of(a),
                    origin: series::meeting_of(lang, c.meeting, c.date),
                    before: with_due(open, c.due),
                    outcome,
                    after: match outcome {
                        Outcome::Pending | Outcome::InProgress | Outcome::Extended => {
                            with_due(after, a.due)
                        }
                        Outcome::Done | Outcome::Dropped => after.to_owned(),
                    },
                    note: a.latest_note().map(str::to_owned),
                }
            })
            .collect()
    }
}

/// Whether these minutes have the review: a follow-up that carried actions.
pub fn shown(m: &Minutes) -> bool {
    !m.review.is_empty()
}

/// The review table.
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let w = series::words(m.labels.lang);
    let rows = m
        .review
        .iter()
        .map(|r| {
            vec![
                Cell::word(r.no.to_string()),
                Cell::text(&r.what),
                Cell::opt(r.pic.as_deref()),
                Cell::word(r.origin.clone()),
                Cell::word(r.before.clone()),
                Cell::Spans(vec![Span::Strong(vec![Span::word(r.after.clone())])]),
                Cell::opt(r.note.as_deref()),
            ]
        })
        .collect();
    vec![Block::Table(Table::new(
        "review",
        vec![
            w.col_no,
            w.col_what,
            w.col_pic,
            w.col_origin,
            w.col_before,
            w.col_after,
            w.col_note,
        ],
        rows,
    ))]
}
