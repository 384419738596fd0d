//! Whose directories fgd writes in: every directory it creates or writes
//! into must belong to the user running it and be closed to other users'
//! writes, else another user could plant a link or a file there and have
//! fgd follow it. A directory fgd only makes folders in (the data
//! directory, `--out`) may also be a shared one with the sticky bit (like
//! `/tmp`), where no one can replace another's folder. Must not know the
//! FGD's rules.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// A directory fgd refuses to write in, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsafe {
    /// The directory.
    pub path: PathBuf,
    /// What is wrong with it.
    pub why: &'static str,
}

impl fmt::Display for Unsafe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.path.display(), self.why)
    }
}

impl std::error::Error for Unsafe {}

/// Checks a directory fgd writes files in: a real directory (not a link),
/// the user's own, that no other user can write in.
pub fn check_private(dir: &Path) -> Result<(), Unsafe> {
    let unsafe_ = |why| Unsafe {
        path: dir.to_owned(),
        why,
    };
    let Ok(meta) = fs::symlink_metadata(dir) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() {
        return Err(unsafe_("is a symbolic link, which fgd does not follow"));
    }
    check_meta(&meta, false).map_err(unsafe_)
}

/// Checks a directory fgd makes folders in (it may be a link the user
/// made): the user's own (or the system's) and closed to other users'
/// writes, unless it is shared with the sticky bit.
pub fn check_parent(dir: &Path) -> Result<(), Unsafe> {
    let Ok(meta) = fs::metadata(dir) else {
        return Ok(());
    };
    check_meta(&meta, true).map_err(|why| Unsafe {
        path: dir.to_owned(),
        why,
    })
}

#[cfg(unix)]
fn check_meta(meta: &fs::Metadata, shared_ok: bool) -> Result<(), &'static str> {
    use std::os::unix::fs::MetadataExt;
    let me = rustix::process::geteuid().as_raw();
    let mode = meta.mode();
    let sticky = mode & 0o1000 != 0;
    if !meta.is_dir() {
        return Err("is not a directory");
    }
    if meta.uid() != me && !(shared_ok && meta.uid() == 0) {
        return Err("belongs to another user");
    }
    if mode & 0o022 != 0 && !(shared_ok && sticky) {
        return Err("can be written by other users");
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_meta(meta: &fs::Metadata, _shared_ok: bool) -> Result<(), &'static str> {
    if meta.is_dir() {
        Ok(())
    } else {
        Err("is not a directory")
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn links_and_directories_others_can_write_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let own = dir.path().join("own");
        fs::create_dir(&own).unwrap();
        fs::set_permissions(&own, fs::Permissions::from_mode(0o700)).unwrap();
        assert_eq!(check_private(&own), Ok(()));
        fs::set_permissions(&own, fs::Permissions::from_mode(0o777)).unwrap();
        let err = check_private(&own).unwrap_err();
        assert!(
            err.to_string().contains("can be written by other users"),
            "{err}"
        );
        fs::set_permissions(&own, fs::Permissions::from_mode(0o1777)).unwrap();
        assert!(
            check_private(&own).is_err(),
            "files go only in a private one"
        );
        assert_eq!(check_parent(&own), Ok(()), "a sticky one can hold folders");
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&own, &link).unwrap();
        let err = check_private(&link).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
    }
}
