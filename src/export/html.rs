//! `minutes.html`: the minutes' blocks ([`Document`]) laid out as one
//! self-contained HTML5 file (no external assets): a letterhead, tables,
//! inline SVG bar charts, the sign-off block, and a section that asks for a
//! page of its own (the attendance sheet) starting one. A print stylesheet
//! lays it out on A4, so "print to PDF" gives a clean document. Knows blocks
//! and HTML, never a section.
//!
//! Every text from the session is escaped (`& < > " '`), control characters
//! are dropped, and newlines become `<br>`.

use std::fmt::Write as _;

use super::doc::{
    Align, Block, Cell, Chart, Document, FieldValue, Head, Kop, List, Section, SheetHead, SignOff,
    Span, Table,
};
use super::model::clock;
use crate::domain::Language;

const STYLE: &str = r#"
:root { --ink: #1a1a1a; --muted: #555; --rule: #999; --bar: #2f5d8a; --bar2: #6b8fb3; }
* { box-sizing: border-box; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: var(--ink);
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { max-width: 190mm; margin: 0 auto; padding: 12mm 10mm; font-size: 11pt; line-height: 1.35;
  overflow-wrap: anywhere; word-break: normal; hyphens: manual; }
img, svg { max-width: 100%; }
.kop { display: flex; align-items: center; gap: 4mm; border-bottom: 4px double var(--ink);
  padding-bottom: 2mm; margin-bottom: 5mm; }
.kop .emblem { flex: none; width: 21mm; height: auto; max-height: 26mm; object-fit: contain; }
.kop .kop-text { flex: 1 1 auto; min-width: 0; text-align: center; }
.kop p { margin: 0; }
.kop .kop-line { font-weight: bold; font-size: 13pt; text-transform: uppercase; line-height: 1.2; }
.kop .kop-line.last { font-size: 15pt; }
.kop .kop-contact { font-size: 9.5pt; }
h1 { text-align: center; font-size: 14pt; letter-spacing: .15em; margin: 0; }
p.title { text-align: center; font-weight: bold; font-size: 12pt; margin: 1mm 0 4mm; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm; border-bottom: 1px solid var(--rule); }
h3 { font-size: 11pt; margin: 3.5mm 0 1mm; }
p { margin: 1mm 0; }
table { border-collapse: collapse; width: 100%; margin: 1.5mm 0; table-layout: auto; }
th, td { border: 1px solid var(--rule); padding: .8mm 1.2mm; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; }
th, td.w, td.num { overflow-wrap: normal; }
thead th { background: #eee; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
table.info th, table.info td { border: none; padding: .3mm 1.2mm; background: none; }
table.info th { width: 30%; font-weight: normal; }
table.info th::after { content: ":"; float: right; }
table.info ol { margin: 0; padding-left: 5mm; }
.internal-banner { text-align: center; font-weight: bold; border: 2px solid currentColor; padding: 1mm; }
.private { font-weight: bold; }
.remark { border-left: 3px solid var(--rule); padding: 1mm 3mm; color: var(--muted); font-style: italic; }
.revised { font-style: italic; color: var(--muted); }
.overdue { font-weight: bold; }
.time, .kind, .ref { font-weight: bold; }
article.item > p { margin: .8mm 0 .3mm; }
ul.notes, ul.mindsets, ul.decisions, ul.conclusions, ul.actions { padding-left: 5mm; margin: .5mm 0; }
li { margin: .5mm 0; }
ol.questions { margin: .5mm 0 2mm; }
q { quotes: "\201C" "\201D"; }
figure { margin: 2mm 0; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 10pt; margin-bottom: 1mm; }
svg text { font-family: inherit; font-size: 11px; fill: var(--ink); }
svg .bar { fill: var(--bar); }
svg .unitbar { fill: var(--bar2); }
.signoff { margin-top: 4mm; break-inside: avoid; page-break-inside: avoid; }
.signoff .place { text-align: right; margin: 4mm 0 2mm; }
.signers { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; text-align: center; }
.signers.approver { grid-template-columns: 1fr; width: 50%; margin: 6mm auto 0; }
.signers .space { height: 20mm; }
.signers .name { font-weight: bold; text-decoration: underline; margin: 0; }
.signers p { margin: 0; }
.page { break-before: page; page-break-before: always; }
table.attendance td { height: 9mm; vertical-align: middle; }
table.attendance th:nth-child(1) { width: 5%; }
table.attendance th:nth-child(2) { width: 25%; }
table.attendance th:nth-child(3) { width: 15%; }
table.attendance th:nth-child(4) { width: 22%; }
table.attendance th:nth-child(5) { width: 16%; }
table.attendance th:nth-child(6) { width: 17%; }
table.attendance td.sign.even { text-align: right; }
table.talk th:nth-child(2), table.talk th:nth-child(3) { width: 30%; }
section#participation, section#guide-questions { font-size: 10pt; }
footer { margin-top: 3mm; font-size: 7.5pt; color: var(--muted); text-align: right; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  thead th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg .bar, svg .unitbar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, figcaption, article.item > p { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  footer { display: none; }
}
"#;

/// The page box of `paper`, with "Halaman X dari Y" at the foot of every
/// page from the stylesheet itself (so the browser's own header and footer
/// are not needed).
fn page_style(h: &Head, footer: &[Span]) -> String {
    let (w, ht) = h.paper.size_mm();
    let (page, of) = h.page_of;
    let mut made = String::new();
    Span::text_of(footer, &mut made);
    format!(
        "@page {{ size: {w}mm {ht}mm; margin: 18mm 18mm 20mm 22mm;\n  \
         @bottom-right {{ content: \"{} \" counter(page) \" {} \" counter(pages); \
         font-family: \"Times New Roman\", \"Liberation Serif\", serif; font-size: 9pt; }}\n  \
         @bottom-left {{ content: \"{}\"; font-family: \"Times New Roman\", serif; \
         font-size: 6.5pt; color: #777; }} }}\n",
        css_string(page),
        css_string(of),
        css_string(&made)
    )
}

/// A text inside a CSS string in a `<style>` element: quotes and
/// backslashes escaped, `<` and `>` as CSS escapes (so no `</style>`), no
/// control characters.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !c.is_control()) {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3c "),
            '>' => out.push_str("\\3e "),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML content and attribute values; drops control
/// characters but newline and tab.
fn esc(s: &str) -> String {
    let plain = |c: char| !matches!(c, '&' | '<' | '>' | '"' | '\'') && !c.is_control();
    if s.chars().all(plain) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escaped text with its newlines as `<br>`.
fn text(s: &str) -> String {
    esc(s).replace('\n', "<br>\n")
}

/// Renders the minutes as one HTML document.
pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(128 * 1024);
    let h = &doc.head;
    let lang = match h.lang {
        Language::Id => "id",
        Language::En => "en",
    };
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"fgd\">\n<title>{} — {}</title>\n<style>{STYLE}{}</style>\n\
         </head>\n<body>",
        esc(h.doc_title),
        esc(&h.title),
        page_style(h, &doc.footer)
    );
    if let Some(banner) = h.banner {
        let _ = writeln!(
            out,
            "<p class=\"internal-banner\" id=\"internal\">{}</p>",
            esc(banner)
        );
    }
    if let Some(k) = &h.kop {
        kop(k, &mut out);
    }
    out.push_str("<main>\n");
    head(h, &mut out);
    for s in &doc.sections {
        section(s, &mut out);
    }
    out.push_str("</main>\n<footer>");
    inline(&doc.footer, &mut out);
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

/// The kop: the emblem beside the centred lines (the last the largest), the
/// contacts under them, a double rule below.
fn kop(k: &Kop, out: &mut String) {
    out.push_str("<header class=\"letterhead kop\" id=\"letterhead\">");
    if let Some(e) = k.emblem.as_ref().filter(|e| e.is_valid()) {
        let _ = write!(
            out,
            "<img class=\"emblem\" alt=\"\" src=\"data:{};base64,{}\">",
            esc(&e.media_type),
            esc(&e.base64)
        );
    }
    out.push_str("<div class=\"kop-text\">");
    for (i, l) in k.lines.iter().enumerate() {
        let last = if i + 1 == k.lines.len() && i > 0 {
            " last"
        } else {
            ""
        };
        let _ = write!(out, "<p class=\"kop-line{last}\">{}</p>", esc(l));
    }
    for c in &k.contacts {
        let _ = write!(out, "<p class=\"kop-contact\">{}</p>", esc(c));
    }
    out.push_str("</div></header>\n");
}

fn inline(spans: &[Span], out: &mut String) {
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&text(t)),
            Span::Plain(t) | Span::Word(t) => out.push_str(&esc(t)),
            Span::Em(inner) => wrap("em", inner, out),
            Span::Strong(inner) => wrap("strong", inner, out),
            Span::Quote(inner) => wrap("q", inner, out),
            Span::Marks(marks) => {
                for (i, (class, w)) in marks.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    let _ = write!(out, "<span class=\"{class}\">{}</span>", esc(w));
                }
            }
            Span::Flag { class, text } => {
                let _ = write!(out, "<span class=\"{class}\">{}</span>", esc(text));
            }
            Span::Revised(label) => {
                let _ = write!(out, " <span class=\"revised\">({})</span>", esc(label));
            }
        }
    }
}

fn wrap(tag: &str, inner: &[Span], out: &mut String) {
    let _ = write!(out, "<{tag}>");
    inline(inner, out);
    let _ = write!(out, "</{tag}>");
}

fn head(h: &Head, out: &mut String) {
    let _ = writeln!(
        out,
        "<section id=\"header\">\n<h1>{}</h1>\n<p class=\"title\">{}</p>\n<table class=\"info\">",
        esc(h.doc_title),
        text(&h.title)
    );
    for f in &h.fields {
        let _ = write!(out, "<tr><th>{}</th><td>", esc(f.label));
        match &f.value {
            FieldValue::Line(spans) => inline(spans, out),
            FieldValue::List(items) => {
                out.push_str("<ol>");
                for r in items {
                    let _ = write!(out, "<li>{}</li>", text(r));
                }
                out.push_str("</ol>");
            }
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</table>\n");
    for note in &h.remarks {
        let _ = writeln!(out, "<p class=\"remark\">{}</p>", esc(note));
    }
    out.push_str("</section>\n");
}

fn section(s: &Section, out: &mut String) {
    let class = if s.new_page { " class=\"page\"" } else { "" };
    let _ = write!(out, "<section id=\"{}\"{class}>\n<h2>", s.id);
    match (s.prefix, s.number) {
        (Some(prefix), Some(no)) => {
            let _ = write!(out, "{} {no}. ", esc(prefix));
        }
        (None, Some(no)) => {
            let _ = write!(out, "{no}. ");
        }
        (_, None) => {}
    }
    let _ = writeln!(out, "{}</h2>", esc(s.title));
    blocks(&s.blocks, out);
    out.push_str("</section>\n");
}

fn blocks(list: &[Block], out: &mut String) {
    for b in list {
        match b {
            Block::Paragraph { class, spans } => {
                match class {
                    Some(c) => {
                        let _ = write!(out, "<p class=\"{c}\">");
                    }
                    None => out.push_str("<p>"),
                }
                inline(spans, out);
                out.push_str("</p>\n");
            }
            Block::Heading { number, title, .. } => {
                out.push_str("<h3>");
                if let Some(n) = number {
                    out.push_str(n);
                    out.push(' ');
                }
                inline(title, out);
                out.push_str("</h3>\n");
            }
            Block::Table(t) => table(t, out),
            Block::List(l) => list_of(l, out),
            Block::Group {
                class,
                blocks: inner,
            } => {
                let _ = writeln!(out, "<article class=\"{class}\">");
                blocks(inner, out);
                out.push_str("</article>\n");
            }
            Block::Chart(c) => chart(c, out),
            Block::SignOff(s) => sign_off(s, out),
            Block::SheetHead(h) => sheet_head(h, out),
        }
    }
}

/// Whether a cell's text is a figure (a count, a time, a share).
fn is_figure(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b':' || b == b'%')
}

/// Whether a span is only the minutes' own words (no text from the session).
fn is_word(s: &Span) -> bool {
    match s {
        Span::Word(_) | Span::Flag { .. } | Span::Revised(_) | Span::Marks(_) => true,
        Span::Em(inner) | Span::Strong(inner) | Span::Quote(inner) => inner.iter().all(is_word),
        Span::Text(_) | Span::Plain(_) => false,
    }
}

fn row(out: &mut String, class: Option<&str>, columns: &[super::doc::Column], cells: &[Cell]) {
    match class {
        Some(c) => {
            let _ = write!(out, "<tr class=\"{c}\">");
        }
        None => out.push_str("<tr>"),
    }
    for (i, c) in cells.iter().enumerate() {
        let align = columns.get(i).map_or(Align::ByContent, |c| c.align);
        match c {
            Cell::Spans(spans) => {
                let mut s = String::new();
                inline(spans, &mut s);
                let right = match align {
                    Align::ByContent => is_figure(&s),
                    Align::Right => true,
                    Align::Left => false,
                };
                // Words of the minutes (dates, statuses) wrap only between
                // words, so their columns keep a readable width; a text from
                // the session may break anywhere rather than leave the page.
                if right {
                    let _ = write!(out, "<td class=\"num\">{s}</td>");
                } else if spans.iter().all(is_word) {
                    let _ = write!(out, "<td class=\"w\">{s}</td>");
                } else {
                    let _ = write!(out, "<td>{s}</td>");
                }
            }
            Cell::Signature(no) => {
                let side = if no % 2 == 0 { "even" } else { "odd" };
                let _ = write!(out, "<td class=\"sign {side}\">{no}. ……………</td>");
            }
        }
    }
    out.push_str("</tr>\n");
}

fn table(t: &Table, out: &mut String) {
    let _ = write!(out, "<table class=\"{}\">\n<thead><tr>", t.class);
    for c in &t.columns {
        let _ = write!(out, "<th>{}</th>", esc(c.label));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        row(out, None, &t.columns, r);
    }
    if let Some(total) = &t.total {
        row(out, Some("total"), &t.columns, total);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn list_of(l: &List, out: &mut String) {
    let tag = if l.ordered { "ol" } else { "ul" };
    let _ = writeln!(out, "<{tag} class=\"{}\">", l.class);
    for item in &l.items {
        out.push_str("<li");
        if let Some(c) = &item.class {
            let _ = write!(out, " class=\"{c}\"");
        }
        if let Some(v) = item.value {
            let _ = write!(out, " value=\"{v}\"");
        }
        out.push('>');
        inline(&item.spans, out);
        out.push_str("</li>\n");
    }
    let _ = writeln!(out, "</{tag}>");
}

fn sign_off(s: &SignOff, out: &mut String) {
    let _ = writeln!(
        out,
        "<div class=\"signoff\">\n<p class=\"closing-sentence\">{}</p>\n\
         <p class=\"place\">{}</p>\n<div class=\"signers\">",
        esc(&s.closing),
        text(&s.place)
    );
    signers(s.nip_label, &s.signers, out);
    out.push_str("</div>\n");
    if let Some(a) = &s.approver {
        out.push_str("<div class=\"signers approver\">\n");
        signers(s.nip_label, std::slice::from_ref(a), out);
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

fn signers(nip_label: &str, list: &[super::doc::Signature], out: &mut String) {
    for p in list {
        let name = p.name.as_deref().map_or_else(|| "&nbsp;".to_owned(), text);
        let nip = p.nip.as_deref().map_or_else(String::new, esc);
        let extra = |class: &str, v: Option<&String>| {
            v.map_or_else(String::new, |v| {
                format!("<p class=\"{class}\">{}</p>", text(v))
            })
        };
        let _ = writeln!(
            out,
            "<div class=\"signer\"><p>{}</p>{}<div class=\"space\"></div>\
             <p class=\"name\">{name}</p>{}<p class=\"nip\">{} {nip}</p></div>",
            esc(p.role),
            extra("position", p.position.as_ref()),
            extra("rank", p.rank.as_ref()),
            esc(nip_label)
        );
    }
}

fn sheet_head(h: &SheetHead, out: &mut String) {
    let _ = writeln!(
        out,
        "<p><strong>{}</strong><br>\n{}: {}<br>\n{}: {}</p>",
        text(&h.title),
        esc(h.date_label),
        esc(&h.date),
        esc(h.venue_label),
        h.venue.as_deref().map_or_else(|| "—".to_owned(), text)
    );
}

/// A horizontal bar chart as inline SVG: one bar per row, the label on
/// the left (cut at 34 characters, whole in the bar's tooltip), the
/// talk time on the right.
fn chart(c: &Chart, out: &mut String) {
    const ROW: usize = 18;
    const LABEL_W: usize = 230;
    const BAR_W: usize = 330;
    const WIDTH: usize = LABEL_W + BAR_W + 60;
    let (title, bars, class) = (c.title.as_str(), &c.bars, c.class);
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let height = bars.len() * ROW + 8;
    let _ = writeln!(
        out,
        "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" \
         viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">",
        esc(title),
        esc(title)
    );
    for (i, (label, secs)) in bars.iter().enumerate() {
        let y = 4 + i * ROW;
        let w = usize::try_from((*secs).max(0)).unwrap_or(0) * BAR_W
            / usize::try_from(max).unwrap_or(1);
        let shown: String = if label.chars().count() > 34 {
            label.chars().take(33).chain(['…']).collect()
        } else {
            label.clone()
        };
        let _ = writeln!(
            out,
            "<g><title>{}: {}</title>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"{class}\" x=\"{LABEL_W}\" y=\"{}\" width=\"{w}\" height=\"{}\"/>\
             <text x=\"{}\" y=\"{}\">{}</text></g>",
            esc(label),
            clock(*secs),
            LABEL_W - 6,
            y + 13,
            esc(&shown),
            y + 2,
            ROW - 4,
            LABEL_W + w + 4,
            y + 13,
            clock(*secs)
        );
    }
    out.push_str("</svg>\n</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_controls() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\"\u{1b}[2J"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;[2J"
        );
        assert_eq!(text("a\nb"), "a<br>\nb");
    }
}
