//! What became of a command, as data: why it did not go through
//! ([`Refusal`]), and what to tell the user after one that went through all
//! the same ([`Notice`]). One type for the engine, the terminal's port, the
//! live host and client and `fgd apply`; each words it in its own language
//! through `i18n::outcome`. Holds no words itself, and must not touch the
//! store, a socket or the terminal.

use std::sync::Arc;

use crate::domain::{DomainError, Recorded, Seq};
use crate::store::StoreError;

/// A command that went through: the seq of its (last) event and the events
/// it recorded (for a host to send to its clients).
#[derive(Debug, Clone, PartialEq)]
pub struct Executed {
    /// Seq of the last event stored (the session's last seq).
    pub seq: Seq,
    /// The events it recorded, in order.
    pub events: Vec<Recorded>,
}

/// Why a command did not go through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The rules refused it; nothing changed.
    Rule(DomainError),
    /// It was not stored; nothing changed.
    NotStored(NotStored),
    /// It was sent to the host, but no answer came: it may have been stored.
    Unsure(Unsure),
}

/// Why a command was not stored.
#[derive(Debug, Clone)]
pub enum NotStored {
    /// This process's store failed.
    Store(Arc<StoreError>),
    /// The host could not store it, in the host's words (from the wire).
    Host(HostWords),
    /// This terminal is disconnected from the host (reconnecting).
    Disconnected,
    /// The connection broke while the command was being sent.
    ConnectionLost,
}

impl PartialEq for NotStored {
    fn eq(&self, other: &NotStored) -> bool {
        match (self, other) {
            (NotStored::Store(a), NotStored::Store(b)) => a.to_string() == b.to_string(),
            (NotStored::Host(a), NotStored::Host(b)) => a == b,
            (NotStored::Disconnected, NotStored::Disconnected)
            | (NotStored::ConnectionLost, NotStored::ConnectionLost) => true,
            (
                NotStored::Store(_)
                | NotStored::Host(_)
                | NotStored::Disconnected
                | NotStored::ConnectionLost,
                _,
            ) => false,
        }
    }
}

impl Eq for NotStored {}

/// The host's words for why it could not store a command: English, and
/// Indonesian where the host sent them too (an older host sends English
/// alone).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostWords {
    /// In English.
    pub en: String,
    /// In Indonesian, if the host sent it.
    pub id: Option<String>,
}

/// Why it is not known whether a command sent to the host was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unsure {
    /// The host did not answer in time (the connection is dropped).
    NoAnswer,
    /// The connection broke before the host answered.
    LostBeforeAnswer,
}

impl std::fmt::Display for Refusal {
    /// In English, as the CLI says it: the rule's own text, else the words
    /// of `i18n::outcome`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Rule(e) => e.fmt(f),
            Refusal::NotStored(_) | Refusal::Unsure(_) => f.write_str(
                &crate::i18n::outcome::refusal(crate::domain::Language::En, self)
                    .unwrap_or_default(),
            ),
        }
    }
}

impl std::error::Error for Refusal {}

impl From<DomainError> for Refusal {
    fn from(e: DomainError) -> Refusal {
        Refusal::Rule(e)
    }
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Refusal {
        Refusal::NotStored(NotStored::Store(Arc::new(e)))
    }
}

/// Why the log could not be fetched from the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogUnavailable {
    /// This terminal is disconnected from the host (reconnecting).
    Disconnected,
    /// The host did not send it in time (the connection is dropped).
    NoAnswer,
    /// The host could not read it, in the host's words.
    Host(String),
    /// The log sent ends elsewhere than the session this terminal mirrors.
    Misfit {
        /// Seq of the log's last event.
        log: Seq,
        /// Seq of the mirror's last event.
        session: Seq,
    },
}

impl std::fmt::Display for LogUnavailable {
    /// In English, as the CLI says it (`i18n::outcome`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::outcome::log_unavailable(
            crate::domain::Language::En,
            self,
        ))
    }
}

impl std::error::Error for LogUnavailable {}

/// Something to tell the user after a command (or a wake) that went
/// through all the same.
#[derive(Debug, Clone)]
pub enum Notice {
    /// The command was stored, but a side file (`meta.json`, `session.json`,
    /// the snapshot) could not be refreshed.
    StoredBut(Arc<StoreError>),
    /// The host refused a connection.
    Peer(PeerRefusal),
}

/// Why the host refused a connection before its hello.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeerRefusal {
    /// A peer of another user.
    OtherUser {
        /// Its uid.
        uid: u32,
        /// Its process.
        pid: i32,
        /// The uid that may join.
        own: u32,
    },
    /// A peer whose user can't be checked (the system's words).
    Unchecked(String),
}
