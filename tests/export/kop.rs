//! The office's kop and the "Mengetahui" signer, from a plan file: the
//! `[letterhead]` table (emblem read beside the plan and embedded), the
//! `approver*` keys and `[minutes] paper`; what a plan gets wrong is said at
//! its line and column and nothing is made. Through `fgd new` and
//! `fgd export`, read back with real parsers.

use crate::bin_support::Fgd;
use crate::export_support::{all, check_html, docx_text, one, text_of};

/// A 2×3 PNG: the smallest real image the plan can point at.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xf1,
    0x4d, 0x00, 0x00, 0x00, 0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x44, 0x50, 0x1a, 0x00, 0x33, 0xf6, 0x07, 0xf9, 0xfd, 0x7e, 0x9b, 0x84, 0x00, 0x00, 0x00, 0x00,
    0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

const PLAN: &str = r#"title = "Rapat Koordinasi Budaya Kerja"
kind = "rapat"
place = "Muara Sengkati"
facilitator = "Dr. Sri Rejeki Handayani, M.Si."
facilitator_nip = "197408172000032001"
facilitator_position = "Kepala Bagian Organisasi"
facilitator_rank = "Pembina (IV/a)"
notetaker = "Fitriani Kurniasih, S.AP."
approver = "Drs. H. Bahtiar Nasution, M.Si."
approver_nip = "196805121994031007"
approver_position = "Sekretaris Daerah"
approver_rank = "Pembina Utama Madya (IV/d)"

[letterhead]
lines = ["Pemerintah Kabupaten Muara Sengkati", "Sekretariat Daerah"]
address = "Jalan Jenderal Sudirman Nomor 1, Muara Sengkati 37351"
phone = "(0746) 21001"
email = "setda@muarasengkatikab.go.id"
emblem = "lambang.png"

[minutes]
paper = "f4"
guide_questions = false

[[participants]]
name = "H. Zulkifli Hasibuan, S.Sos., M.Si."
nip = "197203151998031004"

[[agenda]]
title = "Pembahasan"
minutes = 30
questions = ["Apa yang perlu berubah?"]
"#;

#[test]
fn the_plans_kop_and_approver_reach_the_html_and_the_docx() {
    let fgd = Fgd::new();
    let dir = fgd.data().join("plan");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lambang.png"), PNG).unwrap();
    let plan = dir.join("rakor.toml");
    std::fs::write(&plan, PLAN).unwrap();
    let id = fgd.new_session(&["--plan", plan.to_str().unwrap()]);
    let out = fgd.data().join("out");
    let r = fgd.run(&[
        "export",
        &id,
        "--format",
        "html,docx",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(out.join(&id).join("minutes.html")).unwrap();
    let doc = check_html(&html);
    let kop = one(&doc, "header.kop");
    let img = all(&doc, "header.kop img.emblem");
    assert_eq!(img.len(), 1);
    assert!(
        img[0]
            .value()
            .attr("src")
            .unwrap()
            .starts_with("data:image/png;base64,iVBORw0KGgo"),
        "the emblem embedded"
    );
    let kop = text_of(kop);
    for want in [
        "Pemerintah Kabupaten Muara Sengkati",
        "Sekretariat Daerah",
        "Jalan Jenderal Sudirman Nomor 1",
        "Telepon (0746) 21001",
        "Surel setda@muarasengkatikab.go.id",
    ] {
        assert!(kop.contains(want), "kop lacks {want:?}: {kop}");
    }
    let style = text_of(one(&doc, "head > style"));
    assert!(style.contains("size: 215mm 330mm"), "the plan's F4");
    assert!(
        all(&doc, "section#guide-questions").is_empty(),
        "left out by the plan"
    );
    let sign = text_of(one(&doc, "section#sign-off"));
    for want in [
        "Muara Sengkati,",
        "Kepala Bagian Organisasi",
        "Pembina (IV/a)",
        "Mengetahui,",
        "Sekretaris Daerah",
        "Drs. H. Bahtiar Nasution, M.Si.",
        "NIP. 196805121994031007",
    ] {
        assert!(sign.contains(want), "sign-off lacks {want:?}: {sign}");
    }
    let sheet = text_of(one(&doc, "section#attendance"));
    assert!(
        sheet.contains("197203151998031004"),
        "NIP in the daftar hadir"
    );

    docx_has_the_kop_and_the_approver(&std::fs::read(out.join(&id).join("minutes.docx")).unwrap());

    let r = fgd.run(&[
        "export",
        &id,
        "--format",
        "html",
        "--paper",
        "a4",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(out.join(&id).join("minutes.html")).unwrap();
    assert!(
        html.contains("size: 210mm 297mm"),
        "--paper overrides the plan"
    );
}

#[test]
fn a_bad_emblem_or_paper_is_an_error_at_its_place_and_makes_nothing() {
    let fgd = Fgd::new();
    let dir = fgd.data().join("plan");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lambang.png"), b"not an image").unwrap();
    let plan = dir.join("rakor.toml");
    std::fs::write(&plan, PLAN.replace("paper = \"f4\"", "paper = \"a5\"")).unwrap();
    let r = fgd.run(&["plan", "check", plan.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("rakor.toml:19:10: emblem"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("neither PNG nor SVG"), "{}", r.stderr);
    assert!(
        r.stderr.contains("unknown paper `a5`; use a4 or f4"),
        "{}",
        r.stderr
    );
    std::fs::remove_file(dir.join("lambang.png")).unwrap();
    let r = fgd.run(&["new", "--plan", plan.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("can't read emblem"), "{}", r.stderr);
    let r = fgd.run(&["list"]);
    assert!(r.stdout.trim().is_empty(), "nothing made: {}", r.stdout);
}

fn docx_has_the_kop_and_the_approver(docx: &[u8]) {
    let text = docx_text(docx);
    assert!(
        text.contains("PEMERINTAH KABUPATEN MUARA SENGKATI"),
        "{text}"
    );
    assert!(text.contains("Mengetahui,") && text.contains("Pembina Utama Madya (IV/d)"));
    let zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    assert!(
        zip.file_names()
            .any(|n| n.unwrap().starts_with("word/media/")),
        "the emblem in the docx"
    );
}
