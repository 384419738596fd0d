//! The config file: `config.toml` in the platform config dir (or the file
//! `FGD_CONFIG` names). Keys, theme and language:
//!
//! ```toml
//! language = "en"             # screen language; default: the session's
//! theme = "high-contrast"     # default | high-contrast | no-color
//! [keys]
//! next_item = ["n", "ctrl-n"] # an action and its keys (see `?`)
//! undo = "u"
//! [confirm]                   # ops a role's terminal asks `y` before
//! notetaker = ["next_item", "defer_item", "start_item", "skip_item", "start_pause", "call_next", "call_speaker"]
//! facilitator = []
//! ``` Must not touch the terminal or the store.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::keymap::{Key, Keymap, Op, UnknownKey};
use super::theme::ThemeName;
use crate::domain::Language;

/// The settings in force.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Screen language, if set (else the session's).
    pub language: Option<Language>,
    /// Palette.
    pub theme: ThemeName,
    /// Keys.
    pub keymap: Keymap,
    /// Plans directory (`plans/` beside the config file).
    pub plans_dir: Option<PathBuf>,
    /// The ops each role's terminal asks `y` before (`[confirm]`).
    pub asks: Asks,
}

/// The ops a terminal asks `y` before running, per role (`[confirm]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asks {
    /// The facilitator's terminal (default: none).
    pub facilitator: Vec<Op>,
    /// The notetaker's terminal (default: moving the agenda, pausing,
    /// giving the floor).
    pub notetaker: Vec<Op>,
}

/// What a notetaker's terminal asks before by default: the ops that move
/// the agenda, start or pause the session, or give the floor.
pub const NOTETAKER_ASKS: &[Op] = &[
    Op::NextItem,
    Op::DeferItem,
    Op::StartItem,
    Op::SkipItem,
    Op::StartPause,
    Op::CallNext,
    Op::CallSpeaker,
];

impl Default for Asks {
    fn default() -> Asks {
        Asks {
            facilitator: Vec::new(),
            notetaker: NOTETAKER_ASKS.to_vec(),
        }
    }
}

impl Asks {
    /// The ops `role`'s terminal asks before (a viewer runs nothing).
    pub fn of(&self, role: super::app::Role) -> &[Op] {
        match role {
            super::app::Role::Facilitator => &self.facilitator,
            super::app::Role::Notetaker => &self.notetaker,
            super::app::Role::Viewer => &[],
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    language: Option<String>,
    theme: Option<ThemeName>,
    #[serde(default)]
    keys: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    confirm: RawConfirm,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfirm {
    facilitator: Option<Vec<String>>,
    notetaker: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Why the config file can't be used; each names the file (and the line
/// and column of a syntax error).
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but can't be read.
    #[error("{file}: can't read the config: {source}")]
    Read {
        /// The file.
        file: String,
        /// Why.
        source: std::io::Error,
    },
    /// Not TOML, or not the config's shape.
    #[error("{file}{at}: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// `:LINE:COL`, when known.
        at: String,
        /// What the TOML reader said.
        message: String,
    },
    /// An unknown language.
    #[error("{file}: {message}")]
    Language {
        /// The file.
        file: String,
        /// What is wrong with it.
        message: String,
    },
    /// A name in `[keys]` that is no op.
    #[error(
        "{file}: unknown action `{name}` in [keys]; the `?` help lists them (e.g. next_item, undo)"
    )]
    UnknownOp {
        /// The file.
        file: String,
        /// The name written.
        name: String,
    },
    /// A name in `[confirm]` that is no op.
    #[error(
        "{file}: unknown action `{name}` in [confirm]; the `?` help lists them (e.g. next_item, start_pause)"
    )]
    UnknownConfirm {
        /// The file.
        file: String,
        /// The name written.
        name: String,
    },
    /// A key that names no key.
    #[error("{file}: [keys] {name}: {source}")]
    Key {
        /// The file.
        file: String,
        /// The op it was for.
        name: String,
        /// The key.
        source: UnknownKey,
    },
}

/// The message the command line prints (it takes any text).
impl From<ConfigError> for String {
    fn from(e: ConfigError) -> String {
        e.to_string()
    }
}

/// Where the config file is: `FGD_CONFIG`, else `CONFIG_DIR/config.toml`.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FGD_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "fgd").map(|d| d.config_dir().join("config.toml"))
}

/// Reads the config at `path`; no file means the defaults.
pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    let plans_dir = path.parent().map(|d| d.join("plans"));
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Config {
                plans_dir,
                ..Config::default()
            });
        }
        Err(source) => {
            return Err(ConfigError::Read {
                file: path.display().to_string(),
                source,
            });
        }
    };
    parse(&text, &path.display().to_string()).map(|c| Config { plans_dir, ..c })
}

/// Parses config text; errors name the file.
pub fn parse(text: &str, file: &str) -> Result<Config, ConfigError> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|s| {
            let before = &text[..s.start.min(text.len())];
            format!(
                ":{}:{}",
                before.matches('\n').count() + 1,
                before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1
            )
        });
        ConfigError::Syntax {
            file: file.to_owned(),
            at: at.unwrap_or_default(),
            message: e.message().trim().to_owned(),
        }
    })?;
    let language = raw
        .language
        .map(|l| {
            l.parse::<Language>()
                .map_err(|message| ConfigError::Language {
                    file: file.to_owned(),
                    message,
                })
        })
        .transpose()?;
    let mut overrides = BTreeMap::new();
    for (name, keys) in raw.keys {
        let op = op_named(&name).ok_or_else(|| ConfigError::UnknownOp {
            file: file.to_owned(),
            name: name.clone(),
        })?;
        let keys = match keys {
            OneOrMany::One(k) => vec![k],
            OneOrMany::Many(ks) => ks,
        };
        let keys: Vec<Key> = keys
            .iter()
            .map(|k| {
                k.parse::<Key>().map_err(|source| ConfigError::Key {
                    file: file.to_owned(),
                    name: name.clone(),
                    source,
                })
            })
            .collect::<Result<_, _>>()?;
        overrides.insert(op, keys);
    }
    Ok(Config {
        language,
        theme: raw.theme.unwrap_or_default(),
        keymap: Keymap::with_overrides(&overrides),
        plans_dir: None,
        asks: asks(raw.confirm, file)?,
    })
}

fn op_named(name: &str) -> Option<Op> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// `[confirm]`: a role left out keeps its default.
fn asks(raw: RawConfirm, file: &str) -> Result<Asks, ConfigError> {
    let ops = |names: Vec<String>| -> Result<Vec<Op>, ConfigError> {
        names
            .iter()
            .map(|n| {
                op_named(n).ok_or_else(|| ConfigError::UnknownConfirm {
                    file: file.to_owned(),
                    name: n.clone(),
                })
            })
            .collect()
    };
    let mut asks = Asks::default();
    if let Some(names) = raw.facilitator {
        asks.facilitator = ops(names)?;
    }
    if let Some(names) = raw.notetaker {
        asks.notetaker = ops(names)?;
    }
    Ok(asks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_keys_theme_and_language() {
        let c = parse("language = \"en\"\ntheme = \"high-contrast\"\n[keys]\nnext_item = [\"N\", \"ctrl-n\"]\nundo = \"z\"\n", "c.toml").unwrap();
        assert_eq!(c.language, Some(Language::En));
        assert_eq!(c.theme, ThemeName::HighContrast);
        assert_eq!(c.keymap.op(Key::ch('N')), Some(Op::NextItem));
        assert_eq!(c.keymap.op(Key::ctrl('n')), Some(Op::NextItem));
        assert_eq!(c.keymap.op(Key::ch('z')), Some(Op::Undo));
        assert_eq!(c.keymap.op(Key::ch('n')), None);
    }

    #[test]
    fn confirm_is_per_role_with_a_safe_default() {
        use crate::tui::app::Role;
        let c = parse("", "c.toml").unwrap();
        assert!(c.asks.of(Role::Notetaker).contains(&Op::NextItem));
        assert!(c.asks.of(Role::Facilitator).is_empty());
        let c = parse(
            "[confirm]\nfacilitator = [\"next_item\"]\nnotetaker = []\n",
            "c.toml",
        )
        .unwrap();
        assert_eq!(c.asks.of(Role::Facilitator), &[Op::NextItem]);
        assert!(c.asks.of(Role::Notetaker).is_empty());
        let e = parse("[confirm]\nnotetaker = [\"warp\"]\n", "c.toml").unwrap_err();
        assert!(
            e.to_string().contains("unknown action `warp` in [confirm]"),
            "{e}"
        );
    }

    #[test]
    fn errors_name_the_file_and_what_is_wrong() {
        assert!(
            parse("[keys]\nwarp = \"w\"\n", "c.toml")
                .unwrap_err()
                .to_string()
                .contains("unknown action `warp`")
        );
        assert!(
            parse("[keys]\nundo = \"hyper-q\"\n", "c.toml")
                .unwrap_err()
                .to_string()
                .contains("unknown key")
        );
        assert!(
            parse("colour = 1\n", "c.toml")
                .unwrap_err()
                .to_string()
                .starts_with("c.toml:1:1:")
        );
        assert!(
            parse("theme = \"neon\"\n", "c.toml")
                .unwrap_err()
                .to_string()
                .contains("c.toml")
        );
    }
}
