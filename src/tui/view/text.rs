//! Fitting text into cells: display width with wide and combining
//! characters, cutting with `…`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of a text (one line).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
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
    fn clocks() {
        assert_eq!(clock(65), "01:05");
        assert_eq!(clock(3725), "1:02:05");
        assert_eq!(clock(-3), "00:00");
    }
}
