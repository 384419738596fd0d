//! `actions.csv`: one row per follow-up action (no, what, PIC, due, status,
//! overdue, agenda item, carried from), UTF-8 with a byte-order mark (so spreadsheets
//! read it as UTF-8) and a header row in the minutes' language, RFC 4180
//! quoting and CRLF line ends.
//!
//! Formula injection: a cell that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return gets a leading `'`, so a spreadsheet shows it as text
//! instead of evaluating it.

use super::model::Minutes;

/// Renders the actions table.
pub fn render(m: &Minutes) -> String {
    let l = m.labels;
    let mut out = String::with_capacity(256 + m.actions.len() * 160);
    out.push('\u{feff}');
    row(
        &mut out,
        &[
            l.no,
            l.what,
            l.pic,
            l.due,
            l.status,
            l.overdue_column,
            l.item,
            l.origin,
        ],
    );
    for a in &m.actions {
        let no = a.no.to_string();
        let due = a.due.map(|d| d.to_string()).unwrap_or_default();
        let overdue = if a.overdue { l.yes } else { "" };
        row(
            &mut out,
            &[
                &no,
                &a.what,
                a.pic.as_deref().unwrap_or(""),
                &due,
                a.status_label,
                overdue,
                a.item.as_deref().unwrap_or(""),
                a.origin.as_deref().unwrap_or(""),
            ],
        );
    }
    out
}

pub(super) fn row(out: &mut String, cells: &[&str]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, c);
    }
    out.push_str("\r\n");
}

/// One field: neutralised against formulas, control characters dropped
/// (newline and tab kept), quoted when it holds a comma, quote or newline.
fn field(out: &mut String, s: &str) {
    let mut v = String::with_capacity(s.len() + 2);
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.push('\'');
    }
    v.extend(
        s.chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t'),
    );
    if v.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&v.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&v);
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    fn f(s: &str) -> String {
        let mut out = String::new();
        field(&mut out, s);
        out
    }

    #[test]
    fn neutralises_formulas_and_quotes() {
        assert_eq!(f("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(f("+62 812"), "'+62 812");
        assert_eq!(f("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(f("\tx"), "'\tx");
        assert_eq!(f("a, b"), "\"a, b\"");
        assert_eq!(f("baris\nbaru"), "\"baris\nbaru\"");
        assert_eq!(f("biasa"), "biasa");
    }
}
