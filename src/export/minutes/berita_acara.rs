//! Section "Berita Acara Penilaian" of a jury session, on its own page in
//! the lampiran: who judged what, when and where, the ranking, and a
//! signature for every juror (position, name, NIP). Only once the scores
//! are announced. Reads the facts `scores.rs` gathers; must not number or
//! lay out.

use crate::export::doc::{Block, SignOff, Signature, Span};
use crate::export::model::Minutes;
use crate::i18n;

/// The opening line, the ranking, the closing line and the jurors' signatures.
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let w = i18n::jury::words(m.labels.lang);
    let Some(r) = m.scores.as_ref().filter(|r| r.announced) else {
        return vec![Block::words(w.not_announced)];
    };
    let signers = r
        .jurors
        .iter()
        .map(|j| Signature {
            role: w.juror,
            name: Some(j.name.clone()),
            nip: j.nip.clone(),
            position: j.position.clone(),
            rank: j.rank.clone(),
        })
        .collect();
    vec![
        Block::para(vec![Span::Text(r.opening.clone())]),
        super::scores::ranking_table(w, r),
        Block::SignOff(SignOff {
            place: r.place_date.clone(),
            nip_label: m.labels.nip,
            signers,
            closing: w.berita_acara_close.to_owned(),
            approver: None,
        }),
    ]
}
