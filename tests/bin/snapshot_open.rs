//! Opening a session from its state snapshot: a clean close leaves one that
//! the next open uses, replaying only the events after it; a snapshot that
//! is missing, damaged, of another version, ahead of the log or of another
//! log is ignored, the whole log is replayed, and the next close writes a
//! good one. In every case the state opened is the state a full replay of
//! the log gives. (Kills while a snapshot is written: `kill_apply.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use chrono::Duration;
use fgd::domain::{Actor, Command, NoteKind, Recorded, Snapshot, replay};
use fgd::engine::{Engine, When};
use fgd::fixtures;
use fgd::store::{DataDir, SNAPSHOT_FILE, SNAPSHOT_FORMAT_VERSION, SnapshotUse};

const EVENTS: usize = 300;

struct Stored {
    _dir: tempfile::TempDir,
    data: DataDir,
    id: String,
}

impl Stored {
    /// A closed session made of `events`.
    fn new(events: Vec<Recorded>) -> Stored {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path());
        let id = Engine::create(&data, events, fixtures::t0())
            .unwrap()
            .session()
            .info
            .id
            .clone();
        Stored {
            _dir: dir,
            data,
            id,
        }
    }

    fn snapshot_path(&self) -> PathBuf {
        self.data.session_dir(&self.id).join(SNAPSHOT_FILE)
    }

    fn snapshot(&self) -> Vec<u8> {
        std::fs::read(self.snapshot_path()).unwrap()
    }

    fn put_snapshot(&self, bytes: &[u8]) {
        std::fs::write(self.snapshot_path(), bytes).unwrap();
    }

    /// Opens the session, checks that its state is the replay of its whole
    /// log, and gives which snapshot it used.
    fn open(&self) -> SnapshotUse {
        let engine = Engine::open(&self.data, &self.id).unwrap();
        let log = engine.log().unwrap();
        assert!(
            *engine.session() == replay(&log),
            "opened with {:?}: the state is not the replay of the log",
            engine.opened_from()
        );
        engine.opened_from().clone()
    }

    /// Opens a session whose snapshot must be ignored: ignored for a reason
    /// containing `why`, and the close after it leaves a good snapshot.
    fn ignores(&self, why: &str) {
        match self.open() {
            SnapshotUse::Ignored(reason) => assert!(reason.to_string().contains(why), "{reason}"),
            other => panic!("expected the snapshot to be ignored ({why}), got {other:?}"),
        }
        assert_eq!(self.open(), SnapshotUse::Used(EVENTS as u64), "rewritten");
    }
}

/// A snapshot file's header fields and body.
fn parts(bytes: &[u8]) -> (Vec<String>, Vec<u8>) {
    let end = bytes.iter().position(|b| *b == b'\n').unwrap();
    let header = std::str::from_utf8(&bytes[..end]).unwrap();
    (
        header.split(' ').map(str::to_owned).collect(),
        bytes[end + 1..].to_vec(),
    )
}

/// A snapshot file with these header fields and this body (length and CRC
/// made to fit).
fn file(header: &[String], body: &[u8]) -> Vec<u8> {
    let mut header = header.to_vec();
    header[5] = body.len().to_string();
    header[6] = format!("{:08x}", crc32fast::hash(body));
    [format!("{}\n", header.join(" ")).as_bytes(), body].concat()
}

/// The body with the session's title changed.
fn retitled(body: &[u8], title: &str) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(body).unwrap();
    v["session"]["info"]["title"] = title.into();
    serde_json::to_vec(&v).unwrap()
}

#[test]
fn a_clean_close_leaves_a_snapshot_that_the_next_open_uses() {
    let events = fixtures::large_session(EVENTS);
    let s = Stored::new(events);
    assert_eq!(s.open(), SnapshotUse::Used(EVENTS as u64));
    // a command, then a close: the snapshot follows
    let mut engine = Engine::open(&s.data, &s.id).unwrap();
    let at = engine.session().last_at.unwrap() + Duration::seconds(5);
    let note = Command::AddNote {
        text: "setelah snapshot".into(),
        kind: NoteKind::Insight,
        participant: None,
        item: None,
        private: None,
    };
    let seq = engine
        .execute(note, When::At(at), Actor::Notetaker)
        .unwrap()
        .seq;
    drop(engine);
    assert_eq!(s.open(), SnapshotUse::Used(seq));
    // an undo made after the reopen undoes the command made before it
    let mut engine = Engine::open(&s.data, &s.id).unwrap();
    let undone = engine
        .execute(
            Command::Undo,
            When::At(at + Duration::seconds(1)),
            Actor::Notetaker,
        )
        .unwrap()
        .seq;
    assert!(
        engine
            .session()
            .notes()
            .all(|n| n.text != "setelah snapshot")
    );
    drop(engine);
    assert_eq!(s.open(), SnapshotUse::Used(undone));
}

#[test]
fn a_snapshot_behind_the_log_is_used_with_the_events_after_it() {
    let events = fixtures::large_session(EVENTS);
    let s = Stored::new(events[..EVENTS - 40].to_vec());
    let behind = s.snapshot();
    let mut engine = Engine::open(&s.data, &s.id).unwrap();
    let steps = fixtures::large_session_commands(EVENTS);
    for step in &steps[EVENTS - 40..] {
        engine
            .execute(step.command.clone(), When::At(step.at), step.actor)
            .unwrap();
    }
    assert_eq!(engine.log().unwrap(), events, "the fixture's events");
    drop(engine);
    s.put_snapshot(&behind);
    assert_eq!(s.open(), SnapshotUse::Used((EVENTS - 40) as u64));
}

#[test]
fn a_missing_snapshot_means_a_full_replay() {
    let s = Stored::new(fixtures::large_session(EVENTS));
    std::fs::remove_file(s.snapshot_path()).unwrap();
    assert_eq!(s.open(), SnapshotUse::Missing);
    assert_eq!(s.open(), SnapshotUse::Used(EVENTS as u64), "rewritten");
}

#[test]
fn a_damaged_snapshot_is_ignored() {
    let s = Stored::new(fixtures::large_session(EVENTS));
    let good = s.snapshot();
    let (header, body) = parts(&good);
    let mut flipped = good.clone();
    let last = flipped.len() - 3;
    flipped[last] ^= 0x01;
    let damaged: [(&[u8], &str); 6] = [
        (&flipped, "damaged"),
        (&good[..good.len() - 1], "damaged"),
        (&good[..good.len() / 2], "damaged"),
        (b"", "no header"),
        (&[0xA5; 4096], "no header"),
        (&[&good[..], b"x"].concat(), "damaged"),
    ];
    for (bytes, why) in damaged {
        s.put_snapshot(bytes);
        s.ignores(why);
    }
    // a body that is whole (its CRC fits) but not a snapshot
    s.put_snapshot(&file(&header, b"{\"session\":{}}"));
    s.ignores("can't be decoded");
    // the same body as another session's
    let other = String::from_utf8(body)
        .unwrap()
        .replace(&format!("\"id\":\"{}\"", s.id), "\"id\":\"another\"");
    s.put_snapshot(&file(&header, other.as_bytes()));
    s.ignores("not the one its header names");
}

#[test]
fn a_snapshot_of_another_version_is_ignored() {
    let s = Stored::new(fixtures::large_session(EVENTS));
    let (header, body) = parts(&s.snapshot());
    let body = retitled(&body, "Judul Palsu");
    // The retitled snapshot with this build's versions is used as it is (the
    // checks can't tell it from a real one)...
    s.put_snapshot(&file(&header, &body));
    let engine = Engine::open(&s.data, &s.id).unwrap();
    assert_eq!(engine.session().info.title, "Judul Palsu");
    drop(engine);
    std::fs::remove_file(s.snapshot_path()).unwrap();
    assert_eq!(s.open(), SnapshotUse::Missing);
    // ... so it is the version alone that has the others ignored.
    let (f, v) = (SNAPSHOT_FORMAT_VERSION, Snapshot::VERSION);
    for (f, v) in [(f + 1, v), (f, v + 1), (f, v - 1), (f - 1, v)] {
        let mut other = header.clone();
        other[1] = f.to_string();
        other[2] = v.to_string();
        s.put_snapshot(&file(&other, &body));
        s.ignores(&format!("version {f}.{v}"));
    }
}

#[test]
fn a_snapshot_ahead_of_the_log_is_ignored() {
    // a longer log's snapshot, as a database restored from an older copy
    // would find it
    let events = fixtures::large_session(EVENTS + 25);
    let longer = Stored::new(events.clone());
    let s = Stored::new(events[..EVENTS].to_vec());
    s.put_snapshot(&longer.snapshot());
    s.ignores(&format!(
        "covers events up to {}, the log ends at {EVENTS}",
        EVENTS + 25
    ));
}

#[test]
fn a_snapshot_of_another_log_is_ignored() {
    // Two logs as long as each other, the same but for their last event.
    let events = fixtures::large_session(EVENTS);
    let mut other = events.clone();
    let last = other.last_mut().unwrap();
    last.at += Duration::seconds(1);
    let s = Stored::new(events);
    let sibling = Stored::new(other);
    s.put_snapshot(&sibling.snapshot());
    s.ignores("not taken of this log");
}

/// Stored snapshots are used only by a build of the same `Snapshot::VERSION`,
/// so a change to the state's shape or to how events fold into it must bump
/// that version. This pins the snapshot of a fixed session to the version:
/// when it fails, bump `Snapshot::VERSION` (in `src/domain/snapshot.rs`) and
/// put the new pair here.
#[test]
fn the_snapshot_of_a_fixed_session_is_pinned_to_its_version() {
    let session = replay(&fixtures::large_session(2_000));
    let bytes = serde_json::to_vec(&Snapshot::of(&session)).unwrap();
    let pin = (Snapshot::VERSION, crc32fast::hash(&bytes));
    assert_eq!(
        pin,
        (5, 0x39ba_0aba),
        "the snapshot of the fixed session changed: bump Snapshot::VERSION and pin the new pair"
    );
}
