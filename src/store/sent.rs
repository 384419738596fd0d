//! Who sent a stored event: the id a terminal gave its command when it sent
//! it through the host. It is stored with the event (an extra `sent` field
//! in the event's JSON, which a reader that does not know it ignores), so a
//! host that restarts still recognises a command it stored before and
//! answers a retry with the first outcome instead of recording it twice.
//! Owns that id and its encoding; must not know the rules of an FGD.

use serde::{Deserialize, Serialize};

use crate::domain::Recorded;

/// A command's id from its sender: the sender's own random id (kept across
/// its reconnects) and its number for the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CommandId {
    /// The sender (a live client), random per client.
    pub client: u64,
    /// The sender's number for the command, from 1.
    pub number: u64,
}

/// The stored bytes of `rec`: its JSON, with `sent` when a sender's command
/// recorded it (the same bytes as before otherwise).
pub(super) fn encode(rec: &Recorded, sent: Option<CommandId>) -> serde_json::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(rec)?;
    if let Some(sent) = sent
        && bytes.last() == Some(&b'}')
    {
        bytes.pop();
        bytes.extend_from_slice(b",\"sent\":");
        serde_json::to_writer(&mut bytes, &sent)?;
        bytes.push(b'}');
    }
    Ok(bytes)
}

/// The sender's id stored with an event, if any (only that field is read).
pub(super) fn sent_of(bytes: &[u8]) -> Option<CommandId> {
    #[derive(Deserialize)]
    struct Sent {
        #[serde(default)]
        sent: Option<CommandId>,
    }
    serde_json::from_slice::<Sent>(bytes).ok()?.sent
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Actor, Event};

    #[test]
    fn a_sent_event_reads_back_as_the_same_event_and_its_sender() {
        let rec = Recorded {
            seq: 7,
            at: chrono::DateTime::UNIX_EPOCH,
            actor: Actor::Notetaker,
            event: Event::Paused,
        };
        let plain = encode(&rec, None).unwrap();
        assert_eq!(plain, serde_json::to_vec(&rec).unwrap(), "unchanged");
        assert_eq!(sent_of(&plain), None);
        let id = CommandId {
            client: u64::MAX,
            number: 3,
        };
        let sent = encode(&rec, Some(id)).unwrap();
        assert_eq!(serde_json::from_slice::<Recorded>(&sent).unwrap(), rec);
        assert_eq!(sent_of(&sent), Some(id));
    }
}
