//! fgd: run a facilitated focus-group discussion from the terminal.
//!
//! The library holds everything; `main.rs` is a thin binary over it. See
//! ARCHITECTURE.md for the lay of the land.

pub mod cli;
pub mod domain;
pub mod engine;
pub mod export;
#[cfg(any(test, feature = "fixtures"))]
#[doc(hidden)]
pub mod fixtures;
pub mod i18n;
pub mod ids;
#[cfg(unix)]
pub mod live;
pub mod plan;
pub mod store;
pub mod tui;
pub mod versions;
