//! `minutes.md`: the minutes as Markdown (CommonMark with GFM tables),
//! readable as plain text too. Every text from the session is escaped so it
//! stays text: Markdown punctuation gets a backslash, a line cannot start a
//! heading, list, quote or rule, table cells carry `\|` and `<br>` for their
//! pipes and newlines, and no raw HTML gets through.

use super::model::{Minutes, clock, percent};

/// Renders the minutes as Markdown.
pub fn render(m: &Minutes) -> String {
    let mut md = Md {
        out: String::with_capacity(64 * 1024),
        m,
    };
    md.header();
    md.participants();
    md.agenda();
    md.discussion();
    md.mindsets();
    md.statements(m.labels.conclusions, &m.conclusions, 5);
    md.statements(m.labels.decisions, &m.decisions, 6);
    md.actions();
    md.deferred();
    md.participation();
    md.closing();
    md.sign_off();
    md.attendance();
    md.out
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

fn opt_cell(s: Option<&str>) -> String {
    s.map_or_else(|| "—".to_owned(), cell)
}

struct Md<'a> {
    out: String,
    m: &'a Minutes,
}

impl Md<'_> {
    fn line(&mut self, s: &str) {
        self.out.push_str(s);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    fn heading(&mut self, no: usize, title: &str) {
        self.blank();
        self.line(&format!("## {no}. {}", cell(title)));
        self.blank();
    }

    fn table(&mut self, head: &[&str], rows: impl IntoIterator<Item = Vec<String>>) {
        self.line(&format!("| {} |", head.join(" | ")));
        self.line(&format!(
            "|{}",
            head.iter().map(|_| "---|").collect::<String>()
        ));
        for row in rows {
            self.line(&format!("| {} |", row.join(" | ")));
        }
    }

    fn revised(&self, revised: bool) -> String {
        if revised {
            format!(" *({})*", self.m.labels.revised)
        } else {
            String::new()
        }
    }

    fn header(&mut self) {
        let (l, h) = (self.m.labels, &self.m.header);
        if let Some(letterhead) = &h.letterhead {
            self.line(&format!("**{}**", block(letterhead, 0)));
            self.blank();
        }
        self.line(&format!("# {}: {}", l.doc_title, cell(&h.title)));
        self.blank();
        let field = |label: &str, value: &str| format!("- **{label}:** {}", block(value, 2));
        let mut lines = vec![
            field(l.kind, h.kind),
            field(l.day_date, &h.day_date),
            field(l.time, &h.time),
        ];
        if let Some(v) = &h.venue {
            lines.push(field(l.venue, v));
        }
        if let Some(p) = &h.chair {
            lines.push(field(l.chair, &signer_line(p, l.nip)));
        }
        if !h.resource_persons.is_empty() {
            lines.push(format!("- **{}:**", l.resource_persons));
            for r in &h.resource_persons {
                lines.push(format!("  - {}", block(r, 4)));
            }
        }
        if let Some(p) = &h.notetaker {
            lines.push(field(l.notetaker, &signer_line(p, l.nip)));
        }
        if let Some(prev) = &h.follow_up_of {
            lines.push(field(l.follow_up_of, prev));
        }
        lines.push(field(l.status, h.status));
        for line in lines {
            self.line(&line);
        }
        let notes: Vec<&str> = [
            (h.draft, l.draft_note),
            (self.m.anonymized, l.anonymized_note),
            (h.revised, l.revised_note),
        ]
        .into_iter()
        .filter_map(|(on, note)| on.then_some(note))
        .collect();
        if !notes.is_empty() {
            self.blank();
            for (i, note) in notes.iter().enumerate() {
                if i > 0 {
                    self.line(">");
                }
                self.line(&format!("> {note}"));
            }
        }
    }

    fn participants(&mut self) {
        let l = self.m.labels;
        let p = &self.m.participants;
        self.heading(1, l.participants);
        self.line(&l.present_of(p.present, p.rows.len()));
        if p.rows.is_empty() {
            return;
        }
        self.blank();
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
                let mut row = vec![(i + 1).to_string(), cell(&r.code)];
                if let Some(name) = &r.name {
                    row.push(format!("{}{}", cell(name), self.revised(r.revised)));
                }
                row.push(opt_cell(r.position.as_deref()));
                row.push(opt_cell(r.unit.as_deref()));
                row.push(match (&r.arrived, r.present) {
                    (Some(t), true) => format!("{} ({t})", l.present),
                    (None, true) => l.present.to_owned(),
                    (_, false) => l.absent.to_owned(),
                });
                row
            })
            .collect();
        self.table(&head, rows);
    }

    fn agenda(&mut self) {
        let l = self.m.labels;
        let a = &self.m.agenda;
        self.heading(2, l.agenda);
        if a.rows.is_empty() {
            self.line(l.none);
            return;
        }
        let mut rows: Vec<Vec<String>> = a
            .rows
            .iter()
            .map(|r| {
                let mut title = cell(&r.title);
                if let Some(o) = &r.origin {
                    title = format!("{title} ({} {})", l.carried_from, cell(o));
                }
                title.push_str(&self.revised(r.revised));
                vec![
                    r.no.to_string(),
                    title,
                    r.planned.to_string(),
                    r.actual_time.clone().unwrap_or_else(|| "—".into()),
                    r.actual.map_or_else(|| "—".into(), |m| m.to_string()),
                    r.status.to_owned(),
                ]
            })
            .collect();
        rows.push(vec![
            String::new(),
            format!("**{}**", l.total),
            format!("**{}**", a.planned_total),
            String::new(),
            format!("**{}**", a.actual_total),
            String::new(),
        ]);
        self.table(
            &[l.no, l.item, l.planned, l.actual_time, l.actual, l.status],
            rows,
        );
    }

    fn discussion(&mut self) {
        let l = self.m.labels;
        self.heading(3, l.discussion);
        if self.m.discussion.is_empty() {
            self.line(l.none);
        }
        for (i, d) in self.m.discussion.iter().enumerate() {
            if i > 0 {
                self.blank();
            }
            match d.no {
                Some(no) => self.line(&format!("### 3.{no}. {}", cell(&d.title))),
                None => self.line(&format!("### {}", cell(&d.title))),
            }
            self.blank();
            if let Some(owner) = &d.owner {
                self.line(&format!("*{}:* {}", l.owner, block(owner, 0)));
                self.blank();
            }
            if !d.questions.is_empty() {
                self.line(&format!("*{}:*", l.guide_questions));
                self.blank();
                for (n, q) in d.questions.iter().enumerate() {
                    let marker = format!("{}. ", n + 1);
                    self.line(&format!("{marker}{}", block(q, marker.len())));
                }
                self.blank();
            }
            self.line(&format!("*{}:*", l.notes));
            self.blank();
            if d.notes.is_empty() {
                self.line(&format!("- {}", l.none));
            }
            for n in &d.notes {
                let by =
                    n.by.as_deref()
                        .map_or_else(String::new, |b| format!(" ({})", cell(b)));
                let text = block(&n.text, 2);
                let text = if n.kind == crate::domain::NoteKind::Quote {
                    format!("\u{201c}{text}\u{201d}")
                } else {
                    text
                };
                self.line(&format!(
                    "- **{} {}**{by}: {text}{}",
                    n.time,
                    n.kind_label,
                    self.revised(n.revised)
                ));
            }
        }
    }

    fn mindsets(&mut self) {
        let l = self.m.labels;
        self.heading(4, l.mindsets);
        if self.m.mindsets.is_empty() {
            self.line(l.none);
            return;
        }
        let rows: Vec<Vec<String>> = self
            .m
            .mindsets
            .iter()
            .map(|r| {
                vec![
                    r.no.to_string(),
                    cell(&r.from),
                    format!("{}{}", cell(&r.to), self.revised(r.revised)),
                    if r.values.is_empty() {
                        "—".into()
                    } else {
                        r.values.join(", ")
                    },
                    opt_cell(r.by.as_deref()),
                    opt_cell(r.item.as_deref()),
                ]
            })
            .collect();
        self.table(&[l.no, l.from, l.to, l.values, l.voiced_by, l.item], rows);
    }

    fn statements(&mut self, title: &str, list: &[super::model::StatementRow], no: usize) {
        let l = self.m.labels;
        self.heading(no, title);
        if list.is_empty() {
            self.line(l.none);
            return;
        }
        for s in list {
            let item = s
                .item
                .as_deref()
                .map_or_else(String::new, |i| format!(" *({}: {})*", l.item, cell(i)));
            self.line(&format!(
                "- **{}.** {}{}{item}",
                s.no,
                block(&s.text, 2),
                self.revised(s.revised)
            ));
        }
    }

    fn actions(&mut self) {
        let l = self.m.labels;
        self.heading(7, l.actions);
        if self.m.actions.is_empty() {
            self.line(l.none);
            return;
        }
        let rows: Vec<Vec<String>> = self
            .m
            .actions
            .iter()
            .map(|a| {
                let status = if a.overdue {
                    format!("{} ({})", a.status_label, l.overdue)
                } else {
                    a.status_label.to_owned()
                };
                vec![
                    a.no.to_string(),
                    format!("{}{}", cell(&a.what), self.revised(a.revised)),
                    opt_cell(a.pic.as_deref()),
                    opt_cell(a.due_text.as_deref()),
                    status,
                    opt_cell(a.item.as_deref()),
                    opt_cell(a.origin.as_deref()),
                ]
            })
            .collect();
        self.table(
            &[l.no, l.what, l.pic, l.due, l.status, l.item, l.origin],
            rows,
        );
    }

    fn deferred(&mut self) {
        let l = self.m.labels;
        self.heading(8, l.deferred);
        if self.m.deferred.is_empty() {
            self.line(l.none);
            return;
        }
        let rows: Vec<Vec<String>> = self
            .m
            .deferred
            .iter()
            .map(|d| {
                vec![
                    d.no.to_string(),
                    cell(&d.title),
                    d.planned.to_string(),
                    d.spent.to_string(),
                    opt_cell(d.origin.as_deref()),
                ]
            })
            .collect();
        self.table(&[l.no, l.item, l.planned, l.actual, l.origin], rows);
    }

    fn participation(&mut self) {
        let l = self.m.labels;
        let p = &self.m.participation;
        self.heading(9, l.participation);
        self.line(&format!("**{}:** {}", l.talk_total, clock(p.total_secs)));
        self.blank();
        self.line(&format!("### {}", l.per_person));
        self.blank();
        if p.people.is_empty() {
            self.line(l.none);
        } else {
            let mut head = vec![l.code];
            if !self.m.anonymized {
                head.push(l.name);
            }
            head.extend([l.unit, l.turns, l.talk_time, l.share]);
            let rows: Vec<Vec<String>> = p
                .people
                .iter()
                .map(|r| {
                    let mut row = vec![cell(&r.code)];
                    if !self.m.anonymized {
                        row.push(cell(&r.label));
                    }
                    row.extend([
                        opt_cell(r.unit.as_deref()),
                        r.turns.to_string(),
                        clock(r.secs),
                        percent(r.secs, p.total_secs),
                    ]);
                    row
                })
                .collect();
            self.table(&head, rows);
        }
        self.blank();
        self.line(&format!("### {}", l.per_unit));
        self.blank();
        if p.units.is_empty() {
            self.line(l.none);
        } else {
            let rows: Vec<Vec<String>> = p
                .units
                .iter()
                .map(|u| {
                    vec![
                        cell(&u.unit),
                        u.people.to_string(),
                        u.turns.to_string(),
                        clock(u.secs),
                        percent(u.secs, p.total_secs),
                    ]
                })
                .collect();
            self.table(&[l.unit, l.people, l.turns, l.talk_time, l.share], rows);
        }
        self.blank();
        let names: Vec<String> = p.not_spoken.iter().map(|n| cell(n)).collect();
        self.line(&format!(
            "**{}:** {}",
            l.not_spoken,
            if names.is_empty() {
                "—".to_owned()
            } else {
                names.join(", ")
            }
        ));
    }

    fn closing(&mut self) {
        let l = self.m.labels;
        self.heading(10, l.closing);
        let m = self.m;
        for (i, line) in m.closing.iter().enumerate() {
            if i > 0 {
                self.blank();
            }
            self.line(&para(line));
        }
    }

    fn sign_off(&mut self) {
        let l = self.m.labels;
        let s = &self.m.sign_off;
        self.heading(11, l.sign_off);
        self.line(&para(&s.place_date));
        self.blank();
        let name = |p: Option<&super::model::Signer>| {
            p.map_or_else(|| "—".to_owned(), |p| format!("**{}**", cell(&p.name)))
        };
        let nip = |p: Option<&super::model::Signer>| {
            p.and_then(|p| p.nip.as_deref()).map_or_else(
                || format!("{} —", l.nip),
                |n| format!("{} {}", l.nip, cell(n)),
            )
        };
        let (c, n) = (s.chair.as_ref(), s.notetaker.as_ref());
        self.table(
            &[l.sign_chair, l.sign_notetaker],
            [
                vec![String::new(), String::new()],
                vec![name(c), name(n)],
                vec![nip(c), nip(n)],
            ],
        );
    }

    fn attendance(&mut self) {
        let l = self.m.labels;
        self.heading(12, l.attendance);
        self.line(&format!(
            "{}: {}",
            cell(&self.m.header.title),
            self.m.header.day_date
        ));
        self.blank();
        if self.m.attendance.is_empty() {
            self.line(l.none);
        } else {
            let rows: Vec<Vec<String>> = self
                .m
                .attendance
                .iter()
                .map(|a| {
                    vec![
                        a.no.to_string(),
                        cell(&a.name),
                        opt_cell(a.position.as_deref()),
                        opt_cell(a.unit.as_deref()),
                        format!("{}. ………………", a.no),
                    ]
                })
                .collect();
            self.table(&[l.no, l.name, l.position, l.unit, l.signature], rows);
        }
        self.blank();
        self.line(&format!(
            "*{} · {}*",
            l.made_with,
            cell(&self.m.header.session_id)
        ));
    }
}

fn signer_line(p: &super::model::Signer, nip: &str) -> String {
    match &p.nip {
        Some(n) => format!("{} ({nip} {n})", p.name),
        None => p.name.clone(),
    }
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
