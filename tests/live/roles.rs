//! Two real terminals with two people at the keys: a stray `n` on the
//! notetaker's terminal moves nothing until `y`, and the facilitator's
//! screen says who moved the agenda; the host shows who is connected; when
//! the facilitator ends and quits, the notetaker says the session has ended
//! (within 2 s) instead of reconnecting for ever.

use std::time::{Duration, Instant};

use crate::bin_support::Fgd;
use crate::tmux_support::Tmux;

#[test]
fn a_notetakers_stray_n_asks_and_the_end_reaches_the_notetaker() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(h) = super::host(&fgd, &id) else {
        return;
    };
    h.keys(&["Space"]);
    h.wait_for("Mulai juga?");
    h.keys(&["y"]);
    h.wait_for("1/10 Pembukaan");
    let n = Tmux::start_sized(&fgd, &format!("join {id}"), 120, 40).unwrap();
    n.wait_for("BERLANGSUNG");
    h.wait_for("notulis ✓");

    // "nanti" typed outside a form: `n` asks, the rest does not answer.
    n.literal("n");
    n.wait_for("Terminal ini bertanya dulu");
    n.literal("ati");
    assert!(h.screen().contains("1/10 Pembukaan"), "{}", h.screen());
    n.keys(&["y"]);
    let screen = h.wait_for("2/10 Pengantar");
    assert!(screen.contains("notulis: acara berikutnya"), "{screen}");

    // The facilitator ends and quits; the notetaker says so at once.
    h.keys(&["E"]);
    h.keys(&["y"]);
    h.wait_for("tekan q untuk keluar");
    n.wait_for("SESI SELESAI");
    h.keys(&["q"]);
    let quit = Instant::now();
    n.wait_for("SESI TELAH BERAKHIR");
    assert!(
        quit.elapsed() < Duration::from_secs(2),
        "the notetaker took {:?}",
        quit.elapsed()
    );
    assert!(!n.screen().contains("TERPUTUS"), "{}", n.screen());
}
