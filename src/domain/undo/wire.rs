//! How the undo log is written and read back: its maps as lists in a fixed
//! order (the same stacks always give the same bytes), checked on the way
//! in. Owns only the wire form of [`UndoLog`].

use std::collections::VecDeque;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Entry, Slot, UNDO_DEPTH, UndoLog};
use crate::domain::session::Seq;
use crate::domain::types::Actor;

/// How the undo log is written: maps as lists in a fixed order.
#[derive(Serialize)]
struct UndoLogOut<'a> {
    stacks: Vec<(Actor, &'a VecDeque<Entry>)>,
    versions: Vec<(Slot, Seq)>,
}

#[derive(Deserialize)]
struct UndoLogIn {
    stacks: Vec<(Actor, VecDeque<Entry>)>,
    versions: Vec<(Slot, Seq)>,
}

impl Serialize for UndoLog {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut stacks: Vec<(Actor, &VecDeque<Entry>)> =
            self.stacks.iter().map(|(a, s)| (*a, s)).collect();
        stacks.sort_unstable_by_key(|(a, _)| *a);
        let mut versions: Vec<(Slot, Seq)> = self.versions.iter().map(|(s, v)| (*s, *v)).collect();
        versions.sort_unstable();
        UndoLogOut { stacks, versions }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for UndoLog {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let wire = UndoLogIn::deserialize(deserializer)?;
        let mut log = UndoLog::default();
        for (actor, stack) in wire.stacks {
            // `revert` drops an emptied stack, so a stored one is never empty.
            if stack.is_empty() || stack.len() > UNDO_DEPTH {
                return Err(D::Error::custom("an undo stack of a wrong depth"));
            }
            if log.stacks.insert(actor, stack).is_some() {
                return Err(D::Error::custom("two undo stacks for one actor"));
            }
        }
        for (slot, seq) in wire.versions {
            if log.versions.insert(slot, seq).is_some() {
                return Err(D::Error::custom("two versions for one slot"));
            }
        }
        Ok(log)
    }
}
