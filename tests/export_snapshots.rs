//! Golden snapshots (insta) of `minutes.md` in both languages, from the
//! fixed session built with fixed timestamps. Review a change with
//! `cargo insta review` (or set `INSTA_UPDATE=always` and read the diff).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod export_support;

use fgd::domain::Language;
use fgd::export::{Format, Options, render_all};

fn minutes_md(lang: Language, anonymize: bool) -> String {
    let fx = export_support::fixed();
    let files = render_all(
        &fx.s,
        &fx.log,
        &[Format::Md],
        Options {
            lang: Some(lang),
            anonymize,
        },
    );
    String::from_utf8(files.into_iter().next().unwrap().1).unwrap()
}

#[test]
fn minutes_md_in_indonesian() {
    insta::assert_snapshot!("minutes_id", minutes_md(Language::Id, false));
}

#[test]
fn minutes_md_in_english() {
    insta::assert_snapshot!("minutes_en", minutes_md(Language::En, false));
}

#[test]
fn minutes_md_anonymized() {
    insta::assert_snapshot!("minutes_id_anonymized", minutes_md(Language::Id, true));
}
