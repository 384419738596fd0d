//! The journal: an append-only copy of the event log beside the database
//! (`journal`, one line per event: `SEQ CRC32 JSON`), so a damaged database
//! can be rebuilt (`fgd repair`) losing at most the last second of
//! acknowledged events. Lines are written by a thread of their own, off the
//! acknowledgement path, and synced after each batch (well within a second).
//! A line whose check fails (a torn tail, a flipped bit) is skipped when read.
//! Must not know the FGD's rules, nor sled.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::fsutil;
use super::log::{LogReader, check_of};
use crate::domain::{Recorded, Seq};

/// The journal's file name in a session directory.
pub const JOURNAL_FILE: &str = "journal";

/// One encoded event: its seq and its bytes as stored in the database.
pub type Line = (Seq, Vec<u8>);

/// The line of one event.
fn encode(seq: Seq, bytes: &[u8]) -> Vec<u8> {
    let mut line = format!("{seq} {:08x} ", check_of(bytes)).into_bytes();
    line.extend_from_slice(bytes);
    line.push(b'\n');
    line
}

/// The event of one line, if the line is whole and its check matches.
fn decode(line: &[u8]) -> Option<Recorded> {
    let text = std::str::from_utf8(line).ok()?;
    let mut parts = text.trim_end_matches('\n').splitn(3, ' ');
    let seq: Seq = parts.next()?.parse().ok()?;
    let check = u32::from_str_radix(parts.next()?, 16).ok()?;
    let body = parts.next()?;
    if check_of(body.as_bytes()) != check {
        return None;
    }
    let rec: Recorded = serde_json::from_str(body).ok()?;
    (rec.seq == seq).then_some(rec)
}

/// Every event the journal at `path` holds whole, in file order (empty when
/// there is no journal).
pub fn read(path: &Path) -> Vec<Recorded> {
    let Ok(file) = File::open(path) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    while matches!(reader.read_until(b'\n', &mut line), Ok(n) if n > 0) {
        if line.ends_with(b"\n")
            && let Some(rec) = decode(&line)
        {
            out.push(rec);
        }
        line.clear();
    }
    out
}

/// The seq of the journal's last whole line (reading only its tail).
pub fn last_seq(path: &Path) -> Option<Seq> {
    let mut file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let from = len.saturating_sub(1 << 20);
    file.seek(SeekFrom::Start(from)).ok()?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail).ok()?;
    tail.split(|b| *b == b'\n')
        .rev()
        .skip(1)
        .find_map(|l| decode(l).map(|r| r.seq))
}

/// Writes a whole journal of `lines` at `path` atomically (a new session,
/// a repaired one).
pub fn write_all(path: &Path, lines: &[Line]) -> io::Result<()> {
    let bytes: Vec<u8> = lines
        .iter()
        .flat_map(|(seq, bytes)| encode(*seq, bytes))
        .collect();
    fsutil::write_atomic(path, &bytes)
}

/// The thread that appends to a session's journal.
#[derive(Debug)]
pub struct JournalWriter {
    tx: Option<Sender<Vec<Line>>>,
    thread: Option<JoinHandle<()>>,
}

impl JournalWriter {
    /// Starts the writer of the journal in `dir`. It first brings the
    /// journal level with the log (`log_last`): the events a kill kept from
    /// it are read from the database and appended; a journal missing or
    /// ahead of the log is rewritten from the log.
    pub fn start(dir: &Path, log: LogReader, log_last: Seq) -> JournalWriter {
        let path = dir.join(JOURNAL_FILE);
        let (tx, rx) = channel::<Vec<Line>>();
        let thread = std::thread::Builder::new()
            .name("fgd-journal".into())
            .spawn(move || run(&path, &log, log_last, &rx))
            .ok();
        JournalWriter {
            tx: Some(tx),
            thread,
        }
    }

    /// Queues the lines of events just stored.
    pub fn push(&self, lines: Vec<Line>) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(lines);
        }
    }
}

impl Drop for JournalWriter {
    fn drop(&mut self) {
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Opens the journal for appending, levelled with the log.
fn level(path: &Path, log: &LogReader, log_last: Seq) -> io::Result<File> {
    let last = last_seq(path);
    let (after, fresh) = match last {
        Some(l) if l <= log_last => (l, false),
        _ => (0, true),
    };
    let missing: Vec<Line> = log
        .read_raw(after, log_last)
        .map_err(|e| io::Error::other(e.to_string()))?;
    if fresh {
        write_all(path, &missing)?;
    }
    let mut file = fsutil::open_append(path)?;
    if !fresh && !missing.is_empty() {
        append(&mut file, &missing)?;
    }
    Ok(file)
}

fn append(file: &mut File, lines: &[Line]) -> io::Result<()> {
    let mut bytes = Vec::new();
    for (seq, body) in lines {
        bytes.extend(encode(*seq, body));
    }
    file.write_all(&bytes)?;
    file.sync_data()
}

fn run(path: &Path, log: &LogReader, log_last: Seq, rx: &Receiver<Vec<Line>>) {
    // A journal that can't be written leaves the database as the only copy:
    // the session goes on (the database is the truth), unprotected.
    let Ok(mut file) = level(path, log, log_last) else {
        while rx.recv().is_ok() {}
        return;
    };
    while let Ok(mut lines) = rx.recv() {
        while let Ok(more) = rx.try_recv() {
            lines.extend(more);
        }
        if append(&mut file, &lines).is_err() {
            while rx.recv().is_ok() {}
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_line_is_skipped_and_the_rest_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(JOURNAL_FILE);
        let events = crate::fixtures::large_session(5);
        let lines: Vec<Line> = events
            .iter()
            .map(|r| (r.seq, serde_json::to_vec(r).unwrap()))
            .collect();
        write_all(&path, &lines).unwrap();
        assert_eq!(read(&path), events);
        assert_eq!(last_seq(&path), Some(5));
        let mut bytes = std::fs::read(&path).unwrap();
        let second = bytes.iter().position(|b| *b == b'\n').unwrap() + 20;
        bytes[second] ^= 0x01;
        bytes.truncate(bytes.len() - 3);
        std::fs::write(&path, &bytes).unwrap();
        let seqs: Vec<Seq> = read(&path).iter().map(|r| r.seq).collect();
        assert_eq!(seqs, [1, 3, 4]);
        assert_eq!(last_seq(&path), Some(4));
    }
}
