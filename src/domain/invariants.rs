//! The invariants every reachable state keeps, checked by tests and after a
//! stored or imported log is replayed. Reads the state only; each broken
//! invariant is a variant of [`Broken`], worded as before.

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::session::Session;
use super::types::{ItemStatus, SpeakKind, Status};

/// The first invariant a state breaks.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Broken {
    /// More than one active agenda item.
    #[error("{0} agenda items are active")]
    SeveralActive(usize),
    /// An active item outside a running session.
    #[error("an item is active while the session is {0}")]
    ActiveWhileNotRunning(Status),
    /// One participant queued twice for one kind.
    #[error("{0} is queued twice as {1}")]
    QueuedTwice(String, SpeakKind),
    /// More talk than live time.
    #[error("{code} talked {secs}s in {live}s of live time")]
    TalkedTooLong {
        /// Participant code.
        code: String,
        /// Seconds talked.
        secs: i64,
        /// Seconds of live time.
        live: i64,
    },
    /// A code shared.
    #[error("two participants share a code")]
    SharedCode,
    /// Paused without an open pause.
    #[error("paused without an open pause")]
    PausedWithoutPause,
    /// An open pause while not paused.
    #[error("an open pause while not paused")]
    OpenPause,
    /// A pause that begins before the one before it ended.
    #[error("the pauses are out of order")]
    PausesOutOfOrder,
    /// A speaker after the end.
    #[error("someone is speaking after the end")]
    SpeakingAfterEnd,
    /// Queued hands after the end.
    #[error("hands are still queued after the end")]
    QueuedAfterEnd,
    /// Someone who took part is not marked present.
    #[error("{0} took part but is not marked present")]
    TookPartAbsent(String),
}

impl Session {
    /// Checks the invariants every reachable state keeps; returns the first
    /// broken one. Used by tests and after replaying a stored log.
    pub fn check_invariants(&self, now: DateTime<Utc>) -> Result<(), Broken> {
        let active = self
            .agenda
            .iter()
            .filter(|i| i.status == ItemStatus::Active)
            .count();
        if active > 1 {
            return Err(Broken::SeveralActive(active));
        }
        if active == 1 && !matches!(self.status, Status::Live | Status::Paused) {
            return Err(Broken::ActiveWhileNotRunning(self.status));
        }
        for (i, a) in self.queue.iter().enumerate() {
            if self.queue[..i]
                .iter()
                .any(|b| b.code.eq_ignore_ascii_case(&a.code) && b.kind == a.kind)
            {
                return Err(Broken::QueuedTwice(a.code.clone(), a.kind));
            }
        }
        let live = self.elapsed_secs(now);
        for stat in self.talk_stats(now) {
            if stat.secs > live {
                return Err(Broken::TalkedTooLong {
                    code: stat.code,
                    secs: stat.secs,
                    live,
                });
            }
        }
        self.check_header()
    }

    fn check_header(&self) -> Result<(), Broken> {
        let mut codes: Vec<String> = self
            .participants
            .iter()
            .map(|p| p.code.to_uppercase())
            .collect();
        codes.sort();
        if codes.windows(2).any(|w| w[0] == w[1]) {
            return Err(Broken::SharedCode);
        }
        if self.status == Status::Paused && self.pauses.last().is_none_or(|p| p.end.is_some()) {
            return Err(Broken::PausedWithoutPause);
        }
        if self.status != Status::Paused && self.pauses.iter().any(|p| p.end.is_none()) {
            return Err(Broken::OpenPause);
        }
        if self
            .pauses
            .windows(2)
            .any(|w| w[0].end.is_none_or(|end| end > w[1].start))
        {
            return Err(Broken::PausesOutOfOrder);
        }
        if self.status == Status::Ended && self.speaking.is_some() {
            return Err(Broken::SpeakingAfterEnd);
        }
        if self.status == Status::Ended && !self.queue.is_empty() {
            return Err(Broken::QueuedAfterEnd);
        }
        self.check_attendance()
    }

    /// Attendance follows participation: everyone who took part is present.
    fn check_attendance(&self) -> Result<(), Broken> {
        let absent: std::collections::HashSet<String> = self
            .participants()
            .filter(|p| !p.present)
            .map(|p| p.code.to_uppercase())
            .collect();
        if absent.is_empty() {
            return Ok(());
        }
        match self
            .participation()
            .find(|(code, _)| absent.contains(&code.to_uppercase()))
        {
            Some((code, _)) => Err(Broken::TookPartAbsent(code.to_owned())),
            None => Ok(()),
        }
    }
}
