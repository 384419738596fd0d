//! Who holds a session, told truthfully: two openers at the same instant
//! (the refused one names the other), a lock held by another program, a
//! line left by a dead process.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::bin_support::Fgd;

#[test]
fn two_openers_at_the_same_instant_the_refused_one_is_told_who() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Dua Pembuka"]);
    let line = "{\"cmd\":\"add_note\",\"text\":\"x\"}\n";
    for round in 0..15 {
        let children: Vec<_> = (0..2)
            .map(|_| {
                let mut c = fgd.spawn(&["apply", &id]);
                let mut stdin = c.stdin.take().unwrap();
                let _ = std::io::Write::write_all(&mut stdin, line.as_bytes());
                drop(stdin);
                c
            })
            .collect();
        for c in children {
            let o = c.wait_with_output().unwrap();
            if o.status.success() {
                continue;
            }
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                err.contains("is in use by process "),
                "round {round}: {err}"
            );
            assert!(err.contains("fgd apply"), "round {round}: {err}");
            assert!(
                !err.contains("fgd join"),
                "round {round}: the holder is not `fgd run`: {err}"
            );
        }
    }
}

#[test]
fn a_lock_held_by_another_program_or_named_by_a_dead_one_names_no_fgd() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Kunci Lain"]);
    let lock = fgd.data().join("sessions").join(&id).join("lock");
    // A line left by a process that is gone.
    std::fs::write(&lock, "pid=2147483000\ncommand=fgd run old\n").unwrap();
    let mut holder = Command::new("flock")
        .arg(&lock)
        .args(["sleep", "30"])
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until flock has the lock: an open is refused.
    let deadline = Instant::now() + Duration::from_secs(10);
    let r = loop {
        let r = fgd.run_with_input(&["apply", &id], "");
        if r.code != 0 || Instant::now() > deadline {
            break r;
        }
    };
    holder.kill().unwrap();
    holder.wait().unwrap();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("in use by another program"),
        "{}",
        r.stderr
    );
    for wrong in ["2147483000", "another fgd", "fgd join", "fgd run old"] {
        assert!(!r.stderr.contains(wrong), "names `{wrong}`: {}", r.stderr);
    }
}
