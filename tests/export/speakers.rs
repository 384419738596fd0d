//! Attendance that matches who spoke, and speakers beyond participants, in
//! the files `fgd export` writes, read back with real parsers (html5ever
//! through `scraper`, pulldown-cmark).

use serde_json::json;

use crate::bin_support::Fgd;
use crate::export_support::{all, check_html, check_md, start_time, text_of, timed};

/// Runs `script` on a new session of `plan` and exports md and html in
/// `lang`; returns the internal minutes (markdown text, html): they keep the
/// participants table with presence and arrival.
fn run_and_export(plan: &str, lang: &str, lines: &[(i64, serde_json::Value)]) -> (String, String) {
    let fgd = Fgd::new();
    let base = start_time(chrono::Utc::now());
    let id = fgd.new_session_at(plan, crate::export_support::minute_before(base));
    let script = timed(base, lines);
    let r = fgd.run_with_input(&["apply", &id], &script);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.lines().all(|l| l.starts_with("ok ")),
        "{}",
        r.stdout
    );
    let out = fgd.data().join("minutes");
    let r = fgd.run(&[
        "export",
        &id,
        "--format",
        "md,html",
        "--lang",
        lang,
        "--out",
        out.to_str().unwrap(),
        "--internal",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dir = out.join(&id).join("internal");
    let md = std::fs::read_to_string(dir.join("minutes.md")).unwrap();
    let html = std::fs::read_to_string(dir.join("minutes.html")).unwrap();
    (check_md(&md), html)
}

/// The cells of the rows of the table with this class, as text.
fn rows(doc: &scraper::Html, class: &str) -> Vec<Vec<String>> {
    all(doc, &format!("table.{class} tbody tr"))
        .into_iter()
        .map(|tr| {
            tr.select(&scraper::Selector::parse("td").unwrap())
                .map(text_of)
                .collect()
        })
        .collect()
}

#[test]
fn a_participant_who_spoke_without_being_marked_present_is_present_with_an_arrival() {
    let (md, html) = run_and_export(
        "en-service-design-fgd",
        "en",
        &[
            (0, json!({"cmd":"start"})),
            (2, json!({"cmd":"call_speaker","participant":"P3"})),
            (
                3,
                json!({"cmd":"add_note","text":"The queue number means nothing","kind":"quote","participant":"P3"}),
            ),
            (4, json!({"cmd":"finish_speaker"})),
            (5, json!({"cmd":"end"})),
        ],
    );
    let doc = check_html(&html);
    let people = rows(&doc, "participants");
    let p3 = people.iter().find(|r| r[1] == "P3").unwrap();
    let presence = p3.last().unwrap();
    assert!(
        presence.starts_with("present (") && presence.ends_with(')'),
        "P3 spoke, so present with an arrival time: {p3:?}"
    );
    for r in &people {
        if r[1] != "P3" {
            assert_eq!(r.last().unwrap(), "absent", "{r:?}");
        }
    }
    assert!(html.contains("1 present of 8 invited"), "the count follows");
    assert!(md.contains("1 present of 8 invited"));
    let from_p3 = &md[md.find("3 P3 Komang").unwrap()..];
    let row = &from_p3[..from_p3.find(" 4 P4 ").unwrap()];
    assert!(
        row.contains("present (") && !row.contains("absent"),
        "the md says when P3 came: {row}"
    );
    assert!(!md.contains("0 present of"));
}

#[test]
fn a_resource_person_and_the_chair_are_quoted_with_their_role_and_counted_apart() {
    let script = [
        (0, json!({"cmd":"start"})),
        (
            1,
            json!({"cmd":"raise_hand","participant":"Dr. Andi Irwan Pananrangi"}),
        ),
        (2, json!({"cmd":"call_next"})),
        (
            3,
            json!({"cmd":"add_note","text":"Innovation starts from residents' complaints","kind":"quote","participant":"N1"}),
        ),
        (5, json!({"cmd":"call_speaker","participant":"F"})),
        (
            6,
            json!({"cmd":"add_mindset","from":"procedure","to":"results","participant":"F"}),
        ),
        (7, json!({"cmd":"call_speaker","participant":"P2"})),
        (8, json!({"cmd":"finish_speaker"})),
        (9, json!({"cmd":"end"})),
    ];
    for (lang, role, chair) in [
        ("en", "(resource person)", "(chair)"),
        ("id", "(narasumber)", "(pimpinan rapat)"),
    ] {
        let (md, html) = run_and_export("fgd-pola-pikir", lang, &script);
        let doc = check_html(&html);
        let quote = all(&doc, "li.note.quote")
            .into_iter()
            .map(text_of)
            .find(|t| t.contains("Innovation starts"))
            .unwrap();
        assert!(
            quote.contains(&format!("Dr. Andi Irwan Pananrangi, M.Ed. {role}")),
            "{lang}: attributed to N1 with role: {quote}"
        );
        assert!(md.contains(role) && md.contains(chair), "{lang}: {md}");
        // Counted apart: not in the participants' talk table, in their own.
        let talk = rows(&doc, "talk");
        assert!(talk.iter().all(|r| r[0].starts_with('P')), "{talk:?}");
        let guests = rows(&doc, "talk-guests");
        let codes: Vec<&str> = guests.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(codes, ["N1", "F"], "{lang}");
        assert!(guests[0][1].contains(role));
        // Never in the attendance as a participant.
        for class in ["participants", "attendance"] {
            for r in rows(&doc, class) {
                assert!(
                    !r.iter().any(|c| c.contains("Pananrangi")),
                    "{lang}: {class} lists a resource person: {r:?}"
                );
            }
        }
        let p2 = rows(&doc, "participants")
            .into_iter()
            .find(|r| r[1] == "P2")
            .unwrap();
        assert_ne!(p2.last().unwrap(), "absent", "{lang}: P2 spoke");
    }
}
