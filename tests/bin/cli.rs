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

const SCRIPT: &str = r#"{"cmd":"arrive","participant":"P1","at":"2036-12-07T08:55:00+07:00"}
{"cmd":"arrive","participant":"Endang Sulistyowati, S.H.","at":"2036-12-07T08:56:00+07:00"}
{"cmd":"add_participant","name":"Wayan Sudarsana","position":"Staf","unit":"Desa Sukamaju","code":"P99","at":"2036-12-07T08:58:00+07:00"}
{"cmd":"start","at":"2036-12-07T09:00:00+07:00"}
{"cmd":"raise_hand","participant":"P2","kind":"topic","at":"2036-12-07T09:01:00+07:00"}
{"cmd":"raise_hand","participant":"P99","kind":"point_of_order","at":"2036-12-07T09:01:10+07:00"}
{"cmd":"call_next","at":"2036-12-07T09:01:20+07:00"}
{"cmd":"finish_speaker","at":"2036-12-07T09:02:20+07:00"}
{"cmd":"call_next","at":"2036-12-07T09:02:30+07:00"}
{"cmd":"add_mindset","from":"dilayani","to":"melayani","values":["berorientasi_pelayanan","adaptif"],"participant":"P2","at":"2036-12-07T09:03:00+07:00"}
{"cmd":"add_note","text":"Kewenangan izin keramaian tumpang tindih","kind":"quote","participant":"P2","at":"2036-12-07T09:04:00+07:00"}
{"cmd":"pause","at":"2036-12-07T09:05:00+07:00"}
{"cmd":"resume","at":"2036-12-07T09:15:00+07:00"}
{"cmd":"finish_speaker","at":"2036-12-07T09:16:00+07:00"}
{"cmd":"next_item","at":"2036-12-07T09:20:00+07:00"}
{"cmd":"add_decision","text":"SOP izin keramaian disusun bersama","at":"2036-12-07T09:21:00+07:00"}
{"cmd":"add_conclusion","text":"Tupoksi kasi trantib diperjelas","at":"2036-12-07T09:22:00+07:00"}
{"cmd":"add_action","what":"Susun draf SOP","pic":"endang","due":"+7d","at":"2036-12-07T09:23:00+07:00"}
{"cmd":"set_action_status","action":1,"status":"done","at":"2036-12-07T09:24:00+07:00"}
{"cmd":"add_agenda_item","title":"Lain-lain","minutes":5,"at":"2036-12-07T09:25:00+07:00"}
{"cmd":"defer_item","at":"2036-12-07T09:26:00+07:00"}
{"cmd":"undo","at":"2036-12-07T09:27:00+07:00"}
{"cmd":"end","at":"2036-12-07T09:30:00+07:00"}
"#;

#[test]
fn apply_builds_a_whole_session_and_answers_each_line() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "sessions/obsesi-tupoksi.toml"]);
    let r = fgd.run_with_input(&["apply", "obsesi"], SCRIPT);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let answers: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(answers.len(), SCRIPT.lines().count());
    let first: u64 = answers[0].strip_prefix("ok ").unwrap().parse().unwrap();
    for (i, a) in answers.iter().enumerate() {
        assert_eq!(*a, format!("ok {}", first + i as u64), "line {}", i + 1);
    }
    let list = fgd.run(&["list"]);
    assert!(
        list.stdout
            .lines()
            .any(|l| l.starts_with(&id) && l.contains("ended")),
        "{}",
        list.stdout
    );

    let backup = std::fs::read(fgd.data().join("sessions").join(&id).join("session.json")).unwrap();
    let (s, events) = fgd::export::json::read(&backup).unwrap();
    assert_eq!(s.status, Status::Ended);
    assert!(matches!(events.last().unwrap().event, Event::Ended));
    let end = s.ended_at.unwrap();
    assert_eq!(
        s.elapsed_secs(end),
        20 * 60,
        "30 minutes less a 10-minute pause"
    );
    let p2 = s
        .talk_stats(end)
        .into_iter()
        .find(|t| t.code == "P2")
        .unwrap();
    assert_eq!(
        (p2.secs, p2.turns),
        (13 * 60 + 30 - 10 * 60, 1),
        "P2 spoke 09:02:30–09:16 less the 10-minute pause"
    );
    let p99 = s
        .talk_stats(end)
        .into_iter()
        .find(|t| t.code == "P99")
        .unwrap();
    assert_eq!(
        (p99.secs, p99.turns),
        (60, 1),
        "the point of order went first"
    );
    let action = s.actions().next().unwrap();
    assert_eq!(
        action.pic.as_ref().unwrap().code.as_deref(),
        Some("P2"),
        "PIC linked by name prefix"
    );
    assert_eq!(action.due.unwrap().to_string(), "2036-12-14");
    assert_eq!(action.status, fgd::domain::ActionStatus::Done);
    assert_eq!(
        s.agenda[1].status,
        fgd::domain::ItemStatus::Done,
        "the deferral was undone; the end closed the item"
    );
    assert_eq!(
        s.participant("P1")
            .unwrap()
            .arrived_at
            .unwrap()
            .to_rfc3339(),
        "2036-12-07T01:55:00+00:00"
    );
}

#[test]
fn apply_refuses_bad_lines_with_their_number_and_applies_the_rest() {
    let fgd = Fgd::new();
    fgd.new_session(&["--plan", "sessions/obsesi-tupoksi.toml"]);
    let input = "{\"cmd\":\"start\"}\n\n{\"cmd\":\"finish_speaker\"}\nnot json\n{\"cmd\":\"warp\"}\n{\"cmd\":\"next_item\",\"bogus\":1}\n{\"cmd\":\"add_note\",\"text\":\"ok\",\"at\":\"yesterday\"}\n{\"cmd\":\"add_note\",\"text\":\"x\",\"at\":\"2000-01-01T00:00:00Z\"}\n{\"cmd\":\"add_action\",\"what\":\"x\",\"due\":\"+d\"}\n{\"cmd\":\"raise_hand\",\"participant\":\"Nobody\"}\n{\"cmd\":\"pause\"}\n";
    let r = fgd.run_with_input(&["apply", "obsesi"], input);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].starts_with("ok "), "{lines:?}");
    let expect = [
        (3, "no speaker is talking"),
        (4, "not valid JSON"),
        (5, "unknown command `warp`"),
        (6, "unknown field `bogus`"),
        (7, "RFC 3339"),
        (8, "times must not go back"),
        (9, "bad due date `+d`"),
        (10, "no participant `Nobody`"),
    ];
    for (k, (line, text)) in expect.iter().enumerate() {
        let got = lines[k + 1];
        assert!(
            got.starts_with(&format!("error {line}: ")) && got.contains(text),
            "expected line {line} {text:?}, got {got}"
        );
    }
    assert!(
        lines.last().unwrap().starts_with("ok "),
        "later good lines still apply: {lines:?}"
    );
    assert!(r.stderr.contains("8 line(s) refused"), "{}", r.stderr);
}

#[test]
fn unknown_and_ambiguous_ids_are_bad_input() {
    let fgd = Fgd::new();
    fgd.new_session(&["--title", "Forum Satu"]);
    fgd.new_session(&["--title", "Forum Dua"]);
    let r = fgd.run_with_input(&["apply", "nothing-like-it"], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no session `nothing-like-it`") && r.stderr.contains("fgd list"),
        "{}",
        r.stderr
    );
    let r = fgd.run_with_input(&["apply", "20"], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("satu") && r.stderr.contains("dua"),
        "lists the matches: {}",
        r.stderr
    );
    let r = fgd.run_with_input(&["apply", "sat"], "{\"cmd\":\"start\"}\n");
    assert_eq!(
        r.code, 0,
        "the part after the date is a prefix too: {}",
        r.stderr
    );
    let r = fgd.run(&["delete", "nope", "--yes"]);
    assert_eq!(r.code, 2);
}

/// Starts `fgd apply ID` and waits until it has answered one line, so it holds the session.
fn hold(fgd: &Fgd, id: &str) -> (std::process::Child, std::process::ChildStdin) {
    let mut child = fgd.spawn(&["apply", id]);
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{{\"cmd\":\"add_note\",\"text\":\"holding\"}}").unwrap();
    stdin.flush().unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    assert!(line.starts_with("ok "), "{line}");
    (child, stdin)
}

#[test]
fn a_held_session_is_refused_at_once_naming_the_holder_while_list_works() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Sesi Dipegang"]);
    let other = fgd.new_session(&["--title", "Sesi Lain"]);
    let (mut holder, stdin) = hold(&fgd, &id);

    let started = std::time::Instant::now();
    let r = fgd.run_with_input(&["apply", &id], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("process {}", holder.id())),
        "names the pid: {}",
        r.stderr
    );
    assert!(
        r.stderr.contains("fgd apply"),
        "names the command: {}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("fgd join {id}")),
        "points to join: {}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "refused at once, not after a wait"
    );

    let list = fgd.run(&["list"]);
    assert_eq!(list.code, 0);
    assert!(list.stdout.contains(&id) && list.stdout.contains(&other));
    let r = fgd.run_with_input(&["apply", &other], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 0, "other sessions keep working: {}", r.stderr);
    let r = fgd.run(&["delete", &id, "--yes"]);
    assert_eq!(r.code, 1, "a held session can't be deleted");
    assert!(fgd.data().join("sessions").join(&id).join("db").exists());

    drop(stdin);
    assert!(holder.wait().unwrap().success());
    let r = fgd.run_with_input(&["apply", &id], "{\"cmd\":\"start\"}\n");
    assert_eq!(
        r.code, 0,
        "free again once the holder is gone: {}",
        r.stderr
    );
}

#[test]
fn delete_asks_unless_yes() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Sesi Hapus"]);
    let r = fgd.run_with_input(&["delete", &id], "n\n");
    assert_eq!(r.code, 1);
    assert!(fgd.run(&["list"]).stdout.contains(&id));
    let r = fgd.run_with_input(&["delete", &id], "y\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!fgd.run(&["list"]).stdout.contains(&id));
    let id = fgd.new_session(&["--title", "Sesi Hapus"]);
    assert_eq!(fgd.run(&["delete", &id, "--yes"]).code, 0);
    assert!(!fgd.data().join("sessions").join(&id).exists());
}

#[cfg(unix)]
#[test]
fn directories_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Sesi Rahasia"]);
    let sessions = fgd.data().join("sessions");
    for dir in [
        sessions.clone(),
        sessions.join(&id),
        sessions.join(&id).join("db"),
    ] {
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", dir.display());
    }
    for file in ["meta.json", "session.json", "lock"] {
        let mode = std::fs::metadata(sessions.join(&id).join(file))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{file}");
    }
}

#[test]
fn a_damaged_database_is_refused_and_left_as_it_is() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "sessions/obsesi-tupoksi.toml"]);
    let db = fgd.data().join("sessions").join(&id).join("db");
    for entry in walk_files(&db) {
        let len = std::fs::metadata(&entry).unwrap().len() as usize;
        std::fs::write(&entry, vec![0xA5; len.max(64)]).unwrap();
    }
    let before = fgd.snapshot();
    let r = fgd.run_with_input(&["apply", &id], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("can't be opened"), "{}", r.stderr);
    assert!(
        r.stderr.contains("fgd import"),
        "points to the backup: {}",
        r.stderr
    );
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    let after: Vec<_> = fgd
        .snapshot()
        .into_iter()
        .filter(|(p, _)| !p.ends_with("lock"))
        .collect();
    let before: Vec<_> = before
        .into_iter()
        .filter(|(p, _)| !p.ends_with("lock"))
        .collect();
    assert_eq!(after, before, "the damaged database must not be written");
}

fn walk_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walk_files(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn a_session_from_a_newer_fgd_is_refused_untouched() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Sesi Masa Depan"]);
    std::fs::write(fgd.data().join("sessions").join(&id).join("schema"), "7\n").unwrap();
    let before = fgd.snapshot();
    let r = fgd.run_with_input(&["apply", &id], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("newer fgd") && r.stderr.contains("schema 7"),
        "{}",
        r.stderr
    );
    let unchanged = |snap: Vec<(std::path::PathBuf, Vec<u8>)>| {
        snap.into_iter()
            .filter(|(p, _)| !p.ends_with("lock"))
            .collect::<Vec<_>>()
    };
    assert_eq!(unchanged(fgd.snapshot()), unchanged(before));
}

#[test]
fn follow_up_carries_deferred_items_and_open_actions() {
    let fgd = Fgd::new();
    let first = fgd.new_session(&["--plan", "sessions/obsesi-tupoksi.toml"]);
    let script = r#"{"cmd":"start","at":"2036-12-07T09:00:00+07:00"}
{"cmd":"add_action","what":"Susun draf SOP","pic":"Endang","due":"2026-12-14","at":"2036-12-07T09:10:00+07:00"}
{"cmd":"add_action","what":"Data batas desa","pic":"Dinas PUPR","at":"2036-12-07T09:11:00+07:00"}
{"cmd":"add_action","what":"Sudah beres","pic":"P1","at":"2036-12-07T09:12:00+07:00"}
{"cmd":"set_action_status","action":3,"status":"done","at":"2036-12-07T09:13:00+07:00"}
{"cmd":"next_item","at":"2036-12-07T09:20:00+07:00"}
{"cmd":"defer_item","at":"2036-12-07T09:30:00+07:00"}
{"cmd":"end","at":"2036-12-07T10:00:00+07:00"}
"#;
    let r = fgd.run_with_input(&["apply", &first], script);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);

    let second = fgd.new_session(&[
        "--plan",
        "sessions/obsesi-tupoksi.toml",
        "--title",
        "OBSESI Januari 2027",
        "--follow-up",
        &first,
    ]);
    let backup = std::fs::read(
        fgd.data()
            .join("sessions")
            .join(&second)
            .join("session.json"),
    )
    .unwrap();
    let (s, _) = fgd::export::json::read(&backup).unwrap();
    assert_eq!(s.info.follow_up_of.as_deref(), Some(first.as_str()));
    let carried: Vec<_> = s.agenda.iter().filter(|i| i.origin.is_some()).collect();
    assert_eq!(carried.len(), 1, "the one deferred item");
    assert_eq!(carried[0].origin.as_deref(), Some(first.as_str()));
    assert_eq!(
        carried[0].title, s.agenda[1].title,
        "the same title as the plan's second item"
    );
    let actions: Vec<_> = s.actions().collect();
    assert_eq!(actions.len(), 2, "open actions only");
    assert!(
        actions
            .iter()
            .all(|a| a.origin.as_deref() == Some(first.as_str()))
    );
    assert_eq!(actions[0].due.unwrap().to_string(), "2026-12-14");
    assert_eq!(
        actions[0].pic.as_ref().unwrap().code.as_deref(),
        Some("P2"),
        "relinked to the same person"
    );
    assert_eq!(actions[1].pic.as_ref().unwrap().code, None);

    let third = fgd.new_session(&["--title", "OBSESI Februari", "--follow-up", &second]);
    let backup = std::fs::read(
        fgd.data()
            .join("sessions")
            .join(&third)
            .join("session.json"),
    )
    .unwrap();
    let (s, _) = fgd::export::json::read(&backup).unwrap();
    assert!(
        s.actions()
            .all(|a| a.origin.as_deref() == Some(first.as_str())),
        "the first origin is kept"
    );

    let r = fgd.run(&["new", "--title", "X", "--follow-up", "nope"]);
    assert_eq!(r.code, 2);
}

#[test]
fn a_stale_or_damaged_meta_json_is_rewritten_when_the_session_opens() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Sesi Meta"]);
    assert_eq!(
        fgd.run_with_input(&["apply", &id], "{\"cmd\":\"start\"}\n")
            .code,
        0
    );
    let meta = fgd.data().join("sessions").join(&id).join("meta.json");
    let listed = |fgd: &Fgd| {
        fgd.run(&["list"])
            .stdout
            .lines()
            .find(|l| l.starts_with(id.as_str()))
            .map(str::to_owned)
    };
    // As if fgd was killed between storing `start` and rewriting meta.json.
    let stale = std::fs::read_to_string(&meta)
        .unwrap()
        .replace("\"live\"", "\"planned\"");
    std::fs::write(&meta, stale).unwrap();
    assert!(listed(&fgd).unwrap().contains("planned"));
    assert_eq!(fgd.run_with_input(&["apply", &id], "").code, 0);
    assert!(listed(&fgd).unwrap().contains("live"), "rewritten on open");

    std::fs::write(&meta, "\u{0}garbage").unwrap();
    assert_eq!(listed(&fgd), None, "a damaged meta.json hides the session");
    assert_eq!(fgd.run_with_input(&["apply", &id], "").code, 0);
    assert!(listed(&fgd).unwrap().contains("live"), "rewritten on open");
}
