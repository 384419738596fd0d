//! The real `fgd` binary in a real terminal: a tmux server of its own per
//! window, the screen read with `capture-pane`, keys sent with `send-keys`.
//! Waiting is always for something to appear on screen, with a deadline.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::bin_support::Fgd;

static STARTS: AtomicUsize = AtomicUsize::new(0);

/// What the pane shows once fgd has exited and left the terminal as it found
/// it (cooked mode: line editing and echo on).
pub const TTY_RESTORED: &str = "TTY: icanon echo";

/// Whether tmux is there (tests skip with a message when it is not).
pub fn available() -> bool {
    let ok = Command::new("tmux").arg("-V").output().is_ok();
    if !ok {
        eprintln!("tmux is not installed; skipping");
    }
    ok
}

/// One terminal window running `fgd ARGS` (then the exit status and the
/// terminal modes, so a test can check how it left).
pub struct Tmux {
    name: String,
    socket: String,
}

impl Tmux {
    /// Starts `fgd ARGS` at 100×30.
    pub fn start(fgd: &Fgd, args: &str) -> Option<Tmux> {
        Tmux::start_sized(fgd, args, 100, 30)
    }

    /// Starts `fgd ARGS` in a `cols`×`rows` window.
    pub fn start_sized(fgd: &Fgd, args: &str, cols: u16, rows: u16) -> Option<Tmux> {
        Tmux::start_with_env(fgd, args, cols, rows, &[])
    }

    /// Starts `fgd ARGS` in a `cols`×`rows` window with these environment
    /// variables (given to a fresh tmux server, which passes them on).
    pub fn start_with_env(
        fgd: &Fgd,
        args: &str,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Option<Tmux> {
        if !available() {
            return None;
        }
        // A fresh server each time: a killed one may still be shutting down.
        let n = STARTS.fetch_add(1, Ordering::Relaxed);
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
            .envs(env.iter().copied())
            .args([
                "-u",
                "-S",
                &socket,
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                &cols.to_string(),
                "-y",
                &rows.to_string(),
                &cmd,
            ])
            .status()
            .unwrap()
            .success();
        assert!(ok, "tmux could not start");
        Some(Tmux { name, socket })
    }

    /// The screen as text; a line the shell wrapped (after fgd left without
    /// restoring the screen) is joined back, so `FGD-EXIT=` is never split.
    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args([
                "-S",
                &self.socket,
                "capture-pane",
                "-p",
                "-J",
                "-t",
                &self.name,
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text` (polling the pane; a deadline, not a sleep).
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(text, |s| s.contains(text))
    }

    /// Waits until `ok(screen)`; `what` names it in the failure.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what:?}; the screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends keys by tmux name (`Enter`, `Tab`, `Space`, `q`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["-S", &self.socket, "send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        assert!(Command::new("tmux").args(&args).status().unwrap().success());
    }

    /// Types `text` as it is.
    pub fn literal(&self, text: &str) {
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

impl Tmux {
    /// Adds an action item with the keys: `a`, then what, PIC and due date.
    pub fn add_action(&self, what: &str, pic: &str, due: &str) {
        self.keys(&["a"]);
        self.wait_for("Tindak lanjut");
        self.literal(what);
        self.keys(&["Tab"]);
        self.literal(pic);
        self.keys(&["Tab"]);
        self.literal(due);
        self.keys(&["Enter"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-S", &self.socket, "kill-server"])
            .status();
    }
}

/// The pid of the process holding session `id` (from its lock file).
pub fn holder_pid(fgd: &Fgd, id: &str) -> String {
    let lock = std::fs::read_to_string(fgd.data().join("sessions").join(id).join("lock")).unwrap();
    lock.lines()
        .find_map(|l| l.strip_prefix("pid="))
        .unwrap()
        .to_owned()
}

/// Sends `signal` (`KILL`, `TERM`, `HUP`) to process `pid`.
pub fn signal(pid: &str, signal: &str) {
    assert!(
        Command::new("kill")
            .args([&format!("-{signal}"), pid])
            .status()
            .unwrap()
            .success()
    );
}
