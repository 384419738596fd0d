//! Section "Jam Pelajaran per Narasumber" of a bimtek: each resource
//! person's sessions (the agenda items whose owner is exactly one of the
//! session's resource persons), the material's titles,
//! planned and actual minutes and both counted as JP (jam pelajaran, 45
//! minutes), with a total. Gathers the rows and makes the blocks; must not
//! number or lay out.

use crate::domain::{ItemStatus, SessionKind};
use crate::export::doc::{Block, Cell, Table};
use crate::export::model::{Builder, Minutes, minutes_of};
use crate::i18n;

/// Minutes in one JP.
pub const JP_MINUTES: u32 = 45;

/// One resource person's lesson hours.
#[derive(Debug, Clone)]
pub struct JpRow {
    /// The resource person (the items' owner).
    pub person: String,
    /// The titles of their material, in agenda order.
    pub material: Vec<String>,
    /// Planned minutes.
    pub planned: u32,
    /// Minutes actually spent.
    pub actual: u32,
}

/// Minutes as JP with one decimal ("2,0" / "2.0").
pub fn jp(minutes: u32, sep: char) -> String {
    let tenths = (u64::from(minutes) * 10 + u64::from(JP_MINUTES) / 2) / u64::from(JP_MINUTES);
    format!("{}{sep}{}", tenths / 10, tenths % 10)
}

impl Builder<'_> {
    pub(in crate::export) fn jp(&self) -> Option<Vec<JpRow>> {
        if self.s.info.kind != SessionKind::Bimtek {
            return None;
        }
        let mut rows: Vec<JpRow> = vec![];
        let items = self
            .s
            .agenda
            .iter()
            .filter(|i| i.status != ItemStatus::Skipped);
        for it in items {
            let persons = &self.s.info.resource_persons;
            let owner = it.owner.as_deref();
            let Some(owner) = owner.filter(|o| persons.iter().any(|p| p == o)) else {
                continue;
            };
            let actual = minutes_of(self.s.item_elapsed_secs(it, self.now));
            if !rows.iter().any(|r| r.person == owner) {
                rows.push(JpRow {
                    person: owner.to_owned(),
                    material: vec![],
                    planned: 0,
                    actual: 0,
                });
            }
            let Some(row) = rows.iter_mut().find(|r| r.person == owner) else {
                continue;
            };
            row.material.push(it.title.clone());
            row.planned = row.planned.saturating_add(it.minutes);
            row.actual = row.actual.saturating_add(actual);
        }
        Some(rows)
    }
}

/// The table of lesson hours, or "none".
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let w = i18n::jury::words(m.labels.lang);
    let sep = w.sep();
    let rows = m.jp.as_deref().unwrap_or_default();
    if rows.is_empty() {
        return vec![Block::words(m.labels.none)];
    }
    let cells = rows
        .iter()
        .zip(1..)
        .map(|(r, n): (&JpRow, u32)| {
            vec![
                Cell::word(n.to_string()),
                Cell::text(&r.person),
                Cell::text(&r.material.join("; ")),
                Cell::word(r.planned.to_string()),
                Cell::word(jp(r.planned, sep)),
                Cell::word(r.actual.to_string()),
                Cell::word(jp(r.actual, sep)),
            ]
        })
        .collect();
    let planned: u32 = rows.iter().map(|r| r.planned).sum();
    let actual: u32 = rows.iter().map(|r| r.actual).sum();
    let mut table = Table::new(
        "jp",
        vec![
            m.labels.no,
            w.resource_person,
            w.material,
            w.planned_minutes,
            w.jp_planned,
            w.actual_minutes,
            w.jp_actual,
        ],
        cells,
    );
    table.total = Some(vec![
        Cell::empty(),
        Cell::word(w.jp_total),
        Cell::empty(),
        Cell::word(planned.to_string()),
        Cell::word(jp(planned, sep)),
        Cell::word(actual.to_string()),
        Cell::word(jp(actual, sep)),
    ]);
    vec![Block::Table(table), Block::words(w.jp_note)]
}
