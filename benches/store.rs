//! The storage budgets of DESIGN §5, each measured side by side with its
//! baseline in one run (figures kept in BENCHMARKS.md):
//!
//! - durable command: `SessionStore::append` and `Engine::execute` (decide,
//!   append + flush, apply) of one command's event, against a bare sled
//!   insert + flush of the same bytes, interleaved: budget ≤ 1.5× (a bare
//!   one-entry `sled::Batch` + flush, what the store does underneath, is
//!   measured alongside to show where the time goes);
//! - open/resume (`Engine::open`: lock, sled open, read, decode, replay) of
//!   a session of 2,000, 20,000 and 200,000 events: budget ≤ 50 ms at 20,000,
//!   growing no worse than linearly; with where the time goes.
//!
//! `cargo bench --bench store`. `FGD_BENCH_QUICK=1` cuts the iterations and
//! skips the 200,000-event session; `FGD_BENCH_DIR=DIR` measures on another
//! file system than the system temp dir. A bench is outside the app's module
//! rules, so it names sled for its baseline.

mod common;

use std::error::Error;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use fgd::domain::{Recorded, replay};
use fgd::engine::Engine;
use fgd::export;
use fgd::fixtures::{self, LARGE_SESSION_EVENTS};
use fgd::store::{DataDir, Meta, SessionLock, SessionStore};

use common::{Samples, Table, dir_size, ms, quick, ratio, thousands};

type Res<T> = Result<T, Box<dyn Error>>;

/// The settings of `src/store/log.rs`, so the baseline is the same sled.
const CACHE_BYTES: u64 = 4 * 1024 * 1024;
const EVENTS_TREE: &str = "events";

/// Budgets.
const APPEND_RATIO_BUDGET: f64 = 1.5;
const OPEN_BUDGET: Duration = Duration::from_millis(50);

fn main() -> Res<()> {
    let quick = quick();
    let root = common::start("fgd storage benchmarks")?;
    durable_command(quick, root.path())?;
    open_resume(quick, root.path())?;
    Ok(())
}

fn bare_open(path: &Path) -> Res<sled::Db> {
    Ok(sled::Config::new()
        .path(path)
        .cache_capacity(CACHE_BYTES)
        .mode(sled::Mode::LowSpace)
        .open()?)
}

/// The ways one command's event is made durable, measured side by side.
const WAYS: [&str; 4] = [
    "bare sled insert + flush",
    "bare sled Batch of 1 + flush",
    "SessionStore::append",
    "Engine::execute",
];

/// Bare sled with the store's settings, holding the same first events.
fn bare_log(path: &Path, first: &[Recorded]) -> Res<(sled::Db, sled::Tree)> {
    let db = bare_open(path)?;
    let tree = db.open_tree(EVENTS_TREE)?;
    let mut batch = sled::Batch::default();
    for rec in first {
        batch.insert(&rec.seq.to_be_bytes(), serde_json::to_vec(rec)?);
    }
    tree.apply_batch(batch)?;
    db.flush()?;
    Ok((db, tree))
}

/// One command's event made durable four ways, interleaved (the order
/// rotates every iteration), each on its own log that already holds a large
/// session's worth of events. All four write the very same records. The
/// one-entry `sled::Batch` is not a budget line: it is what
/// `SessionStore::append` does underneath, so it shows where the time goes.
fn durable_command(quick: bool, root: &Path) -> Res<()> {
    let base = if quick { 2_000 } else { LARGE_SESSION_EVENTS };
    let (warm, iters) = if quick { (20, 200) } else { (100, 2_000) };
    let (steps, events) = fixtures::large_session_with_commands(base + warm + iters);
    if steps.len() != events.len() {
        return Err("the fixture recorded more than one event for a command".into());
    }
    let (first, rest) = events.split_at(base);
    let now = fixtures::t0();

    let session = replay(first);
    let mut store = SessionStore::create(
        &DataDir::new(root.join("append-store")),
        &session.info.id,
        first,
        &Meta::of(&session, now),
        &export::json::render(&session, first),
    )?;
    let mut engine = Engine::create(
        &DataDir::new(root.join("append-engine")),
        first.to_vec(),
        now,
    )?;
    let (insert_db, insert_tree) = bare_log(&root.join("append-bare-insert"), first)?;
    let (batch_db, batch_tree) = bare_log(&root.join("append-bare-batch"), first)?;

    let bytes: Vec<Vec<u8>> = rest
        .iter()
        .map(serde_json::to_vec)
        .collect::<Result<_, _>>()?;
    let side_files = rest[warm..]
        .iter()
        .filter(|r| r.event.changes_agenda())
        .count();

    let mut times: [Samples; 4] = Default::default();
    let mut paired: [Vec<f64>; 4] = Default::default();
    for (i, (step, (rec, bytes))) in steps
        .into_iter()
        .skip(base)
        .zip(rest.iter().zip(&bytes))
        .enumerate()
    {
        let mut step = Some(step);
        let mut t = [Duration::ZERO; 4];
        for k in 0..4 {
            let way = (i + k) % 4;
            let key = rec.seq.to_be_bytes();
            let start = Instant::now();
            match way {
                0 => {
                    insert_tree.insert(key, bytes.as_slice())?;
                    insert_db.flush()?;
                }
                1 => {
                    let mut batch = sled::Batch::default();
                    batch.insert(&key, bytes.as_slice());
                    batch_tree.apply_batch(batch)?;
                    batch_db.flush()?;
                }
                2 => store.append(std::slice::from_ref(rec))?,
                _ => {
                    if let Some(s) = step.take() {
                        engine.execute(s.command, s.at, s.actor)?;
                    }
                }
            }
            t[way] = start.elapsed();
        }
        if i >= warm {
            for way in 0..4 {
                times[way].push(t[way]);
                paired[way].push(t[way].as_secs_f64() / t[0].as_secs_f64());
            }
        }
    }
    if engine.log() != events.as_slice() || store.last_seq() != engine.session().last_seq {
        return Err("the engine did not record the fixture's events".into());
    }

    let (bare_med, bare_p99) = (times[0].median(), times[0].p99());
    let mut table = Table::new(&[
        "durable command",
        "median ms",
        "p99 ms",
        "max ms",
        "× bare (median)",
        "× bare (p99)",
        "paired ×",
    ]);
    for (way, (s, paired)) in times.iter_mut().zip(&mut paired).enumerate() {
        paired.sort_by(f64::total_cmp);
        let paired_med = paired.get(paired.len() / 2).copied().unwrap_or(f64::NAN);
        table.row(vec![
            WAYS[way].into(),
            ms(s.median()),
            ms(s.p99()),
            ms(s.max()),
            ratio(s.median(), bare_med),
            ratio(s.p99(), bare_p99),
            format!("{paired_med:.2}×"),
        ]);
    }
    println!(
        "Durable command on a session of {} events: {} iterations after {} warm-up, interleaved",
        thousands(base),
        thousands(iters),
        warm
    );
    println!(
        "(mean event {} bytes; {} of the measured commands also rewrote session.json;\n \
         paired × is the median of each iteration's own ratio to the bare insert)\n",
        bytes.iter().map(Vec::len).sum::<usize>() / bytes.len().max(1),
        side_files
    );
    print!("{}", table.render());
    for way in [2, 3] {
        let r = times[way].median().as_secs_f64() / bare_med.as_secs_f64();
        println!(
            "budget {} ≤ {APPEND_RATIO_BUDGET}× bare insert + flush (median): {r:.2}× → {}",
            WAYS[way],
            if r <= APPEND_RATIO_BUDGET {
                "met"
            } else {
                "MISSED"
            }
        );
    }
    println!();
    Ok(())
}

/// Where one open spends its time, measured piece by piece.
#[derive(Default)]
struct Parts {
    total: Samples,
    lock: Samples,
    sled_open: Samples,
    page_in: Samples,
    read: Samples,
    decode: Samples,
    replay: Samples,
}

fn open_resume(quick: bool, root: &Path) -> Res<()> {
    let sizes: &[(usize, usize)] = if quick {
        &[(2_000, 10), (20_000, 5)]
    } else {
        &[(2_000, 60), (20_000, 30), (200_000, 10)]
    };
    let now = fixtures::t0();
    let mut table = Table::new(&[
        "open/resume",
        "median ms",
        "p99 ms",
        "ms/1k ev",
        "marginal ms/1k",
        "lock",
        "sled open",
        "1st scan",
        "2nd scan",
        "decode",
        "replay",
        "Σ parts",
        "db MiB",
        "iters",
    ]);
    let mut at_20k = None;
    let mut previous: Option<(usize, Duration)> = None;
    let mut notes = Vec::new();
    for &(n, iters) in sizes {
        let start = Instant::now();
        let events = fixtures::large_session(n);
        let built = start.elapsed();
        let data = DataDir::new(root.join(format!("open-{n}")));
        let start = Instant::now();
        let engine = Engine::create(&data, events, now)?;
        let id = engine.session().info.id.clone();
        drop(engine);
        notes.push(format!(
            "{} events: fixture built in {} ms, stored (Engine::create) in {} ms",
            thousands(n),
            ms(built),
            ms(start.elapsed())
        ));
        let dir = data.session_dir(&id);
        let mut p = Parts::default();
        for i in 0..iters + 2 {
            let warm = i < 2;
            let start = Instant::now();
            let engine = Engine::open(&data, &id)?;
            let took = start.elapsed();
            if engine.log().len() != n {
                return Err(format!("opened {} events, not {n}", engine.log().len()).into());
            }
            drop(engine);
            let [lock, sled_open, page_in, read, decode, replayed] = open_in_parts(&dir, &id)?;
            if !warm {
                p.total.push(took);
                p.lock.push(lock);
                p.sled_open.push(sled_open);
                p.page_in.push(page_in);
                p.read.push(read);
                p.decode.push(decode);
                p.replay.push(replayed);
            }
        }
        let median = p.total.median();
        let per_1k = |d: Duration, events: usize| {
            #[allow(clippy::cast_precision_loss)]
            let k = events as f64 / 1000.0;
            d.as_secs_f64() * 1e3 / k
        };
        let marginal = previous.map_or_else(
            || "–".to_owned(),
            |(m, d)| format!("{:.3}", per_1k(median.saturating_sub(d), n - m)),
        );
        previous = Some((n, median));
        if n == LARGE_SESSION_EVENTS {
            at_20k = Some(median);
        }
        #[allow(clippy::cast_precision_loss)]
        let mib = dir_size(&dir.join("db")) as f64 / (1024.0 * 1024.0);
        table.row(vec![
            thousands(n),
            ms(median),
            ms(p.total.p99()),
            format!("{:.3}", per_1k(median, n)),
            marginal,
            ms(p.lock.median()),
            ms(p.sled_open.median()),
            ms(p.page_in.median()),
            ms(p.read.median()),
            ms(p.decode.median()),
            ms(p.replay.median()),
            ms(p.lock.median()
                + p.sled_open.median()
                + p.page_in.median()
                + p.read.median()
                + p.decode.median()
                + p.replay.median()),
            format!("{mib:.1}"),
            iters.to_string(),
        ]);
    }
    println!("Open/resume (Engine::open, then dropped before the next), warm page cache");
    println!(
        "(parts timed separately, one after another, as EventLog::open and Engine::open do them:\n \
         the lock file; sled's open; a first full scan of the tree (EventLog::open's `len()`,\n \
         which pages the tree in); a second scan collecting the values; JSON decode; replay)\n"
    );
    print!("{}", table.render());
    if let Some(m) = at_20k {
        println!(
            "budget open at 20,000 events ≤ {} ms (median): {} ms → {}",
            OPEN_BUDGET.as_millis(),
            ms(m),
            if m <= OPEN_BUDGET { "met" } else { "MISSED" }
        );
    }
    for note in notes {
        println!("{note}");
    }
    println!();
    Ok(())
}

/// Times the pieces of an open one after another, as `EventLog::open` and
/// `Engine::open` do them: the lock, sled's open, a first full scan (the
/// `len()` that sizes the log's `Vec`, which pages the tree in), a second
/// scan collecting the values, decoding them, and replaying them.
fn open_in_parts(dir: &Path, id: &str) -> Res<[Duration; 6]> {
    let start = Instant::now();
    let lock = SessionLock::acquire(&dir.join("lock"), id)?;
    let t_lock = start.elapsed();

    let start = Instant::now();
    let db = bare_open(&dir.join("db"))?;
    let tree = db.open_tree(EVENTS_TREE)?;
    let t_open = start.elapsed();

    let start = Instant::now();
    let count = tree.len();
    let t_page_in = start.elapsed();

    let start = Instant::now();
    let raw: Vec<sled::IVec> = tree.iter().values().collect::<Result<_, _>>()?;
    let t_read = start.elapsed();
    if raw.len() != count {
        return Err("the two scans disagree".into());
    }

    let start = Instant::now();
    let log: Vec<Recorded> = raw
        .iter()
        .map(|v| serde_json::from_slice(v))
        .collect::<Result<_, _>>()?;
    let t_decode = start.elapsed();

    let start = Instant::now();
    let session = replay(&log);
    let t_replay = start.elapsed();

    black_box(session);
    drop((tree, db, lock));
    Ok([t_lock, t_open, t_page_in, t_read, t_decode, t_replay])
}
