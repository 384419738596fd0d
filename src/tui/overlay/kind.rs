//! The kind of a raised hand (topic, reply, clarifying question, point of
//! order) for a participant picked before. A kind raises the hand through
//! the [`Outcome`]. Must not run commands itself.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Outcome, boxed, centered};
use crate::domain::{Command, SpeakKind};
use crate::tui::app::App;
use crate::tui::port::Port;
use crate::tui::view::text::{speaker_label, wrap};

/// `t` (or `Enter`), `r`, `c`, `p` pick the kind; `Esc` closes.
pub fn key(code: &str, ev: KeyEvent) -> Outcome {
    let kind = match ev.code {
        KeyCode::Enter | KeyCode::Char('t' | 'T') => SpeakKind::Topic,
        KeyCode::Char('r' | 'R') => SpeakKind::Reply,
        KeyCode::Char('c' | 'C') => SpeakKind::Clarify,
        KeyCode::Char('p' | 'P') => SpeakKind::PointOfOrder,
        KeyCode::Esc => return Outcome::Close,
        _ => return Outcome::Stay,
    };
    Outcome::Run(Command::RaiseHand {
        participant: code.to_owned(),
        kind,
    })
}

/// The participant and the kinds to choose from.
pub fn draw<P: Port>(app: &App<P>, code: &str, frame: &mut Frame<'_>) {
    let w = app.words();
    let t = &app.theme;
    let area = frame.area();
    let name = speaker_label(w, app.session(), code, 40);
    // Someone not marked present: raising the hand marks them, say so.
    let absent = app.session().participant(code).is_some_and(|p| !p.present);
    let rect = centered(
        area,
        area.width.saturating_sub(4).min(90),
        5 + u16::from(absent),
    );
    let inner = boxed(frame, rect, &format!("{code} {name}"), t);
    let mut lines: Vec<Line> = Vec::new();
    if absent {
        lines.push(Line::styled(format!("⚠ {}", w.picked_absent_hand), t.error));
    }
    lines.extend(
        wrap(w.pick_kind, inner.width as usize)
            .into_iter()
            .map(|l| Line::styled(l, t.key)),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}
