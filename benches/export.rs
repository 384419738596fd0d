//! The export budgets of DESIGN §5: every format of a large session (200
//! participants, 30 agenda items, 2,000 notes, 500 actions, 20,000 events;
//! `fgd::fixtures::large_session`, ended): md, html, json, csv and ics
//! ≤ 100 ms; with docx and xlsx ≤ 150 ms. Figures kept in BENCHMARKS.md.
//!
//! Measured, interleaved in one run:
//! - `export::write_all` of the five text formats, and of all seven (`all`:
//!   docx and xlsx too), into a fresh `DIR/ID/` (render, atomic writes with
//!   fsync): the budgeted figures;
//! - its baseline: `store::write_atomic` of the same five byte strings into
//!   another directory (what the disk alone costs);
//! - `export::render_all` in memory, in all and per format, and the
//!   anonymised variant (which rewrites and replays the log first).
//!
//! `cargo bench --bench export`. `FGD_BENCH_QUICK=1` cuts the iterations;
//! `FGD_BENCH_DIR=DIR` writes on another file system than the temp dir.

mod common;

use std::error::Error;
use std::hint::black_box;
use std::time::Duration;

use chrono::Duration as Span;
use fgd::domain::{Actor, Command, replay};
use fgd::engine;
use fgd::export::{self, Format, Options};
use fgd::fixtures::{self, LARGE_SESSION_EVENTS};
use fgd::store::{create_private_dir_all, write_atomic};

use common::{Samples, Table, ms, quick, ratio, thousands};

type Res<T> = Result<T, Box<dyn Error>>;

/// md, html, json, csv and ics.
const BUDGET_TEXT: Duration = Duration::from_millis(100);
/// With docx and xlsx.
const BUDGET_ALL: Duration = Duration::from_millis(150);

#[expect(
    clippy::too_many_lines,
    reason = "one benchmark table of every format against its baseline"
)]
fn main() -> Res<()> {
    let quick = quick();
    let root = common::start("fgd export benchmark")?;

    // The large session, ended a minute after its last event.
    let mut log = fixtures::large_session(LARGE_SESSION_EVENTS);
    let mut session = replay(&log);
    let end_at = session.last_at.unwrap_or_else(fixtures::t0) + Span::minutes(1);
    let ended = engine::build(&mut session, [Command::End], end_at, Actor::Facilitator)
        .map_err(|(_, e)| format!("can't end the fixture session: {e}"))?;
    log.extend(ended);
    println!(
        "session: {} events, {} participants, {} agenda items, {} notes, {} actions, {} turns",
        thousands(log.len()),
        session.participants().count(),
        session.agenda.len(),
        session.notes().count(),
        session.actions().count(),
        session.turns.len()
    );
    let files = export::render_all(&session, &log, &Format::ALL, Options::default());
    for (f, bytes) in &files {
        println!(
            "  {:<13} {:>10} bytes",
            f.file_name(),
            thousands(bytes.len())
        );
    }
    println!();

    let (warm, iters) = if quick { (2, 15) } else { (5, 100) };
    let mut write = Samples::new();
    let mut write_text = Samples::new();
    let text: Vec<Format> = Format::ALL.into_iter().filter(|f| f.is_text()).collect();
    let mut disk = Samples::new();
    let mut render = Samples::new();
    let mut anon = Samples::new();
    let mut per_format: Vec<(Format, Samples)> =
        Format::ALL.iter().map(|f| (*f, Samples::new())).collect();
    let all = Format::ALL;
    for i in 0..warm + iters {
        let keep = i >= warm;
        // Each write goes to a fresh parent, as a first export does.
        let out = root.path().join(format!("w{i}"));
        let mut s = Samples::new();
        let paths = s.time(|| export::write_all(&session, &log, &out, &all, Options::default()))?;
        black_box(paths);
        let out_text = root.path().join(format!("t{i}"));
        let mut st = Samples::new();
        black_box(
            st.time(|| export::write_all(&session, &log, &out_text, &text, Options::default()))?,
        );
        std::fs::remove_dir_all(&out_text)?;
        let base = root.path().join(format!("b{i}")).join(&session.info.id);
        let mut d = Samples::new();
        d.time(|| -> Res<()> {
            create_private_dir_all(&base)?;
            for (f, bytes) in &files {
                write_atomic(&base.join(f.file_name()), bytes)?;
            }
            Ok(())
        })?;
        let mut r = Samples::new();
        black_box(r.time(|| export::render_all(&session, &log, &all, Options::default())));
        let mut a = Samples::new();
        black_box(a.time(|| {
            export::render_all(
                &session,
                &log,
                &all,
                Options {
                    lang: None,
                    anonymize: true,
                    internal: false,
                    paper: None,
                },
            )
        }));
        // Outside the timings: leave no pile of written files behind, so
        // the disk's writeback does not grow from one iteration to the next.
        std::fs::remove_dir_all(&out)?;
        std::fs::remove_dir_all(root.path().join(format!("b{i}")))?;
        if keep {
            write.push(s.median());
            write_text.push(st.median());
            disk.push(d.median());
            render.push(r.median());
            anon.push(a.median());
            for (f, samples) in &mut per_format {
                samples.time(|| {
                    black_box(export::render_all(
                        &session,
                        &log,
                        &[*f],
                        Options::default(),
                    ))
                });
            }
        }
    }

    // CPU time (both threads) of write_all, averaged over a separate run of
    // iterations: much less sensitive to other load than wall-clock time.
    let cpu = {
        let before = cpu_time();
        for i in 0..iters {
            let out = root.path().join(format!("c{i}"));
            black_box(export::write_all(
                &session,
                &log,
                &out,
                &all,
                Options::default(),
            )?);
            std::fs::remove_dir_all(&out)?;
        }
        before
            .zip(cpu_time())
            .and_then(|(a, b)| b.checked_sub(a))
            .map(|d| d / u32::try_from(iters).unwrap_or(1))
    };

    let mut t = Table::new(&["what", "median ms", "p99 ms", "max ms", "vs budget"]);
    let mut row = |name: &str, s: &mut Samples, budget: Option<Duration>| {
        let verdict = match budget {
            Some(b) if s.p99() <= b => "within".to_owned(),
            Some(b) if s.median() <= b => {
                format!("median within, p99 over ({})", ratio(s.p99(), b))
            }
            Some(b) => format!("over ({})", ratio(s.median(), b)),
            None => String::new(),
        };
        t.row(vec![
            name.to_owned(),
            ms(s.median()),
            ms(s.p99()),
            ms(s.max()),
            verdict,
        ]);
    };
    row(
        "write_all, md html json csv ics (budget 100 ms)",
        &mut write_text,
        Some(BUDGET_TEXT),
    );
    row(
        "write_all, all 7 formats (budget 150 ms)",
        &mut write,
        Some(BUDGET_ALL),
    );
    row(
        "  baseline: write_atomic of the same bytes",
        &mut disk,
        None,
    );
    row("render_all, 7 formats, in memory", &mut render, None);
    row("render_all, anonymised", &mut anon, None);
    for (f, s) in &mut per_format {
        row(&format!("  render {}", f.file_name()), s, None);
    }
    println!("{}", t.render());
    println!(
        "write_all / baseline (median): {}; rendering is {} of write_all",
        ratio(write.median(), disk.median()),
        ratio(render.median(), write.median())
    );
    if let Some(cpu) = cpu {
        println!(
            "write_all CPU time (both threads, mean of {iters}): {} ms",
            ms(cpu)
        );
    }
    println!("{iters} iterations after {warm} warm-up");
    Ok(())
}

/// This process's user + system CPU time, from `/proc/self/stat` (Linux).
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command (which may hold spaces) closed by ')'.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after ')'.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // Clock ticks are 100 a second on Linux (USER_HZ).
    Some(Duration::from_millis(ticks * 10))
}
