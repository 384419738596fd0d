//! NO_COLOR without a single colour (states still read in words and
//! style), the default theme's overrun marks, and a terminal too small.

use super::screens::{SMALL, screen, snap};
use crate::tui_support::{Fx, Setup, rows, width};
use fgd::tui::app::Overlay;
use fgd::tui::theme::ThemeName;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

// ---------------------------------------------------------------- NO_COLOR

/// Keys that open something.
type Keys = fn(&mut Fx);

/// The cell where `word` starts on screen (its first occurrence).
fn find(buf: &Buffer, word: &str) -> (u16, u16) {
    for (y, line) in rows(buf).iter().enumerate() {
        if let Some(i) = line.find(word) {
            let x = u16::try_from(width(&line[..i])).unwrap();
            return (x, u16::try_from(y).unwrap());
        }
    }
    panic!("{word} is not on screen");
}

fn assert_no_colour(buf: &Buffer, what: &str) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            assert!(
                c.fg == Color::Reset && c.bg == Color::Reset,
                "{what}: cell ({x},{y}) {:?} has fg {:?} bg {:?}",
                c.symbol(),
                c.fg,
                c.bg
            );
        }
    }
}

#[test]
fn no_color_uses_no_colour_and_states_still_read() {
    let mut fx = Fx::busy(Setup::id().theme(ThemeName::NoColor));
    fx.ch('n'); // item 1 done, item 2 active
    fx.wait(16 * 60); // item 2 (15′) is over, and so is the speaker
    for size in [SMALL, (60, 16), (40, 10)] {
        assert_no_colour(&fx.buffer(size.0, size.1), &format!("{size:?}"));
    }
    let buf = fx.buffer(200, 60);
    assert_no_colour(&buf, "200×60");
    let lines = rows(&buf);
    let text = lines.join("\n");
    for marker in [
        "✓ 1. Pembukaan",
        "▶ 2. Pengantar",
        "▶ Bicara: P5",
        "LEWAT +",
        "[TERLAMBAT]",
    ] {
        assert!(text.contains(marker), "{marker} missing:\n{text}");
    }
    // Emphasis by bold / underline / reverse instead of colour.
    let cell = &buf[find(&buf, "LEWAT +")];
    assert!(
        cell.modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED),
        "{cell:?}"
    );
    snapshot!("no_color_id_80x24", screen(&fx, SMALL));

    // Every overlay too.
    let overlays: [(&str, Keys); 5] = [
        ("help", |fx| fx.ch('?')),
        ("form", |fx| {
            fx.ch('a');
            fx.enter();
        }),
        ("picker", |fx| fx.ch('r')),
        ("participants", |fx| fx.ch('p')),
        ("confirm", |fx| fx.ch('q')),
    ];
    for (name, open) in overlays {
        open(&mut fx);
        assert!(!fx.app.overlays.is_empty(), "{name}");
        assert_no_colour(&fx.buffer(80, 24), name);
        fx.app.overlays.clear();
    }
    fx.ch('E');
    fx.ch('y');
    assert!(matches!(fx.app.overlays.last(), Some(Overlay::Exported(_))));
    assert_no_colour(&fx.buffer(80, 24), "exported");
}

#[test]
fn the_default_theme_marks_overruns_with_style_and_words() {
    let fx = Fx::busy(Setup::en());
    let buf = fx.buffer(80, 24);
    for word in ["OVER +01:20", "[OVERDUE]"] {
        let (x, y) = find(&buf, word);
        let cell = &buf[(x + 1, y)];
        assert_eq!(cell.fg, Color::Red, "{word}: {cell:?}");
        assert!(cell.modifier.contains(Modifier::BOLD), "{word}: {cell:?}");
    }
}

// --------------------------------------------------------------- too small

#[test]
fn a_too_small_terminal_shows_a_message_and_q_still_quits() {
    let fx = Fx::id();
    for (w, h) in [(40, 10), (1, 1), (59, 24), (80, 15), (0, 0)] {
        let text = fx.screen(w, h);
        if w >= 40 {
            assert!(text.contains("Terminal terlalu kecil"), "{w}×{h}:\n{text}");
        }
    }
    assert!(!fx.screen(60, 16).contains("Terminal terlalu kecil"));
    snapshot!("too_small_id_40x10", snap(&fx.screen(40, 10)));
    let mut fx = fx;
    fx.ch('q');
    assert!(fx.app.quit, "a planned session quits on q");

    // While live, q asks, and the question shows even on a tiny screen.
    let mut fx = Fx::en();
    fx.start();
    fx.ch('q');
    let text = snap(&fx.screen(40, 10));
    assert!(text.contains("y = yes"), "{text}");
    snapshot!("too_small_confirm_en_40x10", text);
    let _ = fx.screen(1, 1);
    fx.ch('y');
    assert!(fx.app.quit);
}
