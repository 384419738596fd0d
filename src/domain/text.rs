//! Cleaning text as it enters the domain: control characters (but newline and
//! tab), NUL, terminal escape sequences and bidi overrides never get past here,
//! so they reach neither the screen nor any file.

/// Longest text a note, decision, action or mindset field may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest name, title or other one-line field, in characters.
pub const MAX_LINE_CHARS: usize = 500;

/// Returns `raw` with control characters (except `\n` and `\t`), whole terminal
/// escape sequences (CSI, OSC and two-byte ESC sequences), NUL and bidi
/// embedding/override/isolate characters removed, `\r\n` and `\r` turned into
/// `\n`, and surrounding whitespace trimmed.
pub fn clean(raw: &str) -> String {
    let out = strip(raw);
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// `text` as it may reach a terminal: the characters [`clean`] strips
/// (controls but newline and tab, whole escape sequences, NUL, bidi
/// overrides) removed and `\r` turned into `\n`, nothing trimmed; borrowed
/// when there is nothing to remove. Everything fgd prints goes through it.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c);
    if text.chars().any(unsafe_char) {
        std::borrow::Cow::Owned(strip(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// [`clean`] without the trimming.
fn strip(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi_body(&mut chars),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Like [`clean`], and also folds every run of whitespace (newlines included)
/// into one space: for names, titles, codes and other one-line fields.
pub fn clean_line(raw: &str) -> String {
    clean(raw).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A form of `s` for matching what people type: lowercase, with the common
/// Latin diacritics removed (`Wiryaningsih` matches `wiryan`, `Ngurah` matches
/// `ngurah`, `José` matches `jose`).
pub fn search_key(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            // OSC / DCS / APC / PM / SOS: up to BEL or ST (ESC \).
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' || c == '\u{9c}' {
                    break;
                }
                if c == '\u{1b}' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        Some(c) if ('\u{20}'..='\u{7e}').contains(c) => {
            chars.next();
        }
        _ => {}
    }
}

fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    // Parameter and intermediate bytes 0x20..=0x3f, then one final byte 0x40..=0x7e.
    while let Some(&c) = chars.peek() {
        chars.next();
        if ('\u{40}'..='\u{7e}').contains(&c) || !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_controls_escapes_and_bidi() {
        assert_eq!(clean("a\u{0}b"), "ab");
        assert_eq!(clean("\u{1b}[31mred\u{1b}[0m"), "red");
        assert_eq!(clean("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(clean("evil\u{202e}txt.exe"), "eviltxt.exe");
        assert_eq!(clean("a\u{2066}b\u{2069}c"), "abc");
        assert_eq!(clean("bell\u{7}"), "bell");
        assert_eq!(clean("  two\r\nlines\t! "), "two\nlines\t!");
        assert_eq!(clean("\u{9b}2Jz"), "z");
    }

    #[test]
    fn terminal_safe_strips_what_clean_strips_and_keeps_the_rest() {
        assert_eq!(terminal_safe("  ok 12\n"), "  ok 12\n");
        assert!(matches!(
            terminal_safe("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            terminal_safe("a\u{1b}]0;title\u{7}b\u{1b}[2Jc\u{202e}d\u{0}e\u{9b}31mf "),
            "abcdef "
        );
        assert_eq!(terminal_safe("x\ry"), "x\ny");
    }

    #[test]
    fn keeps_unicode() {
        let s = "Ni Luh Putu Ayu Kadek Wiryaningsih 王小明 👩🏽‍💼 e\u{301}";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn search_keys_ignore_case_and_diacritics() {
        assert_eq!(search_key("José Ñandú"), "jose nandu");
        assert_eq!(search_key("e\u{301}"), "e");
        assert!(search_key("Ni Luh Putu Ayu").contains("putu"));
    }

    #[test]
    fn clean_line_folds_whitespace() {
        assert_eq!(clean_line(" Budi \n  Santoso\t"), "Budi Santoso");
    }
}
