//! The store against kills, damage and other users (DESIGN §6): the
//! documented recovery (`fgd repair`) after a kill and random damage loses at
//! most one second of acknowledged events (`recovery`); a refused open
//! changes no byte and says nothing in debug words (`refused`); `new`,
//! `import` and `export` killed at random leave nothing half-made (`making`);
//! directories another user could change are refused (`owners`); who
//! holds a session is told truthfully (`holders`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::case_sensitive_file_extension_comparisons
)]

mod holders;
mod making;
mod owners;
mod recovery;
mod refused;

use std::path::{Path, PathBuf};

/// Every file under `dir` with its bytes (the lock file included).
pub(super) fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let kind = e.file_type().unwrap();
        if kind.is_dir() {
            walk(&p, out);
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap_or_default()));
        }
    }
}

/// Damages the database of a session in one of several ways, chosen by
/// `kind`; says which.
pub(super) fn damage(db: &Path, kind: u64, at: u64) -> &'static str {
    let file = db.join("db");
    let mut bytes = std::fs::read(&file).unwrap_or_default();
    let len = bytes.len().max(1);
    let at = usize::try_from(at).unwrap() % len;
    match kind % 5 {
        0 => {
            for i in (at % 997..bytes.len()).step_by(997) {
                bytes[i] ^= 0x10;
            }
            std::fs::write(&file, bytes).unwrap();
            "bits flipped all through db/db"
        }
        1 => {
            bytes.truncate(at);
            std::fs::write(&file, bytes).unwrap();
            "db/db truncated"
        }
        2 => {
            std::fs::remove_file(&file).unwrap();
            "db/db deleted"
        }
        3 => {
            let end = (at + 4096).min(bytes.len());
            bytes[at..end].fill(0);
            std::fs::write(&file, bytes).unwrap();
            "4 KiB of db/db zeroed"
        }
        _ => {
            std::fs::write(&file, vec![0xA5; len]).unwrap();
            "db/db overwritten"
        }
    }
}
