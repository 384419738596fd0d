//! The sign-off and the day of the minutes: the place is the one given
//! (plan `place` or `edit_session`), never guessed from the venue — without
//! one, a blank for the signer; each signer with position, name, rank and
//! NIP; the day is the one the session ran, and a draft before the start
//! says its day is planned. Read with real parsers.

use std::collections::BTreeMap;

use crate::export_support::{all, check_html, check_md, fixed, norm, planned, text_of};
use fgd::domain::{Command, HeaderChange, Language, Recorded, Session};
use fgd::export::{self, Format, Options};

fn files(s: &Session, log: &[Recorded], l: Language) -> BTreeMap<Format, String> {
    let opts = Options {
        lang: Some(l),
        anonymize: false,
        internal: false,
        paper: None,
    };
    export::render_all(s, log, &[Format::Md, Format::Html], opts)
        .into_iter()
        .map(|(f, bytes)| (f, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn without_a_place_the_sign_off_leaves_a_blank_never_the_venue() {
    let mut fx = fixed();
    fx.ok(Command::EditSession(HeaderChange {
        place: Some(String::new()),
        ..HeaderChange::default()
    }));
    let f = files(&fx.s, &fx.log, Language::Id);
    let md = norm(&check_md(&f[&Format::Md]));
    assert!(md.contains("…………, 23 November 2026"), "{md}");
    assert!(
        !md.contains("Sendangrejo, 23 November"),
        "never the venue's town"
    );
    let html = check_html(&f[&Format::Html]);
    let place = all(&html, ".signoff .place");
    assert_eq!(text_of(place[0]), "…………, 23 November 2026");
    // The correction after the end is marked revised.
    assert!(md.contains("direvisi"), "{md}");
}

#[test]
fn signers_show_position_above_and_rank_under_the_name() {
    let mut fx = fixed();
    fx.ok(Command::EditSession(HeaderChange {
        place: Some("Kota Sendangrejo".into()),
        facilitator_position: Some("Kepala Bappeda".into()),
        facilitator_rank: Some("Pembina Utama Muda (IV/c)".into()),
        notetaker_rank: Some("Penata Muda (III/a)".into()),
        ..HeaderChange::default()
    }));
    let f = files(&fx.s, &fx.log, Language::Id);
    let md = check_md(&f[&Format::Md]);
    let sign = md
        .split("Kota Sendangrejo, 23 November 2026")
        .nth(1)
        .unwrap();
    let order = [
        "Kepala Bappeda",
        "Dr. Ratih",
        "Pembina Utama Muda (IV/c)",
        "NIP",
    ];
    let at: Vec<usize> = order.iter().map(|w| sign.find(w).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{sign}");
    assert!(sign.contains("Penata Muda (III/a)"), "{sign}");
    let html = check_html(&f[&Format::Html]);
    let signers = all(&html, ".signoff .signer");
    let chair = norm(&text_of(signers[0]));
    assert!(
        chair.contains("Kepala Bappeda") && chair.contains("Pembina Utama Muda (IV/c)"),
        "{chair}"
    );
    assert_eq!(all(&html, ".signer .rank").len(), 2);
}

#[test]
fn a_draft_before_the_start_says_its_day_is_planned() {
    let fx = planned();
    for (l, want) in [
        (Language::Id, "Senin, 23 November 2026 (rencana)"),
        (Language::En, "Monday, 23 November 2026 (planned)"),
    ] {
        let f = files(&fx.s, &fx.log, l);
        assert!(norm(&f[&Format::Md]).contains(want), "{}", f[&Format::Md]);
        assert!(norm(&f[&Format::Html]).contains(want));
    }
    let ended = files(&fixed().s, &fixed().log, Language::Id);
    assert!(!ended[&Format::Md].contains("(rencana)"));
}
