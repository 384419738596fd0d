//! Indonesian and English words for what fgd writes: dates ("Senin, 23
//! November 2026"), times with their zone ("09.00–11.30 WIB" in Indonesian,
//! "09:00–11:30 WIB" in English), and, in [`minutes`], the labels of the
//! minutes. Pure functions of their arguments: no clock, no files.

pub mod keys;
pub mod minutes;

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc, Weekday};

use crate::domain::{Language, Zone};

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
