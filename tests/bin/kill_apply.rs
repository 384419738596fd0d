//! Nothing acknowledged is lost: `fgd apply` is killed with SIGKILL at random
//! moments while commands stream in; after every kill the session reopens
//! intact and holds every command that was answered `ok`.
//!
//! The process writes a state snapshot every few events (`FGD_SNAPSHOT_EVERY`
//! set low, a different interval each round), so many kills land while one
//! is being written: after every kill the snapshot left must still be usable,
//! and resuming from it must give exactly the state a full replay gives.
//!
//! Rounds: `FGD_KILL_ROUNDS` (default 20); seed: `FGD_KILL_SEED`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

use crate::bin_support::Fgd;
use crate::seeded::{Rng, env_u64};
use fgd::domain::{Event, replay};
use fgd::engine::{Engine, SNAPSHOT_EVERY_ENV};
use fgd::store::{DataDir, SnapshotUse};

fn command(token: &str, i: usize) -> String {
    if i % 5 == 4 {
        format!("{{\"cmd\":\"add_action\",\"what\":\"{token}\",\"pic\":\"P1\",\"due\":\"+3d\"}}")
    } else {
        format!("{{\"cmd\":\"add_note\",\"text\":\"{token}\",\"kind\":\"insight\"}}")
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "one seeded kill scenario read top to bottom"
)]
#[test]
fn every_acknowledged_command_survives_sigkill() {
    let rounds = env_u64("FGD_KILL_ROUNDS", 20);
    let seed = env_u64("FGD_KILL_SEED", 0x05ee_df9d);
    let mut rng = Rng::new(seed);
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "sessions/en-service-design-fgd.toml"]);
    let mut acked: Vec<(u64, String)> = Vec::new();

    let data = DataDir::new(fgd.data());
    // The seq an in-process open left its snapshot at, and how many killed
    // processes left a snapshot of their own.
    let (_, mut closed_at) = resumes_as_replay(&data, &id, "before the first round");
    let mut snapshots_by_killed = 0;
    for round in 0..rounds {
        let every = rng.below(7) + 1;
        let mut child = fgd
            .cmd()
            .env(SNAPSHOT_EVERY_ENV, every.to_string())
            .args(["apply", &id])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let tokens: Vec<String> = (0..3000).map(|i| format!("r{round}-c{i}")).collect();
        let lines: Vec<String> = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| command(t, i))
            .collect();
        let writer = std::thread::spawn(move || {
            for line in lines {
                if writeln!(stdin, "{line}").is_err() {
                    break;
                }
            }
            // Keep stdin open: the process must die by the kill, not by end of input.
            std::thread::park();
        });
        let kill_after = rng.below(120) + 1;
        let mut answers = stdout.lines();
        let mut n = 0usize;
        while (n as u64) < kill_after {
            let line = answers
                .next()
                .unwrap_or_else(|| panic!("round {round}: apply stopped early (seed {seed})"))
                .unwrap();
            let seq: u64 = line
                .strip_prefix("ok ")
                .unwrap_or_else(|| {
                    panic!("round {round}: unexpected answer {line:?} (seed {seed})")
                })
                .parse()
                .unwrap();
            acked.push((seq, tokens[n].clone()));
            n += 1;
        }
        // A random short spin so the kill lands at different points of an append.
        for _ in 0..rng.below(50_000) {
            std::hint::spin_loop();
        }
        child.kill().unwrap();
        child.wait().unwrap();
        // Answers already written before the kill were acknowledged too.
        for line in answers.map_while(Result::ok) {
            if let Some(seq) = line.strip_prefix("ok ") {
                acked.push((seq.parse().unwrap(), tokens[n].clone()));
                n += 1;
            }
        }
        writer.thread().unpark();
        writer.join().unwrap();
        let context = format!("round {round}, every {every} (seed {seed})");
        let (used, last) = resumes_as_replay(&data, &id, &context);
        if used > closed_at {
            snapshots_by_killed += 1;
        }
        closed_at = last;
    }
    assert!(
        snapshots_by_killed * 2 >= rounds,
        "only {snapshots_by_killed} of {rounds} killed processes left a snapshot"
    );

    let engine =
        Engine::open(&data, &id).unwrap_or_else(|e| panic!("reopen failed (seed {seed}): {e}"));
    let log = engine.log().unwrap();
    for (seq, token) in &acked {
        let rec = log
            .get(*seq as usize - 1)
            .unwrap_or_else(|| panic!("acknowledged seq {seq} ({token}) is lost (seed {seed})"));
        let text = match &rec.event {
            Event::NoteAdded { note } => &note.text,
            Event::ActionAdded { action } => &action.what,
            other => panic!("seq {seq} holds {other:?}, expected {token}"),
        };
        assert_eq!(text, token, "seq {seq} (seed {seed})");
    }
    let last = log.last().unwrap().at;
    engine.session().check_invariants(last).unwrap();
    assert!(
        acked.len() as u64 >= rounds,
        "every round acknowledged something"
    );
}

/// Opens the session as a killed process left it: the snapshot it left is
/// usable, the state resumed from it is the state a full replay of the log
/// gives, and no temp file of the killed process is left once it is open.
/// Gives the seq of the snapshot used and of the last event (closing the
/// engine leaves a snapshot of it).
fn resumes_as_replay(data: &DataDir, id: &str, context: &str) -> (u64, u64) {
    let engine = Engine::open(data, id).unwrap_or_else(|e| panic!("{context}: reopen failed: {e}"));
    let log = engine.log().unwrap();
    let used = match engine.opened_from() {
        SnapshotUse::Used(seq) => *seq,
        other => panic!("{context}: the snapshot was not used: {other:?}"),
    };
    assert!(used <= log.len() as u64, "{context}");
    assert!(
        *engine.session() == replay(&log),
        "{context}: the resumed state differs from the replay"
    );
    let dir = data.session_dir(id);
    let temps: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tmp"))
        .collect();
    assert!(temps.is_empty(), "{context}: temp files left: {temps:?}");
    (used, engine.session().last_seq)
}
