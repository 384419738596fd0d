//! `fgd apply`: whole sessions from JSON lines, refused lines with their
//! number, unknown and ambiguous ids.

use super::*;

/// A whole meeting, its times written from an anchor day
/// ([`ANCHOR`]) and replayed a few hours ago ([`crate::bin_support::shifted`]).
const SCRIPT: &str = r#"{"cmd":"arrive","participant":"P1","at":"2000-01-01T08:55:00+07:00"}
{"cmd":"arrive","participant":"Endang Sulistyowati, S.H.","at":"2000-01-01T08:56:00+07:00"}
{"cmd":"add_participant","name":"Wayan Sudarsana","position":"Staf","unit":"Desa Sukamaju","code":"P99","at":"2000-01-01T08:58:00+07:00"}
{"cmd":"start","at":"2000-01-01T09:00:00+07:00"}
{"cmd":"raise_hand","participant":"P2","kind":"topic","at":"2000-01-01T09:01:00+07:00"}
{"cmd":"raise_hand","participant":"P99","kind":"point_of_order","at":"2000-01-01T09:01:10+07:00"}
{"cmd":"call_next","at":"2000-01-01T09:01:20+07:00"}
{"cmd":"finish_speaker","at":"2000-01-01T09:02:20+07:00"}
{"cmd":"call_next","at":"2000-01-01T09:02:30+07:00"}
{"cmd":"add_mindset","from":"dilayani","to":"melayani","values":["berorientasi_pelayanan","adaptif"],"participant":"P2","at":"2000-01-01T09:03:00+07:00"}
{"cmd":"add_note","text":"Kewenangan izin keramaian tumpang tindih","kind":"quote","participant":"P2","at":"2000-01-01T09:04:00+07:00"}
{"cmd":"pause","at":"2000-01-01T09:05:00+07:00"}
{"cmd":"resume","at":"2000-01-01T09:15:00+07:00"}
{"cmd":"finish_speaker","at":"2000-01-01T09:16:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:20:00+07:00"}
{"cmd":"add_decision","text":"SOP izin keramaian disusun bersama","at":"2000-01-01T09:21:00+07:00"}
{"cmd":"add_conclusion","text":"Tupoksi kasi trantib diperjelas","at":"2000-01-01T09:22:00+07:00"}
{"cmd":"add_action","what":"Susun draf SOP","pic":"endang","due":"+7d","at":"2000-01-01T09:23:00+07:00"}
{"cmd":"set_action_status","action":1,"status":"done","at":"2000-01-01T09:24:00+07:00"}
{"cmd":"add_agenda_item","title":"Lain-lain","minutes":5,"at":"2000-01-01T09:25:00+07:00"}
{"cmd":"defer_item","at":"2000-01-01T09:26:00+07:00"}
{"cmd":"undo","at":"2000-01-01T09:27:00+07:00"}
{"cmd":"end","at":"2000-01-01T09:30:00+07:00"}
"#;

/// The time of [`SCRIPT`]'s first line.
const ANCHOR: &str = "2000-01-01T08:55:00+07:00";

#[test]
fn apply_builds_a_whole_session_and_answers_each_line() {
    let fgd = Fgd::new();
    let base = crate::bin_support::hours_ago(3);
    let id = fgd.new_session_at(
        "sessions/obsesi-tupoksi.toml",
        base - chrono::TimeDelta::minutes(1),
    );
    let script = crate::bin_support::shifted(SCRIPT, ANCHOR, base);
    let r = fgd.run_with_input(&["apply", "obsesi"], &script);
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
    let wib = chrono::FixedOffset::east_opt(7 * 3600).unwrap();
    let added = (base + chrono::TimeDelta::minutes(28)).with_timezone(&wib);
    assert_eq!(
        action.due.unwrap(),
        added.date_naive() + chrono::Days::new(7),
        "+7d from the day the action was added"
    );
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
        base.to_rfc3339()
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
        (10, "no participant or resource person `Nobody`"),
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
