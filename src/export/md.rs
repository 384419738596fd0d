//! `minutes.md`: the minutes' blocks ([`Document`]) laid out as Markdown
//! (CommonMark with GFM tables), readable as plain text too. Knows blocks
//! and Markdown, never a section. Every text from the session is escaped so
//! it stays text: Markdown punctuation gets a backslash, a line cannot start
//! a heading, list, quote or rule, table cells carry `\|` and `<br>` for
//! their pipes and newlines, and no raw HTML gets through. The talk-time
//! chart has no Markdown form: its table says the same.

use super::doc::{Block, Cell, Document, FieldValue, Head, List, Section, SignOff, Span, Table};

/// Renders the minutes as Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    head(&doc.head, &mut out);
    for s in &doc.sections {
        section(s, &mut out);
    }
    if !doc.footer.is_empty() {
        out.push_str("\n*");
        inline(&doc.footer, Ctx::Cell, &mut out);
        out.push_str("*\n");
    }
    out
}

/// Escapes text for use inside a line: Markdown punctuation, HTML and
/// entity starts, and drops control characters. Newlines are kept.
fn escape_inline(s: &str, out: &mut String) {
    let special = |c: char| {
        matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '\t'
        ) || (c.is_control() && c != '\n')
    };
    if !s.contains(special) {
        out.push_str(s);
        return;
    }
    for (i, c) in s.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '&' if looks_like_entity(&s[i + 1..]) => out.push_str("\\&"),
            '\t' => out.push(' '),
            '\n' => out.push('\n'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Whether text after a `&` would make it a character reference (`&amp;`,
/// `&#39;`): letters, digits or `#`, then `;`.
fn looks_like_entity(rest: &str) -> bool {
    let n = rest
        .bytes()
        .take(33)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    n > 0 && rest.as_bytes().get(n) == Some(&b';')
}

/// One line of text escaped so it cannot open a block (heading, list,
/// quote, rule, table, code) when it stands at the start of a line: its
/// leading spaces go and a marker at its start gets a backslash.
fn escape_line(line: &str, out: &mut String) {
    let line = line.trim();
    let mut escaped = String::with_capacity(line.len() + 4);
    escape_inline(line, &mut escaped);
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    match escaped.chars().next() {
        Some('-' | '+' | '=') => {
            out.push('\\');
            out.push_str(&escaped);
        }
        // "2026. …" or "1) …" would start an ordered list.
        Some(c) if c.is_ascii_digit() => {
            let (num, rest) = escaped.split_at(digits);
            out.push_str(num);
            let marker = rest.starts_with(['.', ')'])
                && rest[1..].chars().next().is_none_or(char::is_whitespace);
            if marker {
                out.push('\\');
            }
            out.push_str(rest);
        }
        _ => out.push_str(&escaped),
    }
}

/// A text inside a list item or after a label: the first line follows
/// other text on its line, the next ones start lines indented by `indent`
/// spaces, joined by hard breaks.
fn block(s: &str, indent: usize) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        if i > 0 {
            out.push_str("\\\n");
            out.extend(std::iter::repeat_n(' ', indent));
            escape_line(line, &mut out);
        } else {
            escape_inline(line.trim(), &mut out);
        }
    }
    out
}

/// A text that starts a line of its own (a paragraph).
fn para(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        if i > 0 {
            out.push_str("\\\n");
        }
        escape_line(line, &mut out);
    }
    out
}

/// A text for a table cell: escaped, newlines as `<br>`.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, line) in s.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_inline(line.trim(), &mut out);
    }
    out
}

/// Where inline text stands: in a table cell (or a heading), or flowing
/// after other text on a line whose continuation lines are indented so.
#[derive(Clone, Copy)]
enum Ctx {
    Cell,
    Flow(usize),
}

fn inline(spans: &[Span], ctx: Ctx, out: &mut String) {
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&match ctx {
                Ctx::Cell => cell(t),
                Ctx::Flow(indent) => block(t, indent),
            }),
            Span::Plain(t) => out.push_str(&cell(t)),
            Span::Word(w) => out.push_str(w),
            Span::Em(inner) => wrap("*", inner, ctx, out),
            Span::Strong(inner) => wrap("**", inner, ctx, out),
            Span::Quote(inner) => {
                out.push('\u{201c}');
                inline(inner, ctx, out);
                out.push('\u{201d}');
            }
            Span::Marks(marks) => {
                out.push_str("**");
                for (i, (_, w)) in marks.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(w);
                }
                out.push_str("**");
            }
            Span::Flag { text, .. } => out.push_str(text),
            Span::Revised(label) => {
                out.push_str(" *(");
                out.push_str(label);
                out.push_str(")*");
            }
        }
    }
}

fn wrap(mark: &str, inner: &[Span], ctx: Ctx, out: &mut String) {
    out.push_str(mark);
    inline(inner, ctx, out);
    out.push_str(mark);
}

fn line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

fn head(h: &Head, out: &mut String) {
    if let Some(banner) = h.banner {
        line(out, &format!("**{banner}**"));
        out.push('\n');
    }
    if let Some(kop) = &h.kop {
        for l in &kop.lines {
            line(out, &format!("**{}**  ", block(l, 0)));
        }
        for c in &kop.contacts {
            line(out, &format!("{}  ", block(c, 0)));
        }
        line(out, "\n---");
        out.push('\n');
    }
    line(out, &format!("# {}: {}", h.doc_title, cell(&h.title)));
    out.push('\n');
    for f in &h.fields {
        match &f.value {
            FieldValue::Line(spans) => {
                let mut value = String::new();
                Span::text_of(spans, &mut value);
                line(out, &format!("- **{}:** {}", f.label, block(&value, 2)));
            }
            FieldValue::List(items) => {
                line(out, &format!("- **{}:**", f.label));
                for r in items {
                    line(out, &format!("  - {}", block(r, 4)));
                }
            }
        }
    }
    if !h.remarks.is_empty() {
        out.push('\n');
        for (i, note) in h.remarks.iter().enumerate() {
            if i > 0 {
                line(out, ">");
            }
            line(out, &format!("> {note}"));
        }
    }
}

fn section(s: &Section, out: &mut String) {
    out.push('\n');
    match (s.prefix, s.number) {
        (Some(prefix), Some(no)) => line(out, &format!("## {prefix} {no}. {}", cell(s.title))),
        (None, Some(no)) => line(out, &format!("## {no}. {}", cell(s.title))),
        (_, None) => line(out, &format!("## {}", cell(s.title))),
    }
    out.push('\n');
    blocks(&s.blocks, out);
}

/// Blocks one after another, a blank line between two.
fn blocks(list: &[Block], out: &mut String) {
    let mut first = true;
    for b in list {
        let mut text = String::new();
        block_of(b, &mut text);
        if text.is_empty() {
            continue;
        }
        if !first {
            out.push('\n');
        }
        first = false;
        out.push_str(&text);
    }
}

fn block_of(b: &Block, out: &mut String) {
    match b {
        Block::Paragraph { spans, .. } => {
            // A text that starts the paragraph starts a line of its own.
            let rest = match spans.first() {
                Some(Span::Text(t)) => {
                    out.push_str(&para(t));
                    &spans[1..]
                }
                _ => &spans[..],
            };
            inline(rest, Ctx::Flow(0), out);
            out.push('\n');
        }
        Block::Heading { number, title, .. } => {
            out.push_str("### ");
            if let Some(n) = number {
                out.push_str(n);
                out.push(' ');
            }
            inline(title, Ctx::Cell, out);
            out.push('\n');
        }
        Block::Table(t) => table(t, out),
        Block::List(l) => list(l, out),
        Block::Group { blocks: inner, .. } => blocks(inner, out),
        // The chart's figures are in the table beside it.
        Block::Chart(_) => {}
        Block::SignOff(s) => sign_off(s, out),
        Block::SheetHead(h) => line(out, &format!("{}: {}", cell(&h.title), h.date)),
    }
}

fn row(out: &mut String, cells: &[String]) {
    line(out, &format!("| {} |", cells.join(" | ")));
}

fn table_head(out: &mut String, columns: &[&str]) {
    line(out, &format!("| {} |", columns.join(" | ")));
    line(
        out,
        &format!("|{}", columns.iter().map(|_| "---|").collect::<String>()),
    );
}

fn cell_of(c: &Cell) -> String {
    match c {
        Cell::Spans(spans) => {
            let mut s = String::new();
            inline(spans, Ctx::Cell, &mut s);
            s
        }
        Cell::Signature(no) => format!("{no}. ………………"),
    }
}

fn table(t: &Table, out: &mut String) {
    let labels: Vec<&str> = t.columns.iter().map(|c| c.label).collect();
    table_head(out, &labels);
    for r in &t.rows {
        row(out, &r.iter().map(cell_of).collect::<Vec<_>>());
    }
    if let Some(total) = &t.total {
        let cells: Vec<String> = total
            .iter()
            .map(|c| {
                let s = cell_of(c);
                if s.is_empty() { s } else { format!("**{s}**") }
            })
            .collect();
        row(out, &cells);
    }
}

fn list(l: &List, out: &mut String) {
    for (n, item) in l.items.iter().enumerate() {
        let (marker, indent) = match (item.value, l.ordered) {
            (Some(v), _) => (format!("- **{v}.** "), 2),
            (None, true) => {
                let m = format!("{}. ", n + 1);
                let len = m.len();
                (m, len)
            }
            (None, false) => ("- ".to_owned(), 2),
        };
        out.push_str(&marker);
        inline(&item.spans, Ctx::Flow(indent), out);
        out.push('\n');
    }
}

/// The place and date, then a table of the signatures.
fn sign_off(s: &SignOff, out: &mut String) {
    line(out, &para(&s.closing));
    out.push('\n');
    line(out, &para(&s.place));
    out.push('\n');
    signers(s.nip_label, &s.signers, out);
    if let Some(a) = &s.approver {
        out.push('\n');
        signers(s.nip_label, std::slice::from_ref(a), out);
    }
}

/// The signers side by side: role, position, room to sign, name, rank, NIP.
fn signers(nip_label: &str, signers: &[super::doc::Signature], out: &mut String) {
    let roles: Vec<&str> = signers.iter().map(|p| p.role).collect();
    table_head(out, &roles);
    // Position above the space for the signature, rank under the name; a
    // row only when someone has one.
    let optional = |out: &mut String, get: fn(&super::doc::Signature) -> Option<&String>| {
        if signers.iter().any(|p| get(p).is_some()) {
            let cells: Vec<String> = signers
                .iter()
                .map(|p| get(p).map_or_else(String::new, |v| cell(v)))
                .collect();
            row(out, &cells);
        }
    };
    optional(out, |p| p.position.as_ref());
    row(out, &vec![String::new(); signers.len()]);
    let names: Vec<String> = signers
        .iter()
        .map(|p| {
            p.name
                .as_deref()
                .map_or_else(|| "—".to_owned(), |n| format!("**{}**", cell(n)))
        })
        .collect();
    row(out, &names);
    optional(out, |p| p.rank.as_ref());
    let nips: Vec<String> = signers
        .iter()
        .map(|p| {
            p.nip.as_deref().map_or_else(
                || format!("{nip_label} —"),
                |n| format!("{nip_label} {}", cell(n)),
            )
        })
        .collect();
    row(out, &nips);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_pipes_newlines_and_html_as_text() {
        assert_eq!(cell("a | b\nc"), "a \\| b<br>c");
        assert_eq!(cell("<script>x</script>"), "\\<script\\>x\\</script\\>");
        assert_eq!(
            cell("`code` *b* &amp; R&D"),
            "\\`code\\` \\*b\\* \\&amp; R&D"
        );
    }

    #[test]
    fn lines_cannot_open_blocks() {
        assert_eq!(
            para("# judul\n- item\n2026. tahun\n===\n09.00 WIB"),
            "\\# judul\\\n\\- item\\\n2026\\. tahun\\\n\\===\\\n09.00 WIB"
        );
        assert_eq!(block("- a\n- b", 2), "- a\\\n  \\- b");
    }
}
