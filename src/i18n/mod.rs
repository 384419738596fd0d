//! Every user-facing word of fgd, in Bahasa Indonesia and English, and the
//! dates and times written in them. Pure functions and constant tables: no
//! clock, no files, no state, no terminal.
//!
//! The convention: one line per word, both languages in the order
//! **(Indonesian, English)**, e.g. `agenda: ("Susunan Acara", "Agenda"),`.
//! A table of words is written once with [`words!`], which makes the struct
//! and its two instances; a list of kinds (statuses, note kinds …) is an
//! exhaustive `match` returning a [`Pair`], so a new kind makes the compiler
//! point at its missing words. A `{}` in a word is filled in by [`fill`].
//!
//! - `mod.rs` — this convention, [`words!`], [`Pair`], [`fill`], dates and times
//!   ("Senin, 23 November 2026", "09.00–11.30 WIB" / "09:00–11:30 WIB");
//! - [`common`] — words the screen and the minutes share (statuses, BerAKHLAK
//!   values, labels both show);
//! - [`screen`] — the words of the terminal screens (`Words`);
//! - [`keys`] — the help and footer words of every key op (`tui::keymap::Op`);
//! - [`minutes`] — the labels of the minutes (`Labels`);
//! - [`undo`] — the names of what `u` undoes (`domain::undo::Label`);
//! - [`outcome`] — what became of a command that was not simply stored
//!   ("not saved: …", "saved, but: …"), as each terminal words it;
//! - [`refusals`] — why a command was refused (`DomainError` in both
//!   languages, its `Display`) and the names of fields and records inside.

/// Writes a table of words once: one line per word, `field: (id, en)`, where
/// the pair is a literal or a shared [`Pair`] constant. Makes the struct
/// (every field a `&'static str`, plus the `lang` it is in) and its two
/// instances, `pub const $id` (Indonesian) and `pub const $en` (English).
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub struct $name:ident ($id:ident, $en:ident) {
            $( $field:ident : $pair:expr ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub struct $name {
            /// The language these words are in.
            pub lang: $crate::domain::Language,
            $(
                #[doc = concat!("(id, en): `", stringify!($pair), "`")]
                pub $field: &'static str,
            )*
        }

        /// Bahasa Indonesia.
        pub const $id: $name = $name {
            lang: $crate::domain::Language::Id,
            $( $field: $pair.0, )*
        };

        /// English.
        pub const $en: $name = $name {
            lang: $crate::domain::Language::En,
            $( $field: $pair.1, )*
        };
    };
}

pub mod common;
pub mod errors;
pub mod jury;
pub mod keys;
pub mod minutes;
pub mod outcome;
pub mod refusals;
pub mod screen;
pub mod series;
pub mod undo;

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc, Weekday};

use crate::domain::{Language, Zone};

/// One word in both languages: (Indonesian, English).
pub type Pair = (&'static str, &'static str);

/// The word of `pair` in `lang`.
pub const fn pick(lang: Language, pair: Pair) -> &'static str {
    match lang {
        Language::Id => pair.0,
        Language::En => pair.1,
    }
}

/// Fills the `{}`s of `text` in order.
pub fn fill(text: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut args = args.iter();
    let mut parts = text.split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some()
            && let Some(a) = args.next()
        {
            out.push_str(&a.to_string());
        }
    }
    out
}

/// The day of the week.
pub fn weekday(day: Weekday, lang: Language) -> &'static str {
    const ID: [&str; 7] = [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let i = day.num_days_from_monday() as usize;
    match lang {
        Language::Id => ID[i],
        Language::En => EN[i],
    }
}

/// The name of a month, 1 = January.
pub fn month(month: u32, lang: Language) -> &'static str {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Language::Id => ID[i],
        Language::En => EN[i],
    }
}

/// `23 November 2026`.
pub fn date(d: NaiveDate, lang: Language) -> String {
    format!("{} {} {}", d.day(), month(d.month(), lang), d.year())
}

/// `Senin, 23 November 2026` / `Monday, 23 November 2026`.
pub fn date_long(d: NaiveDate, lang: Language) -> String {
    format!("{}, {}", weekday(d.weekday(), lang), date(d, lang))
}

/// The local time of an instant: `09.00` in Indonesian, `09:00` in English.
pub fn time(at: DateTime<Utc>, zone: Zone, lang: Language) -> String {
    let local = at.with_timezone(&zone.offset());
    let sep = match lang {
        Language::Id => '.',
        Language::En => ':',
    };
    format!("{:02}{sep}{:02}", local.hour(), local.minute())
}

/// A short month name: `Des` / `Dec` (the first three letters; `Agu` for
/// Agustus, as Indonesian writes it).
pub fn month_short(month_no: u32, lang: Language) -> String {
    month(month_no, lang).chars().take(3).collect()
}

/// `2 Des 2026 14.10` / `2 Dec 2026 14:10`: a day and a local time.
pub fn date_time_short(at: DateTime<Utc>, zone: Zone, lang: Language) -> String {
    let d = zone.date_of(at);
    format!(
        "{} {} {} {}",
        d.day(),
        month_short(d.month(), lang),
        d.year(),
        time(at, zone, lang)
    )
}

/// `09.00 WIB`.
pub fn time_zoned(at: DateTime<Utc>, zone: Zone, lang: Language) -> String {
    format!("{} {}", time(at, zone, lang), zone.label())
}

/// `09.00–11.30 WIB`; an open end shows as `09.00–… WIB`.
pub fn time_range(
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    zone: Zone,
    lang: Language,
) -> String {
    let end = end.map_or_else(|| "…".to_owned(), |e| time(e, zone, lang));
    format!("{}–{end} {}", time(start, zone, lang), zone.label())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(date_long(d, Language::Id), "Senin, 23 November 2026");
        assert_eq!(date_long(d, Language::En), "Monday, 23 November 2026");
        let d = NaiveDate::from_ymd_opt(2027, 8, 1).unwrap();
        assert_eq!(date_long(d, Language::Id), "Minggu, 1 Agustus 2027");
        assert_eq!(date(d, Language::En), "1 August 2027");
    }

    #[test]
    fn times_carry_their_zone() {
        let start = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2026, 11, 23, 4, 30, 0).unwrap();
        assert_eq!(
            time_range(start, Some(end), Zone::WIB, Language::Id),
            "09.00–11.30 WIB"
        );
        assert_eq!(
            time_range(start, Some(end), Zone::WIB, Language::En),
            "09:00–11:30 WIB"
        );
        assert_eq!(
            time_range(start, None, Zone::WITA, Language::Id),
            "10.00–… WITA"
        );
        assert_eq!(time_zoned(end, Zone::WIT, Language::En), "13:30 WIT");
    }
}
