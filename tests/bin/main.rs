//! The tests that run the `fgd` binary and the store from outside, as one
//! test binary (two cores link one binary, not six): the CLI contract
//! (`cli`), kills of the running program (`crash`, `kill_apply`), hostile
//! input and a hostile system (`hostile`), opening from a snapshot
//! (`snapshot_open`), the store against kills, damage and other users
//! (`storage`) and the seeded fuzzing of apply lines and keys
//! (`fuzz`). Run one group with `cargo test --test bin crash::`; the env
//! knobs (`FGD_CRASH_KILLS`, `FGD_FUZZ_SEED`, …) work as before.

#[path = "../bin_support/mod.rs"]
mod bin_support;
#[path = "../seeded/mod.rs"]
mod seeded;
#[path = "../tmux_support/mod.rs"]
mod tmux_support;
#[path = "../tui_support/mod.rs"]
mod tui_support;

mod cli;
mod crash;
mod fuzz;
mod hostile;
mod kill_apply;
mod snapshot_open;
mod storage;
mod terminal;
