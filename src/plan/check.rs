//! Checking a parsed plan field by field into a [`Plan`](super::Plan)'s
//! parts, collecting every problem as a `FILE:LINE:COL` [`PlanError`]
//! rather than stopping at the first. Owns the limits a plan's fields must
//! keep; must not build commands or touch the store.

use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;

use super::{PlanError, PlanItem, PlanParticipant, RawItem, RawParticipant};
use crate::domain::Person;
use crate::domain::limits::{MAX_ITEMS, MAX_PARTICIPANTS, MAX_QUESTIONS};
use crate::domain::text::{MAX_LINE_CHARS, MAX_TEXT_CHARS, clean, clean_line};

pub(super) struct Checker<'a> {
    pub(super) file: &'a str,
    pub(super) src: &'a str,
    pub(super) errors: Vec<PlanError>,
}

impl Checker<'_> {
    /// A list longer than `max` (`domain::limits`): an error at its first
    /// entry over the limit.
    pub(super) fn at_most<T>(&mut self, list: &[Spanned<T>], what: &str, max: usize) {
        if let Some(over) = list.get(max) {
            let count = list.len();
            self.at(
                over.span(),
                format!("too many {what} ({count}; at most {max}); shorten the list"),
            );
        }
    }

    /// A date the way a plan writes it, `YYYY-MM-DD` with a four-digit year
    /// (chrono's `%Y` would also take `+10000-01-01`).
    fn ymd(s: &str) -> Option<NaiveDate> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    *c == b'-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if shape {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
        } else {
            None
        }
    }

    pub(super) fn at(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, col) = line_col(self.src, span.start);
        self.errors.push(PlanError {
            file: self.file.to_owned(),
            line,
            col,
            message: message.into(),
        });
    }

    pub(super) fn required(&mut self, v: &Spanned<String>, what: &str) -> String {
        let s = clean_line(v.get_ref());
        if s.is_empty() {
            self.at(v.span(), format!("{what} must not be empty"));
        }
        self.limited(s, v.span(), what, MAX_LINE_CHARS)
    }

    /// A text cleaned as typed text is, within the session's limit for it
    /// (the same as `fgd apply` and the screen keep to).
    pub(super) fn limited(
        &mut self,
        s: String,
        span: Range<usize>,
        what: &str,
        max: usize,
    ) -> String {
        let len = s.chars().count();
        if len > max {
            self.at(
                span,
                format!("{what} is too long ({len} characters; at most {max}): shorten it"),
            );
        }
        s
    }

    /// An optional one-line text: empty means none.
    pub(super) fn opt(&mut self, v: Option<Spanned<String>>, what: &str) -> Option<String> {
        let v = v?;
        let s = clean_line(v.get_ref());
        Some(self.limited(s, v.span(), what, MAX_LINE_CHARS)).filter(|s| !s.is_empty())
    }

    /// The chair or the notetaker: `what` and its `_nip`, `_position` and
    /// `_rank` keys (the extras without a name are checked, then dropped).
    pub(super) fn person(
        &mut self,
        name: Option<Spanned<String>>,
        [nip, position, rank]: [Option<Spanned<String>>; 3],
        what: &str,
    ) -> Option<Person> {
        let nip = self.opt(nip, &format!("{what}_nip"));
        let position = self.opt(position, &format!("{what}_position"));
        let rank = self.opt(rank, &format!("{what}_rank"));
        self.opt(name, what).map(|name| Person {
            name,
            nip,
            position,
            rank,
        })
    }

    pub(super) fn parsed<T: std::str::FromStr<Err = String> + Default>(
        &mut self,
        v: Option<&Spanned<String>>,
    ) -> T {
        match v.map(|v| (v.get_ref().parse::<T>(), v.span())) {
            None => T::default(),
            Some((Ok(t), _)) => t,
            Some((Err(e), span)) => {
                self.at(span, e);
                T::default()
            }
        }
    }

    pub(super) fn date(&mut self, date: Option<&Spanned<toml::Value>>) -> Option<NaiveDate> {
        date.and_then(|d| {
            let parsed = match d.get_ref() {
                toml::Value::String(s) => Self::ymd(s.trim()),
                toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                    dt.date.and_then(|x| {
                        NaiveDate::from_ymd_opt(
                            i32::from(x.year),
                            u32::from(x.month),
                            u32::from(x.day),
                        )
                    })
                }
                _ => None,
            };
            if parsed.is_none() {
                self.at(
                    d.span(),
                    "date must be a real date written YYYY-MM-DD, like \"2026-11-23\"",
                );
            }
            parsed
        })
    }

    pub(super) fn speaker_limit(&mut self, limit: Option<&Spanned<i64>>) -> u32 {
        match limit {
            None => 3,
            Some(v) => match u32::try_from(*v.get_ref()) {
                Ok(m) if (1..=120).contains(&m) => m,
                _ => {
                    self.at(
                        v.span(),
                        format!(
                            "speaker_limit_minutes must be between 1 and 120, not {}",
                            v.get_ref()
                        ),
                    );
                    3
                }
            },
        }
    }

    pub(super) fn participants(
        &mut self,
        raw: Vec<Spanned<RawParticipant>>,
    ) -> Vec<PlanParticipant> {
        self.at_most(&raw, "participants", MAX_PARTICIPANTS);
        let mut codes: Vec<(String, usize)> = Vec::new();
        let mut participants = Vec::with_capacity(raw.len());
        for (i, p) in raw.into_iter().enumerate() {
            let p = p.into_inner();
            let name = self.required(&p.name, "participant name");
            let code = p.code.as_ref().map(|code| {
                let v = clean_line(code.get_ref());
                let ok = (1..=12).contains(&v.chars().count())
                    && v.chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_');
                if !ok {
                    self.at(
                        code.span(),
                        format!(
                            "participant code `{v}` must be 1–12 letters, digits, `-` or `_`, like P9"
                        ),
                    );
                } else if let Some((_, first)) = codes.iter().find(|(k, _)| k.eq_ignore_ascii_case(&v))
                {
                    self.at(
                        code.span(),
                        format!(
                            "participant code {v} is used twice (participants {} and {})",
                            first + 1,
                            i + 1
                        ),
                    );
                }
                codes.push((v.clone(), i));
                v
            });
            participants.push(PlanParticipant {
                name,
                position: self.opt(p.position, "position"),
                unit: self.opt(p.unit, "unit"),
                code,
                nip: self.opt(p.nip, "nip"),
                consent: p.consent,
            });
        }
        participants
    }

    pub(super) fn agenda(&mut self, raw: Vec<Spanned<RawItem>>) -> Vec<PlanItem> {
        self.at_most(&raw, "agenda items", MAX_ITEMS);
        let mut agenda = Vec::with_capacity(raw.len());
        for it in raw {
            let it = it.into_inner();
            self.at_most(&it.questions, "guide questions", MAX_QUESTIONS);
            let title = self.required(&it.title, "agenda item title");
            let minutes = match u32::try_from(*it.minutes.get_ref()) {
                Ok(m) if (1..=1440).contains(&m) => m,
                _ => {
                    self.at(
                        it.minutes.span(),
                        format!(
                            "minutes must be a whole number from 1 to 1440, not {}",
                            it.minutes.get_ref()
                        ),
                    );
                    1
                }
            };
            let questions = it
                .questions
                .into_iter()
                .map(|q| {
                    let text = clean(q.get_ref());
                    self.limited(text, q.span(), "guide question", MAX_TEXT_CHARS)
                })
                .filter(|q| !q.is_empty())
                .collect();
            agenda.push(PlanItem {
                title,
                minutes,
                owner: self.opt(it.owner, "owner"),
                questions,
                setup: self.setup(it.is_break, it.speaker_limit_minutes.as_ref(), it.segments),
                review: it.review,
                presenter: None,
            });
        }
        agenda
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
