//! A plan title's placeholders: `{tanggal}` (the day of the month),
//! `{bulan}` (the month's name in the plan's language), `{tahun}` (the year)
//! and `{ke}` (the meeting's number in its series), filled when a session
//! is made from the plan. Owns the list of placeholders; must not read the
//! clock (the date comes in).

use chrono::{Datelike, NaiveDate};

use crate::domain::Language;
use crate::i18n;

/// Every placeholder a title may hold.
pub const PLACEHOLDERS: &[&str] = &["tanggal", "bulan", "tahun", "ke"];

/// The `{word}` pieces of `title`: (byte offset of `{`, word).
fn pieces(title: &str) -> impl Iterator<Item = (usize, &str)> {
    title.match_indices('{').filter_map(|(at, _)| {
        let rest = title.get(at + 1..)?;
        let end = rest.find('}')?;
        let word = rest.get(..end)?;
        let is_word =
            !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        is_word.then_some((at, word))
    })
}

/// The first unknown placeholder in `title`, as (byte offset, message).
///
/// # Errors
/// A `{word}` that is not one of [`PLACEHOLDERS`].
pub fn check(title: &str) -> Result<(), (usize, String)> {
    match pieces(title).find(|(_, w)| !PLACEHOLDERS.contains(w)) {
        None => Ok(()),
        Some((at, word)) => Err((
            at,
            format!(
                "unknown placeholder {{{word}}} in title; use {{tanggal}}, {{bulan}}, {{tahun}} or {{ke}}"
            ),
        )),
    }
}

/// `title` with its placeholders filled for a meeting on `date` numbered
/// `meeting`; an unknown `{word}` stays as written.
pub fn fill(title: &str, date: NaiveDate, meeting: u32, lang: Language) -> String {
    let mut out = String::with_capacity(title.len());
    let mut last = 0;
    for (at, word) in pieces(title) {
        let value = match word {
            "tanggal" => date.day().to_string(),
            "bulan" => i18n::month(date.month(), lang).to_owned(),
            "tahun" => date.year().to_string(),
            "ke" => meeting.max(1).to_string(),
            _ => continue,
        };
        out.push_str(title.get(last..at).unwrap_or_default());
        out.push_str(&value);
        last = at + word.len() + 2;
    }
    out.push_str(title.get(last..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn placeholders_are_filled_in_the_plan_language() {
        let t = "OBSESI ke-{ke} — {tanggal} {bulan} {tahun}";
        assert_eq!(
            fill(t, day(2027, 1, 15), 2, Language::Id),
            "OBSESI ke-2 — 15 Januari 2027"
        );
        assert_eq!(
            fill(t, day(2027, 8, 3), 0, Language::En),
            "OBSESI ke-1 — 3 August 2027"
        );
        assert_eq!(
            fill("{x} {bulan", day(2027, 1, 1), 1, Language::Id),
            "{x} {bulan"
        );
        assert_eq!(fill("{}{{ke}}", day(2027, 1, 1), 3, Language::Id), "{}{3}");
    }

    #[test]
    fn an_unknown_placeholder_is_named_with_its_place() {
        assert_eq!(check("Rapat {ke} {bulan}"), Ok(()));
        assert_eq!(check("Rapat {} {"), Ok(()));
        let (at, message) = check("Rapat {bln} {ke}").unwrap_err();
        assert_eq!(at, 6);
        assert!(
            message.starts_with("unknown placeholder {bln} in title"),
            "{message}"
        );
    }
}
