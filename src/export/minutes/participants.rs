//! Section "participants": who was invited and who came (code, name,
//! position, unit, presence with arrival time). Gathers the rows from the
//! session and makes the section's blocks. Must not number or lay out.

use crate::export::doc::{Block, Cell, Span, Table};
use crate::export::model::{Builder, Minutes};

use super::revised;

/// The participants table.
#[derive(Debug, Clone)]
pub struct Participants {
    /// One row each, in order.
    pub rows: Vec<ParticipantRow>,
    /// How many were present.
    pub present: usize,
}

/// One participant.
#[derive(Debug, Clone)]
pub struct ParticipantRow {
    /// Code.
    pub code: String,
    /// Name; `None` when anonymised.
    pub name: Option<String>,
    /// Position.
    pub position: Option<String>,
    /// Unit / OPD.
    pub unit: Option<String>,
    /// Present.
    pub present: bool,
    /// Arrival time, "09.05".
    pub arrived: Option<String>,
    /// Changed after the end.
    pub revised: bool,
}

impl Builder<'_> {
    pub(in crate::export) fn participants(&self) -> Participants {
        let rows: Vec<ParticipantRow> = self
            .s
            .participants()
            .map(|p| ParticipantRow {
                code: p.code.clone(),
                name: (!self.anonymized).then(|| p.name.clone()),
                position: self.position_of(p),
                unit: self.unit_of(p),
                present: p.present,
                arrived: p
                    .arrived_at
                    .filter(|_| self.participation_shown())
                    .map(|at| self.time(at)),
                revised: p.revised,
            })
            .collect();
        Participants {
            present: rows.iter().filter(|r| r.present).count(),
            rows,
        }
    }
}

/// The count present, then the table.
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let l = m.labels;
    let p = &m.participants;
    let mut out = vec![Block::words(&l.present_of(p.present, p.rows.len()))];
    if p.rows.is_empty() {
        return out;
    }
    let mut columns = vec![l.no, l.code];
    if !m.anonymized {
        columns.push(l.name);
    }
    columns.extend([l.position, l.unit, l.presence]);
    let rows = p
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = vec![
                Cell::word((i + 1).to_string()),
                Cell::Spans(vec![Span::Plain(r.code.clone())]),
            ];
            if let Some(name) = &r.name {
                let mut spans = vec![Span::Text(name.clone())];
                spans.extend(revised(l, r.revised));
                row.push(Cell::Spans(spans));
            }
            row.push(Cell::opt(r.position.as_deref()));
            row.push(Cell::opt(r.unit.as_deref()));
            row.push(Cell::word(match (&r.arrived, r.present) {
                (Some(t), true) => format!("{} ({t})", l.present),
                (None, true) => l.present.to_owned(),
                (_, false) => l.absent.to_owned(),
            }));
            row
        })
        .collect();
    out.push(Block::Table(Table::new("participants", columns, rows)));
    out
}
