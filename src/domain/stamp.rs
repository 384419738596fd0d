//! Reading timestamps fast. Every time in a session is stored as the
//! RFC 3339 text chrono writes (`2026-11-23T02:00:00Z`, with `.123`,
//! `.123456` or `.123456789` when there are fractions of a second), and
//! chrono's general parser takes about a microsecond for one: most of the
//! time it takes to decode a state snapshot or an event log. These
//! deserialisers read exactly that form directly and hand anything else
//! (offsets, leap seconds, other years) to chrono, so they accept the same
//! texts as chrono and give the same instants. Writing is left to chrono.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::Deserializer;
use serde::de::{Error, Visitor};

/// Deserialises a timestamp (`#[serde(deserialize_with = "stamp::de")]`).
pub(crate) fn de<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    d.deserialize_str(Stamp)
}

/// Deserialises an optional timestamp (with `#[serde(default)]`, as serde
/// reads a missing `Option` field as `None`).
pub(crate) fn de_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    d.deserialize_option(MaybeStamp)
}

/// Parses a timestamp as chrono's `Deserialize` for `DateTime<Utc>` does.
pub(crate) fn parse(s: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    match utc(s) {
        Some(t) => Ok(t),
        None => s
            .parse::<DateTime<FixedOffset>>()
            .map(|t| t.with_timezone(&Utc)),
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z` with a valid date and time and no leap
/// second; `None` for anything else.
fn utc(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    let n = b.len();
    if n < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[n - 1] != b'Z'
    {
        return None;
    }
    let number = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    let nanos = match &b[19..n - 1] {
        [] => 0,
        [b'.', frac @ ..] if (1..=9).contains(&frac.len()) => {
            number(frac)? * 10u32.pow(9 - u32::try_from(frac.len()).ok()?)
        }
        _ => return None,
    };
    let year = i32::try_from(number(&b[0..4])?).ok()?;
    let (month, day) = (number(&b[5..7])?, number(&b[8..10])?);
    let (hour, min, sec) = (
        number(&b[11..13])?,
        number(&b[14..16])?,
        number(&b[17..19])?,
    );
    if sec > 59 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let time = NaiveTime::from_hms_nano_opt(hour, min, sec, nanos)?;
    Some(date.and_time(time).and_utc())
}

struct Stamp;

impl Visitor<'_> for Stamp {
    type Value = DateTime<Utc>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string")
    }

    fn visit_str<E: Error>(self, s: &str) -> Result<Self::Value, E> {
        parse(s).map_err(E::custom)
    }
}

struct MaybeStamp;

impl<'de> Visitor<'de> for MaybeStamp {
    type Value = Option<DateTime<Utc>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an RFC 3339 formatted date and time string or null")
    }

    fn visit_none<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        de(d).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Fast {
        #[serde(deserialize_with = "de")]
        at: DateTime<Utc>,
        #[serde(default, deserialize_with = "de_opt")]
        end: Option<DateTime<Utc>>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Chrono {
        at: DateTime<Utc>,
        end: Option<DateTime<Utc>>,
    }

    /// Both readers on the same JSON: the same result, or both refuse.
    fn same(json: &str) -> Result<(), TestCaseError> {
        let fast = serde_json::from_str::<Fast>(json);
        let chrono = serde_json::from_str::<Chrono>(json);
        match (fast, chrono) {
            (Ok(f), Ok(c)) => {
                prop_assert_eq!((f.at, f.end), (c.at, c.end), "{}", json);
            }
            (Err(_), Err(_)) => {}
            (f, c) => prop_assert!(false, "{json}: fast {f:?}, chrono {c:?}"),
        }
        Ok(())
    }

    fn instant() -> impl Strategy<Value = DateTime<Utc>> {
        // years 0001 to 9998, any nanosecond; some on whole seconds and millis
        (
            -62_135_596_800i64..253_370_764_800,
            0u32..1_000_000_000,
            0..3u8,
        )
            .prop_map(|(secs, nanos, round)| {
                let nanos = match round {
                    0 => 0,
                    1 => nanos / 1_000_000 * 1_000_000,
                    _ => nanos,
                };
                DateTime::from_timestamp(secs, nanos).unwrap_or_default()
            })
    }

    proptest! {
        #[test]
        fn chronos_own_texts_read_back_the_same(at in instant(), end in instant()) {
            let json = serde_json::to_string(&serde_json::json!({ "at": at, "end": end })).unwrap();
            let fast: Fast = serde_json::from_str(&json).unwrap();
            prop_assert_eq!((fast.at, fast.end), (at, Some(end)));
            // the fast way takes chrono's own text
            let text = serde_json::to_value(at).unwrap();
            prop_assert!(utc(text.as_str().unwrap()).is_some(), "{}", text);
            same(&json)?;
        }

        #[test]
        fn any_text_reads_as_chrono_reads_it(
            text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,11})?(Z|z|[+-][0-9]{2}:[0-9]{2})?",
        ) {
            same(&format!("{{\"at\":\"{text}\",\"end\":\"{text}\"}}"))?;
        }
    }

    #[test]
    fn the_edges_read_as_chrono_reads_them() {
        let t = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap();
        for text in [
            "2026-11-23T02:00:00Z",
            "2026-11-23T02:00:00.5Z",
            "2026-11-23T02:00:00.123456789Z",
            "2026-11-23T02:00:00.1234567891Z",
            "2026-11-23T02:00:00.Z",
            "2026-11-23T09:00:00+07:00",
            "2026-11-23T02:00:00+00:00",
            "2026-11-23t02:00:00z",
            "2026-11-23 02:00:00Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T23:59:60.5Z",
            "2026-02-29T02:00:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T02:60:00Z",
            "+2026-11-23T02:00:00Z",
            "2026-11-23T02:00:00",
            "2026-1-23T02:00:00Z",
            "２０２６-11-23T02:00:00Z",
            "",
        ] {
            same(&format!("{{\"at\":\"{text}\"}}")).unwrap();
            same(&format!("{{\"at\":\"{text}\",\"end\":null}}")).unwrap();
        }
        let fast: Fast = serde_json::from_str("{\"at\":\"2026-11-23T02:00:00.5Z\"}").unwrap();
        assert_eq!(fast.at, t + Duration::milliseconds(500));
        assert_eq!(fast.end, None);
    }
}
