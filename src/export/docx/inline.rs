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

#[derive(Clone, Copy, Default)]
struct Look {
    bold: bool,
    italic: bool,
}

/// The spans as runs.
pub(super) fn runs(spans: &[Span]) -> Vec<Run> {
    let mut out = Vec::new();
    push(spans, Look::default(), &mut out);
    out
}

fn styled(run: Run, look: Look) -> Run {
    let run = if look.bold { run.bold() } else { run };
    if look.italic { run.italic() } else { run }
}

fn push(spans: &[Span], look: Look, out: &mut Vec<Run>) {
    for s in spans {
        match s {
            Span::Text(t) | Span::Plain(t) | Span::Word(t) => out.push(styled(text_run(t), look)),
            Span::Em(inner) => push(
                inner,
                Look {
                    italic: true,
                    ..look
                },
                out,
            ),
            Span::Strong(inner) => push(inner, Look { bold: true, ..look }, out),
            Span::Quote(inner) => {
                out.push(styled(text_run("\u{201c}"), look));
                push(inner, look, out);
                out.push(styled(text_run("\u{201d}"), look));
            }
            Span::Marks(marks) => {
                for (i, (_, w)) in marks.iter().enumerate() {
                    let w = if i > 0 { format!(" {w}") } else { w.clone() };
                    out.push(styled(text_run(&w), Look { bold: true, ..look }));
                }
            }
            Span::Flag { text, .. } => {
                out.push(styled(text_run(text), Look { bold: true, ..look }));
            }
            Span::Revised(label) => out.push(styled(
                text_run(&format!(" ({label})")),
                Look {
                    italic: true,
                    ..look
                },
            )),
        }
    }
}
