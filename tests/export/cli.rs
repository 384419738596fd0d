//! `fgd export` and `fgd import` through the binary: files and paths,
//! default directory, exit statuses with nothing (half-)written, the
//! `session.json` round trip, and import's refusals and cleaning.

use std::path::{Path, PathBuf};

use crate::bin_support::Fgd;
use crate::export_support::{assert_clean, check_csv, check_html, check_ics, check_md};

/// An ended OBSESI session; returns its id.
/// When [`obsesi`]'s meeting begins: 7 December 2026 once that has passed,
/// else a few hours ago (an `at` may not lie in the future).
fn obsesi_base() -> chrono::DateTime<chrono::Utc> {
    crate::export_support::start_time("2026-12-07T08:55:00+07:00".parse().unwrap())
}

/// A replayed OBSESI meeting that began at `base` (see [`obsesi_base`]).
fn obsesi_at(fgd: &Fgd, base: chrono::DateTime<chrono::Utc>) -> String {
    use serde_json::json;
    let id = fgd.new_session_at(
        "sessions/obsesi-tupoksi.toml",
        crate::export_support::minute_before(base),
    );
    let script = crate::export_support::timed(
        base,
        &[
            (0, json!({"cmd":"arrive","participant":"P1"})),
            (1, json!({"cmd":"arrive","participant":"P2"})),
            (5, json!({"cmd":"start"})),
            (6, json!({"cmd":"call_speaker","participant":"P2"})),
            (
                9,
                json!({"cmd":"add_note","text":"Kewenangan izin keramaian tumpang tindih","kind":"quote","participant":"P2"}),
            ),
            (11, json!({"cmd":"finish_speaker"})),
            (
                26,
                json!({"cmd":"add_decision","text":"SOP izin keramaian disusun bersama"}),
            ),
            (
                28,
                json!({"cmd":"add_action","what":"Susun draf SOP","pic":"Endang","due":"+7d"}),
            ),
            (30, json!({"cmd":"next_item"})),
            (35, json!({"cmd":"defer_item"})),
            (65, json!({"cmd":"end"})),
        ],
    );
    let r = fgd.run_with_input(&["apply", &id], &script);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    id
}

fn obsesi(fgd: &Fgd) -> String {
    obsesi_at(fgd, obsesi_base())
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn export_writes_the_five_files_into_out_id_and_prints_each_path() {
    let fgd = Fgd::new();
    let base = obsesi_base();
    let id = obsesi_at(&fgd, base);
    let out = fgd.data().join("out");
    let r = fgd.run(&["export", &id, "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let printed: Vec<PathBuf> = r.stdout.lines().map(PathBuf::from).collect();
    let names: Vec<&str> = printed
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "minutes.md",
            "minutes.html",
            "session.json",
            "actions.csv",
            "actions.ics",
            "minutes.docx",
            "actions.xlsx"
        ]
    );
    let dir = out.join(&id);
    let internal = dir.join("internal");
    for p in &printed {
        let lossless = p.ends_with("session.json");
        assert_eq!(p.parent().unwrap(), if lossless { &internal } else { &dir });
        let bytes = std::fs::read(p).unwrap();
        assert_clean(&p.display().to_string(), &bytes);
    }
    assert_eq!(files_under(&out).len(), 7, "no temporary file left");
    #[cfg(unix)]
    assert_eq!(mode(&dir), 0o700, "the minutes directory is private");
    #[cfg(unix)]
    assert_eq!(mode(&internal), 0o700, "the internal directory is private");

    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    check_md(&read("minutes.md"));
    let doc = check_html(&read("minutes.html"));
    // The real date: the day the session started (five minutes after the
    // replay's base) in WIB.
    let started = base + chrono::Duration::minutes(5);
    let day = fgd::domain::Zone::WIB.date_of(started);
    let date = fgd::i18n::date_long(day, fgd::domain::Language::Id);
    let header = crate::export_support::text_of(crate::export_support::one(&doc, "section#header"));
    assert!(header.contains(&date), "{date} in {header}");
    assert_eq!(check_csv(read("actions.csv").as_bytes()).len(), 2);
    assert_eq!(check_ics(&read("actions.ics")).len(), 1);
    let (s, _) = fgd::export::json::read(read("internal/session.json").as_bytes()).unwrap();
    assert_eq!(s.info.id, id);

    // Again, in English and only two formats: replaced in place.
    let r = fgd.run(&[
        "export",
        &id,
        "--out",
        out.to_str().unwrap(),
        "--format",
        "md,ics",
        "--lang",
        "en",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 2);
    let date_en = fgd::i18n::date_long(day, fgd::domain::Language::En);
    assert!(read("minutes.md").contains(&date_en), "{date_en}");
    assert!(
        read("minutes.html").contains(&date),
        "html was not rewritten"
    );
}

#[test]
fn the_default_directory_is_minutes_under_the_working_directory() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "sessions/obsesi-tupoksi.toml"]);
    let cwd = tempfile::tempdir().unwrap();
    let out = fgd
        .cmd()
        .current_dir(cwd.path())
        .args(["export", &id, "--format", "md"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        format!("minutes/{id}/minutes.md")
    );
    let md =
        std::fs::read_to_string(cwd.path().join("minutes").join(&id).join("minutes.md")).unwrap();
    assert!(md.contains("Draf"), "a planned session exports as a draft");
}

#[test]
fn an_unknown_id_format_or_language_is_bad_usage_and_writes_nothing() {
    let fgd = Fgd::new();
    let id = obsesi(&fgd);
    let out = fgd.data().join("out");
    let o = out.to_str().unwrap();
    let r = fgd.run(&["export", "nope", "--out", o]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("no session `nope`"), "{}", r.stderr);

    let r = fgd.run(&["export", &id, "--out", o, "--format", "md,odt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("unknown format `odt`")
            && r.stderr
                .contains("md, html, json, csv, ics, docx, xlsx, pdf, all"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.lines().count(), 1, "one plain line: {}", r.stderr);

    let r = fgd.run(&["export", &id, "--out", o, "--lang", "fr"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("id, en"), "{}", r.stderr);
    assert!(!out.exists(), "nothing written");
}

#[test]
fn an_unwritable_directory_is_exit_1_with_nothing_half_written() {
    let fgd = Fgd::new();
    let id = obsesi(&fgd);
    // A regular file where a directory should be: no one can write under it.
    let blocker = fgd.data().join("blocker");
    std::fs::write(&blocker, "x").unwrap();
    let r = fgd.run(&[
        "export",
        &id,
        "--out",
        blocker.join("out").to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.starts_with("fgd: can't write"), "{}", r.stderr);
    assert!(r.stderr.contains("--out"), "says what to do: {}", r.stderr);
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");

    // A directory where minutes.md should go: that file fails, the others
    // are written whole, and no temporary file is left.
    let out = fgd.data().join("out2");
    let dir = out.join(&id);
    std::fs::create_dir_all(dir.join("minutes.md")).unwrap();
    std::fs::write(dir.join("minutes.md").join("keep"), "k").unwrap();
    let r = fgd.run(&["export", &id, "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("minutes.md"), "{}", r.stderr);
    let left: Vec<PathBuf> = files_under(&out);
    assert!(
        left.iter()
            .all(|p| !p.file_name().unwrap().to_str().unwrap().starts_with('.')),
        "a temporary file was left: {left:?}"
    );
    assert_eq!(
        std::fs::read(dir.join("minutes.md").join("keep")).unwrap(),
        b"k"
    );
    check_html(&std::fs::read_to_string(dir.join("minutes.html")).unwrap());
    check_csv(&std::fs::read(dir.join("actions.csv")).unwrap());
    check_ics(&std::fs::read_to_string(dir.join("actions.ics")).unwrap());
    fgd::export::json::read(&std::fs::read(dir.join("internal/session.json")).unwrap()).unwrap();
}

#[test]
fn a_session_held_by_another_process_is_refused_naming_the_holder() {
    use std::io::{BufRead, BufReader, Write};
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "sessions/obsesi-tupoksi.toml"]);
    let mut child = fgd.spawn(&["apply", &id]);
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{{\"cmd\":\"add_note\",\"text\":\"menahan sesi\"}}").unwrap();
    stdin.flush().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("ok"), "{line}");
    let out = fgd.data().join("out");
    let r = fgd.run(&["export", &id, "--out", out.to_str().unwrap()]);
    drop(stdin);
    child.wait().unwrap();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("in use by process"), "{}", r.stderr);
    assert!(!out.exists());
}

#[test]
fn import_restores_an_exported_session() {
    let fgd = Fgd::new();
    let id = obsesi(&fgd);
    let out = fgd.data().join("out");
    let r = fgd.run(&[
        "export",
        &id,
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = out.join(&id).join("internal").join("session.json");
    let before = fgd::export::json::read(&std::fs::read(&file).unwrap()).unwrap();

    let r = fgd.run(&["delete", &id, "--yes"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = fgd.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), id);
    let list = fgd.run(&["list"]);
    assert!(
        list.stdout
            .lines()
            .any(|l| l.starts_with(&id) && l.contains("ended")),
        "{}",
        list.stdout
    );
    // The restored database holds the same log: export it again.
    let again = fgd.data().join("again");
    let r = fgd.run(&[
        "export",
        &id,
        "--format",
        "json",
        "--out",
        again.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = fgd::export::json::read(
        &std::fs::read(again.join(&id).join("internal/session.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(after, before);
}

fn data_files(fgd: &Fgd) -> Vec<(PathBuf, Vec<u8>)> {
    fgd.snapshot()
        .into_iter()
        .filter(|(p, _)| !p.ends_with("lock") && !p.starts_with(fgd.data().join("in")))
        .collect()
}

#[test]
fn import_refuses_what_it_cannot_trust_and_writes_nothing() {
    let fgd = Fgd::new();
    let id = obsesi(&fgd);
    let backup = fgd.data().join("sessions").join(&id).join("session.json");
    let good: serde_json::Value = serde_json::from_slice(&std::fs::read(&backup).unwrap()).unwrap();
    std::fs::create_dir_all(fgd.data().join("in")).unwrap();
    let write = |name: &str, body: &[u8]| {
        let p = fgd.data().join("in").join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let before = data_files(&fgd);

    let exists = write("exists.json", &std::fs::read(&backup).unwrap());
    let r = fgd.run(&["import", &exists]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);

    let mut newer = good.clone();
    newer["version"] = 99.into();
    let r = fgd.run(&["import", &write("newer.json", newer.to_string().as_bytes())]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("newer fgd"), "{}", r.stderr);

    let r = fgd.run(&["import", &write("junk.json", b"{not json")]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not an fgd session file"), "{}", r.stderr);

    let r = fgd.run(&["import", "no/such/file.json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("can't read"), "{}", r.stderr);

    let mut escape = good.clone();
    escape["events"][0]["event"]["info"]["id"] = "../../lolos".into();
    let r = fgd.run(&[
        "import",
        &write("escape.json", escape.to_string().as_bytes()),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("directory name"), "{}", r.stderr);

    // Two agenda items active at once: the invariants refuse it.
    let mut broken = good.clone();
    broken["events"][0]["event"]["info"]["id"] = "sesi-rusak".into();
    let events = broken["events"].as_array_mut().unwrap();
    let cut = events
        .iter()
        .position(|e| e["event"]["type"] == "started")
        .unwrap();
    events.truncate(cut + 1);
    let mut extra = events[cut].clone();
    extra["seq"] = (cut as u64 + 2).into();
    extra["event"] = serde_json::json!({"type": "item_started", "id": 3, "finished": null});
    events.push(extra);
    let r = fgd.run(&[
        "import",
        &write("broken.json", broken.to_string().as_bytes()),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("inconsistent"), "{}", r.stderr);

    assert_eq!(data_files(&fgd), before, "nothing written");
    assert!(!fgd.data().join("lolos").exists());
}

#[test]
fn imported_text_is_cleaned_like_typed_text() {
    let fgd = Fgd::new();
    let id = obsesi(&fgd);
    let backup = fgd.data().join("sessions").join(&id).join("session.json");
    let mut v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&backup).unwrap()).unwrap();
    v["events"][0]["event"]["info"]["id"] = "sesi-impor".into();
    v["events"][0]["event"]["info"]["title"] = "Judul\u{1b}]0;pwned\u{7} \u{202e}rapat".into();
    let events = v["events"].as_array_mut().unwrap();
    let note = events
        .iter_mut()
        .find(|e| e["event"]["type"] == "note_added")
        .unwrap();
    note["event"]["note"]["text"] = "kata\u{1b}[2J\u{0} \u{2066}kunci\u{2069}\nbaris".into();
    let file = fgd.data().join("dirty.json");
    std::fs::write(&file, v.to_string()).unwrap();

    let r = fgd.run(&["import", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.trim(), "sesi-impor");
    let out = fgd.data().join("out");
    let r = fgd.run(&["export", "sesi-impor", "--out", out.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for p in files_under(&out) {
        let bytes = std::fs::read(&p).unwrap();
        assert_clean(&p.display().to_string(), &bytes);
        let text = match p.extension().and_then(|e| e.to_str()) {
            Some("docx") => crate::export_support::docx_text(&bytes),
            Some("xlsx") => continue,
            _ => String::from_utf8(bytes).unwrap(),
        };
        assert!(
            !text.contains("\\u001b") && !text.contains("\\u202e"),
            "{}",
            p.display()
        );
    }
    let (s, _) = fgd::export::json::read(
        &std::fs::read(out.join("sesi-impor/internal/session.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(s.info.title, "Judul rapat");
    assert_eq!(s.notes[0].text, "kata kunci\nbaris");
}
