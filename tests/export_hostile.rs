//! Hostile text in every field — HTML (`<script>`), spreadsheet formulas
//! (`=HYPERLINK(..)`, `+`, `-`, `@`), Markdown (`| pipe`, backticks, `#`,
//! `-` at a line start, newlines in table cells), iCalendar (`; , \`),
//! terminal escape sequences and bidi overrides — through a plan file and
//! `fgd apply`, then `fgd export` in both languages, plain and anonymised.
//! Every file is read with its real parser: the text comes back as text,
//! nothing runs, no table breaks, no cell is a formula, and no control
//! character or bidi override is in any file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bin_support;
mod common;
mod export_support;

use std::path::Path;

use bin_support::Fgd;
use export_support::{
    assert_clean, check_csv, check_html, check_ics, check_md, norm, one, prop, text_of,
    unescape_ics,
};
use fgd::domain::text::{clean, clean_line};

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

fn script() -> String {
    use serde_json::json;
    let base = export_support::start_time("2026-11-23T08:55:00+08:00".parse().unwrap());
    export_support::timed(
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
fn hostile_text_in_every_field_never_reaches_a_file_unescaped() {
    let fgd = Fgd::new();
    let plan_file = fgd.data().join("evil.toml");
    std::fs::write(&plan_file, plan()).unwrap();
    let id = fgd.new_session(&["--plan", plan_file.to_str().unwrap()]);
    let r = fgd.run_with_input(&["apply", &id], &script());
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);

    for (lang, anonymize) in [("id", false), ("en", false), ("id", true)] {
        let out = fgd.data().join(format!("out-{lang}-{anonymize}"));
        let mut args = vec![
            "export",
            &id,
            "--lang",
            lang,
            "--out",
            out.to_str().unwrap(),
        ];
        if anonymize {
            args.push("--anonymize");
        }
        let r = fgd.run(&args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let dir = out.join(&id);

        let html = read(&dir, "minutes.html");
        let doc = check_html(&html);
        let body = text_of(one(&doc, "body"));
        let md = check_md(&read(&dir, "minutes.md"));
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

        let json = read(&dir, "session.json");
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
