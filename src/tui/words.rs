//! The screen's words now live in `crate::i18n` (`screen.rs`, refusals in
//! `refusals.rs`); this keeps the old `crate::tui::words::…` paths working.

pub use crate::i18n::refusals::refusal;
pub use crate::i18n::screen::*;
