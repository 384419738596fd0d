//! Section "attendance": the attendance sheet (daftar hadir) on a page of
//! its own, one numbered line per participant (name, position, unit, NIP)
//! with room to sign, or "tidak hadir" for an invitee who did not come. Gathers
//! the lines from the session and makes the section's blocks. Must not
//! number or lay out.

use crate::export::doc::{Align, Block, Cell, Column, SheetHead, Span, Table};
use crate::export::model::{Builder, Minutes};

/// One line of the attendance sheet.
#[derive(Debug, Clone)]
pub struct AttendanceRow {
    /// Line number.
    pub no: usize,
    /// Code.
    pub code: String,
    /// Name, or the code when anonymised.
    pub name: String,
    /// Position.
    pub position: Option<String>,
    /// Unit.
    pub unit: Option<String>,
    /// NIP (none once anonymised).
    pub nip: Option<String>,
    /// Present; an absent invitee's line says so instead of a place to sign.
    pub present: bool,
}

impl Builder<'_> {
    pub(in crate::export) fn attendance(&self) -> Vec<AttendanceRow> {
        // Before anyone is marked present, every line is a place to sign.
        let anyone_present = self.s.participants().any(|p| p.present);
        self.s
            .participants()
            .enumerate()
            .map(|(i, p)| AttendanceRow {
                no: i + 1,
                code: p.code.clone(),
                name: self.named(p),
                position: self.position_of(p),
                unit: self.unit_of(p),
                nip: p.nip.clone().filter(|_| !self.anonymized),
                present: p.present || !anyone_present,
            })
            .collect()
    }
}

/// The sheet's head, then its lines (or "none").
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let (l, h) = (m.labels, &m.header);
    let head = Block::SheetHead(SheetHead {
        title: h.title.clone(),
        date_label: l.day_date,
        date: h.day_date.clone(),
        venue_label: l.venue,
        venue: h.venue.clone(),
    });
    if m.attendance.is_empty() {
        return vec![head, Block::words(l.none)];
    }
    let rows = m
        .attendance
        .iter()
        .map(|a| {
            vec![
                Cell::word(a.no.to_string()),
                Cell::text(&a.name),
                Cell::opt(a.position.as_deref()),
                Cell::opt(a.unit.as_deref()),
                Cell::Spans(vec![Span::Plain(
                    a.nip.clone().unwrap_or_else(|| "—".to_owned()),
                )]),
                if a.present {
                    Cell::Signature(a.no)
                } else {
                    Cell::Spans(vec![Span::Em(vec![Span::word(l.absent)])])
                },
            ]
        })
        .collect();
    vec![
        head,
        Block::Table(Table {
            class: "attendance",
            columns: [
                (l.no, Align::Right),
                (l.name, Align::Left),
                (l.position, Align::Left),
                (l.unit, Align::Left),
                (l.nip_column, Align::Left),
                (l.signature, Align::Left),
            ]
            .into_iter()
            .map(|(label, align)| Column { label, align })
            .collect(),
            rows,
            total: None,
        }),
    ]
}
