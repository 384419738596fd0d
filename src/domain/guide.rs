//! The discussion guide: an item's questions ticked as covered (or not).
//! The rule of `cover_question`, the fold of `QuestionCovered` and the
//! questions asked of it (which questions of an item are covered). The
//! questions themselves are the agenda's (`agenda.rs`). Must not touch the
//! floor, participants or records.

use super::error::DomainError;
use super::event::Event;
use super::rules::Rules;
use super::session::{AgendaItem, ItemId, Session};

/// Rule of `cover_question`: question `question` (1-based) of `item` (the
/// active item when none is given) is ticked covered, or un-ticked; a tick
/// that changes nothing is refused.
pub(super) fn cover(
    r: &Rules,
    item: Option<ItemId>,
    question: usize,
    covered: bool,
) -> Result<Event, DomainError> {
    let it = match item {
        Some(id) => r.item(id)?,
        None => r.s.active_item().ok_or(DomainError::NoActiveItem)?,
    };
    let len = it.questions.len();
    if question == 0 || question > len {
        return Err(DomainError::UnknownQuestion { question, len });
    }
    if it.is_covered(question) == covered {
        return Err(DomainError::NothingToChange);
    }
    Ok(Event::QuestionCovered {
        item: it.id,
        question,
        covered,
    })
}

/// Fold of `QuestionCovered`.
pub(super) fn covered(s: &mut Session, item: ItemId, question: usize, covered: bool) {
    if let Some(it) = s.agenda.iter_mut().find(|i| i.id == item) {
        it.covered.retain(|q| *q != question);
        if covered {
            it.covered.push(question);
            it.covered.sort_unstable();
        }
    }
}

/// An edit of the questions keeps only the ticks of questions still there.
pub(super) fn trim(item: &mut AgendaItem) {
    let len = item.questions.len();
    item.covered.retain(|q| *q <= len);
}

impl AgendaItem {
    /// Whether question `question` (1-based) was ticked covered.
    pub fn is_covered(&self, question: usize) -> bool {
        self.covered.contains(&question)
    }

    /// The first question (1-based) not yet covered, if any.
    pub fn next_uncovered(&self) -> Option<usize> {
        (1..=self.questions.len()).find(|q| !self.is_covered(*q))
    }
}
