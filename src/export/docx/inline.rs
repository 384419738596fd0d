//! Inline text as docx runs: text of one look gathered into one run (bold
//! for strong words and marks, italic for emphasis and the revised mark,
//! quotes around a quotation), newlines as line breaks, control characters
//! dropped (`xml.rs`).

use super::xml::{Look, run};
use crate::export::doc::Span;

/// Runs being made: text of one look is gathered into one run (fewer runs
/// make a smaller, faster document), a new run starts where the look changes.
struct Runs<'a> {
    out: &'a mut String,
    text: String,
    look: Look,
}

impl Runs<'_> {
    fn push(&mut self, t: &str, look: Look) {
        if look != self.look {
            self.flush();
            self.look = look;
        }
        self.text.push_str(t);
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            run(self.out, &self.text, self.look);
            self.text.clear();
        }
    }
}

/// Appends the spans as runs, on top of `base` (bold in a table's head row).
pub(super) fn runs(out: &mut String, spans: &[Span], base: Look) {
    let mut r = Runs {
        out,
        text: String::new(),
        look: base,
    };
    push(spans, base, &mut r);
    r.flush();
}

fn push(spans: &[Span], look: Look, out: &mut Runs<'_>) {
    let bold = Look { bold: true, ..look };
    let italic = Look {
        italic: true,
        ..look
    };
    for s in spans {
        match s {
            Span::Text(t) | Span::Plain(t) | Span::Word(t) => out.push(t, look),
            Span::Em(inner) => push(inner, italic, out),
            Span::Strong(inner) => push(inner, bold, out),
            Span::Quote(inner) => {
                out.push("\u{201c}", look);
                push(inner, look, out);
                out.push("\u{201d}", look);
            }
            Span::Marks(marks) => {
                for (i, (_, w)) in marks.iter().enumerate() {
                    if i > 0 {
                        out.push(" ", bold);
                    }
                    out.push(w, bold);
                }
            }
            Span::Flag { text, .. } => out.push(text, bold),
            Span::Revised(label) => out.push(&format!(" ({label})"), italic),
        }
    }
}
