//! Styles by meaning. Every state is also told by text or a marker (▶ ✓ ⏸
//! LEWAT/OVER), so nothing depends on colour alone; `NO_COLOR` keeps bold,
//! reverse and underline only. Must not know what is drawn with them.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// Which palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// Calm colours for a laptop or a good projector.
    #[default]
    Default,
    /// White on black, bold, for a washed-out projector.
    HighContrast,
    /// No colours at all (also chosen by the `NO_COLOR` environment variable).
    NoColor,
}

/// The styles the views use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Which palette this is.
    pub name: ThemeName,
    /// Ordinary text.
    pub base: Style,
    /// Panel titles and headings.
    pub title: Style,
    /// Less important text (done items, hints).
    pub dim: Style,
    /// The active agenda item, the speaker.
    pub active: Style,
    /// The selected row of the focused panel.
    pub selected: Style,
    /// Overrun, over the turn limit, overdue.
    pub over: Style,
    /// A border.
    pub border: Style,
    /// The focused panel's border.
    pub focus: Style,
    /// Banners: paused, ended, disconnected.
    pub banner: Style,
    /// Error messages.
    pub error: Style,
    /// Key names in hints.
    pub key: Style,
}

impl Theme {
    /// The theme with this name.
    pub fn named(name: ThemeName) -> Theme {
        let bold = Modifier::BOLD;
        match name {
            ThemeName::Default => Theme {
                name,
                base: Style::new(),
                title: Style::new().fg(Color::Cyan).add_modifier(bold),
                dim: Style::new().fg(Color::DarkGray),
                active: Style::new().fg(Color::Green).add_modifier(bold),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                over: Style::new().fg(Color::Red).add_modifier(bold),
                border: Style::new().fg(Color::DarkGray),
                focus: Style::new().fg(Color::Cyan),
                banner: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(bold),
                error: Style::new().fg(Color::Red).add_modifier(bold),
                key: Style::new().fg(Color::Yellow),
            },
            ThemeName::HighContrast => Theme {
                name,
                base: Style::new().fg(Color::White).bg(Color::Black),
                title: Style::new()
                    .fg(Color::White)
                    .bg(Color::Black)
                    .add_modifier(bold | Modifier::UNDERLINED),
                dim: Style::new().fg(Color::Gray).bg(Color::Black),
                active: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(bold),
                selected: Style::new()
                    .fg(Color::Black)
                    .bg(Color::White)
                    .add_modifier(bold),
                over: Style::new()
                    .fg(Color::Black)
                    .bg(Color::LightRed)
                    .add_modifier(bold),
                border: Style::new().fg(Color::White).bg(Color::Black),
                focus: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(bold),
                banner: Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(bold),
                error: Style::new()
                    .fg(Color::Black)
                    .bg(Color::LightRed)
                    .add_modifier(bold),
                key: Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(bold),
            },
            ThemeName::NoColor => Theme {
                name,
                base: Style::new(),
                title: Style::new().add_modifier(bold),
                dim: Style::new(),
                active: Style::new().add_modifier(bold),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                over: Style::new().add_modifier(bold | Modifier::UNDERLINED),
                border: Style::new(),
                focus: Style::new().add_modifier(bold),
                banner: Style::new().add_modifier(Modifier::REVERSED | bold),
                error: Style::new().add_modifier(bold | Modifier::UNDERLINED),
                key: Style::new().add_modifier(bold),
            },
        }
    }

    /// The theme to use: `NO_COLOR` (set and not empty) wins over the configured one.
    pub fn pick(configured: ThemeName, no_color_env: Option<&str>) -> Theme {
        if no_color_env.is_some_and(|v| !v.is_empty()) {
            Theme::named(ThemeName::NoColor)
        } else {
            Theme::named(configured)
        }
    }
}
