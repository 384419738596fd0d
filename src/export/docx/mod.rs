//! `minutes.docx`: the minutes' blocks ([`Document`]) as an editable Word
//! document that Word and LibreOffice open without repair — the kop in the
//! page header (a PNG or SVG emblem beside it), "Halaman X dari Y" as page
//! fields in the footer, real bordered tables whose head row repeats on
//! every page and whose rows never split, headings kept with what follows,
//! the sign-off as a borderless table, the daftar hadir on a page of its
//! own, and named styles ("Judul", "Heading 1" …) an office can restyle.
//! Knows blocks and docx, never a section.
//!
//! Written as OOXML directly, no document object model in between: the
//! largest session's docx is made in a few milliseconds, and every property
//! a signed notulen needs (`w:tblHeader`, `w:cantSplit`, `w:keepNext`, the
//! SVG blip) is in reach. Cut by job: `xml.rs` (escaping, paragraphs,
//! runs), `inline.rs` (text spans as runs), `blocks.rs` (paragraphs, lists,
//! tables), `sign_off.rs` (the signatures), `kop.rs` (header, footer and
//! the head of the document), `emblem.rs` (the emblem picture),
//! `package.rs` (styles, relationships, properties, the zip).

use std::fmt::Write as _;

mod blocks;
mod emblem;
mod inline;
mod kop;
mod package;
mod sign_off;
mod widths;
mod xml;

use super::doc::{Document, Section};
use package::{NAMESPACES, Parts};
use xml::{Jc, Look, Para, close_p, run};

/// Twentieths of a point per millimetre.
pub(super) const TWIPS_PER_MM: f64 = 56.692_913;

/// Millimetres as twips, rounded.
pub(super) fn mm(v: f64) -> u32 {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "page sizes and margins in twips are positive and fit in u32"
    )]
    let t = (v * TWIPS_PER_MM).round().max(0.0) as u32;
    t
}

/// The page margins in millimetres: top, right, bottom, left, header, footer.
const MARGINS_MM: [f64; 6] = [18.0, 18.0, 20.0, 22.0, 8.0, 8.0];

/// Renders the minutes as a `.docx` file.
pub fn render(doc: &Document) -> Vec<u8> {
    let (w, h) = doc.head.paper.size_mm();
    let (w, h) = (mm(f64::from(w)), mm(f64::from(h)));
    let [top, right, bottom, left, head, foot] = MARGINS_MM.map(mm);
    let width = w.saturating_sub(left + right);
    let (header, pic) = match &doc.head.kop {
        Some(k) => {
            let (xml, pic) = kop::header(k);
            (Some(xml), pic)
        }
        None => (None, None),
    };
    let mut out = String::with_capacity(256 * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document ");
    out.push_str(NAMESPACES);
    out.push_str("><w:body>");
    kop::head(&mut out, &doc.head);
    for s in &doc.sections {
        section(&mut out, s, width);
    }
    if !doc.footer.is_empty() {
        Para {
            jc: Some(Jc::Right),
            ..Para::styled("Kecil")
        }
        .open(&mut out);
        inline::runs(&mut out, &doc.footer, Look::default());
        close_p(&mut out);
    }
    // `CT_SectPr`: the header and footer references, then pgSz, pgMar.
    out.push_str("<w:sectPr>");
    if header.is_some() {
        out.push_str("<w:headerReference w:type=\"default\" r:id=\"rId4\"/>");
    }
    let _ = write!(
        out,
        "<w:footerReference w:type=\"default\" r:id=\"rId3\"/>\
<w:pgSz w:w=\"{w}\" w:h=\"{h}\"/>\
<w:pgMar w:top=\"{top}\" w:right=\"{right}\" w:bottom=\"{bottom}\" w:left=\"{left}\" \
w:header=\"{head}\" w:footer=\"{foot}\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let parts = Parts {
        document: out,
        header,
        footer: kop::footer(&doc.head),
        media: pic.map(|p| p.media).unwrap_or_default(),
        made_at: doc.head.made_at,
    };
    // Packing into memory cannot fail but for a bug in the zip writer;
    // then the file is empty rather than the export aborted.
    package::zip(&parts).unwrap_or_default()
}

/// A section: its heading (a page of its own where asked, kept with what
/// follows), then its blocks.
fn section(out: &mut String, s: &Section, width: u32) {
    let number = match (s.prefix, s.number) {
        (Some(prefix), Some(no)) => format!("{prefix} {no}. "),
        (None, Some(no)) => format!("{no}. "),
        (_, None) => String::new(),
    };
    Para {
        page_break_before: s.new_page,
        ..Para::styled("Heading1").keep()
    }
    .open(out);
    run(out, &format!("{number}{}", s.title), Look::default());
    close_p(out);
    blocks::write(out, &s.blocks, width);
}
