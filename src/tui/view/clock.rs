//! The active item's clock: what is left of its time (`sisa 14:42`) and,
//! past the end, the overrun in words (`LEWAT 0:06`), so it reads from the
//! back row and without colour; big digits when the column has the room the
//! content above leaves. Must not change state.

use chrono::{DateTime, Utc};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::model::ClockModel;
use super::text::{clock, fit};
use crate::domain::Session;
use crate::i18n::screen::Words;
use crate::tui::theme::Theme;

/// The lines the clock needs without big digits: title, timing, gauge (or
/// title and "no item").
pub fn small_need(s: &Session) -> u16 {
    if s.active_item().is_some() { 3 } else { 2 }
}

/// The lines the clock needs with big digits in `cols` columns (0: none
/// fit, or no item is active).
pub fn big_need(s: &Session, w: &Words, now: DateTime<Utc>, cols: u16) -> u16 {
    big_text(s, w, now).map_or(0, |text| {
        big_rows(&text, cols).map_or(0, |rows| small_need(s) + rows)
    })
}

/// The big text: what is left, or the overrun, with its word.
fn big_text(s: &Session, w: &Words, now: DateTime<Utc>) -> Option<String> {
    let item = s.active_item()?;
    let left = i64::from(item.minutes) * 60 - s.item_elapsed_secs(item, now);
    Some(if left < 0 {
        format!("{} {}", w.over, short(-left))
    } else {
        format!("{} {}", w.left, short(left))
    })
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
pub fn model(s: &Session, w: &Words, t: &Theme, now: DateTime<Utc>, rect: Rect) -> ClockModel {
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
    let timing = Line::from(vec![
        status,
        Span::styled(
            format!("  ({} {} {})", clock(elapsed), w.of, clock(planned)),
            t.base,
        ),
    ]);
    let big = big_text(s, w, now).filter(|text| {
        big_rows(text, rect.width).is_some_and(|rows| rect.height >= small_need(s) + rows)
    });
    ClockModel {
        rect,
        title,
        big,
        lines: vec![timing],
        #[allow(clippy::cast_precision_loss)]
        ratio: if planned > 0 {
            (elapsed as f64 / planned as f64).clamp(0.0, 1.0)
        } else {
            0.0
        },
        over,
    }
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
