//! The review of last meeting's actions, for the projector: the carried
//! actions one under another — what, PIC, the meeting it came from, how it
//! stood and what the review made of it — the one under review highlighted,
//! with its note below. `↑`/`↓` pick, `s` done, `p` in progress (a note),
//! `e` extended (a date), `b` dropped, `o` open again as carried. Must not
//! run commands or change the session itself (the app does, from the
//! [`Outcome`]).

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Outcome, Overlay, boxed, centered};
use crate::domain::{ActionId, ActionItem, ActionStatus, Command, Outcome as Reviewed, Session};
use crate::i18n::{self, series};
use crate::tui::app::App;
use crate::tui::forms::{self, FormKind};
use crate::tui::keymap::{Key, Op};
use crate::tui::port::Port;
use crate::tui::view::text::{fit, spread, wrap_cut};

/// The carried actions, in order.
fn carried(s: &Session) -> Vec<&ActionItem> {
    s.carried_actions().collect()
}

/// `set_action_status` of `action` to `status`, nothing else.
fn set(action: ActionId, status: ActionStatus) -> Outcome {
    Outcome::RunKeep(Command::SetActionStatus {
        action,
        status,
        note: None,
        due: None,
    })
}

/// What a key does on the review, `sel` its selected row.
pub fn key<P: Port>(sel: &mut usize, app: &App<P>, ev: KeyEvent) -> Outcome {
    let s = app.session();
    let list = carried(s);
    let id = list.get(*sel).map(|a| a.id);
    let form = |kind| match forms::open(kind, s, app.words()) {
        Some(f) => Outcome::Open(Overlay::Form(Box::new(f))),
        None => Outcome::Stay,
    };
    match (ev.code, app.keymap.op(Key::of(ev))) {
        (KeyCode::Esc, _) | (_, Some(Op::Review | Op::Cancel)) => return Outcome::Close,
        (_, Some(Op::Help)) => return Outcome::Open(Overlay::Help(0)),
        (KeyCode::Up, _) | (_, Some(Op::Up)) => *sel = sel.saturating_sub(1),
        (KeyCode::Down, _) | (_, Some(Op::Down)) => {
            *sel = (*sel + 1).min(list.len().saturating_sub(1));
        }
        (KeyCode::Char(c), _) if id.is_some() && app.role != crate::tui::app::Role::Viewer => {
            let Some(id) = id else { return Outcome::Stay };
            match c {
                's' => return set(id, ActionStatus::Done),
                'b' => return set(id, ActionStatus::Dropped),
                'o' => return set(id, ActionStatus::Open),
                'p' => return form(FormKind::ReviewProgress(id)),
                'e' => return form(FormKind::ReviewExtend(id)),
                _ => {}
            }
        }
        _ => {}
    }
    Outcome::Stay
}

/// "selesai", "diperpanjang, batas waktu 30 November 2026" …
fn after(a: &ActionItem, lang: crate::domain::Language) -> String {
    let outcome = a.outcome().unwrap_or(Reviewed::Pending);
    let word = i18n::pick(lang, series::outcome(outcome));
    match (outcome, a.due) {
        (Reviewed::Done | Reviewed::Dropped, _) | (_, None) => word.to_owned(),
        (_, Some(d)) => format!("{word} · {}", i18n::date(d, lang)),
    }
}

/// The carried actions, the selected one highlighted with its note and
/// where it came from below the list, and the keys on the last line.
pub fn draw<P: Port>(app: &App<P>, sel: usize, frame: &mut Frame<'_>) {
    let lang = app.words().lang;
    let w = series::words(lang);
    let t = &app.theme;
    let area = frame.area();
    let rect = centered(
        area,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    let s = app.session();
    let list = carried(s);
    let done = list
        .iter()
        .filter(|a| a.outcome() != Some(Reviewed::Pending))
        .count();
    let title = format!("{} — {done}/{}", w.review_panel, list.len());
    let inner = boxed(frame, rect, &title, t);
    let cols = inner.width as usize;
    // The list, then a blank line, two lines of detail, a blank and the keys.
    let room = (inner.height as usize).saturating_sub(5).max(1);
    let start = sel.saturating_sub(room.saturating_sub(1));
    let mut lines = Vec::new();
    for (i, a) in list.iter().enumerate().skip(start).take(room) {
        let pic = a.pic.as_ref().map_or("", |p| p.text.as_str());
        let right = after(a, lang);
        let text = spread(&format!("{:>2}. {} — {pic}", a.id.0, a.what), &right, cols);
        let style = match a.outcome() {
            _ if i == sel => t.selected,
            Some(Reviewed::Pending) | None => t.base,
            Some(_) => t.dim,
        };
        lines.push(Line::styled(text, style));
    }
    if list.is_empty() {
        lines.push(Line::styled(fit(w.review_none, cols), t.dim));
    }
    lines.push(Line::raw(""));
    if let Some(a) = list.get(sel) {
        if let Some(c) = &a.carried {
            let from = series::meeting_of(lang, c.meeting, c.date);
            let before = c
                .due
                .map(|d| i18n::fill(w.due_was, &[&i18n::date(d, lang)]))
                .unwrap_or_default();
            lines.push(Line::styled(
                fit(
                    &format!("{}: {from} · {}: {before}", w.col_origin, w.col_before),
                    cols,
                ),
                t.dim,
            ));
        }
        let note = a.latest_note().unwrap_or("—");
        for l in wrap_cut(&format!("{}: {note}", w.col_note), cols, 1) {
            lines.push(Line::styled(l, t.base));
        }
    }
    while lines.len() + 1 < inner.height as usize {
        lines.push(Line::raw(""));
    }
    // A viewer (the projector) only looks: no keys to offer.
    if app.role != crate::tui::app::Role::Viewer {
        lines.push(Line::styled(fit(w.review_keys, cols), t.key));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// On a viewer (the projector), the review comes and goes with its item and
/// stays on the action under review: the first not yet reviewed.
pub fn follow<P: Port>(app: &mut App<P>) {
    if app.role != crate::tui::app::Role::Viewer {
        return;
    }
    let s = app.session();
    let reviewing = s.reviewing();
    let next = carried(s)
        .iter()
        .position(|a| a.outcome() == Some(Reviewed::Pending))
        .unwrap_or(0);
    match (reviewing, app.overlays.last_mut()) {
        (true, Some(Overlay::Review(sel))) => *sel = next,
        (true, None) => app.overlays.push(Overlay::Review(next)),
        (false, Some(Overlay::Review(_))) => {
            app.overlays.pop();
        }
        _ => {}
    }
}
