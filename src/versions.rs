//! Every version number fgd writes into what it stores or sends, in one
//! place, with what bumps each. Owns the numbers of the store and the live
//! protocol and re-exports the two that belong to other modules (the
//! `session.json` format and the state's fold); must not hold anything else.
//! A value here never changes without the change its comment names, and a
//! stored file of an older number must still be read (or refused plainly).

/// The storage schema of a session directory (the `schema` file and the key
/// inside the sled database). Bump it when the layout of the database or of
/// its records changes (keys, trees, how an event is encoded); a session of
/// a newer schema is refused untouched.
pub const STORE_SCHEMA: u32 = 1;

/// The encoding of the `snapshot` file (its header line and body). Bump it
/// when that encoding changes; a snapshot of another version is ignored and
/// the log replayed.
pub const SNAPSHOT_FORMAT: u32 = 1;

/// The state's shape and fold (`domain::Snapshot::VERSION`, owned by the
/// domain): bumped whenever `apply`, undo or a field of the state changes,
/// so stored snapshots of the old fold are not used.
pub const STATE: u32 = crate::domain::Snapshot::VERSION;

/// The live protocol between `fgd run` and its clients (NDJSON messages).
/// Bump it when a message or a field changes meaning; a peer of another
/// version is refused with a message naming both. 2: the hello carries the
/// client's id (commands are recorded once per id), the welcome the state
/// instead of the log, the log sent on request, and the refusals
/// `too_many` and `ahead_of_clock`, which a peer of 1 could not read; the
/// event `session_edited` and the refusal `date_fixed`. 3: the commands
/// `score` and `announce_scores`, `votes` on `add_decision`, `presenter` on
/// `add_agenda_item`, their events and refusals. Not bumped for the optional
/// `indonesian` words on `failed` and `refused` (an older peer ignores or lacks them).
pub const LIVE_PROTOCOL: u32 = 3;

/// The `session.json` format (owned by `export::json`): bumped when the
/// exported events or state change shape; `fgd import` reads it back.
pub use crate::export::json::VERSION as SESSION_JSON;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_versions_are_the_ones_stored_today() {
        assert_eq!(
            (
                STORE_SCHEMA,
                SNAPSHOT_FORMAT,
                STATE,
                LIVE_PROTOCOL,
                SESSION_JSON
            ),
            (1, 1, 5, 3, 3)
        );
    }
}
