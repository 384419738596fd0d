//! The plan parser's own checks: errors at FILE:LINE:COL, hints.

use super::*;
use crate::domain::ScreenPanel;

#[test]
fn every_bundled_plan_parses() {
    for (name, src) in BUNDLED {
        let plan = parse(src, name).unwrap_or_else(|e| panic!("{name}: {}", e[0]));
        assert!(!plan.agenda.is_empty(), "{name} has no agenda");
    }
}

#[test]
fn texts_over_the_session_limits_are_refused_at_their_place() {
    let long = "x".repeat(501);
    let src =
        format!("title = \"Uji\"\n[[agenda]]\ntitle = \"A\"\nminutes = 5\nowner = \"{long}\"\n");
    let errors = parse(&src, "p.toml").unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        "p.toml:5:9: owner is too long (501 characters; at most 500): shorten it"
    );
    let q = "y".repeat(20_001);
    let src = format!(
        "venue = \"{long}\"\ntitle = \"Uji\"\n[[agenda]]\ntitle = \"A\"\nminutes = 5\nquestions = [\"ok\", \"{q}\"]\n"
    );
    let errors = parse(&src, "p.toml").unwrap_err();
    assert_eq!((errors[0].line, errors[0].col), (1, 9), "in file order");
    assert_eq!((errors[1].line, errors[1].col), (6, 20));
    assert!(
        errors[1]
            .message
            .starts_with("guide question is too long (20001"),
        "{}",
        errors[1]
    );
}

#[test]
fn a_value_of_the_wrong_kind_says_what_to_write() {
    let src = "title = \"Uji\"\n[[agenda]]\ntitle = \"A\"\nminutes = \"ten\"\n";
    let e = parse(src, "p.toml").unwrap_err();
    assert!(
        e[0].message.ends_with("; write a whole number, like 10"),
        "{}",
        e[0]
    );
    let e = parse("title = 5\n", "p.toml").unwrap_err();
    assert!(e[0].message.contains("write text in quotes"), "{}", e[0]);
    let not_text = std::io::Error::from(std::io::ErrorKind::InvalidData);
    assert!(unreadable("p.toml", &not_text).ends_with("save it as UTF-8"));
}

#[test]
fn place_signers_and_title_placeholders() {
    let src = "title = \"OBSESI ke-{ke}, {bulan} {tahun}\"\nplace = \"Ngawi\"\n\
               facilitator = \"Camat\"\nfacilitator_position = \"Camat Pangkur\"\n\
               facilitator_rank = \"Pembina (IV/a)\"\nnotetaker = \"Sari\"\n\
               notetaker_position = \"Pengadministrasi\"\nnotetaker_rank = \"Penata Muda (III/a)\"\n";
    let plan = parse(src, "p.toml").unwrap();
    assert_eq!(plan.place.as_deref(), Some("Ngawi"));
    let f = plan.facilitator.clone().unwrap();
    assert_eq!(
        (f.position.as_deref(), f.rank.as_deref()),
        (Some("Camat Pangkur"), Some("Pembina (IV/a)"))
    );
    let n = plan.notetaker.clone().unwrap();
    assert_eq!(n.rank.as_deref(), Some("Penata Muda (III/a)"));
    let day = NaiveDate::from_ymd_opt(2027, 3, 4).unwrap();
    assert_eq!(plan.title_for(day, 3), "OBSESI ke-3, Maret 2027");
    let Command::Create { info } = &plan.commands("id", day, None, 3)[0] else {
        panic!("no create");
    };
    assert_eq!(
        (info.title.as_str(), info.meeting),
        ("OBSESI ke-3, Maret 2027", 3)
    );
    let e = parse("kind = \"fgd\"\ntitle = \"Rapat {bln}\"\n", "p.toml").unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "p.toml:2:16: unknown placeholder {bln} in title; use {tanggal}, {bulan}, {tahun} or {ke}"
    );
    let e = parse("title = \"T\"\nnotetaker_pangkat = \"x\"\n", "p.toml").unwrap_err();
    assert!(
        e[0].to_string()
            .starts_with("p.toml:2:1: unknown field `notetaker_pangkat`"),
        "{}",
        e[0]
    );
}

#[test]
fn line_and_column_count_characters() {
    let src = "a = 1\nbé = \"x\"\n";
    assert_eq!(line_col(src, 0), (1, 1));
    assert_eq!(line_col(src, src.find('=').unwrap()), (1, 3));
    let second_eq = src.rfind('=').unwrap();
    assert_eq!(line_col(src, second_eq), (2, 4));
}

#[test]
fn panels_name_known_panels_and_one_for_the_mindset_place() {
    let ok = "title = \"Uji\"\npanels = [\"agenda\", \"ideas\", \"not_yet_spoken\"]\n";
    let plan = parse(ok, "p.toml").unwrap();
    assert_eq!(
        plan.panels,
        [
            ScreenPanel::Agenda,
            ScreenPanel::Ideas,
            ScreenPanel::NotYetSpoken
        ]
    );
    let info = &plan.commands("x", chrono::NaiveDate::MIN, None, 1)[0];
    let chosen = Some(crate::domain::Screen {
        place: ScreenPanel::Ideas,
        not_yet_spoken: true,
    });
    assert!(matches!(info, Command::Create { info } if info.screen == chosen));
    let bad =
        "title = \"Uji\"\npanels = [\"agenda\", \"idea\",\n  \"jury\", \"resource\", \"jury\"]\n";
    let e = parse(bad, "p.toml").unwrap_err();
    let shown: Vec<String> = e.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 3, "{shown:#?}");
    assert!(
        shown[0].starts_with("p.toml:2:21: unknown panel `idea`; use one of: agenda, queue, not_yet_spoken, mindsets, jury, resource, ideas"),
        "{shown:#?}"
    );
    assert_eq!(
        shown[1],
        "p.toml:3:11: `jury` and `resource` both stand in the mindset panel's place; keep one of them"
    );
    assert_eq!(
        shown[2],
        "p.toml:3:23: panel `jury` is listed twice; list it once"
    );
}
