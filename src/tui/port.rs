//! The screen's one door to the session. The facilitator's terminal holds the
//! session itself ([`LocalPort`], over the engine); tests use the same port on
//! a temporary data directory.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::domain::{Actor, Command, DomainError, Seq, Session};
use crate::engine::{Engine, ExecError};

/// Why a command did not go through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The rules refused it (the screen words it in its language).
    Rule(DomainError),
    /// It could not be stored or sent.
    Failed(String),
}

/// What the screen needs from wherever the session lives.
pub trait Port {
    /// The session as it is now.
    fn session(&self) -> &Session;
    /// Runs a command from this terminal; the reason when it is refused or
    /// could not be stored.
    fn execute(&mut self, cmd: Command, now: DateTime<Utc>) -> Result<Seq, Refusal>;
    /// Writes the minutes under `out`; the paths written.
    fn export(&mut self, out: &Path) -> Result<Vec<PathBuf>, String>;
    /// Who this terminal is.
    fn actor(&self) -> Actor;
    /// Something to tell the user about the last command that went through
    /// all the same (a side file that could not be refreshed), once.
    fn take_notice(&mut self) -> Option<String> {
        None
    }
    /// Why the session can't be reached right now, if it can't.
    fn trouble(&self) -> Option<String> {
        None
    }
}

/// A session held by this process.
#[derive(Debug)]
pub struct LocalPort {
    engine: Engine,
    actor: Actor,
    notice: Option<String>,
}

impl LocalPort {
    /// A port over an open engine.
    pub fn new(engine: Engine, actor: Actor) -> LocalPort {
        LocalPort {
            engine,
            actor,
            notice: None,
        }
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }
}

impl Port for LocalPort {
    fn session(&self) -> &Session {
        self.engine.session()
    }

    fn execute(&mut self, cmd: Command, now: DateTime<Utc>) -> Result<Seq, Refusal> {
        let result = self
            .engine
            .execute_now(cmd, now, self.actor)
            .map_err(|e| match e {
                ExecError::Domain(d) => Refusal::Rule(d),
                ExecError::Store(s) => Refusal::Failed(format!("not saved: {s}")),
            });
        if let Some(w) = self.engine.take_warning() {
            self.notice = Some(format!("saved, but: {w}"));
        }
        result
    }

    fn export(&mut self, out: &Path) -> Result<Vec<PathBuf>, String> {
        let log = self.engine.log().map_err(|e| e.to_string())?;
        crate::export::write_minutes(self.engine.session(), &log, out).map_err(|e| e.to_string())
    }

    fn actor(&self) -> Actor {
        self.actor
    }

    fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }
}
