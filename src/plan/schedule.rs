//! The plan's schedule keys: `start_time` (`"08:00"`) and, per agenda
//! item, `break = true`, `speaker_limit_minutes` and `segments = [{ title,
//! minutes }, …]`, checked with `FILE:LINE:COL` errors. Owns only these
//! keys.

use chrono::NaiveTime;
use serde::Deserialize;
use toml::Spanned;

use super::check::Checker;
use crate::domain::schedule::{ItemSetup, Segment, parse_start_time};

/// One segment as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSegment {
    title: Spanned<String>,
    minutes: Spanned<i64>,
}

impl Checker<'_> {
    /// `start_time`, a 24-hour `"HH:MM"`.
    pub(super) fn start_time(&mut self, raw: Option<&Spanned<String>>) -> Option<NaiveTime> {
        let raw = raw?;
        let t = parse_start_time(raw.get_ref().trim());
        if t.is_none() {
            self.at(
                raw.span(),
                format!(
                    "start_time must be a time like \"08:00\" (24-hour HH:MM), not {:?}",
                    raw.get_ref()
                ),
            );
        }
        t
    }

    /// An item's break flag, speaker limit and segments.
    pub(super) fn setup(
        &mut self,
        is_break: bool,
        speaker_limit_minutes: Option<&Spanned<i64>>,
        segments: Vec<Spanned<RawSegment>>,
    ) -> ItemSetup {
        let speaker_limit_minutes = speaker_limit_minutes.map(|v| self.speaker_limit(Some(v)));
        let segments = segments
            .into_iter()
            .map(|s| {
                let s = s.into_inner();
                let minutes = match u32::try_from(*s.minutes.get_ref()) {
                    Ok(m) if (1..=1440).contains(&m) => m,
                    _ => {
                        self.at(
                            s.minutes.span(),
                            format!(
                                "a segment's minutes must be a whole number from 1 to 1440, not {}",
                                s.minutes.get_ref()
                            ),
                        );
                        1
                    }
                };
                Segment {
                    title: self.required(&s.title, "segment title"),
                    minutes,
                }
            })
            .collect();
        ItemSetup {
            is_break,
            speaker_limit_minutes,
            segments,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use chrono::NaiveTime;

    use crate::plan::parse;

    const HEAD: &str = "title = \"Uji\"\nstart_time = \"08:30\"\n";

    #[test]
    fn the_schedule_keys_are_read() {
        let src = format!(
            "{HEAD}[[agenda]]\ntitle = \"Rehat\"\nminutes = 15\nbreak = true\n\
             [[agenda]]\ntitle = \"Penyajian\"\nminutes = 20\nspeaker_limit_minutes = 15\n\
             segments = [{{ title = \"Penyajian\", minutes = 15 }}, {{ title = \"Tanya jawab\", minutes = 5 }}]\n"
        );
        let plan = parse(&src, "p.toml").unwrap();
        assert_eq!(plan.start_time, NaiveTime::from_hms_opt(8, 30, 0));
        assert!(plan.agenda[0].setup.is_break);
        assert_eq!(plan.agenda[1].setup.speaker_limit_minutes, Some(15));
        assert_eq!(plan.agenda[1].setup.segments[1].title, "Tanya jawab");
    }

    #[test]
    fn bad_schedule_keys_say_where_and_what_to_write() {
        let src = "title = \"Uji\"\nstart_time = \"8 pagi\"\n[[agenda]]\ntitle = \"A\"\nminutes = 5\n\
                   segments = [{ title = \"B\", minutes = 0 }]\nspeaker_limit_minutes = 500\n";
        let errors = parse(src, "p.toml").unwrap_err();
        let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(
            text[0].starts_with("p.toml:2:14: start_time must be a time like"),
            "{text:?}"
        );
        assert!(
            text.iter().any(|e| e.starts_with("p.toml:6:")
                && e.contains("a segment's minutes must be a whole number from 1 to 1440, not 0")),
            "{text:?}"
        );
        assert!(
            text.iter().any(|e| e.starts_with("p.toml:7:")
                && e.contains("speaker_limit_minutes must be between 1 and 120, not 500")),
            "{text:?}"
        );
        let typo = parse(
            "title = \"Uji\"\n[[agenda]]\ntitle = \"A\"\nminutes = 5\nsegments = [{ titel = \"B\", minutes = 5 }]\n",
            "p.toml",
        )
        .unwrap_err();
        assert!(
            typo[0].to_string().contains("unknown field `titel`"),
            "{typo:?}"
        );
    }
}
