//! Appendix "guide questions": the discussion guide of every agenda item
//! that has one, where the plan's `[minutes] guide_questions` keeps them (the
//! internal minutes always do). Makes the section's blocks from the
//! discussion the minutes already hold. Must not number or lay out.

use crate::export::doc::{Block, List, ListItem, Span};
use crate::export::model::Minutes;

use super::discussion::Discussion;

/// Whether these minutes have the appendix.
pub fn shown(m: &Minutes) -> bool {
    m.guide_questions_shown && m.discussion.iter().any(|d| !d.questions.is_empty())
}

/// Per item with questions, its title and its numbered questions.
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let mut out = Vec::new();
    for d in m.discussion.iter().filter(|d| !d.questions.is_empty()) {
        let title = match d.no {
            Some(no) => format!("{no}. {}", d.title),
            None => d.title.clone(),
        };
        out.push(Block::Paragraph {
            class: Some("questions-of"),
            spans: vec![Span::Strong(vec![Span::Text(title)])],
        });
        out.push(Block::List(List {
            ordered: true,
            class: "questions",
            items: d
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| ListItem {
                    class: None,
                    value: None,
                    spans: covered_mark(m, d, i + 1, q),
                })
                .collect(),
        }));
    }
    out
}

/// A guide question, marked "(covered)" when it was ticked.
fn covered_mark(m: &Minutes, d: &Discussion, no: usize, q: &str) -> Vec<Span> {
    let mut spans = vec![Span::Text(q.to_owned())];
    if d.covered.contains(&no) {
        spans.push(Span::word(" "));
        spans.push(Span::word(m.labels.question_covered));
    }
    spans
}
