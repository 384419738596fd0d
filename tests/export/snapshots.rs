//! Golden snapshots (insta) of `minutes.md` in both languages, from the
//! fixed session built with fixed timestamps. Review a change with
//! `cargo insta review` (or set `INSTA_UPDATE=always` and read the diff).

use fgd::domain::Language;
use fgd::export::{Format, Options, render_all};

fn minutes_md(lang: Language, anonymize: bool) -> String {
    let fx = crate::export_support::fixed();
    let files = render_all(
        &fx.s,
        &fx.log,
        &[Format::Md],
        Options {
            lang: Some(lang),
            anonymize,
            internal: false,
            paper: None,
        },
    );
    String::from_utf8(files.into_iter().next().unwrap().1).unwrap()
}

/// Compares with `tests/snapshots/export_snapshots__NAME.snap`, the files
/// these snapshots had when they were a test binary of their own.
macro_rules! check {
    ($name:literal, $md:expr) => {
        insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(concat!("export_snapshots__", $name), $md);
        })
    };
}

#[test]
fn minutes_md_in_indonesian() {
    check!("minutes_id", minutes_md(Language::Id, false));
}

#[test]
fn minutes_md_in_english() {
    check!("minutes_en", minutes_md(Language::En, false));
}

#[test]
fn minutes_md_anonymized() {
    check!("minutes_id_anonymized", minutes_md(Language::Id, true));
}
