//! Section "discussion": per agenda item its owner and everything recorded
//! under it (`item_body.rs`), then what was recorded outside any item.
//! Gathers the notes from the session and makes the section's blocks (one
//! group per item, numbered inside the section). Shared minutes leave private notes
//! out; internal ones mark them. Must not number or lay out.

use std::collections::HashMap;

use crate::domain::{ItemId, NoteKind, RecordKind};
use crate::export::doc::{Block, ListItem, Span};
use crate::export::model::{Builder, Minutes};
use crate::i18n::minutes::Labels;

use super::{item_body, revised_at};

/// The discussion of one agenda item.
#[derive(Debug, Clone)]
pub struct Discussion {
    /// Agenda position, or `None` for notes outside any item.
    pub no: Option<usize>,
    /// The agenda item's id (`None` outside any item).
    pub id: Option<ItemId>,
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
    /// Whether a mindset shift or statement was recorded outside any item.
    fn unplaced(&self) -> bool {
        self.s.mindsets().any(|m| m.item.is_none())
            || self.s.decisions().any(|d| d.item.is_none())
            || self.s.conclusions().any(|c| c.item.is_none())
    }

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
                id: Some(it.id),
                title: it.title.clone(),
                owner: it.owner.clone(),
                questions: it.questions.clone(),
                covered: it.covered.clone(),
                notes: by_item.remove(&it.id).unwrap_or_default(),
            })
            .collect();
        if !general.is_empty() || self.unplaced() {
            out.push(Discussion {
                no: None,
                id: None,
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
            blocks: item(m, d),
        })
        .collect()
}

fn item(m: &Minutes, d: &Discussion) -> Vec<Block> {
    let l = m.labels;
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
    let body = item_body::blocks(m, d);
    if body.is_empty() {
        out.push(Block::Paragraph {
            class: Some("nothing"),
            spans: vec![Span::word(l.nothing_recorded)],
        });
    }
    out.extend(body);
    out
}

/// "Label:" in emphasis, as a paragraph of its own or before a value.
pub(super) fn label(text: &str) -> Span {
    Span::Em(vec![Span::word(format!("{text}:"))])
}

/// The notes of one item as list items.
pub(super) fn notes(l: &Labels, d: &Discussion) -> Vec<ListItem> {
    d.notes.iter().map(|n| note(l, n)).collect()
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
