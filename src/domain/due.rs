//! Due dates as users type them: ISO `2026-12-01`; day first `31/12/2026`,
//! `31-12-2026`, `31.12.2026`; with the month's name `31 Des 2026` /
//! `31 Desember 2026` / `31 Dec 2026`; or counted from a given day (the
//! command's day in the session's time zone): `+7d` / `+7h` / `+7hr` /
//! `+7hari` days, `+2w` / `+2mg` / `+2minggu` weeks, `+1b` / `+1bln` /
//! `+1bulan` / `+1mo` months. `+1m` is refused: "m" is a month in English
//! and a week (minggu) in Indonesian.

use chrono::{Days, Months, NaiveDate};

use super::error::DomainError;

/// Parses a due date relative to `today`. Past dates are accepted.
pub fn parse_due(text: &str, today: NaiveDate) -> Result<NaiveDate, DomainError> {
    let t = text.trim();
    let bad = || DomainError::BadDue(t.to_owned());
    if let Some(rel) = t.strip_prefix('+') {
        return relative(rel, today).ok_or_else(bad);
    }
    iso(t)
        .or_else(|| day_first(t))
        .or_else(|| named_month(t))
        .ok_or_else(bad)
}

/// `N` and a unit after the `+`.
fn relative(rel: &str, today: NaiveDate) -> Option<NaiveDate> {
    let digits = rel.bytes().take_while(u8::is_ascii_digit).count();
    let (num, unit) = rel.split_at(digits);
    let n: u32 = num.parse().ok()?;
    let unit = unit.trim().to_lowercase();
    let days = match unit.as_str() {
        "d" | "h" | "hr" | "hari" | "day" | "days" => n,
        "w" | "mg" | "mgg" | "minggu" | "week" | "weeks" => n.checked_mul(7)?,
        "b" | "bl" | "bln" | "bulan" | "mo" | "month" | "months" => {
            if n > 120 {
                return None;
            }
            return today.checked_add_months(Months::new(n));
        }
        _ => return None,
    };
    if days > 3660 {
        return None;
    }
    today.checked_add_days(Days::new(u64::from(days)))
}

fn number(part: &str, len: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (len.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

/// `2026-12-01`.
fn iso(t: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = t.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(y, 4..=4)?).ok()?,
        number(m, 1..=2)?,
        number(d, 1..=2)?,
    )
}

/// `31/12/2026`, `31-12-2026`, `31.12.2026`.
fn day_first(t: &str) -> Option<NaiveDate> {
    let sep = ['/', '-', '.'].into_iter().find(|c| t.contains(*c))?;
    let parts: Vec<&str> = t.split(sep).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(y, 4..=4)?).ok()?,
        number(m, 1..=2)?,
        number(d, 1..=2)?,
    )
}

/// `31 Des 2026`, `31 Desember 2026`, `31 Dec 2026`, `31 December 2026`.
fn named_month(t: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = t.split_whitespace().collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(y, 4..=4)?).ok()?,
        month(m)?,
        number(d, 1..=2)?,
    )
}

/// A month by its Indonesian or English name or their first three letters
/// (`Agt` and `Agu` for Agustus, `Mei`, `Okt`, `Des` …).
fn month(name: &str) -> Option<u32> {
    const NAMES: [(&str, &str); 12] = [
        ("januari", "january"),
        ("februari", "february"),
        ("maret", "march"),
        ("april", "april"),
        ("mei", "may"),
        ("juni", "june"),
        ("juli", "july"),
        ("agustus", "august"),
        ("september", "september"),
        ("oktober", "october"),
        ("november", "november"),
        ("desember", "december"),
    ];
    let n = name.trim_end_matches('.').to_lowercase();
    if n == "agt" {
        return Some(8);
    }
    let hit = |full: &str| n == full || (n.chars().count() == 3 && full.starts_with(&n));
    NAMES
        .iter()
        .position(|(id, en)| hit(id) || hit(en))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn absolute_and_relative() {
        let today = day("2026-11-23");
        assert_eq!(parse_due("2026-12-01", today).unwrap(), day("2026-12-01"));
        assert_eq!(parse_due("+7d", today).unwrap(), day("2026-11-30"));
        assert_eq!(parse_due("+2w", today).unwrap(), day("2026-12-07"));
        assert_eq!(parse_due("+0d", today).unwrap(), today);
        assert_eq!(parse_due("+7h", today).unwrap(), day("2026-11-30"));
        assert_eq!(parse_due("+7hr", today).unwrap(), day("2026-11-30"));
        assert_eq!(parse_due("+1b", today).unwrap(), day("2026-12-23"));
        assert_eq!(parse_due("+1bln", today).unwrap(), day("2026-12-23"));
        assert_eq!(parse_due("+3bulan", today).unwrap(), day("2027-02-23"));
        assert_eq!(parse_due("+2mg", today).unwrap(), day("2026-12-07"));
        assert_eq!(
            parse_due("+3b", day("2026-11-30")).unwrap(),
            day("2027-02-28"),
            "a month on keeps to the month's last day"
        );
        for (typed, iso) in [
            ("31/12/2026", "2026-12-31"),
            ("31-12-2026", "2026-12-31"),
            ("31.12.2026", "2026-12-31"),
            ("1/2/2027", "2027-02-01"),
            ("31 Des 2026", "2026-12-31"),
            ("31 desember 2026", "2026-12-31"),
            ("31 Dec 2026", "2026-12-31"),
            ("17 Agt 2027", "2027-08-17"),
            ("17 Agu 2027", "2027-08-17"),
            ("2 Mei 2027", "2027-05-02"),
            ("5 Okt 2027", "2027-10-05"),
        ] {
            assert_eq!(parse_due(typed, today).unwrap(), day(iso), "{typed}");
        }
        assert_eq!(
            parse_due("2026-01-05", today).unwrap(),
            day("2026-01-05"),
            "past dates are accepted"
        );
    }

    #[test]
    fn rejects_bad_dates() {
        let today = day("2026-11-23");
        for bad in [
            "2026-02-30",
            "+d",
            "32/13/2026",
            "",
            "+7x",
            "tomorrow",
            "2026-13-01",
            "+-3d",
            "26-12-01",
            "+99999d",
            "++7d",
            "+7é",
            "+é",
            "+1m",
            "31/02/2026",
            "31 Xyz 2026",
            "12/31/2026",
            "+999b",
        ] {
            assert!(
                matches!(parse_due(bad, today), Err(DomainError::BadDue(_))),
                "{bad:?} was accepted"
            );
        }
    }
}
