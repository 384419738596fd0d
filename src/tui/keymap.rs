//! The keymap is data: every main-view op with its default keys and its
//! help group, and the ops each footer offers. The `?` overlay and the footer
//! hints are made from it (their words are in `i18n::keys`), and the config
//! file rebinds ops by name (`next_item = ["n", "ctrl-n"]`). Must not say
//! what an op does (`tui::ops`) or hold its words.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Serialize};

use crate::domain::Language;
use crate::i18n::keys;

/// Everything a key can do in the main view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// Help overlay.
    Help,
    /// Quit (asks while the session is live).
    Quit,
    /// Close a popup / cancel.
    Cancel,
    /// Next panel.
    NextPanel,
    /// Previous panel.
    PrevPanel,
    /// Move up in the focused list.
    Up,
    /// Move down in the focused list.
    Down,
    /// Open or edit the selected row.
    Open,
    /// Add to the focused list.
    Add,
    /// Remove the selected row (asks).
    Remove,
    /// Move the selected row up.
    MoveUp,
    /// Move the selected row down.
    MoveDown,
    /// Start / pause / resume the session.
    StartPause,
    /// Next agenda item.
    NextItem,
    /// Defer the active item.
    DeferItem,
    /// Start the selected agenda item now.
    StartItem,
    /// Skip the selected agenda item.
    SkipItem,
    /// Step to the active item's next guide question.
    NextQuestion,
    /// Tick the current guide question covered (or not).
    CoverQuestion,
    /// Raise a hand.
    RaiseHand,
    /// Call the next speaker.
    CallNext,
    /// Give the floor to any participant.
    CallSpeaker,
    /// Finish the current speaker.
    FinishSpeaker,
    /// New mindset note.
    NewMindset,
    /// New note.
    NewNote,
    /// New decision.
    NewDecision,
    /// New conclusion.
    NewConclusion,
    /// New action item.
    NewAction,
    /// Mark the selected action done (or open again).
    ToggleDone,
    /// Mark the selected action dropped.
    DropAction,
    /// Participants and attendance.
    Participants,
    /// The session's header (title, date, venue, place, chair, notetaker).
    SessionInfo,
    /// The review of the actions carried from the meeting before.
    Review,
    /// Undo the last command from this terminal.
    Undo,
    /// End the session and export the minutes.
    End,
    /// Switch the screen language.
    SwitchLanguage,
    /// The jury's score sheet (where the scores are also announced).
    ScoreSheet,
    /// The selected action's rencana aksi (innovation lab).
    ActionPlan,
}

/// A key with its modifiers, as written in the config (`ctrl-z`, `shift-tab`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control held.
    pub ctrl: bool,
}

impl Key {
    /// A plain key.
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, ctrl: false }
    }

    /// A character key.
    pub const fn ch(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: false,
        }
    }

    /// Control + a character.
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// The key a terminal event stands for (Shift is part of the character).
    pub fn of(ev: KeyEvent) -> Key {
        let code = match ev.code {
            KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        Key {
            code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// A key name the config wrote that names no key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown key `{0}`; write keys like `n`, `N`, `?`, `space`, `enter`, `ctrl-z`, `shift-tab`, `f2`"
)]
pub struct UnknownKey(pub String);

impl std::str::FromStr for Key {
    type Err = UnknownKey;
    fn from_str(s: &str) -> Result<Key, UnknownKey> {
        let bad = || UnknownKey(s.to_owned());
        let lower = s.to_lowercase();
        let (ctrl, rest) = match lower
            .strip_prefix("ctrl-")
            .or_else(|| lower.strip_prefix("ctrl+"))
        {
            Some(r) => (true, r),
            None => (false, lower.as_str()),
        };
        let code = match rest {
            "space" => KeyCode::Char(' '),
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().map_err(|_| bad())?)
            }
            _ => {
                // Keep the case of a single character: `N` and `n` differ.
                let original = if ctrl { &s[5..] } else { s };
                let mut chars = original.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return Err(bad()),
                }
            }
        };
        Ok(Key { code, ctrl })
    }
}

/// Where an action belongs in the help overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Moving around.
    General,
    /// The session and agenda.
    Session,
    /// The speaker queue.
    Speakers,
    /// Notes and follow-up.
    Record,
}

/// One default binding: op, keys and help group (its words are in
/// `i18n::keys`).
pub struct Binding {
    /// The op.
    pub op: Op,
    /// Default keys.
    pub keys: &'static [Key],
    /// Help group.
    pub group: Group,
}

macro_rules! b {
    ($a:ident, [$($k:expr),+], $g:ident) => {
        Binding { op: Op::$a, keys: &[$($k),+], group: Group::$g }
    };
}

/// The default keymap (DESIGN §3).
pub const DEFAULTS: &[Binding] = &[
    b!(Help, [Key::ch('?')], General),
    b!(Quit, [Key::ch('q'), Key::ctrl('c')], General),
    b!(Cancel, [Key::plain(KeyCode::Esc)], General),
    b!(NextPanel, [Key::plain(KeyCode::Tab)], General),
    b!(PrevPanel, [Key::plain(KeyCode::BackTab)], General),
    b!(Up, [Key::plain(KeyCode::Up), Key::ch('k')], General),
    b!(Down, [Key::plain(KeyCode::Down), Key::ch('j')], General),
    b!(Open, [Key::plain(KeyCode::Enter)], General),
    b!(Add, [Key::ch('+')], General),
    b!(Remove, [Key::ch('x')], General),
    b!(MoveUp, [Key::ch('K')], General),
    b!(MoveDown, [Key::ch('J')], General),
    b!(SwitchLanguage, [Key::ch('L')], General),
    b!(StartPause, [Key::ch(' ')], Session),
    b!(NextItem, [Key::ch('n')], Session),
    b!(DeferItem, [Key::ch('D')], Session),
    b!(StartItem, [Key::ch('g')], Session),
    b!(SkipItem, [Key::ch('S')], Session),
    b!(NextQuestion, [Key::ch('w')], Session),
    b!(CoverQuestion, [Key::ch('W')], Session),
    b!(Participants, [Key::ch('p')], Session),
    b!(SessionInfo, [Key::ch('i')], Session),
    b!(Review, [Key::ch('R')], Record),
    b!(Undo, [Key::ch('u'), Key::ctrl('z')], Session),
    b!(End, [Key::ch('E')], Session),
    b!(RaiseHand, [Key::ch('r')], Speakers),
    b!(CallNext, [Key::ch('s')], Speakers),
    b!(FinishSpeaker, [Key::ch('f')], Speakers),
    b!(CallSpeaker, [Key::ch('C')], Speakers),
    b!(NewMindset, [Key::ch('m')], Record),
    b!(NewNote, [Key::ch('o')], Record),
    b!(NewDecision, [Key::ch('d')], Record),
    b!(NewConclusion, [Key::ch('c')], Record),
    b!(NewAction, [Key::ch('a')], Record),
    b!(ToggleDone, [Key::ch('v')], Record),
    b!(DropAction, [Key::ch('b')], Record),
    b!(ScoreSheet, [Key::ch('N')], Record),
    b!(ActionPlan, [Key::ch('P')], Record),
];

/// The ops a footer offers, in order, for each layout (their words are
/// [`keys::hint`]).
pub mod footer {
    use super::Op;

    /// The notetaker's footer: the entry forms first.
    pub const NOTETAKER: &[Op] = &[
        Op::Help,
        Op::NewNote,
        Op::NewMindset,
        Op::NewDecision,
        Op::NewConclusion,
        Op::NewAction,
        Op::RaiseHand,
        Op::Undo,
        Op::Quit,
    ];

    /// The facilitator's (projector) footer.
    pub const PROJECTOR: &[Op] = &[
        Op::Help,
        Op::StartPause,
        Op::NextItem,
        Op::RaiseHand,
        Op::CallNext,
        Op::FinishSpeaker,
        Op::NewNote,
        Op::NewMindset,
        Op::NewAction,
        Op::Undo,
        Op::Quit,
    ];

    /// The viewer's footer: it can only look.
    pub const VIEWER: &[Op] = &[Op::Help, Op::Quit];
}

/// The keys in force: defaults with the config's overrides.
#[derive(Debug, Clone)]
pub struct Keymap {
    keys: BTreeMap<Op, Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            keys: DEFAULTS.iter().map(|b| (b.op, b.keys.to_vec())).collect(),
        }
    }
}

impl Keymap {
    /// Defaults with some actions rebound. A key given to an action is taken
    /// from every other action, so one key never means two things.
    pub fn with_overrides(overrides: &BTreeMap<Op, Vec<Key>>) -> Keymap {
        let mut map = Keymap::default();
        for (action, keys) in overrides {
            for other in map.keys.values_mut() {
                other.retain(|k| !keys.contains(k));
            }
            map.keys.insert(*action, keys.clone());
        }
        map
    }

    /// The action a key stands for.
    pub fn op(&self, key: Key) -> Option<Op> {
        self.keys
            .iter()
            .find(|(_, ks)| ks.contains(&key))
            .map(|(a, _)| *a)
    }

    /// The keys of an action.
    pub fn keys(&self, op: Op) -> &[Key] {
        self.keys.get(&op).map_or(&[], Vec::as_slice)
    }

    /// The first key of an action, written for a hint (`?`, `Space`).
    pub fn hint(&self, op: Op) -> String {
        self.keys(op)
            .first()
            .map_or_else(|| "—".to_owned(), ToString::to_string)
    }

    /// Help rows: (keys, text) per group, in the default order.
    pub fn help(&self, lang: Language) -> Vec<(Group, String, &'static str)> {
        self.help_where(lang, |_| true, &[])
    }

    /// Help rows of the ops `shown` keeps (a role's own), the ops `asked`
    /// names worded as asking first.
    pub fn help_where(
        &self,
        lang: Language,
        shown: impl Fn(Op) -> bool,
        asked: &[Op],
    ) -> Vec<(Group, String, &'static str)> {
        DEFAULTS
            .iter()
            .filter(|b| shown(b.op))
            .map(|b| {
                let keys: Vec<String> = self.keys(b.op).iter().map(ToString::to_string).collect();
                let text = if asked.contains(&b.op) {
                    keys::help_asked(b.op, lang)
                } else {
                    keys::help(b.op, lang)
                };
                (b.group, keys.join(" "), text)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_print() {
        assert_eq!("ctrl-z".parse::<Key>().unwrap(), Key::ctrl('z'));
        assert_eq!("N".parse::<Key>().unwrap(), Key::ch('N'));
        assert_eq!("space".parse::<Key>().unwrap(), Key::ch(' '));
        assert_eq!(
            "shift-tab".parse::<Key>().unwrap(),
            Key::plain(KeyCode::BackTab)
        );
        assert_eq!("F2".parse::<Key>().unwrap(), Key::plain(KeyCode::F(2)));
        assert!("hyper-x".parse::<Key>().is_err());
        assert_eq!(Key::ctrl('z').to_string(), "Ctrl-Z");
    }

    #[test]
    fn no_default_key_means_two_things() {
        let mut seen = std::collections::HashMap::new();
        for b in DEFAULTS {
            for k in b.keys {
                assert!(seen.insert(*k, b.op).is_none(), "{k} is bound twice");
            }
        }
    }

    #[test]
    fn the_readme_documents_every_action_and_key() {
        let readme = include_str!("../../README.md");
        for b in DEFAULTS {
            let name = serde_json::to_value(b.op).unwrap();
            let name = name.as_str().unwrap();
            assert!(
                readme.contains(&format!("`{name}`")),
                "README lacks the action name `{name}`"
            );
            for k in b.keys {
                let shown = match k.code {
                    KeyCode::Char(' ') => "Space".to_owned(),
                    KeyCode::Up | KeyCode::Down => continue,
                    _ => k.to_string(),
                };
                assert!(
                    readme.contains(&format!("`{shown}`")),
                    "README lacks the key `{shown}` of {name}"
                );
            }
        }
    }

    #[test]
    fn every_op_a_footer_offers_has_its_words() {
        for op in footer::NOTETAKER
            .iter()
            .chain(footer::PROJECTOR)
            .chain(footer::VIEWER)
        {
            for lang in [Language::Id, Language::En] {
                assert!(keys::hint(*op, lang).is_some(), "{op:?} has no hint");
            }
        }
    }

    #[test]
    fn overrides_take_the_key_from_other_actions() {
        let mut o = BTreeMap::new();
        o.insert(Op::NextItem, vec![Key::ch('s')]);
        let map = Keymap::with_overrides(&o);
        assert_eq!(map.op(Key::ch('s')), Some(Op::NextItem));
        assert_eq!(map.op(Key::ch('n')), None);
        assert!(map.keys(Op::CallNext).is_empty());
    }
}
