//! The paper the minutes are laid out for (the plan's `[minutes] paper`,
//! `fgd export --paper`): A4 or the Indonesian folio, F4; and what the
//! minutes hold ([`MinutesOptions`], the plan's `[minutes]` table).

use serde::{Deserialize, Serialize};

/// The paper the minutes are laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// ISO A4, 210×297 mm.
    #[default]
    A4,
    /// Folio (F4), 215×330 mm, common in Indonesian offices.
    F4,
}

impl Paper {
    /// Its width and height in millimetres.
    pub fn size_mm(self) -> (u32, u32) {
        match self {
            Paper::A4 => (210, 297),
            Paper::F4 => (215, 330),
        }
    }

    /// Its name as the plan and the command line spell it.
    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::F4 => "f4",
        }
    }

    #[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's signature")]
    pub(super) fn is_a4(p: &Paper) -> bool {
        *p == Paper::A4
    }
}

impl std::str::FromStr for Paper {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "f4" | "folio" => Ok(Paper::F4),
            _ => Err(format!(
                "unknown paper `{s}`; use a4 or f4 (folio, 215×330 mm)"
            )),
        }
    }
}

/// What the minutes of a session hold, from the plan's `[minutes]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesOptions {
    /// Talk time, turns and arrival times in the shared minutes (the
    /// internal minutes always have them).
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub participation: bool,
    /// The agenda's guide questions in the shared minutes.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub guide_questions: bool,
    /// The paper the minutes are printed on.
    #[serde(default, skip_serializing_if = "Paper::is_a4")]
    pub paper: Paper,
}

impl Default for MinutesOptions {
    fn default() -> Self {
        MinutesOptions {
            participation: true,
            guide_questions: true,
            paper: Paper::A4,
        }
    }
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's signature")]
pub(super) fn all_minutes(o: &MinutesOptions) -> bool {
    *o == MinutesOptions::default()
}

fn yes() -> bool {
    true
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde's signature")]
fn is_yes(b: &bool) -> bool {
    *b
}
