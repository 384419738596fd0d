//! `minutes.html`: the minutes as one self-contained HTML5 file (no external
//! assets): a letterhead from the organizer, tables, inline SVG bar charts of
//! talk time per participant and per unit, the sign-off block, and the
//! attendance sheet with a signature column on its own printed page. A print
//! stylesheet lays it out on A4, so "print to PDF" gives a clean document.
//!
//! Every text from the session is escaped (`& < > " '`), control characters
//! are dropped, and newlines become `<br>`.

use super::model::{Minutes, Signer, StatementRow, clock, percent};

const STYLE: &str = r#"
:root { --ink: #1a1a1a; --muted: #555; --rule: #999; --bar: #2f5d8a; --bar2: #6b8fb3; }
* { box-sizing: border-box; }
html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; color: var(--ink); }
body { max-width: 190mm; margin: 0 auto; padding: 12mm 10mm; font-size: 11.5pt; line-height: 1.4; }
.letterhead { text-align: center; font-weight: bold; font-size: 13pt; text-transform: uppercase;
  border-bottom: 3px double var(--ink); padding-bottom: 3mm; margin-bottom: 6mm; }
h1 { text-align: center; font-size: 15pt; letter-spacing: .15em; margin: 0; }
p.title { text-align: center; font-weight: bold; font-size: 12.5pt; margin: 1mm 0 5mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1px solid var(--rule); }
h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0; }
th, td { border: 1px solid var(--rule); padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
thead th { background: #eee; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
table.info th, table.info td { border: none; padding: .5mm 1.5mm; background: none; }
table.info th { width: 32%; font-weight: normal; }
table.info th::after { content: ":"; float: right; }
table.info ol { margin: 0; padding-left: 5mm; }
.remark { border-left: 3px solid var(--rule); padding: 1mm 3mm; color: var(--muted); font-style: italic; }
.revised { font-style: italic; color: var(--muted); white-space: nowrap; }
.overdue { font-weight: bold; }
.time, .kind { font-weight: bold; }
ul.notes { padding-left: 5mm; }
ul.notes li { margin: 1mm 0; }
q { quotes: "\201C" "\201D"; }
figure { margin: 3mm 0; break-inside: avoid; }
figcaption { font-weight: bold; font-size: 10.5pt; margin-bottom: 1mm; }
svg text { font-family: inherit; font-size: 11px; fill: var(--ink); }
svg .bar { fill: var(--bar); }
svg .unitbar { fill: var(--bar2); }
.signoff { margin-top: 6mm; break-inside: avoid; }
.signoff .place { text-align: right; margin: 0 0 2mm; }
.signers { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; text-align: center; }
.signers .space { height: 22mm; }
.signers .name { font-weight: bold; text-decoration: underline; margin: 0; }
.signers p { margin: 0; }
.page { break-before: page; page-break-before: always; }
table.attendance td { height: 11mm; vertical-align: middle; }
table.attendance td.sign { width: 30%; }
table.attendance td:nth-child(2) { width: 27%; }
table.attendance td.sign.even { text-align: right; }
footer { margin-top: 8mm; font-size: 9pt; color: var(--muted); text-align: center; }
@page { size: A4; margin: 18mm 16mm 18mm 20mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  thead th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg .bar, svg .unitbar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

/// Renders the minutes as one HTML document.
pub fn render(m: &Minutes) -> String {
    let mut h = Html {
        out: String::with_capacity(128 * 1024),
        m,
    };
    h.document();
    h.out
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

fn opt(s: Option<&str>) -> String {
    s.map_or_else(|| "—".to_owned(), text)
}

struct Html<'a> {
    out: String,
    m: &'a Minutes,
}

impl Html<'_> {
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn revised(&self, revised: bool) -> String {
        if revised {
            format!(
                " <span class=\"revised\">({})</span>",
                esc(self.m.labels.revised)
            )
        } else {
            String::new()
        }
    }

    /// A table with a header row; cells are already HTML. Cells whose text
    /// is a number are right-aligned.
    fn table(&mut self, class: &str, head: &[&str], rows: &[Vec<String>]) {
        self.push(&format!("<table class=\"{class}\">\n<thead><tr>"));
        for h in head {
            self.push(&format!("<th>{}</th>", esc(h)));
        }
        self.push("</tr></thead>\n<tbody>\n");
        for row in rows {
            self.push("<tr>");
            for c in row {
                if !c.is_empty()
                    && c.bytes()
                        .all(|b| b.is_ascii_digit() || b == b':' || b == b'%')
                {
                    self.push(&format!("<td class=\"num\">{c}</td>"));
                } else {
                    self.push(&format!("<td>{c}</td>"));
                }
            }
            self.push("</tr>\n");
        }
        self.push("</tbody>\n</table>\n");
    }

    fn section(&mut self, id: &str, no: usize, title: &str) {
        self.push(&format!(
            "<section id=\"{id}\">\n<h2>{no}. {}</h2>\n",
            esc(title)
        ));
    }

    fn none(&mut self) {
        self.push(&format!("<p>{}</p>\n", esc(self.m.labels.none)));
    }

    fn document(&mut self) {
        let (l, h) = (self.m.labels, &self.m.header);
        let lang = match l.lang {
            crate::domain::Language::Id => "id",
            crate::domain::Language::En => "en",
        };
        self.push(&format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"generator\" content=\"fgd\">\n<title>{} — {}</title>\n<style>{STYLE}</style>\n\
             </head>\n<body>\n",
            esc(l.doc_title),
            esc(&h.title)
        ));
        if let Some(letterhead) = &h.letterhead {
            self.push(&format!(
                "<header class=\"letterhead\" id=\"letterhead\">{}</header>\n",
                text(letterhead)
            ));
        }
        self.push("<main>\n");
        self.header();
        self.participants();
        self.agenda();
        self.discussion();
        self.mindsets();
        self.statements("conclusions", 5, l.conclusions, &self.m.conclusions);
        self.statements("decisions", 6, l.decisions, &self.m.decisions);
        self.actions();
        self.deferred();
        self.participation();
        self.closing();
        self.sign_off();
        self.attendance();
        self.push(&format!(
            "</main>\n<footer>{} · {}</footer>\n</body>\n</html>\n",
            esc(l.made_with),
            esc(&h.session_id)
        ));
    }

    fn header(&mut self) {
        let (l, h) = (self.m.labels, &self.m.header);
        self.push(&format!(
            "<section id=\"header\">\n<h1>{}</h1>\n<p class=\"title\">{}</p>\n<table class=\"info\">\n",
            esc(l.doc_title),
            text(&h.title)
        ));
        let mut rows: Vec<(&str, String)> = vec![
            (l.kind, esc(h.kind)),
            (l.day_date, esc(&h.day_date)),
            (l.time, esc(&h.time)),
        ];
        if let Some(v) = &h.venue {
            rows.push((l.venue, text(v)));
        }
        if let Some(p) = &h.chair {
            rows.push((l.chair, signer(p, l.nip)));
        }
        if !h.resource_persons.is_empty() {
            let list: String = h
                .resource_persons
                .iter()
                .flat_map(|r| ["<li>".to_owned(), text(r), "</li>".to_owned()])
                .collect();
            rows.push((l.resource_persons, format!("<ol>{list}</ol>")));
        }
        if let Some(p) = &h.notetaker {
            rows.push((l.notetaker, signer(p, l.nip)));
        }
        if let Some(prev) = &h.follow_up_of {
            rows.push((l.follow_up_of, text(prev)));
        }
        rows.push((l.status, esc(h.status)));
        for (label, value) in rows {
            self.push(&format!(
                "<tr><th>{}</th><td>{value}</td></tr>\n",
                esc(label)
            ));
        }
        self.push("</table>\n");
        for (on, note) in [
            (h.draft, l.draft_note),
            (self.m.anonymized, l.anonymized_note),
            (h.revised, l.revised_note),
        ] {
            if on {
                self.push(&format!("<p class=\"remark\">{}</p>\n", esc(note)));
            }
        }
        self.push("</section>\n");
    }

    fn participants(&mut self) {
        let l = self.m.labels;
        let p = &self.m.participants;
        self.section("participants", 1, l.participants);
        self.push(&format!(
            "<p>{}</p>\n",
            esc(&l.present_of(p.present, p.rows.len()))
        ));
        if !p.rows.is_empty() {
            let mut head = vec![l.no, l.code];
            if !self.m.anonymized {
                head.push(l.name);
            }
            head.extend([l.position, l.unit, l.presence]);
            let rows: Vec<Vec<String>> = p
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut row = vec![(i + 1).to_string(), esc(&r.code)];
                    if let Some(name) = &r.name {
                        row.push(format!("{}{}", text(name), self.revised(r.revised)));
                    }
                    row.push(opt(r.position.as_deref()));
                    row.push(opt(r.unit.as_deref()));
                    row.push(match (&r.arrived, r.present) {
                        (Some(t), true) => format!("{} ({})", esc(l.present), esc(t)),
                        (None, true) => esc(l.present),
                        (_, false) => esc(l.absent),
                    });
                    row
                })
                .collect();
            self.table("participants", &head, &rows);
        }
        self.push("</section>\n");
    }

    fn agenda(&mut self) {
        let l = self.m.labels;
        let a = &self.m.agenda;
        self.section("agenda", 2, l.agenda);
        if a.rows.is_empty() {
            self.none();
        } else {
            let rows: Vec<Vec<String>> = a
                .rows
                .iter()
                .map(|r| {
                    let mut title = text(&r.title);
                    if let Some(o) = &r.origin {
                        title = format!("{title} ({} {})", esc(l.carried_from), esc(o));
                    }
                    title.push_str(&self.revised(r.revised));
                    vec![
                        r.no.to_string(),
                        title,
                        r.planned.to_string(),
                        r.actual_time.as_deref().map_or_else(|| "—".into(), esc),
                        r.actual.map_or_else(|| "—".into(), |m| m.to_string()),
                        esc(r.status),
                    ]
                })
                .collect();
            self.table(
                "agenda",
                &[l.no, l.item, l.planned, l.actual_time, l.actual, l.status],
                &rows,
            );
            // The total row goes inside the table: replace the closing tags.
            let closing = "</tbody>\n</table>\n";
            if self.out.ends_with(closing) {
                self.out.truncate(self.out.len() - closing.len());
                self.push(&format!(
                    "<tr class=\"total\"><td></td><td>{}</td><td class=\"num\">{}</td><td></td>\
                     <td class=\"num\">{}</td><td></td></tr>\n{closing}",
                    esc(l.total),
                    a.planned_total,
                    a.actual_total
                ));
            }
        }
        self.push("</section>\n");
    }

    fn discussion(&mut self) {
        let l = self.m.labels;
        self.section("discussion", 3, l.discussion);
        if self.m.discussion.is_empty() {
            self.none();
        }
        for d in &self.m.discussion {
            self.push("<article class=\"item\">\n");
            match d.no {
                Some(no) => self.push(&format!("<h3>3.{no}. {}</h3>\n", text(&d.title))),
                None => self.push(&format!("<h3>{}</h3>\n", text(&d.title))),
            }
            if let Some(owner) = &d.owner {
                self.push(&format!(
                    "<p class=\"owner\"><em>{}:</em> {}</p>\n",
                    esc(l.owner),
                    text(owner)
                ));
            }
            if !d.questions.is_empty() {
                self.push(&format!(
                    "<p><em>{}:</em></p>\n<ol class=\"questions\">\n",
                    esc(l.guide_questions)
                ));
                for q in &d.questions {
                    self.push(&format!("<li>{}</li>\n", text(q)));
                }
                self.push("</ol>\n");
            }
            self.push(&format!(
                "<p><em>{}:</em></p>\n<ul class=\"notes\">\n",
                esc(l.notes)
            ));
            if d.notes.is_empty() {
                self.push(&format!("<li>{}</li>\n", esc(l.none)));
            }
            for n in &d.notes {
                let by =
                    n.by.as_deref()
                        .map_or_else(String::new, |b| format!(" ({})", esc(b)));
                let body = if n.kind == crate::domain::NoteKind::Quote {
                    format!("<q>{}</q>", text(&n.text))
                } else {
                    text(&n.text)
                };
                self.push(&format!(
                    "<li class=\"note {}\"><span class=\"time\">{}</span> <span class=\"kind\">{}</span>{by}: {body}{}</li>\n",
                    n.kind.as_str(),
                    esc(&n.time),
                    esc(n.kind_label),
                    self.revised(n.revised)
                ));
            }
            self.push("</ul>\n</article>\n");
        }
        self.push("</section>\n");
    }

    fn mindsets(&mut self) {
        let l = self.m.labels;
        self.section("mindsets", 4, l.mindsets);
        if self.m.mindsets.is_empty() {
            self.none();
        } else {
            let rows: Vec<Vec<String>> = self
                .m
                .mindsets
                .iter()
                .map(|r| {
                    vec![
                        r.no.to_string(),
                        text(&r.from),
                        format!("{}{}", text(&r.to), self.revised(r.revised)),
                        if r.values.is_empty() {
                            "—".into()
                        } else {
                            esc(&r.values.join(", "))
                        },
                        opt(r.by.as_deref()),
                        opt(r.item.as_deref()),
                    ]
                })
                .collect();
            self.table(
                "mindsets",
                &[l.no, l.from, l.to, l.values, l.voiced_by, l.item],
                &rows,
            );
        }
        self.push("</section>\n");
    }

    fn statements(&mut self, id: &str, no: usize, title: &str, list: &[StatementRow]) {
        let l = self.m.labels;
        self.section(id, no, title);
        if list.is_empty() {
            self.none();
        } else {
            self.push("<ol class=\"statements\">\n");
            for s in list {
                let item = s.item.as_deref().map_or_else(String::new, |i| {
                    format!(" <em>({}: {})</em>", esc(l.item), esc(i))
                });
                self.push(&format!(
                    "<li value=\"{}\">{}{}{item}</li>\n",
                    s.no,
                    text(&s.text),
                    self.revised(s.revised)
                ));
            }
            self.push("</ol>\n");
        }
        self.push("</section>\n");
    }

    fn actions(&mut self) {
        let l = self.m.labels;
        self.section("actions", 7, l.actions);
        if self.m.actions.is_empty() {
            self.none();
        } else {
            let rows: Vec<Vec<String>> = self
                .m
                .actions
                .iter()
                .map(|a| {
                    let status = if a.overdue {
                        format!(
                            "{} <span class=\"overdue\">({})</span>",
                            esc(a.status_label),
                            esc(l.overdue)
                        )
                    } else {
                        esc(a.status_label)
                    };
                    vec![
                        a.no.to_string(),
                        format!("{}{}", text(&a.what), self.revised(a.revised)),
                        opt(a.pic.as_deref()),
                        opt(a.due_text.as_deref()),
                        status,
                        opt(a.item.as_deref()),
                        opt(a.origin.as_deref()),
                    ]
                })
                .collect();
            self.table(
                "actions",
                &[l.no, l.what, l.pic, l.due, l.status, l.item, l.origin],
                &rows,
            );
        }
        self.push("</section>\n");
    }

    fn deferred(&mut self) {
        let l = self.m.labels;
        self.section("deferred", 8, l.deferred);
        if self.m.deferred.is_empty() {
            self.none();
        } else {
            let rows: Vec<Vec<String>> = self
                .m
                .deferred
                .iter()
                .map(|d| {
                    vec![
                        d.no.to_string(),
                        text(&d.title),
                        d.planned.to_string(),
                        d.spent.to_string(),
                        opt(d.origin.as_deref()),
                    ]
                })
                .collect();
            self.table(
                "deferred",
                &[l.no, l.item, l.planned, l.actual, l.origin],
                &rows,
            );
        }
        self.push("</section>\n");
    }

    fn participation(&mut self) {
        let l = self.m.labels;
        let p = &self.m.participation;
        self.section("participation", 9, l.participation);
        self.push(&format!(
            "<p><strong>{}:</strong> {}</p>\n<h3>{}</h3>\n",
            esc(l.talk_total),
            clock(p.total_secs),
            esc(l.per_person)
        ));
        if p.people.is_empty() {
            self.none();
        } else {
            let bars: Vec<(String, i64)> = p
                .people
                .iter()
                .map(|r| {
                    let label = if r.label == r.code {
                        r.code.clone()
                    } else {
                        format!("{} {}", r.code, r.label)
                    };
                    (label, r.secs)
                })
                .collect();
            self.chart(l.chart_title(false), &bars, "bar");
            let mut head = vec![l.code];
            if !self.m.anonymized {
                head.push(l.name);
            }
            head.extend([l.unit, l.turns, l.talk_time, l.share]);
            let rows: Vec<Vec<String>> = p
                .people
                .iter()
                .map(|r| {
                    let mut row = vec![esc(&r.code)];
                    if !self.m.anonymized {
                        row.push(text(&r.label));
                    }
                    row.extend([
                        opt(r.unit.as_deref()),
                        r.turns.to_string(),
                        clock(r.secs),
                        percent(r.secs, p.total_secs),
                    ]);
                    row
                })
                .collect();
            self.table("talk", &head, &rows);
        }
        self.push(&format!("<h3>{}</h3>\n", esc(l.per_unit)));
        if p.units.is_empty() {
            self.none();
        } else {
            let bars: Vec<(String, i64)> =
                p.units.iter().map(|u| (u.unit.clone(), u.secs)).collect();
            self.chart(l.chart_title(true), &bars, "unitbar");
            let rows: Vec<Vec<String>> = p
                .units
                .iter()
                .map(|u| {
                    vec![
                        text(&u.unit),
                        u.people.to_string(),
                        u.turns.to_string(),
                        clock(u.secs),
                        percent(u.secs, p.total_secs),
                    ]
                })
                .collect();
            self.table(
                "talk-units",
                &[l.unit, l.people, l.turns, l.talk_time, l.share],
                &rows,
            );
        }
        let names = if p.not_spoken.is_empty() {
            "—".to_owned()
        } else {
            p.not_spoken
                .iter()
                .map(|n| esc(n))
                .collect::<Vec<_>>()
                .join(", ")
        };
        self.push(&format!(
            "<p><strong>{}:</strong> {names}</p>\n</section>\n",
            esc(l.not_spoken)
        ));
    }

    /// A horizontal bar chart as inline SVG: one bar per row, the label on
    /// the left (cut at 34 characters, whole in the bar's tooltip), the
    /// talk time on the right.
    fn chart(&mut self, title: &str, bars: &[(String, i64)], class: &str) {
        const ROW: usize = 18;
        const LABEL_W: usize = 230;
        const BAR_W: usize = 330;
        const WIDTH: usize = LABEL_W + BAR_W + 60;
        let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
        let height = bars.len() * ROW + 8;
        self.push(&format!(
            "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n\
             <svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" \
             viewBox=\"0 0 {WIDTH} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">\n",
            esc(title),
            esc(title)
        ));
        for (i, (label, secs)) in bars.iter().enumerate() {
            let y = 4 + i * ROW;
            let w = usize::try_from((*secs).max(0)).unwrap_or(0) * BAR_W
                / usize::try_from(max).unwrap_or(1);
            let shown: String = if label.chars().count() > 34 {
                label.chars().take(33).chain(['…']).collect()
            } else {
                label.clone()
            };
            self.push(&format!(
                "<g><title>{}: {}</title>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
                 <rect class=\"{class}\" x=\"{LABEL_W}\" y=\"{}\" width=\"{w}\" height=\"{}\"/>\
                 <text x=\"{}\" y=\"{}\">{}</text></g>\n",
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
            ));
        }
        self.push("</svg>\n</figure>\n");
    }

    fn closing(&mut self) {
        let l = self.m.labels;
        self.section("closing", 10, l.closing);
        let m = self.m;
        for line in &m.closing {
            let p = format!("<p>{}</p>\n", text(line));
            self.push(&p);
        }
        self.push("</section>\n");
    }

    fn sign_off(&mut self) {
        let l = self.m.labels;
        let s = &self.m.sign_off;
        self.section("sign-off", 11, l.sign_off);
        self.push(&format!(
            "<div class=\"signoff\">\n<p class=\"place\">{}</p>\n<div class=\"signers\">\n",
            text(&s.place_date)
        ));
        for (role, who) in [(l.sign_chair, &s.chair), (l.sign_notetaker, &s.notetaker)] {
            let (name, nip) = match who {
                Some(p) => (
                    text(&p.name),
                    p.nip.as_deref().map_or_else(String::new, esc),
                ),
                None => ("&nbsp;".to_owned(), String::new()),
            };
            self.push(&format!(
                "<div class=\"signer\"><p>{}</p><div class=\"space\"></div>\
                 <p class=\"name\">{name}</p><p class=\"nip\">{} {nip}</p></div>\n",
                esc(role),
                esc(l.nip)
            ));
        }
        self.push("</div>\n</div>\n</section>\n");
    }

    fn attendance(&mut self) {
        let l = self.m.labels;
        let h = &self.m.header;
        self.push(&format!(
            "<section id=\"attendance\" class=\"page\">\n<h2>12. {}</h2>\n\
             <p><strong>{}</strong><br>\n{}: {}<br>\n{}: {}</p>\n",
            esc(l.attendance),
            text(&h.title),
            esc(l.day_date),
            esc(&h.day_date),
            esc(l.venue),
            h.venue.as_deref().map_or_else(|| "—".to_owned(), text)
        ));
        if self.m.attendance.is_empty() {
            self.none();
        } else {
            self.push(&format!(
                "<table class=\"attendance\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th>\
                 <th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                esc(l.no),
                esc(l.name),
                esc(l.position),
                esc(l.unit),
                esc(l.signature)
            ));
            for a in &self.m.attendance {
                let side = if a.no % 2 == 0 { "even" } else { "odd" };
                self.push(&format!(
                    "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td>\
                     <td class=\"sign {side}\">{}. ……………</td></tr>\n",
                    a.no,
                    text(&a.name),
                    opt(a.position.as_deref()),
                    opt(a.unit.as_deref()),
                    a.no
                ));
            }
            self.push("</tbody>\n</table>\n");
        }
        self.push("</section>\n");
    }
}

fn signer(p: &Signer, nip: &str) -> String {
    match &p.nip {
        Some(n) => format!("{} ({} {})", text(&p.name), esc(nip), esc(n)),
        None => text(&p.name),
    }
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
