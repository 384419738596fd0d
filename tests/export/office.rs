//! `minutes.docx` and `actions.xlsx` read back as an office suite reads
//! them: the docx unzipped and its XML parsed (text, header, footer,
//! styles, tables), the workbook with calamine (sheets, dates, text).

use std::io::Read;

use calamine::Data;
use fgd::domain::Command;
use fgd::export::{self, Format, Options};

use crate::export_support::{docx_text, fixed, xlsx_rows, xml_part, xml_text};

fn render(fx: &crate::common::Fx, format: Format) -> Vec<u8> {
    export::render_all(&fx.s, &fx.log, &[format], Options::default())
        .into_iter()
        .next()
        .unwrap()
        .1
}

/// A part of a zip package, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("no {name}: {e}"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn names(bytes: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    zip.file_names().map(|n| n.unwrap().into_owned()).collect()
}

#[test]
fn the_docx_is_the_same_document_with_its_kop_page_fields_tables_and_styles() {
    let fx = fixed();
    let docx = render(&fx, Format::Docx);
    let files = names(&docx);
    let header = files
        .iter()
        .find(|n| xml_part(n, "word/header"))
        .expect("a page header");
    let mut kop = String::new();
    xml_text(header, &part(&docx, header), &mut kop);
    assert!(
        kop.contains("PEMERINTAH KABUPATEN SENDANGREJO"),
        "the kop in the page header: {kop}"
    );
    let footer = files
        .iter()
        .find(|n| xml_part(n, "word/footer"))
        .expect("a page footer");
    let foot = part(&docx, footer);
    assert!(
        foot.contains("PAGE") && foot.contains("NUMPAGES"),
        "page fields: {foot}"
    );
    let mut foot_text = String::new();
    xml_text(footer, &foot, &mut foot_text);
    assert!(foot_text.contains("Halaman") && foot_text.contains("dari"));

    let body = part(&docx, "word/document.xml");
    assert!(body.contains("w:tblBorders"), "bordered tables");
    assert!(
        body.contains("w:pageBreakBefore"),
        "the daftar hadir on its own page"
    );
    assert!(body.contains("w:cantSplit"), "rows kept whole");
    let styles = part(&docx, "word/styles.xml");
    for name in ["Heading 1", "Heading 2", "Title", "Kop"] {
        assert!(
            styles.contains(&format!("w:val=\"{name}\"")),
            "style {name}"
        );
    }
    let text = docx_text(&docx);
    let order = [
        "NOTULEN",
        "FGD Perubahan Pola Pikir Pelayanan Publik",
        "1. Susunan Acara",
        "2. Pembahasan",
        "Keputusan 1: Setiap OPD layanan menetapkan satu layanan jemput bola",
        "3. Kesimpulan",
        "5. Tindak Lanjut",
        "Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.",
        "Sendangrejo, 23 November 2026",
        "NIP. 197805122005012003",
        "Lampiran 1. Daftar Hadir",
        "197002031995031002",
        "Lampiran 2. Partisipasi",
    ];
    let mut from = 0;
    for want in order {
        let at = text[from..]
            .find(want)
            .unwrap_or_else(|| panic!("{want:?} missing or out of order in: {text}"));
        from += at + want.len();
    }
    assert!(!text.contains("Ruang rapat disiapkan"), "no private note");
}

#[test]
fn the_workbook_has_the_register_with_real_dates_and_the_daftar_hadir() {
    let mut fx = fixed();
    let action = fx.s.actions().nth(3).map(|a| a.id).unwrap();
    fx.ok(Command::EditAction {
        action,
        what: Some("=HYPERLINK(\"http://x\",\"klik\")".into()),
        pic: None,
        due: None,
    });
    let xlsx = render(&fx, Format::Xlsx);
    let rows = xlsx_rows(&xlsx, "Tindak Lanjut");
    assert_eq!(rows.len(), 1 + fx.s.actions().count());
    let head: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    assert_eq!(
        head,
        [
            "No.",
            "Uraian",
            "Penanggung jawab",
            "Batas waktu",
            "Status",
            "Lewat batas waktu",
            "Acara",
            "Asal sesi"
        ]
    );
    match &rows[1][3] {
        Data::DateTime(d) => {
            // Excel's serial day: days since 1899-12-30.
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            let days: u64 = format!("{:.0}", d.as_f64()).parse().unwrap();
            let day = epoch + chrono::Days::new(days);
            assert_eq!(day.to_string(), "2026-11-16");
        }
        other => panic!("the due date is not a date: {other:?}"),
    }
    assert_eq!(rows[1][4], Data::String("terbuka".into()));
    assert_eq!(rows[1][5], Data::String("ya".into()));
    assert_eq!(
        rows[4][1],
        Data::String("=HYPERLINK(\"http://x\",\"klik\")".into()),
        "text, never a formula"
    );
    let sheet1 = part(&xlsx, "xl/worksheets/sheet1.xml");
    assert!(!sheet1.contains("<f>"), "no formula in the register");
    assert!(
        sheet1.contains("state=\"frozen\""),
        "the header row is frozen"
    );
    assert!(sheet1.contains("<col "), "column widths");

    let people = xlsx_rows(&xlsx, "Daftar Hadir");
    assert_eq!(people.len(), 6);
    assert_eq!(
        people[1][4],
        Data::String("197002031995031002".into()),
        "NIP as text"
    );
    assert_eq!(people[5][5], Data::String("tidak hadir".into()));
}

#[test]
fn the_docx_is_dated_by_the_session_not_by_a_fixed_day() {
    let fx = fixed();
    let docx = render(&fx, Format::Docx);
    let core = part(&docx, "docProps/core.xml");
    let day = fx.s.last_at.unwrap().format("%Y-%m-%d").to_string();
    assert!(
        core.contains(&format!(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{day}T"
        )),
        "created on the day of the session's last event ({day}): {core}"
    );
    assert!(!core.contains("2000-01-01"), "{core}");
}

/// LibreOffice, where installed, as the office that opens the files.
pub(crate) fn soffice_or_skip() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    let found = std::env::split_paths(&path)
        .map(|d| d.join("soffice"))
        .find(|p| p.is_file());
    if found.is_none() {
        eprintln!(
            "skipped the LibreOffice check: no soffice on PATH (apt-get install libreoffice-writer-nogui)"
        );
    }
    found
}

#[test]
fn libreoffice_opens_the_docx_and_prints_it_with_its_kop_and_page_numbers() {
    let Some(soffice) = soffice_or_skip() else {
        return;
    };
    let fx = fixed();
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("minutes.docx");
    std::fs::write(&docx, render(&fx, Format::Docx)).unwrap();
    // Its own profile, so a LibreOffice already running elsewhere is not asked.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = std::process::Command::new(soffice)
        .args([
            &profile,
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&docx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("minutes.txt"))
        .unwrap_or_else(|e| panic!("LibreOffice wrote no text ({e}): {out:?}"));
    let text = text.trim_start_matches('\u{feff}');
    for expected in [
        "NOTULEN",
        "Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.",
        "Daftar Hadir",
    ] {
        assert!(
            text.contains(expected),
            "no {expected:?} in what LibreOffice read:\n{text}"
        );
    }
}
