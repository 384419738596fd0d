//! The documented recovery after a kill and random damage: every event
//! acknowledged more than one second before the damage comes back.

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::bin_support::Fgd;
use crate::seeded::{Rng, env_u64};

/// The seqs in the session's log, read back through `fgd export --format json`.
fn stored_seqs(fgd: &Fgd, id: &str) -> Vec<u64> {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().display().to_string();
    let r = fgd.run(&["export", id, "--format", "json", "--out", &out_dir]);
    assert_eq!(r.code, 0, "export after repair: {}", r.stderr);
    let bytes = std::fs::read(out.path().join(id).join("internal").join("session.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["seq"].as_u64().unwrap())
        .collect()
}

/// Runs `fgd apply` feeding notes as fast as it takes them, kills it after
/// `ms`, and gives each acknowledged seq with when its answer came, and the
/// moment of the kill.
fn feed_and_kill(fgd: &Fgd, id: &str, ms: u64) -> (Vec<(u64, Instant)>, Instant) {
    let mut child = fgd
        .cmd()
        .args(["apply", id])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for i in 0.. {
            let line = format!("{{\"cmd\":\"add_note\",\"text\":\"catatan {i}\"}}\n");
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(seq) = line.strip_prefix("ok ").and_then(|s| s.parse().ok()) {
                let _ = tx.send((seq, Instant::now()));
            }
        }
    });
    std::thread::sleep(Duration::from_millis(ms));
    child.kill().unwrap();
    let killed = Instant::now();
    child.wait().unwrap();
    reader.join().unwrap();
    (rx.try_iter().collect(), killed)
}

#[test]
fn a_kill_and_random_damage_lose_at_most_the_last_second() {
    let rounds = env_u64("FGD_RECOVERY_ROUNDS", 5);
    let seed = env_u64("FGD_RECOVERY_SEED", 0x7e5c_0e11);
    let mut rng = Rng::new(seed);
    for round in 0..rounds {
        let fgd = Fgd::new();
        let id = fgd.new_session(&["--plan", "sessions/en-service-design-fgd.toml"]);
        let ms = rng.between(300, 2500);
        let (acked, killed) = feed_and_kill(&fgd, &id, ms);
        assert!(!acked.is_empty(), "round {round}: nothing acknowledged");
        let db = fgd.data().join("sessions").join(&id).join("db");
        let how = damage(&db, rng.next_u64(), rng.next_u64());
        let ctx = format!("seed {seed:#x} round {round} ({how}, killed after {ms} ms)");

        let r = fgd.run_with_input(&["apply", &id], "");
        if r.code == 0 {
            // The damage missed everything sled reads: nothing to repair,
            // and every acknowledged event is there.
            let last = acked.last().unwrap().0;
            assert!(stored_seqs(&fgd, &id).contains(&last), "{ctx}");
            continue;
        }
        let told: usize = r
            .stderr
            .split("brings back ")
            .nth(1)
            .and_then(|t| t.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{ctx}: the refusal says no count: {}", r.stderr));
        assert!(
            r.stderr.contains(&format!("fgd repair {id}")),
            "{ctx}: {}",
            r.stderr
        );

        let r = fgd.run(&["repair", &id]);
        assert_eq!(r.code, 0, "{ctx}: {}", r.stderr);
        assert!(
            r.stdout.contains(&format!("{told} event(s) restored")),
            "{ctx}: {}",
            r.stdout
        );
        let seqs = stored_seqs(&fgd, &id);
        assert_eq!(seqs.len(), told, "{ctx}: restored what the refusal said");
        let must = acked
            .iter()
            .filter(|(_, at)| *at + Duration::from_secs(1) <= killed)
            .map(|(seq, _)| *seq)
            .max()
            .unwrap_or(0);
        let last = seqs.last().copied().unwrap_or(0);
        assert!(
            last >= must,
            "{ctx}: event {must} was acknowledged more than a second before the damage, \
             the repair brought back up to {last}"
        );
        let kept = std::fs::read_dir(db.parent().unwrap())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("db.damaged-"));
        assert!(kept, "{ctx}: the damaged database is kept aside");
        let r = fgd.run_with_input(
            &["apply", &id],
            "{\"cmd\":\"add_note\",\"text\":\"lagi\"}\n",
        );
        assert_eq!(r.code, 0, "{ctx}: the repaired session works: {}", r.stderr);
    }
}

use super::damage;
