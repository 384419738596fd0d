//! The live view's budgets of DESIGN §5, each measured side by side with its
//! baseline in one run (figures kept in BENCHMARKS.md):
//!
//! - key → state updated → frame rendered on a large session at 200×60:
//!   p99 ≤ 2 ms, and ≤ 1.5 × rendering the same frames from view models
//!   prepared beforehand. The durable write is left out (commands go to an
//!   in-memory port: decide + apply). The baseline draws into a terminal of
//!   its own that has shown the same frames, so both write the same cells.
//! - a timer tick repaints only the cells that changed: the bytes a clock
//!   tick writes to the terminal (ratatui's diff through the crossterm
//!   backend, as the live view writes them) against a full repaint of the
//!   same screen, at 200×60 and 80×24, and the cells written against the
//!   cells that differ.
//!
//! `cargo bench --bench tui`; `FGD_BENCH_QUICK=1` for a short run;
//! `FGD_BENCH_PARTS=1` adds where the time of a frame goes.

mod common;

use std::cell::Cell;
use std::error::Error;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use fgd::domain::{Actor, Command, Recorded, Seq, Session, apply, decide, replay};
use fgd::fixtures::{self, LARGE_SESSION_EVENTS};
use fgd::tui::app::{App, Role};
use fgd::tui::keymap::Keymap;
use fgd::tui::port::{ExportFailed, Port, Refusal};
use fgd::tui::theme::{Theme, ThemeName};
use fgd::tui::view;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use common::{Samples, Table, ms, quick, ratio};

type Res<T> = Result<T, Box<dyn Error>>;

const FRAME_BUDGET: Duration = Duration::from_millis(2);
const RATIO_BUDGET: f64 = 1.5;

/// Decide + apply in memory: the key path without the durable write.
struct MemPort {
    session: Session,
}

impl Port for MemPort {
    fn session(&self) -> &Session {
        &self.session
    }
    fn execute(&mut self, cmd: Command, now: DateTime<Utc>) -> Result<Seq, Refusal> {
        let at = self.session.last_at.map_or(now, |l| l.max(now));
        for event in decide(&self.session, cmd, at, Actor::Facilitator).map_err(Refusal::Rule)? {
            let rec = Recorded {
                seq: self.session.last_seq + 1,
                at,
                actor: Actor::Facilitator,
                event,
            };
            apply(&mut self.session, &rec);
        }
        Ok(self.session.last_seq)
    }
    fn export(&mut self, _out: &Path) -> Result<Vec<PathBuf>, ExportFailed> {
        Ok(vec![])
    }
    fn actor(&self) -> Actor {
        Actor::Facilitator
    }
}

fn main() -> Res<()> {
    let quick = quick();
    let _root = common::start("fgd live view benchmarks")?;
    let log = fixtures::large_session(LARGE_SESSION_EVENTS);
    let session = replay(&log);
    println!(
        "session: {} events, {} participants, {} agenda items, {} notes, {} actions, {} turns\n",
        log.len(),
        session.participants().count(),
        session.agenda.len(),
        session.notes().count(),
        session.actions().count(),
        session.turns.len()
    );
    let now = session.last_at.unwrap_or_else(fixtures::t0) + chrono::Duration::seconds(30);
    let app = App::new(
        MemPort { session },
        Role::Facilitator,
        Keymap::default(),
        Theme::named(ThemeName::Default),
        PathBuf::new(),
    );
    let app = key_to_frame(app, now, if quick { 300 } else { 3_000 })?;
    clock_tick(&app, now, if quick { 10 } else { 60 })?;
    Ok(())
}

/// Key → update → frame against drawing the same frames from prepared models.
fn key_to_frame(mut app: App<MemPort>, now: DateTime<Utc>, keys: usize) -> Res<App<MemPort>> {
    let mut terminal = Terminal::new(TestBackend::new(200, 60))?;
    let mut baseline_terminal = Terminal::new(TestBackend::new(200, 60))?;
    let cycle: Vec<KeyEvent> = [
        KeyCode::Down,
        KeyCode::Up,
        KeyCode::Tab,
        KeyCode::Down,
        KeyCode::Char(' '),
        KeyCode::Char(' '),
        KeyCode::BackTab,
        KeyCode::Char('f'),
    ]
    .iter()
    .map(|c| KeyEvent::new(*c, KeyModifiers::NONE))
    .collect();

    // Warm up both paths.
    for k in cycle.iter().cycle().take(50) {
        app.handle_key(*k, now);
        terminal.draw(|f| view::render(&app, now, f))?;
        let model = view::model::build(&app, now, terminal.get_frame().area());
        baseline_terminal.draw(|f| view::draw::draw(&model, &app.theme, f))?;
    }
    let mut key_path = Samples::new();
    let mut baseline = Samples::new();
    for (i, k) in cycle.iter().cycle().take(keys).enumerate() {
        let now = now + chrono::Duration::milliseconds(i64::try_from(i)?);
        // The key path: key → state → model → frame.
        key_path.time(|| -> Res<()> {
            app.handle_key(*k, now);
            terminal.draw(|f| view::render(&app, now, f))?;
            Ok(())
        })?;
        // The baseline, interleaved: the same frame from a prepared model.
        let model = view::model::build(&app, now, terminal.get_frame().area());
        baseline.time(|| baseline_terminal.draw(|f| view::draw::draw(&model, &app.theme, f)))?;
    }
    if baseline_terminal.backend().buffer() != terminal.backend().buffer() {
        return Err("the baseline drew another screen than the key path".into());
    }

    println!("key → update → frame (200×60, {keys} keys: ↓ ↑ Tab ↓ Space Space Shift-Tab f)");
    let mut t = Table::new(&["", "median ms", "p99 ms", "max ms"]);
    t.row(vec![
        "key → update → render".into(),
        ms(key_path.median()),
        ms(key_path.p99()),
        ms(key_path.max()),
    ]);
    t.row(vec![
        "baseline: render a prepared model".into(),
        ms(baseline.median()),
        ms(baseline.p99()),
        ms(baseline.max()),
    ]);
    print!("{}", t.render());
    let p99 = key_path.p99();
    let ratio_p99 = p99.as_secs_f64() / baseline.p99().as_secs_f64();
    println!(
        "ratio: {} median, {} p99 (budget ≤ {RATIO_BUDGET}×: {}); p99 {} ms (budget ≤ {} ms: {})\n",
        ratio(key_path.median(), baseline.median()),
        ratio(p99, baseline.p99()),
        verdict(ratio_p99 <= RATIO_BUDGET),
        ms(p99),
        ms(FRAME_BUDGET),
        verdict(p99 <= FRAME_BUDGET),
    );

    if std::env::var_os("FGD_BENCH_PARTS").is_some() {
        key_parts(&mut app, &cycle, now)?;
        parts(&app, now)?;
    }
    Ok(app)
}

/// The key path's three steps timed apart over the same keys: the state
/// update, the view model, the frame drawn from it.
fn key_parts(app: &mut App<MemPort>, cycle: &[KeyEvent], now: DateTime<Utc>) -> Res<()> {
    let mut terminal = Terminal::new(TestBackend::new(200, 60))?;
    let area = Rect::new(0, 0, 200, 60);
    let (mut key, mut build, mut draw) = (Samples::new(), Samples::new(), Samples::new());
    // The view model by key: a key that changes the session makes every
    // panel anew, one that moves a selection only that panel.
    let mut per_key: std::collections::BTreeMap<String, Samples> =
        std::collections::BTreeMap::new();
    for (i, k) in cycle.iter().cycle().take(800).enumerate() {
        let now = now + chrono::Duration::milliseconds(i64::try_from(i)?);
        key.time(|| -> Res<()> {
            app.handle_key(*k, now);
            Ok(())
        })?;
        let started = std::time::Instant::now();
        let model = view::model::build(app, now, area);
        let took = started.elapsed();
        build.push(took);
        per_key
            .entry(format!("{:?}", k.code))
            .or_default()
            .push(took);
        draw.time(|| terminal.draw(|f| view::draw::draw(&model, &app.theme, f)))?;
    }
    let mut t = Table::new(&["step of the key path", "median ms", "p99 ms"]);
    for (name, s) in [
        ("the key: state updated (App::handle_key)", &mut key),
        ("the view model (view::model::build)", &mut build),
        ("the frame from the model (Terminal::draw)", &mut draw),
    ] {
        t.row(vec![name.into(), ms(s.median()), ms(s.p99())]);
    }
    for (name, s) in &mut per_key {
        t.row(vec![
            format!("  the view model after {name}"),
            ms(s.median()),
            ms(s.p99()),
        ]);
    }
    print!("{}", t.render());
    println!();
    Ok(())
}

/// Where a frame's time goes: each part on its own, 200 times, mean.
fn parts(app: &App<MemPort>, now: DateTime<Utc>) -> Res<()> {
    let area = Rect::new(0, 0, 200, 60);
    let mut terminal = Terminal::new(TestBackend::new(200, 60))?;
    let mean = |f: &mut dyn FnMut() -> Res<()>| -> Res<String> {
        let mut s = Samples::new();
        for _ in 0..200 {
            s.time(&mut *f)?;
        }
        Ok(ms(s.median()))
    };
    let model = view::model::build(app, now, area);
    let mut t = Table::new(&["part", "median ms"]);
    t.row(vec![
        "view model (view::model::build), panels kept".into(),
        mean(&mut || {
            std::hint::black_box(view::model::build(app, now, area));
            Ok(())
        })?,
    ]);
    // Every panel made anew, as after a change to the session (a record,
    // a turn on the floor): the view model's cost with nothing kept.
    let mut cold = Samples::new();
    for _ in 0..200 {
        let fresh = App::new(
            MemPort {
                session: app.session().clone(),
            },
            app.role,
            Keymap::default(),
            Theme::named(ThemeName::Default),
            PathBuf::new(),
        );
        cold.time(|| std::hint::black_box(view::model::build(&fresh, now, area)));
    }
    t.row(vec![
        "view model with nothing kept (as after a change)".into(),
        ms(cold.median()),
    ]);
    t.row(vec![
        "the public notes, collected (2,000 notes)".into(),
        mean(&mut || {
            let rows: Vec<_> = app.session().notes().filter(|n| !n.private).collect();
            std::hint::black_box(rows);
            Ok(())
        })?,
    ]);
    t.row(vec![
        "who has not spoken (Session::not_yet_spoken)".into(),
        mean(&mut || {
            std::hint::black_box(app.session().not_yet_spoken());
            Ok(())
        })?,
    ]);
    t.row(vec![
        "painting the model into a buffer (view::draw::draw)".into(),
        mean(&mut || {
            let mut frame = terminal.get_frame();
            view::draw::draw(&model, &app.theme, &mut frame);
            Ok(())
        })?,
    ]);
    t.row(vec![
        "a frame of the model, diff and all (Terminal::draw)".into(),
        mean(&mut || {
            terminal.draw(|f| view::draw::draw(&model, &app.theme, f))?;
            Ok(())
        })?,
    ]);
    print!("{}", t.render());
    println!();
    Ok(())
}

/// Bytes written to a terminal (shared, so the bench can read it while the
/// backend owns the writer).
#[derive(Clone, Default)]
struct Counter(Rc<Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A terminal of `w`×`h` that writes what the live view would write to a
/// real one (crossterm's escape sequences), counting the bytes.
fn counting_terminal(w: u16, h: u16) -> Res<(Terminal<CrosstermBackend<Counter>>, Counter)> {
    let counter = Counter::default();
    let terminal = Terminal::with_options(
        CrosstermBackend::new(counter.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )?;
    Ok((terminal, counter))
}

/// A clock tick (the displayed second moves on, nothing else) against a full
/// repaint of the same screen.
fn clock_tick(app: &App<MemPort>, now: DateTime<Utc>, ticks: usize) -> Res<()> {
    println!("a clock tick: bytes written to the terminal, {ticks} ticks a second apart");
    let mut t = Table::new(&[
        "screen",
        "tick bytes median",
        "max",
        "full repaint bytes",
        "tick / full",
        "cells changed",
        "cells written",
    ]);
    for (w, h) in [(200, 60), (80, 24)] {
        let (mut terminal, bytes) = counting_terminal(w, h)?;
        let mut before = terminal.draw(|f| view::render(app, now, f))?.buffer.clone();
        let mut tick_bytes = Vec::with_capacity(ticks);
        let (mut changed, mut written) = (0, 0);
        for i in 1..=ticks {
            let at = now + chrono::Duration::seconds(i64::try_from(i)?);
            let start = bytes.0.get();
            let after = terminal.draw(|f| view::render(app, at, f))?.buffer.clone();
            tick_bytes.push(bytes.0.get() - start);
            changed += before
                .content
                .iter()
                .zip(&after.content)
                .filter(|(a, b)| a != b)
                .count();
            written += before.diff(&after).len();
            before = after;
        }
        // The same last screen drawn whole, as after a clear or a resize.
        let (mut fresh, full) = counting_terminal(w, h)?;
        let at = now + chrono::Duration::seconds(i64::try_from(ticks)?);
        fresh.draw(|f| view::render(app, at, f))?;
        let full = full.0.get();
        tick_bytes.sort_unstable();
        let median = tick_bytes[tick_bytes.len() / 2];
        let max = tick_bytes.last().copied().unwrap_or(0);
        #[allow(clippy::cast_precision_loss)]
        let share = median as f64 / full as f64;
        t.row(vec![
            format!("{w}×{h}"),
            median.to_string(),
            max.to_string(),
            full.to_string(),
            format!("{:.1} %", share * 100.0),
            format!("{:.0} a tick", per(changed, ticks)),
            format!("{:.0} a tick", per(written, ticks)),
        ]);
    }
    print!("{}", t.render());
    println!(
        "(cells written = ratatui's diff of the two frames; cells changed = cells that differ)\n"
    );
    Ok(())
}

#[allow(clippy::cast_precision_loss)]
fn per(n: usize, of: usize) -> f64 {
    n as f64 / of as f64
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "missed" }
}
