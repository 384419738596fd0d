//! The blocks of a section as docx paragraphs and tables: subheadings in
//! "Heading 2", paragraphs, lists as hanging-indented paragraphs (their
//! numbers or bullets written, so they survive any restyling), tables with
//! borders, a shaded head row and rows that do not split across pages, the
//! attendance sheet's head, and the sign-off (`sign_off.rs`). The talk-time
//! chart is left out: its figures are in the table beside it.

use docx_rs::{
    AlignmentType, Docx, Paragraph, Shading, SpecialIndentType, Table, TableCell, TableRow,
    VAlignType, WidthType,
};

use super::inline::{runs, text_run};
use super::sign_off;
use crate::export::doc::{Block, Cell, List, SheetHead, Span, Table as DocTable};

/// A piece of the document body.
pub(super) enum Part {
    /// A paragraph (boxed: a paragraph is far larger than a table handle).
    Para(Box<Paragraph>),
    /// A table.
    Table(Box<Table>),
}

/// Appends a part to the document.
pub(super) fn add(d: Docx, part: Part) -> Docx {
    match part {
        Part::Para(p) => d.add_paragraph(*p),
        Part::Table(t) => d.add_table(*t),
    }
}

/// The blocks as parts, in order.
pub(super) fn of(blocks: &[Block]) -> Vec<Part> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Paragraph { spans, .. } => out.push(Part::Para(Box::new(para(spans)))),
            Block::Heading { number, title, .. } => {
                let mut p = Paragraph::new().style("Heading2").keep_next(true);
                if let Some(n) = number {
                    p = p.add_run(text_run(&format!("{n} ")));
                }
                for r in runs(title) {
                    p = p.add_run(r);
                }
                out.push(Part::Para(Box::new(p)));
            }
            Block::Table(t) => out.push(Part::Table(Box::new(table(t)))),
            Block::List(l) => out.extend(list(l)),
            Block::Group { blocks, .. } => out.extend(of(blocks)),
            Block::Chart(_) => {}
            Block::SignOff(s) => out.extend(sign_off::parts(s)),
            Block::SheetHead(h) => out.push(Part::Para(Box::new(sheet_head(h)))),
        }
    }
    out
}

fn para(spans: &[Span]) -> Paragraph {
    let mut p = Paragraph::new();
    for r in runs(spans) {
        p = p.add_run(r);
    }
    p
}

fn list(l: &List) -> Vec<Part> {
    let mut n = 0;
    l.items
        .iter()
        .map(|item| {
            n += 1;
            let mark = match (l.ordered, item.value) {
                (_, Some(v)) => format!("{v}.\t"),
                (true, None) => format!("{n}.\t"),
                (false, None) => "•\t".to_owned(),
            };
            let mut p = Paragraph::new()
                .indent(Some(425), Some(SpecialIndentType::Hanging(425)), None, None)
                .add_run(text_run(&mark));
            for r in runs(&item.spans) {
                p = p.add_run(r);
            }
            Part::Para(Box::new(p))
        })
        .collect()
}

fn cell(c: &Cell, head: bool) -> TableCell {
    let p = match c {
        Cell::Spans(spans) => {
            let mut p = Paragraph::new().style("Tabel");
            for r in runs(spans) {
                p = p.add_run(if head { r.bold() } else { r });
            }
            p
        }
        Cell::Signature(no) => {
            let align = if no % 2 == 0 {
                AlignmentType::Right
            } else {
                AlignmentType::Left
            };
            Paragraph::new()
                .style("Tabel")
                .align(align)
                .add_run(text_run(&format!("{no}. ……………")))
        }
    };
    let mut tc = TableCell::new().add_paragraph(p);
    if head {
        tc = tc.shading(Shading::new().fill("EEEEEE"));
    }
    tc
}

/// A bordered table over the page's width: the head row shaded, rows kept
/// whole; the attendance sheet's rows tall enough to sign.
fn table(t: &DocTable) -> Table {
    let signing = t.class == "attendance";
    let head = TableRow::new(
        t.columns
            .iter()
            .map(|c| cell(&Cell::Spans(vec![Span::word(c.label)]), true))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![head];
    for r in t.rows.iter().chain(t.total.iter()) {
        let mut row = TableRow::new(
            r.iter()
                .map(|c| {
                    let tc = cell(c, false);
                    if signing {
                        tc.vertical_align(VAlignType::Center)
                    } else {
                        tc
                    }
                })
                .collect(),
        )
        .cant_split();
        if signing {
            row = row.row_height(567.0);
        }
        rows.push(row);
    }
    Table::new(rows).width(5000, WidthType::Pct)
}

fn sheet_head(h: &SheetHead) -> Paragraph {
    Paragraph::new()
        .add_run(text_run(&h.title).bold())
        .add_run(text_run(&format!("\n{}: {}", h.date_label, h.date)))
        .add_run(text_run(&format!(
            "\n{}: {}",
            h.venue_label,
            h.venue.as_deref().unwrap_or("—")
        )))
}
