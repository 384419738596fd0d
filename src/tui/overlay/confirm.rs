//! The `y` / `n` question: quit while live, end the session, rewrite the
//! minutes of an ended one, start with nobody present, remove a record or a
//! hand from the queue, and what a terminal asks before (`[confirm]`). `y`
//! answers through the [`Outcome`]; this file runs nothing.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Outcome, boxed, centered};
use crate::domain::Command;
use crate::i18n::fill;
use crate::tui::app::App;
use crate::tui::keymap::Op;
use crate::tui::port::Port;
use crate::tui::view::text::{fit, width, wrap};

/// What a confirmation confirms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Quit while live.
    Quit,
    /// End the session.
    End,
    /// Rewrite the minutes of the ended session (with its corrections).
    Rewrite,
    /// Start a session with nobody marked present.
    StartEmpty,
    /// Remove a record: its label and the command.
    Remove(String, Box<Command>),
    /// Remove a queue entry (the hand, not the person): the person's name
    /// and the command.
    RemoveHand(String, Box<Command>),
    /// Throw away the form under it, with what was typed.
    Discard,
    /// Start an agenda item while another (its title) runs.
    StartOther(String, Box<Command>),
    /// A command this terminal asks before (config `[confirm]`), with the
    /// op it came from.
    Ask(Op, Box<Command>),
    /// Announce the jury's scores.
    Announce,
}

/// `y` confirms, `n` or `Esc` closes, other keys wait.
pub fn key(c: &Confirm, ev: KeyEvent) -> Outcome {
    match ev.code {
        KeyCode::Char('y' | 'Y') => match c {
            Confirm::Quit => Outcome::Quit { keep: false },
            Confirm::End | Confirm::Rewrite => Outcome::End,
            Confirm::StartEmpty => Outcome::Confirmed(Command::Start),
            Confirm::Discard => Outcome::CloseBoth,
            Confirm::Remove(_, cmd)
            | Confirm::RemoveHand(_, cmd)
            | Confirm::StartOther(_, cmd)
            | Confirm::Ask(_, cmd) => Outcome::Confirmed((**cmd).clone()),
            Confirm::Announce => Outcome::Confirmed(Command::AnnounceScores),
        },
        KeyCode::Char('n' | 'N') | KeyCode::Esc => Outcome::Close,
        _ => Outcome::Stay,
    }
}

/// The question and the keys that answer it.
#[allow(clippy::cast_possible_truncation)] // line counts fit in u16
pub fn draw<P: Port>(app: &App<P>, c: &Confirm, frame: &mut Frame<'_>) {
    let w = app.words();
    let t = &app.theme;
    let area = frame.area();
    let text = match c {
        Confirm::Quit => w.confirm_quit.to_owned(),
        Confirm::End => w.confirm_end.to_owned(),
        Confirm::Rewrite => w.confirm_rewrite.to_owned(),
        Confirm::StartEmpty => w.confirm_start_empty.to_owned(),
        Confirm::Remove(label, _) => format!("{} “{}”?", w.confirm_remove, fit(label, 60)),
        Confirm::RemoveHand(name, _) => fill(w.confirm_remove_hand, &[&fit(name, 60)]),
        Confirm::Discard => w.confirm_discard.to_owned(),
        Confirm::StartOther(title, _) => fill(w.confirm_start_other, &[&fit(title, 60)]),
        Confirm::Ask(op, cmd) => {
            let what = crate::i18n::keys::asks_start_pause(cmd, app.lang)
                .unwrap_or_else(|| crate::i18n::keys::asks(*op, app.lang));
            fill(w.confirm_ask, &[&what])
        }
        Confirm::Announce => crate::i18n::jury::words(app.lang).announce_ask.to_owned(),
    };
    let bw = (width(&text) as u16 + 4).clamp(30, area.width.saturating_sub(4).max(30));
    let lines = wrap(&text, bw.saturating_sub(2) as usize);
    let rect = centered(area, bw, lines.len() as u16 + 4);
    let inner = boxed(frame, rect, "?", t);
    let mut body: Vec<Line> = lines.into_iter().map(Line::raw).collect();
    body.push(Line::raw(""));
    body.push(Line::styled(w.yes_no, t.key));
    frame.render_widget(Paragraph::new(body), inner);
}
