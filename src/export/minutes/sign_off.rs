//! Section "sign-off": the place and date of signing, and a signature for
//! the chair and the notetaker. Gathers them from the session and makes the
//! section's block. Must not number or lay out.

use crate::export::doc::{Block, Signature};
use crate::export::model::{Builder, Minutes, Signer, signer};
use crate::i18n;

/// The sign-off block.
#[derive(Debug, Clone)]
pub struct SignOff {
    /// "Jakarta Pusat, 15 Januari 2027".
    pub place_date: String,
    /// Chair.
    pub chair: Option<Signer>,
    /// Notetaker.
    pub notetaker: Option<Signer>,
}

impl Builder<'_> {
    pub(in crate::export) fn sign_off(&self) -> SignOff {
        let info = &self.s.info;
        // The place is the last part of the venue's address (its town).
        let place = info
            .venue
            .as_deref()
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim);
        SignOff {
            place_date: self
                .l
                .place_date(place, &i18n::date(info.date, self.lang())),
            chair: signer(info.facilitator.as_ref()),
            notetaker: signer(info.notetaker.as_ref()),
        }
    }
}

/// The place and date, and the two signatures.
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let l = m.labels;
    let s = &m.sign_off;
    let signature = |role, who: &Option<Signer>| Signature {
        role,
        name: who.as_ref().map(|p| p.name.clone()),
        nip: who.as_ref().and_then(|p| p.nip.clone()),
    };
    vec![Block::SignOff(crate::export::doc::SignOff {
        place: s.place_date.clone(),
        nip_label: l.nip,
        signers: vec![
            signature(l.sign_chair, &s.chair),
            signature(l.sign_notetaker, &s.notetaker),
        ],
    })]
}
