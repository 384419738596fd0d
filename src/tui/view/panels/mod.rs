//! The six list panels of the live view, one file per panel: each says
//! which rows it has (for selection and the keys) and what its visible rows
//! show. This module owns the list of panels' files and the windowing they
//! share; it changes no state.

pub mod actions;
pub mod agenda;
pub mod decisions;
pub mod guide;
pub mod ideas;
pub mod mindsets;
pub mod notes;
pub mod queue;
pub mod ranking;
pub mod resource;

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::memo::{Lines, Memo};
use super::model::PanelModel;
use super::text::fit;
use crate::domain::{Language, Session};
use crate::i18n::screen::Words;
use crate::tui::app::{App, Panel, Role, Row};
use crate::tui::port::Port;
use crate::tui::theme::Theme;

/// What a panel's rows are made with.
pub struct Cx<'a> {
    /// The session.
    pub s: &'a Session,
    /// Words of the screen.
    pub w: &'static Words,
    /// Styles.
    pub t: &'a Theme,
    /// Screen language.
    pub lang: Language,
    /// Who looks.
    pub role: Role,
    /// Now.
    pub now: DateTime<Utc>,
    /// Columns of a row.
    pub cols: usize,
    /// Rows that fit.
    pub height: usize,
    /// Selected row.
    pub sel: usize,
    /// The panel has the focus.
    pub focused: bool,
    /// Only the selected row (to measure what it needs).
    pub alone: bool,
}

impl Cx<'_> {
    /// The rows of `n` to show: those around the selection that fit (see
    /// [`window`]), or the selected one alone.
    pub fn window(&self, n: usize) -> std::ops::Range<usize> {
        if self.alone {
            let sel = self.sel.min(n.saturating_sub(1));
            return sel..(sel + 1).min(n);
        }
        window(n, self.sel, self.height)
    }

    /// The lines of the rows of `n` made by `row` that fit around the
    /// selection (see [`window_lines`]), or the selected row's alone.
    pub fn window_lines(
        &self,
        n: usize,
        mut row: impl FnMut(usize) -> Vec<Line<'static>>,
    ) -> Vec<Line<'static>> {
        if self.alone {
            return self
                .window(n)
                .flat_map(&mut row)
                .take(self.height)
                .collect();
        }
        window_lines(n, self.sel, self.height, row)
    }

    /// `line` styled as selected when row `i` is the focused selection.
    pub fn mark(&self, i: usize, line: Line<'static>) -> Line<'static> {
        if self.focused && i == self.sel {
            line.style(self.t.selected)
        } else {
            line
        }
    }
}

/// The rows of a panel, in display order.
pub fn rows(s: &Session, role: Role, panel: Panel) -> Vec<Row> {
    rows_of(s, role, panel).collect()
}

/// How many rows `panel` has, without making them.
pub fn count(s: &Session, role: Role, panel: Panel) -> usize {
    rows_of(s, role, panel).count()
}

fn rows_of(s: &Session, role: Role, panel: Panel) -> Box<dyn Iterator<Item = Row> + '_> {
    match panel {
        Panel::Agenda => Box::new(agenda::rows(s)),
        Panel::Queue => Box::new(queue::rows(s)),
        Panel::Mindsets => Box::new(mindsets::rows(s)),
        Panel::Notes => Box::new(notes::rows(s, role)),
        Panel::Decisions => Box::new(decisions::rows(s)),
        Panel::Actions => Box::new(actions::rows(s)),
    }
}

/// The row of `panel` recorded last: where its selection starts when the
/// screen opens (again, after a restart), as it followed the newest row
/// while rows were added, so a reopened screen shows the rows it showed.
/// The rows' order is not always the order they were recorded in
/// (decisions come before conclusions; a point of order goes to the front
/// of the queue), so the last row is not always the newest.
pub fn newest(s: &Session, role: Role, panel: Panel) -> usize {
    match panel {
        Panel::Queue => queue::newest(s),
        Panel::Decisions => decisions::newest(s),
        Panel::Agenda | Panel::Mindsets | Panel::Notes | Panel::Actions => {
            count(s, role, panel).saturating_sub(1)
        }
    }
}

/// The lines panel `p` wants in a column of `rect` (at most its height),
/// its title included: with its selected (newest) row whole, and with every
/// row that fits.
/// The lines made on the way, when every row of the panel was made: the
/// panel's model in any height that holds them all.
pub type Made = Option<Lines>;

/// The lines panel `p` wants in a column of `rect` (at most its height),
/// its title included: with its selected (newest) row whole, and with every
/// row that fits; and its lines when they were all made.
pub fn need<P: Port>(
    app: &App<P>,
    p: Panel,
    rect: Rect,
    now: DateTime<Utc>,
) -> (usize, usize, Made) {
    let mut cx = cx(app, p, rect, now);
    if p == Panel::Queue {
        let n = app.memo.need(&cx, p, || queue::need(&cx));
        return (n, n, None);
    }
    // A list with a row for every line of the column fills it: no need to
    // make its lines (a large session's notes cost what the screen shows).
    let (all, made) = if count(cx.s, cx.role, p) >= rect.height as usize {
        (rect.height as usize, None)
    } else {
        let made = lines(&app.memo, &cx, p);
        (1 + made.1.len(), Some(made))
    };
    cx.alone = true;
    let newest = 1 + lines(&app.memo, &cx, p).1.len();
    (newest.min(all), all, made)
}

fn cx<P: Port>(app: &App<P>, p: Panel, rect: Rect, now: DateTime<Utc>) -> Cx<'_> {
    Cx {
        s: app.session(),
        w: app.words(),
        t: &app.theme,
        lang: app.lang,
        role: app.role,
        now,
        cols: rect.width.saturating_sub(1) as usize,
        height: rect.height.saturating_sub(1) as usize,
        sel: app.selected(p),
        focused: app.focus == p && app.role != Role::Viewer,
        alone: false,
    }
}

/// Panel `p`'s title and lines, kept from the frame before when nothing
/// they show has changed ([`Memo`]).
fn lines(memo: &Memo, cx: &Cx<'_>, p: Panel) -> Lines {
    memo.lines(cx, p, || {
        let (title, lines) = make(cx, p);
        (title, lines.into())
    })
}

fn make(cx: &Cx<'_>, p: Panel) -> (String, Vec<Line<'static>>) {
    match p {
        Panel::Agenda => agenda::lines(cx),
        Panel::Queue => queue::lines(cx),
        Panel::Mindsets => super::kinds::mindsets_place(cx).unwrap_or_else(|| mindsets::lines(cx)),
        Panel::Notes => notes::lines(cx),
        Panel::Decisions => decisions::lines(cx),
        Panel::Actions => actions::lines(cx),
    }
}

/// The model of panel `p` in `rect` at `now`.
pub fn panel<P: Port>(
    app: &App<P>,
    p: Panel,
    rect: Rect,
    now: DateTime<Utc>,
    made: Made,
) -> PanelModel {
    let cx = cx(app, p, rect, now);
    // Every row, made at the column's height, is what this height shows
    // too when it holds them all.
    let (title, lines) = match made {
        Some(m) if m.1.len() < rect.height as usize => m,
        _ => lines(&app.memo, &cx, p),
    };
    PanelModel {
        panel: p,
        rect,
        // The border title takes a marker or space before and a space after.
        title: fit(&title, (rect.width as usize).saturating_sub(3)),
        focused: cx.focused,
        lines,
    }
}

/// The first row to show so that `sel` is visible in `height` rows.
pub fn window(n: usize, sel: usize, height: usize) -> std::ops::Range<usize> {
    if height == 0 || n == 0 {
        return 0..0;
    }
    let start = sel.saturating_sub(height - 1).min(n.saturating_sub(height));
    start..(start + height).min(n)
}

/// The lines of the rows around `sel` that fit in `height` lines, for rows
/// of one or more lines made by `row`: the selected row last, unless the
/// rows before it run out (as [`window`] does for rows of one line). Only
/// the rows shown are made.
pub fn window_lines(
    n: usize,
    sel: usize,
    height: usize,
    mut row: impl FnMut(usize) -> Vec<Line<'static>>,
) -> Vec<Line<'static>> {
    if n == 0 || height == 0 {
        return vec![];
    }
    let sel = sel.min(n - 1);
    let mut used = 0;
    // The selected row and those before it, nearest first.
    let mut before: Vec<Vec<Line<'static>>> = vec![];
    for i in (0..=sel).rev() {
        let mut lines = row(i);
        if used + lines.len() > height {
            if before.is_empty() {
                lines.truncate(height);
                used = height;
                before.push(lines);
            }
            break;
        }
        used += lines.len();
        before.push(lines);
    }
    let mut out: Vec<Line<'static>> = before.into_iter().rev().flatten().collect();
    for i in sel + 1..n {
        let lines = row(i);
        if used + lines.len() > height {
            break;
        }
        used += lines.len();
        out.extend(lines);
    }
    out
}
