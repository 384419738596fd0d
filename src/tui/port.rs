//! The screen's one door to the session. The facilitator's terminal holds the
//! session itself ([`LocalPort`], over the engine, and hosts the other
//! terminals through a `live::Host`); a joined terminal reaches it through a
//! [`RemotePort`] over a `live::Client`. Tests use the same ports on a
//! temporary data directory. What became of a command comes back typed
//! ([`Refusal`], [`Notice`]); the screen words it (`i18n::outcome`): this
//! file holds no words.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::domain::{Actor, Command, Recorded, Seq, Session};
use crate::engine::{Engine, When};
pub use crate::engine::{Notice, Refusal};
use crate::store::StoreError;
use crate::store::drafts::DraftFile;

/// Why the minutes could not be written.
#[derive(Debug, Error)]
pub enum ExportFailed {
    /// The session's log could not be read.
    #[error(transparent)]
    Log(#[from] StoreError),
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] std::io::Error),
    /// The host did not send the log (a joined terminal fetches it to
    /// write `session.json`).
    #[error(transparent)]
    Remote(#[from] crate::engine::LogUnavailable),
}

/// What keeps the session out of reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The host went away; reconnecting.
    Disconnected,
    /// The host refuses this terminal, with its reason.
    Refused(crate::engine::HostWords),
    /// The session ended and the facilitator's terminal closed: nothing
    /// more will come.
    Ended,
}

/// What the screen needs from wherever the session lives.
pub trait Port {
    /// The session as it is now.
    fn session(&self) -> &Session;
    /// Runs a command from this terminal; the reason when it is refused or
    /// could not be stored.
    fn execute(&mut self, cmd: Command, now: DateTime<Utc>) -> Result<Seq, Refusal>;
    /// Writes the minutes under `out`; the paths written.
    fn export(&mut self, out: &Path) -> Result<Vec<PathBuf>, ExportFailed>;
    /// Who this terminal is.
    fn actor(&self) -> Actor;
    /// Something to tell the user about the last command that went through
    /// all the same (a side file that could not be refreshed), once.
    fn take_notice(&mut self) -> Option<Notice> {
        None
    }
    /// Why the session can't be reached right now, if it can't.
    fn trouble(&self) -> Option<Trouble> {
        None
    }
    /// The events other terminals made since the last call (the latest
    /// few), so the screen can say who changed what.
    fn take_others(&mut self) -> Vec<Recorded> {
        Vec::new()
    }
    /// The roles of the other terminals connected to this one's session
    /// (the host knows them; a joined terminal does not).
    fn connected(&self) -> Vec<Actor> {
        Vec::new()
    }
    /// Keeps what this terminal has typed in an open form (`None`: no form
    /// open, or nothing typed), so that no kill loses it.
    fn keep_draft(&mut self, _draft: Option<&[u8]>) {}
    /// What this terminal had typed in a form when it last stopped.
    fn draft(&self) -> Option<Vec<u8>> {
        None
    }
    /// Takes in what other terminals did (and, for a joined terminal,
    /// reconnects); true when the session changed. The event loop calls it
    /// on every wake.
    fn pump(&mut self, _now: DateTime<Utc>) -> bool {
        false
    }
}

/// A session held by this process, hosting other terminals when a host is
/// attached.
#[derive(Debug)]
pub struct LocalPort {
    engine: Engine,
    actor: Actor,
    notice: Option<Notice>,
    #[cfg(unix)]
    host: Option<crate::live::Host>,
    draft: DraftFile,
}

impl LocalPort {
    /// A port over an open engine.
    pub fn new(engine: Engine, actor: Actor) -> LocalPort {
        LocalPort {
            draft: DraftFile::new(engine.store().dir(), role_file(actor)),
            engine,
            actor,
            notice: None,
            #[cfg(unix)]
            host: None,
        }
    }

    /// Serves other terminals through `host` from now on.
    #[cfg(unix)]
    #[must_use]
    pub fn with_host(mut self, host: crate::live::Host) -> LocalPort {
        self.host = Some(host);
        self
    }

    /// The host serving other terminals, if any.
    #[cfg(unix)]
    pub fn host(&self) -> Option<&crate::live::Host> {
        self.host.as_ref()
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }
}

/// The part of a draft file's name that says whose it is.
fn role_file(actor: Actor) -> &'static str {
    match actor {
        Actor::Facilitator => "facilitator",
        Actor::Notetaker => "notetaker",
        Actor::Viewer => "viewer",
        Actor::Script => "script",
    }
}

impl Port for LocalPort {
    fn keep_draft(&mut self, draft: Option<&[u8]>) {
        // A draft is a kindness, not a record: a disk that refuses it must
        // not stop the typing (the form is still on screen).
        let _ = self.draft.keep(draft);
    }

    fn draft(&self) -> Option<Vec<u8>> {
        self.draft.read()
    }

    fn session(&self) -> &Session {
        self.engine.session()
    }

    fn execute(&mut self, cmd: Command, now: DateTime<Utc>) -> Result<Seq, Refusal> {
        let result = self.engine.execute(cmd, When::Now(now), self.actor);
        if let Some(n) = self.engine.take_notice() {
            self.notice = Some(n);
        }
        let done = result?;
        #[cfg(unix)]
        if let Some(host) = &mut self.host {
            host.broadcast(&done.events);
        }
        Ok(done.seq)
    }

    #[cfg(unix)]
    fn pump(&mut self, now: DateTime<Utc>) -> bool {
        let Some(host) = &mut self.host else {
            return false;
        };
        let changed = host.serve(&mut self.engine, now) | host.take_peers_changed();
        if let Some(n) = host.take_notice() {
            self.notice = Some(n);
        }
        if let Some(n) = self.engine.take_notice() {
            self.notice = Some(n);
        }
        changed
    }

    fn export(&mut self, out: &Path) -> Result<Vec<PathBuf>, ExportFailed> {
        let log = self.engine.log()?;
        Ok(crate::export::write_minutes(
            self.engine.session(),
            &log,
            out,
        )?)
    }

    fn actor(&self) -> Actor {
        self.actor
    }

    fn take_notice(&mut self) -> Option<Notice> {
        self.notice.take()
    }

    #[cfg(unix)]
    fn take_others(&mut self) -> Vec<Recorded> {
        self.host
            .as_mut()
            .map(crate::live::Host::take_foreign)
            .unwrap_or_default()
    }

    #[cfg(unix)]
    fn connected(&self) -> Vec<Actor> {
        self.host
            .as_ref()
            .map(crate::live::Host::roles)
            .unwrap_or_default()
    }
}

/// A session hosted by another terminal's `fgd run`, reached over its socket.
#[cfg(unix)]
#[derive(Debug)]
pub struct RemotePort {
    client: crate::live::Client,
    draft: Option<DraftFile>,
}

#[cfg(unix)]
impl RemotePort {
    /// A port over a joined client.
    pub fn new(client: crate::live::Client) -> RemotePort {
        RemotePort {
            client,
            draft: None,
        }
    }

    /// Keeps this terminal's form drafts in `session_dir` (the joined
    /// session's directory on this machine).
    #[must_use]
    pub fn with_drafts(mut self, session_dir: &Path) -> RemotePort {
        self.draft = Some(DraftFile::new(session_dir, role_file(self.client.role())));
        self
    }

    /// The client.
    pub fn client(&self) -> &crate::live::Client {
        &self.client
    }
}

#[cfg(unix)]
impl Port for RemotePort {
    fn keep_draft(&mut self, draft: Option<&[u8]>) {
        if let Some(file) = &mut self.draft {
            let _ = file.keep(draft);
        }
    }

    fn draft(&self) -> Option<Vec<u8>> {
        self.draft.as_ref().and_then(DraftFile::read)
    }

    fn session(&self) -> &Session {
        self.client.session()
    }

    fn execute(&mut self, cmd: Command, _now: DateTime<Utc>) -> Result<Seq, Refusal> {
        // The host stamps the time: one clock for every terminal.
        self.client.execute(cmd, None)
    }

    fn export(&mut self, out: &Path) -> Result<Vec<PathBuf>, ExportFailed> {
        // Every format, `session.json` too: it needs the log.
        let log = self.client.fetch_log()?;
        Ok(crate::export::write_minutes(
            self.client.session(),
            &log,
            out,
        )?)
    }

    fn actor(&self) -> Actor {
        self.client.role()
    }

    fn trouble(&self) -> Option<Trouble> {
        self.client.trouble().map(|t| match t {
            crate::live::Trouble::Disconnected => Trouble::Disconnected,
            crate::live::Trouble::Refused(why) => Trouble::Refused(why.clone()),
            crate::live::Trouble::Ended => Trouble::Ended,
        })
    }

    fn take_others(&mut self) -> Vec<Recorded> {
        self.client.take_foreign()
    }

    fn pump(&mut self, _now: DateTime<Utc>) -> bool {
        self.client.pump()
    }
}
