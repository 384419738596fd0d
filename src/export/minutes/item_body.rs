//! Everything recorded under one agenda item, in the notulen's shape: its
//! notes and quotes with their time, then its mindset shifts, conclusions,
//! decisions and actions. One labelled list per kind of record present,
//! taken from the registers the minutes already hold, kind by kind over
//! [`RecordKind::ALL`] (an exhaustive match: a new kind of record does not
//! compile until it says what it shows under an item). Must not number or
//! lay out.

use crate::domain::{ItemId, RecordKind};
use crate::export::doc::{Block, List, ListItem, Span};
use crate::export::model::Minutes;

use super::discussion::{Discussion, label, notes};
use super::revised_at;

/// The blocks of every kind of record under `d`; empty when nothing was
/// recorded there.
pub fn blocks(m: &Minutes, d: &Discussion) -> Vec<Block> {
    let mut out = Vec::new();
    for kind in RecordKind::ALL {
        let (title, items) = under(m, kind, d);
        if items.is_empty() {
            continue;
        }
        out.push(Block::para(vec![label(title)]));
        out.push(Block::List(List {
            ordered: false,
            class: class(kind),
            items,
        }));
    }
    out
}

fn class(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Note => "notes",
        RecordKind::Mindset => "mindsets",
        RecordKind::Decision => "decisions",
        RecordKind::Conclusion => "conclusions",
        RecordKind::Action => "actions",
        RecordKind::Idea => "ideas",
    }
}

/// The title and the list items of one kind of record under `d`.
fn under(m: &Minutes, kind: RecordKind, d: &Discussion) -> (&'static str, Vec<ListItem>) {
    let l = m.labels;
    let here = |item: Option<ItemId>| item == d.id;
    match kind {
        RecordKind::Note => (l.notes, notes(l, d)),
        RecordKind::Mindset => (
            l.mindsets,
            m.mindsets
                .iter()
                .filter(|r| here(r.item_id))
                .map(|r| {
                    let mut spans = vec![
                        Span::Text(r.from.clone()),
                        Span::word(" → "),
                        Span::Text(r.to.clone()),
                    ];
                    if !r.values.is_empty() {
                        spans.push(Span::word(format!(" ({})", r.values.join(", "))));
                    }
                    if let Some(by) = &r.by {
                        spans.extend([Span::word(" — "), Span::Plain(by.clone())]);
                    }
                    spans.extend(revised_at(r.revised.as_ref()));
                    numbered(l.mindset_no, r.no, spans)
                })
                .collect(),
        ),
        RecordKind::Decision | RecordKind::Conclusion => {
            let (title, no, rows) = if kind == RecordKind::Decision {
                (l.decisions, l.decision_no, &m.decisions)
            } else {
                (l.conclusions, l.conclusion_no, &m.conclusions)
            };
            let items = rows
                .iter()
                .filter(|r| here(r.item_id))
                .map(|r| {
                    let mut spans = vec![Span::Text(r.text.clone())];
                    spans.extend(revised_at(r.revised.as_ref()));
                    spans.extend(votes(r.votes.as_ref()));
                    numbered(no, r.no, spans)
                })
                .collect();
            (title, items)
        }
        // Ideas have their own section, grouped per OPD or team.
        RecordKind::Idea => (l.notes, Vec::new()),
        RecordKind::Action => (
            l.actions,
            m.actions
                .iter()
                .filter(|a| here(a.item_id) && a.origin.is_none())
                .map(|a| {
                    let mut spans = vec![Span::Text(a.what.clone())];
                    spans.extend(revised_at(a.revised.as_ref()));
                    let mut who = Vec::new();
                    if let Some(pic) = &a.pic {
                        who.extend([Span::word(format!("{}: ", l.pic)), Span::Plain(pic.clone())]);
                    }
                    if let Some(due) = &a.due_text {
                        if !who.is_empty() {
                            who.push(Span::word("; "));
                        }
                        who.push(Span::word(format!("{}: {due}", l.due)));
                    }
                    if !who.is_empty() {
                        who.insert(0, Span::word("("));
                        who.push(Span::word(")"));
                        spans.extend([Span::word(" "), Span::Em(who)]);
                    }
                    numbered(l.action_no, a.no, spans)
                })
                .collect(),
        ),
    }
}

/// "Keputusan 2: …", numbered as in its register.
fn numbered(word: &str, no: u32, mut spans: Vec<Span>) -> ListItem {
    spans.insert(0, Span::Marks(vec![("ref", format!("{word} {no}:"))]));
    spans.insert(1, Span::word(" "));
    ListItem {
        class: None,
        value: None,
        spans,
    }
}

/// A decision's vote counts, "(18/2/1)": counted, never named.
fn votes(votes: Option<&String>) -> Vec<Span> {
    votes.map_or_else(Vec::new, |v| {
        vec![
            Span::word(" "),
            Span::Flag {
                class: "votes",
                text: format!("({v})"),
            },
        ]
    })
}
