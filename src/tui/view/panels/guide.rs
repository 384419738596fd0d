//! The guide-questions panel: the active item's discussion guide, the
//! current question first and whole (wrapped), then the others, each marked
//! covered (✓) or not (·). Which question is current: the one the
//! facilitator stepped to, else the first not yet covered. Must not change
//! state.

use ratatui::layout::Rect;
use ratatui::text::Line;

use super::super::model::PanelModel;
use super::super::text::{fit, width, wrap_cut};
use crate::domain::{AgendaItem, ItemId, Session};
use crate::i18n::screen::Words;
use crate::tui::app::Panel;
use crate::tui::theme::Theme;

/// The active item and its current question (1-based): `chosen` when it
/// names the active item and one of its questions, else the first not yet
/// covered, else the last.
pub fn current(s: &Session, chosen: Option<(ItemId, usize)>) -> Option<(&AgendaItem, usize)> {
    let item = s.active_item()?;
    let n = item.questions.len();
    if n == 0 {
        return None;
    }
    let q = match chosen {
        Some((id, q)) if id == item.id && (1..=n).contains(&q) => q,
        _ => item.next_uncovered().unwrap_or(n),
    };
    Some((item, q))
}

/// The lines of the panel in `cols` columns and at most `height` lines: the
/// current question whole (cut only when it alone passes the height), then
/// the ones after it and those before, a line each; and how many lines the
/// current question took.
fn lines(
    s: &Session,
    w: &Words,
    t: &Theme,
    chosen: Option<(ItemId, usize)>,
    cols: usize,
    height: usize,
) -> (String, Vec<Line<'static>>, usize) {
    let Some((item, cur)) = current(s, chosen) else {
        let line = if s.active_item().is_some() {
            w.no_questions
        } else {
            w.no_active_item
        };
        return (
            w.questions.to_owned(),
            vec![Line::styled(fit(line, cols), t.dim)],
            1,
        );
    };
    let n = item.questions.len();
    let title = format!("{} {cur}/{n} · ✓{}", w.questions, item.covered.len());
    let mark = |q: usize| if item.is_covered(q) { "✓" } else { "·" };
    let mut out = Vec::new();
    let head = format!("▶ {} {cur}. ", mark(cur));
    let text = &item.questions[cur - 1];
    let indent = " ".repeat(width(&head));
    let body = cols.saturating_sub(indent.len());
    for (i, l) in wrap_cut(text, body, height.max(1)).into_iter().enumerate() {
        let lead = if i == 0 {
            head.as_str()
        } else {
            indent.as_str()
        };
        out.push(Line::styled(format!("{lead}{l}"), t.active));
    }
    let current_lines = out.len();
    let style = |q: usize| if item.is_covered(q) { t.dim } else { t.base };
    // The others whole where they all fit, else a line each.
    let rest: Vec<usize> = (cur + 1..=n).chain(1..cur).collect();
    let whole: Vec<Line<'static>> = rest
        .iter()
        .flat_map(|&q| {
            let head = format!("  {} {q}. ", mark(q));
            wrap_cut(&item.questions[q - 1], body, height.max(1))
                .into_iter()
                .enumerate()
                .map(move |(i, l)| {
                    let lead = if i == 0 {
                        head.clone()
                    } else {
                        " ".repeat(width(&head))
                    };
                    Line::styled(format!("{lead}{l}"), style(q))
                })
                .take(height)
                .collect::<Vec<_>>()
        })
        .take(height + 1)
        .collect();
    if out.len() + whole.len() <= height {
        out.extend(whole);
        return (title, out, current_lines);
    }
    for q in rest {
        if out.len() >= height {
            break;
        }
        let line = fit(
            &format!("  {} {q}. {}", mark(q), item.questions[q - 1]),
            cols,
        );
        out.push(Line::styled(line, style(q)));
    }
    (title, out, current_lines)
}

/// The model of the panel in `rect`.
pub fn model(
    s: &Session,
    w: &Words,
    t: &Theme,
    chosen: Option<(ItemId, usize)>,
    rect: Rect,
) -> PanelModel {
    let (title, lines, _) = lines(
        s,
        w,
        t,
        chosen,
        rect.width.saturating_sub(1) as usize,
        rect.height.saturating_sub(1) as usize,
    );
    PanelModel {
        panel: Panel::Agenda,
        rect,
        title: fit(&title, (rect.width as usize).saturating_sub(3)),
        focused: false,
        lines: lines.into(),
    }
}

/// How many lines the panel wants in `cols` columns, its title included,
/// up to `height`: the current question, and with the others a line each
/// (they show whole only in room to spare).
pub fn need(
    s: &Session,
    w: &Words,
    t: &Theme,
    chosen: Option<(ItemId, usize)>,
    cols: u16,
    height: u16,
) -> (u16, u16) {
    let (_, _, current) = lines(
        s,
        w,
        t,
        chosen,
        cols.saturating_sub(1) as usize,
        height.saturating_sub(1) as usize,
    );
    let others = current_item_len(s, chosen).saturating_sub(1);
    let all = u16::try_from(current + others + 1)
        .unwrap_or(height)
        .min(height);
    (u16::try_from(current + 1).unwrap_or(all).min(all), all)
}

/// How many guide questions the active item has (0 without one).
fn current_item_len(s: &Session, chosen: Option<(ItemId, usize)>) -> usize {
    current(s, chosen).map_or(0, |(item, _)| item.questions.len())
}
