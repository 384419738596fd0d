//! Fitting text into cells: display width with wide and combining
//! characters, cutting with `…`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a text (one line).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Columns of a text always shown before it is cut with `…` (DESIGN §3).
pub const KEEP: usize = 30;

/// Columns a row needs to show `prefix` and then `text` whole, or its first
/// [`KEEP`] columns and the `…` after them when it is longer. Measures no
/// further than that, so a 10,000-character text costs no more than a short one.
pub fn needed(prefix: &str, text: &str) -> usize {
    let mut w = 0;
    for c in text.chars() {
        w += UnicodeWidthChar::width(c).unwrap_or(0);
        if w > KEEP {
            return width(prefix) + KEEP + 1;
        }
    }
    width(prefix) + w
}

/// `s` on one line (newlines and tabs become spaces), cut to at most `max`
/// columns with `…` at the end when it does not fit.
pub fn fit(s: &str, max: usize) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    if width(&one_line) <= max {
        return one_line;
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in one_line.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    // Keep combining marks that belong to the last character kept.
    out.push('…');
    out
}

/// Pads `left` and `right` apart to exactly `total` columns (cutting `left`).
pub fn spread(left: &str, right: &str, total: usize) -> String {
    let rw = width(right);
    if rw + 1 >= total {
        return fit(right, total);
    }
    let l = fit(left, total - rw - 1);
    let gap = total - rw - width(&l);
    format!("{l}{}{right}", " ".repeat(gap))
}

/// Like [`spread`], with the first of `rights` that leaves `left` at least
/// `keep` columns (the last one when none does).
pub fn spread_keeping(left: &str, keep: usize, rights: &[&str], total: usize) -> String {
    let whole = width(left);
    let right = rights
        .iter()
        .find(|r| whole.min(keep) + 1 + width(r) <= total)
        .or(rights.last())
        .copied()
        .unwrap_or("");
    spread(left, right, total)
}

/// The start of `s` (newlines and tabs as spaces) in at most `lines` lines
/// of `max` columns, broken as [`wrap`] breaks them; the last line ends with
/// `…` when there is more. Wraps only as much of `s` as can show.
pub fn wrap_cut(s: &str, max: usize, lines: usize) -> Vec<String> {
    // A character is at least a column wide, but for zero-width ones: keep
    // enough for the lines and a word more.
    let room = (max + 1) * (lines + 1);
    let head: String = s
        .chars()
        .take(room * 2)
        .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
        .collect();
    let cut = head.len() < s.len();
    let mut out = wrap(&head, max);
    if out.len() > lines || cut {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            *last = fit(&format!("{last}…"), max);
        }
    }
    out
}

/// Wraps a text to lines of at most `max` columns, breaking at spaces where
/// it can and inside words where it must.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut lw = 0;
        for word in para.split(' ') {
            let ww = width(word);
            if lw > 0 && lw + 1 + ww > max {
                lines.push(std::mem::take(&mut line));
                lw = 0;
            }
            if lw > 0 {
                line.push(' ');
                lw += 1;
            }
            if ww > max {
                for c in word.chars() {
                    let cw = UnicodeWidthChar::width(c).unwrap_or(0);
                    if lw + cw > max {
                        lines.push(std::mem::take(&mut line));
                        lw = 0;
                    }
                    line.push(c);
                    lw += cw;
                }
            } else {
                line.push_str(word);
                lw += ww;
            }
        }
        lines.push(line);
    }
    lines
}

/// `mm:ss`, or `h:mm:ss` from an hour on.
pub fn clock(secs: i64) -> String {
    let s = secs.max(0);
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_wide_characters() {
        assert_eq!(fit("王小明王小明", 7), "王小明…");
        assert_eq!(width(&fit("王小明王小明", 7)), 7);
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("e\u{301}tude", 10), "e\u{301}tude");
    }

    #[test]
    fn wrap_breaks_long_words() {
        assert_eq!(wrap("aaa bbb ccc", 7), vec!["aaa bbb", "ccc"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert!(wrap(&"x".repeat(10_000), 40).iter().all(|l| width(l) <= 40));
    }

    #[test]
    fn needed_stops_at_thirty_columns() {
        assert_eq!(needed("1. ", "short"), 8);
        assert_eq!(needed("1. ", &"x".repeat(30)), 33);
        assert_eq!(needed("1. ", &"x".repeat(10_000)), 34);
        assert_eq!(needed("", &"王".repeat(20)), 31);
    }

    #[test]
    fn spread_keeping_takes_the_first_right_that_leaves_room() {
        let title = "a".repeat(40);
        let row = spread_keeping(&title, 30, &["10′/20′", "20′"], 35);
        assert_eq!(row, format!("{}… 20′", "a".repeat(30)));
        let short = spread_keeping("short", 30, &["10′/20′", "20′"], 35);
        assert!(short.ends_with(" 10′/20′"), "{short}");
    }

    #[test]
    fn wrap_cut_shows_the_start_in_so_many_lines() {
        let lines = wrap_cut("aaa bbb ccc ddd eee", 7, 2);
        assert_eq!(lines, vec!["aaa bbb", "ccc dd…"]);
        assert_eq!(wrap_cut("aaa bbb", 7, 2), vec!["aaa bbb"]);
        let long = wrap_cut(&"word ".repeat(2_000), 20, 2);
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'), "{long:?}");
    }

    #[test]
    fn clocks() {
        assert_eq!(clock(65), "01:05");
        assert_eq!(clock(3725), "1:02:05");
        assert_eq!(clock(-3), "00:00");
    }
}
