//! The page header (the kop: emblem beside the centred lines, contacts,
//! a double rule), the page footer ("Halaman X dari Y" as page fields) and
//! the head of the document (title and the facts of the meeting as a
//! borderless table).

use docx_rs::{
    AlignmentType, BorderType, Footer, Header, NumPages, PageNum, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Pic, Run, Table, TableCell, TableRow, WidthType,
};

use super::blocks::Part;
use super::inline::{runs, text_run};
use crate::export::doc::{FieldValue, Head, Kop};

/// The kop in the page header.
pub(super) fn header(k: &Kop) -> Header {
    let mut lines: Vec<Paragraph> = Vec::new();
    for (i, l) in k.lines.iter().enumerate() {
        let size = if i + 1 == k.lines.len() && i > 0 {
            30
        } else {
            26
        };
        lines.push(
            Paragraph::new()
                .style("Kop")
                .add_run(text_run(&l.to_uppercase()).size(size)),
        );
    }
    for c in &k.contacts {
        lines.push(Paragraph::new().style("KopKontak").add_run(text_run(c)));
    }
    let rule = Paragraph::new().set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Double)
                .size(12)
                .space(1)
                .color("000000"),
        ),
    );
    let Some(pic) = k.emblem.as_ref().and_then(emblem) else {
        let mut h = Header::new();
        for p in lines {
            h = h.add_paragraph(p);
        }
        return h.add_paragraph(rule);
    };
    let mut text = TableCell::new().width(7_400, WidthType::Dxa);
    for p in lines {
        text = text.add_paragraph(p);
    }
    let logo = TableCell::new()
        .width(1_400, WidthType::Dxa)
        .add_paragraph(Paragraph::new().add_run(Run::new().add_image(pic)));
    Header::new()
        .add_table(
            Table::without_borders(vec![TableRow::new(vec![logo, text])])
                .set_grid(vec![1_400, 7_400]),
        )
        .add_paragraph(rule)
}

/// A PNG emblem, 20 mm wide; an SVG has no place in Word's header (the
/// HTML minutes show it).
fn emblem(e: &crate::domain::Emblem) -> Option<Pic> {
    if e.media_type != "image/png" || !e.is_valid() {
        return None;
    }
    let bytes = decode64(&e.base64)?;
    let (w, h) = png_size(&bytes)?;
    let w_emu: u32 = 720_000;
    let h_emu = u32::try_from(u64::from(w_emu) * u64::from(h) / u64::from(w.max(1))).ok()?;
    Some(Pic::new_with_dimensions(bytes, w, h).size(w_emu, h_emu.min(1_000_000)))
}

/// A PNG's width and height from its header.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    (w > 0 && h > 0).then_some((w, h))
}

/// Standard base64, padding optional; `None` on a stray character.
fn decode64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

/// "Halaman X dari Y" at the foot of every page, as fields Word and
/// LibreOffice fill in.
pub(super) fn footer(h: &Head) -> Footer {
    let (page, of) = h.page_of;
    Footer::new().add_paragraph(
        Paragraph::new()
            .style("Kecil")
            .align(AlignmentType::Right)
            .add_run(text_run(&format!("{page} ")))
            .add_page_num(PageNum::new())
            .add_run(text_run(&format!(" {of} ")))
            .add_num_pages(NumPages::new()),
    )
}

/// The banner, "NOTULEN", the title, the facts as a borderless table and
/// the remarks.
pub(super) fn head(h: &Head) -> Vec<Part> {
    let mut out = Vec::new();
    if let Some(b) = h.banner {
        out.push(Part::Para(Box::new(
            Paragraph::new().style("Judul").add_run(text_run(b)),
        )));
    }
    out.push(Part::Para(Box::new(
        Paragraph::new()
            .style("Judul")
            .add_run(text_run(h.doc_title)),
    )));
    out.push(Part::Para(Box::new(
        Paragraph::new()
            .style("Judul")
            .add_run(text_run(&h.title).size(24)),
    )));
    let rows = h
        .fields
        .iter()
        .map(|f| {
            let mut value = TableCell::new().width(6_200, WidthType::Dxa);
            match &f.value {
                FieldValue::Line(spans) => {
                    let mut p = Paragraph::new();
                    for r in runs(spans) {
                        p = p.add_run(r);
                    }
                    value = value.add_paragraph(p);
                }
                FieldValue::List(items) => {
                    for (i, t) in items.iter().enumerate() {
                        value = value.add_paragraph(
                            Paragraph::new().add_run(text_run(&format!("{}. {t}", i + 1))),
                        );
                    }
                }
            }
            TableRow::new(vec![
                TableCell::new()
                    .width(2_600, WidthType::Dxa)
                    .add_paragraph(Paragraph::new().add_run(text_run(f.label))),
                TableCell::new()
                    .width(300, WidthType::Dxa)
                    .add_paragraph(Paragraph::new().add_run(text_run(":"))),
                value,
            ])
        })
        .collect();
    out.push(Part::Table(Box::new(
        Table::without_borders(rows).set_grid(vec![2_600, 300, 6_200]),
    )));
    for r in &h.remarks {
        out.push(Part::Para(Box::new(
            Paragraph::new().add_run(text_run(r).italic()),
        )));
    }
    out
}
