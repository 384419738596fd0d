//! The `snapshot` file: the latest state of the session (a
//! [`Snapshot`](crate::domain::Snapshot)) with the seq it covers, so an open
//! replays only the events after it. It is a cache of the log, never the
//! truth: one that is missing, damaged, of another version, of another log or
//! ahead of the log is ignored, and the log is replayed from the start.
//!
//! ```text
//! fgd-snapshot FORMAT STATE SEQ CHECK LEN CRC\n   one ASCII line
//! BODY                                            LEN bytes: the snapshot as JSON
//! ```
//!
//! `FORMAT` is this encoding's version, `STATE` the domain's
//! [`Snapshot::VERSION`]; both must be this build's. `CHECK` is the check of
//! event `SEQ` as stored in the log (hex), so a snapshot is used only with the
//! log it was taken of; `CRC` the CRC-32 of the body (hex). The file is
//! written atomically (temp file, fsync, rename), so a crash leaves the old
//! snapshot or the new one, never a mix.

use thiserror::Error;

use crate::domain::{Seq, Snapshot};

use super::log::check_of;

/// The version of this encoding (defined with the others in `versions.rs`).
pub use crate::versions::SNAPSHOT_FORMAT as FORMAT_VERSION;

const MAGIC: &str = "fgd-snapshot";

/// Which snapshot an open used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SnapshotUse {
    /// The snapshot covering events up to this seq; only later ones were read.
    Used(Seq),
    /// There was none: the whole log was read.
    Missing,
    /// There was one that could not be used (why): the whole log was read.
    Ignored(Unfit),
}

/// Why a snapshot file can't be used (the log is replayed instead).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Unfit {
    /// The file is there but can't be read.
    #[error("it can't be read ({0})")]
    Unreadable(String),
    /// No newline in its first 200 bytes.
    #[error("it has no header line")]
    NoHeader,
    /// A header that is not UTF-8.
    #[error("its header is not text")]
    HeaderNotText,
    /// A header without the fields it must have.
    #[error("its header is malformed")]
    Malformed,
    /// Another kind of file.
    #[error("it is not an fgd snapshot")]
    NotSnapshot,
    /// Another format or state version.
    #[error(
        "it is of version {format}.{state}, this fgd writes {FORMAT_VERSION}.{}",
        Snapshot::VERSION
    )]
    Version {
        /// Its format version.
        format: u64,
        /// Its state version.
        state: u64,
    },
    /// A body of another length or CRC than its header names.
    #[error("it is damaged")]
    Damaged,
    /// A body that is not UTF-8.
    #[error("it can't be decoded (not UTF-8)")]
    NotUtf8,
    /// A body that is not a snapshot's JSON.
    #[error("it can't be decoded ({0})")]
    Undecodable(String),
    /// The decoding thread died.
    #[error("it can't be decoded")]
    DecoderDied,
    /// A body of another seq or session than its header names.
    #[error("its state is not the one its header names")]
    NotItsState,
    /// It covers events the log does not have.
    #[error("it covers events up to {seq}, the log ends at {last}")]
    AheadOfLog {
        /// The seq it covers.
        seq: Seq,
        /// The log's last seq.
        last: Seq,
    },
    /// The event it covers is not the one in the log.
    #[error("it was not taken of this log")]
    OtherLog,
}

/// Why the state could not be encoded as a snapshot (a bug).
#[derive(Debug, Error)]
#[error("can't encode the state: {0}")]
pub struct EncodeError(#[from] serde_json::Error);

/// The header line of a snapshot file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    /// Seq of the last event it covers.
    pub seq: Seq,
    /// Check of that event as stored.
    pub event_check: u32,
    len: usize,
    crc: u32,
}

/// Encodes a snapshot whose last event, as stored, has check `event_check`.
pub(crate) fn encode(snapshot: &Snapshot, event_check: u32) -> Result<Vec<u8>, EncodeError> {
    let body = serde_json::to_vec(snapshot)?;
    let header = format!(
        "{MAGIC} {FORMAT_VERSION} {} {} {event_check:08x} {} {:08x}\n",
        Snapshot::VERSION,
        snapshot.last_seq(),
        body.len(),
        check_of(&body)
    );
    let mut bytes = Vec::with_capacity(header.len() + body.len());
    bytes.extend_from_slice(header.as_bytes());
    bytes.extend_from_slice(&body);
    Ok(bytes)
}

/// Splits a snapshot file into its header and body; refuses another format
/// or state version and a malformed header.
pub(crate) fn split(bytes: &[u8]) -> Result<(Header, &[u8]), Unfit> {
    let end = bytes
        .iter()
        .take(200)
        .position(|b| *b == b'\n')
        .ok_or(Unfit::NoHeader)?;
    let line = std::str::from_utf8(&bytes[..end]).map_err(|_| Unfit::HeaderNotText)?;
    let fields: Vec<&str> = line.split(' ').collect();
    let [magic, format, state, seq, event_check, len, crc] = fields[..] else {
        return Err(Unfit::Malformed);
    };
    if magic != MAGIC {
        return Err(Unfit::NotSnapshot);
    }
    let number = |s: &str| s.parse::<u64>().map_err(|_| Unfit::Malformed);
    let hex = |s: &str| u32::from_str_radix(s, 16).map_err(|_| Unfit::Malformed);
    let (format, state) = (number(format)?, number(state)?);
    if format != u64::from(FORMAT_VERSION) || state != u64::from(Snapshot::VERSION) {
        return Err(Unfit::Version { format, state });
    }
    let header = Header {
        seq: number(seq)?,
        event_check: hex(event_check)?,
        len: usize::try_from(number(len)?).map_err(|_| Unfit::Malformed)?,
        crc: hex(crc)?,
    };
    Ok((header, &bytes[end + 1..]))
}

/// Decodes the body of a snapshot: it must be whole, match its CRC, decode,
/// and cover the seq its header names, of session `id`.
pub(crate) fn decode(header: Header, body: &[u8], id: &str) -> Result<Snapshot, Unfit> {
    if body.len() != header.len || check_of(body) != header.crc {
        return Err(Unfit::Damaged);
    }
    // Checked as UTF-8 once here, so the parser need not check every string.
    let text = std::str::from_utf8(body).map_err(|_| Unfit::NotUtf8)?;
    let snapshot: Snapshot =
        serde_json::from_str(text).map_err(|e| Unfit::Undecodable(e.to_string()))?;
    if snapshot.last_seq() != header.seq || snapshot.id() != id {
        return Err(Unfit::NotItsState);
    }
    Ok(snapshot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Session, SessionInfo};

    fn snapshot(seq: Seq) -> Snapshot {
        Snapshot::from(Session {
            info: SessionInfo {
                id: "s".into(),
                ..SessionInfo::default()
            },
            last_seq: seq,
            ..Session::default()
        })
    }

    #[test]
    fn a_snapshot_round_trips() {
        let bytes = encode(&snapshot(7), 0xabc).unwrap();
        let (header, body) = split(&bytes).unwrap();
        assert_eq!((header.seq, header.event_check), (7, 0xabc));
        assert_eq!(decode(header, body, "s").unwrap(), snapshot(7));
        assert!(decode(header, body, "t").is_err(), "another session's");
    }

    #[test]
    fn damage_and_other_versions_are_refused() {
        let bytes = encode(&snapshot(7), 1).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let (header, body) = split(&bytes).unwrap();
        // a changed byte, a cut, a longer body
        let mut changed = body.to_vec();
        let last = changed.len() - 2;
        changed[last] ^= 1;
        assert_eq!(decode(header, &changed, "s").unwrap_err(), Unfit::Damaged);
        assert_eq!(Unfit::Damaged.to_string(), "it is damaged");
        assert!(decode(header, &body[..body.len() - 1], "s").is_err());
        assert!(decode(header, &[body, b" "].concat(), "s").is_err());
        // another format or state version
        let (f, v) = (FORMAT_VERSION, Snapshot::VERSION);
        let ours = format!("{MAGIC} {f} {v} ");
        for (f, v) in [(f + 1, v), (f, v + 1), (f, v - 1)] {
            let other = text.replacen(&ours, &format!("{MAGIC} {f} {v} "), 1);
            let err = split(other.as_bytes()).unwrap_err().to_string();
            assert!(err.contains(&format!("version {f}.{v}")), "{err}");
        }
        // not a snapshot at all
        assert!(split(b"").is_err());
        assert!(split(b"{\"session\":1}\n").is_err());
        assert!(split(b"fgd-snapshot 1 1 x 0 0 0\n").is_err());
    }
}
