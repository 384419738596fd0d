//! Every word in the room's language: the screen is walked through every
//! state and popup (planned, live, busy, paused, ended; help, questions,
//! each form, the pickers, the kind prompt, attendance, the minutes'
//! paths; the notetaker's and the viewer's layouts; what undo and another
//! change say) in Indonesian, and no English word of the interface shows;
//! then the same in English with no Indonesian word.

use crate::tui_support::{Fx, Setup};
use fgd::domain::{Command, Language};
use fgd::tui::app::Role;
use ratatui::crossterm::event::KeyCode;

/// Words of the English interface that the Indonesian plan's own texts
/// never hold (matched as whole words).
const ENGLISH: &[&str] = &[
    "saved",
    "undone",
    "Speaker",
    "speaker",
    "queue",
    "required",
    "press",
    "quit",
    "help",
    "Decisions",
    "Follow-up",
    "Participants",
    "present",
    "absent",
    "cancel",
    "yes",
    "Remove",
    "PLANNED",
    "LIVE",
    "PAUSED",
    "ENDED",
    "left",
    "Pick",
    "Title",
    "What",
    "due",
    "Due",
    "Nobody",
    "nothing",
    "Enter again",
    "from the queue",
    "the",
    "and",
    "asks",
    "Start",
    "start",
    "next",
    "item",
    "Item",
    "session",
    "Session",
    "Notes",
    "note",
    "Kind",
    "kind",
    "topic",
    "reply",
    "Values",
    "values",
    "ticks",
    "move",
    "page",
    "Connected",
    "notetaker",
    "viewer",
    "not yet spoken",
    "spoken",
    "Minutes written",
    "in use",
    "process",
];

/// Words of the Indonesian interface that the English plan's own texts
/// never hold.
const INDONESIAN: &[&str] = &[
    "tersimpan",
    "diurungkan",
    "bantuan",
    "keluar",
    "peserta",
    "Peserta",
    "hadir",
    "antrean",
    "Antrean",
    "catatan",
    "Catatan",
    "keputusan",
    "Keputusan",
    "tindak",
    "Tindak",
    "batal",
    "sesi",
    "Sesi",
    "acara",
    "Acara",
    "berikut",
    "berikutnya",
    "panggil",
    "selesai",
    "bicara",
    "Bicara",
    "pola",
    "pikir",
    "Pilih",
    "ketik",
    "wajib",
    "tekan",
    "Jenis",
    "jenis",
    "topik",
    "tanggapan",
    "dari",
    "sisa",
    "belum",
    "Belum",
    "ya",
    "tidak",
    "Hapus",
    "DIRENCANAKAN",
    "BERLANGSUNG",
    "JEDA",
    "SELESAI",
    "notulis",
    "layar",
    "Terminal ini",
    "Buang",
    "mulai",
    "dulu",
    "halaman",
    "hal.",
];

fn words_in(screen: &str) -> Vec<&str> {
    screen
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '.')
        .map(|w| w.trim_matches(|c: char| c == '.' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The phrases of `list` on `screen` (a phrase of several words is matched
/// as text, a single word as a whole word).
fn found(screen: &str, list: &[&str]) -> Vec<String> {
    let words = words_in(screen);
    list.iter()
        .filter(|w| {
            if w.contains(' ') {
                screen.contains(*w)
            } else {
                words.contains(w)
            }
        })
        .map(|w| (*w).to_owned())
        .collect()
}

/// Each state of the screen, as (what, screen at 80×24 and 200×60).
fn walk(setup: fn() -> Setup) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    let shot = |fx: &Fx, what: &str, seen: &mut Vec<(String, String)>| {
        let both = format!("{}\n{}", fx.screen(80, 24), fx.screen(200, 60));
        seen.push((what.to_owned(), both));
    };
    // Planned, with the start question.
    let mut fx = setup().build();
    shot(&fx, "planned", &mut seen);
    fx.ch(' ');
    shot(&fx, "start with nobody present", &mut seen);
    fx.esc();
    // A busy session and every popup over it.
    let mut fx = Fx::busy(setup());
    shot(&fx, "busy", &mut seen);
    for (what, keys) in [
        ("help", "?"),
        ("help page 2", "?\u{2193}"),
        ("participants", "p"),
        ("raise a hand", "r"),
        ("give the floor", "C"),
        ("mindset form", "m"),
        ("note form", "o"),
        ("decision form", "d"),
        ("conclusion form", "c"),
        ("action form", "a"),
        ("session info", "i"),
        ("end question", "E"),
        ("quit question", "q"),
    ] {
        for k in keys.chars() {
            if k == '\u{2193}' {
                fx.key(KeyCode::Down);
            } else {
                fx.ch(k);
            }
        }
        shot(&fx, what, &mut seen);
        fx.esc();
        fx.esc();
    }
    // The kind prompt, a refused form, the discard question.
    fx.ch('r');
    fx.typed("1");
    fx.enter();
    shot(&fx, "kind prompt", &mut seen);
    fx.esc();
    fx.ch('a');
    fx.typed("x");
    fx.tab();
    fx.tab();
    fx.typed("+1m");
    fx.enter();
    shot(&fx, "refused due date", &mut seen);
    fx.esc();
    shot(&fx, "discard question", &mut seen);
    fx.ch('y');
    // Undo names what it undid; removing from the queue.
    fx.ch('d');
    fx.typed("x");
    fx.enter();
    fx.ch('u');
    shot(&fx, "undo", &mut seen);
    fx.tab();
    fx.ch('x');
    shot(&fx, "remove from the queue", &mut seen);
    fx.esc();
    // Paused, then ended with the minutes' paths.
    fx.exec(Command::Pause);
    shot(&fx, "paused", &mut seen);
    fx.exec(Command::Resume);
    fx.ch('E');
    fx.ch('y');
    shot(&fx, "minutes written", &mut seen);
    fx.esc();
    shot(&fx, "ended", &mut seen);
    // The notetaker's and the viewer's layouts, and a notetaker's question.
    for role in [Role::Notetaker, Role::Viewer] {
        let mut fx = Fx::busy(setup().role(role));
        shot(&fx, &format!("{role:?}"), &mut seen);
        fx.ch('?');
        shot(&fx, &format!("{role:?} help"), &mut seen);
        fx.esc();
        fx.ch('n');
        shot(&fx, &format!("{role:?} n"), &mut seen);
    }
    seen
}

fn check(setup: fn() -> Setup, own: &[&str], other: &[&str], lang: Language) {
    let mut leaks = Vec::new();
    let walked = walk(setup);
    assert!(walked.len() >= 30, "{} states", walked.len());
    for (what, screen) in walked {
        // The lists can find something: the screen's own words are there.
        assert!(
            !found(&screen, own).is_empty(),
            "{what}: none of the {lang:?} words on screen:\n{screen}"
        );
        let hits = found(&screen, other);
        if !hits.is_empty() {
            leaks.push(format!("{what}: {hits:?}\n{screen}"));
        }
    }
    assert!(
        leaks.is_empty(),
        "words of the other language on the {lang:?} screen:\n{}",
        leaks.join("\n\n")
    );
}

#[test]
fn no_english_on_an_indonesian_screen() {
    check(Setup::id, INDONESIAN, ENGLISH, Language::Id);
}

#[test]
fn no_indonesian_on_an_english_screen() {
    check(Setup::en, ENGLISH, INDONESIAN, Language::En);
}
