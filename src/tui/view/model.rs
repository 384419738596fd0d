//! What each region of the live view shows, built from the app and the
//! session: only the rows that fit, already cut to width and styled. Drawing
//! a model is then plain painting (and the baseline the benchmark compares
//! the whole key → frame path with).

use std::cell::RefCell;

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::layout::{MIN_HEIGHT, MIN_WIDTH, Regions, Slot, regions};
use super::memo::GuideCx;
use super::panels::{Made, guide};
use super::text::{clock, fit, width};
use crate::domain::{Language, Session, Status};
use crate::i18n::keys;
use crate::i18n::screen::{Words, fill};
use crate::tui::app::{App, Panel, Role};
use crate::tui::keymap::Op;
use crate::tui::port::{Port, Trouble};
use crate::tui::theme::Theme;

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
    /// Lines to show, top first (shared with the lines kept for the
    /// next frame).
    pub lines: std::rc::Rc<[Line<'static>]>,
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
    let banner = banner(app, w, t, now, area.width as usize);
    // The lines of a panel made while measuring it, kept for drawing it.
    let made: RefCell<Vec<(Panel, Made)>> = RefCell::new(Vec::new());
    let need = |slot: Slot, rect: Rect| need(app, slot, rect, now, &made);
    let r = regions(area, banner.is_some(), app.role == Role::Notetaker, &need);
    let mut made = made.into_inner();
    let panels = Panel::ALL
        .iter()
        .map(|&p| {
            let kept = made
                .iter()
                .position(|(q, _)| *q == p)
                .and_then(|i| made.swap_remove(i).1);
            super::panels::panel(app, p, rect_of(&r, p), now, kept)
        })
        .collect::<Vec<_>>();
    let questions = (r.questions.height > 1).then(|| {
        app.memo.guide(&guide_cx(app), r.questions, || {
            guide::model(s, w, t, app.guide, r.questions)
        })
    });
    LiveModel {
        area,
        too_small: None,
        regions: r,
        header: header(s, w, t, app.lang, now, r.header.width as usize),
        banner,
        clock: {
            let mut timer = super::clock::model(s, w, t, app.lang, now, r.clock);
            super::kinds::big(app, &mut timer);
            timer
        },
        questions,
        panels,
        footer: footer(app, t, r.footer.width as usize),
    }
}

/// What the guide panel is made of.
fn guide_cx<P: Port>(app: &App<P>) -> GuideCx<'_> {
    GuideCx {
        s: app.session(),
        lang: app.lang,
        theme: app.theme.name,
        role: app.role,
        chosen: app.guide,
    }
}

/// Where panel `p` goes.
fn rect_of(r: &Regions, p: Panel) -> Rect {
    match p {
        Panel::Agenda => r.agenda,
        Panel::Queue => r.queue,
        Panel::Mindsets => r.mindsets,
        Panel::Notes => r.notes,
        Panel::Decisions => r.decisions,
        Panel::Actions => r.actions,
    }
}

/// The lines `slot`'s content wants in a column of `rect` (its title
/// included), and the clock's with big digits.
fn need<P: Port>(
    app: &App<P>,
    slot: Slot,
    rect: Rect,
    now: DateTime<Utc>,
    made: &RefCell<Vec<(Panel, Made)>>,
) -> (u16, u16) {
    let s = app.session();
    let count = |n: usize| u16::try_from(n).unwrap_or(u16::MAX).min(rect.height);
    let panel = |p: Panel| {
        let (newest, all, lines) = super::panels::need(app, p, rect, now);
        made.borrow_mut().push((p, lines));
        (count(newest), count(all))
    };
    match slot {
        Slot::Clock => (
            super::clock::small_need(s),
            super::clock::big_need(s, app.words(), app.lang, now, rect.width),
        ),
        Slot::Guide => app
            .memo
            .guide_need(&guide_cx(app), rect.width, rect.height, || {
                guide::need(
                    s,
                    app.words(),
                    &app.theme,
                    app.guide,
                    rect.width,
                    rect.height,
                )
            }),
        Slot::Agenda => panel(Panel::Agenda),
        Slot::Queue => panel(Panel::Queue),
        Slot::Mindsets => panel(Panel::Mindsets),
        Slot::Notes => panel(Panel::Notes),
        Slot::Decisions => panel(Panel::Decisions),
        Slot::Actions => panel(Panel::Actions),
    }
}

fn header(
    s: &Session,
    w: &Words,
    t: &Theme,
    lang: Language,
    now: DateTime<Utc>,
    cols: usize,
) -> Line<'static> {
    let local = now.with_timezone(&s.info.zone.offset());
    let right = |drift: String| {
        format!(
            " [{}] {} {} · {} {}{drift} ",
            w.status(s.status),
            local.format("%H:%M:%S"),
            s.info.zone.label(),
            w.session_time,
            clock(s.elapsed_secs(now)),
        )
    };
    // The drift in words where the title keeps 30 columns, else in signs.
    let mut right = right(drift(s, w, lang, now, false));
    if cols.saturating_sub(width(&right)) < 30 {
        right = format!(
            " [{}] {} · {} {}{} ",
            w.status(s.status),
            local.format("%H:%M"),
            w.session_time,
            clock(s.elapsed_secs(now)),
            drift(s, w, lang, now, true)
        );
    }
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

/// The clock plan's drift and the expected end (` · terlambat 12 mnt;
/// perkiraan selesai 15.30`, or `short`: ` · +12′ → 15.30`), for a session
/// with a start time that runs.
fn drift(s: &Session, w: &Words, lang: Language, now: DateTime<Utc>, short: bool) -> String {
    let Some(m) = s.drift_minutes(now).filter(|_| s.status != Status::Ended) else {
        return String::new();
    };
    let end = crate::i18n::time(s.expected_end(now), s.info.zone, lang);
    if short {
        let sign = match m {
            0 => "±",
            m if m > 0 => "+",
            _ => "−",
        };
        return format!(" · {sign}{}′ → {end}", m.abs());
    }
    let how = match m {
        0 => w.drift_none.to_owned(),
        m if m > 0 => fill(w.drift_late, &[&m]),
        m => fill(w.drift_early, &[&-m]),
    };
    format!(" · {how}; {}", fill(w.expected_end, &[&end]))
}

fn banner<P: Port>(
    app: &App<P>,
    w: &Words,
    t: &Theme,
    now: DateTime<Utc>,
    cols: usize,
) -> Option<Line<'static>> {
    let line =
        |text: &str| Line::styled(format!(" {} ", fit(text, cols.saturating_sub(2))), t.banner);
    match app.port.trouble() {
        Some(Trouble::Disconnected) => return Some(line(w.disconnected)),
        Some(Trouble::Refused(why)) => {
            let why = crate::i18n::outcome::host_words(app.lang, &why);
            return Some(line(&fill(w.refused_by_host, &[&why])));
        }
        Some(Trouble::Ended) => return Some(line(w.host_closed)),
        None => {}
    }
    let connected = app.connected_text();
    let text = match app.session().status {
        Status::Ended => w.ended_banner.to_owned(),
        // Paused for a break: when the room is back, not that it is paused.
        Status::Paused => super::clock::break_line(app.session(), w, app.lang, now)
            .unwrap_or_else(|| w.paused_banner.to_owned()),
        Status::Planned if app.role != Role::Viewer => {
            fill(w.planned_banner, &[&app.keymap.hint(Op::StartPause)])
        }
        _ => return connected.map(|c| line(&c)),
    };
    Some(line(&match connected {
        Some(c) => format!("{c} · {text}"),
        None => text,
    }))
}

fn footer<P: Port>(app: &App<P>, t: &Theme, cols: usize) -> Line<'static> {
    if let Some(f) = &app.flash {
        return Line::styled(
            fit(&format!(" {}", f.text), cols),
            if f.error { t.error } else { t.active },
        );
    }
    // What the keys do now first; the notetaker's lead with the entry forms.
    let hints = app.footer_ops();
    let mut spans = Vec::new();
    let mut used = 0;
    for &op in &hints {
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
