//! What each region of the live view shows, built from the app and the
//! session: only the rows that fit, already cut to width and styled. Drawing
//! a model is then plain painting (and the baseline the benchmark compares
//! the whole key → frame path with).

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::layout::{MIN_HEIGHT, MIN_WIDTH, Regions, regions};
use super::text::{clock, fit, width, wrap};
use crate::domain::{Session, Status};
use crate::i18n::keys;
use crate::i18n::screen::{Words, fill};
use crate::tui::app::{App, Panel, Role};
use crate::tui::keymap::{Op, footer};
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
    let mut panels = Panel::ALL
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
            super::panels::panel(app, p, rect, now)
        })
        .collect::<Vec<_>>();
    super::kinds::choose(app, &mut panels, now);
    let questions = (r.questions.height > 1).then(|| questions(s, w, r.questions));
    LiveModel {
        area,
        too_small: None,
        regions: r,
        header: header(s, w, t, now, r.header.width as usize),
        banner,
        clock: {
            let mut timer = clock_model(s, w, t, now, r.clock);
            super::kinds::big(app, &mut timer);
            timer
        },
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
