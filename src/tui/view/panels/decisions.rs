//! The decisions panel: decisions (K/D numbers), then conclusions (S/C).
//! Must not change state.

use std::fmt::Write as _;

use ratatui::text::Line;

use super::Cx;
use crate::domain::Session;
use crate::tui::app::Row;
use crate::tui::view::text::Fitter;

/// Every decision, then every conclusion, not removed.
pub fn rows(s: &Session) -> impl Iterator<Item = Row> + '_ {
    s.decisions()
        .map(|d| Row::Decision(d.id))
        .chain(s.conclusions().map(|c| Row::Conclusion(c.id)))
}

/// The index of the row recorded last: the newest conclusion, or the newest
/// decision when it came later (a tie, the same instant, goes to the
/// conclusion, the end of the list).
pub fn newest(s: &Session) -> usize {
    let decisions = s.decisions().count();
    let conclusions = s.conclusions().count();
    let last_decision = s.decisions().last().map(|d| d.at);
    let last_conclusion = s.conclusions().last().map(|c| c.at);
    match (last_decision, last_conclusion) {
        (Some(d), Some(c)) if d > c => decisions - 1,
        _ => (decisions + conclusions).saturating_sub(1),
    }
}

/// Title (decisions + conclusions) and visible lines.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let decisions: Vec<_> = cx.s.decisions().collect();
    let conclusions: Vec<_> = cx.s.conclusions().collect();
    let title = format!(
        "{} ({}+{})",
        cx.w.decisions,
        decisions.len(),
        conclusions.len()
    );
    let (d, c) = (cx.w.decision_mark, cx.w.conclusion_mark);
    let n = decisions.len() + conclusions.len();
    let mut lines = Vec::with_capacity(cx.height);
    for i in cx.window(n) {
        let (letter, x) = if i < decisions.len() {
            (d, decisions[i])
        } else {
            (c, conclusions[i - decisions.len()])
        };
        let mut text = Fitter::new(cx.cols);
        let _ = write!(text, "{letter}{}. ", x.id);
        if let Some(v) = x.votes {
            let _ = write!(text, "({}/{}/{}) ", v.in_favour, v.against, v.abstain);
        }
        text.push(&x.text);
        lines.push(cx.mark(i, Line::raw(text.finish().0)));
    }
    (title, lines)
}
