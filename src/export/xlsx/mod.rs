//! `actions.xlsx`: the action register as a workbook that opens correctly
//! in a spreadsheet in any locale (a comma CSV opens as one column where
//! the list separator is `;`): one sheet per file in this folder, each a
//! function that adds its sheet to the [`Workbook`] (`actions.rs`: the
//! register with real dates; `attendance.rs`: the daftar hadir; `scores.rs`:
//! a jury's scores once announced). Every cell
//! from the session is written as a string, never as a formula; the header
//! row is bold and frozen, the columns sized.

mod actions;
mod attendance;
pub mod scores;

use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::model::Minutes;
use crate::domain::Session;

/// The longest text a cell holds (Excel's limit).
const MAX_CELL_CHARS: usize = 32_767;

/// Renders the workbook.
pub fn render(m: &Minutes, session: &Session) -> Vec<u8> {
    // Only a bug can fail here (every text is cut to fit, names are ours):
    // then the file is empty rather than the export aborted.
    build(m, session).unwrap_or_default()
}

fn build(m: &Minutes, session: &Session) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    actions::add(&mut wb, m)?;
    attendance::add(&mut wb, m)?;
    // A jury's scores, once announced.
    scores::write_scores_sheet(&mut wb, session, m.labels.lang)?;
    wb.save_to_buffer()
}

/// A text as a cell holds it: control characters dropped (newline and tab
/// kept), cut to Excel's limit.
pub(super) fn cell_text(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .take(MAX_CELL_CHARS)
        .collect()
}

/// The head row: bold, bordered, frozen under, with an autofilter over
/// `rows` data rows; and each column's width.
pub(super) fn head(
    ws: &mut Worksheet,
    columns: &[(&str, f64)],
    rows: usize,
) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color("EEEEEE");
    for (col, (label, width)) in (0u16..).zip(columns) {
        ws.write_string_with_format(0, col, cell_text(label), &bold)?;
        ws.set_column_width(col, *width)?;
    }
    ws.set_freeze_panes(1, 0)?;
    let last = u16::try_from(columns.len().saturating_sub(1)).unwrap_or(0);
    let last_row = u32::try_from(rows).unwrap_or(u32::MAX - 1);
    ws.autofilter(0, 0, last_row, last)?;
    Ok(())
}

/// A wrapped text cell.
pub(super) fn wrap() -> Format {
    Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top)
}
