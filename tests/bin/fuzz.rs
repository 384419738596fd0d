//! Fuzzing, seeded and reproducible: nothing a user or a file can feed fgd
//! makes it panic.
//!
//! - Random keys (every bound key, form keys, printable, wide and control
//!   characters, modifiers, key releases) on the live screen — planned,
//!   busy and ended sessions, as facilitator, notetaker and viewer — with
//!   the clock running (sometimes jumping hours ahead or stepping back) and
//!   the terminal resized at random between 1×1 and 250×80, a frame drawn
//!   after every key; and on the home screen. The session keeps its
//!   invariants throughout.
//! - Random bytes, random TOML and mutated bundled plans as plan files: an
//!   error, never a panic; a plan that parses builds its session.
//! - Random bytes, random JSON and mutated commands as `fgd apply` lines:
//!   an error, never a panic; a line that decodes runs against a live
//!   session, which keeps its invariants, and its event reads back as it
//!   was written.
//! - Random bytes and mutated `session.json` files for `fgd import`: an
//!   error, never a panic; a file that imports makes a consistent session
//!   that can be stored and opened again.
//!
//! Knobs: `FGD_FUZZ_KEYS` (keys in all, default 4,000; ≥ 100,000 for a real
//! run), `FGD_FUZZ_INPUTS` (inputs per decoder, default 1,000) and
//! `FGD_FUZZ_SEED`. A failure prints the seed that replays it.
//! `cargo fuzz` targets for the decoders are in `fuzz/`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap
)]

use crate::tui_support;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

use crate::seeded::{Rng, env_u64};
use crate::tui_support::{Fx, Setup};
use chrono::{DateTime, Duration, TimeZone, Utc};
use fgd::domain::{Actor, Command, Language, Recorded, Session, replay};
use fgd::engine::{self, Engine};
use fgd::export::json;
use fgd::store::DataDir;
use fgd::tui::app::Role;
use fgd::tui::home::Home;
use fgd::tui::keymap::{DEFAULTS, Keymap};
use fgd::tui::theme::{Theme, ThemeName};
use fgd::tui::view;
use fgd::{cli, plan};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde_json::{Value, json};

/// Keys per run on one screen (a failing run is replayed alone).
const RUN_KEYS: u64 = 400;

/// The seeds of `runs` runs: the first is `FGD_FUZZ_SEED` (or `default`), so a
/// failing run's seed, given back, replays that run first.
fn seeds(default: u64, runs: u64) -> Vec<u64> {
    let mut rng = Rng::new(env_u64("FGD_FUZZ_SEED", default));
    let mut out = vec![env_u64("FGD_FUZZ_SEED", default)];
    while (out.len() as u64) < runs {
        out.push(rng.next_u64());
    }
    out
}

/// Runs `f`, and if it panics, says how to replay it before passing the panic on.
fn replayable<T>(what: &str, seed: u64, extra: &str, f: impl FnOnce() -> T) -> T {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(v) => v,
        Err(panic) => {
            eprintln!(
                "\n{what} panicked; replay it with FGD_FUZZ_SEED={seed:#x} {extra}\n\
                 (e.g. FGD_FUZZ_SEED={seed:#x} {extra} cargo test --test bin fuzz::)\n"
            );
            resume_unwind(panic)
        }
    }
}

// ---------------------------------------------------------------- keys

/// Characters that printable keys bring: ASCII, wide, combining, emoji,
/// bidi overrides, controls, NUL.
const CHARS: &[char] = &[
    'a',
    'q',
    'y',
    'n',
    'P',
    '1',
    '3',
    '9',
    '0',
    '+',
    '-',
    '7',
    'd',
    'w',
    ' ',
    ',',
    '.',
    ':',
    '/',
    '"',
    '\\',
    '|',
    '<',
    '&',
    '王',
    '明',
    '👩',
    '\u{1f3fd}',
    '\u{200d}',
    'e',
    '\u{301}',
    'é',
    'ß',
    '\u{202e}',
    '\u{2066}',
    '\u{0}',
    '\u{1b}',
    '\u{7}',
    '\u{9b}',
    '\u{85}',
    '\u{feff}',
    '\t',
    '\n',
    '\r',
    '\u{ad}',
    '\u{fffd}',
    '\u{10ffff}',
];

const SPECIAL: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Insert,
    KeyCode::F(1),
    KeyCode::F(2),
    KeyCode::F(12),
    KeyCode::Null,
    KeyCode::CapsLock,
];

/// A random key event, weighted towards keys that do something.
fn random_key(rng: &mut Rng, bound: &[KeyEvent]) -> KeyEvent {
    let mut ev = match rng.below(100) {
        0..=44 => *rng.pick(bound),
        45..=74 => KeyEvent::new(KeyCode::Char(*rng.pick(CHARS)), KeyModifiers::NONE),
        75..=94 => KeyEvent::new(*rng.pick(SPECIAL), KeyModifiers::NONE),
        _ => {
            let c = char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('x');
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        }
    };
    if rng.chance(1, 12) {
        ev.modifiers |= *rng.pick(&[
            KeyModifiers::CONTROL,
            KeyModifiers::ALT,
            KeyModifiers::SHIFT,
            KeyModifiers::SUPER,
        ]);
    }
    if rng.chance(1, 30) {
        ev.kind = *rng.pick(&[KeyEventKind::Release, KeyEventKind::Repeat]);
    }
    ev
}

/// Every key the default keymap binds, as an event.
fn bound_keys() -> Vec<KeyEvent> {
    DEFAULTS
        .iter()
        .flat_map(|b| b.keys.iter())
        .map(|k| {
            let mods = if k.ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(k.code, mods)
        })
        .collect()
}

/// A terminal size: often at the layout's edges, else anywhere in 1×1..250×80.
fn random_size(rng: &mut Rng) -> (u16, u16) {
    const W: &[u16] = &[1, 2, 10, 39, 40, 59, 60, 61, 79, 80, 149, 150, 200, 250];
    const H: &[u16] = &[1, 2, 3, 8, 15, 16, 17, 23, 24, 29, 30, 35, 36, 60, 80];
    if rng.chance(1, 2) {
        (*rng.pick(W), *rng.pick(H))
    } else {
        (rng.between(1, 250) as u16, rng.between(1, 80) as u16)
    }
}

/// The clock moves on between keys: mostly seconds, sometimes hours or days,
/// sometimes a step back (a corrected system clock).
fn tick(rng: &mut Rng, now: &mut DateTime<Utc>) {
    *now += match rng.below(200) {
        0 => Duration::days(rng.between(1, 400) as i64),
        1..=4 => Duration::hours(rng.between(1, 5) as i64),
        5..=7 => -Duration::seconds(rng.between(1, 600) as i64),
        _ => Duration::milliseconds(rng.below(8_000) as i64),
    };
}

/// How a run's screen is set up.
fn random_setup(rng: &mut Rng) -> (Fx, &'static str) {
    let base = if rng.chance(1, 2) {
        Setup::id()
    } else {
        Setup::en()
    };
    let role = *rng.pick(&[
        Role::Facilitator,
        Role::Facilitator,
        Role::Notetaker,
        Role::Viewer,
    ]);
    let base = base.theme(*rng.pick(&[
        ThemeName::Default,
        ThemeName::HighContrast,
        ThemeName::NoColor,
    ]));
    match rng.below(3) {
        0 => (base.role(role).build(), "planned"),
        1 => (Fx::busy(base.role(role)), "busy"),
        _ => {
            let mut fx = Fx::busy(base);
            fx.exec(Command::End);
            fx.app.role = role;
            (fx.reopen(), "ended")
        }
    }
}

/// One run: a fresh screen, `keys` random keys, a frame after each.
fn key_run(seed: u64, keys: u64, bound: &[KeyEvent]) -> u64 {
    let mut rng = Rng::new(seed);
    let (mut fx, state) = random_setup(&mut rng);
    let (mut w, mut h) = random_size(&mut rng);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut recent: Vec<String> = Vec::new();
    let mut pressed = 0;
    let result = catch_unwind(AssertUnwindSafe(|| {
        while pressed < keys {
            if rng.chance(1, 25) {
                (w, h) = random_size(&mut rng);
                term.backend_mut().resize(w, h);
            }
            tick(&mut rng, &mut fx.now);
            // Now and then a burst of typing, as a paste would bring.
            let burst = if rng.chance(1, 60) {
                rng.between(20, 300)
            } else {
                1
            };
            let burst = burst.min(keys - pressed);
            for _ in 0..burst {
                let ev = random_key(&mut rng, bound);
                if recent.len() == 12 {
                    recent.remove(0);
                }
                recent.push(if ev.modifiers.is_empty() {
                    format!("{:?}", ev.code)
                } else {
                    format!("{:?}+{:?}", ev.code, ev.modifiers)
                });
                fx.app.handle_key(ev, fx.now);
                pressed += 1;
            }
            term.draw(|f| view::render(&fx.app, fx.now, f)).unwrap();
            if fx.app.quit {
                // As `fgd run` again after quitting.
                fx = fx.reopen();
            }
        }
        let last = fx.s().last_at.unwrap_or(fx.now);
        if let Err(e) = fx.s().check_invariants(last.max(fx.now)) {
            panic!("the session broke an invariant: {e}");
        }
    }));
    if let Err(panic) = result {
        eprintln!(
            "\nkey fuzz: a {state} session at {w}×{h}, after {pressed} keys; the last ones: {}\n\
             replay with FGD_FUZZ_SEED={seed:#x} FGD_FUZZ_KEYS={keys} cargo test --test bin fuzz::random_keys\n",
            recent.join(" ")
        );
        resume_unwind(panic);
    }
    pressed
}

#[test]
fn random_keys_at_random_sizes_never_panic() {
    let total = env_u64("FGD_FUZZ_KEYS", 4_000);
    let runs = total.div_ceil(RUN_KEYS).max(1);
    let bound = bound_keys();
    let mut pressed = 0;
    for seed in seeds(0xF0CC_AC1A, runs) {
        pressed += key_run(seed, RUN_KEYS.min(total), &bound);
    }
    eprintln!("key fuzz: {pressed} keys in {runs} runs");
    assert!(pressed >= runs, "every run pressed keys");
}

#[test]
fn random_keys_on_the_home_screen_never_panic() {
    let total = env_u64("FGD_FUZZ_KEYS", 4_000) / 10;
    let runs = total.div_ceil(RUN_KEYS).max(1);
    let bound = bound_keys();
    for seed in seeds(0x40_4E5C, runs) {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().join("data"));
        let mut rng = Rng::new(seed);
        let mut now = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap();
        // A saved session to resume and follow up.
        engine::create_from_plan(
            &data,
            &plan::parse(plan::bundled(tui_support::EN_PLAN).unwrap(), "en").unwrap(),
            None,
            now,
        )
        .unwrap();
        let lang = *rng.pick(&[Language::Id, Language::En]);
        let mut home = Home::new(
            &data,
            &[],
            lang,
            Theme::named(ThemeName::Default),
            Keymap::default(),
        );
        let (w, h) = random_size(&mut rng);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        replayable("home screen fuzz", seed, "", || {
            for _ in 0..RUN_KEYS.min(total) {
                tick(&mut rng, &mut now);
                let ev = random_key(&mut rng, &bound);
                let mut create = |p: &plan::Plan, follow: Option<&str>| -> Result<String, String> {
                    let prev = match follow {
                        Some(id) => Some(
                            Engine::open(&data, id)
                                .map_err(|e| e.to_string())?
                                .session()
                                .clone(),
                        ),
                        None => None,
                    };
                    engine::create_from_plan(&data, p, prev.as_ref(), now)
                        .map(|e| e.session().info.id.clone())
                        .map_err(|e| e.to_string())
                };
                home.key(ev, &mut create);
                if rng.chance(1, 25) {
                    let (w, h) = random_size(&mut rng);
                    term.backend_mut().resize(w, h);
                }
                term.draw(|f| home.draw(f, now)).unwrap();
                if home.quit || home.choice.is_some() {
                    break;
                }
            }
        });
    }
}

// ---------------------------------------------------------------- text

/// Texts that have caught parsers out.
const NASTY: &[&str] = &[
    "",
    " ",
    "\u{0}",
    "\u{1b}[2J\u{1b}]0;x\u{7}",
    "\u{202e}gnp.exe",
    "王小明 👩🏽‍💼 e\u{301}",
    "P1",
    "p1",
    "P999999999999999999999",
    "+7d",
    "+d",
    "+99999999999d",
    "-1d",
    "2026-02-30",
    "32/13/2026",
    "9999-12-31",
    "+262143-01-01",
    "0000-00-00",
    "2026-11-23T09:00:00+07:00",
    "2026-11-23T09:00:00+25:00",
    "\"",
    "'''",
    "\\u{d800}",
    "=cmd|' /C calc'!A0",
    "null",
    "NaN",
    "1e999",
];

/// A random string: nasty, random characters, or long.
fn random_text(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=4 => (*rng.pick(NASTY)).to_owned(),
        5..=7 => (0..rng.below(12))
            .map(|_| {
                if rng.chance(1, 2) {
                    *rng.pick(CHARS)
                } else {
                    char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('?')
                }
            })
            .collect(),
        8 => "x".repeat(rng.between(490, 520) as usize),
        _ if rng.chance(1, 4) => "ab ".repeat(rng.between(6_600, 7_000) as usize),
        _ => "P1 ".to_owned(),
    }
}

fn random_int(rng: &mut Rng) -> i64 {
    let small = rng.below(100) as i64;
    *rng.pick(&[
        0,
        1,
        -1,
        3,
        10,
        120,
        121,
        1440,
        1441,
        i64::from(u32::MAX),
        i64::from(u32::MAX) + 1,
        i64::MAX,
        i64::MIN,
        small,
    ])
}

/// Random bytes, often UTF-8, often short.
fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let n = match rng.below(4) {
        0 => rng.below(8),
        1 | 2 => rng.below(200),
        _ => rng.below(4_000),
    };
    (0..n)
        .map(|_| {
            if rng.chance(3, 4) {
                rng.between(0x20, 0x7e) as u8
            } else {
                rng.below(256) as u8
            }
        })
        .collect()
}

/// A random edit of `src`: a span deleted, repeated or replaced by a token,
/// lines swapped, or the end cut off.
fn mutate_text(rng: &mut Rng, src: &str, tokens: &[&str]) -> String {
    let mut s: Vec<char> = src.chars().collect();
    for _ in 0..rng.between(1, 4) {
        let n = s.len();
        let at = rng.index(n + 1);
        let len = rng.index(16.min(n - at) + 1);
        match rng.below(5) {
            0 => {
                s.drain(at..at + len);
            }
            1 => {
                let copy: Vec<char> = s[at..at + len].to_vec();
                s.splice(at..at, copy);
            }
            2 => {
                let token = if rng.chance(1, 2) {
                    (*rng.pick(tokens)).to_owned()
                } else {
                    random_text(rng)
                };
                s.splice(at..at + len, token.chars());
            }
            3 => {
                let text: String = s.iter().collect();
                let mut lines: Vec<&str> = text.lines().collect();
                if lines.len() > 1 {
                    let (a, b) = (rng.index(lines.len()), rng.index(lines.len()));
                    lines.swap(a, b);
                }
                s = lines.join("\n").chars().collect();
            }
            _ => s.truncate(at),
        }
    }
    s.into_iter().collect()
}

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
            plan.commands("2026-11-23-fuzz", day, None),
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

fn random_json(rng: &mut Rng, depth: u32) -> Value {
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
fn field_value(rng: &mut Rng, field: &str) -> Value {
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
    let mut cmds = plan.commands("2026-12-16-fuzz", plan.date.unwrap(), None);
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

// ---------------------------------------------------------------- session.json

/// A session.json of 150 events of the fixtures' large session.
fn session_file() -> Vec<u8> {
    let events = fgd::fixtures::large_session(150);
    json::render(&replay(&events), &events)
}

/// Every node of a JSON tree, by path.
fn paths(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(k.clone());
                paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(i.to_string());
                paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k).unwrap(),
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

/// A structural change: a node replaced, removed, duplicated or moved.
fn mutate_json(rng: &mut Rng, doc: &Value) -> Value {
    let mut doc = doc.clone();
    for _ in 0..rng.between(1, 3) {
        let mut all = vec![];
        paths(&doc, &mut vec![], &mut all);
        // Events hold most of the nodes; the header is worth hitting too.
        let path = all[rng.index(all.len())].clone();
        let Some((last, parent_path)) = path.split_last() else {
            continue;
        };
        let parent = node(&mut doc, parent_path);
        match (parent, rng.below(4)) {
            (Value::Object(m), 0) => {
                m.remove(last);
            }
            (Value::Array(a), 0) => {
                a.remove(last.parse::<usize>().unwrap());
            }
            (Value::Array(a), 1) => {
                let i = last.parse::<usize>().unwrap();
                let copy = a[i].clone();
                a.insert(rng.index(a.len() + 1), copy);
            }
            (Value::Array(a), 2) if a.len() > 1 => {
                let (i, j) = (rng.index(a.len()), rng.index(a.len()));
                a.swap(i, j);
            }
            (parent, _) => {
                let value = if rng.chance(1, 2) {
                    random_json(rng, 1)
                } else {
                    field_value(rng, last)
                };
                *node(parent, std::slice::from_ref(last)) = value;
            }
        }
    }
    doc
}

#[test]
fn random_session_files_give_errors_never_panics() {
    let inputs = env_u64("FGD_FUZZ_INPUTS", 1_000) / 4;
    let seed = seeds(0x5E55_1014, 1)[0];
    let mut rng = Rng::new(seed);
    let good = session_file();
    let doc: Value = serde_json::from_slice(&good).unwrap();
    assert!(json::import(&good).is_ok(), "the unchanged file imports");
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let mut imported = 0;
    for i in 0..inputs {
        let bytes = match i % 4 {
            0 => random_bytes(&mut rng),
            1 => {
                let text = String::from_utf8_lossy(&good).into_owned();
                mutate_text(
                    &mut rng,
                    &text,
                    &["{", "}", "\"", ":", ",", "[", "]", "null", "1e999"],
                )
                .into_bytes()
            }
            _ => serde_json::to_vec(&mutate_json(&mut rng, &doc)).unwrap(),
        };
        let id = replayable("session.json fuzz", seed, &format!("(input {i})"), || {
            let (session, events) = json::import(&bytes).ok()?;
            // What imports can be stored, and opens as the same session
            // (a few of them: each is a database on disk).
            if imported < 3 && !data.exists(&session.info.id) {
                let engine = Engine::create(&data, events, Utc::now()).unwrap();
                drop(engine);
                let opened = Engine::open(&data, &session.info.id).unwrap();
                assert_eq!(opened.session(), &session, "imported, stored, opened");
            }
            Some(session.info.id)
        });
        imported += usize::from(id.is_some());
    }
    eprintln!("session.json fuzz: {inputs} files, {imported} imported");
    assert!(imported > 0, "some changed files still import");
}
