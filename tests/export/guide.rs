//! The minutes show which guide questions were covered: a question ticked
//! with `cover_question` is marked in the Markdown and the HTML, the others
//! are not. Read back with the real parsers.

use fgd::domain::Command;
use fgd::export::{self, Format, Options};
use fgd::plan;

use crate::common::Fx;
use crate::export_support::{all, check_html, check_md, text_of, wib};

const PLAN: &str = r#"
title = "Rapat Koordinasi"
date = 2026-11-23
timezone = "WIB"

[[participants]]
name = "Rina Marlina"

[[agenda]]
title = "Diskusi"
minutes = 30
questions = ["Apa yang berjalan baik?", "Apa yang menghambat?", "Apa langkah berikutnya?"]
"#;

#[test]
fn a_covered_guide_question_is_marked_in_the_minutes_and_the_others_are_not() {
    let plan = plan::parse(PLAN, "p.toml").unwrap();
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
    fx.ok(Command::CoverQuestion {
        item: None,
        question: 2,
        covered: true,
    });
    fx.set(wib(9, 30));
    fx.ok(Command::End);
    let dir = tempfile::tempdir().unwrap();
    let opts = Options {
        lang: None,
        anonymize: false,
        internal: false,
        paper: None,
    };
    export::write_all(&fx.s, &fx.log, dir.path(), &Format::ALL, opts).unwrap();
    let at = dir.path().join(&fx.s.info.id);
    let md = check_md(&std::fs::read_to_string(at.join("minutes.md")).unwrap());
    // The Markdown read back as its text.
    assert!(md.contains("Apa yang menghambat? (✓ terbahas)"), "{md}");
    assert!(!md.contains("baik? (✓"), "{md}");
    assert!(!md.contains("berikutnya? (✓"), "{md}");
    let doc = check_html(&std::fs::read_to_string(at.join("minutes.html")).unwrap());
    let items: Vec<String> = all(&doc, "ol.questions li")
        .into_iter()
        .map(text_of)
        .collect();
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[1].ends_with("(✓ terbahas)"), "{items:?}");
    assert!(!items[0].contains("terbahas") && !items[2].contains("terbahas"));
}
