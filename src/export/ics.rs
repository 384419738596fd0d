//! `actions.ics`: the follow-up actions as an iCalendar (RFC 5545) file, one
//! `VTODO` per action with its due date as `DUE;VALUE=DATE`, so a calendar
//! can import them. Text values are escaped (`\\`, `\;`, `\,`, `\n`), control
//! characters dropped, and lines folded at 75 octets (never inside a UTF-8
//! character) with CRLF line ends.

use chrono::{DateTime, Utc};

use super::model::Minutes;
use crate::domain::ActionStatus;

/// Renders the actions as a calendar. `stamp` is the DTSTAMP of every
/// to-do (the time of the session's last event, so output is reproducible).
pub fn render(m: &Minutes, stamp: DateTime<Utc>) -> String {
    let l = m.labels;
    let h = &m.header;
    let mut out = String::with_capacity(512 + m.actions.len() * 400);
    let lang = match l.lang {
        crate::domain::Language::Id => "ID",
        crate::domain::Language::En => "EN",
    };
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(
        &mut out,
        &format!("PRODID:-//fgd//fgd {}//{lang}", env!("CARGO_PKG_VERSION")),
    );
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(
        &mut out,
        &format!(
            "X-WR-CALNAME:{}",
            escape(&format!("{} — {}", l.actions, h.title))
        ),
    );
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for a in &m.actions {
        line(&mut out, "BEGIN:VTODO");
        line(
            &mut out,
            &format!("UID:{}-{}@fgd", uid_part(&h.session_id), a.no),
        );
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("SUMMARY:{}", escape(&a.what)));
        let mut desc = Vec::new();
        if let Some(pic) = &a.pic {
            desc.push(format!("{}: {pic}", l.pic));
        }
        if let Some(item) = &a.item {
            desc.push(format!("{}: {item}", l.item));
        }
        if let Some(origin) = &a.origin {
            desc.push(format!("{}: {origin}", l.origin));
        }
        desc.push(format!("{}: {} ({})", l.doc_title, h.title, h.day_date));
        line(
            &mut out,
            &format!("DESCRIPTION:{}", escape(&desc.join("\n"))),
        );
        if let Some(due) = a.due {
            line(
                &mut out,
                &format!("DUE;VALUE=DATE:{}", due.format("%Y%m%d")),
            );
        }
        let status = match a.status {
            ActionStatus::Open => "NEEDS-ACTION",
            ActionStatus::Done => "COMPLETED",
            ActionStatus::Dropped => "CANCELLED",
        };
        line(&mut out, &format!("STATUS:{status}"));
        line(&mut out, "END:VTODO");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// A session id as a UID part: letters, digits, `-`, `.` and `_` only.
fn uid_part(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    if !s.contains(|c: char| matches!(c, '\\' | ';' | ',') || c.is_control()) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded so no line is longer than 75 octets
/// (RFC 5545 §3.1): continuation lines start with a space. A fold never
/// leaves a line ending in whitespace (some readers trim it when
/// unfolding): the whitespace moves to the start of the next line.
fn line(out: &mut String, content: &str) {
    let mut current = String::with_capacity(76);
    // The first line has 75 octets; continuations 74 after their space.
    let mut limit = 75;
    for c in content.chars() {
        while current.len() + c.len_utf8() > limit {
            let keep = current.trim_end_matches([' ', '\t']).len();
            let keep = if keep == 0 { current.len() } else { keep };
            let carry = current.split_off(keep);
            out.push_str(&current);
            out.push_str("\r\n ");
            current = carry;
            limit = 74;
        }
        current.push(c);
    }
    out.push_str(&current);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "é".repeat(80));
        line(&mut out, &long);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = out.trim_end().replace("\r\n ", "");
        assert_eq!(unfolded, long);

        let mut out = String::new();
        let spaced = format!("SUMMARY:{}.", "kata ".repeat(40));
        line(&mut out, &spaced);
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
            assert!(!l.ends_with(' '), "a line ends in a space: {l:?}");
        }
        assert_eq!(out.replace("\r\n ", "").trim_end_matches("\r\n"), spaced);
    }
}
