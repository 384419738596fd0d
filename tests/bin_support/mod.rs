//! Running the real `fgd` binary against a temporary data directory.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

pub struct Fgd {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Fgd {
    pub fn new() -> Fgd {
        Fgd {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn data(&self) -> &Path {
        self.dir.path()
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_fgd"));
        c.env("FGD_DATA_DIR", self.dir.path())
            .current_dir(repo())
            .env_remove("NO_COLOR");
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.cmd()
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
            .into()
    }

    pub fn run_with_input(&self, args: &[&str], input: &str) -> Run {
        use std::io::Write;
        let mut child = self
            .cmd()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The process may refuse before reading its input (a broken pipe then).
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
        child.wait_with_output().unwrap().into()
    }

    pub fn spawn(&self, args: &[&str]) -> Child {
        self.cmd()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// `fgd new` with these args; returns the id it printed.
    pub fn new_session(&self, args: &[&str]) -> String {
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        let r = self.run(&all);
        assert_eq!(r.code, 0, "fgd new failed: {}", r.stderr);
        let id = r.stdout.trim().to_owned();
        assert!(
            !id.is_empty() && !id.contains('\n'),
            "fgd new printed {:?}",
            r.stdout
        );
        id
    }

    /// A session made from `plan` (a path from the repository, or a bundled
    /// plan's name) as `fgd new` would make it, its creation stamped `at`: a
    /// past meeting that `fgd apply` can replay with its real `at` times
    /// (an `at` may not be before the creation, nor more than a few minutes
    /// after the real clock).
    pub fn new_session_at(&self, plan: &str, at: chrono::DateTime<chrono::Utc>) -> String {
        let path = repo().join(plan);
        let src = match std::fs::read_to_string(&path) {
            Ok(src) => src,
            Err(_) => fgd::plan::bundled(plan)
                .expect("a plan file or a bundled plan")
                .to_owned(),
        };
        let plan = fgd::plan::parse(&src, plan).unwrap();
        let data = fgd::store::DataDir::new(self.dir.path());
        let engine = fgd::engine::create_from_plan(&data, &plan, None, at).unwrap();
        engine.session().info.id.clone()
    }

    /// Every file under the data dir with its bytes, for "nothing changed" checks.
    pub fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = vec![];
        walk(self.dir.path(), &mut out);
        out.sort();
        out
    }
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap_or_default()));
        }
    }
}

/// A moment `hours` hours before now, on the whole minute: where a replayed
/// past meeting begins (times are computed from the clock, never written in).
pub fn hours_ago(hours: i64) -> chrono::DateTime<chrono::Utc> {
    use chrono::{DurationRound, TimeDelta};
    let t = chrono::Utc::now() - TimeDelta::hours(hours);
    t.duration_trunc(TimeDelta::minutes(1)).unwrap()
}

/// `script` (JSON lines) with every `at` moved so that `anchor` falls on
/// `to`: a meeting written down once, replayed at any date.
pub fn shifted(script: &str, anchor: &str, to: chrono::DateTime<chrono::Utc>) -> String {
    let anchor = chrono::DateTime::parse_from_rfc3339(anchor).unwrap();
    let mut out = String::new();
    for line in script.lines().filter(|l| !l.trim().is_empty()) {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        if let Some(at) = v.get("at").and_then(|a| a.as_str()) {
            let at = chrono::DateTime::parse_from_rfc3339(at).unwrap();
            let moved = (to + (at - anchor)).with_timezone(&anchor.timezone());
            v["at"] = moved.to_rfc3339().into();
        }
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

/// The `fgd` binary copied into a directory every user may enter (made
/// once per test process), for tests that run it as another user (`nobody`):
/// `target/debug` sits inside the clone, which may be in a private directory
/// (a home directory, a `mktemp -d` one, mode 0700) that user can't enter.
/// Run it with a working directory that user can enter too (`/`).
pub fn binary_for_others() -> &'static Path {
    use std::os::unix::fs::PermissionsExt;
    static COPY: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    COPY.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("fgd-bin-")
            .tempdir_in("/tmp")
            .unwrap()
            .keep();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let bin = dir.join("fgd");
        // Copied by another process: a file this process opened for writing
        // is open in every child forked meanwhile by another test thread,
        // until that child execs, and running it then fails with "text file
        // busy" (ETXTBSY). `cp`'s descriptor is never ours.
        let copied = std::process::Command::new("cp")
            .arg(env!("CARGO_BIN_EXE_fgd"))
            .arg(&bin)
            .status()
            .unwrap();
        assert!(copied.success(), "cp of the fgd binary: {copied}");
        std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
        bin
    })
}
