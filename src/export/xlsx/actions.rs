//! Sheet "Tindak Lanjut" of `actions.xlsx`: one row per follow-up action —
//! number, what, PIC, the due date as a real date, status, overdue (its own
//! column), agenda item, carried from.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::{cell_text, head, wrap};
use crate::export::model::Minutes;
use chrono::Datelike;

/// Adds the register's sheet.
pub fn add(wb: &mut Workbook, m: &Minutes) -> Result<(), XlsxError> {
    let l = m.labels;
    let ws = wb.add_worksheet();
    ws.set_name(l.actions)?;
    head(
        ws,
        &[
            (l.no, 6.0),
            (l.what, 50.0),
            (l.pic, 28.0),
            (l.due, 13.0),
            (l.status, 12.0),
            (l.overdue_column, 12.0),
            (l.item, 30.0),
            (l.origin, 22.0),
        ],
        m.actions.len(),
    )?;
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let text = wrap();
    for (row, a) in (1u32..).zip(&m.actions) {
        ws.write_number(row, 0, f64::from(a.no))?;
        ws.write_string_with_format(row, 1, cell_text(&a.what), &text)?;
        ws.write_string_with_format(row, 2, cell_text(a.pic.as_deref().unwrap_or("")), &text)?;
        if let Some(d) = a.due {
            let day = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or(1900),
                u8::try_from(d.month()).unwrap_or(1),
                u8::try_from(d.day()).unwrap_or(1),
            )?;
            ws.write_datetime_with_format(row, 3, &day, &date)?;
        }
        ws.write_string_with_format(row, 4, a.status_label, &text)?;
        if a.overdue {
            ws.write_string_with_format(row, 5, l.yes, &text)?;
        }
        ws.write_string_with_format(row, 6, cell_text(a.item.as_deref().unwrap_or("")), &text)?;
        ws.write_string_with_format(row, 7, cell_text(a.origin.as_deref().unwrap_or("")), &text)?;
    }
    Ok(())
}
