//! Session ids: the date and two words of the title, e.g.
//! `2026-11-23-perubahan-pola`: short, readable and typeable.

/// Words that say little about a session and are left out of its id.
const FILLER: &[&str] = &[
    "fgd", "rapat", "forum", "kbk", "dan", "di", "ke", "dari", "yang", "untuk", "dengan", "pada",
    "tentang", "dalam", "the", "of", "and", "a", "an", "for", "on", "in", "to", "with", "about",
];

/// A lowercase ASCII slug of the first two telling words of `title`.
pub fn slug(title: &str) -> String {
    let folded = crate::domain::text::search_key(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !FILLER.contains(w))
        .take(2)
        .collect();
    let mut s = words.join("-");
    s.truncate(24);
    let s = s.trim_end_matches('-').to_owned();
    if s.is_empty() { "sesi".to_owned() } else { s }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("FGD Perubahan Pola Pikir Kepala SKPD"),
            "perubahan-pola"
        );
        assert_eq!(slug("OBSESI (Obrolan Seputar Tupoksi)"), "obsesi-obrolan");
        assert_eq!(slug("Café — Été"), "cafe-ete");
        assert_eq!(slug("王小明"), "sesi");
        assert_eq!(slug("Rapat"), "sesi");
    }
}
