//! Key → state updated → frame rendered on a large session at 200×60
//! (DESIGN §5: p99 ≤ 2 ms, ≤ 1.5 × rendering the same widgets from a
//! prepared view model), measured side by side in one run. The durable write
//! is left out: commands go to an in-memory port (decide + apply).
//!
//! `cargo bench --bench tui`; `FGD_BENCH_QUICK=1` for a short run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_precision_loss,
    clippy::cast_possible_wrap
)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use fgd::domain::{Actor, Command, Recorded, Seq, Session, apply, decide, replay};
use fgd::tui::app::{App, Role};
use fgd::tui::keymap::Keymap;
use fgd::tui::port::Port;
use fgd::tui::theme::{Theme, ThemeName};
use fgd::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Decide + apply in memory: the key path without the durable write.
struct MemPort {
    session: Session,
}

impl Port for MemPort {
    fn session(&self) -> &Session {
        &self.session
    }
    fn execute(
        &mut self,
        cmd: Command,
        now: DateTime<Utc>,
    ) -> Result<Seq, fgd::tui::port::Refusal> {
        let at = self.session.last_at.map_or(now, |l| l.max(now));
        for event in decide(&self.session, cmd, at, Actor::Facilitator)
            .map_err(fgd::tui::port::Refusal::Rule)?
        {
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
    fn export(&mut self, _out: &Path) -> Result<Vec<PathBuf>, String> {
        Ok(vec![])
    }
    fn actor(&self) -> Actor {
        Actor::Facilitator
    }
}

fn stats(mut xs: Vec<Duration>) -> (f64, f64) {
    xs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (
        ms(xs[xs.len() / 2]),
        ms(xs[(xs.len() * 99 / 100).min(xs.len() - 1)]),
    )
}

fn main() {
    let quick = std::env::var_os("FGD_BENCH_QUICK").is_some();
    let iterations = if quick { 300 } else { 3_000 };
    let log = fgd::fixtures::large_session(20_000);
    let session = replay(&log);
    let now = log.last().unwrap().at + chrono::Duration::seconds(30);
    let port = MemPort { session };
    let mut app = App::new(
        port,
        Role::Facilitator,
        Keymap::default(),
        Theme::named(ThemeName::Default),
        PathBuf::new(),
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let keys: Vec<KeyEvent> = [
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
    for k in keys.iter().cycle().take(50) {
        app.handle_key(*k, now);
        terminal.draw(|f| view::render(&app, now, f)).unwrap();
    }
    let mut key_path = Vec::with_capacity(iterations);
    let mut baseline = Vec::with_capacity(iterations);
    for (i, k) in keys.iter().cycle().take(iterations).enumerate() {
        let now = now + chrono::Duration::milliseconds(i as i64);
        // The key path: key → state → model → frame.
        let t = Instant::now();
        app.handle_key(*k, now);
        terminal.draw(|f| view::render(&app, now, f)).unwrap();
        key_path.push(t.elapsed());
        // The baseline, interleaved: the same widgets from a prepared model.
        let area = terminal.get_frame().area();
        let model = view::model::build(&app, now, area);
        let t = Instant::now();
        terminal
            .draw(|f| view::draw::draw(&model, &app.theme, f))
            .unwrap();
        baseline.push(t.elapsed());
    }
    if std::env::var_os("FGD_BENCH_PARTS").is_some() {
        let area = terminal.get_frame().area();
        let t = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(view::model::build(&app, now, area));
        }
        println!("model build: {:.3} ms", t.elapsed().as_secs_f64() * 10.0);
        let t = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(app.session().not_yet_spoken());
        }
        println!("not_yet_spoken: {:.3} ms", t.elapsed().as_secs_f64() * 10.0);
        let t = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(app.rows(fgd::tui::app::Panel::Notes));
        }
        println!("rows(notes): {:.3} ms", t.elapsed().as_secs_f64() * 10.0);
        let model = view::model::build(&app, now, area);
        let t = Instant::now();
        for _ in 0..100 {
            terminal
                .draw(|f| view::draw::draw(&model, &app.theme, f))
                .unwrap();
        }
        println!("draw: {:.3} ms", t.elapsed().as_secs_f64() * 10.0);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        let t = Instant::now();
        for _ in 0..100 {
            buf.reset();
            std::hint::black_box(&buf);
        }
        println!("buffer reset: {:.3} ms", t.elapsed().as_secs_f64() * 10.0);
    }
    let (km, kp) = stats(key_path);
    let (bm, bp) = stats(baseline);
    println!("key → update → frame, large session (20,000 events), 200×60, {iterations} keys");
    println!("{:<34} {:>10} {:>10}", "", "median ms", "p99 ms");
    println!("{:<34} {km:>10.3} {kp:>10.3}", "key → update → render");
    println!(
        "{:<34} {bm:>10.3} {bp:>10.3}",
        "baseline: render prepared model"
    );
    println!(
        "ratio (p99): {:.2}   ratio (median): {:.2}   budget: p99 ≤ 2 ms and ≤ 1.5×",
        kp / bp,
        km / bm
    );
}
