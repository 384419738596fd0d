//! The hostile-input catalogue (DESIGN §3, §6): every kind of bad input fgd
//! meets, in one table each for the command line and the live screen, with
//! the error it must give. Each command-line case checks the exit status (2
//! for bad input, 1 for anything else), that the message says what went
//! wrong and what to do (no backtrace), and that nothing changed on disk:
//! every file but the lock files and sled's snapshot files is byte for byte
//! the same. Each screen case checks
//! that the form stays open with the reason and nothing is stored.
//!
//! A read-only data directory is made with file modes (run as an
//! unprivileged user when the tests run as root, who ignores modes); a full
//! disk is simulated with a file size limit (`ulimit -f`, SIGXFSZ ignored, so
//! writes fail with EFBIG as they would with ENOSPC): mounting a small
//! file system needs privileges a test can't count on.
//!
//! Control characters, escape sequences and bidi overrides in every text
//! field are in `tests/export_hostile.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::bin_support;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

use crate::bin_support::{Fgd, Run};
use crate::tui_support::Fx;
use fgd::engine::Engine;
use fgd::store::DataDir;
use ratatui::crossterm::event::KeyCode;

/// The English plan's session every case starts from (started, with a note
/// and an action), and a second one for ambiguous prefixes.
const ID: &str = "2026-12-16-designing-better";
const ID2: &str = "2026-12-16-designing-better-2";

/// A megabyte of text.
fn mb() -> String {
    "Sebuah teks yang sangat panjang. ".repeat(32 * 1024)
}

/// Where a case's input goes.
enum Input {
    None,
    Stdin(Vec<u8>),
}

/// What must hold after a case.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// Nothing changed on disk.
    Unchanged,
    /// Checked by the case itself.
    Own,
}

/// Prepares a case (see [`Case::setup`]).
type Setup = Box<dyn Fn(&Fgd, &Path) -> Option<Holder> + Send + Sync>;
/// A file size limit in KiB for a case's data directory.
type Limit = Box<dyn Fn(&Fgd) -> u64 + Send + Sync>;

/// One bad input and what fgd must answer.
struct Case {
    name: &'static str,
    /// Prepares the data directory (and the case's files) before the
    /// "before" picture is taken; returns what must live while it runs.
    setup: Setup,
    /// The command line; `{files}` is a directory for the case's files.
    args: Vec<String>,
    input: Input,
    /// Environment variables for fgd; `{files}` in a value is replaced.
    env: Vec<(&'static str, String)>,
    /// Runs fgd under a file size limit of this many KiB (a full disk).
    fsize_kib: Option<Limit>,
    /// Runs fgd as a user who may not write the (read-only) data directory.
    read_only: bool,
    code: i32,
    /// In the output, in any order: what went wrong, what to do.
    says: Vec<String>,
    after: After,
}

fn case(name: &'static str, args: &[&str], code: i32, says: &[&str]) -> Case {
    Case {
        name,
        setup: Box::new(|_, _| None),
        args: args.iter().map(ToString::to_string).collect(),
        input: Input::None,
        env: vec![],
        fsize_kib: None,
        read_only: false,
        code,
        says: says.iter().map(ToString::to_string).collect(),
        after: After::Unchanged,
    }
}

impl Case {
    fn setup(mut self, f: impl Fn(&Fgd, &Path) -> Option<Holder> + Send + Sync + 'static) -> Case {
        self.setup = Box::new(f);
        self
    }

    fn stdin(mut self, text: impl Into<Vec<u8>>) -> Case {
        self.input = Input::Stdin(text.into());
        self
    }

    /// A plan file `{files}/p.toml` with this text.
    fn plan(self, text: impl Into<String>) -> Case {
        let text = text.into();
        self.setup(move |_, files| {
            std::fs::write(files.join("p.toml"), &text).unwrap();
            None
        })
    }

    fn env(mut self, key: &'static str, value: impl Into<String>) -> Case {
        self.env.push((key, value.into()));
        self
    }

    fn file(self, name: &'static str, bytes: impl Into<Vec<u8>>) -> Case {
        let bytes = bytes.into();
        self.setup(move |_, files| {
            std::fs::write(files.join(name), &bytes).unwrap();
            None
        })
    }
}

/// Holds a session open (`fgd apply` waiting for more input) while a case runs.
struct Holder {
    child: Child,
    stdin: Option<ChildStdin>,
}

impl Drop for Holder {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.wait();
    }
}

fn hold(fgd: &Fgd) -> Holder {
    let mut child = fgd.spawn(&["apply", ID]);
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{{\"cmd\":\"add_note\",\"text\":\"holding\"}}").unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    settled(fgd, &line);
    Holder {
        child,
        stdin: Some(stdin),
    }
}

/// Waits until the holder that answered `line` has settled the session
/// directory: the journal has the acknowledged event (it takes it a moment
/// later, off the acknowledgement path) and the copy of `db/` its open made
/// is gone (removed on its own thread). The picture is taken after.
pub(super) fn settled(fgd: &Fgd, line: &str) {
    assert!(line.starts_with("ok "), "{line}");
    let seq = line.trim().trim_start_matches("ok ").to_owned();
    let dir = session_dir(fgd, ID);
    let journal = dir.join("journal");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !std::fs::read_to_string(&journal)
        .unwrap_or_default()
        .lines()
        .any(|l| l.split(' ').next() == Some(seq.as_str()))
        || std::fs::read_dir(&dir).is_ok_and(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with(".db-guard"))
        })
    {
        assert!(
            std::time::Instant::now() < deadline,
            "the holder never settled: journal without {seq}, or a copy of db/ left"
        );
        std::thread::yield_now();
    }
}

fn session_dir(fgd: &Fgd, id: &str) -> PathBuf {
    fgd.data().join("sessions").join(id)
}

/// Every file of the database of `id`, overwritten with noise.
fn damage(fgd: &Fgd, _: &Path) -> Option<Holder> {
    for file in files_under(&session_dir(fgd, ID).join("db")) {
        let len = std::fs::metadata(&file).unwrap().len();
        std::fs::write(&file, vec![0xA5; usize::try_from(len.max(64)).unwrap()]).unwrap();
    }
    None
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(files_under(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

/// The session's `session.json`, changed by `edit` (on its JSON).
fn session_file(
    edit: impl Fn(&mut serde_json::Value) + Send + Sync + 'static,
) -> impl Fn(&Fgd, &Path) -> Option<Holder> + Send + Sync {
    move |fgd, files| {
        let bytes = std::fs::read(session_dir(fgd, ID).join("session.json")).unwrap();
        let mut doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        edit(&mut doc);
        std::fs::write(files.join("s.json"), serde_json::to_vec(&doc).unwrap()).unwrap();
        None
    }
}

/// The `id` of a session file's first event (the creation).
fn rename(doc: &mut serde_json::Value, id: &str) {
    doc["events"][0]["event"]["info"]["id"] = id.into();
    doc["id"] = id.into();
}

fn apply_line(line: &serde_json::Value) -> String {
    format!("{line}\n")
}

/// A file size limit a little above what the session's database holds now,
/// so that opening it works and a few big notes fill the "disk".
fn just_above_the_database(fgd: &Fgd) -> u64 {
    let bytes: u64 = files_under(&session_dir(fgd, ID).join("db"))
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .max()
        .unwrap();
    bytes / 1024 + 1536
}

/// What must not change: every file, byte for byte, but the lock files
/// (they name the last process that opened a session) and sled's snapshot
/// files (sled rewrites them whenever it opens a database, even just to read).
fn picture(fgd: &Fgd) -> Vec<(String, Vec<u8>)> {
    fgd.snapshot()
        .into_iter()
        .map(|(path, bytes)| {
            let rel = path.strip_prefix(fgd.data()).unwrap();
            (rel.to_string_lossy().into_owned(), bytes)
        })
        .filter(|(rel, _)| {
            let name = rel.rsplit('/').next().unwrap_or_default();
            name != "lock" && !(rel.contains("/db/") && name.starts_with("snap."))
        })
        .collect()
}

/// The data directory every case starts from (copied for each case).
fn template() -> Fgd {
    let fgd = Fgd::new();
    for _ in 0..2 {
        fgd.new_session(&["--plan", "en-service-design-fgd"]);
    }
    let r = fgd.run_with_input(
        &["apply", ID],
        "{\"cmd\":\"start\"}\n{\"cmd\":\"add_note\",\"text\":\"Antre sejak subuh\",\"kind\":\"quote\",\"participant\":\"P1\"}\n\
         {\"cmd\":\"add_action\",\"what\":\"Susun SOP\",\"pic\":\"P2\",\"due\":\"+7d\"}\n",
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    fgd
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Whether this process runs as root (who may write where modes forbid it).
fn root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = tempfile::tempfile().unwrap();
    probe.metadata().unwrap().uid() == 0
}

/// Makes everything under `dir` read-only; as root, also hands it to
/// `nobody` (65534), as whom fgd then runs.
fn make_read_only(dir: &Path, root: bool) {
    use std::os::unix::fs::PermissionsExt;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            make_read_only(&e.path(), root);
        } else {
            if root {
                std::os::unix::fs::chown(e.path(), Some(65534), Some(65534)).unwrap();
            }
            std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o400)).unwrap();
        }
    }
    if root {
        std::os::unix::fs::chown(dir, Some(65534), Some(65534)).unwrap();
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).unwrap();
}

fn make_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            make_writable(&e.path());
        } else {
            std::fs::set_permissions(e.path(), std::fs::Permissions::from_mode(0o600)).unwrap();
        }
    }
}

/// A character that must never reach a terminal from fgd: a control
/// character but newline and tab (ESC starts every escape sequence, U+009B
/// is CSI on its own) or a bidi embedding, override or isolate.
fn unsafe_for_a_terminal(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Runs one case; a description of what went wrong, if anything.
#[expect(
    clippy::too_many_lines,
    reason = "one case run top to bottom: set up, run, check every promise"
)]
fn run_case(c: &Case, template: &Fgd) -> Result<(), String> {
    let fgd = Fgd::new();
    copy_dir(template.data(), fgd.data());
    let files = tempfile::tempdir().unwrap();
    let holder = (c.setup)(&fgd, files.path());
    let before = picture(&fgd);
    let root = root();
    if c.read_only {
        make_read_only(fgd.data(), root);
    }
    let args: Vec<String> = c
        .args
        .iter()
        .map(|a| a.replace("{files}", &files.path().display().to_string()))
        .collect();
    let mut cmd = match &c.fsize_kib {
        Some(kib) => {
            let mut sh = Command::new("bash");
            sh.arg("-c")
                .arg(format!(
                    "trap '' XFSZ; ulimit -f {}; exec \"$@\"",
                    kib(&fgd)
                ))
                .arg("fgd")
                .arg(env!("CARGO_BIN_EXE_fgd"))
                .env("FGD_DATA_DIR", fgd.data())
                .current_dir(bin_support::repo());
            sh
        }
        None => fgd.cmd(),
    };
    if c.read_only && root {
        // As `nobody`, from a copy of the binary and a directory that user
        // can enter: the clone may sit in a private directory.
        use std::os::unix::process::CommandExt;
        cmd = Command::new(bin_support::binary_for_others());
        cmd.env("FGD_DATA_DIR", fgd.data())
            .env_remove("NO_COLOR")
            .current_dir("/")
            .uid(65534)
            .gid(65534)
            .env("HOME", "/nonexistent");
    }
    for (key, value) in &c.env {
        cmd.env(
            key,
            value.replace("{files}", &files.path().display().to_string()),
        );
    }
    cmd.args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = match &c.input {
        Input::None => vec![],
        Input::Stdin(s) => s.clone(),
    };
    let writer = std::thread::spawn(move || {
        // fgd may refuse before reading (a broken pipe then).
        let _ = stdin.write_all(&input);
    });
    let r: Run = child.wait_with_output().unwrap().into();
    writer.join().unwrap();
    if c.read_only {
        make_writable(fgd.data());
    }
    let out = format!("{}{}", r.stdout, r.stderr);
    let mut wrong = vec![];
    if r.code != c.code {
        wrong.push(format!("exit {} (expected {})", r.code, c.code));
    }
    for s in &c.says {
        if !out.contains(s.as_str()) {
            wrong.push(format!("does not say {s:?}"));
        }
    }
    if out.contains("panicked") || out.contains("RUST_BACKTRACE") {
        wrong.push("a panic".into());
    }
    if let Some(c) = out.chars().find(|&c| unsafe_for_a_terminal(c)) {
        wrong.push(format!("printed {c:?}, which a terminal obeys"));
    }
    if r.stderr.lines().count() > 3 {
        wrong.push("more than two or three lines of error".into());
    }
    match c.after {
        After::Unchanged => {
            let after = picture(&fgd);
            if after != before {
                let changed: Vec<&String> = after
                    .iter()
                    .chain(&before)
                    .filter(|f| !before.contains(f) || !after.contains(f))
                    .map(|(p, _)| p)
                    .collect();
                wrong.push(format!("changed on disk: {changed:?}"));
            }
        }
        After::Own => {
            if let Err(e) = full_disk_kept_what_was_acknowledged(&fgd, &r) {
                wrong.push(e);
            }
        }
    }
    drop(holder);
    if wrong.is_empty() {
        Ok(())
    } else {
        let cut = |s: &str| s.chars().take(600).collect::<String>();
        Err(format!(
            "{}: {}\n  stdout: {}\n  stderr: {}",
            c.name,
            wrong.join("; "),
            cut(&r.stdout),
            cut(&r.stderr)
        ))
    }
}

/// After the disk filled up during `fgd apply`: some lines were stored
/// (`ok`), then one was not; the session opens with every acknowledged
/// note and without the refused one, and takes commands again.
fn full_disk_kept_what_was_acknowledged(fgd: &Fgd, r: &Run) -> Result<(), String> {
    let acked = r.stdout.lines().filter(|l| l.starts_with("ok ")).count();
    let last = r.stdout.lines().last().unwrap_or_default();
    if acked == 0 || !last.contains("not stored") {
        return Err(format!(
            "expected some `ok` lines, then `not stored`; got {acked} ok, last {last:?}"
        ));
    }
    let engine = Engine::open(&DataDir::new(fgd.data()), ID).map_err(|e| format!("reopen: {e}"))?;
    let notes = engine
        .session()
        .notes()
        .filter(|n| n.text.starts_with("yyy"))
        .count();
    if notes != acked {
        return Err(format!(
            "{acked} notes acknowledged, {notes} in the session"
        ));
    }
    drop(engine);
    let again = fgd.run_with_input(
        &["apply", ID],
        "{\"cmd\":\"add_note\",\"text\":\"ruang lega\"}\n",
    );
    if again.code != 0 {
        return Err(format!("with room again: {}", again.stderr));
    }
    Ok(())
}

#[test]
fn every_bad_input_on_the_command_line_gets_a_clear_error_and_changes_nothing() {
    let template = template();
    let mut cases = cases();
    cases.extend(printing::cases());
    cases.extend(edges::cases());
    // Four at a time: most of a case is waiting for a process or a disk.
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..4)
            .map(|w| {
                let (cases, template) = (&cases, &template);
                scope.spawn(move || {
                    cases
                        .iter()
                        .skip(w)
                        .step_by(4)
                        .filter_map(|c| run_case(c, template).err())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

mod cases;
mod edges;
mod printing;
mod screen;

use cases::cases;
