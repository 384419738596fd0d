//! A series of three OBSESI meetings replayed with `fgd new --follow-up`
//! and `fgd apply`, a month apart in the past: the review of the carried
//! actions with each outcome, what the third meeting sees of the second's,
//! carried agenda items in their place, walk-ins invited again, the action
//! register (`fgd actions`) and the minutes of meeting 3.

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use fgd::domain::Outcome::{Done, Dropped, Extended, InProgress, Pending};
use fgd::domain::{ActionStatus, Language, Outcome, Session};

use crate::bin_support::{Fgd, hours_ago, shifted};

const ANCHOR: &str = "2000-01-01T09:00:00+07:00";

/// The session as its `session.json` backup holds it.
fn backup(fgd: &Fgd, id: &str) -> Session {
    let bytes = std::fs::read(fgd.data().join("sessions").join(id).join("session.json")).unwrap();
    fgd::export::json::read(&bytes).unwrap().0
}

/// The day of `at` in WIB.
fn day(at: DateTime<Utc>) -> NaiveDate {
    fgd::domain::Zone::WIB.date_of(at)
}

/// `fgd new` of the OBSESI plan on the day of `at`, created at `at`.
fn new_meeting(fgd: &Fgd, at: DateTime<Utc>, follow_up: Option<&str>) -> String {
    let date = day(at).to_string();
    let at = at.to_rfc3339();
    let mut args = vec!["--plan", "obsesi-tupoksi", "--date", &date, "--at", &at];
    if let Some(prev) = follow_up {
        args.extend(["--follow-up", prev]);
    }
    fgd.new_session(&args)
}

/// Replays `script` (written for 2000-01-01 09:00 WIB) from `start`.
fn replay(fgd: &Fgd, id: &str, script: &str, start: DateTime<Utc>) -> crate::bin_support::Run {
    fgd.run_with_input(&["apply", id], &shifted(script, ANCHOR, start))
}

const MEETING_1: &str = r#"{"cmd":"start","at":"2000-01-01T09:00:00+07:00"}
{"cmd":"add_participant","name":"Bripka Joko Santoso","position":"Bhabinkamtibmas","present":true,"at":"2000-01-01T09:05:00+07:00"}
{"cmd":"add_agenda_item","title":"Sosialisasi aplikasi layanan desa","minutes":10,"at":"2000-01-01T09:06:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:10:00+07:00"}
{"cmd":"add_action","what":"Susun SOP surat pengantar","pic":"P1","due":"+14d","at":"2000-01-01T09:20:00+07:00"}
{"cmd":"add_action","what":"Data Linmas per desa","pic":"P2","due":"+14d","at":"2000-01-01T09:21:00+07:00"}
{"cmd":"add_action","what":"Rapat koordinasi trantib","pic":"P3","due":"+21d","at":"2000-01-01T09:22:00+07:00"}
{"cmd":"add_action","what":"Papan informasi tupoksi","pic":"P4","due":"+21d","at":"2000-01-01T09:23:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:30:00+07:00"}
{"cmd":"defer_item","at":"2000-01-01T09:40:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:41:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:50:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:55:00+07:00"}
{"cmd":"defer_item","at":"2000-01-01T10:00:00+07:00"}
{"cmd":"end","at":"2000-01-01T10:30:00+07:00"}
"#;

/// The review of meeting 2: one outcome each (the extension's date is
/// filled in), then a new action.
const MEETING_2: &str = r#"{"cmd":"start","at":"2000-01-01T09:00:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:10:00+07:00"}
{"cmd":"set_action_status","action":1,"status":"done","note":"SOP ditandatangani camat","at":"2000-01-01T09:11:00+07:00"}
{"cmd":"set_action_status","action":2,"status":"open","note":"tinggal dua desa","at":"2000-01-01T09:12:00+07:00"}
{"cmd":"set_action_status","action":3,"status":"open","due":"EXTENDED","note":"menunggu jadwal Polsek","at":"2000-01-01T09:13:00+07:00"}
{"cmd":"set_action_status","action":4,"status":"dropped","note":"digabung ke laman kecamatan","at":"2000-01-01T09:14:00+07:00"}
{"cmd":"set_action_status","action":1,"status":"done","due":"+3d","at":"2000-01-01T09:15:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:30:00+07:00"}
{"cmd":"add_action","what":"Surat edaran jam layanan","pic":"P6","due":"+10d","at":"2000-01-01T09:40:00+07:00"}
{"cmd":"end","at":"2000-01-01T10:30:00+07:00"}
"#;

const MEETING_3: &str = r#"{"cmd":"start","at":"2000-01-01T09:00:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:10:00+07:00"}
{"cmd":"set_action_status","action":1,"status":"done","note":"data lengkap","at":"2000-01-01T09:11:00+07:00"}
{"cmd":"end","at":"2000-01-01T10:30:00+07:00"}
"#;

/// The three meetings: ids and start times.
struct Series {
    fgd: Fgd,
    ids: [String; 3],
    starts: [DateTime<Utc>; 3],
    extended: NaiveDate,
}

fn three_meetings() -> Series {
    let fgd = Fgd::new();
    let starts = [hours_ago(24 * 60), hours_ago(24 * 30), hours_ago(24)];
    let created = |i: usize| starts[i] - TimeDelta::minutes(10);
    let first = new_meeting(&fgd, created(0), None);
    let r = replay(&fgd, &first, MEETING_1, starts[0]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let second = new_meeting(&fgd, created(1), Some(&first));
    let extended = day(starts[1]) + TimeDelta::days(45);
    let script = MEETING_2.replace("EXTENDED", &extended.to_string());
    let r = replay(&fgd, &second, &script, starts[1]);
    assert_eq!(r.code, 2, "one line is refused: {}{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains("error 7: a new due date is only for an action still open"),
        "{}",
        r.stdout
    );
    let third = new_meeting(&fgd, created(2), Some(&second));
    Series {
        ids: [first, second, third],
        fgd,
        starts,
        extended,
    }
}

/// An action's status, outcome, due date and note.
fn outcome(
    s: &Session,
    n: u32,
) -> (
    ActionStatus,
    Option<Outcome>,
    Option<NaiveDate>,
    Option<String>,
) {
    let a = s.actions().find(|a| a.id.0 == n).unwrap();
    (a.status, a.outcome(), a.due, a.note.clone())
}

#[test]
fn a_series_of_three_obsesi_meetings_reviews_and_registers_its_actions() {
    let s = three_meetings();
    meeting_two_carries_and_reviews(&s);
    meeting_three_sees_the_outcomes(&s);
    let r = replay(&s.fgd, &s.ids[2], MEETING_3, s.starts[2]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    listed_by_series(&s);
    let out = tempfile::tempdir().unwrap();
    the_register_has_each_action_once(&s, out.path());
    the_minutes_of_meeting_three_open_with_the_review(&s, out.path());
}

/// Meeting 2: the series, its number, what it carried and where, and its
/// review with every outcome.
fn meeting_two_carries_and_reviews(s: &Series) {
    let d1 = day(s.starts[0]);
    let m2 = backup(&s.fgd, &s.ids[1]);
    assert_eq!(m2.info.series_id(), "obsesi");
    assert_eq!(m2.info.meeting_number(), 2);
    let review = m2.review_item().expect("a review item");
    assert_eq!(review.title, "Review tindak lanjut OBSESI sebelumnya");
    let titles: Vec<&str> = m2.agenda.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles.iter().filter(|t| t.starts_with("Review")).count(),
        1,
        "{titles:?}"
    );
    let n = titles.len();
    assert_eq!(
        titles[n - 2],
        "Sosialisasi aplikasi layanan desa",
        "a carried item goes before the closing: {titles:?}"
    );
    assert!(titles[n - 1].starts_with("Penutup"), "{titles:?}");
    assert_eq!(
        titles
            .iter()
            .filter(|t| t.contains("administrasi kependudukan"))
            .count(),
        1,
        "a deferred standing item is merged: {titles:?}"
    );
    let walk_in = m2
        .participants
        .iter()
        .find(|p| p.name == "Bripka Joko Santoso")
        .expect("last meeting's walk-in is invited");
    assert!(!walk_in.present, "invited, not yet present");
    assert!(walk_in.carried, "marked as a walk-in carried");
    assert!(
        m2.participants.iter().filter(|p| p.carried).count() == 1,
        "the plan's own participants are not marked"
    );
    // Meeting 2's review: each outcome, as events of meeting 2.
    assert_eq!(outcome(&m2, 1).1, Some(Done));
    assert_eq!(outcome(&m2, 2).1, Some(InProgress));
    assert_eq!(outcome(&m2, 3).1, Some(Extended));
    assert_eq!(outcome(&m2, 3).2, Some(s.extended));
    assert_eq!(outcome(&m2, 4).1, Some(Dropped));
    assert_eq!(outcome(&m2, 5).1, None, "a new action is not carried");
    assert!(m2.carried_actions().all(|a| {
        let c = a.carried.as_ref().unwrap();
        c.meeting == 1 && c.date == d1 && a.item == Some(review.id)
    }));
}

/// Meeting 3 sees meeting 2's outcomes: done and dropped stay behind.
fn meeting_three_sees_the_outcomes(s: &Series) {
    let m3 = backup(&s.fgd, &s.ids[2]);
    assert_eq!(m3.info.meeting_number(), 3);
    let carried: Vec<(&str, u32, Option<NaiveDate>)> = m3
        .carried_actions()
        .map(|a| (a.what.as_str(), a.carried.as_ref().unwrap().meeting, a.due))
        .collect();
    assert_eq!(carried.len(), 3, "{carried:?}");
    assert_eq!(carried[0].0, "Data Linmas per desa");
    assert_eq!(
        carried[1],
        ("Rapat koordinasi trantib", 1, Some(s.extended))
    );
    assert_eq!(carried[2].0, "Surat edaran jam layanan");
    assert_eq!(carried[2].1, 2);
    assert_eq!(outcome(&m3, 2).1, Some(Pending), "not reviewed yet");
    assert_eq!(
        m3.actions()
            .filter(|a| a.status == ActionStatus::Open)
            .count(),
        3
    );
}

/// `fgd list --series`: the three, in meeting order.
fn listed_by_series(s: &Series) {
    let (fgd, [first, second, third]) = (&s.fgd, &s.ids);
    let r = fgd.run(&["list", "--series", "OBSESI"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let listed: Vec<&str> = r
        .stdout
        .lines()
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    assert_eq!(listed, [first.as_str(), second, third]);
    let r = fgd.run(&["list", "--series", "nope"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// The register: each action once, with its latest status.
fn the_register_has_each_action_once(s: &Series, out: &std::path::Path) {
    let fgd = &s.fgd;
    let d1 = day(s.starts[0]);
    let dir = out.to_str().unwrap();
    let r = fgd.run(&[
        "actions", "--series", "obsesi", "--format", "json", "--out", dir,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = r.stdout.trim();
    assert!(path.ends_with("obsesi/register.json"), "{path}");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let rows = v["actions"].as_array().unwrap();
    let row = |what: &str| rows.iter().find(|r| r["what"] == what).unwrap();
    assert_eq!(rows.len(), 5, "{rows:#?}");
    assert_eq!(row("Susun SOP surat pengantar")["status"], "done");
    assert_eq!(row("Papan informasi tupoksi")["status"], "dropped");
    assert_eq!(row("Data Linmas per desa")["status"], "done");
    assert_eq!(
        row("Data Linmas per desa")["meetings"],
        serde_json::json!([1, 2, 3])
    );
    let trantib = row("Rapat koordinasi trantib");
    assert_eq!(trantib["status"], "open");
    assert_eq!(trantib["due"], s.extended.to_string());
    assert_eq!(trantib["meeting"], 1);
    assert_eq!(trantib["date"], d1.to_string());
    assert_eq!(trantib["note"], "menunggu jadwal Polsek");
    assert_eq!(row("Surat edaran jam layanan")["meeting"], 2);
    assert_eq!(
        row("Surat edaran jam layanan")["overdue"],
        true,
        "due ten days after a meeting a month ago"
    );

    let r = fgd.run(&["actions", "--series", "obsesi", "--open"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().skip(2).collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(lines.iter().any(|l| l.contains("Rapat koordinasi trantib")));
    let r = fgd.run(&["actions", "--series", "obsesi", "--overdue"]);
    let lines: Vec<&str> = r.stdout.lines().skip(2).collect();
    assert_eq!(lines.len(), 1, "{}", r.stdout);
    assert!(
        lines[0].contains("Surat edaran jam layanan"),
        "{}",
        r.stdout
    );
}

/// The minutes of meeting 3 open with the review.
fn the_minutes_of_meeting_three_open_with_the_review(s: &Series, out: &std::path::Path) {
    let (fgd, [first, _, third]) = (&s.fgd, &s.ids);
    let d1 = day(s.starts[0]);
    let dir = out.to_str().unwrap();
    let r = fgd.run(&["export", third, "--format", "md", "--out", dir]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = std::fs::read_to_string(out.join(third).join("minutes.md")).unwrap();
    let d2 = fgd::i18n::date(day(s.starts[1]), Language::Id);
    assert!(md.contains("**Pertemuan:** ke-3 (seri obsesi)"), "{md}");
    assert!(
        md.contains(&format!(
            "**Tindak lanjut dari sesi:** pertemuan ke-2, {d2}"
        )),
        "{md}"
    );
    let review = md
        .split("## 2. Review tindak lanjut pertemuan sebelumnya")
        .nth(1)
        .expect("the review is the second section, after the agenda and before the discussion");
    let review = review.split("\n## ").next().unwrap();
    let first_date = fgd::i18n::date(d1, Language::Id);
    let linmas = review.lines().find(|l| l.contains("Data Linmas")).unwrap();
    assert!(
        linmas.contains(&format!("pertemuan ke-1, {first_date}")),
        "{linmas}"
    );
    assert!(
        linmas.contains("**selesai**") && linmas.contains("data lengkap"),
        "{linmas}"
    );
    let edaran = review.lines().find(|l| l.contains("Surat edaran")).unwrap();
    assert!(
        edaran.contains(&format!("pertemuan ke-2, {d2}")),
        "{edaran}"
    );
    assert!(edaran.contains("**belum ditinjau"), "{edaran}");
    assert!(
        !md.contains(&format!("| {first} |")),
        "no raw session id as origin"
    );
}

#[test]
fn the_register_is_written_as_xlsx_csv_and_html_and_refuses_bad_input() {
    let s = three_meetings();
    let fgd = &s.fgd;
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    for format in ["xlsx", "csv", "html"] {
        let r = fgd.run(&[
            "actions", "--series", "obsesi", "--format", format, "--out", dir,
        ]);
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert!(r.stdout.trim().ends_with(&format!("register.{format}")));
    }
    let base = out.path().join("obsesi");
    let mut book: Xlsx<_> = calamine::open_workbook(base.join("register.xlsx")).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(sheet.height(), 6, "a header and five actions");
    assert!(
        matches!(sheet.get((1, 4)), Some(Data::DateTime(_))),
        "the origin date is a real date: {:?}",
        sheet.get((1, 4))
    );
    let csv = std::fs::read_to_string(base.join("register.csv")).unwrap();
    assert_eq!(csv.lines().count(), 6, "{csv}");
    let html = std::fs::read_to_string(base.join("register.html")).unwrap();
    assert!(html.contains("Daftar tindak lanjut") && html.contains("Papan informasi tupoksi"));

    let before = fgd.snapshot();
    let r = fgd.run(&["actions", "--format", "pdf"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("table, json, csv, xlsx, html"),
        "{}",
        r.stderr
    );
    let r = fgd.run(&["actions", "--series", "lain"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("the series are: obsesi"), "{}", r.stderr);
    assert_eq!(fgd.snapshot(), before, "a refusal changes nothing");

    // One session only, and every session.
    let r = fgd.run(&["actions", "--session", &s.ids[0]]);
    assert_eq!(r.stdout.lines().count(), 2 + 4, "{}", r.stdout);
    assert!(
        r.stdout
            .starts_with(&format!("Daftar tindak lanjut · Sesi {}", s.ids[0])),
        "{}",
        r.stdout
    );
    let r = fgd.run(&["actions"]);
    assert!(
        r.stdout.starts_with("Daftar tindak lanjut · Semua sesi"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_reviewed_meeting_round_trips_through_import_and_a_version_2_file_still_imports() {
    let s = three_meetings();
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let second = &s.ids[1];
    let r = s
        .fgd
        .run(&["export", second, "--format", "json", "--out", dir]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = out
        .path()
        .join(second)
        .join("internal")
        .join("session.json");
    let elsewhere = Fgd::new();
    let r = elsewhere.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let imported = backup(&elsewhere, second);
    let original = backup(&s.fgd, second);
    assert_eq!(
        imported.actions, original.actions,
        "notes, due dates and origins kept"
    );
    assert_eq!(imported.info.series_id(), "obsesi");
    assert_eq!(imported.participants, original.participants);

    // The same file as version 2 wrote it (nothing of a series in it).
    let first = &s.ids[0];
    let r = s
        .fgd
        .run(&["export", first, "--format", "json", "--out", dir]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v3 = std::fs::read_to_string(out.path().join(first).join("internal").join("session.json"))
        .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&v3).unwrap();
    assert_eq!(v["version"], 3);
    v["version"] = 2.into();
    let v2 = out.path().join("v2.json");
    std::fs::write(&v2, v.to_string()).unwrap();
    let third = Fgd::new();
    let r = third.run(&["import", v2.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(backup(&third, first).actions().count(), 4);
}
