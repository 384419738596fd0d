//! The table of hostile command-line cases: each a command, the exit
//! status and words it must give, and what must be left as it was.

use super::*;

#[expect(
    clippy::too_many_lines,
    reason = "a table of hostile cases, clearer whole than cut"
)]
pub(super) fn cases() -> Vec<Case> {
    use serde_json::json;
    let plan = |body: &str| format!("title = \"Uji\"\n{body}");
    let p = ["new", "--plan", "{files}/p.toml"];
    let unknown = ["no session `nothing`", "`fgd list`"];
    let bad_due = [
        "bad due date",
        "write a date (31/12/2027, 31-12-2027, 31 Dec 2027, 2027-12-31)",
        "+7d days, +2w weeks, +1mo months",
    ];
    let refused = "1 line(s) refused";
    let apply = ["apply", ID];
    let import = ["import", "{files}/s.json"];
    // The holder is `fgd apply`: nothing to join.
    let in_use = [
        "is in use by process",
        "fgd apply",
        "try again when it has finished",
    ];
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
        case("export: unknown format", &["export", ID, "--format", "odt", "--out", "{files}"], 2, &["unknown format `odt`", "use one or more of md, html, json, csv, ics, docx, xlsx, pdf, all"]),
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
        case("apply: unknown participant", &apply, 2, &["error 1: no participant or resource person `P99`", "name one by code (like P3, N1 for a resource person, F for the chair) or by exact name"])
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
        case("apply: a damaged database", &apply, 1, &["can't be opened", "Nothing was changed", "`fgd repair", "brings back"])
            .stdin("{\"cmd\":\"start\"}\n")
            .setup(damage),
        case("export: a damaged database", &["export", ID, "--out", "{files}"], 1, &["can't be opened", "fgd repair"])
            .setup(damage),
        case("apply: a database from a newer fgd", &apply, 1, &["was written by a newer fgd (schema 7", "use a newer fgd to open it"])
            .stdin("{\"cmd\":\"start\"}\n")
            .setup(|fgd, _| {
                std::fs::write(session_dir(fgd, ID).join("schema"), "7\n").unwrap();
                None
            }),
        case("apply: a garbled schema file", &apply, 1, &["is not a schema version", "fgd repair"])
            .stdin("{\"cmd\":\"start\"}\n")
            .setup(|fgd, _| {
                std::fs::write(session_dir(fgd, ID).join("schema"), "\u{0}\u{1b}[31m").unwrap();
                None
            }),
        case("apply: a database that is gone", &apply, 1, &["its database", "is missing", "fgd repair"])
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
