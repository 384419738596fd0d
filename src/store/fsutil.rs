//! File-system helpers the store needs: private directories and atomic
//! rewrites (temp file, fsync, rename, fsync the directory).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

/// Creates `dir` and its missing parents with mode 0700 (on Unix).
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Creates exactly `dir` (its parent must exist) with mode 0700; fails if it exists.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut b = fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

/// Opens a file for writing with mode 0600 (on Unix), creating or truncating it.
pub fn open_private(path: &Path, truncate: bool) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.write(true).create(true).truncate(truncate);
    if !truncate {
        o.read(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600).custom_flags(NOFOLLOW);
    }
    o.open(path)
}

/// Opens `path` for reading, never through a symbolic link.
pub fn open_read_nofollow(path: &Path) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(NOFOLLOW);
    }
    o.open(path)
}

/// Opens `path` for appending, creating it with mode 0600 (never through
/// a symbolic link).
pub fn open_append(path: &Path) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600).custom_flags(NOFOLLOW);
    }
    o.open(path)
}

/// The size at which [`append_capped`] moves a log to `NAME.1`.
pub const LOG_CAP: u64 = 64 * 1024;

/// Appends `line` to the log at `path` (0600, never through a link); a log
/// that reached [`LOG_CAP`] is first moved to `NAME.1` (replacing the one
/// before), so it never grows without limit.
pub fn append_capped(path: &Path, line: &str) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.len() >= LOG_CAP) {
        let mut old = path.as_os_str().to_owned();
        old.push(".1");
        fs::rename(path, old)?;
    }
    let mut file = open_append(path)?;
    file.write_all(line.as_bytes())?;
    file.write_all(b"\n")
}

/// `O_NOFOLLOW`: opening a symbolic link fails instead of following it.
#[cfg(unix)]
const NOFOLLOW: i32 = rustix::fs::OFlags::NOFOLLOW.bits().cast_signed();

/// Creates `path` for writing with mode 0600, failing if anything is there
/// (a file, or a symbolic link someone planted: it is never followed).
pub fn create_new_private(path: &Path) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600).custom_flags(NOFOLLOW);
    }
    o.open(path)
}

/// Replaces `path` with `bytes` so that a reader (or a crash) sees either the
/// old or the new content, never a mix. The temp file is made new (never
/// through a link) and renamed over `path` (a rename replaces a link, it
/// does not follow it).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_replacing(path, bytes, true)
}

/// As [`write_atomic`], without waiting for the disk: a killed process
/// loses nothing (the kernel has the bytes), a power cut may lose the last
/// write. For what is written at every key (a form's draft).
pub fn write_replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_replacing(path, bytes, false)
}

fn write_replacing(path: &Path, bytes: &[u8], sync: bool) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut file = match create_new_private(&tmp) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            // Left by a process that had this pid before (or planted):
            // removed (a link is removed, not followed), then made anew.
            fs::remove_file(&tmp)?;
            create_new_private(&tmp)?
        }
        made => made?,
    };
    let result = (|| {
        file.write_all(bytes)?;
        if sync {
            file.sync_all()?;
        }
        fs::rename(&tmp, path)?;
        if sync { sync_dir(dir) } else { Ok(()) }
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Renames `from` to `to` unless `to` exists (then `AlreadyExists`): two
/// processes claiming the same name can't both get it.
pub fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, from, CWD, to, RenameFlags::NOREPLACE) {
            Ok(()) => return Ok(()),
            Err(rustix::io::Errno::EXIST) => {
                return Err(io::Error::from(io::ErrorKind::AlreadyExists));
            }
            // A file system without it: the check below, then a rename
            // (which fails on a directory that is not empty).
            Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS) => {}
            Err(e) => return Err(e.into()),
        }
    }
    if fs::symlink_metadata(to).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    fs::rename(from, to)
}

/// Sets every file under `dir` to 0600 and every directory to 0700 (sled
/// makes its own files with the process's umask).
pub fn make_private_tree(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let mode = if kind.is_dir() {
                make_private_tree(&entry.path());
                0o700
            } else if kind.is_file() {
                0o600
            } else {
                continue;
            };
            let _ = fs::set_permissions(entry.path(), fs::Permissions::from_mode(mode));
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Makes a rename or creation in `dir` durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes the temp files [`write_atomic`] leaves in `dir` when the process
/// dies while writing (`.NAME.PID.tmp`) whose process is gone, so it is
/// safe in a directory another fgd may be writing in (a minutes folder).
pub fn remove_temp_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if let Some(pid) = temp_file_pid(&name)
            && !super::lock::alive(pid)
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The pid in a temp file's name `.NAME.PID.tmp`.
fn temp_file_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    rest.rsplit_once('.')?.1.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_link_at_the_temp_name_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep").unwrap();
        let tmp = dir
            .path()
            .join(format!(".out.md.{}.tmp", std::process::id()));
        #[cfg(unix)]
        std::os::unix::fs::symlink(&victim, &tmp).unwrap();
        write_atomic(&dir.path().join("out.md"), b"minutes").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(
            fs::read_to_string(dir.path().join("out.md")).unwrap(),
            "minutes"
        );
    }

    #[test]
    fn a_capped_log_moves_aside_at_its_limit() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("live.log");
        let line = "x".repeat(99);
        for _ in 0..1500 {
            append_capped(&log, &line).unwrap();
        }
        let now = fs::metadata(&log).unwrap().len();
        let old = fs::metadata(dir.path().join("live.log.1")).unwrap().len();
        assert!(
            now < LOG_CAP && (LOG_CAP..LOG_CAP + 100).contains(&old),
            "{now} {old}"
        );
    }

    #[test]
    fn only_temp_files_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mine = format!(".minutes.md.{}.tmp", std::process::id());
        for name in [
            mine.as_str(),
            ".minutes.md.2147483000.tmp",
            ".keep.tmp",
            "a.tmp",
        ] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        remove_temp_files(dir.path());
        let mut left: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut want = vec![mine, ".keep.tmp".to_owned(), "a.tmp".to_owned()];
        want.sort();
        assert_eq!(left, want);
    }
}
