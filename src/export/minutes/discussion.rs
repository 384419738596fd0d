//! Section "discussion": per agenda item its owner, its guide questions and
//! the notes taken under it, then the notes outside any item. Gathers the
//! notes from the session and makes the section's blocks (one group per
//! item, numbered inside the section). Shared minutes leave private notes
//! out; internal ones mark them. Must not number or lay out.

use std::collections::HashMap;

use crate::domain::{ItemId, NoteKind, RecordKind};
use crate::export::doc::{Block, List, ListItem, Span};
use crate::export::model::{Builder, Minutes};
use crate::i18n::minutes::Labels;

use super::revised_at;

/// The discussion of one agenda item.
#[derive(Debug, Clone)]
pub struct Discussion {
    /// Agenda position, or `None` for notes outside any item.
    pub no: Option<usize>,
    /// Title (the "general" label for notes outside any item).
    pub title: String,
    /// Who led it.
    pub owner: Option<String>,
    /// Discussion-guide questions.
    pub questions: Vec<String>,
    /// The questions (1-based) ticked as covered.
    pub covered: Vec<usize>,
    /// Notes, in the order taken.
    pub notes: Vec<NoteRow>,
}

/// One note.
#[derive(Debug, Clone)]
pub struct NoteRow {
    /// Number.
    pub no: u32,
    /// Kind.
    pub kind: NoteKind,
    /// Kind, spelled out.
    pub kind_label: &'static str,
    /// Text.
    pub text: String,
    /// Who it is from or about: a name with consent, else the code.
    pub by: Option<String>,
    /// Local time, "09.15".
    pub time: String,
    /// Kept off the projector.
    pub private: bool,
    /// "direvisi 2 Des 2026 14.10" when corrected after the end.
    pub revised: Option<String>,
}

impl Builder<'_> {
    pub(in crate::export) fn discussion(&self) -> Vec<Discussion> {
        let mut by_item: HashMap<ItemId, Vec<NoteRow>> = HashMap::new();
        let mut general = Vec::new();
        for n in self.s.notes().filter(|n| self.internal || !n.private) {
            let row = NoteRow {
                no: n.id.0,
                kind: n.kind,
                kind_label: self.l.note_kind(n.kind),
                text: n.text.clone(),
                by: n.participant.as_deref().map(|c| self.quoted(c)),
                time: self.time(n.at),
                private: n.private,
                revised: self.revised(n.revised, RecordKind::Note, n.id.0),
            };
            match n.item.filter(|id| self.items.contains_key(id)) {
                Some(id) => by_item.entry(id).or_default().push(row),
                None => general.push(row),
            }
        }
        let mut out: Vec<Discussion> = self
            .s
            .agenda
            .iter()
            .enumerate()
            .map(|(i, it)| Discussion {
                no: Some(i + 1),
                title: it.title.clone(),
                owner: it.owner.clone(),
                questions: it.questions.clone(),
                covered: it.covered.clone(),
                notes: by_item.remove(&it.id).unwrap_or_default(),
            })
            .collect();
        if !general.is_empty() {
            out.push(Discussion {
                no: None,
                title: self.l.general.to_owned(),
                owner: None,
                questions: vec![],
                covered: vec![],
                notes: general,
            });
        }
        out
    }
}

/// One group per item, or "none".
pub fn blocks(m: &Minutes) -> Vec<Block> {
    if m.discussion.is_empty() {
        return vec![Block::words(m.labels.none)];
    }
    m.discussion
        .iter()
        .map(|d| Block::Group {
            class: "item",
            blocks: item(m.labels, d),
        })
        .collect()
}

/// "Label:" in emphasis, as a paragraph of its own or before a value.
fn label(text: &str) -> Span {
    Span::Em(vec![Span::word(format!("{text}:"))])
}

fn item(l: &Labels, d: &Discussion) -> Vec<Block> {
    let mut out = vec![Block::Heading {
        local: d.no,
        number: None,
        title: vec![Span::Text(d.title.clone())],
    }];
    if let Some(owner) = &d.owner {
        out.push(Block::Paragraph {
            class: Some("owner"),
            spans: vec![label(l.owner), Span::word(" "), Span::Text(owner.clone())],
        });
    }
    if !d.questions.is_empty() {
        out.push(Block::para(vec![label(l.guide_questions)]));
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
                    spans: covered_mark(l, d, i + 1, q),
                })
                .collect(),
        }));
    }
    out.push(Block::para(vec![label(l.notes)]));
    let mut items: Vec<ListItem> = d.notes.iter().map(|n| note(l, n)).collect();
    if items.is_empty() {
        items.push(ListItem {
            class: None,
            value: None,
            spans: vec![Span::word(l.none)],
        });
    }
    out.push(Block::List(List {
        ordered: false,
        class: "notes",
        items,
    }));
    out
}

/// "09.15 Kutipan (Name): “text”".
fn note(l: &Labels, n: &NoteRow) -> ListItem {
    let mut spans = vec![Span::Marks(vec![
        ("time", n.time.clone()),
        ("kind", n.kind_label.to_owned()),
    ])];
    if let Some(b) = &n.by {
        spans.extend([Span::word(" ("), Span::Plain(b.clone()), Span::word(")")]);
    }
    spans.push(Span::word(": "));
    let text = Span::Text(n.text.clone());
    spans.push(if n.kind == NoteKind::Quote {
        Span::Quote(vec![text])
    } else {
        text
    });
    spans.extend(revised_at(n.revised.as_ref()));
    if n.private {
        spans.extend([
            Span::word(" "),
            Span::Flag {
                class: "private",
                text: format!("({})", l.private_mark),
            },
        ]);
    }
    ListItem {
        class: Some(format!("note {}", n.kind.as_str())),
        value: None,
        spans,
    }
}

/// A guide question, marked "(covered)" when it was ticked.
fn covered_mark(l: &Labels, d: &Discussion, no: usize, q: &str) -> Vec<Span> {
    let mut spans = vec![Span::Text(q.to_owned())];
    if d.covered.contains(&no) {
        spans.push(Span::word(" "));
        spans.push(Span::word(l.question_covered));
    }
    spans
}
