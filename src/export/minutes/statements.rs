//! Sections "conclusions" and "decisions": numbered statements, each with
//! the agenda item it belongs to. The two sections have one shape, so they
//! share this file: it gathers the rows from the session and makes the
//! blocks of either. Must not number sections or lay out.

use crate::domain::{ItemId, RecordKind, Statement};
use crate::export::doc::{Block, List, ListItem, Span};
use crate::export::model::Builder;
use crate::i18n::minutes::Labels;

use super::revised_at;

/// A conclusion or decision.
#[derive(Debug, Clone)]
pub struct StatementRow {
    /// Number.
    pub no: u32,
    /// Text.
    pub text: String,
    /// Agenda item, "3. Title".
    pub item: Option<String>,
    /// The agenda item's id.
    pub item_id: Option<ItemId>,
    /// "direvisi 2 Des 2026 14.10" when corrected after the end.
    pub revised: Option<String>,
    /// "setuju 18, tidak setuju 2, abstain 2" (a decision's counts).
    pub votes: Option<String>,
}

impl Builder<'_> {
    pub(in crate::export) fn statements<'s>(
        &self,
        kind: RecordKind,
        list: impl Iterator<Item = &'s Statement>,
    ) -> Vec<StatementRow> {
        list.map(|d| StatementRow {
            no: d.id,
            text: d.text.clone(),
            item: self.item_ref(d.item),
            item_id: d.item,
            revised: self.revised(d.revised, kind, d.id),
            votes: d
                .votes
                .map(|v| crate::i18n::jury::words(self.lang()).votes(v)),
        })
        .collect()
    }
}

/// The statements as a list keeping their numbers, or "none".
pub fn blocks(l: &Labels, list: &[StatementRow]) -> Vec<Block> {
    if list.is_empty() {
        return vec![Block::words(l.none)];
    }
    let items = list
        .iter()
        .map(|s| {
            let mut spans = vec![Span::Text(s.text.clone())];
            spans.extend(revised_at(s.revised.as_ref()));
            if let Some(v) = &s.votes {
                spans.extend([
                    Span::word(" "),
                    Span::Flag {
                        class: "votes",
                        text: format!("({v})"),
                    },
                ]);
            }
            if let Some(i) = &s.item {
                spans.extend([
                    Span::word(" "),
                    Span::Em(vec![
                        Span::word(format!("({}: ", l.item)),
                        Span::Plain(i.clone()),
                        Span::word(")"),
                    ]),
                ]);
            }
            ListItem {
                class: None,
                value: Some(s.no),
                spans,
            }
        })
        .collect();
    vec![Block::List(List {
        ordered: true,
        class: "statements",
        items,
    })]
}
