//! Who sits at a terminal ([`Role`]): its domain actor, whether it sees
//! private notes, and which key ops it can use (its help lists only those),
//! before and after the end.
//! Must not say what an op does (`tui::ops`).

use super::keymap::Op;
use crate::domain::Actor;

/// Who sits at this terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Drives the session; the projector layout.
    Facilitator,
    /// Takes notes; private notes shown, forms first; can't end the session.
    Notetaker,
    /// Read-only mirror with the projector layout.
    Viewer,
}

impl Role {
    /// The domain actor of this role.
    pub fn actor(self) -> Actor {
        match self {
            Role::Facilitator => Actor::Facilitator,
            Role::Notetaker => Actor::Notetaker,
            Role::Viewer => Actor::Viewer,
        }
    }

    /// Whether this role's terminal can do what `op` does (its help lists
    /// only those): a viewer only looks; a notetaker does all but end.
    pub fn can(self, op: Op) -> bool {
        let looks = matches!(
            op,
            Op::Help
                | Op::Quit
                | Op::Cancel
                | Op::NextPanel
                | Op::PrevPanel
                | Op::Up
                | Op::Down
                | Op::SwitchLanguage
        );
        match self {
            Role::Facilitator => true,
            Role::Notetaker => op != Op::End,
            Role::Viewer => looks,
        }
    }

    /// Whether this role's terminal can do what `op` does once the session
    /// has `ended` or not: after the end the notetaker can rewrite the
    /// minutes with its corrections (`End` then rewrites, it no longer ends).
    pub fn can_when(self, op: Op, ended: bool) -> bool {
        self.can(op) || (ended && op == Op::End && self == Role::Notetaker)
    }

    /// Whether private notes are shown.
    pub fn sees_private(self) -> bool {
        self == Role::Notetaker
    }
}
