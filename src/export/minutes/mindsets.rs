//! Section "mindsets": the mindset changes (from → to, BerAKHLAK values, who
//! voiced it, under which item). Gathers the rows from the session and makes
//! the section's blocks. Must not number or lay out.

use crate::domain::{ItemId, RecordKind};
use crate::export::doc::{Block, Cell, Span, Table};
use crate::export::model::{Builder, Minutes};

use super::revised_at;

/// One mindset change.
#[derive(Debug, Clone)]
pub struct MindsetRow {
    /// Number.
    pub no: u32,
    /// From.
    pub from: String,
    /// To.
    pub to: String,
    /// BerAKHLAK values, spelled out.
    pub values: Vec<&'static str>,
    /// Who voiced it.
    pub by: Option<String>,
    /// Agenda item, "3. Title".
    pub item: Option<String>,
    /// The agenda item's id.
    pub item_id: Option<ItemId>,
    /// "direvisi 2 Des 2026 14.10" when corrected after the end.
    pub revised: Option<String>,
}

impl Builder<'_> {
    pub(in crate::export) fn mindsets(&self) -> Vec<MindsetRow> {
        self.s
            .mindsets()
            .map(|m| MindsetRow {
                no: m.id.0,
                from: m.from.clone(),
                to: m.to.clone(),
                values: m.values.iter().map(|v| self.l.core_value(*v)).collect(),
                by: m.participant.as_deref().map(|c| self.quoted(c)),
                item: self.item_ref(m.item),
                item_id: m.item,
                revised: self.revised(m.revised, RecordKind::Mindset, m.id.0),
            })
            .collect()
    }
}

/// The table of changes, or "none".
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let l = m.labels;
    if m.mindsets.is_empty() {
        return vec![Block::words(l.none)];
    }
    let rows = m
        .mindsets
        .iter()
        .map(|r| {
            let mut to = vec![Span::Text(r.to.clone())];
            to.extend(revised_at(r.revised.as_ref()));
            vec![
                Cell::word(r.no.to_string()),
                Cell::text(&r.from),
                Cell::Spans(to),
                Cell::word(if r.values.is_empty() {
                    "—".into()
                } else {
                    r.values.join(", ")
                }),
                Cell::opt(r.by.as_deref()),
                Cell::opt(r.item.as_deref()),
            ]
        })
        .collect();
    vec![Block::Table(Table::new(
        "mindsets",
        vec![l.no, l.from, l.to, l.values, l.voiced_by, l.item],
        rows,
    ))]
}
