//! Writing the files derived from the log off the caller's thread: the
//! `session.json` backup and the `snapshot`. Rendering either for a large
//! session takes long enough to freeze a screen, so the engine hands over a
//! job that renders the bytes; this writer runs jobs in order, skips any that
//! a newer job for the same file has made stale, and writes atomically (a job
//! that fails to render leaves the file as it was). Dropping the writer waits
//! for the last job, so nothing queued is lost on quit.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use thiserror::Error;

use super::{StoreError, snapshot::EncodeError, write_atomic};

/// Why a job's file was not rewritten (it is left as it was).
#[derive(Debug, Error)]
pub enum JobError {
    /// The events to render could not be read.
    #[error(transparent)]
    Read(#[from] StoreError),
    /// The renderer gave nothing.
    #[error("the backup can't be rendered")]
    Empty,
    /// The state could not be encoded.
    #[error(transparent)]
    Encode(#[from] EncodeError),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] std::io::Error),
}

/// Renders a file's bytes, or says why it can't.
pub type Render = Box<dyn FnOnce() -> Result<Vec<u8>, JobError> + Send>;

/// A file to rewrite and how to render it.
pub struct Job {
    path: PathBuf,
    render: Render,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Job {
    /// A job that rewrites `path` with what `render` gives.
    pub fn new(path: PathBuf, render: Render) -> Job {
        Job { path, render }
    }

    /// The file it rewrites.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// A write that failed: the file and why.
type Failure = (PathBuf, JobError);

/// A background writer of files.
#[derive(Debug)]
pub struct BackupWriter {
    tx: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    failure: Arc<Mutex<Option<Failure>>>,
}

impl Default for BackupWriter {
    fn default() -> Self {
        BackupWriter::new()
    }
}

impl BackupWriter {
    /// A writer with its thread.
    pub fn new() -> BackupWriter {
        let (tx, rx) = channel::<Job>();
        let failure = Arc::new(Mutex::new(None));
        let report = Arc::clone(&failure);
        let thread = std::thread::Builder::new()
            .name("fgd-backup".into())
            .spawn(move || run(&rx, &report))
            .ok();
        BackupWriter {
            tx: Some(tx),
            thread,
            failure,
        }
    }

    /// Queues a job; a newer job for the same file makes an older unstarted
    /// one unnecessary.
    pub fn submit(&self, job: Job) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(job);
        }
    }

    /// The last failure (the file and why), once.
    pub fn take_failure(&self) -> Option<(PathBuf, JobError)> {
        self.failure
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// Waits until every queued job is written.
    pub fn finish(&mut self) {
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for BackupWriter {
    fn drop(&mut self) {
        self.finish();
    }
}

fn run(rx: &Receiver<Job>, report: &Mutex<Option<Failure>>) {
    while let Ok(first) = rx.recv() {
        // Everything queued meanwhile: the newest job for each file, in the
        // order the files were first asked for.
        let mut jobs = vec![first];
        while let Ok(newer) = rx.try_recv() {
            match jobs.iter_mut().find(|j| j.path == newer.path) {
                Some(older) => *older = newer,
                None => jobs.push(newer),
            }
        }
        for job in jobs {
            let written = (job.render)()
                .and_then(|bytes| write_atomic(&job.path, &bytes).map_err(JobError::Write));
            if let Err(e) = written {
                *report.lock().unwrap_or_else(PoisonError::into_inner) = Some((job.path, e));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(path: &Path, text: String) -> Job {
        Job::new(path.to_owned(), Box::new(move || Ok(text.into_bytes())))
    }

    #[test]
    fn the_last_job_of_each_file_is_written_before_drop_returns() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        let w = BackupWriter::new();
        for i in 0..50 {
            w.submit(job(&a, format!("a{i}")));
            if i < 30 {
                w.submit(job(&b, format!("b{i}")));
            }
        }
        drop(w);
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "a49");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "b29");
    }

    #[test]
    fn a_failure_is_reported_and_leaves_the_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = BackupWriter::new();
        w.submit(job(
            &dir.path().join("no/such/dir/session.json"),
            "x".into(),
        ));
        w.finish();
        let (path, _) = w.take_failure().unwrap();
        assert!(path.ends_with("session.json"));
        assert!(w.take_failure().is_none(), "once");

        let path = dir.path().join("session.json");
        std::fs::write(&path, "good").unwrap();
        let mut w = BackupWriter::new();
        w.submit(Job::new(path.clone(), Box::new(|| Err(JobError::Empty))));
        w.finish();
        assert_eq!(
            w.take_failure().unwrap().1.to_string(),
            "the backup can't be rendered"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "good");
    }
}
