//! The popups over the live view, one file per overlay: each takes its keys
//! (returning an [`Outcome`] the app carries out; an overlay never opens or
//! closes itself) and draws itself centred over the view. This module owns
//! the list of overlays and dispatches to them; it does not run commands or
//! touch the port (the app does, from the outcome).

// Terminal sizes and line counts fit in u16 (ratatui clamps to the area).
#![allow(clippy::cast_possible_truncation)]

pub mod confirm;
pub mod exported;
pub mod form;
pub mod help;
pub mod kind;
pub mod participants;
pub mod picker;
pub mod review;
pub mod scores;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear};

use super::app::App;
use super::forms::FormKind;
use super::keymap::Op;
use super::port::Port;
use super::theme::Theme;
use super::view::text::width;
use crate::domain::Command;

pub use confirm::Confirm;
pub use picker::{PickFor, Picker};

/// A popup over the main view; the top one gets the keys.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Key help, at this page (counted round: the view shows it modulo
    /// the number of pages the screen needs).
    Help(i32),
    /// `y` / `n`.
    Confirm(Confirm),
    /// An entry form.
    Form(Box<super::form::Form<FormKind>>),
    /// A participant picker.
    Picker(Picker),
    /// The kind of a raised hand, for this participant code.
    Kind(String),
    /// Participants and attendance, with the selected row.
    Participants(usize),
    /// The minutes were written here; `q` quits.
    Exported(Vec<PathBuf>),
    /// The review of last meeting's actions, with the selected row.
    Review(usize),
    /// The jury's score sheet.
    Scores(Box<scores::Sheet>),
}

/// What a key on an overlay asks the app to do.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Keep the overlay (as the key changed it).
    Stay,
    /// Close it.
    Close,
    /// Put this one in its place.
    Replace(Overlay),
    /// Keep it and open this one over it.
    Open(Overlay),
    /// Keep it and show why the key did nothing.
    Refuse(&'static str),
    /// Close it and run the command (asking first where this terminal
    /// asks before it).
    Run(Command),
    /// Close it and run the command: the user already said `y`.
    Confirmed(Command),
    /// Close it and the overlay under it (a form thrown away).
    CloseBoth,
    /// Keep it and run the command.
    RunKeep(Command),
    /// Close it and do what the op does in the main view; it comes back
    /// unless that quit.
    Act(Op),
    /// Quit the app, keeping the overlay or not.
    Quit {
        /// Keep the overlay on screen.
        keep: bool,
    },
    /// End the session and export the minutes.
    End,
    /// Check the form, run its command; keep it with the reasons if refused.
    Submit,
}

impl Overlay {
    /// What a key does to this overlay (the top one).
    pub fn key<P: Port>(&mut self, app: &App<P>, ev: KeyEvent) -> Outcome {
        match self {
            Overlay::Help(page) => help::key(page, app, ev),
            Overlay::Confirm(c) => confirm::key(c, ev),
            Overlay::Form(f) => form::key(f, app, ev),
            Overlay::Picker(p) => picker::key(p, app, ev),
            Overlay::Kind(code) => kind::key(code, ev),
            Overlay::Participants(sel) => participants::key(sel, app, ev),
            Overlay::Exported(_) => exported::key(app, ev),
            Overlay::Review(sel) => review::key(sel, app, ev),
            Overlay::Scores(sheet) => scores::key(sheet, app, ev),
        }
    }

    /// Draws this overlay over the frame.
    pub fn draw<P: Port>(&self, app: &App<P>, now: DateTime<Utc>, frame: &mut Frame<'_>) {
        match self {
            Overlay::Help(page) => help::draw(app, *page, frame),
            Overlay::Confirm(c) => confirm::draw(app, c, frame),
            Overlay::Form(f) => form::draw(app, f, now, frame),
            Overlay::Picker(p) => picker::draw(app, p, frame),
            Overlay::Kind(code) => kind::draw(app, code, frame),
            Overlay::Participants(sel) => participants::draw(app, *sel, frame),
            Overlay::Exported(paths) => exported::draw(app, paths, frame),
            Overlay::Review(sel) => review::draw(app, *sel, frame),
            Overlay::Scores(sheet) => scores::draw(app, sheet, frame),
        }
    }
}

/// A `w`×`h` rectangle in the middle of `area` (cut to it).
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears `area`, draws a titled box there and returns its inside.
pub(crate) fn boxed(frame: &mut Frame<'_>, area: Rect, title: &str, t: &Theme) -> Rect {
    frame.render_widget(Clear, area);
    // A wide character just left of the box would cover its left border.
    if area.x > 0 {
        let buf = frame.buffer_mut();
        for y in area.top()..area.bottom() {
            let cell = &mut buf[(area.x - 1, y)];
            if width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.focus)
        .title(Span::styled(format!(" {title} "), t.title))
        .style(t.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
