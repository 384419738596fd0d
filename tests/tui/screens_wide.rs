//! Long and wide text: CJK, emoji and combining marks stay aligned in every
//! panel and overlay, a 10,000-character note is cut with an ellipsis, and
//! long texts show their first 30 columns at 80×24.

use super::screens::{LARGE, SMALL, assert_fits, screen, snap};
use crate::tui_support::{Fx, Setup, region, width};
use fgd::domain::{Command, NoteKind, SpeakKind};
use fgd::tui::app::{Overlay, Panel};
use fgd::tui::view;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

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
            carried: false,
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
        votes: None,
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
            carried: None,
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
        for e in &s.queue {
            let tag = fx.app.words().speak_tag(e.kind);
            check(
                Panel::Queue,
                format!("[{tag}] {} ", e.code),
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
        let mark = if fx.app.lang == fgd::domain::Language::En {
            "D"
        } else {
            "K"
        };
        for d in s.decisions() {
            check(Panel::Decisions, format!("{mark}{}. ", d.id), &d.text);
        }
        for a in s.actions() {
            check(Panel::Actions, format!("{}. ", a.id), &a.what);
        }
        assert!(checked >= 15, "only {checked} rows checked");
    }
}
