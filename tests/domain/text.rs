//! Text entering the domain: cleaned, limited, any Unicode kept.

use super::*;

// ------------------------------------------------------------------ text

#[test]
fn control_characters_escapes_and_bidi_overrides_are_stripped() {
    let mut fx = live();
    fx.ok(note(
        "\u{1b}[31mmerah\u{1b}[0m a\u{0}b\u{7}c \u{1b}]0;judul\u{7}d\u{202e}e\u{2066}f\u{2069}\r\nbaris\tdua",
        NoteKind::Quote,
    ));
    assert_eq!(fx.s.notes[0].text, "merah abc def\nbaris\tdua");
    fx.ok(add_participant("Budi\u{202e}\n  Hartono\u{1b}[1m"));
    assert_eq!(
        fx.s.participants[4].name, "Budi Hartono",
        "names are one line"
    );
    fx.ok(Command::AddDecision {
        text: "\u{9b}2Jsah".into(),
        item: None,
        votes: None,
    });
    assert_eq!(fx.s.decisions[0].text, "sah");
    assert_eq!(
        fx.err(note("\u{1b}[2J\u{0}\u{202e}", NoteKind::Quote)),
        DomainError::Empty("note text"),
        "a text of only controls is empty"
    );
}

#[test]
fn long_texts_are_accepted_up_to_the_limit() {
    let mut fx = live();
    let ten_k: String = "é".repeat(10_000);
    fx.ok(note(&ten_k, NoteKind::Insight));
    assert_eq!(fx.s.notes[0].text.chars().count(), 10_000);
    let twenty_k = "a".repeat(20_000);
    fx.ok(note(&twenty_k, NoteKind::Insight));
    let too_long = "a".repeat(20_001);
    assert_eq!(
        fx.err(note(&too_long, NoteKind::Insight)),
        DomainError::TooLong {
            field: "note text",
            len: 20_001,
            max: 20_000
        }
    );
    assert!(matches!(
        fx.err(add_participant(&"n".repeat(501))),
        DomainError::TooLong { max: 500, .. }
    ));
    assert!(matches!(
        fx.err(action("x", Some(&"p".repeat(501)), None)),
        DomainError::TooLong { field: "PIC", .. }
    ));
}

#[test]
fn any_unicode_is_kept_intact() {
    let mut fx = live();
    let texts = [
        "王小明说：服务第一",
        "👩🏽‍💼 melayani 🇮🇩",
        "e\u{301} a\u{308} Ñ",
        "ກ ຂ ລາວ ภาษาไทย",
        "مرحبا",
    ];
    for t in texts {
        fx.ok(note(t, NoteKind::Quote));
        fx.ok(Command::AddMindset {
            from: t.into(),
            to: t.into(),
            values: vec![],
            participant: None,
            item: None,
        });
    }
    for (n, t) in fx.s.notes.iter().zip(texts) {
        assert_eq!(n.text, t);
    }
    for (m, t) in fx.s.mindsets.iter().zip(texts) {
        assert_eq!((m.from.as_str(), m.to.as_str()), (t, t));
    }
    fx.ok(add_participant("王小明 👩🏽‍💼"));
    assert_eq!(fx.s.participants[4].name, "王小明 👩🏽‍💼");
    fx.ok(Command::Arrive {
        participant: "王小明 👩🏽‍💼".into(),
    });
}

#[test]
fn a_due_date_with_unicode_is_refused_not_a_panic() {
    let mut fx = live();
    for bad in ["+7é", "+é", "+٣d", "++7d", "2026-١٢-01"] {
        assert!(
            matches!(fx.err(action("x", None, Some(bad))), DomainError::BadDue(_)),
            "{bad}"
        );
    }
}

#[test]
fn the_next_code_after_a_huge_one_does_not_overflow() {
    let mut fx = Fx::new();
    fx.ok(Command::AddParticipant {
        name: "Besar".into(),
        position: None,
        unit: None,
        code: Some("P4294967295".into()),
        nip: None,
        consent: false,
        present: false,
        carried: false,
    });
    fx.ok(add_participant("Berikut"));
    let codes: Vec<&str> = fx.s.participants.iter().map(|p| p.code.as_str()).collect();
    assert_ne!(codes[0], codes[1]);
    fx.check();
}
