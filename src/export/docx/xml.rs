//! WordprocessingML written straight into a string: text escaped for XML
//! 1.0, paragraphs with their properties and runs with theirs, each in the
//! order the ECMA-376 schema gives (`CT_PPrBase`, `EG_RPrBase`), so Word
//! opens the file without "repairing" it.

use std::fmt::Write as _;

/// Whether a character is left out of the document: control characters
/// (but tab and newline, which become `w:tab` and `w:br`) and the two
/// non-characters XML 1.0 does not allow.
fn dropped(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// Appends `s` escaped for XML text or an attribute value in quotes:
/// `& < > " '` as entities, characters XML does not allow dropped.
pub(super) fn escape(out: &mut String, s: &str) {
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let entity = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            c if dropped(c) => "",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(entity);
        from = i + c.len_utf8();
    }
    out.push_str(&s[from..]);
}

/// Paragraph alignment.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Jc {
    Left,
    Center,
    Right,
}

/// A paragraph's own properties (its style gives the rest).
#[derive(Clone, Copy, Default)]
pub(super) struct Para {
    /// Its named style.
    pub style: Option<&'static str>,
    /// Kept on the page of the next paragraph.
    pub keep_next: bool,
    /// Starts a new page.
    pub page_break_before: bool,
    /// A double rule under it (the kop's).
    pub rule_below: bool,
    /// Hanging indent of a list item, its mark in the hang.
    pub hanging: bool,
    /// Its alignment.
    pub jc: Option<Jc>,
}

impl Para {
    /// A paragraph in a named style.
    pub(super) fn styled(style: &'static str) -> Para {
        Para {
            style: Some(style),
            ..Para::default()
        }
    }

    /// A paragraph aligned so.
    pub(super) fn aligned(jc: Jc) -> Para {
        Para {
            jc: Some(jc),
            ..Para::default()
        }
    }

    /// The same, kept with the next paragraph.
    pub(super) fn keep(self) -> Para {
        Para {
            keep_next: true,
            ..self
        }
    }

    /// Opens `<w:p>` with its properties, in the order of `CT_PPrBase`:
    /// pStyle, keepNext, pageBreakBefore, pBdr, ind, jc.
    pub(super) fn open(&self, out: &mut String) {
        out.push_str("<w:p>");
        let any = self.style.is_some()
            || self.keep_next
            || self.page_break_before
            || self.rule_below
            || self.hanging
            || self.jc.is_some();
        if !any {
            return;
        }
        out.push_str("<w:pPr>");
        if let Some(s) = self.style {
            out.push_str("<w:pStyle w:val=\"");
            out.push_str(s);
            out.push_str("\"/>");
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            out.push_str("<w:pageBreakBefore/>");
        }
        if self.rule_below {
            out.push_str(
                "<w:pBdr><w:bottom w:val=\"double\" w:sz=\"12\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>",
            );
        }
        if self.hanging {
            out.push_str("<w:ind w:left=\"425\" w:hanging=\"425\"/>");
        }
        match self.jc {
            Some(Jc::Left) => out.push_str("<w:jc w:val=\"left\"/>"),
            Some(Jc::Center) => out.push_str("<w:jc w:val=\"center\"/>"),
            Some(Jc::Right) => out.push_str("<w:jc w:val=\"right\"/>"),
            None => {}
        }
        out.push_str("</w:pPr>");
    }
}

/// Closes a paragraph.
pub(super) fn close_p(out: &mut String) {
    out.push_str("</w:p>");
}

/// A paragraph of one run of plain text.
pub(super) fn para(out: &mut String, p: Para, text: &str, look: Look) {
    p.open(out);
    run(out, text, look);
    close_p(out);
}

/// How a run looks beyond its paragraph's style.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Look {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    /// Size in half-points.
    pub size: Option<u16>,
}

impl Look {
    /// Bold.
    pub(super) const BOLD: Look = Look {
        bold: true,
        italic: false,
        underline: false,
        size: None,
    };

    /// Italic.
    pub(super) const ITALIC: Look = Look {
        bold: false,
        italic: true,
        underline: false,
        size: None,
    };

    /// Of this size, in half-points.
    pub(super) fn sized(size: u16) -> Look {
        Look {
            size: Some(size),
            ..Look::default()
        }
    }

    /// `w:rPr` in the order of `EG_RPrBase`: b, bCs, i, iCs, sz, szCs, u.
    fn write(self, out: &mut String) {
        if self == Look::default() {
            return;
        }
        out.push_str("<w:rPr>");
        if self.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if self.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        if let Some(s) = self.size {
            let _ = write!(out, "<w:sz w:val=\"{s}\"/><w:szCs w:val=\"{s}\"/>");
        }
        if self.underline {
            out.push_str("<w:u w:val=\"single\"/>");
        }
        out.push_str("</w:rPr>");
    }
}

/// A run of text: newlines as line breaks, tabs as tabs, the rest escaped.
pub(super) fn run(out: &mut String, s: &str, look: Look) {
    out.push_str("<w:r>");
    look.write(out);
    let mut first = true;
    for line in s.split('\n') {
        if !first {
            out.push_str("<w:br/>");
        }
        first = false;
        let mut tab = false;
        for piece in line.split('\t') {
            if tab {
                out.push_str("<w:tab/>");
            }
            tab = true;
            if !piece.is_empty() {
                out.push_str("<w:t xml:space=\"preserve\">");
                escape(out, piece);
                out.push_str("</w:t>");
            }
        }
    }
    out.push_str("</w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_what_xml_forbids_is_dropped() {
        let mut out = String::new();
        escape(
            &mut out,
            "a&b<c>d\"e'f\u{0}g\u{7}h\u{1b}i\u{fffe}j\tk\u{85}l",
        );
        assert_eq!(out, "a&amp;b&lt;c&gt;d&quot;e&apos;fghij\tkl");
    }

    #[test]
    fn a_run_breaks_its_lines_and_keeps_its_spaces() {
        let mut out = String::new();
        run(&mut out, " a\n\tb ", Look::BOLD);
        assert_eq!(
            out,
            "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\"> a</w:t>\
             <w:br/><w:tab/><w:t xml:space=\"preserve\">b </w:t></w:r>"
        );
    }

    #[test]
    fn paragraph_properties_follow_the_schema_order() {
        let mut out = String::new();
        Para {
            style: Some("Heading1"),
            keep_next: true,
            page_break_before: true,
            rule_below: true,
            hanging: true,
            jc: Some(Jc::Right),
        }
        .open(&mut out);
        let order = [
            "w:pStyle",
            "w:keepNext",
            "w:pageBreakBefore",
            "w:pBdr",
            "w:ind",
            "w:jc",
        ];
        let at: Vec<usize> = order.iter().map(|t| out.find(t).unwrap_or(0)).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{out}");
    }
}
