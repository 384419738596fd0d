//! Hostile cases at the edges of the input (break 15 of issue 17): bytes
//! that are not UTF-8, a directory for a file, a key given twice, a plan
//! dated in year 10000, lists longer than any real FGD, and times far
//! after the real clock (break 6).

use super::*;

/// Appends `events` (their `type` and fields) to a session file's log, at
/// its last event's time, as a script.
fn append(doc: &mut serde_json::Value, events: &[serde_json::Value]) {
    rename(doc, "2026-12-16-baru");
    let log = doc["events"].as_array_mut().unwrap();
    let at = log.last().unwrap()["at"].clone();
    for event in events {
        let seq = log.len() + 1;
        log.push(serde_json::json!({"seq": seq, "at": at, "actor": "script", "event": event}));
    }
}

/// An import refused at the event that typing could not have produced.
fn unproducible(name: &'static str, events: Vec<serde_json::Value>, why: &'static str) -> Case {
    case(
        name,
        &["import", "{files}/s.json"],
        2,
        &[
            "could not have been made by typing",
            why,
            "nothing was imported",
        ],
    )
    .setup(session_file(move |d| append(d, &events)))
}

pub(super) fn cases() -> Vec<Case> {
    use serde_json::json;
    let apply = ["apply", ID];
    let p = ["new", "--plan", "{files}/p.toml"];
    let many = |n: usize| {
        (0..n)
            .map(|i| format!("\"Q{i}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let line = |v: serde_json::Value| apply_line(&v);
    vec![
        case("apply: a line that is not UTF-8", &apply, 2, &["error 1: the line is not UTF-8 text", "save the input as UTF-8", "1 line(s) refused"])
            .stdin(b"{\"cmd\":\"add_note\",\"text\":\"\xff\xfe\"}\n".to_vec()),
        case("apply: --file names a directory", &["apply", ID, "--file", "{files}"], 2, &["it is a directory", "give --file a file of JSON lines"]),
        case("apply: a key given twice", &apply, 2, &["error 1: the key `text` is given twice", "give each field once"])
            .stdin("{\"cmd\":\"add_note\",\"text\":\"a\",\"text\":\"b\"}\n"),
        case("apply: a key given twice inside votes", &apply, 2, &["error 1: the key `for` is given twice"])
            .stdin("{\"cmd\":\"add_decision\",\"text\":\"a\",\"votes\":{\"for\":1,\"for\":2}}\n"),
        case("plan: date +10000-01-01", &p, 2, &["p.toml:2:8:", "date must be a real date written YYYY-MM-DD"])
            .plan("title = \"Uji\"\ndate = \"+10000-01-01\"\n"),
        case("plan: 101 guide questions", &p, 2, &["p.toml:5:", "too many guide questions (101; at most 100)", "shorten the list"])
            .plan(format!("title = \"Uji\"\n[[agenda]]\ntitle = \"A\"\nminutes = 5\nquestions = [{}]\n", many(101))),
        case("plan: 501 agenda items", &p, 2, &["too many agenda items (501; at most 500)"])
            .plan(format!("title = \"Uji\"\n{}", "[[agenda]]\ntitle = \"A\"\nminutes = 5\n".repeat(501))),
        case("plan: 1001 participants", &p, 2, &["too many participants (1001; at most 1000)"])
            .plan(format!("title = \"Uji\"\n{}", "[[participants]]\nname = \"A\"\n".repeat(1001))),
        case("apply: an agenda item with 101 questions", &apply, 2, &["error 1: too many guide questions (101; at most 100)"])
            .stdin(line(json!({"cmd":"add_agenda_item","title":"A","minutes":5,"questions":vec!["Q"; 101]}))),
        case("apply: an at in year 9999", &apply, 2, &["error 1: time 9999-12-31", "more than 5 minutes after the clock", "check its date and time"])
            .stdin(line(json!({"cmd":"add_note","text":"x","at":"9999-12-31T23:59:59Z"}))),
        case("apply: an at an hour ahead", &apply, 2, &["error 1: ", "more than 5 minutes after the clock"])
            .stdin(line(json!({"cmd":"add_note","text":"x","at":(chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339()}))),
        case("import: an event in year 9999", &["import", "{files}/s.json"], 2, &["more than 5 minutes after the clock", "nothing was imported"])
            .setup(session_file(|d| {
                rename(d, "2026-12-16-baru");
                let events = d["events"].as_array_mut().unwrap();
                let last = events.len() - 1;
                events[last]["at"] = "9999-12-31T23:59:59Z".into();
            })),
        // Logs that typing could not produce (break 7).
        unproducible("import: a speaker who is not a participant", vec![json!({"type":"speaker_called","code":"P999","kind":"topic","entry":null})], "no participant or resource person `P999`"),
        unproducible("import: a start after the end", vec![json!({"type":"ended"}), json!({"type":"started","item":null})], "the session has ended"),
        unproducible("import: a pause that does nothing", vec![json!({"type":"paused"}), json!({"type":"paused"})], "already paused"),
        unproducible("import: a hand raised at another time than its event", vec![
            json!({"type":"hand_raised","entry":{"id":1,"code":"P1","kind":"topic","raised_at":"2026-12-16T09:00:00Z"},"index":0}),
        ], "records something else"),
    ]
}
