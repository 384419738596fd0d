//! The live view rendered into ratatui's `TestBackend`: insta snapshots of
//! the whole screen at 80×24 and 200×60 in Bahasa Indonesia and English, of
//! each panel on its own, and of the overlays; plus checks that do not need
//! a snapshot to fail: every binding in the help, a custom keymap, NO_COLOR
//! without a single colour, a too-small terminal, wide and combining
//! characters staying aligned, new rows scrolling into view.

use std::collections::BTreeMap;

use crate::tui_support::{Fx, Setup, overwritten, region, rows, width};
use fgd::domain::{Command, Language, NoteKind, SpeakKind, Status};
use fgd::tui::app::{Overlay, Panel, Role};
use fgd::tui::keymap::{DEFAULTS, Key, Keymap, Op};
use fgd::tui::theme::ThemeName;
use fgd::tui::view;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

/// Sizes every whole-screen snapshot is taken at.
const SMALL: (u16, u16) = (80, 24);
const LARGE: (u16, u16) = (200, 60);

/// Text for a snapshot: the lines with their trailing spaces cut.
fn snap(text: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The screen for a snapshot, checked to fit first.
fn screen(fx: &Fx, (w, h): (u16, u16)) -> String {
    let buf = fx.buffer(w, h);
    assert_fits(&buf);
    snap(&fx.text_of(&buf))
}

/// Every row is exactly as wide as the screen and nothing hides under a wide
/// character.
fn assert_fits(buf: &Buffer) {
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

fn lang_name(fx: &Fx) -> &'static str {
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
                    ["point of", "clar", "reply", "new topic"],
                    "[OVERDUE]",
                    "2 private not shown",
                )
            } else {
                (
                    "LEWAT +00:20",
                    ["interupsi", "klarifikasi", "tanggapan", "topik baru"],
                    "[TERLAMBAT]",
                    "2 privat tak tampil",
                )
            };
            assert!(
                text.contains(over),
                "the speaker is over the limit:\n{text}"
            );
            assert!(text.contains(overdue), "{text}");
            let records = if lang == "en" {
                [
                    "being served → serving",
                    "D1. One queue",
                    "C1. The journey",
                    "[open]",
                ]
            } else {
                [
                    "dilayani → melayani",
                    "K1. SOP",
                    "S1. Pola pikir",
                    "[terbuka]",
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
            if size == LARGE {
                for k in kinds {
                    assert!(text.contains(k), "queue kind {k} missing:\n{text}");
                }
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
        text.contains("• "),
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
fn panels(fx: &Fx, (w, h): (u16, u16)) -> Vec<(String, String)> {
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
            assert_eq!(all.len(), if size == LARGE { 8 } else { 7 });
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
    let selected_y = r.y + 2; // title, first row, second (newest) row
    let cell = &buf[(r.x + 1, selected_y)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert!(
        !buf[(r.x + 1, r.y + 1)]
            .modifier
            .contains(Modifier::REVERSED)
    );
}

// ---------------------------------------------------------------- overlays

/// True when some line shows `keys` then (after spaces) the start of `text`.
fn shows_binding(lines: &[String], keys: &str, text: &str) -> bool {
    let prefix: String = text.chars().take(18).collect();
    lines.iter().any(|l| {
        l.match_indices(keys).any(|(i, _)| {
            let after = &l[i + keys.len()..];
            let rest = after.trim_start();
            after.len() - rest.len() >= 2 && rest.starts_with(&prefix)
        })
    })
}

#[test]
fn help_lists_every_action_with_its_keys() {
    for setup in [Setup::id(), Setup::en()] {
        let mut fx = Fx::busy(setup);
        let lang = lang_name(&fx);
        fx.ch('?');
        assert!(matches!(fx.app.overlays.last(), Some(Overlay::Help(0))));
        for size in [SMALL, LARGE] {
            let buf = fx.buffer(size.0, size.1);
            assert_fits(&buf);
            let lines = rows(&buf);
            for b in DEFAULTS {
                let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
                let keys = keys.join(" ");
                let text = fgd::i18n::keys::help(
                    b.op,
                    if lang == "en" {
                        Language::En
                    } else {
                        Language::Id
                    },
                );
                assert!(
                    shows_binding(&lines, &keys, text),
                    "{:?} ({keys}: {text}) is not in the help at {size:?}:\n{}",
                    b.op,
                    lines.join("\n")
                );
            }
            if size == SMALL || lang == "id" {
                snapshot!(
                    format!("help_{lang}_{}x{}", size.0, size.1),
                    snap(&lines.join("\n"))
                );
            }
        }
        // Any key closes it, and does nothing else.
        fx.ch('n');
        assert!(fx.app.overlays.is_empty());
        assert_eq!(fx.s().active_item().unwrap().id.0, 1);
    }
}

#[test]
fn help_turns_pages_where_it_does_not_fit() {
    for setup in [Setup::id(), Setup::en()] {
        let mut fx = Fx::busy(setup);
        let lang = lang_name(&fx);
        let (page, close_first_word) = if lang == "en" {
            ("page ", "other keys: close")
        } else {
            ("hal. ", "tombol lain: tutup")
        };
        // The page number and count on the hint line, e.g. "hal. 2/4".
        let page_of = |lines: &[String]| -> (usize, usize) {
            let hint = lines
                .iter()
                .find(|l| l.contains(page) && l.contains(close_first_word))
                .unwrap_or_else(|| panic!("no page hint:\n{}", lines.join("\n")));
            let at = hint.find(page).unwrap() + page.len();
            let (n, of) = hint[at..].split_once('/').unwrap();
            let of: String = of.chars().take_while(char::is_ascii_digit).collect();
            (n.parse().unwrap(), of.parse().unwrap())
        };
        fx.ch('?');
        let (w, h) = (60, 16);
        let first = fx.lines(w, h);
        let (one, pages) = page_of(&first);
        assert_eq!(one, 1);
        assert!(pages > 1, "{}", first.join("\n"));
        let mut seen = first.clone();
        for p in 2..=pages {
            fx.key(KeyCode::Down);
            let lines = fx.lines(w, h);
            assert_eq!(page_of(&lines), (p, pages));
            let buf = fx.buffer(w, h);
            assert_fits(&buf);
            seen.extend(lines);
        }
        for b in DEFAULTS {
            let keys: Vec<String> = b.keys.iter().map(ToString::to_string).collect();
            let keys = keys.join(" ");
            let text = fgd::i18n::keys::help(
                b.op,
                if lang == "en" {
                    Language::En
                } else {
                    Language::Id
                },
            );
            assert!(
                shows_binding(&seen, &keys, text),
                "{:?} ({keys}: {text}) is on no page at {w}x{h}:\n{}",
                b.op,
                seen.join("\n")
            );
        }
        // Bindings are never cut at this size: a long text wraps.
        assert!(!seen.iter().any(|l| l.contains('…')), "{}", seen.join("\n"));
        // The pages go round both ways; PgUp and PgDn turn them too.
        fx.key(KeyCode::Down);
        assert_eq!(page_of(&fx.lines(w, h)).0, 1);
        fx.key(KeyCode::PageUp);
        assert_eq!(page_of(&fx.lines(w, h)).0, pages);
        fx.key(KeyCode::PageDown);
        assert_eq!(page_of(&fx.lines(w, h)).0, 1);
        fx.key(KeyCode::Up);
        snapshot!(
            format!("help_last_page_{lang}_{w}x{h}"),
            snap(&fx.lines(w, h).join("\n"))
        );
        // Any other key closes it, and does nothing else.
        fx.ch('n');
        assert!(fx.app.overlays.is_empty());
        assert_eq!(fx.s().active_item().unwrap().id.0, 1);
    }
}

#[test]
fn a_custom_keymap_shows_in_the_footer_and_the_help() {
    let mut overrides = BTreeMap::new();
    overrides.insert(Op::NextItem, vec![Key::ch('N')]);
    let mut fx = Setup::id()
        .keymap(Keymap::with_overrides(&overrides))
        .build();
    fx.start();
    let text = screen(&fx, SMALL);
    let footer = text.lines().last().unwrap();
    assert!(footer.contains(" N acara berikut"), "{footer}");
    assert!(!footer.contains(" n acara berikut"), "{footer}");

    fx.ch('n');
    assert_eq!(
        fx.s().active_item().unwrap().id.0,
        1,
        "`n` no longer advances"
    );
    fx.ch('N');
    assert_eq!(fx.s().active_item().unwrap().id.0, 2, "`N` does");

    fx.ch('?');
    let lines = fx.lines(80, 24);
    assert!(
        shows_binding(&lines, "N", "acara berikutnya"),
        "{}",
        lines.join("\n")
    );
    assert!(!shows_binding(&lines, "n", "acara berikutnya"));
    snapshot!("help_custom_keymap_id_80x24", snap(&lines.join("\n")));
}

#[test]
fn forms_pickers_and_questions() {
    let mut fx = Fx::busy(Setup::id());
    // The action form, refused: the reason sits under the field.
    fx.ch('a');
    fx.typed("Menyusun SOP");
    fx.tab();
    fx.typed("zul");
    fx.tab();
    fx.typed("2026-02-30");
    fx.enter();
    snapshot!("form_action_bad_due_id_80x24", screen(&fx, SMALL));
    fx.esc();

    // The mindset form in English, with suggestions for the participant.
    fx.ch('L');
    fx.ch('m');
    fx.typed("rules");
    fx.tab();
    fx.typed("results");
    fx.tab();
    fx.tab();
    fx.typed("ra");
    snapshot!("form_mindset_en_80x24", screen(&fx, SMALL));
    fx.esc();
    fx.ch('L');

    // The participant picker filtered by number, then the kind prompt.
    fx.ch('r');
    fx.typed("1");
    let text = screen(&fx, SMALL);
    assert!(text.contains("› 1"), "{text}");
    snapshot!("picker_id_80x24", text);
    fx.enter();
    let text = screen(&fx, SMALL);
    assert!(
        text.contains("r tanggapan · c klarifikasi · p interupsi"),
        "{text}"
    );
    snapshot!("kind_id_80x24", text);
    fx.esc();

    // Participants and attendance.
    fx.ch('p');
    snapshot!("participants_id_80x24", screen(&fx, SMALL));
    fx.esc();

    // The end question.
    fx.ch('E');
    snapshot!("confirm_end_id_80x24", screen(&fx, SMALL));
    fx.ch('n');

    // Removing asks with the row's text.
    fx.tab();
    fx.ch('x');
    let text = screen(&fx, SMALL);
    assert!(
        text.contains("Hapus “Dr. Ir. Ratna Juwita Harahap, M.P.”?"),
        "{text}"
    );
    fx.esc();
}

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

// -------------------------------------------------------- long and wide text

const WIDE_NAMES: [&str; 4] = [
    "王小明",
    "Ni Luh Putu Ayu Kadek Wiryaningsih",
    "Dewi 🙂 Lestari 🎉",
    "Nguye\u{0302}\u{0303}n Thi\u{0323} Ha\u{0300}",
];

/// The Indonesian session with CJK, emoji and combining-mark names in every
/// panel, and a 10,000-character note.
fn wide() -> Fx {
    let mut fx = Fx::id();
    for name in WIDE_NAMES {
        fx.exec(Command::AddParticipant {
            name: name.into(),
            position: Some("Analis 政策 🙂".into()),
            unit: Some("Dinas Ke\u{0301}bersihan 清洁".into()),
            code: None,
            nip: None,
            consent: true,
            present: true,
        });
    }
    fx.exec(Command::Start);
    for (code, kind) in [
        ("P23", SpeakKind::Topic),
        ("P24", SpeakKind::Reply),
        ("P25", SpeakKind::Clarify),
        ("P26", SpeakKind::PointOfOrder),
    ] {
        fx.exec(Command::RaiseHand {
            participant: code.into(),
            kind,
        });
    }
    fx.exec(Command::CallSpeaker {
        participant: "P23".into(),
    });
    let mut long: String = "王小明说：服务要从市民需要开始 🙂 e\u{301}tude "
        .chars()
        .cycle()
        .take(9_999)
        .collect();
    long.push('。');
    fx.exec(Command::AddNote {
        text: long,
        kind: NoteKind::Insight,
        participant: Some("P23".into()),
        private: None,
        item: None,
    });
    fx.exec(Command::AddNote {
        text: "Dewi 🙂 bilang: pelayanan 🎉 harus cepat".into(),
        kind: NoteKind::Quote,
        participant: Some("P25".into()),
        private: None,
        item: None,
    });
    fx.exec(Command::AddMindset {
        from: "被服务 dilayani".into(),
        to: "服务 melayani 🙂".into(),
        values: vec![],
        participant: Some("P26".into()),
        item: None,
    });
    fx.exec(Command::AddDecision {
        text: "决定：每个月开一次会 🎉 Nguye\u{0302}\u{0303}n setuju".into(),
        item: None,
    });
    for (what, pic) in [
        ("整理会议记录 🙂", "王小明"),
        (
            "Menyusun SOP untuk Ni Luh Putu Ayu Kadek Wiryaningsih",
            "Tim 清洁 🎉",
        ),
    ] {
        fx.exec(Command::AddAction {
            what: what.into(),
            pic: Some(pic.into()),
            due: Some("2027-01-10".into()),
            item: None,
            origin: None,
        });
    }
    fx.wait(200);
    fx.reopen()
}

/// Each box (`┌ … ┐` down to `└ … ┘`) has its side borders in the same
/// columns on every row.
fn assert_boxes_align(buf: &Buffer) {
    let (w, h) = (buf.area.width, buf.area.height);
    for y in 0..h {
        for x in 0..w {
            if buf[(x, y)].symbol() != "┌" {
                continue;
            }
            let right = (x + 1..w)
                .find(|&r| buf[(r, y)].symbol() == "┐")
                .expect("a box without its top-right corner");
            let bottom = (y + 1..h)
                .find(|&b| buf[(x, b)].symbol() == "└")
                .expect("a box without its bottom-left corner");
            assert_eq!(buf[(right, bottom)].symbol(), "┘", "box at ({x},{y})");
            for row in y + 1..bottom {
                assert_eq!(buf[(x, row)].symbol(), "│", "left border of row {row}");
                assert_eq!(buf[(right, row)].symbol(), "│", "right border of row {row}");
            }
        }
    }
}

#[test]
fn wide_and_combining_characters_stay_aligned() {
    let mut fx = wide();
    for (w, h) in [(60, 16), (101, 33), (150, 40)] {
        assert_fits(&fx.buffer(w, h));
    }
    let large = fx.buffer(200, 60);
    assert_fits(&large);
    let text = snap(&fx.text_of(&large));
    for shown in [
        "P23 王小明",
        "P24 Ni Luh Putu Ayu Kadek Wiryaningsih",
        "Dewi 🙂 Lestari 🎉",
    ] {
        assert!(text.contains(shown), "{shown}:\n{text}");
    }
    snapshot!("wide_id_80x24", screen(&fx, SMALL));
    snapshot!("wide_id_200x60", text);

    assert_status_column_aligned(&fx, &large);
    wide_overlays(&mut fx);
}

/// The wide session's action statuses end in one column at 200×60.
fn assert_status_column_aligned(fx: &Fx, large: &Buffer) {
    // Right-aligned columns stay right-aligned whatever the widths before them.
    let model = view::model::build(&fx.app, fx.now, Rect::new(0, 0, 200, 60));
    let actions = model
        .panels
        .iter()
        .find(|p| p.panel == Panel::Actions)
        .unwrap();
    let body = region(large, actions.rect);
    let ends: Vec<usize> = body
        .lines()
        .skip(1)
        .filter(|l| l.contains('['))
        .map(|l| width(l.trim_end()))
        .collect();
    assert_eq!(ends.len(), 2, "{body}");
    assert!(
        ends.iter().all(|e| *e == ends[0]),
        "status column moved: {ends:?}\n{body}"
    );
}

/// The wide session under each overlay: boxes aligned, rows fitting.
fn wide_overlays(fx: &mut Fx) {
    // The overlays over them: participants (scrolled to the end), picker,
    // the 10,000-character note in its edit form, the remove question.
    fx.ch('p');
    for _ in 0..30 {
        fx.ch('j');
    }
    let opens: Vec<(&str, Vec<char>)> = vec![
        ("participants", vec![]),
        ("picker", vec!['r', '王']),
        ("kind", vec!['r', '2', '3']),
    ];
    for (name, keys) in opens {
        if name != "participants" {
            fx.app.overlays.clear();
        }
        for k in keys {
            fx.ch(k);
        }
        if name == "kind" {
            fx.enter();
        }
        let sizes: &[(u16, u16)] = if name == "participants" {
            &[SMALL, LARGE]
        } else {
            &[SMALL]
        };
        for &(w, h) in sizes {
            let buf = fx.buffer(w, h);
            assert_fits(&buf);
            assert_boxes_align(&buf);
        }
        if name == "participants" {
            let text = screen(fx, SMALL);
            assert!(text.contains("P26  Nguye\u{0302}\u{0303}n"), "{text}");
            snapshot!("wide_participants_id_80x24", text);
        }
    }
    fx.app.overlays.clear();
    fx.tab();
    fx.tab();
    fx.tab();
    assert_eq!(fx.app.focus, Panel::Notes);
    for _ in 0..5 {
        fx.ch('k');
    }
    fx.enter(); // the long note
    let Some(Overlay::Form(form)) = fx.app.overlays.last() else {
        panic!("no edit form");
    };
    assert_eq!(form.fields[0].input.value().chars().count(), 10_000);
    for (w, h) in [SMALL, LARGE, (60, 16)] {
        let buf = fx.buffer(w, h);
        assert_fits(&buf);
        assert_boxes_align(&buf);
    }
    snapshot!("wide_long_note_form_id_80x24", screen(fx, SMALL));
    fx.esc();
    fx.ch('x');
    let buf = fx.buffer(80, 24);
    assert_fits(&buf);
    assert_boxes_align(&buf);
    let text = snap(&fx.screen(80, 24));
    assert!(text.contains("Hapus “王小明说"), "{text}");
    fx.esc();
}

#[test]
fn a_ten_thousand_character_note_is_cut_with_an_ellipsis() {
    let fx = wide();
    let model = view::model::build(&fx.app, fx.now, Rect::new(0, 0, 80, 24));
    let notes = model
        .panels
        .iter()
        .find(|p| p.panel == Panel::Notes)
        .unwrap();
    let text = region(&fx.buffer(80, 24), notes.rect);
    let lines: Vec<&str> = text.lines().collect();
    // Two lines at 80×24, so the text shows its first 30 columns.
    let at = lines
        .iter()
        .position(|l| l.contains("[temuan] P23"))
        .unwrap_or_else(|| panic!("{text}"));
    let end = lines.get(at + 1).copied().unwrap_or_default();
    assert!(end.trim_end().ends_with('…'), "{text}");
    assert!(end.starts_with("王小明说：服务要从市民需要开始"), "{text}");
    assert!(width(end) <= notes.rect.width as usize);
}

/// The first 30 columns of `text` (DESIGN §3: long texts are cut only after them).
fn first_30(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if width(&format!("{out}{c}")) > 30 {
            break;
        }
        out.push(c);
    }
    out
}

#[test]
fn long_texts_show_their_first_30_characters_at_80x24() {
    for fx in [Fx::busy(Setup::id()), Fx::busy(Setup::en()), wide()] {
        let s = fx.s();
        let buf = fx.buffer(80, 24);
        let model = view::model::build(&fx.app, fx.now, Rect::new(0, 0, 80, 24));
        // A panel's rows as one text, a row cut over two lines joined again.
        let panel = |p: Panel| {
            let r = model.panels.iter().find(|m| m.panel == p).unwrap().rect;
            let text = region(
                &buf,
                Rect {
                    y: r.y + 1,
                    height: r.height - 1,
                    ..r
                },
            );
            text.lines()
                .map(str::trim_end)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut checked = 0;
        let mut check = |p: Panel, lead: String, text: &str| {
            let rows = panel(p);
            if rows.contains(&lead) {
                let want = format!("{lead}{}", first_30(text));
                assert!(
                    rows.contains(&want),
                    "{p:?}: {want:?} is cut short:\n{rows}"
                );
                checked += 1;
            }
        };
        for (i, item) in s.agenda.iter().enumerate() {
            check(Panel::Agenda, format!("{}. ", i + 1), &item.title);
        }
        for (i, e) in s.queue.iter().enumerate() {
            check(
                Panel::Queue,
                format!("{}. {} ", i + 1, e.code),
                s.name_of(&e.code),
            );
        }
        if let Some(sp) = &s.speaking {
            check(Panel::Queue, format!("▶ {} ", sp.code), s.name_of(&sp.code));
        }
        for n in s.notes().filter(|n| !n.private) {
            let who = n.participant.as_deref().unwrap_or_default();
            let kind = fx.app.words().note_kind(n.kind);
            check(Panel::Notes, format!("[{kind}] {who} "), &n.text);
        }
        for m in s.mindsets() {
            check(
                Panel::Mindsets,
                String::new(),
                &format!("{} → {}", m.from, m.to),
            );
        }
        for d in s.decisions() {
            check(Panel::Decisions, format!("{}. ", d.id), &d.text);
        }
        for a in s.actions() {
            check(Panel::Actions, format!("{}. ", a.id), &a.what);
        }
        assert!(checked >= 15, "only {checked} rows checked");
    }
}

// ------------------------------------------------------------ scrolling

#[test]
fn newly_added_rows_scroll_into_view() {
    let mut fx = Fx::en();
    fx.start();
    for i in 1..=50 {
        fx.ch('o');
        fx.typed(&format!("insight number {i}"));
        fx.tab();
        fx.ch('i'); // kind: insight (public)
        fx.enter();
    }
    assert_eq!(fx.s().notes().count(), 50);
    for size in [SMALL, LARGE] {
        let text = screen(&fx, size);
        assert!(text.contains("insight number 50"), "{size:?}:\n{text}");
        assert!(
            !text
                .lines()
                .any(|l| l.trim_end().ends_with("insight number 1")),
            "the oldest note made room:\n{text}"
        );
    }
    // Decisions are listed before conclusions: a new decision still shows.
    for i in 1..=12 {
        fx.ch('c');
        fx.typed(&format!("conclusion {i}"));
        fx.enter();
    }
    for i in 1..=12 {
        fx.ch('d');
        fx.typed(&format!("decision {i}"));
        fx.enter();
    }
    let text = screen(&fx, SMALL);
    assert!(text.contains("D12. decision 12"), "{text}");
    let notes = panels(&fx, SMALL)
        .into_iter()
        .find(|(n, _)| n == "notes")
        .unwrap()
        .1;
    snapshot!("scrolled_notes_en_80x24", notes);
}

// -------------------------------------------------------------------- home

#[test]
fn the_home_screen_lists_sessions_and_plans() {
    use fgd::tui::home::Home;
    use fgd::tui::theme::Theme;
    let fx = Fx::id();
    let data = fx.data.clone();
    drop(fx.app);
    for lang in [Language::Id, Language::En] {
        let home = Home::new(
            &data,
            &[],
            lang,
            Theme::named(ThemeName::Default),
            Keymap::default(),
        );
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
        term.draw(|f| home.draw(f, crate::tui_support::id_t0()))
            .unwrap();
        let buf = term.backend().buffer().clone();
        assert_fits(&buf);
        let text = snap(&rows(&buf).join("\n"));
        assert!(text.contains("2027-01-15-pola-pikir"), "{text}");
        let (name, status) = if lang == Language::En {
            ("en", "[PLANNED]")
        } else {
            ("id", "[DIRENCANAKAN]")
        };
        assert!(
            text.contains(status),
            "the status in the screen's language:\n{text}"
        );
        snapshot!(format!("home_{name}_80x24"), text);
    }
}
