//! The storage budgets of DESIGN §5, each measured side by side with its
//! baseline in one run (figures kept in BENCHMARKS.md):
//!
//! - durable command: `SessionStore::append` and `Engine::execute` (decide,
//!   append + flush, apply) of one command's event, against a bare sled
//!   insert + flush of the same bytes, interleaved: budget ≤ 1.5× (a bare
//!   one-entry `sled::Batch` + flush, what the store does underneath, is
//!   measured alongside to show where the time goes);
//! - open/resume (`Engine::open`) of a session of 2,000, 20,000 and 200,000
//!   events: budget ≤ 50 ms at 20,000, growing no worse than linearly. Three
//!   ways, interleaved, on the same database: from a snapshot of the last
//!   event (after a clean close), from a snapshot `SNAPSHOT_EVERY − 1` events
//!   behind (the most an open ever replays: a process killed just before
//!   its next snapshot), and with no snapshot (the whole log read, decoded
//!   and replayed: the baseline, what every open did before snapshots);
//!   with where the time goes in each.
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

use fgd::domain::{Recorded, Session, Snapshot, apply, replay};
use fgd::engine::{Engine, SNAPSHOT_EVERY, When};
use fgd::export;
use fgd::fixtures::{self, LARGE_SESSION_EVENTS};
use fgd::store::{DataDir, Meta, SNAPSHOT_FILE, SessionLock, SessionStore, SnapshotUse};

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
#[expect(clippy::too_many_lines, reason = "one table, read whole")]
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
                        engine.execute(s.command, When::At(s.at), s.actor)?;
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
    if engine.log()? != events || store.last_seq() != engine.session().last_seq {
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

/// The three ways an open is measured.
const OPENS: [&str; 3] = [
    "snapshot of the last event",
    "snapshot SNAPSHOT_EVERY − 1 behind",
    "no snapshot (baseline: full replay)",
];

/// Where one open spends its time, measured piece by piece.
#[derive(Default)]
struct Parts {
    lock: Samples,
    sled_open: Samples,
    read_file: Samples,
    decode_state: Samples,
    restore: Samples,
    read_events: Samples,
    decode_events: Samples,
    replay: Samples,
}

impl Parts {
    fn push(&mut self, t: [Duration; 8]) {
        let parts = [
            &mut self.lock,
            &mut self.sled_open,
            &mut self.read_file,
            &mut self.decode_state,
            &mut self.restore,
            &mut self.read_events,
            &mut self.decode_events,
            &mut self.replay,
        ];
        for (p, t) in parts.into_iter().zip(t) {
            p.push(t);
        }
    }

    /// The `q` quantile of each part, and their sum.
    fn cells(&mut self, q: f64) -> Vec<String> {
        let parts = [
            self.lock.quantile(q),
            self.sled_open.quantile(q),
            self.read_file.quantile(q),
            self.decode_state.quantile(q),
            self.restore.quantile(q),
            self.read_events.quantile(q),
            self.decode_events.quantile(q),
            self.replay.quantile(q),
        ];
        let mut cells: Vec<String> = parts.iter().map(|d| ms(*d)).collect();
        cells.push(ms(parts.iter().sum()));
        cells
    }
}

/// A stored session of `n` events for the open benchmark, and the bytes of
/// its two snapshots: of the last event, and `SNAPSHOT_EVERY − 1` behind.
struct Stored {
    data: DataDir,
    id: String,
    dir: std::path::PathBuf,
    at_end: Vec<u8>,
    behind: Vec<u8>,
}

fn store_session(root: &Path, n: usize, notes: &mut Vec<String>) -> Res<Stored> {
    let now = fixtures::t0();
    let start = Instant::now();
    let events = fixtures::large_session(n);
    let built = start.elapsed();
    let data = DataDir::new(root.join(format!("open-{n}")));
    let behind = usize::try_from(SNAPSHOT_EVERY - 1)?;
    let (first, rest) = events.split_at(n - behind);
    let start = Instant::now();
    // Closing the engine leaves a snapshot of its last event.
    let engine = Engine::create(&data, first.to_vec(), now)?;
    let id = engine.session().info.id.clone();
    drop(engine);
    let dir = data.session_dir(&id);
    let behind_bytes = std::fs::read(dir.join(SNAPSHOT_FILE))?;
    let (mut store, _) = SessionStore::open(&data, &id)?;
    store.append(rest)?;
    drop(store);
    let stored = start.elapsed();
    let engine = Engine::open(&data, &id)?;
    if engine.opened_from() != &SnapshotUse::Used(first.len() as u64) {
        return Err(format!("the snapshot was not used: {:?}", engine.opened_from()).into());
    }
    drop(engine);
    let at_end = std::fs::read(dir.join(SNAPSHOT_FILE))?;
    notes.push(format!(
        "{} events: fixture built in {} ms, stored in {} ms (Engine::create of {}, then \
         SessionStore::append of {}); database {:.1} MiB, snapshot {:.2} MiB",
        thousands(n),
        ms(built),
        ms(stored),
        thousands(first.len()),
        thousands(rest.len()),
        mib(dir_size(&dir.join("db"))),
        mib(at_end.len() as u64)
    ));
    Ok(Stored {
        data,
        id,
        dir,
        at_end,
        behind: behind_bytes,
    })
}

#[allow(clippy::cast_precision_loss)]
fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

impl Stored {
    /// Puts the snapshot of way `way` in place (none for the baseline).
    fn prepare(&self, way: usize) -> Res<()> {
        let path = self.dir.join(SNAPSHOT_FILE);
        match way {
            0 => std::fs::write(path, &self.at_end)?,
            1 => std::fs::write(path, &self.behind)?,
            _ => {
                if path.exists() {
                    std::fs::remove_file(path)?;
                }
            }
        }
        Ok(())
    }
}

#[expect(clippy::too_many_lines, reason = "one table, read whole")]
fn open_resume(quick: bool, root: &Path) -> Res<()> {
    let sizes: &[(usize, usize)] = if quick {
        &[(2_000, 10), (20_000, 6)]
    } else {
        &[(2_000, 60), (20_000, 100), (200_000, 8)]
    };
    let mut totals = Table::new(&[
        "open/resume",
        "way",
        "median ms",
        "p99 ms",
        "ms/1k ev",
        "marginal ms/1k",
        "× baseline",
        "iters",
    ]);
    let mut parts_table = Table::new(&[
        "parts (medians, ms)",
        "way",
        "lock",
        "sled open",
        "read snapshot",
        "decode snapshot",
        "restore",
        "read events",
        "decode events",
        "replay",
        "Σ parts",
    ]);
    let mut tails_table = Table::new(&[
        "parts (p99, ms)",
        "way",
        "lock",
        "sled open",
        "read snapshot",
        "decode snapshot",
        "restore",
        "read events",
        "decode events",
        "replay",
        "Σ parts",
    ]);
    let mut at_20k = None;
    let mut previous: [Option<(usize, Duration)>; 3] = [None; 3];
    let mut notes = Vec::new();
    let mut settled = Samples::new();
    let mut held = 0;
    for &(n, iters) in sizes {
        let stored = store_session(root, n, &mut notes)?;
        let mut totals_n: [Samples; 3] = Default::default();
        let mut parts: [Parts; 3] = Default::default();
        let expected = [
            SnapshotUse::Used(n as u64),
            SnapshotUse::Used(n as u64 - (SNAPSHOT_EVERY - 1)),
            SnapshotUse::Missing,
        ];
        for i in 0..iters + 2 {
            let warm = i < 2;
            for k in 0..3 {
                let way = (i + k) % 3;
                stored.prepare(way)?;
                let waited = settle(&stored.dir)?;
                held += usize::from(waited > Duration::from_micros(100));
                settled.push(waited);
                let start = Instant::now();
                let engine = Engine::open(&stored.data, &stored.id)?;
                let took = start.elapsed();
                if engine.opened_from() != &expected[way] || engine.session().last_seq != n as u64 {
                    return Err(format!(
                        "{}: opened {:?} up to {}",
                        OPENS[way],
                        engine.opened_from(),
                        engine.session().last_seq
                    )
                    .into());
                }
                drop(engine);
                stored.prepare(way)?;
                let waited = settle(&stored.dir)?;
                held += usize::from(waited > Duration::from_micros(100));
                settled.push(waited);
                let t = open_in_parts(&stored, way)?;
                if !warm {
                    totals_n[way].push(took);
                    parts[way].push(t);
                }
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let per_1k = |d: Duration, events: usize| d.as_secs_f64() * 1e3 / (events as f64 / 1000.0);
        let base = totals_n[2].median();
        for way in 0..3 {
            let median = totals_n[way].median();
            let marginal = previous[way].map_or_else(
                || "–".to_owned(),
                |(m, d)| format!("{:.3}", per_1k(median.saturating_sub(d), n - m)),
            );
            previous[way] = Some((n, median));
            totals.row(vec![
                thousands(n),
                OPENS[way].into(),
                ms(median),
                ms(totals_n[way].p99()),
                format!("{:.3}", per_1k(median, n)),
                marginal,
                ratio(median, base),
                iters.to_string(),
            ]);
            let mut row = vec![thousands(n), OPENS[way].into()];
            row.extend(parts[way].cells(0.5));
            parts_table.row(row);
            let mut row = vec![thousands(n), OPENS[way].into()];
            row.extend(parts[way].cells(0.99));
            tails_table.row(row);
        }
        if n == LARGE_SESSION_EVENTS {
            at_20k = Some([totals_n[0].median(), totals_n[1].median()]);
        }
        drop(stored);
    }
    println!(
        "Open/resume (Engine::open, then dropped before the next), warm page cache; the three\n\
         ways interleaved on the same database (only the snapshot file differs)\n"
    );
    print!("{}", totals.render());
    println!(
        "\nWhere the time goes: the parts timed one after another on one thread (Engine::open\n \
         decodes the snapshot on a second thread while sled opens and the events are read,\n \
         so its total is below Σ parts): the lock file; sled's open and its last record;\n \
         reading the snapshot file; checking and decoding it; restoring the state; reading\n \
         and decoding the events after it (all of them without one); replaying them\n"
    );
    print!("{}", parts_table.render());
    println!("\nThe same parts' p99 (each part's own; they need not come from the same open)\n");
    print!("{}", tails_table.render());
    if let Some([end, behind]) = at_20k {
        for (what, m) in [(OPENS[0], end), (OPENS[1], behind)] {
            println!(
                "budget open at 20,000 events ≤ {} ms (median), {what}: {} ms → {}",
                OPEN_BUDGET.as_millis(),
                ms(m),
                if m <= OPEN_BUDGET { "met" } else { "MISSED" }
            );
        }
    }
    for note in notes {
        println!("{note}");
    }
    println!(
        "sled's own lock, still held after the close before an open (waited for outside the \
         timings): {} of {} opens, p99 {} ms, max {} ms",
        held,
        settled.len(),
        ms(settled.p99()),
        ms(settled.max())
    );
    println!();
    Ok(())
}

/// Waits until sled's own lock on the database is free, and gives how long
/// that took. sled 0.34 holds it until the last background job of a closed
/// database ends, a few milliseconds after the close; `Engine::open` waits for
/// it, and an open right after a close in the same process (as every open
/// here) would otherwise measure that wait.
fn settle(dir: &Path) -> Res<Duration> {
    let start = Instant::now();
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(dir.join("db").join("db"))?;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(start.elapsed()),
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < Duration::from_secs(5) => {
                std::thread::sleep(Duration::from_micros(200));
            }
            Err(e) => return Err(format!("sled's lock: {e:?}").into()),
        }
    }
}

/// Times the pieces of an open one after another, as `SessionStore::open`
/// and `Engine::open` do them (without the second thread).
fn open_in_parts(stored: &Stored, way: usize) -> Res<[Duration; 8]> {
    let dir = &stored.dir;
    let mut t = [Duration::ZERO; 8];
    let mut lap = {
        let mut start = Instant::now();
        move |slot: &mut Duration| {
            *slot = start.elapsed();
            start = Instant::now();
        }
    };
    let lock = SessionLock::acquire(&dir.join("lock"), &stored.id)?;
    lap(&mut t[0]);

    let db = bare_open(&dir.join("db"))?;
    let tree = db.open_tree(EVENTS_TREE)?;
    let last = tree.last()?.ok_or("an empty log")?;
    lap(&mut t[1]);

    let mut session = Session::default();
    let mut after = 0u64;
    if way < 2 {
        let bytes = std::fs::read(dir.join(SNAPSHOT_FILE))?;
        lap(&mut t[2]);
        let end = bytes.iter().position(|b| *b == b'\n').ok_or("no header")?;
        let body = &bytes[end + 1..];
        black_box(crc32fast::hash(body));
        let snapshot: Snapshot = serde_json::from_slice(body)?;
        after = snapshot.last_seq();
        black_box(tree.get(after.to_be_bytes())?);
        lap(&mut t[3]);
        session = snapshot.restore();
        lap(&mut t[4]);
    }

    let raw: Vec<sled::IVec> = tree
        .range((after + 1).to_be_bytes()..)
        .values()
        .collect::<Result<_, _>>()?;
    lap(&mut t[5]);
    let log: Vec<Recorded> = raw
        .iter()
        .map(|v| serde_json::from_slice(v))
        .collect::<Result<_, _>>()?;
    lap(&mut t[6]);
    for rec in &log {
        apply(&mut session, rec);
    }
    lap(&mut t[7]);

    if session.last_seq.to_be_bytes() != *last.0 {
        return Err("the parts did not reach the last event".into());
    }
    black_box(session);
    drop((tree, db, lock));
    Ok(t)
}
