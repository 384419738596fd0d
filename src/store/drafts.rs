//! What a terminal has typed in a form and not yet saved, kept beside the
//! session (`draft-ROLE.json`, 0600) so that no kill loses it: replaced
//! whole at every change (not waited on the disk for: the kernel keeps what
//! a killed process wrote), read once when the screen opens, removed when
//! the form closes. Must not know what a form holds.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::fsutil;

/// The most bytes read back: a form of long texts is far smaller.
const MOST: u64 = 4 * 1024 * 1024;

/// One terminal's draft file.
#[derive(Debug)]
pub struct DraftFile {
    path: PathBuf,
    /// What the file holds now, as far as this process wrote it.
    last: Option<Vec<u8>>,
}

impl DraftFile {
    /// The draft file of the terminal of `role` in `session_dir`.
    pub fn new(session_dir: &Path, role: &str) -> DraftFile {
        let mut file = DraftFile {
            path: session_dir.join(format!("draft-{role}.json")),
            last: None,
        };
        // What an earlier process left is there until it is replaced or
        // removed.
        file.last = file.read();
        file
    }

    /// What the file holds, if anything (never through a link).
    pub fn read(&self) -> Option<Vec<u8>> {
        let mut file = fsutil::open_read_nofollow(&self.path).ok()?;
        let mut bytes = Vec::new();
        (&mut file).take(MOST).read_to_end(&mut bytes).ok()?;
        Some(bytes)
    }

    /// Keeps `draft`, or removes the file for `None`; writes only what
    /// changed.
    pub fn keep(&mut self, draft: Option<&[u8]>) -> io::Result<()> {
        if self.last.as_deref() == draft {
            return Ok(());
        }
        match draft {
            Some(bytes) => fsutil::write_replace(&self.path, bytes)?,
            None => match fs::remove_file(&self.path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            },
        }
        self.last = draft.map(<[u8]>::to_vec);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_kept_read_back_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let mut d = DraftFile::new(dir.path(), "notetaker");
        assert_eq!(d.read(), None);
        d.keep(Some(b"{\"a\":1}")).unwrap();
        assert_eq!(
            DraftFile::new(dir.path(), "notetaker").read().as_deref(),
            Some(&b"{\"a\":1}"[..])
        );
        d.keep(None).unwrap();
        assert_eq!(d.read(), None);
        assert!(!dir.path().join("draft-notetaker.json").exists());
        // A draft an earlier process left is removed by the next one.
        d.keep(Some(b"x")).unwrap();
        DraftFile::new(dir.path(), "notetaker").keep(None).unwrap();
        assert_eq!(d.read(), None);
    }
}
