//! Section "deferred": the agenda items deferred to a later session (planned
//! and spent minutes, where each first came from). Gathers the rows from the
//! session and makes the section's blocks. Must not number or lay out.

use crate::domain::ItemStatus;
use crate::export::doc::{Block, Cell, Table};
use crate::export::model::{Builder, Minutes, minutes_of};

/// An item deferred to a later session.
#[derive(Debug, Clone)]
pub struct DeferredRow {
    /// Agenda position.
    pub no: usize,
    /// Title.
    pub title: String,
    /// Planned minutes.
    pub planned: u32,
    /// Minutes spent before it was deferred.
    pub spent: u32,
    /// The session it first came from.
    pub origin: Option<String>,
}

impl Builder<'_> {
    pub(in crate::export) fn deferred(&self) -> Vec<DeferredRow> {
        self.s
            .agenda
            .iter()
            .enumerate()
            .filter(|(_, it)| it.status == ItemStatus::Deferred)
            .map(|(i, it)| DeferredRow {
                no: i + 1,
                title: it.title.clone(),
                planned: it.minutes,
                spent: minutes_of(self.s.item_elapsed_secs(it, self.now)),
                origin: it.origin.clone(),
            })
            .collect()
    }
}

/// The deferred items, or "none".
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let l = m.labels;
    if m.deferred.is_empty() {
        return vec![Block::words(l.none)];
    }
    let rows = m
        .deferred
        .iter()
        .map(|d| {
            vec![
                Cell::word(d.no.to_string()),
                Cell::text(&d.title),
                Cell::word(d.planned.to_string()),
                Cell::word(d.spent.to_string()),
                Cell::opt(d.origin.as_deref()),
            ]
        })
        .collect();
    vec![Block::Table(Table::new(
        "deferred",
        vec![l.no, l.item, l.planned, l.actual, l.origin],
        rows,
    ))]
}
