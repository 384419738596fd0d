//! The terminal's tests, one binary: `keys` (key sequences end to end on the
//! live and home screens), `screens` (the live view on a `TestBackend`,
//! insta snapshots) and `tmux` (the real binary in tmux). Shared helpers come
//! from `tests/tui_support/`, `tests/bin_support/` and `tests/tmux_support/`,
//! which other test binaries use too: they are included, not owned, here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

/// An insta snapshot under the name it had when the screen tests were the
/// `tui_screens` binary (`tests/snapshots/tui_screens__NAME.snap`), so
/// moving the tests renames no snapshot file.
macro_rules! snapshot {
    ($name:expr, $value:expr $(,)?) => {
        insta::with_settings!(
            {
                snapshot_path => "../snapshots",
                prepend_module_to_snapshot => false,
            },
            {
                insta::assert_snapshot!(format!("tui_screens__{}", $name), $value);
            }
        )
    };
}

#[path = "../bin_support/mod.rs"]
mod bin_support;
#[path = "../tmux_support/mod.rs"]
mod tmux_support;
#[path = "../tui_support/mod.rs"]
mod tui_support;

mod keys;
mod keys_forgive;
mod keys_forms;
mod keys_home;
mod keys_home_series;
mod keys_info;
mod keys_review;
mod keys_roles;
mod keys_room;
mod keys_session;
mod keys_speakers;
mod restart;
mod screens;
mod screens_colour;
mod screens_guide;
mod screens_hints;
mod screens_jury;
mod screens_overlays;
mod screens_scroll;
mod screens_wide;
mod tmux;
mod words;
