//! The real binary in a real terminal (tmux): start a session from a bundled
//! plan, add an action item with the keys, quit, run it again, and the item
//! is on screen. Skipped with a message when tmux is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bin_support;

use std::process::Command;
use std::time::{Duration, Instant};

use bin_support::Fgd;

static STARTS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

struct Tmux {
    name: String,
    socket: String,
}

impl Tmux {
    fn start(fgd: &Fgd, args: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("tmux is not installed; skipping");
            return None;
        }
        // A fresh server each time: a killed one may still be shutting down.
        let n = STARTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("fgd-test-{}-{n}", std::process::id());
        let socket = fgd
            .data()
            .join(format!("tmux-{n}.sock"))
            .to_string_lossy()
            .into_owned();
        let cmd = format!(
            "FGD_DATA_DIR='{}' FGD_CONFIG=/nonexistent {} {args}; echo FGD-EXIT=$?; \
             echo TTY: $(stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo); sleep 60",
            fgd.data().display(),
            env!("CARGO_BIN_EXE_fgd")
        );
        let ok = Command::new("tmux")
            .args([
                "-S",
                &socket,
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                "100",
                "-y",
                "30",
                &cmd,
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux could not start");
        Some(Tmux { name, socket })
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["-S", &self.socket, "capture-pane", "-p", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text` (polling the pane; a deadline, not a sleep).
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; the screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["-S", &self.socket, "send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    fn literal(&self, text: &str) {
        assert!(
            Command::new("tmux")
                .args([
                    "-S",
                    &self.socket,
                    "send-keys",
                    "-l",
                    "-t",
                    &self.name,
                    text
                ])
                .status()
                .unwrap()
                .success()
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-S", &self.socket, "kill-server"])
            .status();
    }
}

#[test]
fn an_action_item_added_with_keys_is_there_after_a_restart() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(t) = Tmux::start(&fgd, &format!("run {id}")) else {
        return;
    };
    t.wait_for("Susunan Acara");
    t.keys(&["Space"]);
    t.wait_for("BERLANGSUNG");
    t.keys(&["a"]);
    t.wait_for("Tindak lanjut");
    t.literal("Susun draf SOP layanan terpadu");
    t.keys(&["Tab"]);
    t.literal("P3");
    t.keys(&["Tab"]);
    t.literal("+7d");
    t.keys(&["Enter"]);
    t.wait_for("1. Susun draf SOP");
    t.keys(&["q"]);
    t.wait_for("Keluar sekarang?");
    t.keys(&["y"]);
    let after = t.wait_for("FGD-EXIT=");
    assert!(after.contains("FGD-EXIT=0"), "{after}");
    drop(t);

    let t = Tmux::start(&fgd, &format!("run {id}")).unwrap();
    // A frame can be captured half drawn: wait for the row itself (the wait
    // fails, showing the screen, if it never comes).
    let screen = t.wait_for("1. Susun draf SOP");
    assert!(screen.contains("BERLANGSUNG"), "still live:\n{screen}");
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for signal in ["TERM", "HUP"] {
        let fgd = Fgd::new();
        let id = fgd.new_session(&["--title", "Uji Sinyal"]);
        let Some(t) = Tmux::start(&fgd, &format!("run {id}")) else {
            return;
        };
        t.wait_for("DIRENCANAKAN");
        let pid =
            std::fs::read_to_string(fgd.data().join("sessions").join(&id).join("lock")).unwrap();
        let pid = pid
            .lines()
            .find_map(|l| l.strip_prefix("pid="))
            .unwrap()
            .to_owned();
        assert!(
            Command::new("kill")
                .args([&format!("-{signal}"), &pid])
                .status()
                .unwrap()
                .success()
        );
        let screen = t.wait_for("TTY:");
        assert!(
            screen.contains("FGD-EXIT=0"),
            "{signal}: a clean exit:\n{screen}"
        );
        assert!(
            !screen.contains("DIRENCANAKAN"),
            "{signal}: the alternate screen was left:\n{screen}"
        );
        assert!(
            screen.contains("TTY: icanon echo"),
            "{signal}: raw mode is off again:\n{screen}"
        );
    }
}
