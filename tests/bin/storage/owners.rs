//! Directories another user could change are refused; a planted link is
//! never followed; sled's own files are private.

use std::os::unix::fs::PermissionsExt;

use crate::bin_support::Fgd;

fn mode(path: &std::path::Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o7777
}

#[test]
fn a_data_directory_others_can_write_is_refused() {
    let fgd = Fgd::new();
    std::fs::set_permissions(fgd.data(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let r = fgd.run(&["new", "--title", "Uji Pemilik"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("can be written by other users"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("--data-dir"),
        "says what to do: {}",
        r.stderr
    );
    assert!(!fgd.data().join("sessions").exists(), "nothing made");

    std::fs::set_permissions(fgd.data(), std::fs::Permissions::from_mode(0o700)).unwrap();
    let id = fgd.new_session(&["--title", "Uji Pemilik"]);
    let sessions = fgd.data().join("sessions");
    std::fs::set_permissions(&sessions, std::fs::Permissions::from_mode(0o777)).unwrap();
    let r = fgd.run_with_input(&["apply", &id], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("sessions can be written by other users"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_sessions_directory_of_another_user_is_refused() {
    if rustix::process::geteuid().as_raw() != 0 {
        eprintln!("skipped: chown to another user needs root");
        return;
    }
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Uji Pemilik"]);
    let sessions = fgd.data().join("sessions");
    std::os::unix::fs::chown(&sessions, Some(65534), Some(65534)).unwrap();
    let r = fgd.run_with_input(&["apply", &id], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("belongs to another user"), "{}", r.stderr);
}

#[test]
fn a_planted_link_in_the_minutes_folder_is_not_followed() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Uji Tautan"]);
    let out = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), out.path().join(&id)).unwrap();
    let out_dir = out.path().display().to_string();
    let r = fgd.run(&["export", &id, "--format", "md", "--out", &out_dir]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("symbolic link"), "{}", r.stderr);
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);

    // A link planted at the temp file's name inside a real minutes folder.
    std::fs::remove_file(out.path().join(&id)).unwrap();
    let r = fgd.run(&["export", &id, "--format", "md", "--out", &out_dir]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let folder = out.path().join(&id);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o777)).unwrap();
    let r = fgd.run(&["export", &id, "--format", "md", "--out", &out_dir]);
    assert_eq!(r.code, 1, "an open minutes folder: {}", r.stderr);
    assert!(r.stderr.contains("--out DIR"), "{}", r.stderr);
}

#[test]
fn sleds_files_are_private() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Uji Mode"]);
    let r = fgd.run_with_input(&["apply", &id], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let db = fgd.data().join("sessions").join(&id).join("db");
    let mut seen = 0;
    for e in std::fs::read_dir(&db).unwrap().flatten() {
        let want = if e.file_type().unwrap().is_dir() {
            0o700
        } else {
            0o600
        };
        assert_eq!(mode(&e.path()), want, "{}", e.path().display());
        seen += 1;
    }
    assert!(seen >= 3, "conf, db, blobs/ …");
    assert_eq!(
        mode(&fgd.data().join("sessions").join(&id).join("journal")),
        0o600
    );
}
