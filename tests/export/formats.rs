//! The five exported files of a fixed session, checked with real parsers:
//! HTML (html5ever), Markdown (pulldown-cmark), CSV (csv), iCalendar (ical)
//! and `session.json` (read back and replayed); every section of the
//! minutes, both languages, quotes by code without consent, private notes,
//! corrections marked revised, the anonymised variant.

use std::collections::BTreeMap;

use crate::export_support::{
    all, check_csv, check_html, check_ics, check_md, fixed, norm, one, planned, prop, text_of,
    unescape_ics,
};
use fgd::domain::{Language, Recorded, Session};
use fgd::export::{self, Format, Options};

fn files(s: &Session, log: &[Recorded], opts: Options) -> BTreeMap<Format, String> {
    let text: Vec<Format> = Format::ALL.into_iter().filter(|f| f.is_text()).collect();
    export::render_all(s, log, &text, opts)
        .into_iter()
        .map(|(f, bytes)| {
            crate::export_support::assert_clean(f.file_name(), &bytes);
            (f, String::from_utf8(bytes).unwrap())
        })
        .collect()
}

fn lang(l: Language) -> Options {
    Options {
        lang: Some(l),
        anonymize: false,
        internal: false,
        paper: None,
    }
}

#[test]
fn every_file_of_the_fixed_session_is_valid_in_both_languages() {
    let fx = fixed();
    for l in [Language::Id, Language::En] {
        let f = files(&fx.s, &fx.log, lang(l));
        check_html(&f[&Format::Html]);
        check_md(&f[&Format::Md]);
        let rows = check_csv(f[&Format::Csv].as_bytes());
        assert_eq!(rows.len(), 1 + fx.s.actions().count());
        assert_eq!(check_ics(&f[&Format::Ics]).len(), fx.s.actions().count());
        let (s, log) = export::json::read(f[&Format::Json].as_bytes()).unwrap();
        assert_eq!(s, fx.s, "session.json replays to the same session");
        assert_eq!(log, fx.log);
    }
}

#[test]
fn html_has_every_section_with_its_content() {
    let fx = fixed();
    let f = files(&fx.s, &fx.log, Options::default());
    let doc = check_html(&f[&Format::Html]);

    html_head_and_participants(&doc);
    html_agenda_and_discussion(&doc, &f[&Format::Html]);
    html_records(&doc);
    html_participation_to_the_end(&doc);
}

/// The letterhead, the head and the participants of the fixed session.
fn html_head_and_participants(doc: &scraper::Html) {
    let letterhead = text_of(one(doc, "header.letterhead"));
    assert_eq!(
        letterhead,
        "Pemerintah Kabupaten Sendangrejo — Badan Perencanaan Pembangunan Daerah"
    );
    let header = text_of(one(doc, "section#header"));
    for want in [
        "NOTULEN",
        "FGD Perubahan Pola Pikir Pelayanan Publik",
        "Focus Group Discussion (FGD)",
        "Senin, 23 November 2026",
        "09.00–10.40 WIB",
        "Ruang Rapat Bappeda",
        "Dr. Ratih Kusumawardani, M.Si. (NIP. 197805122005012003)",
        "Prof. Hendra Wijaya (Universitas Sendangrejo)",
        "Yoga Pratama, S.AP. (NIP. 199301182019031004)",
        "2026-11-09-pola-pikir",
    ] {
        assert!(header.contains(want), "header lacks {want:?}: {header}");
    }

    assert!(
        header.contains("4 orang hadir, 1 orang berhalangan"),
        "{header}"
    );
    assert!(
        all(doc, "section#participants").is_empty(),
        "the shared minutes list the participants once, in the daftar hadir"
    );
}

/// The agenda and the discussion, quotes named only with consent.
fn html_agenda_and_discussion(doc: &scraper::Html, html: &str) {
    let agenda = all(doc, "section#agenda tbody tr");
    assert_eq!(agenda.len(), 7, "six items and the total");
    assert!(text_of(agenda[1]).contains("dari sesi 2026-11-09-pola-pikir"));
    assert!(text_of(agenda[3]).contains("ditunda"));
    assert!(text_of(agenda[5]).contains("dilewati"));
    assert!(text_of(agenda[6]).starts_with("Jumlah 125"));

    let items = all(doc, "section#discussion article");
    assert_eq!(
        items.len(),
        6,
        "six items; the note outside any item is private"
    );
    let third = text_of(items[2]);
    assert!(
        !third.contains("Pertanyaan panduan"),
        "the guide is an appendix"
    );
    for recorded in [
        "Perubahan 1: menunggu disposisi → menjemput bola",
        "Kesimpulan 1: Hambatan utama adalah budaya menunggu perintah",
        "Keputusan 1: Setiap OPD layanan menetapkan satu layanan jemput bola",
    ] {
        assert!(
            third.contains(recorded),
            "item 3 lacks {recorded:?}: {third}"
        );
    }
    let fifth = text_of(items[4]);
    for recorded in [
        "Tindak lanjut 2: Susun SOP",
        "Tindak lanjut 4:",
        "Keputusan 2:",
    ] {
        assert!(
            fifth.contains(recorded),
            "item 5 lacks {recorded:?}: {fifth}"
        );
    }
    assert!(text_of(items[0]).contains("Tidak ada catatan."));
    let guide = text_of(one(doc, "section#guide-questions"));
    assert!(guide.contains("Pembuka: Apa arti \"melayani\" bagi unit Bapak/Ibu?"));
    assert!(!text_of(one(doc, "section#discussion")).contains("Ruang rapat disiapkan"));

    let quotes = all(doc, "li.note.quote");
    assert_eq!(quotes.len(), 2);
    let by_name = text_of(quotes[0]);
    assert!(
        by_name.contains("09.15") && by_name.contains("(Bambang Irawan, S.T.)"),
        "{by_name}"
    );
    let without_consent = text_of(quotes[1]);
    assert!(
        without_consent.contains("09.30")
            && without_consent.contains("(seorang peserta)")
            && !without_consent.contains("P2"),
        "no consent: a participant, nothing the document resolves: {without_consent}"
    );
    assert!(
        !html.contains("(Sri Wahyuningsih"),
        "no consent: never named next to what she said"
    );
}

/// Mindsets, conclusions, decisions, actions and deferred items.
fn html_records(doc: &scraper::Html) {
    let mindsets = all(doc, "section#discussion ul.mindsets li");
    assert_eq!(mindsets.len(), 2);
    let m = text_of(mindsets[0]);
    assert!(m.contains("menunggu disposisi") && m.contains("menjemput bola"));
    assert!(m.contains("Berorientasi Pelayanan, Adaptif") && m.contains("seorang peserta"));
    assert!(
        !m.contains("P2"),
        "no consent: not by code in shared minutes"
    );

    assert_eq!(all(doc, "section#conclusions li").len(), 2);
    assert_eq!(all(doc, "section#decisions li").len(), 2);

    let actions = all(doc, "section#actions tbody tr");
    assert_eq!(actions.len(), 4);
    let carried = text_of(actions[0]);
    assert!(
        carried.contains("lewat batas waktu")
            && carried.contains("16 November 2026")
            && carried.contains("2026-11-09-pola-pikir"),
        "{carried}"
    );
    assert!(text_of(actions[1]).contains("Bambang Irawan, S.T. (P3)"));
    assert!(text_of(actions[1]).contains("30 November 2026"));
    assert!(text_of(actions[3]).contains("Inspektorat Daerah"));

    let deferred = all(doc, "section#deferred tbody tr");
    assert_eq!(deferred.len(), 1);
    assert!(text_of(deferred[0]).contains("Standar pelayanan di kecamatan"));
}

/// The charts, talk time, closing, sign-off and attendance sheet.
fn html_participation_to_the_end(doc: &scraper::Html) {
    let charts = all(doc, "section#participation svg");
    assert_eq!(
        charts.len(),
        1,
        "per participant; no unit has two present, so no chart per unit"
    );
    assert_eq!(
        charts[0]
            .select(&scraper::Selector::parse("rect").unwrap())
            .count(),
        4,
        "the invitee who did not come is no bar"
    );
    let talk = text_of(one(doc, "section#participation"));
    assert!(talk.contains("P2 Sri Wahyuningsih, S.E."), "{talk}");
    assert!(
        talk.contains("Belum berbicara: Maria Lestari Siregar"),
        "{talk}"
    );

    assert!(text_of(one(doc, "section#closing")).contains("Sesi ditutup pukul 10.40 WIB."));
    let sign = text_of(one(doc, "section#sign-off"));
    assert!(sign.contains("Sendangrejo, 23 November 2026"), "{sign}");
    assert!(
        sign.contains("Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya."),
        "{sign}"
    );
    assert!(sign.contains("NIP. 197805122005012003") && sign.contains("NIP. 199301182019031004"));

    let sheet = all(doc, "section#attendance tbody tr");
    assert_eq!(sheet.len(), 5);
    assert_eq!(
        all(doc, "section#attendance td.sign").len(),
        4,
        "a place to sign for each who came"
    );
    assert!(text_of(sheet[4]).contains("tidak hadir"));
    assert!(text_of(sheet[0]).contains("Sekretariat Daerah"));
}

#[test]
fn dates_times_and_labels_follow_the_language() {
    let fx = fixed();
    let id = files(&fx.s, &fx.log, lang(Language::Id));
    let en = files(&fx.s, &fx.log, lang(Language::En));
    for (f, want) in [
        (
            &id,
            [
                "Senin, 23 November 2026",
                "09.00–10.40 WIB",
                "Tindak Lanjut",
                "Daftar Hadir",
            ],
        ),
        (
            &en,
            [
                "Monday, 23 November 2026",
                "09:00–10:40 WIB",
                "Follow-up Actions",
                "Attendance List",
            ],
        ),
    ] {
        for w in want {
            assert!(f[&Format::Md].contains(w), "md lacks {w}");
            assert!(f[&Format::Html].contains(w), "html lacks {w}");
        }
    }
    assert!(en[&Format::Csv].contains("Owner (PIC)"));
    assert!(id[&Format::Csv].contains("Penanggung jawab"));
    let doc = scraper::Html::parse_document(&en[&Format::Html]);
    assert_eq!(one(&doc, "html").value().attr("lang"), Some("en"));
}

#[test]
fn ics_has_one_todo_per_action_with_its_due_date() {
    let fx = fixed();
    let f = files(&fx.s, &fx.log, Options::default());
    let todos = check_ics(&f[&Format::Ics]);
    let actions: Vec<_> = fx.s.actions().collect();
    assert_eq!(todos.len(), actions.len());
    let mut uids = std::collections::HashSet::new();
    for (todo, a) in todos.iter().zip(&actions) {
        assert!(
            uids.insert(prop(todo, "UID").unwrap().to_owned()),
            "UIDs are unique"
        );
        assert_eq!(unescape_ics(prop(todo, "SUMMARY").unwrap()), a.what);
        let due = todo.properties.iter().find(|p| p.name == "DUE");
        match a.due {
            Some(d) => {
                let due = due.expect("a DUE");
                assert_eq!(
                    due.value.as_deref(),
                    Some(d.format("%Y%m%d").to_string().as_str())
                );
                let params = due.params.as_ref().unwrap();
                assert!(params.iter().any(|(k, v)| k == "VALUE" && v == &["DATE"]));
            }
            None => assert!(due.is_none()),
        }
    }
    let dues: Vec<Option<&str>> = todos.iter().map(|t| prop(t, "DUE")).collect();
    assert_eq!(
        dues,
        [Some("20261116"), Some("20261130"), Some("20261207"), None]
    );
    let statuses: Vec<&str> = todos.iter().map(|t| prop(t, "STATUS").unwrap()).collect();
    assert_eq!(
        statuses,
        ["NEEDS-ACTION", "NEEDS-ACTION", "COMPLETED", "NEEDS-ACTION"]
    );
    let desc = unescape_ics(prop(&todos[1], "DESCRIPTION").unwrap());
    assert!(
        desc.contains("Penanggung jawab: Bambang Irawan, S.T. (P3)"),
        "{desc}"
    );
}

#[test]
fn csv_round_trips_through_a_csv_parser() {
    let fx = fixed();
    let f = files(&fx.s, &fx.log, Options::default());
    let rows = check_csv(f[&Format::Csv].as_bytes());
    assert_eq!(
        rows[0],
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
    assert_eq!(
        rows[1],
        [
            "1",
            "Kirim data batas desa ke Bagian Pemerintahan",
            "Dinas PUPR",
            "2026-11-16",
            "terbuka",
            "ya",
            "",
            "2026-11-09-pola-pikir"
        ]
    );
    assert_eq!(
        rows[2],
        [
            "2",
            "Susun SOP layanan jemput bola",
            "Bambang Irawan, S.T. (P3)",
            "2026-11-30",
            "terbuka",
            "",
            "5. Kesimpulan dan rencana tindak lanjut",
            ""
        ]
    );
    assert_eq!(rows[3][4], "selesai");
    assert_eq!(rows[4][3], "");
}

#[test]
fn private_notes_are_only_in_the_internal_minutes_marked() {
    let fx = fixed();
    let private: Vec<&str> =
        fx.s.notes()
            .filter(|n| n.private)
            .map(|n| n.text.as_str())
            .collect();
    assert_eq!(private.len(), 3, "observations and the concern");
    let shared = files(&fx.s, &fx.log, Options::default());
    let md = check_md(&shared[&Format::Md]);
    let html = text_of(one(&check_html(&shared[&Format::Html]), "body"));
    for text in &private {
        assert!(!md.contains(&norm(text)), "shared md holds {text:?}");
        assert!(!html.contains(&norm(text)), "shared html holds {text:?}");
    }
    assert!(!md.contains("INTERNAL") && !html.contains("INTERNAL"));
    let internal = Options {
        internal: true,
        ..Options::default()
    };
    let f = files(&fx.s, &fx.log, internal);
    let md = check_md(&f[&Format::Md]);
    let doc = check_html(&f[&Format::Html]);
    let html = text_of(one(&doc, "body"));
    for text in &private {
        assert!(md.contains(&norm(text)), "internal md lacks {text:?}");
        assert!(html.contains(&norm(text)), "internal html lacks {text:?}");
    }
    let banner = "INTERNAL — TIDAK UNTUK DIEDARKAN";
    assert!(md.starts_with(banner), "{}", &md[..80]);
    assert_eq!(text_of(one(&doc, "#internal")), banner);
    let marked: Vec<String> = all(&doc, "li.note")
        .iter()
        .map(|n| text_of(*n))
        .filter(|t| t.ends_with("(privat)"))
        .collect();
    assert_eq!(marked.len(), 3, "each private note marked: {marked:?}");
}

#[test]
fn corrections_after_the_end_are_marked_revised() {
    let fx = fixed();
    assert!(fx.s.revised);
    for (l, word, note_at, action_at) in [
        (
            Language::Id,
            "direvisi",
            "direvisi 23 Nov 2026 11.00",
            "direvisi 23 Nov 2026 11.05",
        ),
        (
            Language::En,
            "revised",
            "revised 23 Nov 2026 11:00",
            "revised 23 Nov 2026 11:05",
        ),
    ] {
        // The corrected note is private: the internal minutes show it.
        let opts = Options {
            internal: true,
            ..lang(l)
        };
        let f = files(&fx.s, &fx.log, opts);
        let doc = check_html(&f[&Format::Html]);
        let notes = all(&doc, "li.note");
        let revised: Vec<String> = notes
            .iter()
            .map(|n| text_of(*n))
            .filter(|t| t.contains(&format!("({word}")))
            .collect();
        assert_eq!(revised.len(), 1, "{revised:?}");
        assert!(revised[0].contains("suasana cair dan terbuka"));
        assert!(revised[0].contains(&format!("({note_at})")), "{revised:?}");
        let actions = all(&doc, "section#actions tbody tr");
        assert!(text_of(actions[2]).contains(&format!("({action_at})")));
        assert!(!text_of(actions[1]).contains(&format!("({word}")));
        assert!(text_of(one(&doc, "section#header")).contains(word));
        assert_eq!(
            f[&Format::Md].matches(&format!("*({word} ")).count(),
            3,
            "the note, and the action under its item and in the register"
        );
    }
}

#[test]
fn anonymized_minutes_name_participants_by_code_everywhere() {
    let fx = fixed();
    let f = files(
        &fx.s,
        &fx.log,
        Options {
            lang: None,
            anonymize: true,
            internal: false,
            paper: None,
        },
    );
    let names: Vec<String> = fx.s.participants.iter().map(|p| p.name.clone()).collect();
    for (format, body) in &f {
        for name in &names {
            let core = name.split(',').next().unwrap().trim_start_matches("Drs. ");
            assert!(!body.contains(core), "{format}: {core} is named");
        }
        // A PIC typed as a first name, and a name inside a note's text.
        for first in ["Agus", "Wahyuningsih", "Bambang", "Maria", "Yohanes"] {
            assert!(!body.contains(first), "{format}: {first} is named");
        }
        for nip in ["197002031995031002", "197511242001121003"] {
            assert!(!body.contains(nip), "{format}: a participant's NIP");
        }
    }
    let doc = check_html(&f[&Format::Html]);
    assert!(text_of(one(&doc, "section#header")).contains("Versi anonim"));
    let quotes = all(&doc, "li.note.quote");
    assert!(
        text_of(quotes[0]).contains("(P3)"),
        "consent does not name in the anonymised variant"
    );
    assert!(text_of(all(&doc, "section#actions tbody tr")[1]).contains("P3"));
    assert!(
        text_of(one(&doc, "section#sign-off")).contains("Dr. Ratih Kusumawardani"),
        "the chair still signs by name"
    );
    let (s, _) = export::json::read(f[&Format::Json].as_bytes()).unwrap();
    assert!(
        s.participants
            .iter()
            .all(|p| p.name == p.code && p.nip.is_none())
    );
    check_md(&f[&Format::Md]);
    check_csv(f[&Format::Csv].as_bytes());
    check_ics(&f[&Format::Ics]);
}

#[test]
fn a_planned_session_exports_as_a_draft() {
    let fx = planned();
    for l in [Language::Id, Language::En] {
        let f = files(&fx.s, &fx.log, lang(l));
        let doc = check_html(&f[&Format::Html]);
        let header = text_of(one(&doc, "section#header"));
        assert!(
            header.contains("Draf") || header.contains("Draft"),
            "{header}"
        );
        check_md(&f[&Format::Md]);
        assert_eq!(
            check_csv(f[&Format::Csv].as_bytes()).len(),
            1,
            "the header only"
        );
        assert!(check_ics(&f[&Format::Ics]).is_empty());
    }
}
