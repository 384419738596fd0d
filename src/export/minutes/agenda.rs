//! Section "agenda": each item planned against actual (time span, minutes,
//! status, where it was carried from) and the totals. Gathers the rows from
//! the session and makes the section's blocks. Must not number or lay out.

use crate::domain::ItemStatus;
use crate::export::doc::{Block, Cell, Span, Table};
use crate::export::model::{Builder, Minutes, minutes_of};
use crate::i18n;

use super::revised;

/// The agenda, planned vs actual.
#[derive(Debug, Clone)]
pub struct Agenda {
    /// One row per item, in agenda order.
    pub rows: Vec<AgendaRow>,
    /// Planned minutes in all.
    pub planned_total: u32,
    /// Actual minutes in all.
    pub actual_total: u32,
}

/// One agenda item.
#[derive(Debug, Clone)]
pub struct AgendaRow {
    /// Position in the agenda, from 1.
    pub no: usize,
    /// Title.
    pub title: String,
    /// Who leads it.
    pub owner: Option<String>,
    /// Planned minutes.
    pub planned: u32,
    /// "08.00–08.20 WIB" from the plan's start time, if it has one.
    pub planned_time: Option<String>,
    /// "09.10–09.40 WIB", if it was taken up.
    pub actual_time: Option<String>,
    /// Minutes of live time spent, if it was taken up.
    pub actual: Option<u32>,
    /// Status, spelled out.
    pub status: &'static str,
    /// The raw status.
    pub item_status: ItemStatus,
    /// The session it was carried over from.
    pub origin: Option<String>,
    /// Changed after the end.
    pub revised: bool,
}

impl Builder<'_> {
    pub(in crate::export) fn agenda(&self) -> Agenda {
        let rows: Vec<AgendaRow> = self
            .s
            .agenda
            .iter()
            .enumerate()
            .map(|(i, it)| {
                let taken_up = !it.spans.is_empty();
                AgendaRow {
                    no: i + 1,
                    title: it.title.clone(),
                    owner: it.owner.clone(),
                    planned: it.minutes,
                    planned_time: self.s.planned_start(i).map(|start| {
                        let end = self.s.planned_start(i + 1);
                        i18n::time_range(start, end, self.s.info.zone, self.lang())
                    }),
                    actual_time: it.actual_start().map(|start| {
                        i18n::time_range(start, it.actual_end(), self.s.info.zone, self.lang())
                    }),
                    actual: taken_up.then(|| minutes_of(self.s.item_elapsed_secs(it, self.now))),
                    status: self.l.item_status(it.status),
                    item_status: it.status,
                    origin: it.origin.clone(),
                    revised: it.revised,
                }
            })
            .collect();
        Agenda {
            planned_total: rows.iter().map(|r| r.planned).sum(),
            actual_total: rows.iter().filter_map(|r| r.actual).sum(),
            rows,
        }
    }
}

/// The agenda table with its total row, or "none".
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let l = m.labels;
    let a = &m.agenda;
    if a.rows.is_empty() {
        return vec![Block::words(l.none)];
    }
    let rows = a
        .rows
        .iter()
        .map(|r| {
            let mut title = vec![Span::Text(r.title.clone())];
            if let Some(o) = &r.origin {
                title.extend([
                    Span::word(format!(" ({} ", l.carried_from)),
                    Span::Plain(o.clone()),
                    Span::word(")"),
                ]);
            }
            title.extend(revised(l, r.revised));
            vec![
                Cell::word(r.no.to_string()),
                Cell::Spans(title),
                Cell::word(match &r.planned_time {
                    Some(at) => format!("{} ({at})", r.planned),
                    None => r.planned.to_string(),
                }),
                Cell::word(r.actual_time.as_deref().unwrap_or("—")),
                Cell::word(r.actual.map_or_else(|| "—".into(), |m| m.to_string())),
                Cell::word(r.status),
            ]
        })
        .collect();
    let total = vec![
        Cell::empty(),
        Cell::word(l.total),
        Cell::word(a.planned_total.to_string()),
        Cell::empty(),
        Cell::word(a.actual_total.to_string()),
        Cell::empty(),
    ];
    let mut table = Table::new(
        "agenda",
        vec![l.no, l.item, l.planned, l.actual_time, l.actual, l.status],
        rows,
    );
    table.total = Some(total);
    vec![Block::Table(table)]
}
