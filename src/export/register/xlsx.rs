//! The register as an Excel workbook (`rust_xlsxwriter`): one sheet, a bold
//! header row that stays in view and repeats on every printed page, a
//! filter, real dates (so an Indonesian-locale Excel sorts and shows them
//! as dates, where a comma CSV splits badly) and the meeting numbers as
//! numbers. Must not lay out anything else.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use super::Register;

pub use rust_xlsxwriter::XlsxError;

/// Renders `r` as an `.xlsx` workbook.
pub fn render(r: &Register) -> Result<Vec<u8>, XlsxError> {
    let w = r.words();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(w.register_title))?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let labels = [
        w.col_no,
        w.col_what,
        w.col_pic,
        w.col_origin,
        w.col_origin,
        w.col_due,
        w.col_status,
        w.col_open_in,
        w.col_note,
        w.col_series,
    ];
    for (col, label) in (0u16..).zip(labels) {
        sheet.write_string_with_format(0, col, label, &bold)?;
    }
    for (row, (i, a)) in (1u32..).zip(r.rows.iter().enumerate()) {
        sheet.write_number(row, 0, f64::from(u32::try_from(i + 1).unwrap_or(0)))?;
        sheet.write_string_with_format(row, 1, &a.what, &wrap)?;
        sheet.write_string(row, 2, a.pic.as_deref().unwrap_or(""))?;
        sheet.write_number(row, 3, f64::from(a.meeting))?;
        write_date(sheet, row, 4, Some(a.date), &date)?;
        write_date(sheet, row, 5, a.due, &date)?;
        sheet.write_string(row, 6, r.status_text(a))?;
        sheet.write_string(row, 7, Register::meetings_text(a))?;
        sheet.write_string_with_format(row, 8, a.note.as_deref().unwrap_or(""), &wrap)?;
        sheet.write_string(row, 9, &a.series)?;
    }
    for (col, width) in (0u16..).zip([5, 48, 24, 10, 12, 12, 22, 14, 40, 20]) {
        sheet.set_column_width(col, width)?;
    }
    let last = u32::try_from(r.rows.len()).unwrap_or(u32::MAX);
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    sheet.autofilter(0, 0, last, 9)?;
    sheet.set_landscape();
    book.save_to_buffer()
}

/// A real date in a cell, or nothing.
fn write_date(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    d: Option<NaiveDate>,
    format: &Format,
) -> Result<(), XlsxError> {
    let Some(d) = d else { return Ok(()) };
    let (Ok(y), Ok(m), Ok(day)) = (
        u16::try_from(d.year()),
        u8::try_from(d.month()),
        u8::try_from(d.day()),
    ) else {
        return Ok(());
    };
    sheet.write_datetime_with_format(row, col, &ExcelDateTime::from_ymd(y, m, day)?, format)?;
    Ok(())
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(title: &str) -> String {
    title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}
