//! The anonymised variant of a session: every participant's name becomes
//! their code, their NIP is dropped, and their names (in full, and without
//! academic titles) are replaced by their codes wherever a free text holds
//! them (notes, decisions, actions, agenda titles …). Done on the event log,
//! so `session.json` and every other file of the variant agree.
//!
//! Which texts an event holds, and which of them are a participant's name,
//! NIP or free text, is declared once by `Event::texts`; this file only says
//! what to do with each role, so a new event cannot leak a name unnoticed.
//!
//! Positions and units are kept here (the participation per unit needs
//! them); the anonymised minutes' tables show "—" where one would single
//! out a person (`export::model`'s `unit_of`, `position_of`);
//! the facilitator, notetaker and resource persons run the session and sign
//! the minutes, so they keep their names.

use std::collections::HashMap;

use crate::domain::{Field, Pic, Recorded, Role, Value};

/// Names to replace, found by their first word (ASCII-lowercased), each
/// list longest first, each name with its code; and every word of a
/// participant's name (lowercased) with the codes of those whose name has it,
/// for "Pak Zulkifli", "Bu Ani".
struct Names(
    HashMap<String, Vec<(String, String)>>,
    HashMap<String, Vec<String>>,
);

/// The forms of address that put a name after them.
const HONORIFICS: [&str; 8] = [
    "pak", "bu", "bapak", "ibu", "sdr", "sdri", "saudara", "saudari",
];

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// The first word of `s`, ASCII-lowercased, if `s` starts with one.
fn first_word(s: &str) -> Option<String> {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    (end > 0).then(|| s[..end].to_ascii_lowercase())
}

impl Names {
    /// The participants' names in `log`: every [`Field::Name`] its events
    /// declare.
    fn of(log: &mut [Recorded]) -> Names {
        let mut map: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let mut add = |name: &str, code: &str| {
            for variant in [name, core(name)] {
                let Some(key) = first_word(variant) else {
                    continue;
                };
                let list = map.entry(key).or_default();
                if variant.chars().count() >= 2
                    && !variant.eq_ignore_ascii_case(code)
                    && !list.iter().any(|(n, _)| n == variant)
                {
                    list.push((variant.to_owned(), code.to_owned()));
                }
            }
        };
        for rec in log {
            let _ = rec.event.texts(|f| {
                if let Field::Name { name, code } = f {
                    add(name, code);
                }
                Ok::<(), ()>(())
            });
        }
        for list in map.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        let mut words: HashMap<String, Vec<String>> = HashMap::new();
        for list in map.values() {
            for (name, code) in list {
                for w in core(name).split(|c: char| !c.is_alphanumeric()) {
                    let codes = words.entry(w.to_lowercase()).or_default();
                    if w.chars().count() >= 2 && !codes.contains(code) {
                        codes.push(code.clone());
                    }
                }
            }
        }
        words.retain(|_, codes| !codes.is_empty());
        for codes in words.values_mut() {
            codes.sort();
        }
        Names(map, words)
    }

    /// The codes of the participants whose name has `word`.
    fn owners(&self, word: &str) -> Option<&Vec<String>> {
        self.1.get(&word.to_lowercase())
    }

    /// After a form of address ending at byte `i` of `text`: the span of the
    /// name words that follow (one or more words of one participant's name)
    /// and what replaces them — their code, or the codes of everyone whose
    /// name has the word. `None` when no participant's word follows, or when
    /// the name goes on with a capitalised word that is not theirs ("Pak
    /// Budi Santoso" is someone else when no participant is Budi Santoso).
    fn after_honorific(&self, text: &str, i: usize) -> Option<(usize, usize, String)> {
        let rest = &text[i..];
        let gap = rest.len() - rest.trim_start_matches([' ', '.']).len();
        if gap == 0 {
            return None;
        }
        let start = i + gap;
        let (mut end, mut codes): (usize, Option<Vec<String>>) = (start, None);
        loop {
            let word_end = text[end..]
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(text.len(), |(k, _)| end + k);
            let word = &text[end..word_end];
            let Some(owners) = (!word.is_empty()).then(|| self.owners(word)).flatten() else {
                let foreign = word.chars().next().is_some_and(char::is_uppercase);
                return match codes {
                    Some(c) if !foreign => Some((start, end, c.join("/"))),
                    _ => None,
                };
            };
            let kept: Vec<String> = match &codes {
                None => owners.clone(),
                Some(c) => c.iter().filter(|x| owners.contains(x)).cloned().collect(),
            };
            if kept.is_empty() {
                return None;
            }
            codes = Some(kept);
            // One more word of the same name?
            let after = &text[word_end..];
            if after.starts_with(' ')
                && after[1..].chars().next().is_some_and(char::is_alphanumeric)
            {
                let next_end = after[1..]
                    .char_indices()
                    .find(|(_, c)| !c.is_alphanumeric())
                    .map_or(after.len() - 1, |(k, _)| k);
                let next = &after[1..=next_end];
                let next_owned = self.owners(next).is_some_and(|o| {
                    codes
                        .as_ref()
                        .is_some_and(|c| c.iter().any(|x| o.contains(x)))
                });
                let capital = next.chars().next().is_some_and(char::is_uppercase);
                if next_owned {
                    end = word_end + 1;
                    continue;
                }
                if capital {
                    return None;
                }
            }
            return codes.map(|c| (start, word_end, c.join("/")));
        }
    }

    /// `text` with every whole-word, ASCII-case-insensitive occurrence of a
    /// name replaced by its code, in one pass over the text.
    fn scrub(&self, text: &str) -> String {
        let mut out = String::new();
        let (mut last, mut i) = (0, 0);
        let mut prev: Option<char> = None;
        while let Some(c) = text[i..].chars().next() {
            if c.is_alphanumeric() && !is_word(prev) {
                let hit = first_word(&text[i..])
                    .and_then(|key| self.0.get(&key))
                    .and_then(|list| list.iter().find(|(name, _)| matches_at(text, i, name)));
                if let Some((name, code)) = hit {
                    out.push_str(&text[last..i]);
                    out.push_str(code);
                    i += name.len();
                    last = i;
                    prev = text[..i].chars().next_back();
                    continue;
                }
                let word = first_word(&text[i..]).unwrap_or_default();
                if HONORIFICS.contains(&word.as_str())
                    && let Some((from, to, code)) = self.after_honorific(text, i + word.len())
                {
                    out.push_str(&text[last..from]);
                    out.push_str(&code);
                    i = to;
                    last = i;
                    prev = text[..i].chars().next_back();
                    continue;
                }
            }
            prev = Some(c);
            i += c.len_utf8();
        }
        if last == 0 {
            return text.to_owned();
        }
        out.push_str(&text[last..]);
        out
    }

    fn scrub_all(&self, texts: &mut [String]) {
        for t in texts {
            *t = self.scrub(t);
        }
    }

    fn scrub_opt(&self, text: &mut Option<String>) {
        if let Some(t) = text {
            *t = self.scrub(t);
        }
    }
}

/// Whether `name` stands at byte `i` of `text` as whole words.
fn matches_at(text: &str, i: usize, name: &str) -> bool {
    let end = i + name.len();
    end <= text.len()
        && text.is_char_boundary(end)
        && text.as_bytes()[i..end].eq_ignore_ascii_case(name.as_bytes())
        && !is_word(text[end..].chars().next())
}

/// A name without its academic and religious titles: "Dr. Ir. Ratna Juwita
/// Harahap, M.P." → "Ratna Juwita Harahap".
fn core(name: &str) -> &str {
    let before_comma = name.split(',').next().unwrap_or(name).trim();
    let mut rest = before_comma;
    while let Some((first, tail)) = rest.split_once(' ') {
        if first.ends_with('.') {
            rest = tail.trim_start();
        } else {
            break;
        }
    }
    rest
}

/// The anonymised copy of a session's log.
pub fn anonymize(log: &[Recorded]) -> Vec<Recorded> {
    let mut log = log.to_vec();
    let names = Names::of(&mut log);
    for rec in &mut log {
        let _ = rec.event.texts(|f| {
            scrub_field(&names, f);
            Ok::<(), ()>(())
        });
    }
    log
}

/// Anonymises one text of an event, by its role: free text has names
/// replaced, a participant's name becomes their code, a NIP goes, a linked
/// PIC becomes its code; identifiers and the staff's names stay.
fn scrub_field(names: &Names, field: Field<'_>) {
    match field {
        Field::Text(_, Role::Free, Value::One(t)) => *t = names.scrub(t),
        Field::Text(_, Role::Free, Value::Opt(t)) => names.scrub_opt(t),
        Field::Text(_, Role::Free, Value::Many(list)) => names.scrub_all(list),
        Field::Text(_, Role::Nip, Value::Opt(nip)) => *nip = None,
        Field::Text(_, Role::Nip, Value::One(_) | Value::Many(_))
        | Field::Text(_, Role::Kept, _) => {}
        Field::Name { name, code } => code.clone_into(name),
        Field::Pic(pic) => scrub_pic(names, pic),
    }
}

fn scrub_pic(names: &Names, pic: &mut Option<Pic>) {
    if let Some(p) = pic {
        p.text = match &p.code {
            Some(code) => code.clone(),
            None => names.scrub(&p.text),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_stripped_from_names() {
        assert_eq!(
            core("Dr. Ir. Ratna Juwita Harahap, M.P."),
            "Ratna Juwita Harahap"
        );
        assert_eq!(core("Budi"), "Budi");
    }

    fn names(list: &[(&str, &str)]) -> Names {
        let mut log: Vec<Recorded> = list
            .iter()
            .enumerate()
            .map(|(i, (name, code))| Recorded {
                seq: i as u64 + 1,
                at: chrono::DateTime::default(),
                actor: crate::domain::Actor::Script,
                event: crate::domain::Event::ParticipantAdded {
                    participant: crate::domain::Participant {
                        code: (*code).to_owned(),
                        name: (*name).to_owned(),
                        position: None,
                        unit: None,
                        nip: None,
                        consent: false,
                        present: false,
                        arrived_at: None,
                        by_taking_part: false,
                        carried: false,
                        removed: false,
                        revised: false,
                    },
                },
            })
            .collect();
        Names::of(&mut log)
    }

    #[test]
    fn whole_words_only_any_ascii_case() {
        let n = names(&[("Budi", "P1"), ("Budi Santoso", "P2"), ("王小明", "P3")]);
        assert_eq!(
            n.scrub("kata budi, bukan Budiman; BUDI! Budi Santoso setuju"),
            "kata P1, bukan Budiman; P1! P2 setuju"
        );
        assert_eq!(n.scrub("Budiman"), "Budiman");
        assert_eq!(
            n.scrub("王小明说"),
            "王小明说",
            "CJK letters are word characters: no boundary inside a run"
        );
        assert_eq!(n.scrub("« 王小明 »"), "« P3 »");
        let n = names(&[("Dr. Ir. Ratna Juwita Harahap, M.P.", "P4")]);
        assert_eq!(
            n.scrub("Ibu Ratna Juwita Harahap dan Dr. Ir. Ratna Juwita Harahap, M.P. hadir"),
            "Ibu P4 dan P4 hadir"
        );
    }

    #[test]
    fn a_form_of_address_and_any_word_of_a_name_is_replaced() {
        let n = names(&[
            ("Drs. Zulkifli Lubis, M.Si.", "P3"),
            ("Ani Rahmawati", "P5"),
            ("Budi Hartono", "P1"),
            ("Budi Prasetyo", "P2"),
        ]);
        assert_eq!(
            n.scrub("Pak Zulkifli dari Bappeda setuju; Bu Ani menambahkan."),
            "Pak P3 dari Bappeda setuju; Bu P5 menambahkan."
        );
        assert_eq!(
            n.scrub("Sdr. Lubis dan Bapak Zulkifli Lubis"),
            "Sdr. P3 dan Bapak P3"
        );
        assert_eq!(n.scrub("kata ibu rahmawati"), "kata ibu P5");
        assert_eq!(
            n.scrub("Pak Budi Santoso dari provinsi"),
            "Pak Budi Santoso dari provinsi",
            "a non-participant's name is never rewritten"
        );
        assert_eq!(n.scrub("Pak Budi bilang"), "Pak P1/P2 bilang", "two Budis");
        assert_eq!(n.scrub("Pak Budi Prasetyo"), "Pak P2");
        assert_eq!(n.scrub("Pakai Ani"), "Pakai Ani", "whole words only");
    }
}
