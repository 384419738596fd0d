//! What the minutes hold: a plan's `[minutes] participation = false` leaves
//! talk time, turns and arrival times out of the shared minutes and keeps
//! them in the internal ones; `--anonymize` shows "—" for a unit (and a
//! position in its unit) that names one person and keeps a unit two share.
//! Read back with the real parsers.

use fgd::domain::Command;
use fgd::export::{self, Format, Options};
use fgd::plan;

use crate::common::Fx;
use crate::export_support::{all, check_html, check_md, parse_html, text_of, wib};

const PLAN: &str = r#"
title = "Rapat Koordinasi"
kind = "rapat"
date = 2026-11-23
timezone = "WIB"

[[participants]]
name = "dr. Yusuf Siregar"
position = "Kepala Dinas"
unit = "Dinas Kesehatan"

[[participants]]
name = "Rina Marlina"
position = "Perencana"
unit = "Bappeda"

[[participants]]
name = "Tono Hartono"
position = "Perencana"
unit = "Bappeda"

[[agenda]]
title = "Diskusi"
minutes = 30
"#;

/// The plan (with `extra` appended) run: P1 arrives 09.05 and speaks two
/// minutes, P2 arrives 09.07 and speaks one.
fn session(extra: &str) -> Fx {
    let plan = plan::parse(&format!("{PLAN}{extra}"), "p.toml").unwrap();
    let date = plan.date.unwrap();
    let mut cmds = plan.commands("2026-11-23-rakor", date, None, 1).into_iter();
    let Some(Command::Create { info }) = cmds.next() else {
        panic!("no create");
    };
    let mut fx = Fx::with_info(info);
    fx.set(wib(9, 0));
    for cmd in cmds {
        fx.ok(cmd);
    }
    fx.ok(Command::Start);
    for (who, at, secs) in [("P1", (9, 5), 120), ("P2", (9, 7), 60)] {
        fx.set(wib(at.0, at.1));
        fx.ok(Command::Arrive {
            participant: who.into(),
        });
        fx.ok(Command::CallSpeaker {
            participant: who.into(),
        });
        fx.advance(secs);
        fx.ok(Command::FinishSpeaker);
    }
    fx.set(wib(10, 0));
    fx.ok(Command::End);
    fx
}

/// The minutes as Markdown text and parsed HTML, shared or internal (the
/// HTML checked whole where it has every section).
fn minutes(fx: &Fx, anonymize: bool, internal: bool) -> (String, scraper::Html) {
    let dir = tempfile::tempdir().unwrap();
    let opts = Options {
        lang: None,
        anonymize,
        internal,
        paper: None,
    };
    export::write_all(&fx.s, &fx.log, dir.path(), &Format::ALL, opts).unwrap();
    let mut at = dir.path().join(&fx.s.info.id);
    if internal {
        at = at.join("internal");
    }
    let read = |name: &str| std::fs::read_to_string(at.join(name)).unwrap();
    let html = read("minutes.html");
    let doc = if internal || fx.s.info.minutes.participation {
        check_html(&html)
    } else {
        parse_html(&html)
    };
    (check_md(&read("minutes.md")), doc)
}

fn html_text(doc: &scraper::Html) -> String {
    text_of(all(doc, "body")[0])
}

#[test]
fn the_plan_key_parses_and_refuses_unknown_keys() {
    let plan = plan::parse(
        &format!("{PLAN}[minutes]\nparticipation = false\n"),
        "p.toml",
    );
    assert!(!plan.unwrap().minutes.participation);
    assert!(plan::parse(PLAN, "p.toml").unwrap().minutes.participation);
    let e = plan::parse(&format!("{PLAN}[minutes]\nparticipasi = false\n"), "p.toml");
    assert!(
        e.unwrap_err()[0]
            .message
            .starts_with("unknown field `participasi`"),
        "a misspelt key is an error"
    );
}

#[test]
fn without_participation_the_shared_minutes_have_no_talk_time_nor_arrivals() {
    let fx = session("[minutes]\nparticipation = false\n");
    let (md, doc) = minutes(&fx, false, false);
    let html = html_text(&doc);
    for (name, text) in [("md", &md), ("html", &html)] {
        for word in ["Waktu bicara", "09.05", "09.07"] {
            assert!(!text.contains(word), "shared {name} holds {word}: {text}");
        }
        assert!(
            text.contains("2 orang hadir, 1 orang berhalangan"),
            "{name}: {text}"
        );
    }
    let sections: Vec<&str> = all(&doc, "main > section")
        .iter()
        .filter_map(|s| s.value().attr("id"))
        .collect();
    assert!(!sections.contains(&"participation"), "{sections:?}");
    assert!(sections.contains(&"attendance"), "{sections:?}");
    assert!(all(&doc, "svg").is_empty(), "no talk-time chart");
    assert!(all(&doc, "table.talk").is_empty());

    let (md, doc) = minutes(&fx, false, true);
    let html = html_text(&doc);
    for (name, text) in [("md", &md), ("html", &html)] {
        for word in ["Waktu bicara", "hadir (09.05)", "hadir (09.07)", "2:00"] {
            assert!(text.contains(word), "internal {name} lacks {word}: {text}");
        }
    }
    assert_eq!(all(&doc, "section#participation").len(), 1);
}

#[test]
fn by_default_the_shared_minutes_keep_talk_time_and_arrivals() {
    let (md, doc) = minutes(&session(""), false, false);
    assert!(md.contains("Waktu bicara") && md.contains("09.05"), "{md}");
    assert_eq!(all(&doc, "section#participation").len(), 1);
}

/// The cells of the rows of the tables with `class`.
fn rows(doc: &scraper::Html, class: &str) -> Vec<Vec<String>> {
    all(doc, &format!("table.{class} tbody tr"))
        .into_iter()
        .map(|tr| {
            tr.child_elements()
                .map(|td| text_of(td).trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn anonymised_tables_hide_a_unit_of_one_and_keep_a_shared_unit() {
    let fx = session("");
    let (md, doc) = minutes(&fx, true, false);
    let talk = rows(&doc, "talk");
    let units: Vec<&str> = talk.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(units, ["—", "Bappeda"], "the absent invitee is no bar");
    let (_, internal) = minutes(&fx, true, true);
    for (doc, class, unit_col, position_col) in [
        (&internal, "participants", 3, Some(2)),
        (&doc, "attendance", 3, Some(2)),
    ] {
        let rows = rows(doc, class);
        assert_eq!(rows.len(), 3, "{class}");
        for row in &rows {
            let joined = row.join(" | ");
            assert!(!joined.contains("Dinas Kesehatan"), "{class}: {joined}");
            assert!(!joined.contains("Kepala Dinas"), "{class}: {joined}");
        }
        let units: Vec<&str> = rows.iter().map(|r| r[unit_col].as_str()).collect();
        assert_eq!(units, ["—", "Bappeda", "Bappeda"], "{class}");
        if let Some(c) = position_col {
            let positions: Vec<&str> = rows.iter().map(|r| r[c].as_str()).collect();
            assert_eq!(positions, ["—", "Perencana", "Perencana"], "{class}");
        }
    }
    assert!(
        all(&doc, "table.talk-units").is_empty(),
        "no unit table that repeats the one per person"
    );
    for text in [&md, &html_text(&doc)] {
        assert!(!text.contains("Dinas Kesehatan") && !text.contains("Kepala Dinas"));
        assert!(text.contains("Bappeda") && text.contains("Perencana"));
    }
    let (md, _) = minutes(&fx, false, false);
    assert!(
        md.contains("Dinas Kesehatan") && md.contains("Kepala Dinas"),
        "{md}"
    );
}
