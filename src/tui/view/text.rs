//! Fitting text into cells: display width with wide and combining
//! characters, cutting with `…`. Must not style or change state.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A piece of a text, as [`pieces`] splits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Printable ASCII: each byte a character, a grapheme and a column.
    Ascii(&'a str),
    /// Anything else, with the ASCII character before it (which a combining
    /// mark or an emoji sequence may belong to).
    Other(&'a str),
}

/// `s` in runs of printable ASCII and the rest. Most of what the screen shows
/// is ASCII, which can be measured and copied a byte at a time; only the
/// rest needs unicode-width and grapheme clusters, and never across a run.
pub fn pieces(s: &str) -> Pieces<'_> {
    Pieces { s, at: 0 }
}

/// The iterator of [`pieces`].
#[derive(Debug, Clone)]
pub struct Pieces<'a> {
    s: &'a str,
    at: usize,
}

const fn printable(b: u8) -> bool {
    matches!(b, b' '..=b'~')
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        let bytes = self.s.as_bytes();
        let start = self.at;
        if start >= bytes.len() {
            return None;
        }
        let mut end = start;
        while end < bytes.len() && printable(bytes[end]) {
            end += 1;
        }
        // The last of the run goes with what follows when that is not ASCII.
        if end > start && end < bytes.len() && !bytes[end].is_ascii() {
            end -= 1;
        }
        if end > start {
            self.at = end;
            return Some(Piece::Ascii(&self.s[start..end]));
        }
        // The rest: up to printable ASCII that no non-ASCII byte follows (a
        // character boundary).
        end = start + 1;
        while end < bytes.len()
            && !(printable(bytes[end]) && bytes.get(end + 1).is_none_or(u8::is_ascii))
        {
            end += 1;
        }
        self.at = end;
        Some(Piece::Other(&self.s[start..end]))
    }
}

/// Display width of a text (one line), as unicode-width measures it.
pub fn width(s: &str) -> usize {
    pieces(s)
        .map(|p| match p {
            Piece::Ascii(run) => run.len(),
            Piece::Other(rest) => UnicodeWidthStr::width(rest),
        })
        .sum()
}

/// Display width of a character (zero for those that take none).
fn char_width(c: char) -> usize {
    if (' '..='~').contains(&c) {
        1
    } else {
        UnicodeWidthChar::width(c).unwrap_or(0)
    }
}

/// Columns of a text always shown before it is cut with `…` (DESIGN §3).
pub const KEEP: usize = 30;

/// Columns a row needs to show `prefix` and then `text` whole, or its first
/// [`KEEP`] columns and the `…` after them when it is longer. Measures no
/// further than that, so a 10,000-character text costs no more than a short one.
pub fn needed(prefix: &str, text: &str) -> usize {
    let mut w = 0;
    for c in text.chars() {
        w += char_width(c);
        if w > KEEP {
            return width(prefix) + KEEP + 1;
        }
    }
    width(prefix) + w
}

/// `s` on one line (newlines and tabs become spaces), cut to at most `max`
/// columns with `…` at the end when it does not fit. One pass that reads no
/// further into `s` than can show, so a 10,000-character text costs what a
/// line costs.
pub fn fit(s: &str, max: usize) -> String {
    let mut f = Fitter::new(max);
    f.push(s);
    f.finish().0
}

/// A line written piece by piece into at most `max` columns, without a string
/// made and measured for each piece: pieces go in as far as they fit, and
/// once one does not, the line ends in `…` after the last character that
/// leaves room for it, as [`fit`] cuts (newlines and tabs become spaces).
#[derive(Debug)]
pub struct Fitter {
    out: String,
    /// Columns so far, character by character.
    used: usize,
    max: usize,
    /// Where to cut if it turns out not to fit (bytes of `out`, columns):
    /// after the last character (with its combining marks) that leaves room
    /// for `…`.
    cut: Option<(usize, usize)>,
    /// Whether `used` is the width unicode-width gives the whole (no emoji
    /// or other sequence measured otherwise than its characters).
    exact: bool,
    done: bool,
}

impl Fitter {
    /// An empty line of at most `max` columns.
    pub fn new(max: usize) -> Fitter {
        Fitter {
            out: String::with_capacity(max + 8),
            used: 0,
            max,
            cut: None,
            exact: true,
            done: false,
        }
    }

    /// Adds `s`, as far as it fits.
    pub fn push(&mut self, s: &str) -> &mut Fitter {
        if self.done {
            return self;
        }
        for piece in pieces(s) {
            match piece {
                Piece::Ascii(run) => {
                    if self.cut.is_none() && self.used + run.len() + 1 > self.max {
                        let cols = self.max.saturating_sub(1).max(self.used);
                        self.cut = Some((self.out.len() + cols - self.used, cols));
                    }
                    let take = run.len().min(self.max - self.used);
                    self.out.push_str(&run[..take]);
                    self.used += take;
                    if take < run.len() {
                        self.overflow();
                        return self;
                    }
                }
                Piece::Other(rest) => {
                    let before = self.used;
                    for c in rest.chars() {
                        let c = if c == '\n' || c == '\t' { ' ' } else { c };
                        let w = char_width(c);
                        if self.used + w > self.max {
                            self.exact = false;
                            self.overflow();
                            return self;
                        }
                        if self.cut.is_none() && self.used + w + 1 > self.max {
                            self.cut = Some((self.out.len(), self.used));
                        }
                        self.used += w;
                        self.out.push(c);
                    }
                    let controls = rest.contains(['\n', '\t']);
                    if controls || UnicodeWidthStr::width(rest) != self.used - before {
                        self.exact = false;
                    }
                }
            }
        }
        self
    }

    /// Columns taken so far (character by character).
    pub fn used(&self) -> usize {
        self.used
    }

    /// The line as it is so far.
    pub fn as_str(&self) -> &str {
        &self.out
    }

    /// Ends the line in `…` at the cut.
    fn overflow(&mut self) {
        self.done = true;
        if self.max == 0 {
            self.out.clear();
            self.used = 0;
            return;
        }
        let (at, cols) = self.cut.unwrap_or((self.out.len(), self.used));
        self.out.truncate(at);
        self.used = cols;
        // Measured as a whole the cut line may be wider (emoji sequences).
        if !self.exact {
            self.used = width(&self.out);
            while self.used + 1 > self.max && self.out.pop().is_some() {
                self.used = width(&self.out);
            }
        }
        self.out.push('…');
        self.used += 1;
        self.exact = true;
    }

    /// The line and its width.
    pub fn finish(mut self) -> (String, usize) {
        if !self.exact && !self.done {
            // Character by character it fits; as a whole too?
            let w = width(&self.out);
            if w > self.max {
                self.overflow();
            } else {
                self.used = w;
            }
        }
        (self.out, self.used)
    }
}

impl std::fmt::Write for Fitter {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push(s);
        Ok(())
    }
}

/// The start of `s` up to `columns` columns (counting each character's own
/// width): all of `s` when it is shorter.
pub fn head(s: &str, columns: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += char_width(c);
        if used > columns {
            return &s[..i];
        }
    }
    s
}

/// Pads `left` and `right` apart to exactly `total` columns (cutting `left`).
pub fn spread(left: &str, right: &str, total: usize) -> String {
    spread_with(
        |f| {
            f.push(left);
        },
        right,
        total,
    )
}

/// [`spread`] with the left part written by `left` into a [`Fitter`].
pub fn spread_with(left: impl FnOnce(&mut Fitter), right: &str, total: usize) -> String {
    let rw = width(right);
    if rw + 1 >= total {
        return fit(right, total);
    }
    let mut f = Fitter::new(total - rw - 1);
    left(&mut f);
    let (mut l, lw) = f.finish();
    l.extend(std::iter::repeat_n(' ', total - rw - lw));
    l.push_str(right);
    l
}

/// Like [`spread`] of `prefix` and `text`, with the first of `rights` that
/// leaves `text` its first 30 columns (the last one when none does).
pub fn spread_keeping(prefix: &str, text: &str, rights: &[&str], total: usize) -> String {
    let whole = width(prefix) + width(text);
    let keep = needed(prefix, text);
    let right = rights
        .iter()
        .find(|r| whole.min(keep) + 1 + width(r) <= total)
        .or(rights.last())
        .copied()
        .unwrap_or("");
    spread_with(
        |f| {
            f.push(prefix).push(text);
        },
        right,
        total,
    )
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
    // One line more than shows says whether there is more.
    let mut out = wrap_upto(&head, max, lines + 1);
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
    wrap_upto(s, max, usize::MAX)
}

/// The first `limit` lines [`wrap`] makes of `s`, and no work past them
/// (a panel shows a few lines of what may be a long text).
pub fn wrap_upto(s: &str, max: usize, limit: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut lw = 0;
        for word in para.split(' ') {
            let ww = width(word);
            if lw > 0 && lw + 1 + ww > max {
                lines.push(std::mem::take(&mut line));
                if lines.len() >= limit {
                    return lines;
                }
                lw = 0;
            }
            if lw > 0 {
                line.push(' ');
                lw += 1;
            }
            if ww > max {
                for c in word.chars() {
                    let cw = char_width(c);
                    if lw + cw > max {
                        lines.push(std::mem::take(&mut line));
                        if lines.len() >= limit {
                            return lines;
                        }
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
        if lines.len() >= limit {
            return lines;
        }
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

/// A speaker as a row names them: a participant's name, or a resource
/// person's or the chair's name cut to `name_max` columns followed by their
/// role, which always stays in sight ("Dr. Andi Irwan… (narasumber)").
pub fn speaker_label(
    w: &crate::i18n::screen::Words,
    s: &crate::domain::Session,
    code: &str,
    name_max: usize,
) -> String {
    match w.speaker_parts(s, code) {
        (name, Some(role)) => format!("{} ({role})", fit(name, name_max)),
        (name, None) => name.to_owned(),
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

    /// What `fit` does, the plain way: the whole text measured, then cut.
    fn fit_reference(s: &str, max: usize) -> String {
        let one_line: String = s
            .chars()
            .map(|c| if c == '\n' || c == '\t' { ' ' } else { c })
            .collect();
        if UnicodeWidthStr::width(one_line.as_str()) <= max {
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
        out.push('…');
        out
    }

    #[test]
    fn fit_cuts_as_the_plain_way_does() {
        let texts = [
            "plain ASCII text that is long enough to be cut",
            "· 2. Pengantar FGD: tujuan, tata tertib… 15′",
            "e\u{301}tude e\u{301}tude e\u{301}tude",
            "王小明说：服务要从市民需要开始 🙂 ok",
            "line one\nline two\tand a tab",
            "Dewi 🙂 Lestari 🎉 — Nguye\u{302}\u{303}n",
            "",
        ];
        for text in texts {
            for max in 0..50 {
                let mut f = Fitter::new(max);
                f.push(text);
                let (out, w) = f.finish();
                assert_eq!(out, fit_reference(text, max), "{text:?} in {max}");
                assert_eq!(w, width(&out), "{text:?} in {max}");
                // The same text in pieces.
                let (a, b) =
                    text.split_at(text.char_indices().nth(7).map_or(text.len(), |(i, _)| i));
                let mut f = Fitter::new(max);
                f.push(a).push(b);
                assert_eq!(
                    f.finish().0,
                    fit_reference(text, max),
                    "{text:?} in {max}, pieces"
                );
            }
        }
    }

    #[test]
    fn fit_reads_only_the_start_of_a_long_text() {
        let long = format!("{}tail", "ab ".repeat(5_000));
        assert_eq!(fit(&long, 7), "ab ab …");
        assert_eq!(head(&long, 4), "ab a");
        assert_eq!(head("王小明", 4), "王小");
        assert_eq!(head("short", 40), "short");
    }

    #[test]
    fn pieces_keep_a_combining_mark_with_its_letter() {
        use Piece::{Ascii, Other};
        let all = |s| pieces(s).collect::<Vec<_>>();
        assert_eq!(all("plain text"), vec![Ascii("plain text")]);
        assert_eq!(
            all("ab e\u{301}x"),
            vec![Ascii("ab "), Other("e\u{301}"), Ascii("x")]
        );
        assert_eq!(all("a·b"), vec![Other("a·"), Ascii("b")]);
        assert_eq!(all("王小 ok"), vec![Other("王小"), Ascii(" ok")]);
        assert_eq!(all("\nx"), vec![Other("\n"), Ascii("x")]);
        assert_eq!(all(""), vec![]);
    }

    #[test]
    fn width_is_unicode_width() {
        for s in [
            "plain",
            "· 2. Pengantar FGD: tujuan… 15′",
            "e\u{301}tude",
            "王小明说 🙂 ok",
            "1\u{fe0f}\u{20e3} keycap",
            "\u{2764}\u{fe0f} heart",
            "👨\u{200d}👩\u{200d}👧 family",
            "a\u{200d}b",
            "",
        ] {
            assert_eq!(width(s), UnicodeWidthStr::width(s), "{s:?}");
        }
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
        let row = spread_keeping("", &title, &["10′/20′", "20′"], 35);
        assert_eq!(row, format!("{}… 20′", "a".repeat(30)));
        let short = spread_keeping("", "short", &["10′/20′", "20′"], 35);
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
