//! Each command once: the host's memory of the commands it answered, by the
//! id their sender gave them (the client's id and its number). A repeat — a
//! client that got no answer and asks again, on the same connection or a
//! new one — is answered with the first outcome instead of being run again.
//! The memory is bounded (the latest [`RECENT`] commands) and, for commands
//! that were stored, rebuilt from the store when the host starts (the id is
//! stored with the event), so a retry after a restart is recognised too.
//! Owns that memory; must not run commands or touch sockets.

use std::collections::{HashMap, VecDeque};

use super::proto::ToClient;
use crate::engine::{CommandId, Engine};

/// How many answered commands the host remembers (and, at its first
/// command, how many stored events it reads back for their ids).
pub const RECENT: usize = 4096;

/// The answers to the latest commands, by id.
#[derive(Debug, Default)]
pub struct Answered {
    answers: HashMap<CommandId, ToClient>,
    order: VecDeque<CommandId>,
    loaded: bool,
}

impl Answered {
    /// The first answer to command `id`, if it was answered (or stored,
    /// before a restart). Reads the ids stored with the latest events the
    /// first time it is asked.
    pub fn first(&mut self, engine: &Engine, id: CommandId) -> Option<ToClient> {
        if !self.loaded {
            self.loaded = true;
            self.load(engine);
        }
        self.answers.get(&id).cloned()
    }

    /// Remembers the answer to command `id`, forgetting the oldest beyond
    /// [`RECENT`].
    pub fn remember(&mut self, id: CommandId, answer: ToClient) {
        if self.answers.insert(id, answer).is_none() {
            self.order.push_back(id);
        }
        while self.order.len() > RECENT {
            if let Some(old) = self.order.pop_front() {
                self.answers.remove(&old);
            }
        }
    }

    /// The commands stored with an id among the latest events: each was
    /// acknowledged with the seq of its (last) event. A log that can't be
    /// read leaves the memory empty (the open already read its end).
    fn load(&mut self, engine: &Engine) {
        let n = u64::try_from(RECENT).unwrap_or(u64::MAX);
        for (id, seq) in engine.recent_sent(n).unwrap_or_default() {
            self.remember(id, ToClient::Ack { id: id.number, seq });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_answers_are_forgotten_beyond_the_bound() {
        let mut answered = Answered {
            loaded: true,
            ..Answered::default()
        };
        let id = |number| CommandId { client: 9, number };
        for n in 0..=RECENT as u64 {
            answered.remember(id(n), ToClient::Ack { id: n, seq: n + 1 });
        }
        assert_eq!(answered.answers.len(), RECENT);
        assert!(!answered.answers.contains_key(&id(0)));
        assert_eq!(
            answered.answers.get(&id(RECENT as u64)),
            Some(&ToClient::Ack {
                id: RECENT as u64,
                seq: RECENT as u64 + 1
            })
        );
        // The same id again keeps its place and its one entry.
        answered.remember(id(5), ToClient::Ack { id: 5, seq: 6 });
        assert_eq!(answered.order.len(), RECENT);
    }
}
