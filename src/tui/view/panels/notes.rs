//! The notes panel: time, kind, participant, private mark and text (two
//! lines where one would cut the text early). Private notes only for the
//! notetaker; others see how many are hidden.

use std::fmt::Write as _;

use chrono::Timelike;
use ratatui::text::Line;

use super::Cx;
use crate::domain::Session;
use crate::tui::app::{Role, Row};
use crate::tui::view::text::{Fitter, head, needed, wrap_cut};

/// The notes this role may see.
pub fn rows(s: &Session, role: Role) -> impl Iterator<Item = Row> + '_ {
    s.notes()
        .filter(move |n| role.sees_private() || !n.private)
        .map(|n| Row::Note(n.id))
}

/// Title (with the hidden count) and visible lines.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let (s, w) = (cx.s, cx.w);
    // One pass over the notes (thousands in a large session).
    let mut rows = Vec::with_capacity(s.notes.len());
    let mut hidden = 0;
    for n in s.notes() {
        hidden += usize::from(n.private);
        if cx.role.sees_private() || !n.private {
            rows.push(n);
        }
    }
    let title = if cx.role.sees_private() || hidden == 0 {
        format!("{} ({})", w.notes, rows.len())
    } else {
        format!(
            "{} ({}) · {hidden} {}",
            w.notes,
            rows.len(),
            w.private_hidden
        )
    };
    let zone = s.info.zone.offset();
    let cols = cx.cols;
    let lines = cx.window_lines(rows.len(), |i| {
        let n = rows[i];
        let at = n.at.with_timezone(&zone);
        let mut row = Fitter::new(cols);
        let _ = write!(row, "{:02}:{:02} [", at.hour(), at.minute());
        row.push(w.note_kind(n.kind)).push("]");
        if let Some(code) = &n.participant {
            row.push(" ").push(&cx.w.speaker_code(s, code));
        }
        if n.private {
            row.push(" (").push(w.private).push(")");
        }
        row.push(" ");
        // Two lines where one would cut the text within its first
        // 30 columns; no more of the text copied than can show.
        let lines = if needed(row.as_str(), &n.text) <= cols {
            row.push(&n.text);
            vec![row.finish().0]
        } else {
            let text = format!("{}{}", row.as_str(), head(&n.text, 4 * cols));
            wrap_cut(&text, cols, 2)
        };
        lines
            .into_iter()
            .map(|l| cx.mark(i, Line::raw(l)))
            .collect()
    });
    (title, lines)
}
