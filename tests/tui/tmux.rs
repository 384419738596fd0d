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

#[test]
fn text_typed_in_a_form_is_back_after_a_kill() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(t) = Tmux::start(&fgd, &format!("run {id}")) else {
        return;
    };
    t.wait_for("Susunan Acara");
    t.keys(&["o"]);
    t.literal("Pelayanan harus dimulai dari kebutuhan warga");
    t.wait_for("kebutuhan warga");
    crate::tmux_support::signal(&crate::tmux_support::holder_pid(&fgd, &id), "KILL");
    let after = t.wait_for("FGD-EXIT=");
    assert!(!after.contains("FGD-EXIT=0"), "killed, not quit: {after}");
    drop(t);

    // At 80×24 the whole line that says so shows.
    let t = Tmux::start_sized(&fgd, &format!("run {id}"), 80, 24).unwrap();
    let screen = t.wait_for("Formulir yang belum disimpan dipulihkan — Enter simpan, Esc buang");
    assert!(
        screen.contains("Pelayanan harus dimulai dari kebutuhan warga"),
        "the typed text is back in its form:\n{screen}"
    );
    // Saved with Enter, it is a note; the draft is gone with the form.
    t.keys(&["Enter"]);
    t.wait_for("Catatan (1)");
    t.keys(&["q"]);
    t.wait_for("FGD-EXIT=");
    drop(t);
    let t = Tmux::start(&fgd, &format!("run {id}")).unwrap();
    let screen = t.wait_for("Catatan (1)");
    assert!(
        !screen.contains("dipulihkan"),
        "nothing to bring back:\n{screen}"
    );
}

/// The day part of a "revised" mark for an instant, in the plan's zone.
fn revised_day(at: chrono::DateTime<chrono::Utc>, zone: fgd::domain::Zone) -> String {
    let stamp = fgd::i18n::date_time_short(at, zone, fgd::domain::Language::Id);
    let day: Vec<&str> = stamp.split(' ').take(3).collect();
    format!("(direvisi {}", day.join(" "))
}

#[test]
fn a_correction_after_the_end_reaches_the_minutes_with_e_and_y() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let out = fgd.data().join("notulen");
    let Some(t) = Tmux::start_sized(
        &fgd,
        &format!("run {id} --out '{}'", out.display()),
        120,
        34,
    ) else {
        return;
    };
    t.wait_for("Susunan Acara");
    t.keys(&["Space"]);
    t.wait_for("Mulai juga?");
    t.keys(&["y"]);
    t.wait_for("BERLANGSUNG");
    t.keys(&["o"]);
    t.wait_for("Sifat");
    t.literal("Layanan jemput bola disepakati");
    t.keys(&["Enter"]);
    t.wait_for("Layanan jemput bola disepakati");
    t.keys(&["E"]);
    t.wait_for("Akhiri sesi dan tulis notulen?");
    t.keys(&["y"]);
    t.wait_for("Notulen ditulis ke:");
    let md = out.join(&id).join("minutes.md");
    let before = std::fs::read_to_string(&md).unwrap();
    assert!(
        before.contains("Layanan jemput bola disepakati"),
        "{before}"
    );
    assert!(!before.contains("direvisi"), "{before}");

    // Correct the note: Esc closes the paths, Tab to the notes, Enter edits.
    // (Escape alone: followed at once by Tab it would read as Alt-Tab.)
    t.keys(&["Escape"]);
    t.wait_until("the paths closed", |s| !s.contains("Notulen ditulis ke:"));
    t.keys(&["Tab", "Tab", "Tab", "Enter"]);
    t.wait_for("Sifat");
    t.keys(&["End"]);
    t.literal(" bersama Dukcapil");
    t.keys(&["Enter"]);
    t.wait_for("bersama Dukcapil");
    let asked = chrono::Utc::now();
    t.keys(&["E"]);
    t.wait_for("Tulis ulang notulen dengan koreksinya?");
    t.keys(&["y"]);
    let screen = t.wait_for("Notulen ditulis ke:");
    let internal = out.join(&id).join("internal").join("minutes.md");
    for p in [&md, &internal] {
        assert!(
            screen.contains(&p.display().to_string()),
            "{} is not on screen:\n{screen}",
            p.display()
        );
    }
    let after = std::fs::read_to_string(&md).unwrap();
    assert!(
        after.contains("Layanan jemput bola disepakati bersama Dukcapil"),
        "the correction is in the file:\n{after}"
    );
    let zone = fgd::domain::Zone::WIB;
    let days = [
        revised_day(asked - chrono::Duration::minutes(5), zone),
        revised_day(chrono::Utc::now(), zone),
    ];
    assert!(
        days.iter().any(|d| after.contains(d.as_str())),
        "dated revised mark ({days:?}) in:\n{after}"
    );
    assert!(
        std::fs::read_to_string(&internal)
            .unwrap()
            .contains("bersama Dukcapil")
    );
}

/// The home screen: sessions by last use with their whole ids, `q` in a
/// session comes back home, and a session another terminal hosts is
/// offered to join as notetaker.
#[test]
fn home_sorts_by_last_use_returns_after_q_and_joins_a_hosted_session() {
    let fgd = Fgd::new();
    let first = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let second = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    assert_ne!(first, second);
    // The first is used (started) after the second was made.
    let r = fgd.run_with_input(&["apply", &first], "{\"cmd\":\"start\"}\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let Some(home) = Tmux::start_sized(&fgd, "", 120, 34) else {
        return;
    };
    let screen = home.wait_for(&second);
    let (a, b) = (screen.find(&first).unwrap(), screen.find(&second).unwrap());
    assert!(a < b, "the session used last comes first:\n{screen}");

    // Enter opens it; `q` (asks while live) comes back home.
    home.keys(&["Enter"]);
    home.wait_for("BERLANGSUNG");
    home.keys(&["q"]);
    home.wait_for("Keluar sekarang?");
    home.keys(&["y"]);
    let screen = home.wait_for("Sesi tersimpan");
    assert!(!screen.contains("FGD-EXIT"), "still running:\n{screen}");

    // Hosted elsewhere: Enter offers to join; `n` joins as notetaker.
    let host = Tmux::start_sized(&fgd, &format!("run {first}"), 120, 34).unwrap();
    host.wait_for("BERLANGSUNG");
    home.keys(&["Enter"]);
    home.wait_for("dibuka di terminal lain");
    home.keys(&["n"]);
    home.wait_for("BERLANGSUNG");
    host.wait_for("notulis ✓");
}
