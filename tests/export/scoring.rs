//! A jury session and a bimtek through `fgd apply` and `fgd export`, read
//! back with real parsers: the ranking (ties marked) and the berita acara
//! signed by every juror in the HTML (html5ever) and the Markdown
//! (pulldown-cmark), nothing of the scores before the announcement, vote
//! counts beside a decision, and a bimtek's lesson hours per resource person.

use crate::bin_support::{Fgd, hours_ago};
use crate::export_support::{all, check_md, minute_before, one, sections_of, text_of, timed};
use serde_json::{Value, json};

const KBK: &str = "sessions/kbk-gelar-budaya-kerja.toml";
const BIMTEK: &str = "sessions/bimtek-budaya-kerja.toml";

/// Scores of three presenters by three jurors on the six criteria: P1 and
/// P3 get the same, P2 less.
fn scores() -> Vec<(i64, Value)> {
    let mut out = vec![(0, json!({"cmd":"start"}))];
    for (p, base) in [("P1", 80), ("P2", 70), ("P3", 80)] {
        for j in ["J1", "J2", "J3"] {
            for c in 1..=6 {
                let v = base + c;
                out.push((1, json!({"cmd":"score","juror":j,"presenter":p,"criterion":c.to_string(),"value":v})));
            }
        }
    }
    out.push((
        2,
        json!({"cmd":"add_decision","text":"Dua KBK terbaik mewakili kabupaten","votes":{"for":18,"against":2,"abstain":1}}),
    ));
    out
}

/// A KBK's sections; no mindset shift was recorded, so none of theirs.
fn kbk_sections(announced: bool) -> Vec<&'static str> {
    let mut ids = sections_of("kbk", announced);
    ids.retain(|s| *s != "mindsets");
    ids
}

fn export(fgd: &Fgd, id: &str, lang: &str) -> (scraper::Html, String, String) {
    let out = fgd.data().join(format!("out-{lang}"));
    let r = fgd.run(&[
        "export",
        id,
        "--lang",
        lang,
        "--format",
        "md,html",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let html = std::fs::read_to_string(out.join(id).join("minutes.html")).unwrap();
    let md = std::fs::read_to_string(out.join(id).join("minutes.md")).unwrap();
    (crate::export_support::parse_html(&html), md, html)
}

fn jury_session() -> (Fgd, String) {
    let fgd = Fgd::new();
    let base = hours_ago(3);
    let id = fgd.new_session_at(KBK, minute_before(base));
    let r = fgd.run_with_input(&["apply", &id], &timed(base, &scores()));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    (fgd, id)
}

#[test]
fn no_score_is_in_the_minutes_before_the_announcement() {
    let (fgd, id) = jury_session();
    let (doc, md, html) = export(&fgd, &id, "id");
    crate::export_support::check_html_sections(&html, &kbk_sections(false));
    let scores = text_of(one(&doc, "section#scores"));
    assert!(scores.contains("Nilai belum diumumkan."), "{scores}");
    assert!(all(&doc, "section#berita-acara").is_empty());
    for figure in ["83,20", "73,20", "Peringkat"] {
        assert!(!md.contains(figure), "{figure} before the announcement");
        assert!(!html.contains(figure), "{figure} before the announcement");
    }
}

#[test]
fn the_ranking_marks_ties_and_the_berita_acara_has_every_juror() {
    let (fgd, id) = jury_session();
    let r = fgd.run_with_input(&["apply", &id], "{\"cmd\":\"announce_scores\"}\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    for lang in ["id", "en"] {
        let (doc, md, html) = export(&fgd, &id, lang);
        crate::export_support::check_html_sections(&html, &kbk_sections(true));
        let rows: Vec<Vec<String>> = all(&doc, "section#scores table.ranking tbody tr")
            .iter()
            .map(|tr| tr.child_elements().map(|td| text_of(td)).collect())
            .collect();
        let (tie, sep) = if lang == "id" {
            ("seri", ',')
        } else {
            ("tie", '.')
        };
        // 81…86 weighted 15, 20, 25, 20, 10, 10: 83.20; 71…76: 73.20.
        let total = |whole: u32| format!("{whole}{sep}20");
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[0][0], format!("1 ({tie})"));
        assert_eq!(rows[1][0], format!("1 ({tie})"));
        assert_eq!(rows[2][0], "3");
        assert_eq!(
            (rows[0][3].clone(), rows[2][3].clone()),
            (total(83), total(73))
        );
        assert!(
            rows[0][1].starts_with("Yohana") && rows[1][1].starts_with("Nurlela"),
            "{rows:?}"
        );
        assert!(rows[2][1].starts_with("La Ode"), "{rows:?}");
        // Each presenter's scores per criterion and juror.
        let detail = text_of(one(&doc, "section#scores"));
        assert!(detail.contains("J1 81 · J2 81 · J3 81"), "{detail}");

        let ba = one(&doc, "section#berita-acara");
        assert!(ba.value().classes().any(|c| c == "page"), "on its own page");
        let signed = text_of(ba);
        for (name, nip) in [
            ("Ir. Johanis Pattiasina, M.T.", "196911131995031002"),
            ("Dra. Wa Ode Nurjannah Ely, M.Si.", "197207241998032003"),
            ("Abdullah Rumalutur, S.E., M.M.", "197501192001121002"),
        ] {
            assert!(
                signed.contains(name) && signed.contains(nip),
                "{name} in {signed}"
            );
        }
        assert_eq!(
            all(&doc, "section#berita-acara table.ranking tbody tr").len(),
            3
        );
        assert!(signed.contains("Wairasa"), "the place of signing");
        assert_opens_with_the_day(&fgd, &id, &signed, lang);

        let text = check_md(&md);
        assert!(
            text.contains(&format!("1 ({tie})")),
            "{lang}: tie in the md"
        );
        assert!(
            text.contains("Abdullah Rumalutur, S.E., M.M."),
            "{lang}: juror in the md"
        );
        assert!(!text.contains("Partisipasi") && !text.contains("Participation"));
    }
}

/// A berita acara names the day of the session: "Pada hari ini Rabu,
/// 2 Desember 2026, bertempat di …".
fn assert_opens_with_the_day(fgd: &Fgd, id: &str, signed: &str, lang: &str) {
    let path = fgd.data().join("sessions").join(id).join("session.json");
    let session = fgd::export::json::read(&std::fs::read(path).unwrap())
        .unwrap()
        .0;
    let (opening, language) = if lang == "id" {
        ("Pada hari ini", fgd::domain::Language::Id)
    } else {
        ("On", fgd::domain::Language::En)
    };
    let day = fgd::i18n::date_long(session.date(), language);
    assert!(
        signed.contains(&format!("{opening} {day}, ")),
        "{lang}: the berita acara opens with {day}: {signed}"
    );
}

#[test]
fn vote_counts_stand_beside_the_decision_in_md_and_html() {
    let (fgd, id) = jury_session();
    for (lang, words) in [
        ("id", "(setuju 18, tidak setuju 2, abstain 1)"),
        ("en", "(for 18, against 2, abstaining 1)"),
    ] {
        let (doc, md, _) = export(&fgd, &id, lang);
        let decision = text_of(one(&doc, "section#decisions li"));
        assert!(
            decision.contains("Dua KBK terbaik") && decision.contains(words),
            "{decision}"
        );
        let text = check_md(&md);
        assert!(text.contains(words), "{lang}: {text}");
    }
}

#[test]
fn a_bimtek_counts_lesson_hours_per_resource_person() {
    let fgd = Fgd::new();
    let base = hours_ago(8);
    let id = fgd.new_session_at(BIMTEK, minute_before(base));
    // Opening 20′, arahan 45′, materi 1 90′, its Q&A 30′, then the rest skipped.
    let mut lines = vec![(0, json!({"cmd":"start"}))];
    for at in [20, 65, 155, 185] {
        lines.push((at, json!({"cmd":"next_item"})));
    }
    lines.push((186, json!({"cmd":"end"})));
    let r = fgd.run_with_input(&["apply", &id], &timed(base, &lines));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let (doc, md, html) = export(&fgd, &id, "id");
    crate::export_support::check_html_sections(&html, &sections_of("bimtek", false));
    let rows: Vec<Vec<String>> = all(&doc, "section#jp table tbody tr")
        .iter()
        .map(|tr| tr.child_elements().map(|td| text_of(td)).collect())
        .collect();
    // Three resource persons own items; the chair's items are not counted.
    assert_eq!(rows.len(), 4, "three and the total: {rows:?}");
    assert_eq!(rows[3], ["", "Jumlah", "", "285", "6,3", "165", "3,7"]);
    assert!(rows[0][1].starts_with("Dra. Endang"), "{rows:?}");
    assert_eq!(&rows[0][3..], ["45", "1,0", "45", "1,0"]);
    assert!(rows[1][1].starts_with("Dr. Hartono"), "{rows:?}");
    assert!(rows[1][2].contains("Materi 1") && rows[1][2].contains("Tanya jawab Materi 1"));
    assert_eq!(&rows[1][3..], ["120", "2,7", "120", "2,7"]);
    assert_eq!(&rows[2][3..], ["120", "2,7", "0", "0,0"], "not reached");
    let text = check_md(&md);
    assert!(text.contains("Jam Pelajaran per Narasumber") && text.contains("1 JP = 45 menit."));
}

#[test]
fn a_session_json_of_version_2_still_imports() {
    let fgd = Fgd::new();
    let base = hours_ago(3);
    let id = fgd.new_session_at("sessions/obsesi-tupoksi.toml", minute_before(base));
    let r = fgd.run_with_input(
        &["apply", &id],
        &timed(base, &[(0, json!({"cmd":"start"}))]),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let backup = fgd.data().join("sessions").join(&id).join("session.json");
    let mut v: Value = serde_json::from_slice(&std::fs::read(&backup).unwrap()).unwrap();
    assert_eq!(v["version"], 3);
    v["version"] = 2.into();
    let other = Fgd::new();
    let file = other.data().join("old.json");
    std::fs::create_dir_all(other.data()).unwrap();
    std::fs::write(&file, v.to_string()).unwrap();
    let r = other.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), id);
}

#[test]
fn an_innovation_lab_groups_ideas_and_their_rencana_aksi_per_team() {
    let fgd = Fgd::new();
    let base = hours_ago(3);
    let id = fgd.new_session_at("sessions/labinov-diagnose-design.toml", minute_before(base));
    let lines = [
        (0, json!({"cmd":"start"})),
        (
            1,
            json!({"cmd":"add_idea","title":"Izin usaha mikro satu hari","team":"DPMPTSP"}),
        ),
        (
            2,
            json!({"cmd":"add_idea","title":"KTP-el jemput bola","problem":"Desa jauh","team":"Disdukcapil","proposer":"P3"}),
        ),
        (
            3,
            json!({"cmd":"add_idea","title":"Akta lahir di puskesmas","team":"Disdukcapil"}),
        ),
        (4, json!({"cmd":"prioritise_idea","idea":2,"dots":7})),
        (4, json!({"cmd":"prioritise_idea","idea":3,"dots":2})),
        (
            5,
            json!({"cmd":"add_action","what":"Keliling 12 desa","pic":"P3"}),
        ),
        (
            6,
            json!({"cmd":"plan_action","action":1,"idea":2,"indicator":"300 KTP-el","resources":"1 mobil","schedule":"Februari–April 2027"}),
        ),
    ];
    let r = fgd.run_with_input(&["apply", &id], &timed(base, &lines));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let (doc, md, _) = export(&fgd, &id, "id");
    let section = one(&doc, "section#ideas");
    let heads: Vec<String> = all(&doc, "section#ideas h3")
        .iter()
        .map(|h| text_of(*h))
        .collect();
    assert_eq!(heads.len(), 2, "{heads:?}");
    assert!(
        heads[0].ends_with("DPMPTSP") && heads[1].ends_with("Disdukcapil"),
        "{heads:?}"
    );
    let tables = all(&doc, "section#ideas table");
    assert_eq!(tables.len(), 3, "two idea tables and one rencana aksi");
    let disdukcapil: Vec<String> = tables[1]
        .select(&scraper::Selector::parse("tbody tr").unwrap())
        .map(|tr| text_of(tr))
        .collect();
    assert!(
        disdukcapil[0].contains("KTP-el jemput bola") && disdukcapil[0].ends_with('7'),
        "most dots first: {disdukcapil:?}"
    );
    assert!(disdukcapil[1].contains("Akta lahir"), "{disdukcapil:?}");
    let plan = text_of(tables[2]);
    for cell in [
        "2. KTP-el jemput bola",
        "Keliling 12 desa",
        "Februari–April 2027",
        "300 KTP-el",
        "1 mobil",
    ] {
        assert!(plan.contains(cell), "{cell} in {plan}");
    }
    assert!(text_of(section).contains("Rencana aksi"));
    assert!(check_md(&md).contains("Ide Inovasi dan Rencana Aksi"));
}
