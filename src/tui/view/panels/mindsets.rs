//! The mindset-changes panel: from → to, the BerAKHLAK values in the
//! screen's language, the participant. Must not change state.

use ratatui::text::Line;

use super::{Cx, window};
use crate::domain::{Language, Session};
use crate::tui::app::Row;
use crate::tui::view::text::Fitter;

/// Every mindset shift not removed.
pub fn rows(s: &Session) -> Vec<Row> {
    s.mindsets().map(|m| Row::Mindset(m.id)).collect()
}

/// Title and visible lines.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let rows: Vec<_> = cx.s.mindsets().collect();
    let title = format!("{} ({})", cx.w.mindsets, rows.len());
    let mut lines = Vec::with_capacity(cx.height);
    for i in window(rows.len(), cx.sel, cx.height) {
        let m = rows[i];
        let mut text = Fitter::new(cx.cols);
        text.push(&m.from).push(" → ").push(&m.to);
        for (k, v) in m.values.iter().enumerate() {
            text.push(if k == 0 { " [" } else { ", " });
            text.push(match cx.lang {
                Language::En => v.name_en(),
                Language::Id => v.name_id(),
            });
        }
        if !m.values.is_empty() {
            text.push("]");
        }
        if let Some(code) = &m.participant {
            text.push(" (")
                .push(&cx.w.speaker_code(cx.s, code))
                .push(")");
        }
        lines.push(cx.mark(i, Line::raw(text.finish().0)));
    }
    (title, lines)
}
