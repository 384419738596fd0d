//! The `fgd` binary's contract (DESIGN §3): commands, exit statuses, files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use std::io::{BufRead, BufReader, Write};

use crate::bin_support::{Fgd, repo};
use fgd::domain::{Event, Status};

fn bundled_plans() -> Vec<String> {
    let mut plans: Vec<String> = std::fs::read_dir(repo().join("sessions"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| format!("sessions/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    plans.sort();
    plans
}

#[test]
fn plan_check_passes_every_bundled_plan() {
    let fgd = Fgd::new();
    let plans = bundled_plans();
    assert!(
        plans.len() >= 5,
        "expected at least five bundled plans, found {plans:?}"
    );
    let mut args = vec!["plan", "check"];
    args.extend(plans.iter().map(String::as_str));
    let r = fgd.run(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.lines().filter(|l| l.contains(": ok")).count(),
        plans.len(),
        "{}",
        r.stdout
    );
}

#[test]
fn new_from_each_plan_prints_an_id_that_list_shows() {
    let fgd = Fgd::new();
    let ids: Vec<String> = bundled_plans()
        .iter()
        .map(|p| fgd.new_session(&["--plan", p]))
        .collect();
    let list = fgd.run(&["list"]);
    assert_eq!(list.code, 0);
    for id in &ids {
        let line = list
            .stdout
            .lines()
            .find(|l| l.starts_with(id.as_str()))
            .unwrap_or_else(|| panic!("{id} not listed:\n{}", list.stdout));
        assert!(line.contains("planned"), "{line}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&fgd.run(&["list", "--json"]).stdout).unwrap();
    let listed: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    for id in &ids {
        assert!(listed.contains(&id.as_str()), "{id} missing from --json");
    }
}

#[test]
fn bundled_plans_can_be_named_without_a_path() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    assert!(id.starts_with("2027-01-15-"), "{id}");
    let other = fgd.new_session(&[
        "--plan",
        "fgd-pola-pikir",
        "--title",
        "Pola Pikir Gelombang II",
    ]);
    assert_ne!(id, other);
    assert!(
        fgd.run(&["list"])
            .stdout
            .contains("Pola Pikir Gelombang II")
    );
}

#[test]
fn blank_session_with_a_title() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Rapat Koordinasi Tupoksi"]);
    assert!(id.ends_with("-koordinasi-tupoksi"), "{id}");
    let again = fgd.new_session(&["--title", "Rapat Koordinasi Tupoksi"]);
    assert_eq!(
        again,
        format!("{id}-2"),
        "a second session of the same day and title gets a suffix"
    );
}

#[test]
fn new_without_plan_or_title_is_bad_usage() {
    let fgd = Fgd::new();
    let r = fgd.run(&["new"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--plan") && r.stderr.contains("--title"),
        "{}",
        r.stderr
    );
    let r = fgd.run(&["new", "--plan", "no/such/plan.toml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("obsesi-tupoksi"),
        "names the bundled plans: {}",
        r.stderr
    );
    let r = fgd.run(&["new", "--title", "   "]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("title must not be empty"), "{}", r.stderr);
    assert!(fgd.snapshot().is_empty(), "nothing may be written");
}

fn write_plan(fgd: &Fgd, name: &str, body: &str) -> String {
    let path = fgd.data().join(name);
    std::fs::write(&path, body).unwrap();
    path.to_string_lossy().into_owned()
}

const GOOD_HEAD: &str = "title = \"Uji\"\n[[participants]]\nname = \"Budi\"\n";

#[expect(
    clippy::too_many_lines,
    reason = "a table of plan errors and where each is reported"
)]
#[test]
fn plan_errors_name_file_line_and_column_and_create_nothing() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "title = \"Uji\"\nvenu = \"Aula\"\n",
            ":2:1:",
            "unknown field `venu`",
        ),
        (
            "title = \"Uji\"\n[[agenda]]\ntitle = \"A\"\nminutes = 0\n",
            ":4:11:",
            "minutes must be",
        ),
        (
            "title = \"Uji\"\n[[agenda]]\ntitle = \"A\"\nminutes = -5\n",
            ":4:11:",
            "not -5",
        ),
        ("title = \"  \"\n", ":1:9:", "title must not be empty"),
        ("venue = \"Aula\"\n", ":1:1:", "missing field `title`"),
        (
            "title = \"Uji\"\n[[agenda]]\ntitle = \"A\"\n",
            ":2:1:",
            "missing field `minutes`",
        ),
        (
            "title = \"Uji\"\ndate = \"2026-02-30\"\n",
            ":2:8:",
            "real date",
        ),
        (
            "title = \"Uji\"\ndate = 2026-02-28T10:00:00\n",
            ":2:8:",
            "real date",
        ),
        (
            "title = \"Uji\"\ntimezone = \"Jakarta\"\n",
            ":2:12:",
            "WIB, WITA, WIT",
        ),
        ("title = \"Uji\"\nkind = \"seminar\"\n", ":2:8:", "fgd"),
        ("title = \"Uji\"\nlanguage = \"fr\"\n", ":2:12:", "id, en"),
        (
            "title = \"Uji\"\nspeaker_limit_minutes = 0\n",
            ":2:25:",
            "speaker_limit_minutes",
        ),
        (
            "title = \"Uji\"\n[[participants]]\nname = \"A\"\ncode = \"P1\"\n[[participants]]\nname = \"B\"\ncode = \"p1\"\n",
            ":7:8:",
            "used twice",
        ),
        (
            "title = \"Uji\"\n[[participants]]\nname = \"A\"\ncode = \"P 1!\"\n",
            ":4:8:",
            "letters, digits",
        ),
        (
            "title = \"Uji\"\n[[participants]]\nname = \"A\"\nnip = 1234\n",
            ":4:7:",
            "invalid type",
        ),
        (
            "title = \"Uji\"\n[[agenda]]\ntitle = \"A\"\nminutes = 5\nquestion = [\"x\"]\n",
            ":5:1:",
            "unknown field `question`",
        ),
        ("title = \"Uji\n", ":1:", ""),
    ];
    for (i, (body, place, message)) in cases.iter().enumerate() {
        let fgd = Fgd::new();
        let file = write_plan(&fgd, &format!("p{i}.toml"), body);
        let before = fgd.snapshot();
        let check = fgd.run(&["plan", "check", &file]);
        assert_eq!(check.code, 2, "case {i}: {body}\n{}", check.stderr);
        let first = check.stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("{file}{place}")),
            "case {i}: expected {file}{place}…, got {first}"
        );
        assert!(
            first.contains(message),
            "case {i}: expected {message:?} in {first}"
        );
        let new = fgd.run(&["new", "--plan", &file]);
        assert_eq!(new.code, 2, "case {i}");
        assert!(
            new.stderr.starts_with(&format!("{file}{place}")),
            "case {i}: {}",
            new.stderr
        );
        assert!(new.stdout.is_empty());
        assert_eq!(
            fgd.snapshot(),
            before,
            "case {i}: a bad plan must create nothing"
        );
    }
}

#[test]
fn plan_check_reports_every_semantic_error_and_good_files_too() {
    let fgd = Fgd::new();
    let bad = write_plan(
        &fgd,
        "bad.toml",
        &format!(
            "{GOOD_HEAD}[[agenda]]\ntitle = \"\"\nminutes = 3\n[[agenda]]\ntitle = \"B\"\nminutes = 0\n"
        ),
    );
    let good = write_plan(&fgd, "good.toml", GOOD_HEAD);
    let r = fgd.run(&["plan", "check", &bad, &good]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.lines().count(), 2, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("{bad}:5:9:")), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("{bad}:9:11:")), "{}", r.stderr);
    assert!(r.stdout.contains(&format!("{good}: ok")), "{}", r.stdout);
}

#[test]
fn plan_accepts_toml_dates_offsets_and_defaults() {
    let fgd = Fgd::new();
    let file = write_plan(
        &fgd,
        "p.toml",
        "title = \"Uji Tanggal\"\ndate = 2026-11-23\ntimezone = \"+08:00\"\n",
    );
    let id = fgd.new_session(&["--plan", &file]);
    assert!(id.starts_with("2026-11-23-uji-tanggal"), "{id}");
    let backup = std::fs::read(fgd.data().join("sessions").join(&id).join("session.json")).unwrap();
    let (session, _) = fgd::export::json::read(&backup).unwrap();
    assert_eq!(session.info.zone.label(), "WITA");
    assert_eq!(
        session.info.speaker_limit_secs, 180,
        "the turn limit defaults to 3 minutes"
    );
    assert_eq!(session.info.language, fgd::domain::Language::Id);
}

mod apply;
mod dates;
mod series;
mod sessions;
