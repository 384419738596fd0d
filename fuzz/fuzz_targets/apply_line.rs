//! `fgd apply` input: each line decodes to a command or an error, never a
//! panic; a decoded command runs against a live session, which keeps its
//! invariants, and the event it records reads back as it was stored.
#![no_main]

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use fgd::domain::{Actor, Command, Recorded, Session};
use libfuzzer_sys::fuzz_target;

/// A live session of the English bundled plan, everyone present.
fn live() -> &'static (Session, DateTime<Utc>) {
    static LIVE: OnceLock<(Session, DateTime<Utc>)> = OnceLock::new();
    LIVE.get_or_init(|| {
        let plan =
            fgd::plan::parse(fgd::plan::bundled("en-service-design-fgd").unwrap(), "en").unwrap();
        let t0 = "2026-12-16T01:00:00Z".parse().unwrap();
        let mut cmds = plan.commands("2026-12-16-fuzz", plan.date.unwrap(), None);
        cmds.extend((1..=8).map(|p| Command::Arrive {
            participant: format!("P{p}"),
        }));
        cmds.push(Command::Start);
        let mut s = Session::default();
        fgd::engine::build(&mut s, cmds, t0, Actor::Facilitator).unwrap();
        (s, t0)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (session, t0) = live();
    let mut session = session.clone();
    let mut now = *t0;
    for line in text.lines().take(32) {
        let Ok(decoded) = fgd::cli::parse_line(line) else {
            continue;
        };
        now += chrono::Duration::seconds(30);
        let at = decoded.at.unwrap_or(now);
        let mut next = session.clone();
        let Ok(recs) = fgd::engine::build(&mut next, [decoded.command], at, Actor::Script) else {
            continue;
        };
        let last = next.last_at.unwrap_or(at);
        next.check_invariants(last)
            .expect("an accepted command keeps the invariants");
        for rec in &recs {
            let bytes = serde_json::to_vec(rec).unwrap();
            let back: Recorded = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(&back, rec);
        }
        session = next;
        now = now.max(last);
    }
});
