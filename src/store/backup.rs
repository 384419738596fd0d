//! Writing the `session.json` backup off the caller's thread. Rendering the
//! backup of a large session takes long enough to freeze a screen, so the
//! engine hands over a job that renders it; this writer runs jobs in order,
//! skips any that a newer one has made stale, and writes atomically. Dropping
//! the writer waits for the last job, so nothing queued is lost on quit.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use super::write_atomic;

/// A job: renders the backup's bytes.
pub type Job = Box<dyn FnOnce() -> Vec<u8> + Send>;

/// A background writer of one file.
#[derive(Debug)]
pub struct BackupWriter {
    tx: Option<Sender<Job>>,
    thread: Option<JoinHandle<()>>,
    failure: Arc<Mutex<Option<String>>>,
}

impl BackupWriter {
    /// A writer of `path`.
    pub fn new(path: PathBuf) -> BackupWriter {
        let (tx, rx) = channel::<Job>();
        let failure = Arc::new(Mutex::new(None));
        let report = Arc::clone(&failure);
        let thread = std::thread::Builder::new()
            .name("fgd-backup".into())
            .spawn(move || run(&path, &rx, &report))
            .ok();
        BackupWriter {
            tx: Some(tx),
            thread,
            failure,
        }
    }

    /// Queues a job; a newer job makes an older unstarted one unnecessary.
    pub fn submit(&self, job: Job) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(job);
        }
    }

    /// The last write failure, once.
    pub fn take_failure(&self) -> Option<String> {
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

fn run(path: &std::path::Path, rx: &Receiver<Job>, report: &Mutex<Option<String>>) {
    while let Ok(mut job) = rx.recv() {
        while let Ok(newer) = rx.try_recv() {
            job = newer;
        }
        let bytes = job();
        if let Err(e) = write_atomic(path, &bytes) {
            *report.lock().unwrap_or_else(PoisonError::into_inner) =
                Some(format!("{}: {e}", path.display()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_job_is_written_before_drop_returns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("session.json");
        let w = BackupWriter::new(path.clone());
        for i in 0..50 {
            w.submit(Box::new(move || format!("{i}").into_bytes()));
        }
        drop(w);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "49");
    }

    #[test]
    fn a_failure_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = BackupWriter::new(dir.path().join("no/such/dir/session.json"));
        w.submit(Box::new(|| b"x".to_vec()));
        w.finish();
        assert!(w.take_failure().unwrap().contains("session.json"));
    }
}
