//! Nothing acknowledged is lost: `fgd apply` is killed with SIGKILL at random
//! moments while commands stream in; after every kill the session reopens
//! intact and holds every command that was answered `ok`.
//!
//! Rounds: `FGD_KILL_ROUNDS` (default 20); seed: `FGD_KILL_SEED`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod bin_support;
mod seeded;

use std::io::{BufRead, BufReader, Write};

use bin_support::Fgd;
use fgd::domain::Event;
use fgd::engine::Engine;
use fgd::store::DataDir;
use seeded::{Rng, env_u64};

fn command(token: &str, i: usize) -> String {
    if i % 5 == 4 {
        format!("{{\"cmd\":\"add_action\",\"what\":\"{token}\",\"pic\":\"P1\",\"due\":\"+3d\"}}")
    } else {
        format!("{{\"cmd\":\"add_note\",\"text\":\"{token}\",\"kind\":\"insight\"}}")
    }
}

#[test]
fn every_acknowledged_command_survives_sigkill() {
    let rounds = env_u64("FGD_KILL_ROUNDS", 20);
    let seed = env_u64("FGD_KILL_SEED", 0x05ee_df9d);
    let mut rng = Rng::new(seed);
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "sessions/en-service-design-fgd.toml"]);
    let mut acked: Vec<(u64, String)> = Vec::new();

    for round in 0..rounds {
        let mut child = fgd.spawn(&["apply", &id]);
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
    }

    let engine = Engine::open(&DataDir::new(fgd.data()), &id)
        .unwrap_or_else(|e| panic!("reopen failed (seed {seed}): {e}"));
    let log = engine.log();
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
