//! The speaker picker: type to filter (a P-code, its number or part of
//! a name; resource persons `N1…` and the chair `F` after the participants),
//! ↑/↓ to choose, `Enter` to pick for what it was opened for. It shows the
//! room as it is: those present first with ✓, the not-yet-spoken marked
//! (first of all for `C`), the absent last; giving the floor to an absent
//! one asks for a second `Enter` (a raised hand's kind prompt warns). Must not run commands itself.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Position;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::{Input, InputRequest};

use super::{Outcome, Overlay, boxed, centered};
use crate::domain::{Command, Session};
use crate::tui::app::App;
use crate::tui::form::{Suggestion, has_spoken, quiet_first_suggestions, speaker_suggestions};
use crate::tui::port::Port;
use crate::tui::view::text::{fit, width};

/// What a picker chooses a participant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// Raise their hand (a kind is asked next).
    RaiseHand,
    /// Give them the floor.
    CallSpeaker,
}

/// A participant picker: type to filter, digits pick a P-code.
#[derive(Debug, Clone)]
pub struct Picker {
    /// What for.
    pub purpose: PickFor,
    /// What was typed.
    pub query: Input,
    /// Highlighted match.
    pub sel: usize,
    /// An absent participant picked once (a second `Enter` takes them).
    pub warned: Option<String>,
}

impl Picker {
    /// An empty picker for `purpose`.
    pub fn new(purpose: PickFor) -> Picker {
        Picker {
            purpose,
            query: Input::default(),
            sel: 0,
            warned: None,
        }
    }

    /// The speakers it offers for what was typed, in its order.
    pub fn matches(&self, s: &Session) -> Vec<Suggestion> {
        match self.purpose {
            PickFor::RaiseHand => speaker_suggestions(s, self.query.value(), usize::MAX),
            PickFor::CallSpeaker => quiet_first_suggestions(s, self.query.value(), usize::MAX),
        }
    }
}

/// Typing filters, ↑/↓ move, `Enter` picks, `Esc` closes.
pub fn key<P: Port>(p: &mut Picker, app: &App<P>, ev: KeyEvent) -> Outcome {
    let matches: Vec<String> = p
        .matches(app.session())
        .iter()
        .map(|m| m.code.clone())
        .collect();
    match ev.code {
        KeyCode::Esc => return Outcome::Close,
        KeyCode::Up => p.sel = p.sel.saturating_sub(1),
        KeyCode::Down => p.sel = (p.sel + 1).min(matches.len().saturating_sub(1)),
        KeyCode::Enter => {
            let Some(code) = matches.get(p.sel).cloned() else {
                return Outcome::Refuse(app.words().no_match);
            };
            let absent = app.session().participant(&code).is_some_and(|x| !x.present);
            // Giving the floor to someone absent takes a second `Enter`;
            // a hand's kind prompt says it instead.
            let floor = p.purpose == PickFor::CallSpeaker;
            if floor && absent && p.warned.as_deref() != Some(code.as_str()) {
                p.warned = Some(code);
                return Outcome::Refuse(app.words().picked_absent);
            }
            return match p.purpose {
                PickFor::RaiseHand => Outcome::Replace(Overlay::Kind(code)),
                PickFor::CallSpeaker => Outcome::Run(Command::CallSpeaker { participant: code }),
            };
        }
        KeyCode::Backspace => {
            p.query.handle(InputRequest::DeletePrevChar);
            p.sel = 0;
        }
        KeyCode::Char(c) => {
            p.query.handle(InputRequest::InsertChar(c));
            p.sel = 0;
        }
        _ => {}
    }
    Outcome::Stay
}

/// The query, a hint and the matches around the highlighted one.
#[allow(clippy::cast_possible_truncation)] // a query's width fits the screen
pub fn draw<P: Port>(app: &App<P>, p: &Picker, frame: &mut Frame<'_>) {
    let w = app.words();
    let t = &app.theme;
    let area = frame.area();
    let title = match p.purpose {
        PickFor::RaiseHand | PickFor::CallSpeaker => w.pick_participant,
    };
    let rect = centered(area, 56, area.height.saturating_sub(4).min(18));
    let inner = boxed(frame, rect, title, t);
    let matches = p.matches(app.session());
    let mut lines = vec![
        Line::from(vec![
            Span::styled("› ", t.key),
            Span::raw(p.query.value().to_owned()),
        ]),
        Line::styled(fit(w.type_to_filter, inner.width as usize), t.dim),
        Line::styled(fit(w.picker_legend, inner.width as usize), t.dim),
    ];
    let room = inner.height.saturating_sub(3) as usize;
    if matches.is_empty() {
        lines.push(Line::styled(w.no_match, t.error));
    }
    let start = p.sel.saturating_sub(room.saturating_sub(1));
    for (i, m) in matches.iter().enumerate().skip(start).take(room) {
        let unit = m
            .unit
            .as_deref()
            .map(|u| format!(" · {u}"))
            .unwrap_or_default();
        let mark = mark(app.session(), &m.code);
        let cols = (inner.width as usize).saturating_sub(width(mark) + 1);
        let line = match w.speaker_parts(app.session(), &m.code) {
            (name, Some(role)) => {
                let role = format!(" ({role})");
                let room = cols.saturating_sub(width(&m.code) + 1 + width(&role));
                fit(&format!("{} {}{role}", m.code, fit(name, room)), cols)
            }
            (name, None) => fit(&format!("{} {name}{unit}", m.code), cols),
        };
        let line = format!("{mark} {line}");
        lines.push(if i == p.sel {
            Line::styled(line, t.selected)
        } else {
            Line::raw(line)
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let cx = inner.x + 2 + width(p.query.value()) as u16;
    frame.set_cursor_position(Position::new(
        cx.min(inner.right().saturating_sub(1)),
        inner.y,
    ));
}

/// A speaker's mark in the picker: `✓` present and has spoken, `✓○` present
/// and not yet spoken, `✗` absent (a participant), blank for the others.
fn mark(s: &Session, code: &str) -> &'static str {
    match s.participant(code) {
        Some(p) if !p.present => "✗ ",
        Some(p) if !has_spoken(s, &p.code) => "✓○",
        Some(_) => "✓ ",
        None => "  ",
    }
}
