//! `minutes.docx`: the minutes' blocks ([`Document`]) as an editable Word
//! document that Word and LibreOffice open without repair — the kop in the
//! page header, "Halaman X dari Y" as page fields in the footer, real
//! bordered tables, the sign-off as a borderless table, the daftar hadir on
//! a page of its own, and named styles ("Judul", "Heading 1" …) an office
//! can restyle. Knows blocks and docx, never a section; cut by part:
//! `kop.rs` (header and footer), `blocks.rs` (paragraphs, lists, tables),
//! `sign_off.rs` (the signatures), `inline.rs` (text runs).
//!
//! Built with docx-rs, which escapes every text for XML; control
//! characters are dropped before (XML 1.0 does not allow them).

mod blocks;
mod inline;
mod kop;
mod sign_off;

use docx_rs::{AlignmentType, Docx, PageMargin, Paragraph, RunFonts, Style, StyleType};

use super::doc::{Document, Section};
use inline::runs;

/// Twentieths of a point per millimetre.
pub(super) const TWIPS_PER_MM: f64 = 56.692_913;

/// Millimetres as twips, rounded.
pub(super) fn mm(v: f64) -> i32 {
    #[expect(
        clippy::cast_possible_truncation,
        reason = "page sizes in twips fit in i32"
    )]
    let t = (v * TWIPS_PER_MM).round() as i32;
    t
}

/// Renders the minutes as a `.docx` file.
pub fn render(doc: &Document) -> Vec<u8> {
    let (w, h) = doc.head.paper.size_mm();
    // The session's own time, so the same session always gives the same file.
    let stamp = doc
        .head
        .made_at
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut d = styles(Docx::new())
        .default_fonts(
            RunFonts::new()
                .ascii("Times New Roman")
                .hi_ansi("Times New Roman"),
        )
        .default_size(22)
        .page_size(
            u32::try_from(mm(f64::from(w))).unwrap_or(11_906),
            u32::try_from(mm(f64::from(h))).unwrap_or(16_838),
        )
        .page_margin(
            PageMargin::new()
                .top(mm(18.0))
                .bottom(mm(20.0))
                .left(mm(22.0))
                .right(mm(18.0))
                .header(mm(8.0))
                .footer(mm(8.0)),
        )
        .footer(kop::footer(&doc.head))
        .created_at(&stamp)
        .updated_at(&stamp);
    if let Some(k) = &doc.head.kop {
        d = d.header(kop::header(k));
    }
    for b in kop::head(&doc.head) {
        d = blocks::add(d, b);
    }
    for s in &doc.sections {
        for b in section(s) {
            d = blocks::add(d, b);
        }
    }
    if !doc.footer.is_empty() {
        let mut p = Paragraph::new().style("Kecil").align(AlignmentType::Right);
        for r in runs(&doc.footer) {
            p = p.add_run(r);
        }
        d = d.add_paragraph(p);
    }
    let mut out = std::io::Cursor::new(Vec::with_capacity(64 * 1024));
    // Packing into memory cannot fail but for a bug in the zip writer;
    // then the file is empty rather than the export aborted.
    if d.build().pack(&mut out).is_err() {
        return Vec::new();
    }
    out.into_inner()
}

/// A section: its heading (a page of its own where asked), then its blocks.
fn section(s: &Section) -> Vec<blocks::Part> {
    let number = match (s.prefix, s.number) {
        (Some(prefix), Some(no)) => format!("{prefix} {no}. "),
        (None, Some(no)) => format!("{no}. "),
        (_, None) => String::new(),
    };
    let heading = Paragraph::new()
        .style("Heading1")
        .keep_next(true)
        .page_break_before(s.new_page)
        .add_run(inline::text_run(&format!("{number}{}", s.title)));
    let mut out = vec![blocks::Part::Para(Box::new(heading))];
    out.extend(blocks::of(&s.blocks));
    out
}

/// The named styles: an office restyles the document by changing them.
fn styles(d: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .bold()
            .size(size)
    };
    d.add_style(heading("Heading1", "Heading 1", 24).outline_lvl(0))
        .add_style(heading("Heading2", "Heading 2", 22).outline_lvl(1))
        .add_style(
            Style::new("Judul", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .bold()
                .size(28)
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("Kop", StyleType::Paragraph)
                .name("Kop")
                .based_on("Normal")
                .bold()
                .size(26)
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("KopKontak", StyleType::Paragraph)
                .name("Kop Kontak")
                .based_on("Normal")
                .size(19)
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("Kecil", StyleType::Paragraph)
                .name("Kecil")
                .based_on("Normal")
                .size(15)
                .color("555555"),
        )
        .add_style(
            Style::new("Tabel", StyleType::Paragraph)
                .name("Isi Tabel")
                .based_on("Normal")
                .size(20),
        )
}
