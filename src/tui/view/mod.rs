//! Rendering: pure functions from state to a frame. `model` turns the app
//! into what each region shows (only the rows that fit), `draw` paints a
//! model, `popup` paints the overlays. Nothing here changes state.

pub mod clock;
pub mod draw;
pub mod kinds;
pub mod layout;
pub mod memo;
pub mod model;
pub mod panels;
pub mod popup;
pub mod text;

use chrono::{DateTime, Utc};
use ratatui::Frame;

use super::app::App;
use super::overlay::Overlay;
use super::port::Port;

/// Draws the whole live screen for `app` at `now`.
pub fn render<P: Port>(app: &App<P>, now: DateTime<Utc>, frame: &mut Frame<'_>) {
    let model = model::build(app, now, frame.area());
    draw::draw(&model, &app.theme, frame);
    if model.too_small.is_none() {
        popup::draw(app, now, frame);
    } else if matches!(app.overlays.last(), Some(Overlay::Confirm(_))) {
        // The message says `q` quits: while live that asks, so the question
        // must show even here.
        popup::draw_top(app, now, frame);
    }
}
