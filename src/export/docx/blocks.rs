//! The blocks of a section as docx paragraphs and tables: subheadings in
//! "Heading 2" kept with what follows, paragraphs, lists as
//! hanging-indented paragraphs (their numbers or bullets written, so they
//! survive any restyling), tables with borders whose shaded head row
//! repeats on every page and whose rows never split, the attendance
//! sheet's head, and the sign-off (`sign_off.rs`). The talk-time chart is
//! left out: its figures are in the table beside it.

use std::fmt::Write as _;

use super::inline::runs;
use super::sign_off;
use super::xml::{Jc, Look, Para, close_p, run};
use crate::export::doc::{Block, Cell, List, SheetHead, Table};

/// Every border single, a quarter point, black.
const BORDERS: &str = "<w:tblBorders>\
<w:top w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"000000\"/>\
<w:left w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"000000\"/>\
<w:bottom w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"000000\"/>\
<w:right w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"000000\"/>\
<w:insideH w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"000000\"/>\
<w:insideV w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"000000\"/>\
</w:tblBorders>";

/// Appends the blocks; `width` is the text's width in twips.
pub(super) fn write(out: &mut String, blocks: &[Block], width: u32) {
    for b in blocks {
        match b {
            Block::Paragraph { spans, .. } => {
                Para::default().open(out);
                runs(out, spans, Look::default());
                close_p(out);
            }
            Block::Heading { number, title, .. } => {
                Para::styled("Heading2").keep().open(out);
                if let Some(n) = number {
                    run(out, &format!("{n} "), Look::default());
                }
                runs(out, title, Look::default());
                close_p(out);
            }
            Block::Table(t) => table(out, t, width),
            Block::List(l) => list(out, l),
            Block::Group { blocks, .. } => write(out, blocks, width),
            Block::Chart(_) => {}
            Block::SignOff(s) => sign_off::write(out, s),
            Block::SheetHead(h) => sheet_head(out, h),
        }
    }
}

fn list(out: &mut String, l: &List) {
    for (n, item) in (1..).zip(&l.items) {
        let mark = match (l.ordered, item.value) {
            (_, Some(v)) => format!("{v}.\t"),
            (true, None) => format!("{n}.\t"),
            (false, None) => "•\t".to_owned(),
        };
        Para {
            hanging: true,
            ..Para::default()
        }
        .open(out);
        run(out, &mark, Look::default());
        runs(out, &item.spans, Look::default());
        close_p(out);
    }
}

/// A table row's properties, in the order of `CT_TrPrBase`: cantSplit,
/// trHeight, tblHeader.
pub(super) fn row_open(out: &mut String, height: Option<u32>, header: bool) {
    out.push_str("<w:tr><w:trPr><w:cantSplit/>");
    if let Some(h) = height {
        let _ = write!(out, "<w:trHeight w:val=\"{h}\"/>");
    }
    if header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
}

/// Opens a cell: `CT_TcPrBase` order, tcW, shd, vAlign.
pub(super) fn cell_open(out: &mut String, width: u32, shaded: bool, centred: bool) {
    let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
    if shaded {
        out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEEEEE\"/>");
    }
    if centred {
        out.push_str("<w:vAlign w:val=\"center\"/>");
    }
    out.push_str("</w:tcPr>");
}

/// A borderless table's start: its width left to its cells, its grid.
pub(super) fn plain_table_open(out: &mut String, grid: &[u32]) {
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
    grid_of(out, grid);
}

fn grid_of(out: &mut String, grid: &[u32]) {
    out.push_str("<w:tblGrid>");
    for w in grid {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
}

/// A bordered table over the text's width: the head row shaded, bold, kept
/// with the first row and repeated on every page; every row kept whole; the
/// attendance sheet's rows tall enough to sign.
fn table(out: &mut String, t: &Table, width: u32) {
    let signing = t.class == "attendance";
    let cols = super::widths::widths(t, width);
    let col = |i: usize| cols.get(i).copied().unwrap_or(0);
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>");
    out.push_str(BORDERS);
    out.push_str("<w:tblLayout w:type=\"fixed\"/>");
    out.push_str("</w:tblPr>");
    grid_of(out, &cols);
    row_open(out, None, true);
    for (i, c) in t.columns.iter().enumerate() {
        cell_open(out, col(i), true, false);
        Para::styled("Tabel").keep().open(out);
        run(out, c.label, Look::BOLD);
        close_p(out);
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
    for r in t.rows.iter().chain(t.total.iter()) {
        row_open(out, signing.then_some(567), false);
        for (i, c) in r.iter().enumerate() {
            cell_open(out, col(i), false, signing);
            cell(out, c);
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

fn cell(out: &mut String, c: &Cell) {
    match c {
        Cell::Spans(spans) => {
            Para::styled("Tabel").open(out);
            runs(out, spans, Look::default());
        }
        Cell::Signature(no) => {
            let jc = if no % 2 == 0 { Jc::Right } else { Jc::Left };
            Para {
                jc: Some(jc),
                ..Para::styled("Tabel")
            }
            .open(out);
            run(out, &format!("{no}. ……………"), Look::default());
        }
    }
    close_p(out);
}

fn sheet_head(out: &mut String, h: &SheetHead) {
    Para::default().open(out);
    run(out, &h.title, Look::BOLD);
    run(
        out,
        &format!("\n{}: {}", h.date_label, h.date),
        Look::default(),
    );
    run(
        out,
        &format!("\n{}: {}", h.venue_label, h.venue.as_deref().unwrap_or("—")),
        Look::default(),
    );
    close_p(out);
}
