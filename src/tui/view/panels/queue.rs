//! The speaker-queue panel: who speaks with their timer (over the limit in
//! words and style), the queue in priority order (its front always first,
//! "↓ 2 more" under it when not every entry fits), and at the bottom who has
//! not yet spoken (equal participation is the point of an FGD).
//! Must not change state.

use std::fmt::Write as _;

use ratatui::text::{Line, Span};

use super::{Cx, window};
use crate::domain::{Session, SpeakKind, Speaking, Status};
use crate::i18n::screen::fill;
use crate::tui::app::{Role, Row};
use crate::tui::view::text::{Fitter, clock, fit, needed, speaker_label, width, wrap_upto};

/// Every queue entry, in queue order.
pub fn rows(s: &Session) -> impl Iterator<Item = Row> + '_ {
    s.queue.iter().map(|e| Row::Entry(e.id))
}

/// The time the panel shows: the speaker's seconds (what `lines` shows of
/// `now`; the view keeps the lines while it holds).
pub fn ticks(cx: &Cx<'_>) -> i64 {
    cx.s.speaker_secs(cx.now)
}

/// The index of the newest queue entry (a point of order goes to the
/// front, so it is not always the last row).
pub fn newest(s: &Session) -> usize {
    s.queue
        .iter()
        .enumerate()
        .max_by_key(|(_, e)| e.id.0)
        .map_or(0, |(i, _)| i)
}

/// The lines the panel wants, its title included: the speaker, every entry
/// (or the line that says the queue is empty), who has not spoken.
pub fn need(cx: &Cx<'_>) -> usize {
    1 + speaking(cx).len() + cx.s.queue.len().max(1) + silent(cx, cx.height).len()
}

/// Title and visible lines: the speaker, the queue, who has not spoken.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let (s, w, t, cols, height) = (cx.s, cx.w, cx.t, cx.cols, cx.height);
    let title = format!("{} ({})", w.queue, s.queue.len());
    let mut lines = speaking(cx);
    let speaker_rows = lines.len();
    // Who has not spoken gets the rows the queue does not need (at
    // least two), and says so when it is cut.
    let silent_room = height
        .saturating_sub(speaker_rows + s.queue.len().max(1))
        .max(2);
    let silent_lines = if crate::tui::view::kinds::counts_equity(s) {
        silent(cx, silent_room)
    } else {
        vec![]
    };
    let room = height.saturating_sub(speaker_rows + silent_lines.len());
    if s.queue.is_empty() && room > 0 && s.status != Status::Ended {
        lines.push(Line::styled(
            fit(&format!("  ({})", w.queue_empty), cols),
            t.dim,
        ));
    }
    let (shown, below) = shown(s.queue.len(), cx.sel, room);
    for i in shown {
        let e = &s.queue[i];
        // The kind leads, as a short tag in place of a number, so a cut
        // name never hides why someone jumps the queue and the name still
        // shows its first 30 columns at 80×24.
        let mut text = Fitter::new(cols);
        let _ = write!(text, "[{}] {} ", w.speak_tag(e.kind), e.code);
        text.push(&speaker_label(w, s, &e.code, (cols / 2).clamp(12, 30)));
        let style = if e.kind == SpeakKind::PointOfOrder {
            t.active
        } else {
            t.base
        };
        lines.push(cx.mark(i, Line::styled(text.finish().0, style)));
    }
    if below > 0 {
        let more = fill(w.queue_more, &[&below]);
        lines.push(Line::styled(fit(&format!("  {more}"), cols), t.dim));
    }
    while lines.len() + silent_lines.len() < height {
        lines.push(Line::raw(""));
    }
    lines.extend(silent_lines.into_iter().map(|l| Line::styled(l, t.dim)));
    (title, lines)
}

/// The entries to show in `room` lines and how many are left below them:
/// all when they fit; else the front of the queue first (who speaks next),
/// the selection with the rows before it after it, and the last line kept
/// for the count of those below.
fn shown(n: usize, sel: usize, room: usize) -> (Vec<usize>, usize) {
    if n <= room {
        return ((0..n).collect(), 0);
    }
    let rows = room.saturating_sub(1);
    let shown: Vec<usize> = if rows == 0 {
        vec![]
    } else if sel < rows {
        (0..rows).collect()
    } else {
        // The front, then the rows up to the selection that fit.
        let rest = window(n - 1, sel - 1, rows - 1);
        std::iter::once(0).chain(rest.map(|i| i + 1)).collect()
    };
    let below = n - shown.last().map_or(0, |last| last + 1);
    (shown, below)
}

/// Who has the floor and for how long, or that nobody has (or that the
/// floor is closed after the end).
fn speaking(cx: &Cx<'_>) -> Vec<Line<'static>> {
    let (s, w, t, cols) = (cx.s, cx.w, cx.t, cx.cols);
    match &s.speaking {
        Some(sp) => speaker(cx, sp),
        // After the end the floor is closed (the domain drops the
        // hands still raised): say so instead of an empty queue.
        None if s.status == Status::Ended => {
            vec![Line::styled(fit(w.queue_closed, cols), t.banner)]
        }
        None => vec![Line::styled(fit(w.nobody_speaking, cols), t.dim)],
    }
}

/// The speaker's line, or two where the timer would cut the name early.
fn speaker(cx: &Cx<'_>, sp: &Speaking) -> Vec<Line<'static>> {
    let (s, w, t, cols) = (cx.s, cx.w, cx.t, cx.cols);
    let secs = s.speaker_secs(cx.now);
    let limit = i64::from(s.speaker_limit_secs());
    let prefix = format!("▶ {}: {} ", w.speaking, sp.code);
    let name = &speaker_label(w, s, &sp.code, (cols / 2).clamp(12, 30));
    let kind = format!("({})", w.speak_kind(sp.kind));
    let who = format!("{prefix}{name} {kind}");
    let over = secs > limit;
    let timer = if over {
        format!("{} +{} ", w.over, clock(secs - limit))
    } else {
        format!("{}/{}", clock(secs), clock(limit))
    };
    let timer = Span::styled(timer, if over { t.over } else { t.active });
    let one_line = needed(&prefix, name) + 1 + timer.width();
    if one_line <= cols {
        let who = fit(&who, cols.saturating_sub(timer.width() + 1));
        let gap = cols.saturating_sub(width(&who) + timer.width());
        return vec![Line::from(vec![
            Span::styled(who, t.active),
            Span::raw(" ".repeat(gap)),
            timer,
        ])];
    }
    // The name on a line of its own where the timer would cut it within
    // its first 30 columns; the word "speaking", the kind and the timer
    // under it.
    let kind = fit(
        &format!("  {} {kind}", w.speaking),
        cols.saturating_sub(timer.width() + 1),
    );
    let gap = cols.saturating_sub(width(&kind) + timer.width());
    vec![
        Line::styled(fit(&format!("▶ {} {name}", sp.code), cols), t.active),
        Line::from(vec![
            Span::styled(kind, t.active),
            Span::raw(" ".repeat(gap)),
            timer,
        ]),
    ]
}

/// Who has not yet spoken, wrapped into at most `room` lines (the last
/// ending in `…` when cut): their codes and a count, and their names only on
/// the facilitator's own focus (the projector and a viewer do not name
/// people in front of the room).
fn silent(cx: &Cx<'_>, room: usize) -> Vec<String> {
    let (w, cols) = (cx.w, cx.cols);
    let silent = cx.s.not_yet_spoken();
    let names_shown = cx.focused && cx.role != Role::Viewer;
    let text = if silent.is_empty() {
        format!("{}: {}", w.not_yet_spoken, w.everyone_spoke)
    } else {
        let names: Vec<String> = silent
            .iter()
            .map(|p| {
                if names_shown {
                    format!("{} {}", p.code, p.name)
                } else {
                    p.code.clone()
                }
            })
            .collect();
        format!(
            "{} ({}): {}",
            w.not_yet_spoken,
            silent.len(),
            names.join(", ")
        )
    };
    // One line more than there is room for says whether to end with "…".
    let mut lines = wrap_upto(&text, cols, room.saturating_add(1));
    if lines.len() > room {
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last}…"), cols);
        }
    }
    lines
}
