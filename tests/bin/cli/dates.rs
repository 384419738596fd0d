//! The session's facts from the outside: a session's date is the day it
//! ran (its first start), in every shared file and in `fgd list`; a
//! follow-up is dated today and numbered; `fgd new --date` and `--at`; a
//! past meeting replayed with `fgd apply` `at` times keeps its own day.
//! Dates are computed from the clock, never written in.

use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};
use fgd::domain::{Language, Zone};
use fgd::i18n;

use crate::bin_support::Fgd;

fn today() -> NaiveDate {
    Zone::WIB.date_of(Utc::now())
}

/// A plan file in the test's directory; `{date}` in `body` is filled.
fn plan(fgd: &Fgd, name: &str, body: &str) -> String {
    let path = fgd.data().join(name);
    std::fs::write(&path, body).unwrap();
    path.to_string_lossy().into_owned()
}

fn apply(fgd: &Fgd, id: &str, lines: &str) {
    let r = fgd.run_with_input(&["apply", id], lines);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
}

/// The shared files as text (the iCalendar file unfolded and unescaped).
fn shared_files(fgd: &Fgd, id: &str) -> Vec<(String, String)> {
    let out = fgd.data().join("out");
    let r = fgd.run(&["export", id, "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    ["minutes.md", "minutes.html", "actions.ics"]
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(out.join(id).join(f)).unwrap();
            (f.to_string(), text.replace("\r\n ", "").replace("\\,", ","))
        })
        .collect()
}

fn listed_line(fgd: &Fgd, id: &str) -> String {
    let list = fgd.run(&["list"]);
    list.stdout
        .lines()
        .find(|l| l.starts_with(id))
        .unwrap_or_else(|| panic!("{id} not listed:\n{}", list.stdout))
        .to_owned()
}

/// Every shared file says `day` (long form) and not `not`, and the sign-off
/// has `place, day`.
fn dated(fgd: &Fgd, id: &str, day: NaiveDate, not: NaiveDate, place: &str) {
    let long = i18n::date_long(day, Language::Id);
    let old = i18n::date(not, Language::Id);
    for (file, text) in shared_files(fgd, id) {
        assert!(text.contains(&long), "{file} lacks {long}:\n{text}");
        assert!(!text.contains(&old), "{file} still says {old}");
    }
    let md = &shared_files(fgd, id)[0].1;
    let sign = format!("{place}, {}", i18n::date(day, Language::Id));
    assert!(md.contains(&sign), "no “{sign}” in the sign-off:\n{md}");
    let line = listed_line(fgd, id);
    assert!(line.contains(&day.to_string()), "{line}");
}

#[test]
fn a_plan_dated_in_the_past_started_today_is_dated_today_everywhere() {
    let fgd = Fgd::new();
    let past = today() - Duration::days(40);
    let p = plan(
        &fgd,
        "lalu.toml",
        &format!(
            "title = \"Rapat Evaluasi\"\ndate = \"{past}\"\nplace = \"Ngawi\"\n\
             [[agenda]]\ntitle = \"Pembukaan\"\nminutes = 5\n"
        ),
    );
    let id = fgd.new_session(&["--plan", &p]);
    assert!(
        id.starts_with(&past.to_string()),
        "the id keeps the plan's day: {id}"
    );
    assert!(listed_line(&fgd, &id).contains(&past.to_string()));
    // A draft before the start says its day is the planned one.
    let md = &shared_files(&fgd, &id)[0].1;
    let planned = format!("{} (rencana)", i18n::date_long(past, Language::Id));
    assert!(md.contains(&planned), "{md}");
    apply(
        &fgd,
        &id,
        "{\"cmd\":\"start\"}\n{\"cmd\":\"add_action\",\"what\":\"Susun laporan\",\"due\":\"+7d\"}\n{\"cmd\":\"end\"}\n",
    );
    dated(&fgd, &id, today(), past, "Ngawi");
    assert!(!shared_files(&fgd, &id)[0].1.contains("(rencana)"));
}

#[test]
fn a_follow_up_is_dated_today_numbered_and_titled_from_the_placeholders() {
    let fgd = Fgd::new();
    let past = today() - Duration::days(30);
    let p = plan(
        &fgd,
        "obsesi.toml",
        &format!(
            "title = \"OBSESI ke-{{ke}} {{bulan}} {{tahun}}\"\ndate = \"{past}\"\n\
             [[agenda]]\ntitle = \"Tupoksi\"\nminutes = 5\n"
        ),
    );
    let first = fgd.new_session(&["--plan", &p]);
    let title = |day: NaiveDate, n: u32| {
        format!(
            "OBSESI ke-{n} {} {}",
            i18n::month(chrono::Datelike::month(&day), Language::Id),
            chrono::Datelike::year(&day)
        )
    };
    assert!(listed_line(&fgd, &first).contains(&title(past, 1)));
    let second = fgd.new_session(&["--plan", &p, "--follow-up", &first]);
    assert!(second.starts_with(&today().to_string()), "{second}");
    let line = listed_line(&fgd, &second);
    assert!(line.contains(&title(today(), 2)), "{line}");
    let out = fgd.data().join("json");
    let r = fgd.run(&[
        "export",
        &second,
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join(&second).join("internal").join("session.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        json["session"]["info"]["meeting"], 2,
        "the number is stored"
    );
    // The third meeting follows the second; `--date` dates it.
    let later = today() + Duration::days(14);
    let third = fgd.new_session(&[
        "--plan",
        &p,
        "--follow-up",
        &second,
        "--date",
        &later.to_string(),
    ]);
    assert!(third.starts_with(&later.to_string()), "{third}");
    assert!(listed_line(&fgd, &third).contains(&title(later, 3)));
}

#[test]
fn a_past_meeting_replayed_from_its_beginning_keeps_its_own_day() {
    let fgd = Fgd::new();
    let day = today() - Duration::days(10);
    // 08:30 WIB of that day.
    let t: DateTime<Utc> = day.and_hms_opt(1, 30, 0).unwrap().and_utc();
    let at = |mins: i64| (t + Duration::minutes(mins)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let p = plan(
        &fgd,
        "replay.toml",
        "title = \"Rapat Ulang\"\nplace = \"Poso\"\n[[agenda]]\ntitle = \"A\"\nminutes = 5\n",
    );
    let id = fgd.new_session(&["--plan", &p, "--at", &at(0)]);
    assert!(id.starts_with(&day.to_string()), "{id}");
    // Nothing may be stamped before the creation.
    let r = fgd.run_with_input(
        &["apply", &id],
        &format!("{{\"cmd\":\"start\",\"at\":\"{}\"}}\n", at(-5)),
    );
    assert!(r.stdout.starts_with("error 1:"), "{}", r.stdout);
    apply(
        &fgd,
        &id,
        &format!(
            "{{\"cmd\":\"start\",\"at\":\"{}\"}}\n\
             {{\"cmd\":\"add_action\",\"what\":\"Kirim notulen\",\"due\":\"+7d\",\"at\":\"{}\"}}\n\
             {{\"cmd\":\"end\",\"at\":\"{}\"}}\n",
            at(30),
            at(60),
            at(90)
        ),
    );
    dated(&fgd, &id, day, today(), "Poso");
    let ics = &shared_files(&fgd, &id)[2].1;
    let due = (day + Duration::days(7)).format("%Y%m%d").to_string();
    assert!(ics.contains(&format!("DUE;VALUE=DATE:{due}")), "{ics}");
    let md = &shared_files(&fgd, &id)[0].1;
    assert!(md.contains("08.30") || md.contains("09.00"), "{md}");
}

#[test]
fn a_bad_date_or_a_future_at_is_bad_usage_and_writes_nothing() {
    let fgd = Fgd::new();
    let before = fgd.snapshot();
    let future = (Utc::now() + Duration::hours(2)).to_rfc3339();
    for (args, says) in [
        (
            vec!["--title", "T", "--date", "2027-02-30"],
            "bad --date `2027-02-30`",
        ),
        (vec!["--title", "T", "--date", "15-01-2027"], "YYYY-MM-DD"),
        (vec!["--title", "T", "--at", "kemarin"], "RFC 3339"),
        (vec!["--title", "T", "--at", &future], "in the future"),
    ] {
        let mut all = vec!["new"];
        all.extend(args);
        let r = fgd.run(&all);
        assert_eq!(r.code, 2, "{all:?}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{all:?}: {}", r.stderr);
        assert!(r.stdout.is_empty());
    }
    assert_eq!(fgd.snapshot(), before, "nothing written");
}
