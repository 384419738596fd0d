//! A copy of `db/` taken before sled opens it, so an open that is refused
//! changes no byte of the session directory: sled writes as it opens (a new
//! snapshot of its own, and on a damaged file it cuts the log where the
//! damage starts), and a refused open puts the copy back. The copy lives in
//! the session directory (`.db-guard`) while the lock is held; a copy left
//! by a killed open is put back by the next one (nothing is appended before
//! the copy is gone); a copy cut short by a kill is only removed. Must not
//! know the FGD's rules, nor sled.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::fsutil;

const GUARD_DIR: &str = ".db-guard";
const PART_DIR: &str = ".db-guard.part";
const OLD_DIR: &str = ".db-guard.old";

/// The copy of a session's `db/` while sled opens it.
#[derive(Debug)]
pub struct Guard {
    db: PathBuf,
    copy: Option<PathBuf>,
}

impl Guard {
    /// Copies `dir/db` aside, first putting back a copy a killed open left.
    /// A copy that can't be made (a full disk) leaves the open unguarded.
    pub fn take(dir: &Path) -> Guard {
        let db = dir.join("db");
        let copy = dir.join(GUARD_DIR);
        // Copied under another name and renamed when whole: a kill while
        // copying leaves a part, which is only removed.
        let part = dir.join(PART_DIR);
        if copy.is_dir() {
            let _ = put_back(&db, &copy);
        }
        let _ = fs::remove_dir_all(&part);
        let _ = fs::remove_dir_all(dir.join(OLD_DIR));
        let copied =
            db.is_dir() && copy_dir(&db, &part).is_ok() && fs::rename(&part, &copy).is_ok();
        if !copied {
            let _ = fs::remove_dir_all(&part);
            let _ = fs::remove_dir_all(&copy);
        }
        Guard {
            db,
            copy: copied.then_some(copy),
        }
    }

    /// The open was refused: `db/` goes back to what it was.
    pub fn restore(mut self) {
        if let Some(copy) = self.copy.take() {
            let _ = put_back(&self.db, &copy);
        }
    }
}

impl Guard {
    /// The open went through: the copy is renamed out of the way at once
    /// (so a kill from here on never puts it back over what is appended
    /// next) and removed on a thread of its own, which the returned
    /// [`Trash`] waits for when dropped.
    pub fn release(mut self) -> Trash {
        let Some(copy) = self.copy.take() else {
            return Trash::none();
        };
        let old = copy.with_file_name(OLD_DIR);
        let _ = fs::remove_dir_all(&old);
        if fs::rename(&copy, &old).is_err() {
            let _ = fs::remove_dir_all(&copy);
            return Trash::none();
        }
        Trash(
            std::thread::Builder::new()
                .name("fgd-guard".into())
                .spawn(move || {
                    let _ = fs::remove_dir_all(old);
                })
                .ok(),
        )
    }
}

impl Drop for Guard {
    /// Not restored nor released (an error on the way): the copy goes.
    fn drop(&mut self) {
        if let Some(copy) = self.copy.take() {
            let _ = fs::remove_dir_all(copy);
        }
    }
}

/// The removal of a released copy; dropping it waits for the removal.
#[derive(Debug)]
pub struct Trash(Option<std::thread::JoinHandle<()>>);

impl Trash {
    /// Nothing to remove.
    pub fn none() -> Trash {
        Trash(None)
    }
}

impl Drop for Trash {
    fn drop(&mut self) {
        if let Some(t) = self.0.take() {
            let _ = t.join();
        }
    }
}

fn put_back(db: &Path, copy: &Path) -> io::Result<()> {
    match fs::remove_dir_all(db) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    fs::rename(copy, db)?;
    if let Some(parent) = db.parent() {
        fsutil::sync_dir(parent)?;
    }
    Ok(())
}

/// Copies the directory `from` (files and directories, no links) to `to`.
fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fsutil::create_private_dir(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let target = to.join(entry.file_name());
        if kind.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if kind.is_file() {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
