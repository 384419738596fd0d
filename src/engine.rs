//! The one path every command takes: decide → store (durable) → apply.
//! `fgd apply`, the TUI and the live host all change a session through an
//! [`Engine`]; it keeps the state and log in memory, the store on disk, and
//! refreshes `meta.json` and the `session.json` backup when they go stale.

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::domain::{Actor, Command, DomainError, Recorded, Seq, Session, apply, decide, replay};
use crate::export;
use crate::store::{DataDir, Meta, SessionStore, StoreError};

/// Why a command did not go through.
#[derive(Debug, Error)]
pub enum ExecError {
    /// The rules refused it; nothing changed.
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// It could not be stored; nothing changed in memory.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An open session: state, log and store.
#[derive(Debug)]
pub struct Engine {
    store: SessionStore,
    session: Session,
    log: Vec<Recorded>,
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
            store,
            session,
            log: events,
            warning: None,
        })
    }

    /// Opens a stored session (taking its lock) and replays its log.
    pub fn open(data: &DataDir, id: &str) -> Result<Engine, StoreError> {
        let (store, log) = SessionStore::open(data, id)?;
        let session = replay(&log);
        Ok(Engine {
            store,
            session,
            log,
            warning: None,
        })
    }

    /// The session as it is now.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Every event so far.
    pub fn log(&self) -> &[Recorded] {
        &self.log
    }

    /// The store (for its directory).
    pub fn store(&self) -> &SessionStore {
        &self.store
    }

    /// Runs a command at the system time, which is held back to the last
    /// event's time if the clock has stepped back.
    pub fn execute_now(
        &mut self,
        cmd: Command,
        now: DateTime<Utc>,
        actor: Actor,
    ) -> Result<Seq, ExecError> {
        let at = self.session.last_at.map_or(now, |last| now.max(last));
        self.execute(cmd, at, actor)
    }

    /// Runs a command at time `at`: decides, stores durably, applies. Returns
    /// the seq of the (last) event it recorded.
    pub fn execute(
        &mut self,
        cmd: Command,
        at: DateTime<Utc>,
        actor: Actor,
    ) -> Result<Seq, ExecError> {
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
        self.store.append(&recs)?;
        let status = self.session.status;
        for rec in &recs {
            apply(&mut self.session, rec);
        }
        let agenda_changed = recs.iter().any(|r| r.event.changes_agenda());
        self.log.extend(recs);
        // The command is durable from here on: a failure to refresh the side
        // files is reported, not turned into a failed command.
        if self.session.status != status
            && let Err(e) = self.store.write_meta(&Meta::of(&self.session, at))
        {
            self.warning = Some(e);
        }
        if agenda_changed && let Err(e) = self.write_backup() {
            self.warning = Some(e);
        }
        Ok(self.session.last_seq)
    }

    /// A failure to refresh `meta.json` or `session.json` after a command
    /// that was stored all the same, once.
    pub fn take_warning(&mut self) -> Option<StoreError> {
        self.warning.take()
    }

    /// Rewrites the `session.json` backup now.
    pub fn write_backup(&self) -> Result<(), StoreError> {
        self.store
            .write_backup(&export::json::render(&self.session, &self.log))
    }
}
