//! Everything the command line prints goes through here: each text is made
//! terminal-safe (`domain::text::terminal_safe`: no control characters but
//! newline and tab, no escape sequences, no bidi overrides), whatever it
//! came from — a session's title in `meta.json`, a typed id, a field name
//! echoed from an apply line, a lock file's command line, a plan key. Owns
//! the writing of lines to stdout and stderr; must not decide what they say.

use std::borrow::Cow;
use std::io::Write;

use crate::domain::text::terminal_safe;

/// `text` as it may reach a terminal.
pub fn safe(text: &str) -> Cow<'_, str> {
    terminal_safe(text)
}

/// Writes `text` and a newline to `out`, made safe.
pub fn line(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    writeln!(out, "{}", safe(text))
}

/// Prints `text` and a newline on stdout, made safe.
pub fn out(text: &str) {
    println!("{}", safe(text));
}

/// Prints `text` and a newline on stderr, made safe.
pub fn err(text: &str) {
    eprintln!("{}", safe(text));
}

/// JSON for a terminal: serde_json escapes the C0 control characters but
/// writes DEL, the C1 controls (U+009B is CSI on its own) and bidi
/// overrides as they are; they are escaped here (`\u009b`, `\u202e`),
/// which is the same JSON to a reader.
pub fn json(text: &str) -> Cow<'_, str> {
    let escape = |c: char| {
        c.is_control() && c != '\n' && c != '\t'
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escape(c) {
            let _ =
                std::fmt::Write::write_fmt(&mut escaped, format_args!("\\u{:04x}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_bidi_overrides_and_stays_the_same_json() {
        let text = serde_json::to_string(&serde_json::json!({"t": "a\u{202e}b\u{1b}c\u{9b}d"}))
            .unwrap_or_default();
        let shown = json(&text);
        assert!(!shown.contains(['\u{202e}', '\u{1b}', '\u{9b}']), "{shown}");
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap_or_default();
        assert_eq!(back["t"], "a\u{202e}b\u{1b}c\u{9b}d");
    }
}
