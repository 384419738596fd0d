//! The facilitator's screen on the projector follows what the notetaker
//! types on a second terminal: four notes, more than the notes panel holds
//! at 80×24 beside item 2's guide questions, and the fourth is on the
//! facilitator's screen (its list follows the newest row while its
//! selection sits there).

use crate::bin_support::Fgd;
use crate::tmux_support::Tmux;

#[test]
fn four_notes_from_the_notetaker_and_the_last_is_on_the_projector() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(h) = Tmux::start_sized(&fgd, &format!("run {id}"), 80, 24) else {
        return;
    };
    h.wait_for("Susunan Acara");
    h.keys(&["Space"]);
    h.wait_for("Mulai juga?");
    h.keys(&["y"]);
    h.wait_for("BERLANGSUNG");
    // Item 2's guide questions take the room the notes would have had.
    h.keys(&["n"]);
    h.wait_for("Pertanyaan panduan 1/3");
    let n = Tmux::start_sized(&fgd, &format!("join {id}"), 120, 34).unwrap();
    n.wait_for("BERLANGSUNG");
    for i in 1..=4 {
        n.keys(&["o"]);
        n.wait_for("Teks");
        n.literal(&format!(
            "catatan{i} dari notulis tentang layanan terpadu yang perlu dibahas lagi"
        ));
        n.keys(&["Enter"]);
        n.wait_for(&format!("catatan{i} dari"));
    }
    let screen = h.wait_for("catatan4 dari");
    assert!(
        !screen.contains("catatan1 dari"),
        "the panel is too small for all four, so this checks the following:\n{screen}"
    );
}
