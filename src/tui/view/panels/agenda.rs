//! The agenda panel: every item with its status marker and its minutes
//! (elapsed of planned while it runs or is done), or on a blank session how
//! to add one. Must not change state.

use ratatui::text::Line;

use super::Cx;
use crate::domain::{ItemStatus, Session};
use crate::tui::app::Row;
use crate::tui::keymap::Op;
use crate::tui::view::text::{fit, spread_keeping};

/// Every agenda item.
pub fn rows(s: &Session) -> impl Iterator<Item = Row> + '_ {
    s.agenda.iter().map(|i| Row::Item(i.id))
}

/// The time the panel shows, in its unit: the running item's minutes
/// (what `lines` shows of `now`; the view keeps the lines while it holds).
pub fn ticks(cx: &Cx<'_>) -> i64 {
    let s = cx.s;
    s.agenda
        .iter()
        .filter(|it| it.status == ItemStatus::Active)
        .map(|it| s.item_elapsed_secs(it, cx.now) / 60)
        .sum()
}

/// Title and visible lines.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let (s, w, t) = (cx.s, cx.w, cx.t);
    let title = format!("{} ({})", w.agenda, s.agenda.len());
    let mut lines = Vec::with_capacity(cx.height);
    // A blank session: how to fill the agenda, where someone can.
    if s.agenda.is_empty() && cx.height > 0 && cx.role.can(Op::Add) {
        lines.push(Line::styled(
            fit(&format!("  {}", w.agenda_empty), cx.cols),
            t.dim,
        ));
    }
    for i in cx.window(s.agenda.len()) {
        let it = &s.agenda[i];
        let (marker, style) = match it.status {
            ItemStatus::Done => ("✓", t.dim),
            ItemStatus::Active => ("▶", t.active),
            ItemStatus::Pending => ("·", t.base),
            ItemStatus::Skipped => ("↷", t.dim),
            ItemStatus::Deferred => ("»", t.dim),
        };
        let planned = format!("{}′", it.minutes);
        let mins = if it.status == ItemStatus::Done || it.status == ItemStatus::Active {
            format!("{}′/{planned}", s.item_elapsed_secs(it, cx.now) / 60)
        } else if matches!(it.status, ItemStatus::Skipped | ItemStatus::Deferred) {
            format!("{} {planned}", w.item_status(it.status))
        } else {
            planned.clone()
        };
        // The planned minutes alone where the whole would cut the
        // title within its first 30 columns.
        let prefix = format!("{marker} {}. ", i + 1);
        let text = spread_keeping(&prefix, &it.title, &[&mins, &planned], cx.cols);
        lines.push(cx.mark(i, Line::styled(text, style)));
    }
    (title, lines)
}
