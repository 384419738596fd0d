//! The plan's `[minutes]` table: whether talk time and the guide questions
//! go into the shared minutes, and the paper they are laid out for.

use serde::Deserialize;
use toml::Spanned;

use super::Checker;
use crate::domain::{MinutesOptions, Paper};

/// The `[minutes]` table: what the minutes hold.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMinutes {
    pub(super) participation: Option<bool>,
    pub(super) guide_questions: Option<bool>,
    pub(super) paper: Option<Spanned<String>>,
}

/// The options the table sets, the defaults where it is silent.
pub(super) fn minutes_options(c: &mut Checker, raw: &RawMinutes) -> MinutesOptions {
    MinutesOptions {
        participation: raw.participation.unwrap_or(true),
        guide_questions: raw.guide_questions.unwrap_or(true),
        paper: c.parsed::<Paper>(raw.paper.as_ref()),
    }
}
