//! The sign-off as docx: the closing sentence and the place and date kept
//! with the signatures (keep-with-next), the chair and the notetaker side
//! by side in a borderless table (role, position, room to sign, name
//! underlined, rank, NIP), and the "Mengetahui" signer centred under them.

use super::blocks::{cell_open, plain_table_open, row_open};
use super::xml::{Jc, Look, Para, para};
use crate::export::doc::{SignOff, Signature};

/// Appends the sign-off.
pub(super) fn write(out: &mut String, s: &SignOff) {
    para(out, Para::default().keep(), &s.closing, Look::default());
    para(
        out,
        Para::aligned(Jc::Right).keep(),
        &s.place,
        Look::default(),
    );
    let n = s.signers.len().max(1);
    let width = 9_000 / u32::try_from(n).unwrap_or(1);
    plain_table_open(out, &vec![width; n]);
    row_open(out, None, false);
    for p in &s.signers {
        signature(out, p, s.nip_label, width);
    }
    if s.signers.is_empty() {
        empty_cell(out, width);
    }
    out.push_str("</w:tr></w:tbl>");
    if let Some(a) = &s.approver {
        plain_table_open(out, &[2_250, 4_500, 2_250]);
        row_open(out, None, false);
        empty_cell(out, 2_250);
        signature(out, a, s.nip_label, 4_500);
        empty_cell(out, 2_250);
        out.push_str("</w:tr></w:tbl>");
    }
}

/// A cell with nothing in it (a cell holds at least one paragraph).
fn empty_cell(out: &mut String, width: u32) {
    cell_open(out, width, false, false);
    out.push_str("<w:p/></w:tc>");
}

fn centred(out: &mut String, text: &str) {
    para(out, Para::aligned(Jc::Center).keep(), text, Look::default());
}

fn signature(out: &mut String, p: &Signature, nip_label: &str, width: u32) {
    cell_open(out, width, false, false);
    centred(out, p.role);
    if let Some(pos) = &p.position {
        centred(out, pos);
    }
    for _ in 0..3 {
        centred(out, "");
    }
    let name = p.name.as_deref().unwrap_or(" ");
    para(
        out,
        Para::aligned(Jc::Center),
        name,
        Look {
            bold: true,
            underline: true,
            ..Look::default()
        },
    );
    if let Some(rank) = &p.rank {
        centred(out, rank);
    }
    centred(
        out,
        &format!("{nip_label} {}", p.nip.as_deref().unwrap_or("—")),
    );
    out.push_str("</w:tc>");
}
