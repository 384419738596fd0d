//! Paints a [`LiveModel`]: no decisions left, only placement. The model's
//! lines are already cut to their width, so they are set into the buffer as
//! they are (no reflowing widget), and each panel's block is only its top
//! line: a frame of the large session costs what its visible cells cost.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, LineGauge, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::clock::big_rows;
use super::model::{ClockModel, LiveModel, PanelModel, border_style};
use super::text::{Piece, pieces, width};
use crate::tui::theme::Theme;

/// Paints the model.
pub fn draw(m: &LiveModel, t: &Theme, frame: &mut Frame<'_>) {
    base(frame.buffer_mut(), m.area, t);
    if let Some(msg) = &m.too_small {
        let p = Paragraph::new(msg.as_str())
            .style(t.base)
            .wrap(Wrap { trim: true });
        frame.render_widget(p, m.area);
        return;
    }
    let r = &m.regions;
    lines(
        frame.buffer_mut(),
        r.header,
        std::slice::from_ref(&m.header),
    );
    if let Some(b) = &m.banner {
        frame.buffer_mut().set_style(r.banner, t.banner);
        lines(frame.buffer_mut(), r.banner, std::slice::from_ref(b));
    }
    clock(&m.clock, t, frame);
    if let Some(q) = &m.questions {
        panel(q, t, frame);
    }
    for p in &m.panels {
        panel(p, t, frame);
    }
    lines(
        frame.buffer_mut(),
        r.footer,
        std::slice::from_ref(&m.footer),
    );
}

/// The theme's base style on every cell of `area` (a pass over the cells
/// themselves when it is the whole buffer, as it is in the live view).
fn base(buf: &mut Buffer, area: Rect, t: &Theme) {
    if area == buf.area {
        for cell in &mut buf.content {
            cell.set_style(t.base);
        }
    } else {
        buf.set_style(area, t.base);
    }
}

/// Sets `text` into `area`, a line a row from the top, each cut at the
/// area's width (the model has cut them already).
fn lines(buf: &mut Buffer, area: Rect, text: &[Line<'_>]) {
    for (line, y) in text.iter().zip(area.top()..area.bottom()) {
        set_line(buf, area.x, y, line, area.width);
    }
}

/// [`Buffer::set_line`], with runs of printable ASCII (a byte, a grapheme,
/// a column each) written straight into the row's cells and the rest through
/// ratatui's grapheme-aware path. Most of what the live view shows is ASCII,
/// and this is where a frame's time goes.
fn set_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) {
    let end = x.saturating_add(max_width).min(buf.area.right());
    if !buf.area.contains(Position::new(x, y)) {
        return;
    }
    let mut x = x;
    'spans: for span in &line.spans {
        let style = line.style.patch(span.style);
        for piece in pieces(span.content.as_ref()) {
            if x >= end {
                break 'spans;
            }
            match piece {
                Piece::Ascii(run) => {
                    let count = run.len().min(usize::from(end - x));
                    let first = buf.index_of(x, y);
                    let cells = &mut buf.content[first..first + count];
                    for (cell, byte) in cells.iter_mut().zip(run.bytes()) {
                        cell.set_char(char::from(byte)).set_style(style);
                    }
                    // `count` is at most `end - x`, a u16.
                    x += u16::try_from(count).unwrap_or(0);
                }
                Piece::Other(rest) => {
                    let before = x;
                    x = buf.set_stringn(x, y, rest, usize::from(end - x), style).0;
                    if usize::from(x - before) != width(rest) {
                        // A grapheme did not fit: like ratatui, the span ends.
                        continue 'spans;
                    }
                }
            }
        }
    }
}

fn panel(p: &PanelModel, t: &Theme, frame: &mut Frame<'_>) {
    if p.rect.height == 0 {
        return;
    }
    let title = if p.focused {
        format!("▸ {} ", p.title)
    } else {
        format!(" {} ", p.title)
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(border_style(t, p.focused))
        .title(Line::styled(
            title,
            if p.focused { t.focus } else { t.title },
        ));
    let inner = block.inner(p.rect);
    // The block is its top line only: render it there, not over the panel,
    // and a column short of the next one, as the rows are.
    frame.render_widget(
        block,
        Rect {
            height: 1,
            width: p.rect.width.saturating_sub(1),
            ..p.rect
        },
    );
    lines(frame.buffer_mut(), inner, &p.lines);
}

fn clock(c: &ClockModel, t: &Theme, frame: &mut Frame<'_>) {
    let area = c.rect;
    if area.height == 0 {
        return;
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(t.border)
        .title(Line::styled(format!(" {} ", c.title), t.title));
    let inner = block.inner(area);
    frame.render_widget(
        block,
        Rect {
            height: 1,
            width: area.width.saturating_sub(1),
            ..area
        },
    );
    let gauge_style = if c.over { t.over } else { t.active };
    match (
        &c.big,
        c.big.as_deref().and_then(|b| big_rows(b, inner.width)),
    ) {
        (Some(big), Some(rows))
            if inner.height >= rows + 1 + u16::try_from(c.lines.len()).unwrap_or(1) =>
        {
            let [text, digits, gauge] = Layout::vertical([
                Constraint::Length(u16::try_from(c.lines.len()).unwrap_or(1)),
                Constraint::Length(rows),
                Constraint::Length(1),
            ])
            .areas(inner);
            lines(frame.buffer_mut(), text, &c.lines);
            let size = if rows >= 8 {
                PixelSize::Full
            } else {
                PixelSize::Quadrant
            };
            let big = BigText::builder()
                .pixel_size(size)
                .style(if c.over { t.over } else { t.active })
                .alignment(Alignment::Center)
                .lines(vec![Line::from(big.clone())])
                .build();
            frame.render_widget(big, digits);
            gauge_line(c.ratio, gauge_style, t, gauge, frame);
        }
        _ => {
            let rows = inner.height as usize;
            let text_rows = rows.saturating_sub(1).min(c.lines.len()).max(1);
            let [text, gauge] = Layout::vertical([
                Constraint::Length(u16::try_from(text_rows).unwrap_or(1)),
                Constraint::Min(0),
            ])
            .areas(inner);
            lines(frame.buffer_mut(), text, &c.lines);
            if gauge.height > 0 && !c.lines.is_empty() && c.ratio > 0.0 || c.over {
                gauge_line(c.ratio, gauge_style, t, gauge, frame);
            }
        }
    }
}

fn gauge_line(
    ratio: f64,
    style: ratatui::style::Style,
    t: &Theme,
    area: Rect,
    frame: &mut Frame<'_>,
) {
    if area.height == 0 {
        return;
    }
    let g = LineGauge::default()
        .ratio(ratio)
        .filled_style(style)
        .unfilled_style(t.dim)
        .label("");
    frame.render_widget(g, Rect { height: 1, ..area });
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Modifier, Style};
    use ratatui::text::Span;

    use super::*;

    #[test]
    fn set_line_writes_what_ratatui_writes() {
        let texts = [
            "plain ASCII text, cut at the edge of the area",
            "· 2. Pengantar FGD: tujuan… 15′",
            "e\u{301}tude — Nguye\u{302}\u{303}n Thị Hà",
            "王小明说：服务要从市民需要开始 🙂 ok",
            "Dewi 🙂 Lestari 🎉 ab",
            "a\u{200d}b x",
            "",
        ];
        for text in texts {
            for width in [0, 1, 5, 12, 40] {
                let line = Line::from(vec![
                    Span::raw(text),
                    Span::styled(" [tail]", Style::new().add_modifier(Modifier::BOLD)),
                ])
                .style(Style::new().add_modifier(Modifier::REVERSED));
                let area = Rect::new(0, 0, 30, 2);
                let mut ours = Buffer::empty(area);
                let mut theirs = Buffer::empty(area);
                set_line(&mut ours, 2, 1, &line, width);
                theirs.set_line(2, 1, &line, width);
                assert_eq!(ours, theirs, "{text:?} in {width} columns");
            }
        }
    }
}
