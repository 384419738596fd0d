//! The paper the minutes are laid out for (the plan's `[minutes] paper`,
//! `fgd export --paper`): A4 or the Indonesian folio, F4.

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
