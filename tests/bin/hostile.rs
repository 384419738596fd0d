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
    Stdin(String),
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

    fn stdin(mut self, text: impl Into<String>) -> Case {
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
    assert!(line.starts_with("ok "), "{line}");
    Holder {
        child,
        stdin: Some(stdin),
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

#[expect(
    clippy::too_many_lines,
    reason = "a table of hostile cases, clearer whole than cut"
)]
fn cases() -> Vec<Case> {
    use serde_json::json;
    let plan = |body: &str| format!("title = \"Uji\"\n{body}");
    let p = ["new", "--plan", "{files}/p.toml"];
    let unknown = ["no session `nothing`", "`fgd list`"];
    let bad_due = [
        "bad due date",
        "use YYYY-MM-DD (like 2026-12-01)",
        "(+7d, +2w)",
    ];
    let refused = "1 line(s) refused";
    let apply = ["apply", ID];
    let import = ["import", "{files}/s.json"];
    let in_use = ["is in use by process", "fgd apply", "run `fgd join"];
    let long_note = json!({"cmd":"add_note","text":mb(),"kind":"insight"});
    vec![
        // Plans: FILE:LINE:COL, what is wrong, what to do.
        case("plan: unknown key", &p, 2, &["p.toml:2:1:", "unknown field `venu`", "check the spelling"])
            .plan(plan("venu = \"Aula\"\n")),
        case("plan: zero minutes", &p, 2, &["p.toml:4:11:", "minutes must be a whole number from 1 to 1440, not 0"])
            .plan(plan("[[agenda]]\ntitle = \"A\"\nminutes = 0\n")),
        case("plan: minutes as text", &p, 2, &["p.toml:4:11:", "invalid type", "write a whole number, like 10"])
            .plan(plan("[[agenda]]\ntitle = \"A\"\nminutes = \"ten\"\n")),
        case("plan: a name as a number", &p, 2, &["p.toml:3:8:", "invalid type", "write text in quotes"])
            .plan(plan("[[participants]]\nname = 12\n")),
        case("plan: empty title", &p, 2, &["p.toml:1:9:", "title must not be empty"])
            .plan("title = \"  \"\n"),
        case("plan: no title", &p, 2, &["p.toml:1:1:", "missing field `title`", "it is required"])
            .plan("venue = \"Aula\"\n"),
        case("plan: empty file", &p, 2, &["p.toml:1:1:", "missing field `title`", "it is required"])
            .plan(""),
        case("plan: date 2026-02-30", &p, 2, &["p.toml:2:8:", "date must be a real date written YYYY-MM-DD"])
            .plan(plan("date = \"2026-02-30\"\n")),
        case("plan: date 32/13/2026", &p, 2, &["p.toml:2:8:", "date must be a real date written YYYY-MM-DD"])
            .plan(plan("date = \"32/13/2026\"\n")),
        case("plan: unknown time zone", &p, 2, &["p.toml:2:12:", "WIB, WITA, WIT"])
            .plan(plan("timezone = \"Jakarta\"\n")),
        case("plan: speaker limit 0", &p, 2, &["p.toml:2:25:", "between 1 and 120"])
            .plan(plan("speaker_limit_minutes = 0\n")),
        case("plan: empty participant name", &p, 2, &["p.toml:3:8:", "participant name must not be empty"])
            .plan(plan("[[participants]]\nname = \"\"\n")),
        case("plan: a code used twice", &p, 2, &["p.toml:7:8:", "is used twice"])
            .plan(plan("[[participants]]\nname = \"A\"\ncode = \"P1\"\n[[participants]]\nname = \"B\"\ncode = \"p1\"\n")),
        case("plan: 1 MB title", &p, 2, &["p.toml:1:9:", "title is too long", "at most 500", "shorten it"])
            .plan(format!("title = \"{}\"\n", mb())),
        case("plan: 1 MB owner", &p, 2, &["p.toml:5:9:", "owner is too long", "shorten it"])
            .plan(plan(&format!("[[agenda]]\ntitle = \"A\"\nminutes = 5\nowner = \"{}\"\n", mb()))),
        case("plan: 1 MB guide question", &p, 2, &["p.toml:5:14:", "guide question is too long", "at most 20000"])
            .plan(plan(&format!("[[agenda]]\ntitle = \"A\"\nminutes = 5\nquestions = [\"{}\"]\n", mb()))),
        case("plan: not UTF-8", &p, 2, &["can't read plan", "save it as UTF-8"])
            .file("p.toml", b"title = \"\xff\xfe\"\n".to_vec()),
        case("plan: no such file", &["new", "--plan", "{files}/none.toml"], 2, &["no plan file", "give a path to a .toml plan, or one of the bundled plans"]),
        case("plan check: unknown key", &["plan", "check", "{files}/p.toml"], 2, &["p.toml:2:1:", "unknown field `minute`"])
            .plan(plan("minute = 5\n")),
        // Blank sessions.
        case("new: empty title", &["new", "--title", " \u{1b}[2J "], 2, &["title must not be empty"]),
        case("new: neither plan nor title", &["new"], 2, &["give a plan (`--plan FILE`) or a title (`--title T`)"]),
        case("new: an overlong title", &["new", "--title", &"x".repeat(600)], 2, &["title is too long", "at most 500"]),
        // Session ids.
        case("run: unknown id", &["run", "nothing"], 2, &unknown),
        case("apply: unknown id", &["apply", "nothing"], 2, &unknown).stdin("{\"cmd\":\"start\"}\n"),
        case("export: unknown id", &["export", "nothing"], 2, &unknown),
        case("delete: unknown id", &["delete", "nothing", "--yes"], 2, &unknown),
        case("new: follow up an unknown id", &["new", "--title", "Lagi", "--follow-up", "nothing"], 2, &unknown),
        case("apply: ambiguous prefix", &["apply", "2026-12-16-des"], 2, &["matches more than one session", ID2, "type more of the id"])
            .stdin("{\"cmd\":\"start\"}\n"),
        case("run: ambiguous prefix", &["run", "designing"], 2, &["matches more than one session", "type more of the id"]),
        case("export: unknown format", &["export", ID, "--format", "pdf", "--out", "{files}"], 2, &["unknown format `pdf`", "use one or more of md, html, json, csv, ics, all"]),
        case("export: unknown language", &["export", ID, "--lang", "fr", "--out", "{files}"], 2, &["unknown language `fr`", "use one of: id, en"]),
        // `fgd apply` lines: `error LINE: reason`, exit 2, nothing stored.
        case("apply: due 2026-02-30", &apply, 2, &[&["error 1: "], &bad_due[..], &[refused]].concat())
            .stdin(apply_line(&json!({"cmd":"add_action","what":"Susun SOP","due":"2026-02-30"}))),
        case("apply: due +d", &apply, 2, &[&["error 1: "], &bad_due[..]].concat())
            .stdin(apply_line(&json!({"cmd":"add_action","what":"Susun SOP","due":"+d"}))),
        case("apply: due 32/13/2026", &apply, 2, &[&["error 1: "], &bad_due[..]].concat())
            .stdin(apply_line(&json!({"cmd":"add_action","what":"Susun SOP","due":"32/13/2026"}))),
        case("apply: empty note", &apply, 2, &["error 1: note text must not be empty", refused])
            .stdin(apply_line(&json!({"cmd":"add_note","text":"  "}))),
        case("apply: a note of NUL and escapes only", &apply, 2, &["error 1: note text must not be empty"])
            .stdin(apply_line(&json!({"cmd":"add_note","text":"\u{0}\u{1b}[2J\u{202e}"}))),
        case("apply: empty action", &apply, 2, &["error 1: action must not be empty"])
            .stdin(apply_line(&json!({"cmd":"add_action","what":""}))),
        case("apply: empty decision", &apply, 2, &["error 1: decision must not be empty"])
            .stdin(apply_line(&json!({"cmd":"add_decision","text":"\n\t"}))),
        case("apply: 1 MB note", &apply, 2, &["error 1: note text is too long", "at most 20000"])
            .stdin(apply_line(&long_note)),
        case("apply: 1 MB participant name", &apply, 2, &["error 1: ", "is too long", "at most 500"])
            .stdin(apply_line(&json!({"cmd":"add_participant","name":mb()}))),
        case("apply: unknown participant", &apply, 2, &["error 1: no participant `P99`", "name one by code (like P3) or by exact name"])
            .stdin(apply_line(&json!({"cmd":"raise_hand","participant":"P99"}))),
        case("apply: unknown action", &apply, 2, &["error 1: no action item 9", "numbered 1, 2, 3"])
            .stdin(apply_line(&json!({"cmd":"set_action_status","action":9,"status":"done"}))),
        case("apply: unknown agenda item", &apply, 2, &["error 1: no agenda item 42", "numbered 1, 2, 3"])
            .stdin(apply_line(&json!({"cmd":"start_item","item":42}))),
        case("apply: unknown command", &apply, 2, &["error 1: unknown command `launch`", "the commands are: start"])
            .stdin(apply_line(&json!({"cmd":"launch"}))),
        case("apply: unknown field", &apply, 2, &["error 1: unknown field `txt`", "expected one of `text`"])
            .stdin(apply_line(&json!({"cmd":"add_note","txt":"x"}))),
        case("apply: not JSON", &apply, 2, &["error 1: not valid JSON", "each line is one JSON object like {\"cmd\":\"start\"}"])
            .stdin("add_note hello\n"),
        case("apply: no cmd", &apply, 2, &["error 1: the object has no \"cmd\"", "e.g. {\"cmd\":\"start\"}"])
            .stdin("{\"text\":\"x\"}\n"),
        case("apply: bad time", &apply, 2, &["error 1: `at` must be an RFC 3339 time like 2026-11-23T09:00:00+07:00"])
            .stdin(apply_line(&json!({"cmd":"add_note","text":"x","at":"kemarin"}))),
        case("apply: time going back", &apply, 2, &["error 1: time 2020-01-01", "is before the previous event", "times must not go back"])
            .stdin(apply_line(&json!({"cmd":"add_note","text":"x","at":"2020-01-01T00:00:00Z"}))),
        case("apply: create", &apply, 2, &["error 1: sessions are created with `fgd new`"])
            .stdin(apply_line(&json!({"cmd":"create"}))),
        case("apply: no such input file", &["apply", ID, "--file", "{files}/none.jsonl"], 2, &["can't read", "none.jsonl"]),
        // `fgd import`: nothing imported.
        case("import: no such file", &import, 2, &["can't read", "s.json"]),
        case("import: not JSON", &import, 2, &["not an fgd session file", "nothing was imported"])
            .file("s.json", b"\x00\xffnot json".to_vec()),
        case("import: other JSON", &import, 2, &["its \"format\" is not \"fgd-session\"", "nothing was imported"])
            .file("s.json", b"{\"format\":\"other\"}".to_vec()),
        case("import: newer version", &import, 2, &["written by a newer fgd (format version 99", "use a newer fgd"])
            .setup(session_file(|d| {
                rename(d, "2026-12-16-baru");
                d["version"] = 99.into();
            })),
        case("import: a gap in the log", &import, 2, &["its event log is inconsistent: event 3 has seq 4", "nothing was imported"])
            .setup(session_file(|d| {
                rename(d, "2026-12-16-baru");
                d["events"].as_array_mut().unwrap().remove(2);
            })),
        case("import: an id that exists", &import, 2, &["already exists", "`fgd delete 2026-12-16-designing-better`"])
            .setup(session_file(|_| {})),
        case("import: an id that can't name a directory", &import, 2, &["can't be used as a directory name"])
            .setup(session_file(|d| rename(d, "../../etc"))),
        case("import: 1 MB title", &import, 2, &["holds a text of", "more than the 500 fgd allows", "nothing was imported"])
            .setup(session_file(|d| {
                rename(d, "2026-12-16-baru");
                d["events"][0]["event"]["info"]["title"] = mb().into();
            })),
        // Sessions that can't be used: exit 1, nothing changed.
        case("apply: a session in use", &apply, 1, &in_use).stdin("{\"cmd\":\"start\"}\n").setup(|fgd, _| Some(hold(fgd))),
        case("run: a session in use", &["run", ID], 1, &in_use).setup(|fgd, _| Some(hold(fgd))),
        case("export: a session in use", &["export", ID, "--out", "{files}"], 1, &in_use).setup(|fgd, _| Some(hold(fgd))),
        case("delete: a session in use", &["delete", ID, "--yes"], 1, &in_use).setup(|fgd, _| Some(hold(fgd))),
        case("apply: a damaged database", &apply, 1, &["can't be opened", "Nothing was changed", "restore it from its backup with `fgd import"])
            .stdin("{\"cmd\":\"start\"}\n")
            .setup(damage),
        case("export: a damaged database", &["export", ID, "--out", "{files}"], 1, &["can't be opened", "fgd import"])
            .setup(damage),
        case("apply: a database from a newer fgd", &apply, 1, &["was written by a newer fgd (schema 7", "use a newer fgd to open it"])
            .stdin("{\"cmd\":\"start\"}\n")
            .setup(|fgd, _| {
                std::fs::write(session_dir(fgd, ID).join("schema"), "7\n").unwrap();
                None
            }),
        case("apply: a garbled schema file", &apply, 1, &["is not a schema version", "fgd import"])
            .stdin("{\"cmd\":\"start\"}\n")
            .setup(|fgd, _| {
                std::fs::write(session_dir(fgd, ID).join("schema"), "\u{0}\u{1b}[31m").unwrap();
                None
            }),
        case("apply: a database that is gone", &apply, 1, &["its database", "is missing", "fgd import"])
            .stdin("{\"cmd\":\"start\"}\n")
            .setup(|fgd, _| {
                std::fs::remove_dir_all(session_dir(fgd, ID).join("db")).unwrap();
                None
            }),
        // The data directory can't be written.
        Case { read_only: true, ..case("new: a read-only data directory", &["new", "--title", "Sesi Baru"], 1, &["Permission denied", "make the data directory writable for you", "--data-dir"]) },
        Case { read_only: true, ..case("apply: a read-only data directory", &apply, 1, &["Permission denied", "make the data directory writable for you"]).stdin("{\"cmd\":\"start\"}\n") },
        // A full disk.
        Case {
            fsize_kib: Some(Box::new(|_| 1)),
            ..case("new: a full disk", &["new", "--plan", "fgd-pola-pikir"], 1, &["file too large", "the disk is full", "free some space and run the command again"])
        },
        Case {
            fsize_kib: Some(Box::new(|_| 16)),
            ..case("apply: a disk too full to open the session", &apply, 1, &["File too large", "the disk is full"]).stdin("{\"cmd\":\"start\"}\n")
        },
        Case {
            fsize_kib: Some(Box::new(just_above_the_database)),
            after: After::Own,
            ..case("apply: the disk fills up", &apply, 1, &["not stored", "the disk is full", "free some space"])
                .stdin(apply_line(&json!({"cmd":"add_note","text":"y".repeat(19_000),"kind":"insight"})).repeat(400))
        },
    ]
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
        use std::os::unix::process::CommandExt;
        cmd.uid(65534).gid(65534).env("HOME", "/nonexistent");
    }
    cmd.args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = match &c.input {
        Input::None => String::new(),
        Input::Stdin(s) => s.clone(),
    };
    let writer = std::thread::spawn(move || {
        // fgd may refuse before reading (a broken pipe then).
        let _ = stdin.write_all(input.as_bytes());
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
    let cases = cases();
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

// ---------------------------------------------------------------- the screen

/// A form opened with `keys`, then keys typed into it (`\t` is Tab, `\u{8}`
/// Backspace), then Enter.
struct FormCase {
    name: &'static str,
    keys: &'static str,
    typed: String,
    /// The reason shown in the form.
    says: &'static str,
}

fn form_cases() -> Vec<FormCase> {
    let f = |name, keys, typed: &str, says| FormCase {
        name,
        keys,
        typed: typed.to_owned(),
        says,
    };
    vec![
        f(
            "action due 2026-02-30",
            "a",
            "Susun SOP\tP1\t2026-02-30",
            "bad due date `2026-02-30`",
        ),
        f(
            "action due +d",
            "a",
            "Susun SOP\tP1\t+d",
            "bad due date `+d`",
        ),
        f(
            "action due 32/13/2026",
            "a",
            "Susun SOP\tP1\t32/13/2026",
            "bad due date `32/13/2026`",
        ),
        f("action without what", "a", "\tP1\t+7d", "required"),
        f("empty note", "o", "   ", "required"),
        f("empty decision", "d", "", "required"),
        f("empty conclusion", "c", "\t", "required"),
        f("mindset without to", "m", "dilayani\t", "required"),
        f(
            "mindset with an unknown value",
            "m",
            "dilayani\tmelayani\tsombong",
            "sombong",
        ),
        f(
            "mindset with an unknown participant",
            "m",
            "dilayani\tmelayani\t\tP99",
            "P99",
        ),
        f(
            "agenda item title too long",
            "+",
            &"x".repeat(501),
            "title is too long",
        ),
        f(
            "agenda item minutes not a number",
            "+",
            "Diskusi\tabc",
            "number",
        ),
        f(
            "agenda item of 0 minutes",
            "+",
            "Diskusi\t\u{8}\u{8}0",
            "between 1 and 1440, not 0",
        ),
        f("walk-in without a name", "p+", "\tKepala Seksi", "required"),
        f(
            "walk-in name too long",
            "p+",
            &"Budi ".repeat(120),
            "too long",
        ),
    ]
}

#[test]
fn every_bad_input_typed_on_the_screen_keeps_the_form_open_with_the_reason() {
    let mut fx = Fx::en();
    fx.start();
    let mut failures = vec![];
    for c in form_cases() {
        let events = fx.s().last_seq;
        fx.typed(c.keys);
        for ch in c.typed.chars() {
            match ch {
                '\t' => fx.tab(),
                '\u{8}' => fx.key(KeyCode::Backspace),
                ch => fx.ch(ch),
            }
        }
        fx.enter();
        let screen = fx.screen(200, 60);
        let open = matches!(
            fx.app.overlays.last(),
            Some(fgd::tui::app::Overlay::Form(_))
        );
        if !open {
            failures.push(format!("{}: the form closed", c.name));
        } else if !screen.contains(c.says) {
            failures.push(format!("{}: no {:?} on screen:\n{screen}", c.name, c.says));
        }
        if fx.s().last_seq != events {
            failures.push(format!("{}: something was stored", c.name));
        }
        while !fx.app.overlays.is_empty() {
            fx.esc();
        }
    }
    // A terminal too small says so.
    let small = fx.screen(30, 6);
    if !small.contains("small") {
        failures.push(format!(
            "a 30×6 terminal does not say it is too small:\n{small}"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
