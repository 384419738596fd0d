//! Plan files: any text gives a plan or errors with their places, never a
//! panic; a plan that parses makes its session (what `fgd new` does next).
#![no_main]

use chrono::{TimeZone, Utc};
use fgd::domain::{Actor, Session};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    match fgd::plan::parse(src, "fuzz.toml") {
        Ok(plan) => {
            let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap();
            let day = plan.date.unwrap_or_else(|| plan.zone.date_of(t0));
            let commands = plan.commands("2026-11-23-fuzz", day, None);
            let built =
                fgd::engine::build(&mut Session::default(), commands, t0, Actor::Facilitator);
            assert!(
                built.is_ok(),
                "a plan that parses must make its session: {built:?}"
            );
        }
        Err(errors) => assert!(!errors.is_empty()),
    }
});
