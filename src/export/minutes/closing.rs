//! Section "closing": when the meeting closed (or that it has not), what it
//! produced, and whether it was revised after the end. Gathers the lines
//! from the session and makes the section's blocks. Must not number or lay
//! out.

use crate::domain::{ItemStatus, Status};
use crate::export::doc::{Block, Span};
use crate::export::model::{Builder, Minutes};
use crate::i18n;

impl Builder<'_> {
    pub(in crate::export) fn closing(&self) -> Vec<String> {
        let first = match (self.s.status, self.s.ended_at) {
            (Status::Ended, Some(end)) => {
                self.l
                    .closed_at(&i18n::time_zoned(end, self.s.info.zone, self.lang()))
            }
            (status, _) => self.l.not_closed(status),
        };
        let summary = self.l.summary(
            self.s.decisions().count(),
            self.s.conclusions().count(),
            self.s.actions().count(),
            self.s
                .agenda
                .iter()
                .filter(|i| i.status == ItemStatus::Deferred)
                .count(),
        );
        let mut lines = vec![first, summary];
        if self.s.revised {
            lines.push(self.l.revised_note.to_owned());
        }
        lines
    }
}

/// One paragraph per line.
pub fn blocks(m: &Minutes) -> Vec<Block> {
    m.closing
        .iter()
        .map(|line| Block::para(vec![Span::Text(line.clone())]))
        .collect()
}
