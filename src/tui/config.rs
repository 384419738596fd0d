//! The config file: `config.toml` in the platform config dir (or the file
//! `FGD_CONFIG` names). Keys, theme and language:
//!
//! ```toml
//! language = "en"             # screen language; default: the session's
//! theme = "high-contrast"     # default | high-contrast | no-color
//! [keys]
//! next_item = ["n", "ctrl-n"] # an action and its keys (see `?`)
//! undo = "u"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::keymap::{Key, Keymap, Op};
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
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    language: Option<String>,
    theme: Option<ThemeName>,
    #[serde(default)]
    keys: BTreeMap<String, OneOrMany>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Where the config file is: `FGD_CONFIG`, else `CONFIG_DIR/config.toml`.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("FGD_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "fgd").map(|d| d.config_dir().join("config.toml"))
}

/// Reads the config at `path`; no file means the defaults.
pub fn load(path: Option<&Path>) -> Result<Config, String> {
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
        Err(e) => return Err(format!("{}: can't read the config: {e}", path.display())),
    };
    parse(&text, &path.display().to_string()).map(|c| Config { plans_dir, ..c })
}

/// Parses config text; errors name the file.
pub fn parse(text: &str, file: &str) -> Result<Config, String> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|s| {
            let before = &text[..s.start.min(text.len())];
            format!(
                ":{}:{}",
                before.matches('\n').count() + 1,
                before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1
            )
        });
        format!("{file}{}: {}", at.unwrap_or_default(), e.message().trim())
    })?;
    let language = raw
        .language
        .map(|l| l.parse::<Language>().map_err(|e| format!("{file}: {e}")))
        .transpose()?;
    let mut overrides = BTreeMap::new();
    for (name, keys) in raw.keys {
        let op: Op = serde_json::from_value(serde_json::Value::String(name.clone()))
            .map_err(|_| format!("{file}: unknown action `{name}` in [keys]; the `?` help lists them (e.g. next_item, undo)"))?;
        let keys = match keys {
            OneOrMany::One(k) => vec![k],
            OneOrMany::Many(ks) => ks,
        };
        let keys: Vec<Key> = keys
            .iter()
            .map(|k| {
                k.parse::<Key>()
                    .map_err(|e| format!("{file}: [keys] {name}: {e}"))
            })
            .collect::<Result<_, _>>()?;
        overrides.insert(op, keys);
    }
    Ok(Config {
        language,
        theme: raw.theme.unwrap_or_default(),
        keymap: Keymap::with_overrides(&overrides),
        plans_dir: None,
    })
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
    fn errors_name_the_file_and_what_is_wrong() {
        assert!(
            parse("[keys]\nwarp = \"w\"\n", "c.toml")
                .unwrap_err()
                .contains("unknown action `warp`")
        );
        assert!(
            parse("[keys]\nundo = \"hyper-q\"\n", "c.toml")
                .unwrap_err()
                .contains("unknown key")
        );
        assert!(
            parse("colour = 1\n", "c.toml")
                .unwrap_err()
                .starts_with("c.toml:1:1:")
        );
        assert!(
            parse("theme = \"neon\"\n", "c.toml")
                .unwrap_err()
                .contains("c.toml")
        );
    }
}
