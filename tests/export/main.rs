//! The export's tests, as one test binary: the minutes and the other files
//! of the fixed session in every format (`formats`), golden Markdown
//! snapshots (`snapshots`), random sessions (`props`), hostile text in every
//! field (`hostile`), every bundled plan (`plans`) and `fgd export` from the
//! command line (`cli`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../bin_support/mod.rs"]
mod bin_support;
#[path = "../common/mod.rs"]
mod common;
#[path = "../export_support/mod.rs"]
mod export_support;
#[path = "../tui_support/mod.rs"]
mod tui_support;

mod cli;
mod docx;
mod docx_print;
mod formats;
mod guide;
mod hostile;
mod kop;
mod minutes_options;
mod office;
mod plans;
mod print;
mod privacy;
mod props;
mod scoring;
mod sign_off;
mod snapshots;
mod speakers;
