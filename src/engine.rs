//! The one path every command takes: decide → store (durable) → apply.
//! `fgd apply`, the TUI and the live host all change a session through an
//! [`Engine`]; it keeps the state in memory and the store on disk, and
//! refreshes `meta.json`, the `session.json` backup and the state snapshot
//! when they go stale. The event log stays in the store: it is read only for
//! what needs all of it (exports, the backup). What became of a command
//! ([`Refusal`], [`Notice`]) is typed in `outcome.rs`, shared by the
//! terminal's port, the live host and client and `fgd apply`.

mod follow_up;
mod outcome;
pub mod repair;

use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

pub use outcome::{
    Executed, HostWords, LogUnavailable, NotStored, Notice, PeerRefusal, Refusal, Unsure,
};

use crate::domain::{
    Actor, Command, DomainError, Recorded, Seq, Session, Snapshot, Status, apply, decide, replay,
};
use crate::export;
use crate::plan::Plan;
pub use crate::store::CommandId;
use crate::store::{BackupWriter, DataDir, Meta, SessionStore, SnapshotUse, StoreError};

/// How many events an engine lets pass before it writes a new snapshot of the
/// state (on the writer thread); an open replays at most about this many.
pub const SNAPSHOT_EVERY: u64 = 500;

/// Environment variable that overrides [`SNAPSHOT_EVERY`] (a positive
/// number), for tests that want snapshots written all the time.
pub const SNAPSHOT_EVERY_ENV: &str = "FGD_SNAPSHOT_EVERY";

fn snapshot_every() -> u64 {
    std::env::var(SNAPSHOT_EVERY_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(SNAPSHOT_EVERY)
}

/// When a command happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// At exactly this time (a script replaying a session).
    At(DateTime<Utc>),
    /// Now, by the system clock: held back to the last event's time if the
    /// clock has stepped back.
    Now(DateTime<Utc>),
}

impl When {
    /// `at` when given, else `now`.
    pub fn given_or_now(at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> When {
        at.map_or(When::Now(now), When::At)
    }
}

/// An open session: state and store.
#[derive(Debug)]
pub struct Engine {
    // Declared first so it is dropped first: the last backup and snapshot
    // are written while the session lock is still held.
    backup: BackupWriter,
    store: SessionStore,
    session: Session,
    /// Seq of the latest snapshot written or queued (0: none).
    snapshot_seq: Seq,
    snapshot_every: u64,
    opened_from: SnapshotUse,
    warning: Option<StoreError>,
}

/// Decides and applies `commands` in order on an in-memory session, giving
/// the events they record, or the index and reason of the first refused one.
pub fn build(
    session: &mut Session,
    commands: impl IntoIterator<Item = Command>,
    at: DateTime<Utc>,
    actor: Actor,
) -> Result<Vec<Recorded>, (usize, DomainError)> {
    let mut out = Vec::new();
    for (i, cmd) in commands.into_iter().enumerate() {
        let events = decide(session, cmd, at, actor).map_err(|e| (i, e))?;
        for event in events {
            let rec = Recorded {
                seq: session.last_seq + 1,
                at,
                actor,
                event,
            };
            apply(session, &rec);
            out.push(rec);
        }
    }
    Ok(out)
}

impl Engine {
    /// Stores a new session made of `events` (from [`build`]) under its id.
    // It takes the log by value, as it did when the engine kept it in memory,
    // so the live host and the CLI need not change.
    #[allow(clippy::needless_pass_by_value)]
    pub fn create(
        data: &DataDir,
        events: Vec<Recorded>,
        now: DateTime<Utc>,
    ) -> Result<Engine, StoreError> {
        let session = replay(&events);
        let backup = export::json::render(&session, &events);
        let store = SessionStore::create(
            data,
            &session.info.id,
            &events,
            &Meta::of(&session, now),
            &backup,
        )?;
        Ok(Engine {
            backup: BackupWriter::new(),
            store,
            session,
            snapshot_seq: 0,
            snapshot_every: snapshot_every(),
            opened_from: SnapshotUse::Missing,
            warning: None,
        })
    }

    /// Opens a stored session (taking its lock): restores its latest
    /// snapshot and replays the events after it (the whole log without one).
    /// A `meta.json` that does not tell what the log holds (a process killed
    /// between storing an event and rewriting it, or a damaged file) is
    /// rewritten, so `fgd list` tells the truth again.
    pub fn open(data: &DataDir, id: &str) -> Result<Engine, StoreError> {
        let (store, resume) = SessionStore::open(data, id).map_err(|e| repair::counted(data, e))?;
        let mut session = resume
            .snapshot
            .map_or_else(Session::default, Snapshot::restore);
        for rec in &resume.events {
            apply(&mut session, rec);
        }
        let last = session.last_at.unwrap_or_default();
        let meta = Meta::of(&session, last);
        let stale = store.read_meta().is_none_or(|m| {
            (&m.id, &m.title, m.date, m.status) != (&meta.id, &meta.title, meta.date, meta.status)
        });
        let warning = if stale {
            store.write_meta(&meta).err()
        } else {
            None
        };
        Ok(Engine {
            backup: BackupWriter::new(),
            store,
            snapshot_seq: match resume.used {
                SnapshotUse::Used(seq) => seq,
                SnapshotUse::Missing | SnapshotUse::Ignored(_) => 0,
            },
            session,
            snapshot_every: snapshot_every(),
            opened_from: resume.used,
            warning,
        })
    }

    /// The session as it is now.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Every event so far, read from the store (the engine does not keep
    /// them: only exports need all of them).
    pub fn log(&self) -> Result<Vec<Recorded>, StoreError> {
        self.store.read_log()
    }

    /// The ids senders gave the commands that recorded the last `n` events,
    /// with the seq of each event (a host that restarts reads them to know
    /// the commands it stored before).
    pub fn recent_sent(&self, n: u64) -> Result<Vec<(CommandId, Seq)>, StoreError> {
        self.store.recent_sent(n)
    }

    /// Which snapshot the open resumed from (or why none).
    pub fn opened_from(&self) -> &SnapshotUse {
        &self.opened_from
    }

    /// The store (for its directory).
    pub fn store(&self) -> &SessionStore {
        &self.store
    }

    /// Runs a command: decides, stores durably, applies. Gives the seq of
    /// its (last) event and the events it recorded (for a host to send to
    /// its clients).
    pub fn execute(&mut self, cmd: Command, when: When, actor: Actor) -> Result<Executed, Refusal> {
        self.execute_sent(cmd, when, actor, None)
    }

    /// [`Engine::execute`] for a command a terminal sent through the host
    /// with its id, stored with the event so a host that restarts still
    /// knows the command was stored.
    pub fn execute_sent(
        &mut self,
        cmd: Command,
        when: When,
        actor: Actor,
        sent: Option<CommandId>,
    ) -> Result<Executed, Refusal> {
        let at = match when {
            When::At(at) => {
                crate::domain::limits::not_ahead(at, Utc::now())?;
                at
            }
            When::Now(now) => self.session.last_at.map_or(now, |last| now.max(last)),
        };
        let events = decide(&self.session, cmd, at, actor)?;
        let first = self.session.last_seq + 1;
        let recs: Vec<Recorded> = events
            .into_iter()
            .zip(first..)
            .map(|(event, seq)| Recorded {
                seq,
                at,
                actor,
                event,
            })
            .collect();
        self.store.append_sent(&recs, sent)?;
        let status = self.session.status;
        for rec in &recs {
            apply(&mut self.session, rec);
        }
        self.refresh(status, at, &recs);
        Ok(Executed {
            seq: self.session.last_seq,
            events: recs,
        })
    }

    /// Refreshes the side files after `recs` were stored and applied: the
    /// command is durable from here on, so a failure is kept as a warning,
    /// never turned into a failed command.
    fn refresh(&mut self, status_before: Status, at: DateTime<Utc>, recs: &[Recorded]) {
        if self.session.status != status_before
            && let Err(e) = self.store.write_meta(&Meta::of(&self.session, at))
        {
            self.warning = Some(e);
        }
        if recs.iter().any(|r| r.event.changes_agenda()) {
            self.queue_backup();
        }
        if self.session.last_seq >= self.snapshot_seq + self.snapshot_every {
            self.queue_snapshot();
        }
    }

    /// Queues a rewrite of the `session.json` backup on the writer thread
    /// (rendering a large session's backup takes long enough to freeze a
    /// screen; the thread reads the log itself). Dropping the engine waits
    /// for it.
    pub fn queue_backup(&self) {
        let session = self.session.clone();
        let job = self.store.backup_job(session.last_seq, move |log| {
            export::json::render(&session, log)
        });
        self.backup.submit(job);
    }

    /// Queues a snapshot of the state as it is now on the writer thread.
    fn queue_snapshot(&mut self) {
        if let Some(job) = self.store.snapshot_job(self.session.clone()) {
            self.snapshot_seq = self.session.last_seq;
            self.backup.submit(job);
        }
    }

    /// The same failure as a [`Notice`] for a screen, once.
    pub fn take_notice(&mut self) -> Option<Notice> {
        self.take_warning()
            .map(|w| Notice::StoredBut(std::sync::Arc::new(w)))
    }

    /// A failure to refresh `meta.json`, `session.json` or the snapshot
    /// after a command that was stored all the same, once.
    pub fn take_warning(&mut self) -> Option<StoreError> {
        if let Some((path, failure)) = self.backup.take_failure() {
            return Some(StoreError::Io {
                path,
                source: std::io::Error::other(failure),
            });
        }
        self.warning.take()
    }
}

impl Drop for Engine {
    /// A clean close leaves a snapshot of the last event, so the next open
    /// replays nothing (written before the writer thread and the lock go).
    fn drop(&mut self) {
        if self.session.last_seq > self.snapshot_seq {
            self.queue_snapshot();
        }
    }
}

/// Why a new session could not be made.
#[derive(Debug, Error)]
pub enum CreateError {
    /// The plan (or title) is refused by the rules.
    #[error("can't create the session: {0}")]
    Refused(DomainError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Creates and stores a session from `plan` (following up `prev` if given),
/// under a fresh id made of its date and title; returns the open engine.
/// The session is dated as [`create_dated`] says with no date given.
pub fn create_from_plan(
    data: &DataDir,
    plan: &Plan,
    prev: Option<&Session>,
    now: DateTime<Utc>,
) -> Result<Engine, CreateError> {
    create_dated(data, plan, prev, None, now)
}

/// The planned date of a new session: `given` when given; else the plan's
/// date, unless it follows up `prev` (a plan's date is its first meeting's);
/// else the day of `now` in the plan's zone.
pub fn planned_date(
    plan: &Plan,
    prev: Option<&Session>,
    given: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> NaiveDate {
    given
        .or(plan.date.filter(|_| prev.is_none()))
        .unwrap_or_else(|| plan.zone.date_of(now))
}

/// [`create_from_plan`] on the date `given` (see [`planned_date`]), with every
/// creation event stamped `now`, which may be in the past (a meeting
/// replayed from its beginning). A follow-up's meeting number is its
/// predecessor's plus one; its title's placeholders are filled for it.
pub fn create_dated(
    data: &DataDir,
    plan: &Plan,
    prev: Option<&Session>,
    given: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<Engine, CreateError> {
    let day = planned_date(plan, prev, given, now);
    let meeting = prev.map_or(1, |p| p.info.meeting_number() + 1);
    let title = plan.title_for(day, meeting);
    let base = format!("{day}-{}", crate::ids::slug(&title));
    // Another `fgd new` of the same title may claim the free id first:
    // then the next one is tried.
    let mut tries = 0;
    loop {
        let id = data.free_id(&base);
        let follow_up_of = prev.map(|p| p.info.id.clone());
        let mut commands = plan.commands(&id, day, follow_up_of, meeting);
        if let Some(prev) = prev {
            follow_up::arrange(&mut commands, plan, prev);
        }
        let mut session = Session::default();
        let events = build(&mut session, commands, now, Actor::Facilitator)
            .map_err(|(_, e)| CreateError::Refused(e))?;
        match Engine::create(data, events, now) {
            Err(StoreError::Exists(_)) if tries < CLAIM_TRIES => tries += 1,
            made => return Ok(made?),
        }
    }
}

/// How many ids `fgd new` tries when others claim them at the same instant.
const CLAIM_TRIES: u32 = 100;
