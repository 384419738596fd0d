//! Appendix "guide questions": the discussion guide of every agenda item
//! that has one, where the plan's `[minutes] guide_questions` keeps them (the
//! internal minutes always do). Makes the section's blocks from the
//! discussion the minutes already hold. Must not number or lay out.

use crate::export::doc::{Block, List, ListItem, Span};
use crate::export::model::Minutes;

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
                .map(|q| ListItem {
                    class: None,
                    value: None,
                    spans: vec![Span::Text(q.clone())],
                })
                .collect(),
        }));
    }
    out
}
