//! Participants and attendance: ↑/↓ choose, `Enter`/`Space` mark present or
//! absent and move to the next person (a roll call is one key a person), a
//! legend for every mark, `+` adds a walk-in, `e`/`Enter`-op edits, the remove op asks to
//! remove. Opens forms and questions over itself through the [`Outcome`].
//! Must not run commands or change the session itself.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Confirm, Outcome, Overlay, boxed, centered};
use crate::domain::Command;
use crate::tui::app::App;
use crate::tui::forms::{self, FormKind};
use crate::tui::keymap::{Key, Op};
use crate::tui::port::Port;
use crate::tui::view::text::{fit, spread};

/// What a key does on the participants screen, `sel` its selected row.
pub fn key<P: Port>(sel: &mut usize, app: &App<P>, ev: KeyEvent) -> Outcome {
    let s = app.session();
    let codes: Vec<String> = s.participants().map(|p| p.code.clone()).collect();
    let code = codes.get(*sel).cloned();
    let form = |kind| match forms::open(kind, s, app.words()) {
        Some(f) => Outcome::Open(Overlay::Form(Box::new(f))),
        None => Outcome::Stay,
    };
    match (ev.code, app.keymap.op(Key::of(ev))) {
        (KeyCode::Esc, _) | (_, Some(Op::Participants | Op::Cancel)) => return Outcome::Close,
        (_, Some(Op::Quit)) => return Outcome::Act(Op::Quit),
        (_, Some(Op::Help)) => return Outcome::Open(Overlay::Help(0)),
        (_, Some(Op::Up)) => *sel = sel.saturating_sub(1),
        (_, Some(Op::Down)) => *sel = (*sel + 1).min(codes.len().saturating_sub(1)),
        (_, Some(Op::Add)) => return form(FormKind::AddParticipant),
        (KeyCode::Enter | KeyCode::Char(' '), _) => {
            if let Some(participant) = code {
                let present = s.participant(&participant).is_some_and(|p| p.present);
                // On to the next person: a roll call is one key a person.
                *sel = (*sel + 1).min(codes.len().saturating_sub(1));
                return Outcome::RunKeep(if present {
                    Command::Absent { participant }
                } else {
                    Command::Arrive { participant }
                });
            }
        }
        (KeyCode::Char('e'), _) | (_, Some(Op::Open)) => {
            if let Some(code) = code {
                return form(FormKind::EditParticipant(code));
            }
        }
        (_, Some(Op::Remove)) => {
            if let Some(code) = code {
                let name = s.name_of(&code).to_owned();
                return Outcome::Open(Overlay::Confirm(Confirm::Remove(
                    format!("{code} {name}"),
                    Box::new(Command::RemoveParticipant { participant: code }),
                )));
            }
        }
        _ => {}
    }
    *sel = (*sel).min(codes.len().saturating_sub(1));
    Outcome::Stay
}

/// Everyone with presence, arrival time, position and unit, consent marked.
pub fn draw<P: Port>(app: &App<P>, sel: usize, frame: &mut Frame<'_>) {
    let w = app.words();
    let t = &app.theme;
    let area = frame.area();
    let rect = centered(
        area,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    let s = app.session();
    let present = s.participants().filter(|p| p.present).count();
    let total = s.participants().count();
    let inner = boxed(
        frame,
        rect,
        &format!("{} — {} {present}/{total}", w.participants, w.present),
        t,
    );
    let cols = inner.width as usize;
    let room = inner.height.saturating_sub(3) as usize;
    let zone = s.info.zone.offset();
    let mut lines = Vec::new();
    let list: Vec<_> = s.participants().collect();
    let start = sel.saturating_sub(room.saturating_sub(1));
    for (i, p) in list.iter().enumerate().skip(start).take(room) {
        let mark = if p.present {
            format!(
                "✓ {} {}",
                w.present,
                p.arrived_at
                    .map(|a| a.with_timezone(&zone).format("%H:%M").to_string())
                    .unwrap_or_default()
            )
        } else {
            format!("· {}", w.absent)
        };
        let walk_in = p
            .carried
            .then(|| crate::i18n::series::words(w.lang).walk_in);
        let detail = [p.position.as_deref(), p.unit.as_deref(), walk_in]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let consent = if p.consent {
            format!(" {}", w.consent_mark)
        } else {
            String::new()
        };
        let text = spread(
            &format!("{:<4} {}{consent} — {detail}", p.code, p.name),
            &mark,
            cols,
        );
        let style: Style = if p.present { t.base } else { t.dim };
        lines.push(if i == sel {
            Line::styled(text, t.selected)
        } else {
            Line::styled(text, style)
        });
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(fit(w.participants_legend, cols), t.dim));
    lines.push(Line::styled(fit(w.participants_hint, cols), t.key));
    frame.render_widget(Paragraph::new(lines), inner);
}
