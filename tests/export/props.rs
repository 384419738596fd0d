//! Property tests of the export: for random sessions (random command
//! sequences with hostile and random text in every field, valid or not),
//! every note, quote, decision, conclusion and action appears in the
//! Markdown and the HTML as text (read back with a CommonMark parser and an
//! HTML5 parser), the CSV and calendar parse with one row and one to-do per
//! action, nothing a format would run or hide gets through, and
//! `import(export(session))` gives back the same session.
//!
//! `FGD_PROPTEST_CASES` sets the number of cases (default 48) and
//! `FGD_PROPTEST_SEED` the seed (fixed by default).

use crate::export_support::{check_csv, check_html, check_ics, check_md, norm, one, text_of};
use chrono::Duration;
use fgd::domain::{
    ActionId, ActionStatus, Actor, Command, CoreValue, Language, NoteId, NoteKind, SpeakKind,
};
use fgd::export::{self, Format, Options};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{RngAlgorithm, RngSeed};

fn config() -> ProptestConfig {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    ProptestConfig {
        cases: env("FGD_PROPTEST_CASES").map_or(48, |n| u32::try_from(n).unwrap_or(u32::MAX)),
        rng_algorithm: RngAlgorithm::XorShift,
        rng_seed: RngSeed::Fixed(env("FGD_PROPTEST_SEED").unwrap_or(0x0e59_0a7e)),
        failure_persistence: None,
        max_shrink_time: 60_000,
        ..ProptestConfig::default()
    }
}

/// Text that tries every format's syntax, or random printable text with
/// newlines, or Unicode.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ,.;:!?'\"<>&|`*_#=+@\\\\\\-\\[\\]()~/\n\t]{1,30}",
        2 => select(&[
            "<script>alert('x')</script>",
            "=HYPERLINK(\"http://x.example\",\"klik\")",
            "+62 812 3456",
            "-1 poin",
            "@SUM(A1:A9)",
            "| a | b |\n|---|---|",
            "baris satu\nbaris dua\n\n- bukan daftar",
            "# bukan judul",
            "1. bukan daftar",
            "```\nkode\n```",
            "`kode` **tebal** _miring_ [tautan](http://x.example)",
            "&amp; &lt; R&D &#39;",
            "teks\u{1b}[31mmerah\u{1b}[0m\u{7}",
            "evil\u{202e}gnp.exe \u{2066}x\u{2069}",
            "a;b,c\\d",
            "王小明说：服务第一 👩🏽‍💼 e\u{301}",
            "---",
            "> kutipan palsu",
            "   spasi di depan",
        ])
        .prop_map(String::from),
    ]
    .boxed()
}

fn who() -> BoxedStrategy<Option<String>> {
    prop::option::of(select(&["P1", "P2", "P3", "P4", "P9"]).prop_map(String::from)).boxed()
}

#[derive(Debug, Clone)]
enum Step {
    Person(String, bool),
    Arrive(usize),
    Item(String, Vec<String>),
    Start,
    Pause,
    Resume,
    Next,
    Defer,
    End,
    Speak(usize),
    Finish,
    Note(String, NoteKind, Option<String>, Option<bool>),
    Mindset(String, String, Vec<CoreValue>, Option<String>),
    Decision(String),
    Conclusion(String),
    Action(String, Option<String>, Option<String>),
    EditNote(u32, String),
    EditAction(u32, String),
    Status(u32, ActionStatus),
    RemoveNote(u32),
    Undo,
    Wait(i64),
}

fn step() -> impl Strategy<Value = Step> {
    let kind = select(&[
        NoteKind::Observation,
        NoteKind::Quote,
        NoteKind::Insight,
        NoteKind::Concern,
    ]);
    let status = select(&[
        ActionStatus::Open,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ]);
    prop_oneof![
        3 => (text(), any::<bool>()).prop_map(|(n, c)| Step::Person(n, c)),
        1 => (1usize..6).prop_map(Step::Arrive),
        2 => (text(), prop::collection::vec(text(), 0..3)).prop_map(|(t, q)| Step::Item(t, q)),
        2 => Just(Step::Start),
        1 => Just(Step::Pause),
        1 => Just(Step::Resume),
        2 => Just(Step::Next),
        1 => Just(Step::Defer),
        1 => Just(Step::End),
        2 => (1usize..6).prop_map(Step::Speak),
        1 => Just(Step::Finish),
        6 => (text(), kind, who(), prop::option::of(any::<bool>()))
            .prop_map(|(t, k, p, private)| Step::Note(t, k, p, private)),
        2 => (text(), text(), prop::collection::vec(select(CoreValue::ALL.to_vec()), 0..3), who())
            .prop_map(|(f, t, v, p)| Step::Mindset(f, t, v, p)),
        2 => text().prop_map(Step::Decision),
        2 => text().prop_map(Step::Conclusion),
        4 => (
            text(),
            prop::option::of(prop_oneof![who().prop_map(Option::unwrap_or_default), text()]),
            prop::option::of(select(&["2026-12-01", "+7d", "2025-01-01"]).prop_map(String::from)),
        )
            .prop_map(|(w, p, d)| Step::Action(w, p, d)),
        1 => (1u32..5, text()).prop_map(|(i, t)| Step::EditNote(i, t)),
        1 => (1u32..5, text()).prop_map(|(i, t)| Step::EditAction(i, t)),
        1 => (1u32..5, status).prop_map(|(i, s)| Step::Status(i, s)),
        1 => (1u32..5).prop_map(Step::RemoveNote),
        1 => Just(Step::Undo),
        3 => (1i64..900).prop_map(Step::Wait),
    ]
}

#[expect(clippy::too_many_lines, reason = "a table: one arm per step")]
fn command(step: Step) -> Option<Command> {
    Some(match step {
        Step::Person(name, consent) => Command::AddParticipant {
            name,
            position: Some("Kepala <Seksi> | =A1".into()),
            unit: Some(if consent { "Dinas A & B" } else { "Unit `C`" }.into()),
            code: None,
            nip: None,
            consent,
            present: false,
            carried: false,
        },
        Step::Arrive(i) => Command::Arrive {
            participant: format!("P{i}"),
        },
        Step::Item(title, questions) => Command::AddAgendaItem {
            title,
            minutes: 10,
            owner: Some("Pemandu | *x*".into()),
            questions,
            position: None,
            origin: None,
            setup: fgd::domain::schedule::ItemSetup::default(),
            presenter: None,
        },
        Step::Start => Command::Start,
        Step::Pause => Command::Pause,
        Step::Resume => Command::Resume,
        Step::Next => Command::NextItem,
        Step::Defer => Command::DeferItem { item: None },
        Step::End => Command::End,
        Step::Speak(i) => Command::RaiseHand {
            participant: format!("P{i}"),
            kind: SpeakKind::Topic,
        },
        Step::Finish => Command::CallNext,
        Step::Note(text, kind, participant, private) => Command::AddNote {
            text,
            kind,
            participant,
            private,
            item: None,
        },
        Step::Mindset(from, to, values, participant) => Command::AddMindset {
            from,
            to,
            values,
            participant,
            item: None,
        },
        Step::Decision(text) => Command::AddDecision {
            text,
            item: None,
            votes: None,
        },
        Step::Conclusion(text) => Command::AddConclusion { text, item: None },
        Step::Action(what, pic, due) => Command::AddAction {
            what,
            pic,
            due,
            item: None,
            origin: None,
            carried: None,
        },
        Step::EditNote(i, text) => Command::EditNote {
            note: NoteId(i),
            text: Some(text),
            kind: None,
            participant: None,
            private: None,
        },
        Step::EditAction(i, what) => Command::EditAction {
            action: ActionId(i),
            what: Some(what),
            pic: None,
            due: None,
        },
        Step::Status(i, status) => Command::SetActionStatus {
            action: ActionId(i),
            status,
            note: None,
            due: None,
        },
        Step::RemoveNote(i) => Command::RemoveNote { note: NoteId(i) },
        Step::Undo => Command::Undo,
        Step::Wait(_) => return None,
    })
}

/// A random session: the fixed session's settings, then the steps (refused
/// ones change nothing).
fn session(steps: Vec<Step>) -> crate::common::Fx {
    let mut fx = crate::common::Fx::new();
    for step in steps {
        if let Step::Wait(secs) = step {
            fx.now += Duration::seconds(secs);
        } else if let Some(cmd) = command(step) {
            let _ = fx.exec(Actor::Script, cmd);
        }
    }
    fx
}

/// What must be findable as text in the minutes.
fn texts(fx: &crate::common::Fx) -> Vec<String> {
    let s = &fx.s;
    s.notes()
        .map(|n| n.text.clone())
        .chain(s.decisions().map(|d| d.text.clone()))
        .chain(s.conclusions().map(|c| c.text.clone()))
        .chain(s.actions().map(|a| a.what.clone()))
        .chain(s.mindsets().flat_map(|m| [m.from.clone(), m.to.clone()]))
        .chain(s.agenda.iter().map(|i| i.title.clone()))
        .chain(s.participants().map(|p| p.name.clone()))
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn everything_recorded_is_in_the_minutes_and_import_gives_the_session_back(
        steps in prop::collection::vec(step(), 0..60),
        en in any::<bool>(),
    ) {
        let fx = session(steps);
        let lang = if en { Language::En } else { Language::Id };
        let files: std::collections::BTreeMap<Format, Vec<u8>> = export::render_all(
            &fx.s,
            &fx.log,
            &Format::ALL,
            Options { lang: Some(lang), anonymize: false, internal: true, paper: None },
        )
        .into_iter()
        .collect();
        for (f, bytes) in files.iter().filter(|(f, _)| f.is_text()) {
            crate::export_support::assert_clean(f.file_name(), bytes);
        }
        let docx = crate::export_support::docx_text(&files[&Format::Docx]);
        let md = check_md(std::str::from_utf8(&files[&Format::Md]).unwrap());
        let doc = check_html(std::str::from_utf8(&files[&Format::Html]).unwrap());
        let html = text_of(one(&doc, "body"));
        for t in texts(&fx) {
            let t = norm(&t);
            prop_assert!(md.contains(&t), "not in the Markdown: {:?}", t);
            prop_assert!(html.contains(&t), "not in the HTML: {:?}", t);
            prop_assert!(docx.contains(&t), "not in the docx: {:?}", t);
        }
        let rows = check_csv(&files[&Format::Csv]);
        prop_assert_eq!(rows.len(), 1 + fx.s.actions().count());
        for (row, a) in rows[1..].iter().zip(fx.s.actions()) {
            let what = a.what.strip_prefix(['=', '+', '-', '@']).map_or_else(
                || a.what.clone(),
                |_| format!("'{}", a.what),
            );
            prop_assert_eq!(&row[1], &what);
        }
        let todos = check_ics(std::str::from_utf8(&files[&Format::Ics]).unwrap());
        prop_assert_eq!(todos.len(), fx.s.actions().count());
        for (todo, a) in todos.iter().zip(fx.s.actions()) {
            // The `ical` crate drops a value's leading colons (RFC 5545 keeps
            // them): compare without.
            let want = a.what.replace('\t', " ");
            let want = want.trim_start_matches(':');
            let summary = crate::export_support::prop(todo, "SUMMARY").unwrap_or_default();
            prop_assert_eq!(crate::export_support::unescape_ics(summary), want);
        }

        let (back, log) = export::json::import(&files[&Format::Json]).unwrap();
        prop_assert_eq!(&back, &fx.s);
        prop_assert_eq!(&log, &fx.log);

        // The anonymised variant names no participant anywhere.
        let anon = export::render_all(
            &fx.s,
            &fx.log,
            &[Format::Md, Format::Html],
            Options { lang: Some(lang), anonymize: true, internal: false, paper: None },
        );
        check_md(std::str::from_utf8(&anon[0].1).unwrap());
        check_html(std::str::from_utf8(&anon[1].1).unwrap());
    }
}
