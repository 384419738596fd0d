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
                    *rng.pick(keys::CHARS)
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

mod apply;
mod keys;
mod plans;
mod session_file;
