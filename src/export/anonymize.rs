//! The anonymised variant of a session: every participant's name becomes
//! their code, their NIP is dropped, and their names (in full, and without
//! academic titles) are replaced by their codes wherever a free text holds
//! them (notes, decisions, actions, agenda titles …). Done on the event log,
//! so `session.json` and every other file of the variant agree.
//!
//! Positions and units are kept (the participation per unit needs them);
//! the facilitator, notetaker and resource persons run the session and sign
//! the minutes, so they keep their names.

use std::collections::HashMap;

use crate::domain::{Event, Recorded};

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
    fn of(log: &[Recorded]) -> Names {
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
            match &rec.event {
                Event::ParticipantAdded { participant } => {
                    add(&participant.name, &participant.code);
                }
                Event::ParticipantEdited { code, name, .. } => add(name, code),
                _ => {}
            }
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
    let names = Names::of(log);
    log.iter()
        .map(|rec| {
            let mut rec = rec.clone();
            scrub_event(&names, &mut rec.event);
            rec
        })
        .collect()
}

fn scrub_event(names: &Names, event: &mut Event) {
    match event {
        Event::Created { info } => {
            info.title = names.scrub(&info.title);
            names.scrub_opt(&mut info.venue);
            names.scrub_opt(&mut info.organizer);
        }
        Event::ParticipantAdded { participant } => {
            participant.name.clone_from(&participant.code);
            participant.nip = None;
            names.scrub_opt(&mut participant.position);
            names.scrub_opt(&mut participant.unit);
        }
        Event::ParticipantEdited {
            code,
            name,
            nip,
            position,
            unit,
            ..
        } => {
            name.clone_from(code);
            *nip = None;
            names.scrub_opt(position);
            names.scrub_opt(unit);
        }
        Event::ItemAdded { item, .. } => {
            item.title = names.scrub(&item.title);
            names.scrub_opt(&mut item.owner);
            names.scrub_all(&mut item.questions);
        }
        Event::ItemEdited {
            title,
            owner,
            questions,
            ..
        } => {
            *title = names.scrub(title);
            names.scrub_opt(owner);
            names.scrub_all(questions);
        }
        Event::MindsetAdded { mindset } => {
            mindset.from = names.scrub(&mindset.from);
            mindset.to = names.scrub(&mindset.to);
        }
        Event::MindsetEdited { from, to, .. } => {
            *from = names.scrub(from);
            *to = names.scrub(to);
        }
        Event::NoteAdded { note } => note.text = names.scrub(&note.text),
        Event::NoteEdited { text, .. }
        | Event::DecisionEdited { text, .. }
        | Event::ConclusionEdited { text, .. } => *text = names.scrub(text),
        Event::DecisionAdded { decision: s } | Event::ConclusionAdded { conclusion: s } => {
            s.text = names.scrub(&s.text);
        }
        Event::ActionAdded { action } => {
            action.what = names.scrub(&action.what);
            scrub_pic(names, &mut action.pic);
        }
        Event::ActionEdited { what, pic, .. } => {
            *what = names.scrub(what);
            scrub_pic(names, pic);
        }
        _ => {}
    }
}

fn scrub_pic(names: &Names, pic: &mut Option<crate::domain::Pic>) {
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
        let log: Vec<Recorded> = list
            .iter()
            .enumerate()
            .map(|(i, (name, code))| Recorded {
                seq: i as u64 + 1,
                at: chrono::DateTime::default(),
                actor: crate::domain::Actor::Script,
                event: Event::ParticipantAdded {
                    participant: crate::domain::Participant {
                        code: (*code).to_owned(),
                        name: (*name).to_owned(),
                        position: None,
                        unit: None,
                        nip: None,
                        consent: false,
                        present: false,
                        arrived_at: None,
                        removed: false,
                        revised: false,
                    },
                },
            })
            .collect();
        Names::of(&log)
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
