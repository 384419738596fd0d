//! Random plan files: `plan::parse` gives errors, never panics.

use super::*;

// ---------------------------------------------------------------- plans

const PLAN_KEYS: &[&str] = &[
    "title",
    "kind",
    "language",
    "date",
    "timezone",
    "venue",
    "organizer",
    "facilitator",
    "facilitator_nip",
    "notetaker",
    "notetaker_nip",
    "resource_persons",
    "speaker_limit_minutes",
    "name",
    "position",
    "unit",
    "code",
    "nip",
    "consent",
    "minutes",
    "owner",
    "questions",
    "titel",
    "participants",
    "agenda",
];

const TOML_TOKENS: &[&str] = &[
    "\"",
    "'",
    "'''",
    "\"\"\"",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    "\n",
    "#",
    ",",
    ".",
    "\\u",
    "\\",
    "0x",
    "1979-05-27",
    "T07:32:00Z",
    "inf",
    "nan",
    "true",
    "[[agenda]]",
    "[[participants]]",
    "[agenda]",
    "minutes = ",
    "title = ",
];

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn random_toml_value(rng: &mut Rng, depth: u32) -> String {
    match rng.below(if depth > 1 { 7 } else { 9 }) {
        0..=2 => toml_string(&random_text(rng)),
        3 => random_int(rng).to_string(),
        4 => (*rng.pick(&["1.5", "-0.0", "inf", "nan", "1e308", "true", "false"])).to_owned(),
        5 => (*rng.pick(&[
            "2026-11-23",
            "2026-02-30",
            "2026-11-23T09:00:00",
            "2026-11-23T09:00:00+07:00",
            "09:00:00",
            "\"2026-02-30\"",
            "\"32/13/2026\"",
            "\"2026-11-23\"",
            "\"WITA\"",
            "\"+07:00\"",
            "\"+25:00\"",
            "\"en\"",
            "\"kbk\"",
        ]))
        .to_owned(),
        6 => "[]".to_owned(),
        7 => format!(
            "[{}]",
            (0..rng.below(4))
                .map(|_| random_toml_value(rng, depth + 1))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => format!(
            "{{ {} = {} }}",
            rng.pick(PLAN_KEYS),
            random_toml_value(rng, depth + 1)
        ),
    }
}

/// A random plan: the real keys (and some typos) in random places with
/// random values, in random tables.
fn random_plan(rng: &mut Rng) -> String {
    let mut out = String::new();
    if rng.chance(4, 5) {
        let _ = writeln!(out, "title = {}", toml_string(&random_text(rng)));
    }
    for _ in 0..rng.below(30) {
        match rng.below(10) {
            0 => {
                const TABLES: &[&str] = &[
                    "[[participants]]\n",
                    "[[agenda]]\n",
                    "[participants]\n",
                    "[extra]\n",
                    "[[agenda.questions]]\n",
                ];
                let table = *rng.pick(TABLES);
                out.push_str(table);
            }
            1 => out.push_str("[[agenda]]\ntitle = \"A\"\nminutes = 5\n"),
            2 => out.push_str("[[participants]]\nname = \"B\"\n"),
            _ => {
                let (key, value) = (rng.pick(PLAN_KEYS), random_toml_value(rng, 0));
                let _ = writeln!(out, "{key} = {value}");
            }
        }
    }
    out
}

/// Parses a plan; one that parses must make its session.
fn check_plan(src: &str) {
    if let Ok(plan) = plan::parse(src, "fuzz.toml") {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap();
        let day = plan.date.unwrap_or_else(|| plan.zone.date_of(t0));
        let mut session = Session::default();
        let built = engine::build(
            &mut session,
            plan.commands("2026-11-23-fuzz", day, None, 1),
            t0,
            Actor::Facilitator,
        );
        if let Err((i, e)) = built {
            panic!("a plan that `fgd plan check` passes can't make a session (command {i}: {e})");
        }
    }
}

#[test]
fn random_plan_files_give_errors_never_panics() {
    let inputs = env_u64("FGD_FUZZ_INPUTS", 1_000);
    let seed = seeds(0x91A4_F11E, 1)[0];
    let mut rng = Rng::new(seed);
    let mut parsed = 0;
    for i in 0..inputs {
        let src = match i % 3 {
            0 => String::from_utf8_lossy(&random_bytes(&mut rng)).into_owned(),
            1 => random_plan(&mut rng),
            _ => {
                let (_, plan) = rng.pick(plan::BUNDLED);
                mutate_text(&mut rng, plan, TOML_TOKENS)
            }
        };
        replayable("plan fuzz", seed, &format!("(input {i})"), || {
            check_plan(&src);
        });
        parsed += usize::from(plan::parse(&src, "f").is_ok());
    }
    eprintln!("plan fuzz: {inputs} inputs, {parsed} parsed");
    assert!(parsed > 0, "some mutated plans still parse");
}
