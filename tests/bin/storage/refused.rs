//! A refused open changes no byte of the session directory, creates
//! nothing, and says what is wrong in plain words (no panic from inside
//! sled, no debug text).

use crate::bin_support::Fgd;

use super::{damage, files};

#[test]
fn a_refused_open_changes_no_byte_and_speaks_plainly() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "sessions/en-service-design-fgd.toml"]);
    let notes = (0..40)
        .map(|i| format!("{{\"cmd\":\"add_note\",\"text\":\"catatan {i}\"}}"))
        .collect::<Vec<_>>()
        .join("\n");
    let r = fgd.run_with_input(&["apply", &id], &notes);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dir = fgd.data().join("sessions").join(&id);
    let pristine = tempfile::tempdir().unwrap();
    copy(&dir, pristine.path());
    for kind in 0..5 {
        for at in [0, 4_000, 100_000, 300_000] {
            std::fs::remove_dir_all(&dir).unwrap();
            copy(pristine.path(), &dir);
            let how = damage(&dir.join("db"), kind, at);
            let before = files(&dir);
            for args in [vec!["apply", &id], vec!["export", &id, "--format", "md"]] {
                let r = fgd
                    .cmd()
                    .env("RUST_BACKTRACE", "1")
                    .args(&args)
                    .stdin(std::process::Stdio::null())
                    .output()
                    .unwrap();
                let stderr = String::from_utf8_lossy(&r.stderr);
                if r.status.success() {
                    continue; // the damage missed what sled reads
                }
                let ctx = format!("{how} at {at}, {args:?}");
                assert!(stderr.contains("can't be opened"), "{ctx}: {stderr}");
                for debug in ["panicked", "backtrace", "Some(", "None", "Inline", "Os {"] {
                    assert!(
                        !stderr.contains(debug),
                        "{ctx}: debug text `{debug}`: {stderr}"
                    );
                }
                assert_eq!(stderr.lines().count(), 1, "{ctx}: one line: {stderr}");
                let after = files(&dir);
                let changed: Vec<_> = before
                    .iter()
                    .zip(&after)
                    .filter(|(b, a)| b != a)
                    .map(|(b, _)| b.0.display().to_string())
                    .collect();
                assert_eq!(before.len(), after.len(), "{ctx}: files made or gone");
                assert!(changed.is_empty(), "{ctx}: changed {changed:?}");
            }
        }
    }
}

fn copy(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}
