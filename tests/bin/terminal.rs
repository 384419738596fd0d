//! The screens and their terminal (break 16 of issue 17): `fgd run`, `fgd`
//! and `fgd join` without a terminal say what to do instead of "No such
//! device or address"; when the live socket can't be made (a runtime
//! directory planted by someone else), the facilitator is told on screen in
//! the session's language. (SIGINT and SIGQUIT from outside are in the
//! crash suite, beside SIGTERM and SIGHUP.)

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::PermissionsExt;

use crate::bin_support::Fgd;
use crate::tmux_support::{self, Tmux};

#[test]
fn a_screen_without_a_terminal_says_what_to_do() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "en-service-design-fgd"]);
    for (args, command) in [(vec!["run", id.as_str()], "fgd run"), (vec![], "fgd")] {
        assert_says_needs_a_terminal(&fgd.run(&args), command);
    }
    // `fgd join` says so once it has reached the host (a session that is
    // not live is told first).
    let Some(host) = Tmux::start(&fgd, &format!("run {id}")) else {
        eprintln!("skipped `fgd join`: tmux is not installed");
        return;
    };
    host.wait_for("Designing");
    let sock = fgd::live::socket_path(&fgd.data().join("sessions").join(&id)).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !sock.exists() {
        assert!(
            std::time::Instant::now() < deadline,
            "the host never listened"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert_says_needs_a_terminal(&fgd.run(&["join", &id]), "fgd join");
}

fn assert_says_needs_a_terminal(r: &crate::bin_support::Run, command: &str) {
    assert_eq!(r.code, 2, "{command}: {}", r.stderr);
    assert!(
        r.stderr.contains(&format!("{command} needs a terminal"))
            && r.stderr.contains("run it in a terminal window")
            && r.stderr.contains("use `fgd apply` for scripts"),
        "{command}: {}",
        r.stderr
    );
    assert!(!r.stderr.contains("No such device"), "{}", r.stderr);
}

/// A data directory deep enough that the session's socket can't sit in the
/// session directory (a Unix socket path holds at most about 107 bytes), so
/// it goes to the runtime directory's `fgd/`.
fn deep_data_dir(fgd: &Fgd) -> std::path::PathBuf {
    let deep = fgd.data().join("d".repeat(60)).join("e".repeat(60));
    std::fs::create_dir_all(&deep).unwrap();
    deep
}

#[test]
fn a_socket_that_cant_be_made_is_told_on_screen_in_the_sessions_language() {
    if !tmux_support::available() {
        eprintln!("skipped: tmux is not installed");
        return;
    }
    for (plan, told) in [
        ("en-service-design-fgd", "No second terminal can join"),
        (
            "sessions/obsesi-tupoksi.toml",
            "Terminal kedua tidak dapat bergabung",
        ),
    ] {
        let fgd = Fgd::new();
        let data = deep_data_dir(&fgd);
        let run = tempfile::tempdir().unwrap();
        // Planted: a `fgd` runtime directory anyone may write into.
        let planted = run.path().join("fgd");
        std::fs::create_dir(&planted).unwrap();
        std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o777)).unwrap();
        let new = fgd
            .cmd()
            .env("FGD_DATA_DIR", &data)
            .args(["new", "--plan", plan])
            .output()
            .unwrap();
        assert!(new.status.success(), "{new:?}");
        let id = String::from_utf8(new.stdout).unwrap().trim().to_owned();
        for (cols, rows) in [(80, 24), (120, 34)] {
            let t = Tmux::start_with_env(
                &fgd,
                &format!("--data-dir '{}' run {id}", data.display()),
                cols,
                rows,
                &[("XDG_RUNTIME_DIR", run.path().to_str().unwrap())],
            )
            .unwrap();
            let screen = t.wait_for(told);
            assert!(!screen.contains("FGD-EXIT"), "{screen}");
            t.keys(&["q"]);
            t.wait_for("FGD-EXIT=0");
        }
    }
}
