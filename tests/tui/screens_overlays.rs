//! The overlays on a `TestBackend`: the help (every binding, pages, a
//! custom keymap), forms, the picker, the kind prompt, participants and the
//! questions, with their insta snapshots.

use std::collections::BTreeMap;

use super::screens::{LARGE, SMALL, assert_fits, lang_name, screen, snap};
use crate::tui_support::{Fx, Setup, rows};
use fgd::domain::Language;
use fgd::tui::app::Overlay;
use fgd::tui::keymap::{DEFAULTS, Key, Keymap, Op};
use ratatui::crossterm::event::KeyCode;

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
            let first = rows(&buf);
            // Every page (texts are wrapped, never cut, so 80×24 may page).
            let mut lines = first.clone();
            for _ in 0..5 {
                fx.key(KeyCode::Down);
                let buf = fx.buffer(size.0, size.1);
                assert_fits(&buf);
                lines.extend(rows(&buf));
            }
            for _ in 0..5 {
                fx.key(KeyCode::Up);
            }
            // No help text is cut: the quit text's last words are there.
            let ends = if lang == "en" {
                "all is saved)"
            } else {
                "semua tersimpan)"
            };
            assert!(
                lines.iter().any(|l| l.contains(ends)),
                "a help text is cut:\n{}",
                lines.join("\n")
            );
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
                    snap(&first.join("\n"))
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
    fx.ch('y');

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
    fx.ch('y');
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

    // Removing asks with the row's text: the queue opened at its newest
    // entry, P6's point of order (at the front); the hand goes, not the person.
    fx.tab();
    fx.ch('x');
    let text = screen(&fx, SMALL);
    assert!(
        text.contains("Hapus “Hj. Siti Nurhaliza Daulay, S.E., M.M.” dari antrean?"),
        "{text}"
    );
    fx.esc();
}
