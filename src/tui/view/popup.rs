//! The overlays: help, confirmations, forms, the participant picker and the
//! attendance screen, drawn centred over the live view.

// Terminal sizes and line counts fit in u16 (ratatui clamps to the area).
#![allow(clippy::cast_possible_truncation)]

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::text::{fit, spread, width, wrap};
use crate::tui::app::{App, Confirm, FormKind, Overlay, PickFor};
use crate::tui::form::{FieldKind, Form, suggestions};
use crate::tui::keymap::Group;
use crate::tui::port::Port;
use crate::tui::theme::Theme;
use crate::tui::words::{Words, fill};

/// Draws every overlay of `app`, bottom first.
pub fn draw<P: Port>(app: &App<P>, now: DateTime<Utc>, frame: &mut Frame<'_>) {
    for o in &app.overlays {
        overlay(app, o, now, frame);
    }
}

/// Draws only the top overlay of `app`, if any.
pub fn draw_top<P: Port>(app: &App<P>, now: DateTime<Utc>, frame: &mut Frame<'_>) {
    if let Some(o) = app.overlays.last() {
        overlay(app, o, now, frame);
    }
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn boxed(frame: &mut Frame<'_>, area: Rect, title: &str, t: &Theme) -> Rect {
    frame.render_widget(Clear, area);
    // A wide character just left of the box would cover its left border.
    if area.x > 0 {
        let buf = frame.buffer_mut();
        for y in area.top()..area.bottom() {
            let cell = &mut buf[(area.x - 1, y)];
            if width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(t.focus)
        .title(Span::styled(format!(" {title} "), t.title))
        .style(t.base);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

fn overlay<P: Port>(app: &App<P>, o: &Overlay, _now: DateTime<Utc>, frame: &mut Frame<'_>) {
    let w = app.words();
    let t = &app.theme;
    let area = frame.area();
    match o {
        Overlay::Help(page) => help(app, *page, w, t, frame),
        Overlay::Confirm(c) => {
            let text = match c {
                Confirm::Quit => w.confirm_quit.to_owned(),
                Confirm::End => w.confirm_end.to_owned(),
                Confirm::Remove(label, _) => format!("{} “{}”?", w.confirm_remove, fit(label, 60)),
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
        Overlay::Form(f) => form(app, f, w, t, frame),
        Overlay::Picker(p) => {
            let title = match p.purpose {
                PickFor::RaiseHand | PickFor::CallSpeaker => w.pick_participant,
            };
            let rect = centered(area, 56, area.height.saturating_sub(4).min(18));
            let inner = boxed(frame, rect, title, t);
            let matches = suggestions(app.session(), p.query.value(), usize::MAX);
            let mut lines = vec![
                Line::from(vec![
                    Span::styled("› ", t.key),
                    Span::raw(p.query.value().to_owned()),
                ]),
                Line::styled(fit(w.type_to_filter, inner.width as usize), t.dim),
            ];
            let room = inner.height.saturating_sub(2) as usize;
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
                let line = fit(
                    &format!("{} {}{unit}", m.code, m.name),
                    inner.width as usize,
                );
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
        Overlay::Kind(code) => {
            let name = app.session().name_of(code).to_owned();
            let rect = centered(area, area.width.saturating_sub(4).min(90), 5);
            let inner = boxed(frame, rect, &format!("{code} {name}"), t);
            let lines: Vec<Line> = wrap(w.pick_kind, inner.width as usize)
                .into_iter()
                .map(|l| Line::styled(l, t.key))
                .collect();
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Overlay::Participants(sel) => participants(app, *sel, w, t, frame),
        Overlay::Exported(paths) => {
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
    }
}

fn help<P: Port>(app: &App<P>, page: i32, w: &Words, t: &Theme, frame: &mut Frame<'_>) {
    let area = frame.area();
    let rows = app.keymap.help(app.lang);
    let bw = area.width.saturating_sub(2).min(110);
    // As tall as one column needs, else the whole height (for two columns
    // or pages).
    let one_column = rows.len()
        + 4
        + [w.help_raise, w.help_forms, w.help_close]
            .iter()
            .map(|x| wrap(x, bw.saturating_sub(2) as usize).len())
            .sum::<usize>();
    let bh = u16::try_from(one_column + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let rect = centered(area, bw, bh);
    let inner = boxed(frame, rect, w.help_title, t);
    let key_w = rows
        .iter()
        .map(|(_, k, _)| width(k))
        .max()
        .unwrap_or(4)
        .min(18);
    // The bindings in `cols` columns, grouped under their headings: a block
    // per binding, the heading in the block of the group's first binding.
    // A text too long for its line is cut, or wrapped when `whole`.
    let bindings = |cols: usize, whole: bool| {
        let mut blocks: Vec<Vec<Line>> = Vec::new();
        for (group, name) in [
            (Group::General, w.group_general),
            (Group::Session, w.group_session),
            (Group::Speakers, w.group_speakers),
            (Group::Record, w.group_record),
        ] {
            let mut heading = Some(Line::styled(name, t.title));
            for (_, keys, text) in rows.iter().filter(|(g, _, _)| *g == group) {
                let keys = if keys.is_empty() {
                    "—".to_owned()
                } else {
                    keys.clone()
                };
                let pad = key_w.saturating_sub(width(&keys));
                let text_w = cols.saturating_sub(key_w + 5);
                let texts = if whole {
                    wrap(text, text_w)
                } else {
                    vec![fit(text, text_w)]
                };
                let mut block: Vec<Line> = heading.take().into_iter().collect();
                for (i, text) in texts.into_iter().enumerate() {
                    let keys = if i == 0 {
                        format!("  {keys}{}  ", " ".repeat(pad))
                    } else {
                        " ".repeat(key_w + 4)
                    };
                    block.push(Line::from(vec![Span::styled(keys, t.key), Span::raw(text)]));
                }
                blocks.push(block);
            }
        }
        blocks
    };
    let extras: Vec<Vec<Line>> = [w.help_raise, w.help_forms, w.help_close]
        .iter()
        .map(|extra| {
            wrap(extra, inner.width as usize)
                .into_iter()
                .map(|l| Line::styled(l, t.dim))
                .collect()
        })
        .collect();
    let h = inner.height as usize;
    let flat = |blocks: Vec<Vec<Line<'static>>>| -> Vec<Line<'static>> {
        blocks.into_iter().flatten().collect()
    };
    let mut lines = flat(bindings(inner.width as usize, false));
    let extra_rows: usize = extras.iter().map(Vec::len).sum();
    let half = lines.len().div_ceil(2);
    let notes_rows: usize = extras[..2].iter().map(Vec::len).sum();
    // One column, else two (80×24 shows every binding this way) when they
    // hold every binding and the notes on picking and forms, else pages.
    if lines.len() + extra_rows > h && (inner.width < 60 || half + notes_rows > h) {
        let blocks = bindings(inner.width as usize, true);
        help_pages(blocks, &extras[..2], page, w, t, inner, frame);
        return;
    }
    let mut used = lines.len();
    if lines.len() + extra_rows > h {
        let half_w = inner.width / 2;
        lines = flat(bindings(half_w as usize, false));
        let right: Vec<Line> = lines.split_off(half);
        let cols = Rect {
            width: half_w,
            height: (half as u16).min(inner.height),
            ..inner
        };
        frame.render_widget(Paragraph::new(lines), cols);
        frame.render_widget(
            Paragraph::new(right),
            Rect {
                x: inner.x + half_w,
                ..cols
            },
        );
        lines = Vec::new();
        used = half;
    }
    // Then the notes below as far as they fit whole.
    for extra in extras {
        if used + extra.len() <= h {
            used += extra.len();
            lines.extend(extra);
        }
    }
    let top = (inner.height as usize).min(used.saturating_sub(lines.len())) as u16;
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y: inner.y + top,
            height: inner.height - top,
            ..inner
        },
    );
}

/// The help on pages of the inner height less a line for the page number
/// and the keys that turn it. A block (a binding, with its group's heading
/// when it is the first; a note) is not split across pages unless it is
/// taller than a page.
fn help_pages(
    bindings: Vec<Vec<Line<'static>>>,
    notes: &[Vec<Line<'static>>],
    page: i32,
    w: &Words,
    t: &Theme,
    inner: Rect,
    frame: &mut Frame<'_>,
) {
    let room = (inner.height as usize).saturating_sub(1).max(1);
    let mut pages: Vec<Vec<Line>> = vec![];
    let mut current: Vec<Line> = vec![];
    let blocks = bindings
        .into_iter()
        .map(|b| (b, false))
        .chain(notes.iter().map(|n| (n.clone(), true)));
    for (block, spaced) in blocks {
        let gap = usize::from(spaced && !current.is_empty());
        if !current.is_empty() && current.len() + gap + block.len() > room {
            pages.push(std::mem::take(&mut current));
        } else if gap > 0 {
            current.push(Line::raw(""));
        }
        for line in block {
            if current.len() == room {
                pages.push(std::mem::take(&mut current));
            }
            current.push(line);
        }
    }
    if !current.is_empty() {
        pages.push(current);
    }
    let n = i32::try_from(pages.len()).unwrap_or(i32::MAX).max(1);
    let shown = page.rem_euclid(n);
    let body = pages
        .into_iter()
        .nth(usize::try_from(shown).unwrap_or(0))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(body),
        Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        },
    );
    let hint = format!(
        "{} · {}",
        fill(w.help_pages, &[&(shown + 1), &n]),
        w.help_close
    );
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&hint, inner.width as usize), t.key)),
        Rect {
            y: inner.bottom().saturating_sub(1),
            height: 1.min(inner.height),
            ..inner
        },
    );
}

fn form<P: Port>(app: &App<P>, f: &Form<FormKind>, w: &Words, t: &Theme, frame: &mut Frame<'_>) {
    let area = frame.area();
    let bw = area.width.saturating_sub(4).min(100);
    let label_w = f.fields.iter().map(|x| width(x.label)).max().unwrap_or(8) + 2;
    let text_w = (bw as usize).saturating_sub(label_w + 3).max(10);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    for (i, field) in f.fields.iter().enumerate() {
        let focused = i == f.focus;
        let label_style = if focused { t.focus } else { t.title };
        let label = format!("{}{}", field.label, if field.required { "*" } else { "" });
        let value_lines: Vec<String> = if let FieldKind::Choice(options) = &field.kind {
            let shown: Vec<String> = options
                .iter()
                .enumerate()
                .map(|(k, o)| {
                    if k == field.choice {
                        format!("[{o}]")
                    } else {
                        (*o).to_owned()
                    }
                })
                .collect();
            vec![format!("← {} →", shown.join(" "))]
        } else {
            let v = field.input.value();
            if v.is_empty() && !focused {
                vec![field.hint.unwrap_or("").to_owned()]
            } else {
                wrap(v, text_w)
            }
        };
        // Show at most 6 lines of a long text, ending at the cursor's line.
        let total = value_lines.len();
        let shown_from = total.saturating_sub(6);
        for (k, v) in value_lines.iter().enumerate().skip(shown_from) {
            let lab = if k == shown_from {
                spread(&label, "", label_w)
            } else {
                " ".repeat(label_w)
            };
            let style =
                if field.input.value().is_empty() && !matches!(field.kind, FieldKind::Choice(_)) {
                    t.dim
                } else {
                    t.base
                };
            lines.push(Line::from(vec![
                Span::styled(lab, label_style),
                Span::raw(" "),
                Span::styled(v.clone(), style),
            ]));
        }
        if focused && !matches!(field.kind, FieldKind::Choice(_)) {
            let last = value_lines.last().map_or(0, |l| width(l));
            cursor = Some((label_w + 1 + last, lines.len().saturating_sub(1)));
        }
        if let FieldKind::Participant { .. } = field.kind
            && focused
        {
            let s = suggestions(app.session(), field.value(), 5);
            if !s.is_empty() {
                let names: Vec<String> =
                    s.iter().map(|p| format!("{} {}", p.code, p.name)).collect();
                lines.push(Line::styled(
                    format!(
                        "{}↑↓ {}",
                        " ".repeat(label_w + 1),
                        fit(&names.join(" · "), text_w.saturating_sub(3))
                    ),
                    t.dim,
                ));
            }
        }
        if let Some(e) = &field.error {
            for l in wrap(&format!("⚠ {e}"), text_w) {
                lines.push(Line::styled(
                    format!("{}{l}", " ".repeat(label_w + 1)),
                    t.error,
                ));
            }
        }
    }
    if let Some(e) = &f.error {
        lines.push(Line::raw(""));
        for l in wrap(&format!("⚠ {e}"), bw.saturating_sub(2) as usize) {
            lines.push(Line::styled(l, t.error));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(w.form_hint, t.key));
    let rect = centered(area, bw, lines.len() as u16 + 2);
    let inner = boxed(frame, rect, &f.title, t);
    let overflow = lines.len().saturating_sub(inner.height as usize);
    frame.render_widget(Paragraph::new(lines).scroll((overflow as u16, 0)), inner);
    if let Some((x, y)) = cursor
        && y >= overflow
    {
        let pos = Position::new(inner.x + x as u16, inner.y + (y - overflow) as u16);
        if inner.contains(pos) {
            frame.set_cursor_position(pos);
        }
    }
}

fn participants<P: Port>(app: &App<P>, sel: usize, w: &Words, t: &Theme, frame: &mut Frame<'_>) {
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
    let room = inner.height.saturating_sub(2) as usize;
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
        let detail = [p.position.as_deref(), p.unit.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let consent = if p.consent { " ©" } else { "" };
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
    lines.push(Line::styled(fit(w.participants_hint, cols), t.key));
    frame.render_widget(Paragraph::new(lines), inner);
}
