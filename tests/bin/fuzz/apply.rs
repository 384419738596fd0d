//! Random `fgd apply` lines: errors, never panics, on a live session.

use super::*;

// ---------------------------------------------------------------- apply

const FIELDS: &[&str] = &[
    "name",
    "position",
    "unit",
    "code",
    "nip",
    "consent",
    "present",
    "participant",
    "title",
    "minutes",
    "owner",
    "questions",
    "item",
    "to",
    "kind",
    "entry",
    "from",
    "values",
    "text",
    "private",
    "what",
    "pic",
    "due",
    "action",
    "status",
    "decision",
    "conclusion",
    "note",
    "mindset",
    "origin",
    "at",
    "cmd",
];

/// The commands `fgd apply` knows, as its own error message lists them, each
/// with its fields: the ones it asks for when missing, then every field its
/// decoded form has.
fn commands() -> Vec<(String, Vec<String>)> {
    let err = cli::parse_line("{\"cmd\":\"no-such-command\"}")
        .unwrap_err()
        .to_string();
    let list = err.split("the commands are: ").nth(1).unwrap();
    let mut rng = Rng::new(1);
    list.split(", ")
        .map(|name| {
            let mut line = serde_json::Map::new();
            line.insert("cmd".into(), json!(name.trim()));
            for _ in 0..8 {
                match cli::parse_line(&Value::Object(line.clone()).to_string()) {
                    Ok(decoded) => {
                        let v = serde_json::to_value(&decoded.command).unwrap();
                        let fields = v.as_object().unwrap().keys().cloned().collect();
                        return (name.trim().to_owned(), fields);
                    }
                    Err(e) => {
                        let missing = e.to_string().split('`').nth(1).unwrap_or("text").to_owned();
                        let value = loop {
                            let v = field_value(&mut rng, &missing);
                            if !v.is_null() && !v.is_object() && !v.is_array()
                                || missing == "values"
                            {
                                break v;
                            }
                        };
                        line.insert(missing, value);
                    }
                }
            }
            (name.trim().to_owned(), vec![])
        })
        .collect()
}

pub(super) fn random_json(rng: &mut Rng, depth: u32) -> Value {
    match rng.below(if depth > 1 { 7 } else { 9 }) {
        0..=2 => Value::String(random_text(rng)),
        3 => json!(random_int(rng)),
        4 => json!(*rng.pick(&[1.5, -0.0, 1e300, f64::MIN_POSITIVE])),
        5 => json!(rng.chance(1, 2)),
        6 => Value::Null,
        7 => Value::Array(
            (0..rng.below(4))
                .map(|_| random_json(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut m = serde_json::Map::new();
            m.insert((*rng.pick(FIELDS)).to_owned(), random_json(rng, depth + 1));
            Value::Object(m)
        }
    }
}

/// A plausible value for a field: what the field wants, or something else.
pub(super) fn field_value(rng: &mut Rng, field: &str) -> Value {
    if rng.chance(1, 6) {
        return random_json(rng, 0);
    }
    match field {
        "participant" | "pic" => json!(format!("P{}", rng.between(0, 12))),
        "item" | "entry" | "action" | "decision" | "conclusion" | "note" | "mindset" | "to" => {
            json!(rng.between(0, 12))
        }
        "code" => json!(format!("Q{}", rng.below(30))),
        "minutes" => json!(random_int(rng)),
        "kind" => json!(*rng.pick(&[
            "topic",
            "reply",
            "clarify",
            "point_of_order",
            "quote",
            "insight",
            "concern",
            "observation",
        ])),
        "status" => json!(*rng.pick(&["open", "done", "dropped"])),
        "due" => json!(*rng.pick(&["+7d", "+2w", "+d", "2026-02-30", "32/13/2026", "2027-01-01"])),
        "values" => json!(["adaptif", "loyal", "x"]),
        "questions" => json!([random_text(rng)]),
        "consent" | "present" | "private" => json!(rng.chance(1, 2)),
        "at" => json!(*rng.pick(&[
            "2026-12-16T09:30:00+08:00",
            "2026-12-16T08:00:00+08:00",
            "2026-12-16T09:30:00Z",
            "9999-12-31T23:59:59Z",
            "+262143-12-31T23:59:59Z",
            "2026-12-16",
        ])),
        _ => Value::String(random_text(rng)),
    }
}

fn random_line(rng: &mut Rng, commands: &[(String, Vec<String>)]) -> String {
    match rng.below(10) {
        0 => String::from_utf8_lossy(&random_bytes(rng)).into_owned(),
        1 => random_json(rng, 0).to_string(),
        2 => {
            let line = random_line(rng, commands);
            mutate_text(
                rng,
                &line,
                &["{", "}", "\"", ":", ",", "\\u0000", "\\ud800", "1e9999"],
            )
        }
        _ => {
            let (name, fields) = rng.pick(commands);
            let mut m = serde_json::Map::new();
            let cmd = if rng.chance(19, 20) {
                json!(name)
            } else {
                random_json(rng, 1)
            };
            m.insert("cmd".into(), cmd);
            for field in fields.iter().filter(|f| *f != "cmd") {
                if rng.chance(4, 5) {
                    m.insert(field.clone(), field_value(rng, field));
                }
            }
            if rng.chance(1, 8) {
                let field = *rng.pick(FIELDS);
                m.insert(field.to_owned(), field_value(rng, field));
            }
            Value::Object(m).to_string()
        }
    }
}

/// A live session of the English plan: started, everyone present.
fn live_session() -> (Session, DateTime<Utc>) {
    let t0 = tui_support::en_t0();
    let plan = plan::parse(plan::bundled(tui_support::EN_PLAN).unwrap(), "en").unwrap();
    let mut session = Session::default();
    let mut cmds = plan.commands("2026-12-16-fuzz", plan.date.unwrap(), None, 1);
    cmds.extend((1..=8).map(|p| Command::Arrive {
        participant: format!("P{p}"),
    }));
    cmds.push(Command::Start);
    engine::build(&mut session, cmds, t0, Actor::Facilitator).unwrap();
    (session, t0)
}

#[test]
fn random_apply_lines_give_errors_never_panics() {
    let inputs = env_u64("FGD_FUZZ_INPUTS", 1_000) * 3;
    let seed = seeds(0xA991_7E55, 1)[0];
    let mut rng = Rng::new(seed);
    let commands = commands();
    assert!(commands.len() > 20, "{commands:?}");
    let (mut session, mut now) = live_session();
    let mut applied = 0;
    for i in 0..inputs {
        let line = random_line(&mut rng, &commands);
        replayable("apply fuzz", seed, &format!("(line {i}: {line:?})"), || {
            let Ok(decoded) = cli::parse_line(&line) else {
                return;
            };
            now += Duration::seconds(rng.below(90) as i64);
            // As `fgd apply`: the line's time, else now (never before the last event).
            let at = decoded
                .at
                .unwrap_or_else(|| now.max(session.last_at.unwrap_or(now)));
            let mut next = session.clone();
            let Ok(recs) = engine::build(&mut next, [decoded.command], at, Actor::Script) else {
                return;
            };
            let last = next.last_at.unwrap_or(at);
            if let Err(e) = next.check_invariants(last) {
                panic!("an accepted line broke an invariant: {e}");
            }
            for rec in &recs {
                let bytes = serde_json::to_vec(rec).unwrap();
                let back: Recorded = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(&back, rec, "an event reads back as it was stored");
            }
            applied += 1;
            session = next;
            now = now.max(last);
        });
        // Keep the session small and alive: start over now and then.
        if session.status == fgd::domain::Status::Ended || session.last_seq > 600 {
            (session, now) = live_session();
        }
    }
    eprintln!("apply fuzz: {inputs} lines, {applied} applied");
    assert!(applied > 0, "some lines were applied");
}
