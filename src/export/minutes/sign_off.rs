//! Section "sign-off": the closing sentence, the place and date of signing
//! (the day the session ran; the place left blank when none was given), a
//! signature for the chair and the notetaker (position, name, rank, NIP) and,
//! where the plan names one, the "Mengetahui" signer under them. Gathers them from the session and makes the
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
    /// Who signs "Mengetahui".
    pub approver: Option<Signer>,
}

impl Builder<'_> {
    pub(in crate::export) fn sign_off(&self) -> SignOff {
        let info = &self.s.info;
        // The place is the plan's or a correction's, never guessed from the
        // venue: without one the signer fills it in.
        SignOff {
            place_date: self.l.place_date(
                info.place.as_deref(),
                &i18n::date(self.s.date(), self.lang()),
            ),
            chair: signer(info.facilitator.as_ref()),
            notetaker: signer(info.notetaker.as_ref()),
            approver: signer(info.approver.as_ref()),
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
        position: who.as_ref().and_then(|p| p.position.clone()),
        rank: who.as_ref().and_then(|p| p.rank.clone()),
    };
    vec![Block::SignOff(crate::export::doc::SignOff {
        place: s.place_date.clone(),
        nip_label: l.nip,
        signers: vec![
            signature(l.sign_chair, &s.chair),
            signature(l.sign_notetaker, &s.notetaker),
        ],
        closing: l.closing_sentence.to_owned(),
        approver: s
            .approver
            .as_ref()
            .map(|_| signature(l.sign_approver, &s.approver)),
    })]
}
