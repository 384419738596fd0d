//! Due dates as users type them: `2026-12-01`, or `+7d` / `+2w` counted from a
//! given day (the command's day in the session's time zone).

use chrono::{Days, NaiveDate};

use super::error::DomainError;

/// Parses a due date relative to `today`. Past dates are accepted.
pub fn parse_due(text: &str, today: NaiveDate) -> Result<NaiveDate, DomainError> {
    let t = text.trim();
    let bad = || DomainError::BadDue(t.to_owned());
    if let Some(rel) = t.strip_prefix('+') {
        let unit_at = rel.char_indices().last().map_or(0, |(i, _)| i);
        let (num, unit) = rel.split_at(unit_at);
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let n: u64 = num.parse().map_err(|_| bad())?;
        let days = match unit {
            "d" | "D" | "h" | "H" => n,
            "w" | "W" => n * 7,
            _ => return Err(bad()),
        };
        if days > 3660 {
            return Err(bad());
        }
        return today.checked_add_days(Days::new(days)).ok_or_else(bad);
    }
    let parts: Vec<&str> = t.split('-').collect();
    if parts.len() != 3
        || parts[0].len() != 4
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let (y, m, d) = (
        parts[0].parse().map_err(|_| bad())?,
        parts[1].parse().map_err(|_| bad())?,
        parts[2].parse().map_err(|_| bad())?,
    );
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad)
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
        ] {
            assert!(
                matches!(parse_due(bad, today), Err(DomainError::BadDue(_))),
                "{bad:?} was accepted"
            );
        }
    }
}
