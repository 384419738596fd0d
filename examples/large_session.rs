//! Writes DESIGN §5's large session (200 participants, 30 agenda items, 2,000
//! notes, 500 actions, 20,000 events; `fgd::fixtures`) as a `session.json`
//! that `fgd import` restores, so the real program can be measured on it
//! (`scripts/perf-live.sh`). Its last event happened a minute ago: the
//! session is live now, its active item's clock ticking, as one in the room.
//!
//! `cargo run --release --example large_session -- FILE [EVENTS]`

use std::error::Error;

use fgd::domain::replay;
use fgd::export::json;
use fgd::fixtures::{self, LARGE_SESSION_EVENTS};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next() else {
        return Err("usage: large_session FILE [EVENTS]".into());
    };
    let events = match args.next() {
        Some(n) => n.parse()?,
        None => LARGE_SESSION_EVENTS,
    };
    let last = chrono::Utc::now() - chrono::Duration::minutes(1);
    let log = fixtures::large_session_ending_at(events, last);
    let session = replay(&log);
    std::fs::write(&file, json::render(&session, &log))?;
    eprintln!(
        "{file}: {} events, {} participants, {} agenda items, {} notes, {} actions",
        log.len(),
        session.participants().count(),
        session.agenda.len(),
        session.notes().count(),
        session.actions().count()
    );
    Ok(())
}
