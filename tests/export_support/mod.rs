//! Shared by the `export_*` tests: a fixed session with fixed timestamps
//! (every section of the minutes has something in it), and checks of each
//! exported file with a real parser: html5ever (through `scraper`) for the
//! HTML, `pulldown-cmark` for the Markdown, the `csv` crate, and the `ical`
//! crate for the calendar.
//!
//! Needs `mod common;` next to `mod export_support;` in the test file.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use fgd::domain::{
    ActionId, ActionStatus, Command, CoreValue, ItemId, Language, NoteId, NoteKind, Person,
    SessionInfo, SessionKind, SpeakKind, Zone,
};

use crate::common::{Fx, add_participant};

/// 2026-11-23 at `h:m` WIB.
pub fn wib(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, h - 7, m, 0).unwrap()
}

/// The settings of the fixed session.
pub fn fixed_info() -> SessionInfo {
    SessionInfo {
        id: "2026-11-23-pola-pikir".into(),
        title: "FGD Perubahan Pola Pikir Pelayanan Publik".into(),
        kind: SessionKind::Fgd,
        language: Language::Id,
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        zone: Zone::WIB,
        venue: Some("Ruang Rapat Bappeda, Jl. Merdeka No. 5, Sendangrejo".into()),
        organizer: Some(
            "Pemerintah Kabupaten Sendangrejo — Badan Perencanaan Pembangunan Daerah".into(),
        ),
        facilitator: Some(Person {
            name: "Dr. Ratih Kusumawardani, M.Si.".into(),
            nip: Some("197805122005012003".into()),
            ..Person::default()
        }),
        notetaker: Some(Person {
            name: "Yoga Pratama, S.AP.".into(),
            nip: Some("199301182019031004".into()),
            ..Person::default()
        }),
        resource_persons: vec!["Prof. Hendra Wijaya (Universitas Sendangrejo)".into()],
        speaker_limit_secs: 180,
        start_time: None,
        follow_up_of: Some("2026-11-09-pola-pikir".into()),
        place: Some("Sendangrejo".into()),
        ..SessionInfo::default()
    }
}

fn person(name: &str, position: &str, unit: &str, nip: Option<&str>, consent: bool) -> Command {
    Command::AddParticipant {
        name: name.into(),
        position: Some(position.into()),
        unit: Some(unit.into()),
        code: None,
        nip: nip.map(Into::into),
        consent,
        present: false,
        carried: false,
    }
}

fn item(title: &str, minutes: u32, owner: Option<&str>, questions: &[&str]) -> Command {
    Command::AddAgendaItem {
        title: title.into(),
        minutes,
        owner: owner.map(Into::into),
        questions: questions.iter().map(|q| (*q).to_owned()).collect(),
        position: None,
        origin: None,
        setup: fgd::domain::schedule::ItemSetup::default(),
        presenter: None,
    }
}

fn note(text: &str, kind: NoteKind, participant: Option<&str>) -> Command {
    Command::AddNote {
        text: text.into(),
        kind,
        participant: participant.map(Into::into),
        private: None,
        item: None,
    }
}

fn action(what: &str, pic: Option<&str>, due: Option<&str>, origin: Option<&str>) -> Command {
    Command::AddAction {
        what: what.into(),
        pic: pic.map(Into::into),
        due: due.map(Into::into),
        item: None,
        origin: origin.map(Into::into),
        carried: None,
    }
}

/// The fixed session, just created at `at`.
fn created(at: DateTime<Utc>) -> Fx {
    let mut fx = Fx {
        s: fgd::domain::Session::default(),
        log: vec![],
        now: at,
    };
    fx.ok(Command::Create { info: fixed_info() });
    fx
}

/// Runs `cmd` at `h:m` WIB; it must be accepted.
fn at(fx: &mut Fx, h: u32, m: u32, cmd: Command) {
    fx.set(wib(h, m));
    fx.ok(cmd);
}

/// The fixed session: a follow-up FGD with five participants (two quoted
/// by name, three by code, one absent), six agenda items (one carried over,
/// one deferred, one skipped), a pause, turns, notes of every kind (a
/// private one, one outside any item, one on two lines), a mindset change,
/// conclusions, decisions, actions (a carried, overdue one; PICs linked and
/// free text), and corrections after the end.
#[expect(
    clippy::too_many_lines,
    reason = "the fixed session is one script of timed commands, read top to bottom like the meeting"
)]
pub fn fixed() -> Fx {
    let mut fx = created(wib(8, 0));
    fx.set(wib(8, 30));
    for cmd in [
        person(
            "Drs. Agus Salim Nugroho, M.M.",
            "Kepala Bagian Organisasi",
            "Sekretariat Daerah",
            Some("197002031995031002"),
            true,
        ),
        person(
            "Sri Wahyuningsih, S.E.",
            "Kepala Bidang Pelayanan",
            "Dinas Kependudukan dan Pencatatan Sipil",
            None,
            false,
        ),
        person(
            "Bambang Irawan, S.T.",
            "Sekretaris Dinas",
            "Dinas Pekerjaan Umum dan Penataan Ruang",
            Some("197511242001121003"),
            true,
        ),
        person(
            "Maria Lestari Siregar",
            "Camat Tirtomulyo",
            "Kecamatan Tirtomulyo",
            None,
            false,
        ),
        person(
            "Yohanes Kurniawan",
            "Kepala Seksi Pendaftaran",
            "Dinas Kependudukan dan Pencatatan Sipil",
            None,
            false,
        ),
        item("Pembukaan", 10, Some("Dr. Ratih Kusumawardani, M.Si."), &[]),
        Command::AddAgendaItem {
            title: "Tinjauan tindak lanjut sesi lalu".into(),
            minutes: 15,
            owner: None,
            questions: vec![],
            position: None,
            origin: Some("2026-11-09-pola-pikir".into()),
            setup: fgd::domain::schedule::ItemSetup::default(),
            presenter: None,
        },
        item(
            "Pola pikir pelayanan: dari dilayani menjadi melayani",
            45,
            Some("Prof. Hendra Wijaya"),
            &[
                "Pembuka: Apa arti \"melayani\" bagi unit Bapak/Ibu?",
                "Kunci: Kebiasaan lama apa yang paling menghambat?",
                "Penutup: Satu perubahan apa yang dimulai minggu depan?",
            ],
        ),
        item(
            "Standar pelayanan di kecamatan",
            30,
            None,
            &["Bagaimana standar pelayanan diumumkan kepada warga?"],
        ),
        item("Kesimpulan dan rencana tindak lanjut", 20, None, &[]),
        item("Doa penutup", 5, None, &[]),
        action(
            "Kirim data batas desa ke Bagian Pemerintahan",
            Some("Dinas PUPR"),
            Some("2026-11-16"),
            Some("2026-11-09-pola-pikir"),
        ),
    ] {
        fx.ok(cmd);
    }
    at(
        &mut fx,
        8,
        50,
        Command::Arrive {
            participant: "P1".into(),
        },
    );
    at(
        &mut fx,
        8,
        51,
        Command::Arrive {
            participant: "P2".into(),
        },
    );
    at(
        &mut fx,
        8,
        52,
        Command::Arrive {
            participant: "P3".into(),
        },
    );
    at(
        &mut fx,
        8,
        55,
        Command::Arrive {
            participant: "P4".into(),
        },
    );
    at(
        &mut fx,
        8,
        58,
        note(
            "Ruang rapat disiapkan; proyektor diuji.",
            NoteKind::Observation,
            None,
        ),
    );
    at(&mut fx, 9, 0, Command::Start);
    at(
        &mut fx,
        9,
        2,
        note(
            "Peserta hadir tepat waktu; suasana cair.",
            NoteKind::Observation,
            None,
        ),
    );
    at(&mut fx, 9, 10, Command::NextItem);
    at(
        &mut fx,
        9,
        12,
        Command::RaiseHand {
            participant: "P3".into(),
            kind: SpeakKind::Topic,
        },
    );
    at(&mut fx, 9, 12, Command::CallNext);
    at(
        &mut fx,
        9,
        15,
        note(
            "Data batas desa sudah kami kirim, tinggal verifikasi.",
            NoteKind::Quote,
            Some("P3"),
        ),
    );
    at(&mut fx, 9, 16, Command::FinishSpeaker);
    at(&mut fx, 9, 25, Command::NextItem);
    at(
        &mut fx,
        9,
        26,
        Command::CallSpeaker {
            participant: "P2".into(),
        },
    );
    at(
        &mut fx,
        9,
        30,
        note(
            "Kami masih menunggu disposisi; itu kebiasaan lama.",
            NoteKind::Quote,
            Some("P2"),
        ),
    );
    at(
        &mut fx,
        9,
        33,
        Command::AddMindset {
            from: "menunggu disposisi".into(),
            to: "menjemput bola".into(),
            values: vec![CoreValue::BerorientasiPelayanan, CoreValue::Adaptif],
            participant: Some("P2".into()),
            item: None,
        },
    );
    at(
        &mut fx,
        9,
        35,
        Command::CallSpeaker {
            participant: "P1".into(),
        },
    );
    at(
        &mut fx,
        9,
        38,
        note(
            "Pelayanan keliling di kecamatan bisa menjadi contoh.\nPerlu jadwal tetap tiap bulan.",
            NoteKind::Insight,
            Some("P1"),
        ),
    );
    at(&mut fx, 9, 40, Command::Pause);
    at(&mut fx, 9, 50, Command::Resume);
    at(&mut fx, 9, 55, Command::FinishSpeaker);
    at(
        &mut fx,
        9,
        57,
        note(
            "Anggaran perjalanan dinas untuk layanan keliling terbatas.",
            NoteKind::Concern,
            Some("P4"),
        ),
    );
    at(
        &mut fx,
        10,
        0,
        Command::AddMindset {
            from: "dilayani".into(),
            to: "melayani".into(),
            values: vec![CoreValue::BerorientasiPelayanan],
            participant: None,
            item: None,
        },
    );
    at(
        &mut fx,
        10,
        2,
        Command::AddDecision {
            text: "Setiap OPD layanan menetapkan satu layanan jemput bola mulai Januari 2027."
                .into(),
            item: None,
            votes: None,
        },
    );
    at(
        &mut fx,
        10,
        4,
        Command::AddConclusion {
            text: "Hambatan utama adalah budaya menunggu perintah, bukan regulasi.".into(),
            item: None,
        },
    );
    at(
        &mut fx,
        10,
        6,
        note(
            "Usul Ibu Maria Lestari Siregar tentang layanan keliling diterima forum.",
            NoteKind::Insight,
            None,
        ),
    );
    at(&mut fx, 10, 10, Command::NextItem);
    at(&mut fx, 10, 20, Command::DeferItem { item: None });
    at(
        &mut fx,
        10,
        21,
        action(
            "Susun SOP layanan jemput bola",
            Some("Bambang"),
            Some("+7d"),
            None,
        ),
    );
    at(
        &mut fx,
        10,
        25,
        action(
            "Rekap data antrean layanan KTP-el",
            Some("P2"),
            Some("2026-12-07"),
            None,
        ),
    );
    at(
        &mut fx,
        10,
        27,
        action(
            "Koordinasi dengan Inspektorat",
            Some("Inspektorat Daerah"),
            None,
            None,
        ),
    );
    at(
        &mut fx,
        10,
        28,
        Command::AddConclusion {
            text: "Standar pelayanan kecamatan dibahas lagi pada sesi berikutnya.".into(),
            item: None,
        },
    );
    at(
        &mut fx,
        10,
        29,
        Command::AddDecision {
            text: "Forum ini bertemu lagi pada 7 Desember 2026.".into(),
            item: None,
            votes: None,
        },
    );
    at(&mut fx, 10, 30, Command::SkipItem { item: ItemId(6) });
    at(&mut fx, 10, 40, Command::End);
    // Corrections after the end.
    at(
        &mut fx,
        11,
        0,
        Command::EditNote {
            note: NoteId(2),
            text: Some("Peserta hadir tepat waktu; suasana cair dan terbuka.".into()),
            kind: None,
            participant: None,
            private: None,
        },
    );
    at(
        &mut fx,
        11,
        5,
        Command::SetActionStatus {
            action: ActionId(3),
            status: ActionStatus::Done,
            note: None,
            due: None,
        },
    );
    fx.check();
    fx
}

/// A session with nothing but its creation and participants (a planned one).
pub fn planned() -> Fx {
    let mut fx = created(wib(8, 0));
    fx.ok(add_participant("Budi Santoso"));
    fx
}

// ------------------------------------------------------------------ checks

/// Whitespace folded to single spaces.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// No control character but newline, carriage return and tab; no bidi
/// override or isolate.
#[track_caller]
pub fn assert_clean(name: &str, bytes: &[u8]) {
    let ext = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let zipped = if ext.as_deref() == Some("docx") {
        Some(docx_text(bytes))
    } else if ext.as_deref() == Some("xlsx") {
        let sheets: Vec<String> = {
            use calamine::Reader;
            let wb: calamine::Xlsx<_> =
                calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
            wb.sheet_names()
        };
        Some(
            sheets
                .iter()
                .flat_map(|s| xlsx_rows(bytes, s))
                .flatten()
                .fold(String::new(), |mut s, c| {
                    s.push_str(&c.to_string());
                    s.push('\n');
                    s
                }),
        )
    } else {
        None
    };
    let text = match &zipped {
        Some(t) => t.as_str(),
        None => std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}")),
    };
    for (i, c) in text.char_indices() {
        let bad = (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{name}: character {c:?} at byte {i}");
    }
}

/// Parses an HTML document with html5ever; there must be no parse error.
#[track_caller]
pub fn parse_html(html: &str) -> scraper::Html {
    let doc = scraper::Html::parse_document(html);
    assert!(doc.errors.is_empty(), "HTML parse errors: {:?}", doc.errors);
    doc
}

/// Every text node of an element, joined and whitespace-folded.
pub fn text_of(el: scraper::ElementRef<'_>) -> String {
    norm(&el.text().collect::<Vec<_>>().join(" "))
}

/// The element matching a CSS selector, exactly one.
#[track_caller]
pub fn one<'a>(doc: &'a scraper::Html, css: &str) -> scraper::ElementRef<'a> {
    let sel = scraper::Selector::parse(css).unwrap();
    let mut hits = doc.select(&sel);
    let first = hits.next().unwrap_or_else(|| panic!("no {css}"));
    assert!(hits.next().is_none(), "more than one {css}");
    first
}

/// Every element matching a CSS selector.
pub fn all<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let sel = scraper::Selector::parse(css).unwrap();
    doc.select(&sel).collect()
}

/// The section ids the HTML minutes may have, in order: the body, the
/// registers, the closing and sign-off, then the appendices.
pub const HTML_SECTIONS: [&str; 19] = [
    "header",
    "participants",
    "agenda",
    "review",
    "discussion",
    "mindsets",
    "conclusions",
    "decisions",
    "scores",
    "jp",
    "ideas",
    "actions",
    "deferred",
    "closing",
    "sign-off",
    "attendance",
    "participation",
    "guide-questions",
    "berita-acara",
];

/// The sections only some kinds of session have (a jury, a bimtek, an
/// innovation lab).
pub const KIND_SECTIONS: [&str; 4] = ["scores", "jp", "ideas", "berita-acara"];

/// The sections every minutes file has, whatever it holds.
pub const HTML_REQUIRED: [&str; 9] = [
    "header",
    "agenda",
    "discussion",
    "conclusions",
    "decisions",
    "actions",
    "closing",
    "sign-off",
    "attendance",
];

/// The section ids of an HTML minutes file, in order.
pub fn section_ids(doc: &scraper::Html) -> Vec<String> {
    all(doc, "main > section")
        .iter()
        .map(|s| s.value().attr("id").unwrap_or("").to_owned())
        .collect()
}

/// The elements the HTML minutes may hold.
fn allowed_element(name: &str) -> bool {
    matches!(
        name,
        "html"
            | "head"
            | "meta"
            | "title"
            | "style"
            | "body"
            | "header"
            | "main"
            | "section"
            | "h1"
            | "h2"
            | "h3"
            | "p"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "th"
            | "td"
            | "ol"
            | "ul"
            | "li"
            | "em"
            | "strong"
            | "span"
            | "br"
            | "q"
            | "article"
            | "figure"
            | "figcaption"
            | "svg"
            | "g"
            | "text"
            | "rect"
            | "div"
            | "footer"
            | "img"
    )
}

/// Checks the structure every HTML minutes file has: parses cleanly, has
/// each section in order, no script or external resource, the attendance
/// sheet on its own printed page, and the two SVG charts.
#[track_caller]
pub fn check_html(html: &str) -> scraper::Html {
    check_html_sections(html, &sections_of("fgd", false))
}

/// The sections a session of `kind` has in its HTML minutes: a jury's
/// results (and, once announced, its berita acara) and no talk time in a
/// KBK; a bimtek's lesson hours.
pub fn sections_of(kind: &str, announced: bool) -> Vec<&'static str> {
    // A kind's own sections only where it has them (a follow-up's review
    // may be in any kind's minutes).
    let mut ids: Vec<&'static str> = HTML_SECTIONS
        .into_iter()
        .filter(|s| !KIND_SECTIONS.contains(s))
        .collect();
    let after = |ids: &mut Vec<&'static str>, at: &str, id| {
        let i = ids.iter().position(|s| *s == at).unwrap();
        ids.insert(i + 1, id);
    };
    match kind {
        "kbk" => {
            ids.retain(|s| *s != "participation");
            after(&mut ids, "decisions", "scores");
            if announced {
                ids.push("berita-acara");
            }
        }
        "bimtek" => after(&mut ids, "decisions", "jp"),
        _ => {}
    }
    ids
}

/// [`check_html`] for minutes with the sections `expected`, in order.
#[track_caller]
pub fn check_html_sections(html: &str, expected: &[&str]) -> scraper::Html {
    let doc = parse_html(html);
    let ids = section_ids(&doc);
    let mut order = expected.iter();
    for id in &ids {
        assert!(
            order.any(|s| s == id),
            "section {id} unknown or out of order: {ids:?}"
        );
    }
    // The sections every minutes file has, and those of its kind.
    let needed = HTML_REQUIRED
        .iter()
        .chain(expected.iter().filter(|id| KIND_SECTIONS.contains(id)));
    for id in needed {
        assert!(ids.iter().any(|s| s == id), "no section {id}: {ids:?}");
    }
    assert!(all(&doc, "script").is_empty(), "a <script> element");
    for el in all(&doc, "*") {
        for (name, value) in el.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "event handler attribute {name} on <{}>",
                el.value().name()
            );
            let embedded = el.value().name() == "img"
                && name == "src"
                && (value.starts_with("data:image/png;base64,")
                    || value.starts_with("data:image/svg+xml;base64,"));
            assert!(
                !matches!(name, "src" | "href") || embedded,
                "external resource {name}={value}"
            );
        }
        assert!(
            allowed_element(el.value().name()),
            "unexpected element <{}>",
            el.value().name()
        );
    }
    let style = text_of(one(&doc, "head > style"));
    assert!(
        style.contains("@page { size: 210mm 297mm") || style.contains("@page { size: 215mm 330mm"),
        "A4 or F4 print stylesheet"
    );
    assert!(
        style.contains("counter(page)") && style.contains("counter(pages)"),
        "page numbers from the stylesheet"
    );
    assert!(style.contains("@media print"), "print stylesheet");
    let attendance = one(&doc, "section#attendance");
    assert!(
        attendance.value().classes().any(|c| c == "page")
            && style.contains(".page { break-before: page"),
        "attendance sheet on its own page"
    );
    doc
}

/// Checks Markdown with a CommonMark parser (GFM tables on): no raw HTML
/// but the `<br>` the renderer puts in table cells, every table row with as
/// many cells as its head. Returns the text content, whitespace-folded.
#[track_caller]
pub fn check_md(md: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut text = String::new();
    let (mut head_cells, mut cells) = (0usize, 0usize);
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            // Text comes in pieces (around escapes): no space between them.
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => {
                assert_eq!(h.trim(), "<br>", "raw HTML in the Markdown: {h:?}");
                text.push(' ');
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::End(TagEnd::TableHead) => {
                head_cells = cells;
                text.push(' ');
            }
            Event::End(TagEnd::TableRow) => {
                assert_eq!(
                    cells, head_cells,
                    "a table row with another number of cells"
                );
            }
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(_) | Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_)) => {
                panic!("a link, image or code block in the Markdown")
            }
            _ => {}
        }
    }
    norm(&text)
}

/// Parses CSV (after its byte-order mark) with the `csv` crate into rows,
/// header first; every row has seven fields.
#[track_caller]
pub fn check_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a UTF-8 byte-order mark");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    assert!(!rows.is_empty(), "no header row");
    for r in &rows {
        assert_eq!(r.len(), 8, "{r:?}");
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run as a formula: {cell:?}"
            );
        }
    }
    rows
}

/// A to-do's property value by name.
pub fn prop<'a>(todo: &'a ical::parser::ical::component::IcalTodo, name: &str) -> Option<&'a str> {
    todo.properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

/// Undoes RFC 5545 TEXT escaping.
pub fn unescape_ics(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Checks an iCalendar file: CRLF line ends, no line over 75 octets, parses
/// with the `ical` crate into one calendar. Returns its to-dos.
#[track_caller]
pub fn check_ics(ics: &str) -> Vec<ical::parser::ical::component::IcalTodo> {
    assert!(ics.ends_with("\r\n"), "CRLF at the end");
    for line in ics.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "a bare line end"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let mut cals = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = cals.next().expect("a calendar").expect("it parses");
    assert!(cals.next().is_none(), "one calendar");
    let version = cal.properties.iter().find(|p| p.name == "VERSION");
    assert_eq!(version.and_then(|p| p.value.as_deref()), Some("2.0"));
    assert!(cal.properties.iter().any(|p| p.name == "PRODID"));
    for todo in &cal.todos {
        for required in ["UID", "DTSTAMP", "SUMMARY", "STATUS"] {
            assert!(
                todo.properties.iter().any(|p| p.name == required),
                "VTODO without {required}"
            );
        }
    }
    cal.todos
}

// ------------------------------------------------------------------ scripts

/// When a scripted session starts: `preferred`, or three hours ago if that
/// is later (an `at` may be at most a few minutes after the real clock, and
/// a script runs for up to about an hour and a half). Create the session a
/// minute before it with `Fgd::new_session_at`.
pub fn start_time(preferred: DateTime<Utc>) -> DateTime<Utc> {
    preferred.min(crate::bin_support::hours_ago(3))
}

/// A minute before `t`: when a replayed session is created.
pub fn minute_before(t: DateTime<Utc>) -> DateTime<Utc> {
    t - chrono::Duration::minutes(1)
}

/// `fgd apply` input: each command with `at` = `base` + its minutes.
pub fn timed(base: DateTime<Utc>, lines: &[(i64, serde_json::Value)]) -> String {
    let mut out = String::new();
    for (min, v) in lines {
        let mut v = v.clone();
        v["at"] = (base + chrono::Duration::minutes(*min)).to_rfc3339().into();
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

// ------------------------------------------------------------ docx, xlsx

/// The text of a `.docx`, read back as Word does: unzipped, its body
/// (`word/document.xml`), headers and footers parsed as XML (a parse error
/// fails the test), the text of every `w:t` in order, a space for each
/// paragraph end, line break and tab, whitespace folded.
#[track_caller]
pub fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .unwrap_or_else(|e| panic!("docx is not a zip package: {e}"));
    let mut names: Vec<String> = zip
        .file_names()
        .map(|n| n.unwrap_or_else(|e| panic!("a part's name is not readable: {e}")))
        .filter(|n| {
            n == "word/document.xml" || xml_part(n, "word/header") || xml_part(n, "word/footer")
        })
        .map(std::borrow::Cow::into_owned)
        .collect();
    names.sort();
    assert!(
        names.iter().any(|n| n == "word/document.xml"),
        "no word/document.xml"
    );
    let mut out = String::new();
    for name in names {
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(&name).unwrap(), &mut xml).unwrap();
        xml_text(&name, &xml, &mut out);
    }
    norm(&out)
}

/// Whether `name` is an XML part of a package whose name starts so.
pub fn xml_part(name: &str, prefix: &str) -> bool {
    name.starts_with(prefix)
        && std::path::Path::new(name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// The text of WordprocessingML `xml` appended to `out`.
#[track_caller]
pub fn xml_text(name: &str, xml: &str, out: &mut String) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == b"w:t" => in_text = true,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:t" => in_text = false,
            Ok(Event::End(e)) if e.name().as_ref() == b"w:p" => out.push(' '),
            Ok(Event::Empty(e)) if matches!(e.name().as_ref(), b"w:br" | b"w:tab") => {
                out.push(' ');
            }
            Ok(Event::Text(t)) if in_text => {
                out.push_str(&t.xml10_content().unwrap_or_else(|e| panic!("{name}: {e}")));
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                let resolved = r
                    .resolve_char_ref()
                    .unwrap_or_else(|e| panic!("{name}: {e}"))
                    .map(String::from)
                    .or_else(|| {
                        let n = r.decode().ok()?;
                        quick_xml::escape::resolve_predefined_entity(&n).map(str::to_owned)
                    })
                    .unwrap_or_else(|| panic!("{name}: unknown entity"));
                out.push_str(&resolved);
            }
            Ok(Event::Eof) => break,
            Err(e) => panic!("{name} is not well-formed XML: {e}"),
            Ok(_) => {}
        }
    }
}

/// The rows of sheet `sheet` of an `.xlsx`, read back with calamine, each
/// cell as text (a date as calamine gives it).
#[track_caller]
pub fn xlsx_rows(bytes: &[u8], sheet: &str) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .unwrap_or_else(|e| panic!("xlsx not readable: {e}"));
    let range = wb
        .worksheet_range(sheet)
        .unwrap_or_else(|e| panic!("no sheet {sheet}: {e}"));
    range.rows().map(<[calamine::Data]>::to_vec).collect()
}
