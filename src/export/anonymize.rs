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
//! Positions and units are kept (the participation per unit needs them);
//! the facilitator, notetaker and resource persons run the session and sign
//! the minutes, so they keep their names.

use std::collections::HashMap;

use crate::domain::{Field, Pic, Recorded, Role, Value};

/// Names to replace, found by their first word (ASCII-lowercased), each
/// list longest first, each name with its code.
struct Names(HashMap<String, Vec<(String, String)>>);

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
        Names(map)
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
}
