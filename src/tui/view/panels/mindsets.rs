//! The mindset-changes panel: from → to, the BerAKHLAK values in the
//! screen's language, the participant; a shift wraps (up to four lines) so
//! both sides show. Must not change state.

use ratatui::text::Line;

use super::Cx;
use crate::domain::{Language, Session};
use crate::tui::app::Row;
use crate::tui::view::text::wrap_cut;

/// Every mindset shift not removed.
pub fn rows(s: &Session) -> impl Iterator<Item = Row> + '_ {
    s.mindsets().map(|m| Row::Mindset(m.id))
}

/// Title and visible lines.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let rows: Vec<_> = cx.s.mindsets().collect();
    let title = format!("{} ({})", cx.w.mindsets, rows.len());
    let lines = cx.window_lines(rows.len(), |i| {
        let m = rows[i];
        let mut text = format!("{} → {}", m.from, m.to);
        for (k, v) in m.values.iter().enumerate() {
            text.push_str(if k == 0 { " [" } else { ", " });
            text.push_str(match cx.lang {
                Language::En => v.name_en(),
                Language::Id => v.name_id(),
            });
        }
        if !m.values.is_empty() {
            text.push(']');
        }
        if let Some(code) = &m.participant {
            text.push_str(" (");
            text.push_str(&cx.w.speaker_code(cx.s, code));
            text.push(')');
        }
        wrap_cut(&text, cx.cols, 4)
            .into_iter()
            .map(|l| cx.mark(i, Line::raw(l)))
            .collect()
    });
    (title, lines)
}
