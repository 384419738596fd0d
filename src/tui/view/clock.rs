//! The active item's clock: what is left of its time (`sisa 14:42`) and,
//! past the end, the overrun in words (`LEWAT 0:06`), so it reads from the
//! back row and without colour; during a break, when the room is back
//! (`kembali 10.15`); the current segment of an item that has them; big
//! digits when the column has the room the content above leaves. Must not
//! change state.

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::model::ClockModel;
use super::text::{clock, fit};
use crate::domain::schedule::segment_at;
use crate::domain::{Language, Session};
use crate::i18n::screen::{Words, fill};
use crate::tui::theme::Theme;

/// The lines the clock needs without big digits: title, timing, gauge (or
/// title and "no item").
pub fn small_need(s: &Session) -> u16 {
    match s.active_item() {
        None => 2,
        Some(i) if i.setup.segments.is_empty() => 3,
        Some(_) => 4,
    }
}

/// The lines the clock needs with big digits in `cols` columns (0: none
/// fit, or no item is active).
pub fn big_need(s: &Session, w: &Words, lang: Language, now: DateTime<Utc>, cols: u16) -> u16 {
    big_text(s, w, lang, now).map_or(0, |text| {
        big_rows(&text, cols).map_or(0, |rows| small_need(s) + rows)
    })
}

/// The big text: what is left, or the overrun, with its word; in a break,
/// when the room is back.
fn big_text(s: &Session, w: &Words, lang: Language, now: DateTime<Utc>) -> Option<String> {
    let item = s.active_item()?;
    let left = i64::from(item.minutes) * 60 - s.item_elapsed_secs(item, now);
    if item.setup.is_break && left >= 0 {
        return Some(fill(w.back_short, &[&back_at(s, lang, now, left)]));
    }
    Some(if left < 0 {
        format!("{} {}", w.over, short(-left))
    } else {
        format!("{} {}", w.left, short(left))
    })
}

/// When a break with `left` seconds to go ends, as the room reads a clock.
fn back_at(s: &Session, lang: Language, now: DateTime<Utc>, left: i64) -> String {
    crate::i18n::time(now + chrono::Duration::seconds(left), s.info.zone, lang)
}

/// The line that says a break is on and when the room is back (for the
/// banner of a session paused for it), if one is.
pub fn break_line(s: &Session, w: &Words, lang: Language, now: DateTime<Utc>) -> Option<String> {
    let item = s.active_item().filter(|i| i.setup.is_break)?;
    let left = (i64::from(item.minutes) * 60 - s.item_elapsed_secs(item, now)).max(0);
    Some(format!(
        "{} — {}",
        w.break_word,
        fill(w.back_at, &[&back_at(s, lang, now, left)])
    ))
}

/// `m:ss`, or `h:mm:ss` from an hour on: the clock without a leading zero.
fn short(secs: i64) -> String {
    let c = clock(secs);
    c.strip_prefix('0').map_or_else(|| c.clone(), str::to_owned)
}

/// The rows big digits of `text` take in `cols` columns: 8 at full size
/// (8 columns a character), 4 at a quarter (4 columns); `None` when even
/// that does not fit.
pub fn big_rows(text: &str, cols: u16) -> Option<u16> {
    let n = u16::try_from(text.chars().count()).unwrap_or(u16::MAX);
    if n.saturating_mul(8) <= cols {
        Some(8)
    } else if n.saturating_mul(4) <= cols {
        Some(4)
    } else {
        None
    }
}

/// The clock's model in `rect` at `now`.
pub fn model(
    s: &Session,
    w: &Words,
    t: &Theme,
    lang: Language,
    now: DateTime<Utc>,
    rect: Rect,
) -> ClockModel {
    let cols = rect.width as usize;
    let Some(item) = s.active_item() else {
        return ClockModel {
            rect,
            title: w.clock_title.to_owned(),
            big: None,
            lines: vec![Line::styled(fit(w.no_active_item, cols), t.dim)],
            ratio: 0.0,
            over: false,
        };
    };
    let elapsed = s.item_elapsed_secs(item, now);
    let planned = i64::from(item.minutes) * 60;
    let over = elapsed > planned;
    let position = s
        .agenda
        .iter()
        .position(|i| i.id == item.id)
        .map_or(0, |p| p + 1);
    // The border title is padded with a space on each side.
    let title = fit(
        &format!("{position}/{} {}", s.agenda.len(), item.title),
        cols.saturating_sub(2),
    );
    let status = if over {
        Span::styled(format!("{} +{}", w.over, clock(elapsed - planned)), t.over)
    } else {
        Span::styled(format!("{} {}", w.left, clock(planned - elapsed)), t.active)
    };
    let mut lead = vec![];
    if item.setup.is_break && !over {
        let back = fill(w.back_at, &[&back_at(s, lang, now, planned - elapsed)]);
        lead.push(Span::styled(
            format!("{} — {back} · ", w.break_word),
            t.active,
        ));
    }
    lead.push(status);
    lead.push(Span::styled(
        format!("  ({} {} {})", clock(elapsed), w.of, clock(planned)),
        t.base,
    ));
    let mut lines = vec![Line::from(lead)];
    if let Some(seg) = segments(item, elapsed) {
        lines.push(Line::styled(fit(&seg, cols), t.base));
    }
    let big = big_text(s, w, lang, now).filter(|text| {
        big_rows(text, rect.width).is_some_and(|rows| rect.height >= small_need(s) + rows)
    });
    ClockModel {
        rect,
        title,
        big,
        lines,
        #[allow(clippy::cast_precision_loss)]
        ratio: if planned > 0 {
            (elapsed as f64 / planned as f64).clamp(0.0, 1.0)
        } else {
            0.0
        },
        over,
    }
}

/// The segments of an item as one line: the current one with its time of
/// its planned, the others with their minutes (`Penyajian 11:20 / 15:00 ·
/// Tanya jawab 5′`).
fn segments(item: &crate::domain::AgendaItem, elapsed: i64) -> Option<String> {
    let (cur, secs) = segment_at(item, elapsed)?;
    let parts: Vec<String> = item
        .setup
        .segments
        .iter()
        .enumerate()
        .map(|(i, seg)| {
            if i == cur {
                format!(
                    "▶ {} {} / {}",
                    seg.title,
                    clock(secs),
                    clock(i64::from(seg.minutes) * 60)
                )
            } else {
                format!("{} {}′", seg.title, seg.minutes)
            }
        })
        .collect();
    Some(parts.join(" · "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_big_clock_drops_a_leading_zero_and_takes_the_size_that_fits() {
        assert_eq!(short(882), "14:42");
        assert_eq!(short(6), "0:06");
        assert_eq!(short(3600 + 62), "1:01:02");
        assert_eq!(big_rows("sisa 14:42", 80), Some(8));
        assert_eq!(big_rows("sisa 14:42", 79), Some(4));
        assert_eq!(big_rows("sisa 14:42", 40), Some(4));
        assert_eq!(big_rows("sisa 14:42", 39), None);
    }
}
