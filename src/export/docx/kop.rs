//! The page header (the kop: emblem beside the centred lines, contacts,
//! a double rule), the page footer ("Halaman X dari Y" as page fields) and
//! the head of the document (title and the facts of the meeting as a
//! borderless table).

use super::blocks::{cell_open, plain_table_open, row_open};
use super::emblem::{Picture, drawing, picture};
use super::inline::runs;
use super::package::NAMESPACES;
use super::xml::{Jc, Look, Para, close_p, para, run};
use crate::export::doc::{FieldValue, Head, Kop};

/// The kop as `word/header1.xml`, and the emblem's picture if it has one.
pub(super) fn header(k: &Kop) -> (String, Option<Picture>) {
    let mut out = String::with_capacity(4 * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr ");
    out.push_str(NAMESPACES);
    out.push('>');
    let pic = k.emblem.as_ref().and_then(picture);
    if let Some(p) = &pic {
        plain_table_open(&mut out, &[1_400, 7_400]);
        row_open(&mut out, None, false);
        cell_open(&mut out, 1_400, false, false);
        Para::default().open(&mut out);
        drawing(&mut out, p);
        close_p(&mut out);
        out.push_str("</w:tc>");
        cell_open(&mut out, 7_400, false, false);
        lines(&mut out, k);
        out.push_str("</w:tc></w:tr></w:tbl>");
    } else {
        lines(&mut out, k);
    }
    Para {
        rule_below: true,
        ..Para::default()
    }
    .open(&mut out);
    close_p(&mut out);
    out.push_str("</w:hdr>");
    (out, pic)
}

/// The kop's lines in capitals, the last the largest; the contacts.
fn lines(out: &mut String, k: &Kop) {
    for (i, l) in k.lines.iter().enumerate() {
        let size = if i + 1 == k.lines.len() && i > 0 {
            30
        } else {
            26
        };
        para(
            out,
            Para::styled("Kop"),
            &l.to_uppercase(),
            Look::sized(size),
        );
    }
    for c in &k.contacts {
        para(out, Para::styled("KopKontak"), c, Look::default());
    }
}

/// A field Word and LibreOffice fill in (PAGE, NUMPAGES), showing `1`
/// until they do.
fn field(out: &mut String, instr: &str) {
    out.push_str(
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> ",
    );
    out.push_str(instr);
    out.push_str(
        " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>\
<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
    );
}

/// "Halaman X dari Y" at the foot of every page as `word/footer1.xml`.
pub(super) fn footer(h: &Head) -> String {
    let (page, of) = h.page_of;
    let mut out = String::with_capacity(1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr ");
    out.push_str(NAMESPACES);
    out.push('>');
    Para {
        jc: Some(Jc::Right),
        ..Para::styled("Kecil")
    }
    .open(&mut out);
    run(&mut out, &format!("{page} "), Look::default());
    field(&mut out, "PAGE");
    run(&mut out, &format!(" {of} "), Look::default());
    field(&mut out, "NUMPAGES");
    close_p(&mut out);
    out.push_str("</w:ftr>");
    out
}

/// The banner, "NOTULEN", the title, the facts as a borderless table and
/// the remarks.
pub(super) fn head(out: &mut String, h: &Head) {
    if let Some(b) = h.banner {
        para(out, Para::styled("Judul"), b, Look::default());
    }
    para(out, Para::styled("Judul"), h.doc_title, Look::default());
    para(out, Para::styled("Judul"), &h.title, Look::sized(24));
    if !h.fields.is_empty() {
        facts(out, h);
    }
    for r in &h.remarks {
        para(out, Para::default(), r, Look::ITALIC);
    }
}

/// The facts of the meeting, label : value, as a borderless table.
fn facts(out: &mut String, h: &Head) {
    plain_table_open(out, &[2_600, 300, 6_200]);
    for f in &h.fields {
        row_open(out, None, false);
        cell_open(out, 2_600, false, false);
        para(out, Para::default(), f.label, Look::default());
        out.push_str("</w:tc>");
        cell_open(out, 300, false, false);
        para(out, Para::default(), ":", Look::default());
        out.push_str("</w:tc>");
        cell_open(out, 6_200, false, false);
        match &f.value {
            FieldValue::Line(spans) => {
                Para::default().open(out);
                runs(out, spans, Look::default());
                close_p(out);
            }
            FieldValue::List(items) if items.is_empty() => out.push_str("<w:p/>"),
            FieldValue::List(items) => {
                for (i, t) in items.iter().enumerate() {
                    let line = format!("{}. {t}", i + 1);
                    para(out, Para::default(), &line, Look::default());
                }
            }
        }
        out.push_str("</w:tc></w:tr>");
    }
    out.push_str("</w:tbl>");
}
