//! Hostile cases for what fgd prints (break 4 of issue 17): escape
//! sequences and bidi overrides in everything fgd echoes — command names,
//! field names, kinds, participants, due dates and statuses in `fgd apply`
//! answers, titles in `fgd list`, typed ids, the ambiguous-prefix list, the
//! lock holder's command line, plan keys, `--plan` names and config errors.
//! Every case of the catalogue also checks that nothing printed holds a
//! character a terminal obeys ([`super::unsafe_for_a_terminal`]).

use super::*;

/// Sets the window title, clears the screen, turns the rest right to left
/// and starts a C1 CSI: what a hostile text would like a terminal to do.
pub(super) const EVIL: &str = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}\u{9b}31m";

fn evil(s: &str) -> String {
    format!("{s}{EVIL}")
}

/// `meta.json` of the first session with an evil title (as another program
/// or a damaged copy might leave it).
fn evil_meta(fgd: &Fgd, _: &Path) -> Option<Holder> {
    let path = session_dir(fgd, ID).join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    meta["title"] = evil("Judul").into();
    std::fs::write(&path, serde_json::to_vec(&meta).unwrap()).unwrap();
    None
}

/// A third session directory whose name holds escapes (the id list is read
/// from the directory names).
fn evil_dir(fgd: &Fgd, _: &Path) -> Option<Holder> {
    let dir = fgd
        .data()
        .join("sessions")
        .join(evil("2026-12-16-designing-better-3"));
    copy_dir(&session_dir(fgd, ID2), &dir);
    None
}

/// Holds the session from a process whose command line holds escapes (its
/// data directory is reached through a symlink with an evil name).
#[expect(
    clippy::unnecessary_wraps,
    reason = "a case's setup returns what it holds, if anything"
)]
fn evil_holder(fgd: &Fgd, files: &Path) -> Option<Holder> {
    let link = files.join(evil("data"));
    std::os::unix::fs::symlink(fgd.data(), &link).unwrap();
    let mut child = fgd
        .cmd()
        .arg("--data-dir")
        .arg(&link)
        .args(["apply", ID])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{{\"cmd\":\"add_note\",\"text\":\"holding\"}}").unwrap();
    let mut answer = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut answer)
        .unwrap();
    super::settled(fgd, &answer);
    Some(Holder {
        child,
        stdin: Some(stdin),
    })
}

#[expect(
    clippy::too_many_lines,
    reason = "a table of hostile cases, clearer whole than cut"
)]
pub(super) fn cases() -> Vec<Case> {
    use serde_json::json;
    let apply = ["apply", ID];
    let refused = "1 line(s) refused";
    let line = |v: serde_json::Value| apply_line(&v);
    vec![
        case(
            "print: apply echoes a command name",
            &apply,
            2,
            &["error 1: unknown command `launch", refused],
        )
        .stdin(line(json!({"cmd": evil("launch")}))),
        case(
            "print: apply echoes a field name",
            &apply,
            2,
            &["error 1: unknown field `txt", "expected one of `text`"],
        )
        .stdin(line(json!({"cmd":"add_note", evil("txt"): "x"}))),
        case(
            "print: apply echoes a note kind",
            &apply,
            2,
            &["error 1: unknown value `quote", "use one of"],
        )
        .stdin(line(
            json!({"cmd":"add_note","text":"x","kind":evil("quote")}),
        )),
        case(
            "print: apply echoes a participant",
            &apply,
            2,
            &["error 1: no participant or resource person `P99"],
        )
        .stdin(line(json!({"cmd":"raise_hand","participant":evil("P99")}))),
        case(
            "print: apply echoes a due date",
            &apply,
            2,
            &["error 1: ", "bad due date"],
        )
        .stdin(line(
            json!({"cmd":"add_action","what":"Susun SOP","due":evil("+7d")}),
        )),
        case(
            "print: apply echoes a status",
            &apply,
            2,
            &["error 1: unknown value `done", "open, done, dropped"],
        )
        .stdin(line(
            json!({"cmd":"set_action_status","action":1,"status":evil("done")}),
        )),
        case(
            "print: apply echoes an at",
            &apply,
            2,
            &["error 1: `at` must be an RFC 3339 time"],
        )
        .stdin(line(json!({"cmd":"start","at":evil("2026")}))),
        case(
            "print: list shows a title from meta.json",
            &["list"],
            0,
            &[ID, "Judul"],
        )
        .setup(evil_meta),
        case(
            "print: list --json shows a title from meta.json",
            &["list", "--json"],
            0,
            &[ID, "Judul"],
        )
        .setup(evil_meta),
        case(
            "print: a typed session id",
            &["run", &evil("nothing")],
            2,
            &["no session `nothing", "`fgd list`"],
        ),
        case(
            "print: an ambiguous prefix lists ids",
            &["export", "2026-12-16-des", "--out", "{files}"],
            2,
            &[
                "matches more than one session",
                "2026-12-16-designing-better-3",
                "type more of the id",
            ],
        )
        .setup(evil_dir),
        case(
            "print: the lock holder's command line",
            &apply,
            1,
            &["is in use by process", "data"],
        )
        .stdin("{\"cmd\":\"start\"}\n")
        .setup(evil_holder),
        case(
            "print: a plan key",
            &["new", "--plan", "{files}/p.toml"],
            2,
            &["p.toml:2:1:", "unknown field `venu", "check the spelling"],
        )
        .plan("title = \"Uji\"\n\"venu\\u001b]0;pwned\\u0007\\u202e\" = \"Aula\"\n"),
        case(
            "print: a --plan name",
            &["new", "--plan", &evil("{files}/none")],
            2,
            &["no plan file", "none"],
        ),
        case(
            "print: plan check of an unreadable file name",
            &["plan", "check", &evil("{files}/none")],
            2,
            &["none"],
        ),
        case(
            "print: a config error",
            &["run", ID],
            2,
            &["c.toml", "keys"],
        )
        .file(
            "c.toml",
            format!(
                "[keys]\n\"quit{}\" = \"x\"\n",
                EVIL.replace('\u{1b}', "\\u001b")
                    .replace('\u{7}', "\\u0007")
                    .replace('\u{202e}', "\\u202e")
                    .replace('\u{9b}', "\\u009b")
            ),
        )
        .env("FGD_CONFIG", "{files}/c.toml"),
    ]
}
