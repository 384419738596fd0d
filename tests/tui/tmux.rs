//! The real binary in a real terminal (tmux): start a session from a bundled
//! plan, add an action item with the keys, quit, run it again, and the item
//! is on screen. Skipped with a message when tmux is not installed. Kills
//! and signals at random moments are in `tests/crash.rs`.

use crate::bin_support::Fgd;
use crate::tmux_support::Tmux;

#[test]
fn an_action_item_added_with_keys_is_there_after_a_restart() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(t) = Tmux::start(&fgd, &format!("run {id}")) else {
        return;
    };
    t.wait_for("Susunan Acara");
    t.keys(&["Space"]);
    t.wait_for("Mulai juga?");
    t.keys(&["y"]);
    t.wait_for("BERLANGSUNG");
    t.add_action("Susun draf SOP layanan terpadu", "P3", "+7d");
    t.wait_for("1. Susun draf SOP");
    t.keys(&["q"]);
    t.wait_for("Keluar sekarang?");
    t.keys(&["y"]);
    let after = t.wait_for("FGD-EXIT=");
    assert!(after.contains("FGD-EXIT=0"), "{after}");
    drop(t);

    let t = Tmux::start(&fgd, &format!("run {id}")).unwrap();
    // A frame can be captured half drawn: wait for the row itself (the wait
    // fails, showing the screen, if it never comes).
    let screen = t.wait_for("1. Susun draf SOP");
    assert!(screen.contains("BERLANGSUNG"), "still live:\n{screen}");
}
