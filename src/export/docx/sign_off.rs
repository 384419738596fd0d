//! The sign-off as docx: the closing sentence and the place and date kept
//! with the signatures (keep-with-next), the chair and the notetaker side
//! by side in a borderless table (role, position, room to sign, name
//! underlined, rank, NIP), and the "Mengetahui" signer centred under them.

use docx_rs::{AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType};

use super::blocks::Part;
use super::inline::text_run;
use crate::export::doc::{SignOff, Signature};

/// The parts of the sign-off.
pub(super) fn parts(s: &SignOff) -> Vec<Part> {
    let mut out = vec![
        Part::Para(Box::new(
            Paragraph::new()
                .keep_next(true)
                .add_run(text_run(&s.closing)),
        )),
        Part::Para(Box::new(
            Paragraph::new()
                .keep_next(true)
                .align(AlignmentType::Right)
                .add_run(text_run(&s.place)),
        )),
    ];
    let width = 9_000 / s.signers.len().max(1);
    let cells = s
        .signers
        .iter()
        .map(|p| signature(p, s.nip_label, width))
        .collect();
    out.push(Part::Table(Box::new(
        Table::without_borders(vec![TableRow::new(cells).cant_split()]).set_grid(vec![
            width;
            s.signers
                .len()
                .max(1)
        ]),
    )));
    if let Some(a) = &s.approver {
        out.push(Part::Table(Box::new(
            Table::without_borders(vec![
                TableRow::new(vec![
                    TableCell::new().width(2_250, WidthType::Dxa),
                    signature(a, s.nip_label, 4_500),
                    TableCell::new().width(2_250, WidthType::Dxa),
                ])
                .cant_split(),
            ])
            .set_grid(vec![2_250, 4_500, 2_250]),
        )));
    }
    out
}

fn centred(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .keep_next(true)
        .add_run(text_run(text))
}

fn signature(p: &Signature, nip_label: &str, width: usize) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(centred(p.role));
    if let Some(pos) = &p.position {
        c = c.add_paragraph(centred(pos));
    }
    for _ in 0..3 {
        c = c.add_paragraph(centred(""));
    }
    let name = p.name.as_deref().unwrap_or(" ");
    c = c.add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(text_run(name).bold().underline("single")),
    );
    if let Some(rank) = &p.rank {
        c = c.add_paragraph(centred(rank));
    }
    c.add_paragraph(centred(&format!(
        "{nip_label} {}",
        p.nip.as_deref().unwrap_or("—")
    )))
}
