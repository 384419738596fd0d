//! The overlays drawn over the live view, bottom first; each overlay draws
//! itself (`tui::overlay`). Nothing here changes state.

use chrono::{DateTime, Utc};
use ratatui::Frame;

use crate::tui::app::App;
use crate::tui::port::Port;

/// Draws every overlay of `app`, bottom first.
pub fn draw<P: Port>(app: &App<P>, now: DateTime<Utc>, frame: &mut Frame<'_>) {
    for o in &app.overlays {
        o.draw(app, now, frame);
    }
}

/// Draws only the top overlay of `app`, if any.
pub fn draw_top<P: Port>(app: &App<P>, now: DateTime<Utc>, frame: &mut Frame<'_>) {
    if let Some(o) = app.overlays.last() {
        o.draw(app, now, frame);
    }
}
