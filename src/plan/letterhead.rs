//! The plan's `[letterhead]` table (the office's kop) and the signer who
//! acknowledges ("Mengetahui"): checked like every other key, the emblem
//! read from its file beside the plan and embedded in the session, so the
//! minutes never need the file again.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::check::Checker;
use crate::domain::{Emblem, Letterhead, Person};

/// The largest emblem embedded, in bytes: a kop emblem is a few kilobytes.
pub const MAX_EMBLEM_BYTES: usize = 512 * 1024;

/// The `[letterhead]` table as written.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLetterhead {
    #[serde(default)]
    lines: Vec<Spanned<String>>,
    address: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    website: Option<Spanned<String>>,
    emblem: Option<Spanned<String>>,
}

impl Checker<'_> {
    /// The "Mengetahui" signer (`approver` and its `_nip`, `_position` and
    /// `_rank` keys) and the kop.
    pub(super) fn office(
        &mut self,
        [name, nip, position, rank]: [Option<Spanned<String>>; 4],
        letterhead: Option<RawLetterhead>,
        dir: Option<&Path>,
    ) -> (Option<Person>, Option<Letterhead>) {
        let approver = self.person(name, [nip, position, rank], "approver");
        (approver, self.letterhead(letterhead, dir))
    }

    /// The kop, or `None` when the table is absent or empty. `dir` is where
    /// the plan lies (the emblem's path is relative to it); a bundled plan
    /// has none.
    pub(super) fn letterhead(
        &mut self,
        raw: Option<RawLetterhead>,
        dir: Option<&Path>,
    ) -> Option<Letterhead> {
        let raw = raw?;
        self.at_most(&raw.lines, "letterhead lines", 6);
        let lines = raw
            .lines
            .into_iter()
            .filter_map(|l| self.opt(Some(l), "letterhead line"))
            .collect();
        let k = Letterhead {
            lines,
            address: self.opt(raw.address, "address"),
            phone: self.opt(raw.phone, "phone"),
            email: self.opt(raw.email, "email"),
            website: self.opt(raw.website, "website"),
            emblem: raw.emblem.and_then(|e| self.emblem(&e, dir)),
        };
        (k != Letterhead::default()).then_some(k)
    }

    fn emblem(&mut self, path: &Spanned<String>, dir: Option<&Path>) -> Option<Emblem> {
        let full: PathBuf =
            dir.map_or_else(|| PathBuf::from(path.get_ref()), |d| d.join(path.get_ref()));
        let bytes = match std::fs::read(&full) {
            Ok(b) => b,
            Err(e) => {
                let message = format!(
                    "can't read emblem {}: {e}; give a PNG or SVG path relative to the plan",
                    full.display()
                );
                self.at(path.span(), message);
                return None;
            }
        };
        if bytes.len() > MAX_EMBLEM_BYTES {
            let message = format!(
                "emblem {} is {} KiB; use an image of at most {} KiB",
                full.display(),
                bytes.len() / 1024,
                MAX_EMBLEM_BYTES / 1024
            );
            self.at(path.span(), message);
            return None;
        }
        let Some(media_type) = media_type(&bytes) else {
            let message = format!("emblem {} is neither PNG nor SVG", full.display());
            self.at(path.span(), message);
            return None;
        };
        Some(Emblem {
            media_type: media_type.to_owned(),
            base64: base64(&bytes),
        })
    }
}

/// `image/png` or `image/svg+xml` by the file's content.
fn media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    head.contains("<svg").then_some("image/svg+xml")
}

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
    }
}
