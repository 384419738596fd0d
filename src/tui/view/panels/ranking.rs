//! The jury panel: before the announcement, the active slot's presenter and
//! how many cells of the score sheet are filled — never a score; after
//! `announce_scores`, the ranking (rank, presenter, total; ties marked),
//! the first places stressed, big enough to read from the back of the
//! room. Must not change state.

use ratatui::text::Line;

use super::Cx;
use crate::domain::decimal;
use crate::i18n::jury;
use crate::tui::view::text::{fit, spread};

/// Title and visible lines.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let w = jury::words(cx.lang);
    let s = cx.s;
    let mut lines = vec![];
    if !s.scores_announced() {
        if let Some(p) = s.active_item().and_then(|i| i.presenter.as_deref()) {
            let who = format!("{p} {}", s.name_of(p));
            lines.push(Line::styled(
                fit(&jury::fill_one(w.slot_presenter, &who), cx.cols),
                cx.t.active,
            ));
        }
        let jury = &s.info.jury;
        let cells = jury.criteria.len() * jury.jurors.len() * s.presenters().len();
        lines.push(Line::raw(fit(
            &w.scores_state_of(s.scores.cells.len(), cells),
            cx.cols,
        )));
        lines.push(Line::styled(fit(w.sheet_hidden, cx.cols), cx.t.dim));
        lines.truncate(cx.height);
        return (w.scores.to_owned(), lines);
    }
    for st in s.standings().into_iter().take(cx.height) {
        let rank = if st.tied {
            format!("{} ({})", st.rank, w.tie)
        } else {
            st.rank.to_string()
        };
        let total = decimal(st.total, w.sep());
        let left = format!("{rank:>3}. {} {}", st.presenter, s.name_of(&st.presenter));
        let text = spread(&left, &total, cx.cols);
        let style = if st.rank == 1 { cx.t.active } else { cx.t.base };
        lines.push(Line::styled(text, style));
    }
    (w.ranking_title.to_owned(), lines)
}
