//! The innovation lab's ideas panel: each idea with its dot votes and its
//! OPD or team, the most dots first. Must not change state.

use ratatui::text::Line;

use super::Cx;
use crate::i18n::jury;
use crate::tui::view::text::{fit, spread};

/// Title and visible lines.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let w = jury::words(cx.lang);
    let mut ideas: Vec<_> = cx.s.ideas().collect();
    ideas.sort_by_key(|i| std::cmp::Reverse(i.dots));
    let title = format!("{} ({})", w.idea, ideas.len());
    let lines = ideas
        .into_iter()
        .take(cx.height)
        .map(|i| {
            let team = i
                .team
                .as_deref()
                .map_or(String::new(), |t| format!(" — {t}"));
            let left = fit(
                &format!("{}. {}{team}", i.id, i.title),
                cx.cols.saturating_sub(6),
            );
            Line::raw(spread(&left, &format!("● {}", i.dots), cx.cols))
        })
        .collect();
    (title, lines)
}
