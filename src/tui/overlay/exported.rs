//! Where the minutes were written, after the session ended: `q` quits,
//! `Esc` closes. Must not write files (the app exported them).

use std::path::PathBuf;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Outcome, boxed, centered};
use crate::tui::app::App;
use crate::tui::keymap::{Key, Op};
use crate::tui::port::Port;

/// The quit op quits (the list stays on screen), cancel closes it.
pub fn key<P: Port>(app: &App<P>, ev: KeyEvent) -> Outcome {
    match app.keymap.op(Key::of(ev)) {
        Some(Op::Quit) => Outcome::Quit { keep: true },
        Some(Op::Cancel) => Outcome::Close,
        _ => Outcome::Stay,
    }
}

/// The files written, one a line.
#[allow(clippy::cast_possible_truncation)] // a handful of files
pub fn draw<P: Port>(app: &App<P>, paths: &[PathBuf], frame: &mut Frame<'_>) {
    let w = app.words();
    let t = &app.theme;
    let area = frame.area();
    let rect = centered(area, area.width.saturating_sub(4), paths.len() as u16 + 5);
    let inner = boxed(frame, rect, w.minutes_written, t);
    let mut lines: Vec<Line> = paths
        .iter()
        .map(|p| Line::raw(p.display().to_string()))
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(w.press_q, t.key));
    frame.render_widget(Paragraph::new(lines), inner);
}
