//! The guide-question keys: step to the active item's next question (a
//! view choice of this terminal) and tick the current one covered or not
//! (a command, so every terminal and the minutes see it). Must not draw.

use chrono::{DateTime, Utc};

use super::app::App;
use super::keymap::Op;
use super::port::Port;
use super::view::panels::guide::current;
use crate::domain::{Command, DomainError};

impl<P: Port> App<P> {
    /// What the guide-question ops do.
    pub(crate) fn on_guide(&mut self, op: Op, now: DateTime<Utc>) {
        let Some((item, q)) = current(self.session(), self.guide) else {
            let e = if self.session().active_item().is_some() {
                DomainError::UnknownQuestion {
                    question: 1,
                    len: 0,
                }
            } else {
                DomainError::NoActiveItem
            };
            self.complain(crate::i18n::refusals::refusal(self.lang, &e));
            return;
        };
        let (id, n, covered) = (item.id, item.questions.len(), item.is_covered(q));
        // After a tick, the next question not yet covered (after this one,
        // round to the first) is current.
        let after = (q + 1..=n)
            .chain(1..q)
            .find(|k| !item.is_covered(*k))
            .map(|k| (id, k));
        if op == Op::NextQuestion {
            self.guide = Some((id, q % n + 1));
            return;
        }
        let cmd = Command::CoverQuestion {
            item: Some(id),
            question: q,
            covered: !covered,
        };
        if self.run(cmd, now) && !covered {
            self.guide = after;
        }
    }
}
