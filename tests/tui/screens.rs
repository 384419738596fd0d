//! The live view rendered into ratatui's `TestBackend`: insta snapshots of
//! the whole screen at 80×24 and 200×60 in Bahasa Indonesia and English, of
//! each panel on its own, and of the overlays; plus checks that do not need
//! a snapshot to fail: every binding in the help, a custom keymap, NO_COLOR
//! without a single colour, a too-small terminal, wide and combining
//! characters staying aligned, new rows scrolling into view.

use crate::tui_support::{Fx, Setup, overwritten, region, rows, width};
use fgd::domain::{Language, Status};
use fgd::tui::app::{Panel, Role};
use fgd::tui::view;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Sizes every whole-screen snapshot is taken at.
pub(crate) const SMALL: (u16, u16) = (80, 24);
pub(crate) const LARGE: (u16, u16) = (200, 60);

/// Text for a snapshot: the lines with their trailing spaces cut.
pub(crate) fn snap(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen for a snapshot, checked to fit first.
pub(crate) fn screen(fx: &Fx, (w, h): (u16, u16)) -> String {
    let buf = fx.buffer(w, h);
    assert_fits(&buf);
    snap(&fx.text_of(&buf))
}

/// Every row is exactly as wide as the screen and nothing hides under a wide
/// character.
pub(crate) fn assert_fits(buf: &Buffer) {
    let w = buf.area.width as usize;
    for (y, line) in rows(buf).iter().enumerate() {
        assert_eq!(
            width(line),
            w,
            "row {y} is {} columns wide: {line:?}",
            width(line)
        );
    }
    assert_eq!(
        overwritten(buf),
        vec![],
        "cells drawn over by a wide character"
    );
}

pub(crate) fn lang_name(fx: &Fx) -> &'static str {
    if fx.app.lang == Language::En {
        "en"
    } else {
        "id"
    }
}

// ------------------------------------------------------------- whole screen

#[test]
fn planned_session_shows_the_start_banner() {
    for setup in [Setup::id(), Setup::en()] {
        let fx = setup.build();
        let lang = lang_name(&fx);
        for size in [SMALL, LARGE] {
            let text = screen(&fx, size);
            let banner = if lang == "en" {
                "The session has not started — press Space to start"
            } else {
                "Sesi belum dimulai — tekan Space untuk mulai"
            };
            assert_eq!(text.lines().nth(1).unwrap().trim(), banner);
            snapshot!(format!("planned_{lang}_{}x{}", size.0, size.1), text);
        }
    }
}

#[test]
fn busy_session_shows_every_kind_of_record() {
    for setup in [Setup::id(), Setup::en()] {
        let fx = Fx::busy(setup);
        let lang = lang_name(&fx);
        for size in [SMALL, LARGE] {
            let text = screen(&fx, size);
            let (over, kinds, overdue, private) = if lang == "en" {
                (
                    "OVER +01:20",
                    ["[POO]", "[CLR]", "[RPL]", "[NEW]"],
                    "[OVERDUE]",
                    "2 private not shown",
                )
            } else {
                (
                    "LEWAT +00:20",
                    ["[INT]", "[KLR]", "[TGP]", "[TOP]"],
                    "[TERLAMBAT]",
                    "2 privat tak tampil",
                )
            };
            assert!(
                text.contains(over),
                "the speaker is over the limit:\n{text}"
            );
            assert!(text.contains(overdue), "{text}");
            // At 80×24 the decisions panel shows the newest rows only.
            let records = if lang == "en" {
                [
                    "being served → serving",
                    if size == LARGE {
                        "D1. One queue"
                    } else {
                        "D2. A monthly"
                    },
                    "C1. The journey",
                    // The newest actions at 80×24 (the guide questions
                    // take the room of the oldest).
                    if size == LARGE { "[open]" } else { "[done]" },
                ]
            } else {
                [
                    "dilayani → melayani",
                    if size == LARGE {
                        "K1. SOP"
                    } else {
                        "K2. Rapat"
                    },
                    "S1. Pola pikir",
                    if size == LARGE {
                        "[terbuka]"
                    } else {
                        "[selesai]"
                    },
                ]
            };
            for r in records {
                assert!(text.contains(r), "{r} missing:\n{text}");
            }
            assert!(text.contains(private), "private notes are counted:\n{text}");
            for hidden in [
                "Koordinasi antar-OPD",
                "Peserta aktif",
                "do not talk",
                "Everyone asked",
            ] {
                assert!(
                    !text.contains(hidden),
                    "a private note is on the projector:\n{text}"
                );
            }
            for k in kinds {
                assert!(text.contains(k), "queue kind {k} missing:\n{text}");
            }
            snapshot!(format!("busy_{lang}_{}x{}", size.0, size.1), text);
        }
    }
}

#[test]
fn the_notetaker_layout_shows_private_notes() {
    let fx = Fx::busy(Setup::id().role(Role::Notetaker));
    let text = screen(&fx, SMALL);
    assert!(text.contains("[kekhawatiran] P2 (privat)"), "{text}");
    assert!(text.contains("antar-OPD masih lemah"), "{text}");
    assert!(!text.contains("privat tak tampil"), "{text}");
    // Notes come first: the top left, under the header.
    assert!(text.lines().nth(1).unwrap().contains("Catatan"), "{text}");
    snapshot!("notetaker_id_80x24", text);
    let large = screen(&fx, LARGE);
    assert!(
        large.lines().nth(1).unwrap().starts_with("▸ Catatan"),
        "{large}"
    );
    snapshot!("notetaker_id_200x60", large);
}

#[test]
fn the_viewer_layout_offers_only_help_and_quit() {
    let fx = Fx::busy(Setup::en().role(Role::Viewer));
    let text = screen(&fx, SMALL);
    let footer = text.lines().last().unwrap();
    assert_eq!(footer.trim(), "? help  q quit");
    snapshot!("viewer_en_80x24", text);
}

#[test]
fn an_overrun_item_says_so_in_words() {
    let mut fx = Fx::id();
    fx.start();
    fx.ch('n');
    fx.ch('n');
    fx.wait(76 * 60 + 5);
    let text = screen(&fx, LARGE);
    // Sesi 1 is planned for 75 minutes.
    assert!(text.contains("LEWAT +01:05"), "{text}");
    assert!(text.contains("▶ 3. Sesi 1 — Mind set"), "{text}");
    assert!(text.contains("76′/75′"), "{text}");
    assert!(
        text.contains("▶ · 1. Pembuka (5 menit)"),
        "the guide questions of the active item:\n{text}"
    );
    snapshot!("overrun_id_200x60", text);

    let mut fx = Fx::en();
    fx.start();
    fx.wait(10 * 60 + 30);
    let text = screen(&fx, SMALL);
    assert!(text.contains("OVER +00:30"), "{text}");
    snapshot!("overrun_en_80x24", text);
}

#[test]
fn paused_and_ended_sessions_show_their_banners() {
    for setup in [Setup::id(), Setup::en()] {
        let mut fx = Fx::busy(setup);
        let lang = lang_name(&fx);
        fx.ch(' ');
        assert_eq!(fx.s().status, Status::Paused);
        let text = screen(&fx, SMALL);
        let banner = text.lines().nth(1).unwrap().trim().to_owned();
        assert!(banner.starts_with("SESI DIJEDA") || banner.starts_with("SESSION PAUSED"));
        snapshot!(format!("paused_{lang}_80x24"), text);

        fx.ch('E');
        fx.ch('y');
        fx.esc();
        assert_eq!(fx.s().status, Status::Ended);
        let text = screen(&fx, SMALL);
        let banner = text.lines().nth(1).unwrap().trim().to_owned();
        assert!(
            banner.starts_with("SESI SELESAI — mode koreksi")
                || banner.starts_with("SESSION ENDED — correction mode"),
            "{text}"
        );
        snapshot!(format!("ended_{lang}_80x24"), text);
        snapshot!(format!("ended_{lang}_200x60"), screen(&fx, LARGE));
    }
}

// ------------------------------------------------------------------ panels

/// Each panel's region of the screen, as the model places it, and the clock.
pub(crate) fn panels(fx: &Fx, (w, h): (u16, u16)) -> Vec<(String, String)> {
    let buf = fx.buffer(w, h);
    let model = view::model::build(&fx.app, fx.now, Rect::new(0, 0, w, h));
    assert!(model.too_small.is_none());
    let mut out = vec![];
    for p in &model.panels {
        let text = region(&buf, p.rect);
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.contains(&p.title),
            "{:?} at {:?}: {first:?}",
            p.panel,
            p.rect
        );
        out.push((format!("{:?}", p.panel).to_lowercase(), snap(&text)));
    }
    out.push(("clock".to_owned(), snap(&region(&buf, model.clock.rect))));
    if let Some(q) = &model.questions {
        out.push(("questions".to_owned(), snap(&region(&buf, q.rect))));
    }
    out
}

#[test]
fn each_panel_on_its_own() {
    for (setup, sizes) in [
        (Setup::id(), vec![SMALL, LARGE]),
        (Setup::en(), vec![LARGE]),
    ] {
        let fx = Fx::busy(setup);
        let lang = lang_name(&fx);
        for size in sizes {
            let all = panels(&fx, size);
            // The six lists, the clock and the guide questions.
            assert_eq!(all.len(), 8);
            for (name, text) in all {
                snapshot!(format!("panel_{name}_{lang}_{}x{}", size.0, size.1), text);
            }
        }
    }
}

#[test]
fn the_focused_panel_is_marked_and_its_row_selected() {
    let mut fx = Fx::busy(Setup::id());
    fx.tab();
    fx.tab();
    assert_eq!(fx.app.focus, Panel::Mindsets);
    let text = screen(&fx, SMALL);
    assert!(text.contains("▸ Perubahan Pola Pikir (2)"), "{text}");
    assert!(!text.contains("▸ Susunan Acara"), "{text}");
    // The selected row (the newest) is reversed.
    let buf = fx.buffer(80, 24);
    let model = view::model::build(&fx.app, fx.now, Rect::new(0, 0, 80, 24));
    let r = model.panels[2].rect;
    // Title, the first row on two lines, the second (newest) row.
    let selected_y = r.y + 3;
    let cell = &buf[(r.x + 1, selected_y)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert!(
        !buf[(r.x + 1, r.y + 1)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}
