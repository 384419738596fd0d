//! Crash suite: the real `fgd run` in tmux, driven through a scripted
//! session (notes, decisions, conclusions, action items and mindset notes
//! typed into their forms; hands raised, speakers called and finished, the
//! next agenda item, pause and resume), is stopped at seeded-random moments —
//! mid-form, mid-save, idle — by SIGKILL, SIGTERM, SIGHUP, SIGINT or
//! SIGQUIT, then reopened
//! with `fgd run`. Checked after every stop (DESIGN §6):
//!
//! - every row the screen showed just before the stop is on the reopened
//!   screen. A row is told by the unique token its text starts with
//!   (`zqN0007 …`); a token that was still in an open form (not saved yet)
//!   is left out. Each session is kept small enough that all its rows fit
//!   on the 200×60 screen, so "before" and "after" compare exactly;
//! - SIGTERM, SIGHUP, SIGINT and SIGQUIT end fgd with status 0, raw mode off and the
//!   alternate screen left;
//! - when a session is retired, its database (opened through the library)
//!   holds, round by round, a prefix of what was typed — nothing lost
//!   while something later was kept, no text mixed into another — and the
//!   session keeps its invariants; `fgd list` tells its real status.
//!
//! SIGKILLs: `FGD_CRASH_KILLS` (default 20), plus four SIGTERM/SIGHUP and
//! one each of SIGINT and SIGQUIT;
//! seed: `FGD_CRASH_SEED` (printed when a round fails). Skipped with a
//! message when tmux is not installed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::tmux_support;
use std::collections::BTreeSet;
use std::time::Duration;

use crate::bin_support::Fgd;
use crate::seeded::{Rng, env_u64};
use crate::tmux_support::{TTY_RESTORED, Tmux, holder_pid, signal};
use fgd::engine::Engine;
use fgd::store::DataDir;

const COLS: u16 = 200;
const ROWS: u16 = 60;
/// Rows a session may gather per panel before a new session is started: at
/// 200×60 each panel of the right column shows 13, so every row stays in view.
const PANEL_ROOM: usize = 8;
/// Shown while a form is open (its key hint line).
const FORM_OPEN: &str = "Enter simpan";
/// The line that says a form typed in before a stop came back.
const DRAFT_BACK: &str = "belum disimpan dipulihkan";
/// The question `Esc` asks on a form with something typed.
const DISCARD: &str = "Buang yang sudah diketik";
/// In the header while the live view is up (the agenda panel's title).
const LIVE_VIEW: &str = "Susunan Acara";
const PLAN: &str = "fgd-pola-pikir";
/// What each typed row says after its token.
const FILLER: &str = "uji";

/// What a typed row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Note,
    Decision,
    Conclusion,
    Action,
    Mindset,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Note,
        Kind::Decision,
        Kind::Conclusion,
        Kind::Action,
        Kind::Mindset,
    ];

    fn letter(self) -> char {
        match self {
            Kind::Note => 'N',
            Kind::Decision => 'D',
            Kind::Conclusion => 'C',
            Kind::Action => 'A',
            Kind::Mindset => 'M',
        }
    }

    /// The panel its rows are in (decisions and conclusions share one).
    fn panel(self) -> usize {
        match self {
            Kind::Note => 0,
            Kind::Decision | Kind::Conclusion => 1,
            Kind::Action => 2,
            Kind::Mindset => 3,
        }
    }
}

/// One thing sent to the terminal.
#[derive(Debug, Clone)]
enum Send {
    Keys(Vec<&'static str>),
    Text(String),
}

fn keys(k: &[&'static str]) -> Send {
    Send::Keys(k.to_vec())
}

/// A row typed into its form: the token first (rows are cut after 30
/// characters, never before), then a few words.
fn row_step(kind: Kind, token: &str) -> Vec<Send> {
    let text = Send::Text(format!("{token} {FILLER}"));
    match kind {
        // Insight: a public note, so the projector shows it.
        Kind::Note => vec![
            keys(&["o"]),
            text,
            keys(&["Tab", "Right", "Right", "Enter"]),
        ],
        Kind::Decision => vec![keys(&["d"]), text, keys(&["Enter"])],
        Kind::Conclusion => vec![keys(&["c"]), text, keys(&["Enter"])],
        Kind::Action => vec![
            keys(&["a"]),
            text,
            keys(&["Tab"]),
            Send::Text("P3".into()),
            keys(&["Tab"]),
            Send::Text("+7d".into()),
            keys(&["Enter"]),
        ],
        Kind::Mindset => vec![
            keys(&["m"]),
            text,
            keys(&["Tab"]),
            Send::Text("melayani".into()),
            keys(&["Enter"]),
        ],
    }
}

/// A step that changes the floor or the agenda, not a typed row.
fn other_step(rng: &mut Rng) -> Vec<Send> {
    match rng.below(6) {
        0 | 1 => vec![
            keys(&["r"]),
            Send::Text(rng.between(1, 9).to_string()),
            keys(&["Enter"]),
            keys(&[*rng.pick(&["t", "r", "c", "p"])]),
        ],
        2 => vec![keys(&["s"])],
        3 => vec![keys(&["f"])],
        4 => vec![keys(&["n"])],
        // On a planned session nobody is present yet: `Space` asks first.
        _ => vec![keys(&["Space"]), keys(&["y"])],
    }
}

/// The tokens (`zq` + a kind letter + four digits) of the rows on a screen.
/// A token inside a popup (between two `│` of its frame: the field of an
/// open form) is not a row, and is left out. A frame drawn only partly when
/// the screen was read can't bring a form's token in wrongly: forms close
/// by being saved (the script never cancels one), and fgd draws the frame
/// without the form only after the save.
fn tokens_in(screen: &str) -> BTreeSet<String> {
    tokens(screen, false)
}

/// The tokens typed into a form on `screen` (inside a popup).
fn form_tokens(screen: &str) -> BTreeSet<String> {
    tokens(screen, true)
}

fn tokens(screen: &str, popup: bool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        for i in 0..chars.len().saturating_sub(6) {
            let t = &chars[i..i + 7];
            let digits = t[3..].iter().all(char::is_ascii_digit);
            let ends = chars.get(i + 7).is_none_or(|c| !c.is_ascii_digit());
            let in_popup = chars[..i].contains(&'│') && chars[i..].contains(&'│');
            if t[0] == 'z'
                && t[1] == 'q'
                && t[2].is_ascii_uppercase()
                && digits
                && ends
                && in_popup == popup
            {
                out.insert(t.iter().collect());
            }
        }
    }
    out
}

/// A session being crashed: what was typed in it, round by round.
struct Victim {
    id: String,
    /// Per round, the tokens of the rows whose typing began, in order.
    rounds: Vec<Vec<(Kind, String)>>,
    /// Rows begun per panel.
    filled: [usize; 4],
    /// Rows the last screen before the last stop showed.
    shown: BTreeSet<String>,
    /// Tokens typed into the form open on that screen, if one was.
    drafted: BTreeSet<String>,
}

impl Victim {
    fn new(fgd: &Fgd) -> Victim {
        Victim {
            id: fgd.new_session(&["--plan", PLAN]),
            rounds: vec![],
            filled: [0; 4],
            shown: BTreeSet::new(),
            drafted: BTreeSet::new(),
        }
    }

    fn full(&self) -> bool {
        self.filled.iter().any(|n| *n + 3 > PANEL_ROOM)
    }
}

struct Run {
    rng: Rng,
    seed: u64,
    next_token: u32,
    /// Tokens seen on a screen just before a stop, over the whole run.
    checked: usize,
    /// Stops that came while a form was open.
    mid_form: usize,
}

impl Run {
    /// The script of one round: a few random steps, rows only where the
    /// panels still have room.
    fn script(&mut self, victim: &mut Victim) -> Vec<(Vec<Send>, Option<String>)> {
        let n = self.rng.between(2, 6);
        let mut steps = Vec::new();
        let mut round = Vec::new();
        for _ in 0..n {
            if self.rng.chance(2, 3) {
                let kind = *self.rng.pick(&Kind::ALL);
                if victim.filled[kind.panel()] < PANEL_ROOM {
                    victim.filled[kind.panel()] += 1;
                    self.next_token += 1;
                    let token = format!("zq{}{:04}", kind.letter(), self.next_token);
                    round.push((kind, token.clone()));
                    steps.push((row_step(kind, &token), Some(token)));
                    continue;
                }
            }
            steps.push((other_step(&mut self.rng), None));
        }
        victim.rounds.push(round);
        steps
    }

    /// One round: reopen, check the rows shown before the last stop are
    /// there, type a random part of a script, stop fgd with `sig` at a random
    /// moment, and note what the screen showed just before.
    fn round(&mut self, fgd: &Fgd, victim: &mut Victim, sig: &str, label: &str) {
        let t = reopen(fgd, victim, label);
        let pid = holder_pid(fgd, &victim.id);
        let steps = self.script(victim);
        let send = |send: &Send| match send {
            Send::Keys(k) => t.keys(k),
            Send::Text(text) => t.literal(text),
        };
        // All steps but the last are seen through: a typed row is awaited on
        // screen (so each round has rows to lose). The last is cut off after
        // a random number of its keys (mid-form, or after Enter), and the
        // stop comes at a random moment while fgd works through them — a
        // debug build takes about 30 ms a key at 200×60.
        let (last, before_last) = steps.split_last().unwrap();
        for (sends, token) in before_last {
            sends.iter().for_each(send);
            if let Some(token) = token {
                t.wait_until(&format!("{label}: row {token} on screen"), |screen| {
                    tokens_in(screen).contains(token)
                });
            }
        }
        let cut = self.rng.index(last.0.len() + 1);
        last.0.iter().take(cut).for_each(send);
        let pause = match self.rng.below(4) {
            0 => self.rng.below(30),
            _ => self.rng.below(1_500),
        };
        std::thread::sleep(Duration::from_millis(pause));
        let before = t.screen();
        signal(&pid, sig);
        let shown = tokens_in(&before);
        victim.drafted = BTreeSet::new();
        if before.contains(FORM_OPEN) {
            self.mid_form += 1;
            victim.drafted = form_tokens(&before);
        }
        self.checked += shown.len();
        victim.shown = shown;
        let after = t.wait_for("FGD-EXIT=");
        if sig == "KILL" {
            assert!(after.contains("FGD-EXIT=137"), "{label}: killed:\n{after}");
        } else {
            let after = t.wait_for("TTY:");
            assert!(
                after.contains("FGD-EXIT=0"),
                "{label}: SIG{sig} is a clean exit:\n{after}"
            );
            assert!(
                !after.contains(LIVE_VIEW),
                "{label}: SIG{sig} leaves the alternate screen:\n{after}"
            );
            assert!(
                after.contains(TTY_RESTORED),
                "{label}: SIG{sig} turns raw mode off:\n{after}"
            );
        }
    }
}

/// Reopens a session one last time, quits it cleanly, and checks its
/// database against what was typed.
fn retire(fgd: &Fgd, victim: &Victim, label: &str) {
    let t = reopen(fgd, victim, label);
    t.keys(&["q"]);
    t.keys(&["y"]);
    let after = t.wait_for("TTY:");
    assert!(after.contains("FGD-EXIT=0"), "{label}: quit:\n{after}");
    assert!(after.contains(TTY_RESTORED), "{label}: quit:\n{after}");
    drop(t);

    let engine = Engine::open(&DataDir::new(fgd.data()), &victim.id)
        .unwrap_or_else(|e| panic!("{label}: the database opens: {e}"));
    let s = engine.session();
    let mut saved: Vec<String> = s.notes().map(|n| n.text.clone()).collect();
    saved.extend(s.decisions().map(|d| d.text.clone()));
    saved.extend(s.conclusions().map(|c| c.text.clone()));
    saved.extend(s.actions().map(|a| a.what.clone()));
    saved.extend(s.mindsets().map(|m| m.from.clone()));
    let saved_tokens: BTreeSet<String> = saved
        .iter()
        .map(|text| {
            let token = text.split(' ').next().unwrap_or_default().to_owned();
            assert_eq!(
                *text,
                format!("{token} {FILLER}"),
                "{label}: a row holds exactly what was typed into its form"
            );
            token
        })
        .collect();
    assert_eq!(saved_tokens.len(), saved.len(), "{label}: no row twice");
    for (r, round) in victim.rounds.iter().enumerate() {
        let kept: Vec<bool> = round
            .iter()
            .map(|(_, t)| saved_tokens.contains(t))
            .collect();
        let prefix = kept.iter().take_while(|k| **k).count();
        assert!(
            kept[prefix..].iter().all(|k| !k),
            "{label}: round {r} kept {kept:?} of {round:?}: a row was lost while a later one was kept"
        );
    }
    let last = s.last_at.unwrap();
    s.check_invariants(last)
        .unwrap_or_else(|e| panic!("{label}: invariants: {e:?}"));
    let status = s.status;
    drop(engine);
    let sessions: serde_json::Value =
        serde_json::from_str(&fgd.run(&["list", "--json"]).stdout).unwrap();
    let listed = sessions
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == victim.id.as_str())
        .unwrap_or_else(|| panic!("{label}: {} is listed", victim.id));
    assert_eq!(
        listed["status"].as_str(),
        Some(status.as_str()),
        "{label}: `fgd list` tells the status the database holds"
    );
}

/// `fgd run ID` again: waits until the screen shows the live view and every
/// row the screen showed before the last stop.
fn reopen(fgd: &Fgd, victim: &Victim, label: &str) -> Tmux {
    let t = Tmux::start_sized(fgd, &format!("run {}", victim.id), COLS, ROWS).unwrap();
    // What was typed into a form open at the stop comes back in that form
    // (or is a row, when its Enter was on its way as the screen was read);
    // thrown away then, so the round starts from the live view.
    let drafted = &victim.drafted;
    let first = t.wait_until(
        &format!("{label}: the form typed in at the stop to come back with {drafted:?}"),
        |screen| {
            let mut seen = form_tokens(screen);
            seen.extend(tokens_in(screen));
            screen.contains(LIVE_VIEW) && drafted.is_subset(&seen)
        },
    );
    if first.contains(FORM_OPEN) {
        assert!(
            first.contains(DRAFT_BACK),
            "{label}: says the form came back:\n{first}"
        );
        t.keys(&["Escape"]);
        t.wait_for(DISCARD);
        t.keys(&["y"]);
        t.wait_until(&format!("{label}: the form to close"), |screen| {
            !screen.contains(FORM_OPEN)
        });
    }
    let want = &victim.shown;
    t.wait_until(
        &format!("{label}: the reopened screen to show {want:?}"),
        |screen| screen.contains(LIVE_VIEW) && want.is_subset(&tokens_in(screen)),
    );
    t
}

#[test]
fn every_row_on_screen_survives_kill_term_and_hup_at_random_moments() {
    if !tmux_support::available() {
        return;
    }
    let kills = env_u64("FGD_CRASH_KILLS", 20);
    let seed = env_u64("FGD_CRASH_SEED", 0xC0FF_EE15);
    let mut run = Run {
        rng: Rng::new(seed),
        seed,
        next_token: 0,
        checked: 0,
        mid_form: 0,
    };
    // The stops in a random order: the kills, two each of TERM and HUP and
    // one each of INT and QUIT (sent from outside, as `kill -INT` does).
    let mut stops: Vec<&str> = vec!["KILL"; usize::try_from(kills).unwrap()];
    stops.extend(["TERM", "HUP", "TERM", "HUP", "INT", "QUIT"]);
    for i in (1..stops.len()).rev() {
        stops.swap(i, run.rng.index(i + 1));
    }

    let fgd = Fgd::new();
    let mut victim = Victim::new(&fgd);
    let mut sessions = 1;
    for (n, sig) in stops.iter().enumerate() {
        let label = format!("stop {n} (SIG{sig}, FGD_CRASH_SEED={:#x})", run.seed);
        if victim.full() {
            retire(&fgd, &victim, &label);
            victim = Victim::new(&fgd);
            sessions += 1;
        }
        run.round(&fgd, &mut victim, sig, &label);
    }
    retire(
        &fgd,
        &victim,
        &format!("the end (FGD_CRASH_SEED={seed:#x})"),
    );
    eprintln!(
        "crash suite: {} stops over {sessions} sessions; {} rows on screen before a stop, {} stops with a form open",
        stops.len(),
        run.checked,
        run.mid_form
    );
    assert!(
        run.checked >= stops.len(),
        "too few rows were on screen before the stops to prove anything ({})",
        run.checked
    );
}
