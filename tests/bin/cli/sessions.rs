//! Sessions on disk: held sessions, delete, private directories, damaged
//! or newer databases, follow-ups and a stale `meta.json`.

use super::*;

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
    // The holder is `fgd apply`, which can't be joined.
    assert!(
        !r.stderr.contains("fgd join") && r.stderr.contains("try again when it has finished"),
        "points to join only for `fgd run`: {}",
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
        r.stderr.contains(&format!("fgd repair {id}")),
        "points to the repair: {}",
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
fn follow_up_carries_open_actions_and_merges_a_deferred_standing_item() {
    let fgd = Fgd::new();
    let base = crate::bin_support::hours_ago(3);
    let first = fgd.new_session_at("sessions/obsesi-tupoksi.toml", base);
    let script = r#"{"cmd":"start","at":"2000-01-01T09:00:00+07:00"}
{"cmd":"add_action","what":"Susun draf SOP","pic":"Endang","due":"2026-12-14","at":"2000-01-01T09:10:00+07:00"}
{"cmd":"add_action","what":"Data batas desa","pic":"Dinas PUPR","at":"2000-01-01T09:11:00+07:00"}
{"cmd":"add_action","what":"Sudah beres","pic":"P1","at":"2000-01-01T09:12:00+07:00"}
{"cmd":"set_action_status","action":3,"status":"done","at":"2000-01-01T09:13:00+07:00"}
{"cmd":"next_item","at":"2000-01-01T09:20:00+07:00"}
{"cmd":"defer_item","at":"2000-01-01T09:30:00+07:00"}
{"cmd":"end","at":"2000-01-01T10:00:00+07:00"}
"#;
    let script = crate::bin_support::shifted(script, "2000-01-01T09:00:00+07:00", base);
    let r = fgd.run_with_input(&["apply", &first], &script);
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
    assert!(
        carried.is_empty(),
        "the deferred item has the standing second item's title: merged, not added"
    );
    let titles: Vec<&str> = s.agenda.iter().map(|i| i.title.as_str()).collect();
    let mut unique = titles.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "no title twice: {titles:?}");
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
