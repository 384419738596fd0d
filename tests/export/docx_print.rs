//! `minutes.docx` printed by LibreOffice (where installed): as many pages
//! as the docx had before it was written as OOXML directly, and a long
//! table's head row on every page the table runs onto.

use fgd::domain::Command;

use super::docx::render;
use crate::export_support::fixed;

/// The number of pages of a PDF LibreOffice wrote (its page objects).
fn pdf_pages(pdf: &[u8]) -> usize {
    pdf.windows(11)
        .filter(|w| w.starts_with(b"/Type/Page") && w[10] != b's')
        .count()
}

#[test]
fn libreoffice_lays_out_the_same_pages_and_repeats_a_long_tables_head_row() {
    let Some(soffice) = crate::office::soffice_or_skip() else {
        return;
    };
    let fixed_fx = fixed();
    // The register made long: every action's text a long paragraph.
    let mut long = fixed();
    let ids: Vec<_> = long.s.actions().map(|a| a.id).collect();
    for (i, action) in ids.into_iter().enumerate() {
        long.ok(Command::EditAction {
            action,
            what: Some(format!(
                "RTL-{i} {}",
                "setiap OPD layanan menyusun rencana. ".repeat(12)
            )),
            pic: None,
            due: None,
        });
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fixed.docx"), render(&fixed_fx)).unwrap();
    std::fs::write(dir.path().join("long.docx"), render(&long)).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = std::process::Command::new(soffice)
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(dir.path().join("fixed.docx"))
        .arg(dir.path().join("long.docx"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(dir.path().join("fixed.pdf")).unwrap();
    // The docx made before these minutes were written as OOXML directly
    // printed on 5 pages in LibreOffice 7.4.
    let pages = pdf_pages(&pdf);
    assert!((4..=6).contains(&pages), "{pages} pages");
    let long_pdf = dir.path().join("long.pdf");
    let more = pdf_pages(&std::fs::read(&long_pdf).unwrap());
    assert!(more > pages, "the longer register takes more pages: {more}");
    // The register's head on every page it runs onto (pdftotext, where installed).
    let Ok(text) = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&long_pdf)
        .arg("-")
        .output()
    else {
        eprintln!("skipped the repeated head check: no pdftotext (apt-get install poppler-utils)");
        return;
    };
    let text = String::from_utf8_lossy(&text.stdout);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let start = pages
        .iter()
        .position(|p| p.contains("5. Tindak Lanjut"))
        .expect("the register's section");
    let register: Vec<&&str> = pages[start..]
        .iter()
        .filter(|p| p.contains("RTL-"))
        .collect();
    assert!(register.len() >= 2, "the register spans pages: {text}");
    for (i, p) in register.iter().enumerate() {
        assert!(
            p.contains("Penanggung"),
            "no head row on page {i} of the register: {p}"
        );
    }
}
