//! Sheet "Daftar Hadir" of `actions.xlsx`: one row per invitee — number,
//! name, position, unit, NIP (as text, so no digit is lost) and presence.

use rust_xlsxwriter::{Workbook, XlsxError};

use super::{cell_text, head, wrap};
use crate::export::model::Minutes;

/// Adds the attendance sheet.
pub fn add(wb: &mut Workbook, m: &Minutes) -> Result<(), XlsxError> {
    let l = m.labels;
    let ws = wb.add_worksheet();
    ws.set_name(l.attendance)?;
    head(
        ws,
        &[
            (l.no, 6.0),
            (l.name, 34.0),
            (l.position, 28.0),
            (l.unit, 30.0),
            (l.nip_column, 22.0),
            (l.presence, 14.0),
        ],
        m.attendance.len(),
    )?;
    let text = wrap();
    for (row, a) in (1u32..).zip(&m.attendance) {
        ws.write_number(row, 0, f64::from(u32::try_from(a.no).unwrap_or(0)))?;
        for (col, v) in [
            (1, Some(a.name.as_str())),
            (2, a.position.as_deref()),
            (3, a.unit.as_deref()),
            (4, a.nip.as_deref()),
        ] {
            ws.write_string_with_format(row, col, cell_text(v.unwrap_or("")), &text)?;
        }
        let presence = if a.present { l.present } else { l.absent };
        ws.write_string_with_format(row, 5, presence, &text)?;
    }
    Ok(())
}
