//! The action-items panel: number, what, PIC, due date and status (overdue
//! in words and style); the text on a line of its own where the status
//! would cut it early. Must not change state.

use ratatui::text::Line;

use super::Cx;
use crate::domain::{ActionItem, ActionStatus, Session};
use crate::tui::app::Row;
use crate::tui::view::text::{fit, spread, spread_with, width};

/// Every action item not removed.
pub fn rows(s: &Session) -> impl Iterator<Item = Row> + '_ {
    s.actions().map(|a| Row::Action(a.id))
}

/// The time the panel shows: the day that makes an action overdue (what
/// `lines` shows of `now`; the view keeps the lines while it holds).
pub fn ticks(cx: &Cx<'_>) -> i64 {
    i64::from(chrono::Datelike::num_days_from_ce(
        &cx.s.overdue_day(cx.now),
    ))
}

/// Title (open of all) and visible lines.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let mut rows = Vec::with_capacity(cx.s.actions.len());
    let mut open = 0;
    for a in cx.s.actions() {
        open += usize::from(a.status == ActionStatus::Open);
        rows.push(a);
    }
    let title = format!("{} ({open}/{})", cx.w.actions, rows.len());
    let lines = cx.window_lines(rows.len(), |i| row(cx, i, rows[i]));
    (title, lines)
}

/// The lines of action `a`, row `i`.
fn row(cx: &Cx<'_>, i: usize, a: &ActionItem) -> Vec<Line<'static>> {
    let (w, t, cols) = (cx.w, cx.t, cx.cols);
    let pic = a
        .pic
        .as_ref()
        .map(|p| format!(" — {}", p.code.as_deref().unwrap_or(&p.text)))
        .unwrap_or_default();
    let due = a.due.map(|d| format!(" · {d}")).unwrap_or_default();
    let overdue = cx.s.is_overdue(a, cx.now);
    let status = match a.status {
        ActionStatus::Open if overdue => w.overdue.to_owned(),
        st => w.action_status(st).to_owned(),
    };
    let status = format!("[{status}]");
    let style = if overdue {
        t.over
    } else if a.status == ActionStatus::Open {
        t.base
    } else {
        t.dim
    };
    let prefix = format!("{}. ", a.id);
    let room = cols.saturating_sub(width(&status) + 1);
    let whole = width(&prefix) + width(&a.what) + width(&pic) + width(&due);
    let text = if whole <= room {
        vec![spread_with(
            |f| {
                f.push(&prefix).push(&a.what).push(&pic).push(&due);
            },
            &status,
            cols,
        )]
    } else {
        // The text on a line of its own where the whole does not fit
        // on one: the PIC, due date and status under it, at every width.
        // A long PIC is cut before the due date is.
        let indent = " ".repeat(width(&prefix));
        let pic_room = cols.saturating_sub(width(&indent) + width(&due) + width(&status) + 1);
        vec![
            fit(&format!("{prefix}{}", a.what), cols),
            spread(
                &format!("{indent}{}{due}", fit(&pic, pic_room)),
                &status,
                cols,
            ),
        ]
    };
    text.into_iter()
        .map(|l| cx.mark(i, Line::styled(l, style)))
        .collect()
}
