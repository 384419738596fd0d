//! Hostile text in every field — HTML (`<script>`), spreadsheet formulas
//! (`=HYPERLINK(..)`, `+`, `-`, `@`), Markdown (`| pipe`, backticks, `#`,
//! `-` at a line start, newlines in table cells), iCalendar (`; , \`),
//! terminal escape sequences and bidi overrides — through a plan file and
//! `fgd apply`, then `fgd export` in both languages, plain and anonymised.
//! Every file is read with its real parser: the text comes back as text,
//! nothing runs, no table breaks, no cell is a formula, and no control
//! character or bidi override is in any file.
//!
//! The same text typed into every field of every form, and hidden in every
//! text of a `session.json` given to `fgd import`, is cleaned on the way in:
//! it reaches neither the session, nor the screen (every cell of the live
//! view, at two sizes and with a form open), nor any exported file.

use std::path::Path;

use crate::bin_support::Fgd;
use crate::export_support::{
    assert_clean, check_csv, check_html, check_ics, check_md, norm, one, prop, text_of,
    unescape_ics,
};
use fgd::domain::text::{clean, clean_line};
use ratatui::buffer::Buffer;

/// One-line hostile text (each field gets its own tag so it can be found).
fn evil(tag: &str) -> String {
    format!(
        "{tag} <script>alert('x')</script> <img src=x onerror=alert(1)> | pipe | `tick` \
         *star* _under_ [link](http://x.example) &amp; R&D \u{1b}[31mred\u{1b}[0m \
         \u{1b}]0;title\u{7}\u{202e}rtl\u{2066}iso\u{2069} a;b,c\\d"
    )
}

/// Multi-line hostile text: lines that would open Markdown blocks.
fn evil_text(tag: &str) -> String {
    format!(
        "{}\n# not a heading\n- not a list\n1. not a list\n---\n> not a quote\n```\n| a | b |\n|---|---|",
        evil(tag)
    )
}

fn toml_str(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn plan() -> String {
    let s = |tag: &str| toml_str(&evil(tag));
    format!(
        r#"title = {title}
kind = "fgd"
language = "id"
date = "2026-11-23"
timezone = "WITA"
venue = {venue}
organizer = {organizer}
facilitator = {facilitator}
facilitator_nip = {fnip}
notetaker = {notetaker}
notetaker_nip = {nnip}
resource_persons = [{rp}]

[[participants]]
name = {p1}
position = {pos1}
unit = {unit1}
nip = {nip1}
consent = true

[[participants]]
name = {p2}
position = "=cmd|' /C calc'!A0"
unit = "@SUM(A1:A9)"

# A third participant sharing the first's position and unit, so the
# anonymised tables keep them (a unit of one would show "—").
[[participants]]
name = "Sari Wulandari"
position = {pos1}
unit = {unit1}

[[agenda]]
title = {item1}
minutes = 30
owner = {owner}
questions = [{q1}]

[[agenda]]
title = {item2}
minutes = 15
"#,
        title = s("TITLE"),
        venue = s("VENUE"),
        organizer = s("ORGANIZER"),
        facilitator = s("FACILITATOR"),
        fnip = s("FNIP"),
        notetaker = s("NOTETAKER"),
        nnip = s("NNIP"),
        rp = s("RESOURCE"),
        p1 = s("PONE"),
        pos1 = s("POSITION"),
        unit1 = s("UNIT"),
        nip1 = s("NIPONE"),
        p2 = s("PTWO"),
        item1 = s("ITEMONE"),
        owner = s("OWNER"),
        q1 = toml_str(&evil_text("QUESTION")),
        item2 = s("ITEMTWO"),
    )
}

/// When [`script`] begins.
fn script_base() -> chrono::DateTime<chrono::Utc> {
    crate::export_support::start_time("2026-11-23T08:55:00+08:00".parse().unwrap())
}

fn script(base: chrono::DateTime<chrono::Utc>) -> String {
    use serde_json::json;
    crate::export_support::timed(
        base,
        &[
            (0, json!({"cmd":"arrive","participant":"P1"})),
            (5, json!({"cmd":"start"})),
            (6, json!({"cmd":"call_speaker","participant":"P1"})),
            (
                7,
                json!({"cmd":"add_note","text":evil_text("QUOTE"),"kind":"quote","participant":"P1"}),
            ),
            (
                8,
                json!({"cmd":"add_note","text":evil_text("NOTE"),"kind":"concern","participant":"P2"}),
            ),
            (
                9,
                json!({"cmd":"add_mindset","from":evil_text("FROM"),"to":evil("TO"),"values":["adaptif"],"participant":"P2"}),
            ),
            (10, json!({"cmd":"finish_speaker"})),
            (
                11,
                json!({"cmd":"add_decision","text":evil_text("DECISION")}),
            ),
            (
                12,
                json!({"cmd":"add_conclusion","text":evil_text("CONCLUSION")}),
            ),
            (
                13,
                json!({"cmd":"add_action","what":format!("=HYPERLINK(\"http://x.example\",\"klik\") {}", evil_text("ACTION")),"pic":evil("PIC"),"due":"+7d"}),
            ),
            (
                14,
                json!({"cmd":"add_action","what":"+62 812 3456; -1, @SUM(A1)","pic":"@evil"}),
            ),
            (
                15,
                json!({"cmd":"add_action","what":"-2+3","pic":"P1","due":"2026-12-01"}),
            ),
            (25, json!({"cmd":"next_item"})),
            (30, json!({"cmd":"defer_item"})),
            (35, json!({"cmd":"end"})),
            (
                65,
                json!({"cmd":"edit_note","note":2,"text":evil_text("EDITED")}),
            ),
        ],
    )
}

/// The one-line fields, as the session keeps them (cleaned), by tag.
fn lines() -> Vec<(&'static str, String)> {
    [
        "TITLE",
        "VENUE",
        "ORGANIZER",
        "FACILITATOR",
        "FNIP",
        "NOTETAKER",
        "NNIP",
        "RESOURCE",
        "POSITION",
        "UNIT",
        "ITEMONE",
        "ITEMTWO",
        "OWNER",
        "TO",
        "PIC",
    ]
    .into_iter()
    .map(|tag| (tag, clean_line(&evil(tag))))
    .collect()
}

/// The multi-line fields, cleaned, by tag.
fn texts() -> Vec<(&'static str, String)> {
    [
        "QUESTION",
        "QUOTE",
        "FROM",
        "DECISION",
        "CONCLUSION",
        "EDITED",
    ]
    .into_iter()
    .map(|tag| (tag, clean(&evil_text(tag))))
    .collect()
}

fn read(dir: &Path, name: &str) -> String {
    let bytes = std::fs::read(dir.join(name)).unwrap();
    assert_clean(name, &bytes);
    String::from_utf8(bytes).unwrap()
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one table of every field and every file it must stay escaped in"
)]
fn hostile_text_in_every_field_never_reaches_a_file_unescaped() {
    let fgd = Fgd::new();
    let plan_file = fgd.data().join("evil.toml");
    std::fs::write(&plan_file, plan()).unwrap();
    let base = script_base();
    let id = fgd.new_session_at(
        plan_file.to_str().unwrap(),
        crate::export_support::minute_before(base),
    );
    let r = fgd.run_with_input(&["apply", &id], &script(base));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_stored_session_clean(
        "plan and apply",
        fgd.data(),
        &id,
        &["TITLE", "QUOTE", "PIC"],
    );

    for (lang, anonymize) in [("id", false), ("en", false), ("id", true)] {
        let out = fgd.data().join(format!("out-{lang}-{anonymize}"));
        let mut args = vec![
            "export",
            &id,
            "--lang",
            lang,
            "--out",
            out.to_str().unwrap(),
            "--internal",
        ];
        if anonymize {
            args.push("--anonymize");
        }
        let r = fgd.run(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let dir = out.join(&id);
        // The shared minutes are valid too; the internal ones hold every text.
        check_html(&read(&dir, "minutes.html"));
        check_md(&read(&dir, "minutes.md"));
        let internal = dir.join("internal");
        let html = read(&internal, "minutes.html");
        let doc = check_html(&html);
        let body = text_of(one(&doc, "body"));
        let md = check_md(&read(&internal, "minutes.md"));
        let mut want: Vec<(&str, String)> = lines();
        want.extend(texts());
        if !anonymize {
            want.push(("PONE", clean_line(&evil("PONE"))));
            want.push(("PTWO", clean_line(&evil("PTWO"))));
        }
        for (tag, text) in &want {
            let text = norm(text);
            if matches!(*tag, "FNIP" | "NNIP") {
                // NIPs show in the sign-off and header, with their label.
                assert!(body.contains(&text), "{lang}: html lacks {tag}");
                continue;
            }
            assert!(
                body.contains(&text),
                "{lang} {anonymize}: html lacks {tag}: {text}"
            );
            assert!(
                md.contains(&text),
                "{lang} {anonymize}: md lacks {tag}: {text}"
            );
        }
        // Scripts and handlers stayed text (check_html refuses elements
        // and attributes it does not expect).
        assert!(!html.contains("<script"), "raw <script> in the HTML");
        assert!(!html.contains("<img"), "raw <img> in the HTML");

        let rows = check_csv(read(&dir, "actions.csv").as_bytes());
        assert_eq!(rows.len(), 4);
        assert!(rows[1][1].starts_with("'=HYPERLINK("), "{:?}", rows[1][1]);
        assert!(
            rows[1][1].contains("# not a heading\n- not a list"),
            "newlines kept inside the cell"
        );
        assert_eq!(rows[2][1], "'+62 812 3456; -1, @SUM(A1)");
        assert_eq!(rows[2][2], "'@evil");
        assert_eq!(rows[3][1], "'-2+3");

        let todos = check_ics(&read(&dir, "actions.ics"));
        assert_eq!(todos.len(), 3);
        let summary = unescape_ics(prop(&todos[0], "SUMMARY").unwrap());
        assert_eq!(
            summary,
            clean(&format!(
                "=HYPERLINK(\"http://x.example\",\"klik\") {}",
                evil_text("ACTION")
            ))
        );
        assert_eq!(
            unescape_ics(prop(&todos[1], "SUMMARY").unwrap()),
            "+62 812 3456; -1, @SUM(A1)"
        );

        let json = read(&internal, "session.json");
        let (s, _) = fgd::export::json::read(json.as_bytes()).unwrap();
        assert!(s.info.title.contains("<script>alert('x')</script>"));
        assert!(!json.contains("\\u001b") && !json.contains('\u{202e}'));
        if anonymize {
            for p in ["PONE", "PTWO"] {
                for (name, body) in [("html", &html), ("md", &md), ("json", &json)] {
                    assert!(
                        !body.contains(p),
                        "{name} names {p} in the anonymised variant"
                    );
                }
            }
        }
    }
}

/// A control character (but newline and tab) or a bidi override.
fn unclean(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// No cell of the screen holds a control character or bidi override.
fn assert_screen_clean(what: &str, buf: &Buffer) {
    for (i, cell) in buf.content.iter().enumerate() {
        assert!(
            !cell.symbol().chars().any(unclean),
            "{what}: cell {i} holds {:?}",
            cell.symbol()
        );
    }
}

/// No text of the session holds a control character (but newline and tab)
/// or a bidi override, and each tag in `tags` is in it.
fn assert_session_clean(what: &str, session: &fgd::domain::Session, tags: &[&str]) {
    let json = serde_json::to_value(session).unwrap();
    let mut texts = vec![];
    strings(&json, &mut texts);
    for t in &texts {
        assert!(!t.chars().any(unclean), "{what}: the session holds {t:?}");
    }
    for tag in tags {
        assert!(
            texts.iter().any(|t| t.contains(tag)),
            "{what}: {tag} is not in the session"
        );
    }
}

fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The live view of a session, at 80×24 and 200×60, and with the first
/// panel's selected row open in its form, cell by cell.
fn assert_live_view_clean(what: &str, fx: &mut crate::tui_support::Fx) {
    for (w, h) in [(80, 24), (200, 60)] {
        assert_screen_clean(&format!("{what} at {w}×{h}"), &fx.buffer(w, h));
    }
    for _ in 0..6 {
        fx.key(ratatui::crossterm::event::KeyCode::Tab);
        fx.enter();
        assert_screen_clean(&format!("{what} with a form open"), &fx.buffer(200, 60));
        fx.esc();
    }
}

/// Every file in `dir`, checked for control characters and bidi overrides.
fn assert_files_clean(dir: &Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            n += assert_files_clean(&e.path());
            continue;
        }
        let name = e.file_name().to_string_lossy().into_owned();
        assert_clean(&name, &std::fs::read(e.path()).unwrap());
        n += 1;
    }
    n
}

#[test]
fn hostile_text_typed_into_every_field_reaches_neither_screen_nor_file() {
    use ratatui::crossterm::event::KeyCode;
    let mut fx = crate::tui_support::Fx::en();
    fx.start();
    // Each form: the keys that open it, then its fields (`None`: leave it).
    let forms: [(&str, Vec<Option<&str>>); 7] = [
        ("o", vec![Some("NOTE"), None, None]),
        ("d", vec![Some("DECISION")]),
        ("c", vec![Some("CONCLUSION")]),
        ("a", vec![Some("ACTION"), Some("PIC"), Some("+7d")]),
        ("m", vec![Some("FROM"), Some("TO"), Some("adaptif"), None]),
        ("+", vec![Some("ITEM"), Some("5"), Some("OWNER")]),
        (
            "p+",
            vec![Some("WALKIN"), Some("POSITION"), Some("UNIT"), Some("NIP")],
        ),
    ];
    let tags = [
        "NOTE",
        "DECISION",
        "CONCLUSION",
        "ACTION",
        "PIC",
        "FROM",
        "TO",
        "ITEM",
        "OWNER",
        "WALKIN",
        "POSITION",
        "UNIT",
        "NIP",
    ];
    for (open, fields) in &forms {
        fx.typed(open);
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                fx.tab();
            }
            match field {
                Some(tag) if tags.contains(tag) => {
                    // Every character typed, NUL, ESC and bidi overrides included.
                    for c in evil(tag).chars() {
                        fx.key(KeyCode::Char(c));
                    }
                    // The form shows what is being typed: cleaned there too.
                    assert_screen_clean(&format!("typing {tag}"), &fx.buffer(200, 60));
                }
                Some(plain) => fx.typed(plain),
                None => {}
            }
        }
        fx.enter();
        let form_open = fx
            .app
            .overlays
            .iter()
            .any(|o| matches!(o, fgd::tui::app::Overlay::Form(_)));
        assert!(
            !form_open,
            "{open}: the form was saved:\n{}",
            fx.screen(200, 60)
        );
        while !fx.app.overlays.is_empty() {
            fx.esc();
        }
    }
    assert_session_clean("typed", fx.s(), &tags);
    assert_live_view_clean("typed", &mut fx);
    let out = fx.dir.path().join("typed-minutes");
    let paths = fgd::tui::port::Port::export(&mut fx.app.port, &out).unwrap();
    assert_eq!(assert_files_clean(&out.join(&fx.id)), paths.len());
    let md = std::fs::read_to_string(out.join(&fx.id).join("internal/minutes.md")).unwrap();
    for tag in [
        "NOTE",
        "DECISION",
        "CONCLUSION",
        "ACTION",
        "FROM",
        "ITEM",
        "WALKIN",
    ] {
        assert!(md.contains(tag), "the minutes hold {tag}");
    }
}

/// Appends control characters, an escape sequence and a bidi override to
/// every free text of every event of a `session.json`.
fn poison(v: &mut serde_json::Value, key: &str) {
    const TEXTS: &[&str] = &[
        "title",
        "venue",
        "organizer",
        "name",
        "position",
        "unit",
        "nip",
        "owner",
        "text",
        "what",
        "from",
        "to",
        "questions",
        "resource_persons",
    ];
    match v {
        serde_json::Value::String(s) if TEXTS.contains(&key) => {
            s.push_str(" \u{1b}[31mred\u{1b}]0;t\u{7}\u{202e}rtl\u{0}\u{2066}!");
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(|x| poison(x, key)),
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                poison(x, k);
            }
        }
        _ => {}
    }
}

#[test]
fn hostile_text_in_an_imported_session_reaches_neither_screen_nor_file() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "en-service-design-fgd"]);
    let script = "{\"cmd\":\"start\"}\n\
        {\"cmd\":\"add_note\",\"text\":\"IMPNOTE\",\"kind\":\"quote\",\"participant\":\"P1\"}\n\
        {\"cmd\":\"add_decision\",\"text\":\"IMPDECISION\"}\n\
        {\"cmd\":\"add_mindset\",\"from\":\"IMPFROM\",\"to\":\"IMPTO\"}\n\
        {\"cmd\":\"add_action\",\"what\":\"IMPACTION\",\"pic\":\"Bagian Umum\"}\n";
    assert_eq!(fgd.run_with_input(&["apply", &id], script).code, 0);
    let out = fgd.data().join("first");
    assert_eq!(
        fgd.run(&[
            "export",
            &id,
            "--format",
            "json",
            "--out",
            out.to_str().unwrap()
        ])
        .code,
        0
    );
    let mut doc: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.join(&id).join("internal/session.json")).unwrap(),
    )
    .unwrap();
    doc["session"] = serde_json::Value::Null;
    poison(&mut doc["events"], "events");
    let poisoned = serde_json::to_string(&doc).unwrap();
    assert!(poisoned.contains("\\u001b[31m") && poisoned.contains('\u{202e}'));
    let file = fgd.data().join("poisoned.json");
    std::fs::write(&file, poisoned).unwrap();

    let other = Fgd::new();
    let r = other.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), id);
    let out = other.data().join("minutes");
    let r = other.run(&["export", &id, "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(assert_files_clean(&out.join(&id)), 7);

    let tags = [
        "IMPNOTE",
        "IMPDECISION",
        "IMPFROM",
        "IMPTO",
        "IMPACTION",
        "red",
        "rtl",
    ];
    assert_stored_session_clean("imported", other.data(), &id, &tags);
}

/// A stored session, opened as `fgd run` opens it: its texts and its live
/// view are clean.
fn assert_stored_session_clean(what: &str, data: &Path, id: &str, tags: &[&str]) {
    let engine = fgd::engine::Engine::open(&fgd::store::DataDir::new(data), id).unwrap();
    assert_session_clean(what, engine.session(), tags);
    let now = engine.session().last_at.unwrap();
    let app = fgd::tui::app::App::new(
        fgd::tui::port::LocalPort::new(engine, fgd::domain::Actor::Facilitator),
        fgd::tui::app::Role::Facilitator,
        fgd::tui::keymap::Keymap::default(),
        fgd::tui::theme::Theme::named(fgd::tui::theme::ThemeName::Default),
        data.join("minutes"),
    );
    for (w, h) in [(80, 24), (200, 60)] {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        term.draw(|f| fgd::tui::view::render(&app, now, f)).unwrap();
        assert_screen_clean(&format!("{what} at {w}×{h}"), term.backend().buffer());
    }
}
