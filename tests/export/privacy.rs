//! What leaves the room: every shared file of a session with a private
//! note, a quote by a participant without consent and a "Pak <first name>"
//! mention, read back with the real parsers — the private text is absent,
//! the quote carries nothing the document resolves, after `--anonymize` no
//! participant's name word remains and a non-participant's name is intact;
//! the internal minutes carry the private note, marked.

use fgd::domain::{Command, NoteKind};
use fgd::export::{self, Format, Options};

use crate::common::Fx;
use crate::export_support::{
    all, check_csv, check_html, check_ics, check_md, fixed_info, one, text_of, wib,
};

const PRIVATE: &str = "Kadis Kesehatan tampak enggan bicara saat Sekda hadir";
const QUOTE: &str = "Kami butuh SOP yang jelas";
const MENTION: &str = "Usul Pak Zulkifli dan Bu Ani didukung; Pak Budi Santoso dari provinsi hadir";

fn person(name: &str, position: &str, unit: &str, consent: bool) -> Command {
    Command::AddParticipant {
        name: name.into(),
        position: Some(position.into()),
        unit: Some(unit.into()),
        code: None,
        nip: Some("197001012000031001".into()),
        consent,
        present: false,
        carried: false,
    }
}

fn session() -> Fx {
    let mut fx = Fx::with_info(fixed_info());
    fx.set(wib(9, 0));
    fx.ok(person(
        "Drs. Zulkifli Lubis, M.Si.",
        "Kepala Bappeda",
        "Bappeda",
        false,
    ));
    fx.ok(person("Ani Rahmawati", "Sekretaris", "Dinas Sosial", true));
    fx.ok(person(
        "dr. Yusuf Siregar",
        "Kepala Dinas",
        "Dinas Kesehatan",
        false,
    ));
    fx.ok(Command::AddAgendaItem {
        title: "Diskusi".into(),
        minutes: 30,
        owner: None,
        questions: vec![],
        position: None,
        origin: None,
        setup: fgd::domain::schedule::ItemSetup::default(),
        presenter: None,
    });
    fx.set(wib(9, 5));
    fx.ok(Command::Start);
    let note = |text: &str, kind, participant: Option<&str>, private| Command::AddNote {
        text: text.into(),
        kind,
        participant: participant.map(Into::into),
        private,
        item: None,
    };
    fx.ok(note(PRIVATE, NoteKind::Observation, Some("P3"), Some(true)));
    fx.ok(note(QUOTE, NoteKind::Quote, Some("P3"), None));
    fx.ok(note(MENTION, NoteKind::Insight, None, Some(false)));
    fx.set(wib(10, 0));
    fx.ok(Command::End);
    fx
}

fn opts(anonymize: bool, internal: bool) -> Options {
    Options {
        lang: None,
        anonymize,
        internal,
        paper: None,
    }
}

#[test]
fn shared_files_hold_no_private_note_and_no_resolvable_quote() {
    let fx = session();
    let dir = tempfile::tempdir().unwrap();
    for anonymize in [false, true] {
        let out = dir.path().join(format!("out-{anonymize}"));
        let paths =
            export::write_all(&fx.s, &fx.log, &out, &Format::ALL, opts(anonymize, false)).unwrap();
        let shared = out.join(&fx.s.info.id);
        let read = |name: &str| std::fs::read_to_string(shared.join(name)).unwrap();
        assert_eq!(paths.len(), 7);
        assert!(paths.iter().any(|p| p.ends_with("internal/session.json")));
        let md = check_md(&read("minutes.md"));
        let doc = check_html(&read("minutes.html"));
        let html = text_of(one(&doc, "body"));
        let csv: String = check_csv(read("actions.csv").as_bytes()).concat().concat();
        check_ics(&read("actions.ics"));
        let ics = read("actions.ics");
        let bytes = |name: &str| std::fs::read(shared.join(name)).unwrap();
        let docx = crate::export_support::docx_text(&bytes("minutes.docx"));
        let xlsx: String = ["Tindak Lanjut", "Daftar Hadir"]
            .iter()
            .flat_map(|s| crate::export_support::xlsx_rows(&bytes("actions.xlsx"), s))
            .flatten()
            .fold(String::new(), |mut s, c| {
                s.push_str(&c.to_string());
                s.push(' ');
                s
            });
        for (name, text) in [
            ("md", &md),
            ("html", &html),
            ("csv", &csv),
            ("ics", &ics),
            ("docx", &docx),
            ("xlsx", &xlsx),
        ] {
            assert!(
                !text.contains("enggan bicara"),
                "{anonymize} {name}: the private note"
            );
            assert!(!text.contains("INTERNAL"), "{anonymize} {name}");
        }
        let quotes = all(&doc, "li.note.quote");
        assert_eq!(quotes.len(), 1);
        let quote = text_of(quotes[0]);
        assert!(
            quote.contains(QUOTE) && quote.contains("(seorang peserta)"),
            "{quote}"
        );
        for resolvable in ["P3", "Yusuf", "Kepala Dinas", "Dinas Kesehatan"] {
            assert!(
                !quote.contains(resolvable),
                "{anonymize}: {resolvable} in {quote}"
            );
        }
        assert!(md.contains("(seorang peserta)"), "{md}");
        if anonymize {
            for word in ["Zulkifli", "Lubis", "Ani", "Rahmawati", "Yusuf", "Siregar"] {
                for (name, text) in [("md", &md), ("html", &html), ("docx", &docx)] {
                    let hit = text
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w == word);
                    assert!(!hit, "{name} names {word} after --anonymize");
                }
            }
            assert!(md.contains("Pak P1 dan Bu P2 didukung"), "{md}");
            assert!(
                html.contains("Pak Budi Santoso dari provinsi"),
                "a non-participant stays"
            );
            assert!(
                md.contains("Pak Budi Santoso dari provinsi"),
                "a non-participant stays"
            );
        }
    }
}

#[test]
fn internal_minutes_carry_the_private_note_marked() {
    let fx = session();
    let dir = tempfile::tempdir().unwrap();
    let paths =
        export::write_all(&fx.s, &fx.log, dir.path(), &Format::ALL, opts(false, true)).unwrap();
    assert_eq!(paths.len(), 10);
    let internal = dir.path().join(&fx.s.info.id).join("internal");
    let md = std::fs::read_to_string(internal.join("minutes.md")).unwrap();
    let text = check_md(&md);
    assert!(
        text.starts_with("INTERNAL — TIDAK UNTUK DIEDARKAN"),
        "{text}"
    );
    let doc = check_html(&std::fs::read_to_string(internal.join("minutes.html")).unwrap());
    let notes: Vec<String> = all(&doc, "li.note").iter().map(|n| text_of(*n)).collect();
    let private = notes.iter().find(|n| n.contains(PRIVATE)).unwrap();
    assert!(
        private.contains("(P3)") && private.ends_with("(privat)"),
        "{private}"
    );
    let quote = notes.iter().find(|n| n.contains(QUOTE)).unwrap();
    assert!(
        quote.contains("(P3)"),
        "internal minutes attribute by code: {quote}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&internal).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
}
