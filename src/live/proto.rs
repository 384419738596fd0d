//! The wire protocol between the host (`fgd run`) and its clients (`fgd join`,
//! and `fgd apply` / `fgd export` while a host runs): newline-delimited JSON,
//! one message per line, versioned.
//!
//! A client opens with [`ToHost::Hello`] (its role and its own random id);
//! the host answers [`ToClient::Welcome`] with the session's state (a
//! `domain::Snapshot`, not the log: a large session's log is megabytes), or
//! [`ToClient::Refused`] naming both protocol versions. After that the host
//! sends every event as it is stored ([`ToClient::Event`]), and answers each
//! [`ToHost::Command`] with [`ToClient::Ack`] (after the event was stored and
//! sent) or a typed [`ToClient::Rejected`] / [`ToClient::Failed`]. A command
//! is known by the client's id and its number: the host records each once
//! and answers a repeat (a retry after no answer, on this connection or a
//! later one, even after the host restarted) with the first outcome. The log
//! itself is sent only on request ([`ToHost::Log`], for an export that
//! writes `session.json` or anonymises).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::{Actor, Command, DomainError, Recorded, Seq, Snapshot};

/// The protocol this build speaks (defined with the others in
/// `versions.rs`). A peer speaking another is refused with a message that
/// names both.
pub use crate::versions::LIVE_PROTOCOL as PROTOCOL_VERSION;

/// The longest line the host accepts (a log sent on request is much
/// larger, so the client's bound is much larger than the host's).
pub const MAX_COMMAND_LINE: usize = 1 << 20;

/// The longest line a client accepts from the host.
pub const MAX_HOST_LINE: usize = 1 << 30;

/// A message from a client to the host.
#[allow(clippy::large_enum_variant)] // one at a time, decoded and consumed at once
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToHost {
    /// The first line: who is joining, speaking which protocol.
    Hello {
        /// The client's protocol version.
        version: u32,
        /// The role it joins as: notetaker, viewer or script.
        role: Actor,
        /// The client's own id, random, kept across its reconnects: with a
        /// command's number it names the command. (Defaulted so that a hello
        /// of another version still reads, and is refused naming both.)
        #[serde(default)]
        client: u64,
    },
    /// A command to decide, store and broadcast.
    Command {
        /// The client's number for it, echoed in the answer; the same number
        /// again (a retry) is answered with the first outcome.
        id: u64,
        /// The command.
        command: Command,
        /// Its time (scripts replaying a session); the host's clock if absent.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<DateTime<Utc>>,
    },
    /// Asks for the whole event log so far (answered [`ToClient::Log`]).
    Log {
        /// The client's number for the request, echoed in the answer.
        id: u64,
    },
}

/// A message from the host to a client.
#[allow(clippy::large_enum_variant)] // one at a time, decoded and consumed at once
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToClient {
    /// The join is accepted: the state so far, then events follow.
    Welcome {
        /// The host's protocol version.
        version: u32,
        /// The session's id.
        session: String,
        /// The state after the last event stored (absent only in a welcome
        /// of another protocol version, which is refused).
        #[serde(default)]
        snapshot: Option<Box<Snapshot>>,
    },
    /// The log asked for with [`ToHost::Log`]: every event up to the last
    /// one sent to this client before it.
    Log {
        /// The client's number for the request.
        id: u64,
        /// Every event so far, in order.
        events: Vec<Recorded>,
    },
    /// The join is refused (another protocol version, a role that can't
    /// join); the connection closes after it.
    Refused {
        /// The host's protocol version.
        version: u32,
        /// Why, and what to do, in English.
        reason: String,
        /// The same in Indonesian; optional, so an older peer still reads
        /// and sends the line.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        indonesian: Option<String>,
    },
    /// An event as it was stored, from any terminal.
    Event {
        /// The event.
        record: Recorded,
    },
    /// The command `id` went through; its (last) event has `seq` and was
    /// sent before this answer.
    Ack {
        /// The client's number for the command.
        id: u64,
        /// Seq of the event it recorded.
        seq: Seq,
    },
    /// The rules refused command `id`; nothing changed.
    Rejected {
        /// The client's number for the command.
        id: u64,
        /// Why.
        error: DomainError,
    },
    /// Command `id` could not be stored; nothing changed.
    Failed {
        /// The client's number for the command.
        id: u64,
        /// What went wrong, in English.
        message: String,
        /// The same in Indonesian, for a screen in Indonesian; optional, so
        /// an older peer still reads and sends the line.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        indonesian: Option<String>,
    },
}

/// One message as a line (with its newline).
pub fn encode<T: Serialize>(msg: &T) -> String {
    // Serializing these types cannot fail: every map key is a string.
    let mut line = serde_json::to_string(msg).unwrap_or_default();
    line.push('\n');
    line
}

/// Reads one line of at most `max` bytes; `Ok(None)` at the end of input.
pub fn read_line(
    reader: &mut impl std::io::BufRead,
    max: usize,
) -> std::io::Result<Option<String>> {
    use std::io::{BufRead as _, Read};
    let mut buf = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let n = reader.by_ref().take(limit).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') {
        if buf.len() > max {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("a line longer than {max} bytes"),
            ));
        }
        // The peer closed in the middle of a line: it never finished it.
        return Ok(None);
    }
    buf.pop();
    String::from_utf8(buf).map(Some).map_err(|_| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, "a line that is not UTF-8")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SpeakKind;

    #[test]
    fn refusals_cross_the_wire_typed() {
        let errors = [
            DomainError::Empty("note text"),
            DomainError::TooLong {
                field: "PIC",
                len: 600,
                max: 500,
            },
            DomainError::UnknownRecord {
                what: "action",
                id: 7,
            },
            DomainError::AlreadyQueued {
                name: "Budi".into(),
                kind: SpeakKind::Reply,
            },
            DomainError::NotSpeaking,
        ];
        for (i, error) in errors.into_iter().enumerate() {
            let msg = ToClient::Rejected {
                id: i as u64,
                error,
            };
            let line = encode(&msg);
            assert!(line.ends_with('\n') && !line[..line.len() - 1].contains('\n'));
            let back: ToClient = serde_json::from_str(&line).unwrap();
            assert_eq!(back, msg, "{line}");
        }
    }

    #[test]
    fn a_command_line_reads_back() {
        let msg = ToHost::Command {
            id: 3,
            command: Command::AddDecision {
                text: "Rapat\ntiap Senin".into(),
                item: None,
                votes: None,
            },
            at: None,
        };
        let line = encode(&msg);
        let mut reader = std::io::Cursor::new(line.into_bytes());
        let got = read_line(&mut reader, MAX_COMMAND_LINE).unwrap().unwrap();
        assert_eq!(serde_json::from_str::<ToHost>(&got).unwrap(), msg);
        assert_eq!(read_line(&mut reader, MAX_COMMAND_LINE).unwrap(), None);
    }

    #[test]
    fn a_failure_carries_its_indonesian_words_and_reads_without_them() {
        use crate::domain::Language;
        use crate::engine::{HostWords, NotStored};
        use crate::i18n::outcome::not_stored;
        let msg = ToClient::Failed {
            id: 4,
            message: "not saved: the disk is full".into(),
            indonesian: Some("tidak tersimpan: disk penuh".into()),
        };
        let line = encode(&msg);
        assert_eq!(serde_json::from_str::<ToClient>(&line).unwrap(), msg);
        // An older host sends English alone: read, English on every screen.
        let old = r#"{"type":"failed","id":4,"message":"not saved"}"#;
        let ToClient::Failed {
            message,
            indonesian,
            ..
        } = serde_json::from_str::<ToClient>(old).unwrap()
        else {
            panic!("{old}");
        };
        assert_eq!(indonesian, None);
        let old = NotStored::Host(HostWords {
            en: message,
            id: indonesian,
        });
        assert_eq!(not_stored(Language::Id, &old), "not saved");
        // A newer host's words follow the screen's language.
        let ToClient::Failed {
            message,
            indonesian,
            ..
        } = msg
        else {
            unreachable!()
        };
        let new = NotStored::Host(HostWords {
            en: message,
            id: indonesian,
        });
        assert_eq!(
            not_stored(Language::Id, &new),
            "tidak tersimpan: disk penuh"
        );
        assert_eq!(
            not_stored(Language::En, &new),
            "not saved: the disk is full"
        );
    }

    #[test]
    fn an_overlong_line_is_an_error_not_a_buffer() {
        let mut reader = std::io::Cursor::new(vec![b'x'; 100]);
        assert!(read_line(&mut reader, 10).is_err());
        let mut cut = std::io::Cursor::new(b"{\"type\":".to_vec());
        assert_eq!(read_line(&mut cut, 10).unwrap(), None);
    }
}
