//! Paints a [`LiveModel`]: no decisions left, only placement.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, LineGauge, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};

use super::model::{ClockModel, LiveModel, PanelModel, border_style};
use crate::tui::theme::Theme;

/// Paints the model.
pub fn draw(m: &LiveModel, t: &Theme, frame: &mut Frame<'_>) {
    frame.render_widget(Block::new().style(t.base), m.area);
    if let Some(msg) = &m.too_small {
        let p = Paragraph::new(msg.as_str())
            .style(t.base)
            .wrap(Wrap { trim: true });
        frame.render_widget(p, m.area);
        return;
    }
    let r = &m.regions;
    frame.render_widget(Paragraph::new(m.header.clone()), r.header);
    if let Some(b) = &m.banner {
        frame.render_widget(Paragraph::new(b.clone()).style(t.banner), r.banner);
    }
    clock(&m.clock, t, frame);
    if let Some(q) = &m.questions {
        panel(q, t, frame);
    }
    for p in &m.panels {
        panel(p, t, frame);
    }
    frame.render_widget(Paragraph::new(m.footer.clone()), r.footer);
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
    frame.render_widget(block, p.rect);
    frame.render_widget(Paragraph::new(p.lines.clone()), inner);
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
    frame.render_widget(block, area);
    let gauge_style = if c.over { t.over } else { t.active };
    match &c.big {
        Some(big) if inner.height >= 8 => {
            let [text, digits, gauge] = Layout::vertical([
                Constraint::Length(2),
                Constraint::Min(4),
                Constraint::Length(1),
            ])
            .areas(inner);
            frame.render_widget(Paragraph::new(c.lines.clone()), text);
            let size = if digits.height >= 8 && digits.width >= 48 {
                PixelSize::Full
            } else {
                PixelSize::HalfHeight
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
            frame.render_widget(Paragraph::new(c.lines.clone()), text);
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
