//! What each region of the live view shows, built from the app and the
//! session: only the rows that fit, already cut to width and styled. Drawing
//! a model is then plain painting (and the baseline the benchmark compares
//! the whole key → frame path with).

use std::fmt::Write as _;

use chrono::{DateTime, Timelike, Utc};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::layout::{MIN_HEIGHT, MIN_WIDTH, Regions, regions};
use super::text::{
    Fitter, clock, fit, head, needed, spread, spread_keeping, spread_with, width, wrap, wrap_cut,
};
use crate::domain::{ItemStatus, Session, Status};
use crate::i18n::keys;
use crate::tui::app::{App, Panel, Role};
use crate::tui::keymap::{Op, footer};
use crate::tui::port::{Port, Trouble};
use crate::tui::theme::Theme;
use crate::tui::words::{Words, fill};

/// One list panel.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelModel {
    /// Which panel.
    pub panel: Panel,
    /// Where.
    pub rect: Rect,
    /// Title (with counts).
    pub title: String,
    /// Has the focus.
    pub focused: bool,
    /// Lines to show, top first.
    pub lines: Vec<Line<'static>>,
}

/// The active item's timer.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockModel {
    /// Where.
    pub rect: Rect,
    /// Title: the active item's time.
    pub title: String,
    /// The big text (elapsed `mm:ss`), when there is room for it.
    pub big: Option<String>,
    /// Text lines (the item, planned time, remaining or overrun).
    pub lines: Vec<Line<'static>>,
    /// Elapsed / planned, 0..=1.
    pub ratio: f64,
    /// Past the planned time.
    pub over: bool,
}

/// Everything the live view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct LiveModel {
    /// The whole area.
    pub area: Rect,
    /// Set when the terminal is too small: the message to show instead.
    pub too_small: Option<String>,
    /// Regions.
    pub regions: Regions,
    /// Header line.
    pub header: Line<'static>,
    /// Banner line, if any.
    pub banner: Option<Line<'static>>,
    /// Timer.
    pub clock: ClockModel,
    /// Guide questions (three-column layout only).
    pub questions: Option<PanelModel>,
    /// The six list panels.
    pub panels: Vec<PanelModel>,
    /// Footer: a message or key hints.
    pub footer: Line<'static>,
}

/// Builds the model of the live view at `now` for a terminal of `area`.
pub fn build<P: Port>(app: &App<P>, now: DateTime<Utc>, area: Rect) -> LiveModel {
    let w = app.words();
    let t = &app.theme;
    let s = app.session();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return LiveModel {
            area,
            too_small: Some(fill(w.too_small, &[&MIN_WIDTH, &MIN_HEIGHT])),
            regions: Regions::default(),
            header: Line::default(),
            banner: None,
            clock: ClockModel {
                rect: Rect::default(),
                title: String::new(),
                big: None,
                lines: vec![],
                ratio: 0.0,
                over: false,
            },
            questions: None,
            panels: vec![],
            footer: Line::default(),
        };
    }
    let banner = banner(app, w, t, area.width as usize);
    let r = regions(
        area,
        banner.is_some(),
        app.role == Role::Notetaker,
        s.active_item().is_some(),
    );
    let panels = Panel::ALL
        .iter()
        .map(|&p| {
            let rect = match p {
                Panel::Agenda => r.agenda,
                Panel::Queue => r.queue,
                Panel::Mindsets => r.mindsets,
                Panel::Notes => r.notes,
                Panel::Decisions => r.decisions,
                Panel::Actions => r.actions,
            };
            panel(app, p, rect, now)
        })
        .collect();
    let questions = (r.questions.height > 1).then(|| questions(s, w, r.questions));
    LiveModel {
        area,
        too_small: None,
        regions: r,
        header: header(s, w, t, now, r.header.width as usize),
        banner,
        clock: clock_model(s, w, t, now, r.clock),
        questions,
        panels,
        footer: footer(app, t, r.footer.width as usize),
    }
}

fn header(s: &Session, w: &Words, t: &Theme, now: DateTime<Utc>, cols: usize) -> Line<'static> {
    let local = now.with_timezone(&s.info.zone.offset());
    let right = format!(
        " [{}] {} {} · {} {} ",
        w.status(s.status),
        local.format("%H:%M:%S"),
        s.info.zone.label(),
        w.session_time,
        clock(s.elapsed_secs(now))
    );
    let title = fit(&s.info.title, cols.saturating_sub(width(&right)));
    let gap = cols.saturating_sub(width(&title) + width(&right));
    let state_style = match s.status {
        Status::Live => t.active,
        Status::Paused | Status::Ended => t.banner,
        Status::Planned => t.dim,
    };
    Line::from(vec![
        Span::styled(title, t.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, state_style),
    ])
}

fn banner<P: Port>(app: &App<P>, w: &Words, t: &Theme, cols: usize) -> Option<Line<'static>> {
    let line =
        |text: &str| Line::styled(format!(" {} ", fit(text, cols.saturating_sub(2))), t.banner);
    match app.port.trouble() {
        Some(Trouble::Disconnected) => return Some(line(w.disconnected)),
        Some(Trouble::Refused(why)) => return Some(line(&fill(w.refused_by_host, &[&why]))),
        None => {}
    }
    let text = match app.session().status {
        Status::Ended => w.ended_banner.to_owned(),
        Status::Paused => w.paused_banner.to_owned(),
        Status::Planned if app.role != Role::Viewer => {
            fill(w.planned_banner, &[&app.keymap.hint(Op::StartPause)])
        }
        _ => return None,
    };
    Some(line(&text))
}

fn clock_model(s: &Session, w: &Words, t: &Theme, now: DateTime<Utc>, rect: Rect) -> ClockModel {
    let cols = rect.width as usize;
    let Some(item) = s.active_item() else {
        return ClockModel {
            rect,
            title: w.clock_title.to_owned(),
            big: None,
            lines: vec![Line::styled(fit(w.no_active_item, cols), t.dim)],
            ratio: 0.0,
            over: false,
        };
    };
    let elapsed = s.item_elapsed_secs(item, now);
    let planned = i64::from(item.minutes) * 60;
    let over = elapsed > planned;
    let position = s
        .agenda
        .iter()
        .position(|i| i.id == item.id)
        .map_or(0, |p| p + 1);
    // The border title is padded with a space on each side.
    let title = fit(
        &format!("{position}/{} {}", s.agenda.len(), item.title),
        cols.saturating_sub(2),
    );
    let status = if over {
        Span::styled(format!("{} +{}", w.over, clock(elapsed - planned)), t.over)
    } else {
        Span::styled(format!("{} {}", w.left, clock(planned - elapsed)), t.base)
    };
    let timing = Line::from(vec![
        Span::styled(clock(elapsed), if over { t.over } else { t.active }),
        Span::raw(format!(" {} {}  ", w.of, clock(planned))),
        status,
    ]);
    let big = (rect.height >= 8 && rect.width >= 24).then(|| clock(elapsed));
    ClockModel {
        rect,
        title,
        big,
        lines: vec![timing],
        #[allow(clippy::cast_precision_loss)]
        ratio: if planned > 0 {
            (elapsed as f64 / planned as f64).clamp(0.0, 1.0)
        } else {
            0.0
        },
        over,
    }
}

fn questions(s: &Session, w: &Words, rect: Rect) -> PanelModel {
    let cols = rect.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    if let Some(item) = s.active_item() {
        for q in &item.questions {
            for (i, l) in wrap(q, cols.saturating_sub(2)).into_iter().enumerate() {
                lines.push(Line::raw(format!(
                    "{}{l}",
                    if i == 0 { "• " } else { "  " }
                )));
            }
        }
    }
    lines.truncate(rect.height.saturating_sub(1) as usize);
    PanelModel {
        panel: Panel::Agenda,
        rect,
        title: w.questions.to_owned(),
        focused: false,
        lines,
    }
}

/// The first row to show so that `sel` is visible in `height` rows.
fn window(n: usize, sel: usize, height: usize) -> std::ops::Range<usize> {
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
fn window_lines(
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

#[allow(clippy::many_single_char_names)] // s(ession), w(ords), t(heme), p(anel), …
fn panel<P: Port>(app: &App<P>, p: Panel, rect: Rect, now: DateTime<Utc>) -> PanelModel {
    let w = app.words();
    let t = &app.theme;
    let s = app.session();
    let cols = rect.width.saturating_sub(1) as usize;
    let height = rect.height.saturating_sub(1) as usize;
    let focused = app.focus == p;
    let sel = app.selected(p);
    let mark = |i: usize, line: Line<'static>| {
        if focused && i == sel {
            line.style(t.selected)
        } else {
            line
        }
    };
    let mut lines: Vec<Line<'static>> = Vec::with_capacity(height);
    let title;
    match p {
        Panel::Agenda => {
            title = format!("{} ({})", w.agenda, s.agenda.len());
            for i in window(s.agenda.len(), sel, height) {
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
                    format!("{}′/{planned}", s.item_elapsed_secs(it, now) / 60)
                } else if matches!(it.status, ItemStatus::Skipped | ItemStatus::Deferred) {
                    format!("{} {planned}", w.item_status(it.status))
                } else {
                    planned.clone()
                };
                // The planned minutes alone where the whole would cut the
                // title within its first 30 columns.
                let prefix = format!("{marker} {}. ", i + 1);
                let text = spread_keeping(&prefix, &it.title, &[&mins, &planned], cols);
                lines.push(mark(i, Line::styled(text, style)));
            }
        }
        Panel::Queue => {
            title = format!("{} ({})", w.queue, s.queue.len());
            let speaking = match &s.speaking {
                Some(sp) => {
                    let secs = s.speaker_secs(now);
                    let limit = i64::from(s.info.speaker_limit_secs);
                    let prefix = format!("▶ {}: {} ", w.speaking, sp.code);
                    let name = s.name_of(&sp.code);
                    let kind = format!("({})", w.speak_kind(sp.kind));
                    let who = format!("{prefix}{name} {kind}");
                    let over = secs > limit;
                    let timer = if over {
                        format!("{} +{} ", w.over, clock(secs - limit))
                    } else {
                        format!("{}/{}", clock(secs), clock(limit))
                    };
                    let timer = Span::styled(timer, if over { t.over } else { t.active });
                    let one_line = needed(&prefix, name) + 1 + timer.width();
                    if one_line <= cols {
                        let who = fit(&who, cols.saturating_sub(timer.width() + 1));
                        let gap = cols.saturating_sub(width(&who) + timer.width());
                        vec![Line::from(vec![
                            Span::styled(who, t.active),
                            Span::raw(" ".repeat(gap)),
                            timer,
                        ])]
                    } else {
                        // The name on a line of its own where the timer would
                        // cut it within its first 30 columns; the word
                        // "speaking", the kind and the timer under it.
                        let kind = fit(
                            &format!("  {} {kind}", w.speaking),
                            cols.saturating_sub(timer.width() + 1),
                        );
                        let gap = cols.saturating_sub(width(&kind) + timer.width());
                        vec![
                            Line::styled(fit(&format!("▶ {} {name}", sp.code), cols), t.active),
                            Line::from(vec![
                                Span::styled(kind, t.active),
                                Span::raw(" ".repeat(gap)),
                                timer,
                            ]),
                        ]
                    }
                }
                // After the end the floor is closed (the domain drops the
                // hands still raised): say so instead of an empty queue.
                None if s.status == Status::Ended => {
                    vec![Line::styled(fit(w.queue_closed, cols), t.banner)]
                }
                None => vec![Line::styled(fit(w.nobody_speaking, cols), t.dim)],
            };
            let speaker_rows = speaking.len();
            lines.extend(speaking);
            let silent = s.not_yet_spoken();
            let silent_text = if silent.is_empty() {
                format!("{}: {}", w.not_yet_spoken, w.everyone_spoke)
            } else {
                let names: Vec<String> = silent
                    .iter()
                    .map(|p| format!("{} {}", p.code, p.name))
                    .collect();
                format!(
                    "{} ({}): {}",
                    w.not_yet_spoken,
                    silent.len(),
                    names.join(", ")
                )
            };
            // Who has not spoken gets the rows the queue does not need (at
            // least two), and says so when it is cut.
            let silent_room = height
                .saturating_sub(speaker_rows + s.queue.len().max(1))
                .max(2);
            let mut silent_lines = wrap(&silent_text, cols);
            if silent_lines.len() > silent_room {
                silent_lines.truncate(silent_room);
                if let Some(last) = silent_lines.last_mut() {
                    *last = fit(&format!("{last}…"), cols);
                }
            }
            let room = height.saturating_sub(speaker_rows + silent_lines.len());
            if s.queue.is_empty() && room > 0 && s.status != Status::Ended {
                lines.push(Line::styled(
                    fit(&format!("  ({})", w.queue_empty), cols),
                    t.dim,
                ));
            }
            for i in window(s.queue.len(), sel, room) {
                let e = &s.queue[i];
                let mut text = Fitter::new(cols);
                let _ = write!(text, "{}. {} ", i + 1, e.code);
                text.push(s.name_of(&e.code))
                    .push(" — ")
                    .push(w.speak_kind(e.kind));
                let style = if e.kind == crate::domain::SpeakKind::PointOfOrder {
                    t.active
                } else {
                    t.base
                };
                lines.push(mark(i, Line::styled(text.finish().0, style)));
            }
            while lines.len() + silent_lines.len() < height {
                lines.push(Line::raw(""));
            }
            lines.extend(silent_lines.into_iter().map(|l| Line::styled(l, t.dim)));
        }
        Panel::Mindsets => {
            let rows: Vec<_> = s.mindsets().collect();
            title = format!("{} ({})", w.mindsets, rows.len());
            for i in window(rows.len(), sel, height) {
                let m = rows[i];
                let mut text = Fitter::new(cols);
                text.push(&m.from).push(" → ").push(&m.to);
                for (k, v) in m.values.iter().enumerate() {
                    text.push(if k == 0 { " [" } else { ", " });
                    text.push(if app.lang == crate::domain::Language::En {
                        v.name_en()
                    } else {
                        v.name_id()
                    });
                }
                if !m.values.is_empty() {
                    text.push("]");
                }
                if let Some(code) = &m.participant {
                    text.push(" (").push(code).push(")");
                }
                lines.push(mark(i, Line::raw(text.finish().0)));
            }
        }
        Panel::Notes => {
            // One pass over the notes (thousands in a large session).
            let mut rows = Vec::with_capacity(s.notes.len());
            let mut hidden = 0;
            for n in s.notes() {
                hidden += usize::from(n.private);
                if app.role.sees_private() || !n.private {
                    rows.push(n);
                }
            }
            title = if app.role.sees_private() || hidden == 0 {
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
            lines = window_lines(rows.len(), sel, height, |i| {
                let n = rows[i];
                let at = n.at.with_timezone(&zone);
                let mut row = Fitter::new(cols);
                let _ = write!(row, "{:02}:{:02} [", at.hour(), at.minute());
                row.push(w.note_kind(n.kind)).push("]");
                if let Some(code) = &n.participant {
                    row.push(" ").push(code);
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
                lines.into_iter().map(|l| mark(i, Line::raw(l))).collect()
            });
        }
        Panel::Decisions => {
            let decisions: Vec<_> = s.decisions().collect();
            let conclusions: Vec<_> = s.conclusions().collect();
            title = format!(
                "{} ({}+{})",
                w.decisions,
                decisions.len(),
                conclusions.len()
            );
            let (d, c) = if app.lang == crate::domain::Language::En {
                ("D", "C")
            } else {
                ("K", "S")
            };
            let n = decisions.len() + conclusions.len();
            for i in window(n, sel, height) {
                let (letter, x) = if i < decisions.len() {
                    (d, decisions[i])
                } else {
                    (c, conclusions[i - decisions.len()])
                };
                let mut text = Fitter::new(cols);
                let _ = write!(text, "{letter}{}. ", x.id);
                text.push(&x.text);
                lines.push(mark(i, Line::raw(text.finish().0)));
            }
        }
        Panel::Actions => {
            let mut rows = Vec::with_capacity(s.actions.len());
            let mut open = 0;
            for a in s.actions() {
                open += usize::from(a.status == crate::domain::ActionStatus::Open);
                rows.push(a);
            }
            title = format!("{} ({open}/{})", w.actions, rows.len());
            let today = s.info.zone.date_of(now);
            lines = window_lines(rows.len(), sel, height, |i| {
                let a = rows[i];
                let pic = a
                    .pic
                    .as_ref()
                    .map(|p| format!(" — {}", p.code.as_deref().unwrap_or(&p.text)))
                    .unwrap_or_default();
                let due = a.due.map(|d| format!(" · {d}")).unwrap_or_default();
                let overdue = a.is_overdue(today);
                let status = match a.status {
                    crate::domain::ActionStatus::Open if overdue => w.overdue.to_owned(),
                    st => w.action_status(st).to_owned(),
                };
                let status = format!("[{status}]");
                let style = if overdue {
                    t.over
                } else if a.status == crate::domain::ActionStatus::Open {
                    t.base
                } else {
                    t.dim
                };
                let prefix = format!("{}. ", a.id);
                let room = cols.saturating_sub(width(&status) + 1);
                let text = if needed(&prefix, &a.what) <= room {
                    // One line, cut after the text where it must be; the due
                    // date leaves first rather than be cut.
                    let whole = width(&prefix) + width(&a.what) + width(&pic) + width(&due);
                    let due = if whole <= room { due.as_str() } else { "" };
                    vec![spread_with(
                        |f| {
                            f.push(&prefix).push(&a.what).push(&pic).push(due);
                        },
                        &status,
                        cols,
                    )]
                } else {
                    // The text on a line of its own where the status would
                    // cut it within its first 30 columns; the PIC, due date
                    // and status under it.
                    let indent = " ".repeat(width(&prefix));
                    vec![
                        fit(&format!("{prefix}{}", a.what), cols),
                        spread(&format!("{indent}{pic}{due}"), &status, cols),
                    ]
                };
                text.into_iter()
                    .map(|l| mark(i, Line::styled(l, style)))
                    .collect()
            });
        }
    }
    PanelModel {
        panel: p,
        rect,
        // The border title takes a marker or space before and a space after.
        title: fit(&title, (rect.width as usize).saturating_sub(3)),
        focused,
        lines,
    }
}

fn footer<P: Port>(app: &App<P>, t: &Theme, cols: usize) -> Line<'static> {
    if let Some(f) = &app.flash {
        return Line::styled(
            fit(&format!(" {}", f.text), cols),
            if f.error { t.error } else { t.active },
        );
    }
    // The notetaker's hints lead with the entry forms.
    let hints = match app.role {
        Role::Notetaker => footer::NOTETAKER,
        Role::Facilitator => footer::PROJECTOR,
        Role::Viewer => footer::VIEWER,
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for &op in hints {
        let Some(label) = keys::hint(op, app.lang) else {
            continue;
        };
        let key = app.keymap.hint(op);
        let need = width(&key) + width(label) + 3;
        if used + need > cols {
            break;
        }
        used += need;
        spans.push(Span::styled(format!(" {key}"), t.key));
        spans.push(Span::styled(format!(" {label} "), t.dim));
    }
    Line::from(spans)
}

/// Style of a panel border.
pub fn border_style(t: &Theme, focused: bool) -> Style {
    if focused { t.focus } else { t.border }
}
