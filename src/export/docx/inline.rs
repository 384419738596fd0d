//! Inline text as docx runs: each span its own run (bold for strong words
//! and marks, italic for emphasis and the revised mark, quotes around a
//! quotation), newlines as line breaks, control characters dropped.

use docx_rs::{BreakType, Run};

use crate::export::doc::Span;

/// A run of plain text, newlines as breaks.
pub(super) fn text_run(s: &str) -> Run {
    let mut run = Run::new();
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        let clean: String = line
            .chars()
            .filter(|c| !c.is_control() || *c == '\t')
            .collect();
        run = run.add_text(clean);
    }
    run
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct Look {
    bold: bool,
    italic: bool,
}

/// Runs being made: text of one look is gathered into one run (fewer runs
/// make a smaller, faster document), a new run starts where the look changes.
#[derive(Default)]
struct Runs {
    done: Vec<Run>,
    text: String,
    look: Look,
}

impl Runs {
    fn push(&mut self, t: &str, look: Look) {
        if look != self.look {
            self.flush();
            self.look = look;
        }
        self.text.push_str(t);
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            let run = styled(text_run(&self.text), self.look);
            self.done.push(run);
            self.text.clear();
        }
    }
}

/// The spans as runs.
pub(super) fn runs(spans: &[Span]) -> Vec<Run> {
    let mut out = Runs::default();
    push(spans, Look::default(), &mut out);
    out.flush();
    out.done
}

fn styled(run: Run, look: Look) -> Run {
    let run = if look.bold { run.bold() } else { run };
    if look.italic { run.italic() } else { run }
}

fn push(spans: &[Span], look: Look, out: &mut Runs) {
    let bold = Look { bold: true, ..look };
    for s in spans {
        match s {
            Span::Text(t) | Span::Plain(t) | Span::Word(t) => out.push(t, look),
            Span::Em(inner) => push(
                inner,
                Look {
                    italic: true,
                    ..look
                },
                out,
            ),
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
            Span::Revised(label) => out.push(
                &format!(" ({label})"),
                Look {
                    italic: true,
                    ..look
                },
            ),
        }
    }
}
