//! For every bundled plan (`sessions/*.toml`): a session built with
//! `fgd apply` (every line with an `at` time), exported in both languages,
//! gives the five files, each valid under its real parser, and its
//! `session.json` imports back to the same session.

use crate::bin_support::{Fgd, repo};
use crate::export_support::{
    assert_clean, check_csv, check_ics, check_md, one, prop, start_time, text_of, timed,
};
use chrono::{NaiveTime, TimeZone};
use serde_json::json;

fn plans() -> Vec<std::path::PathBuf> {
    let mut plans: Vec<_> = std::fs::read_dir(repo().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    plans.sort();
    assert!(plans.len() >= 5, "{plans:?}");
    plans
}

/// A session's worth of commands: attendance, turns, notes of each kind,
/// a mindset change, a decision, a conclusion, actions, a pause, a
/// deferred item, the end, and a correction after it.
fn script(base: chrono::DateTime<chrono::Utc>) -> String {
    timed(
        base,
        &[
            (0, json!({"cmd":"arrive","participant":"P1"})),
            (1, json!({"cmd":"arrive","participant":"P2"})),
            (5, json!({"cmd":"start"})),
            (
                6,
                json!({"cmd":"raise_hand","participant":"P2","kind":"reply"}),
            ),
            (
                6,
                json!({"cmd":"raise_hand","participant":"P1","kind":"clarify"}),
            ),
            (7, json!({"cmd":"call_next"})),
            (
                9,
                json!({"cmd":"add_note","text":"Pertanyaan klarifikasi tentang jadwal.","kind":"observation"}),
            ),
            (10, json!({"cmd":"call_next"})),
            (
                12,
                json!({"cmd":"add_note","text":"Kami siap berubah, asal ada contoh dari pimpinan.","kind":"quote","participant":"P2"}),
            ),
            (
                13,
                json!({"cmd":"add_mindset","from":"dilayani","to":"melayani","values":["berorientasi_pelayanan","kolaboratif"],"participant":"P2"}),
            ),
            (14, json!({"cmd":"finish_speaker"})),
            (
                15,
                json!({"cmd":"add_note","text":"Perlu data pembanding antar-OPD.","kind":"insight","participant":"P1"}),
            ),
            (
                16,
                json!({"cmd":"add_decision","text":"Hasil FGD dibahas dalam rapat pimpinan bulan depan."}),
            ),
            (
                17,
                json!({"cmd":"add_conclusion","text":"Perubahan dimulai dari keteladanan pimpinan."}),
            ),
            (
                18,
                json!({"cmd":"add_action","what":"Susun rencana aksi","pic":"P1","due":"+7d"}),
            ),
            (
                19,
                json!({"cmd":"add_action","what":"Kirim notulen ke peserta","pic":"Sekretariat","due":"+2d"}),
            ),
            (20, json!({"cmd":"next_item"})),
            (25, json!({"cmd":"pause"})),
            (35, json!({"cmd":"resume"})),
            (40, json!({"cmd":"defer_item"})),
            (
                41,
                json!({"cmd":"set_action_status","action":2,"status":"done"}),
            ),
            (50, json!({"cmd":"end"})),
            (
                70,
                json!({"cmd":"edit_decision","decision":1,"text":"Hasil FGD dibahas dalam rapat pimpinan pada 4 Januari."}),
            ),
        ],
    )
}

#[test]
fn every_bundled_plan_gives_five_valid_files_in_both_languages() {
    // One thread per plan, each with its own data directory.
    std::thread::scope(|scope| {
        let runs: Vec<_> = plans()
            .into_iter()
            .map(|path| scope.spawn(move || check_plan(&path)))
            .collect();
        for run in runs {
            if let Err(panic) = run.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
}

#[expect(
    clippy::too_many_lines,
    reason = "one bundled plan checked file by file, in the order the files are written"
)]
fn check_plan(path: &std::path::Path) {
    let fgd = Fgd::new();
    let src = std::fs::read_to_string(path).unwrap();
    let plan = fgd::plan::parse(&src, &path.display().to_string()).unwrap();
    let day = plan.date.unwrap();
    let nine = plan
        .zone
        .offset()
        .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()))
        .unwrap()
        .with_timezone(&chrono::Utc);
    let base = start_time(nine);
    let id = fgd.new_session_at(
        path.to_str().unwrap(),
        crate::export_support::minute_before(base),
    );
    let r = fgd.run_with_input(&["apply", &id], &script(base));
    assert_eq!(r.code, 0, "{}: {}{}", path.display(), r.stdout, r.stderr);
    assert!(
        r.stdout.lines().all(|l| l.starts_with("ok ")),
        "{}",
        r.stdout
    );

    let mut jsons = vec![];
    for lang in ["id", "en"] {
        let out = fgd.data().join(format!("out-{lang}"));
        let r = fgd.run(&[
            "export",
            &id,
            "--lang",
            lang,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{}: {}", path.display(), r.stderr);
        assert_eq!(r.stdout.lines().count(), 7);
        let dir = out.join(&id);
        let read = |name: &str| {
            let bytes = std::fs::read(dir.join(name)).unwrap();
            assert_clean(name, &bytes);
            String::from_utf8(bytes).unwrap()
        };
        let what = format!("{} ({lang})", path.display());

        let kind = src
            .lines()
            .find_map(|l| l.strip_prefix("kind = \""))
            .map_or("fgd", |k| k.trim_end_matches('"'));
        let sections = crate::export_support::sections_of(kind, false);
        let doc = crate::export_support::check_html_sections(&read("minutes.html"), &sections);
        let header = text_of(one(&doc, "section#header"));
        // The real date: the day of the start (minute 5 of the script) in
        // the plan's zone.
        let started = plan.zone.date_of(base + chrono::Duration::minutes(5));
        let date = fgd::i18n::date_long(
            started,
            if lang == "en" {
                fgd::domain::Language::En
            } else {
                fgd::domain::Language::Id
            },
        );
        assert!(header.contains(&date), "{what}: {header}");
        assert!(
            header.contains(&plan.zone.label()),
            "{what}: zone in {header}"
        );
        assert_eq!(
            crate::export_support::all(&doc, "section#attendance tbody tr").len(),
            plan.participants.len(),
            "{what}"
        );
        assert_eq!(
            crate::export_support::all(&doc, "section#deferred tbody tr").len(),
            1,
            "{what}"
        );
        assert!(
            crate::export_support::all(&doc, "li.note.quote").len() == 1,
            "{what}: the quote"
        );

        let md = check_md(&read("minutes.md"));
        assert!(
            md.contains("Kami siap berubah, asal ada contoh dari pimpinan."),
            "{what}"
        );
        assert!(
            md.contains(if lang == "en" {
                "(revised "
            } else {
                "(direvisi "
            }),
            "{what}: the correction after the end"
        );

        let rows = check_csv(read("actions.csv").as_bytes());
        assert_eq!(rows.len(), 3, "{what}");
        let due = base.with_timezone(&plan.zone.offset()).date_naive() + chrono::Days::new(7);
        assert_eq!(rows[1][3], due.to_string(), "{what}");

        let todos = check_ics(&read("actions.ics"));
        assert_eq!(todos.len(), 2, "{what}");
        assert_eq!(
            prop(&todos[0], "DUE"),
            Some(due.format("%Y%m%d").to_string().as_str()),
            "{what}"
        );
        assert_eq!(prop(&todos[1], "STATUS"), Some("COMPLETED"), "{what}");

        let json = read("internal/session.json");
        let (s, log) = fgd::export::json::import(json.as_bytes()).unwrap();
        assert_eq!(s.info.id, id);
        jsons.push((s, log));
    }
    assert_eq!(jsons[0], jsons[1], "session.json does not depend on --lang");
}
