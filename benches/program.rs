//! The running program's budgets of DESIGN §5, measured from outside by
//! `scripts/perf-live.sh` (see there): `fgd run` in tmux on the large session
//! side by side with a small one, both live, their clocks ticking — time to
//! first frame, idle CPU (≤ 1 % of a core), peak RSS (≤ 50 MiB) and bytes
//! written to the terminal per clock tick. This bench hands the script the
//! `fgd` that `cargo bench` built and the large session written here, so
//! `cargo bench` measures every budget in one run.
//!
//! `cargo bench --bench program` (30 s idle; `FGD_BENCH_QUICK=1`: 10 s). Skipped
//! with a message where tmux or `/proc` is missing.

mod common;

use std::error::Error;
use std::process::Command;

use fgd::domain::replay;
use fgd::export::json;
use fgd::fixtures::{self, LARGE_SESSION_EVENTS};

fn main() -> Result<(), Box<dyn Error>> {
    let root = common::start("fgd live program (scripts/perf-live.sh)")?;
    let has_tmux = Command::new("tmux").arg("-V").output().is_ok();
    if !has_tmux || !std::path::Path::new("/proc/self/stat").exists() {
        println!("skipped: needs tmux and Linux's /proc");
        return Ok(());
    }
    let last = chrono::Utc::now() - chrono::Duration::minutes(1);
    let log = fixtures::large_session_ending_at(LARGE_SESSION_EVENTS, last);
    let file = root.path().join("large.json");
    std::fs::write(&file, json::render(&replay(&log), &log))?;
    let seconds = if common::quick() { "10" } else { "30" };
    let status = Command::new(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/perf-live.sh"))
        .arg(seconds)
        .env("FGD_BIN", env!("CARGO_BIN_EXE_fgd"))
        .env("FGD_PERF_SESSION", &file)
        .status()?;
    // A missed budget is reported, not a failed run: the figures are the point.
    if status.code() == Some(1) {
        println!("(a budget was missed: see above)");
    } else if !status.success() {
        return Err(format!("scripts/perf-live.sh failed: {status}").into());
    }
    Ok(())
}
