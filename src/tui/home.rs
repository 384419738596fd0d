//! The home screen (`fgd` with no arguments): sessions to resume, the one
//! used last first, each with its whole id (a session another terminal
//! hosts is offered to join), and plans to start from (bundled, `./sessions/`, and the config
//! dir's `plans/`), with or without following up a saved session, or a
//! blank session.
//! Must not open the store itself beyond listing (a session is created through
//! the `Create` it is given).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use tui_input::{Input, InputRequest};

use super::keymap::{Key, Keymap, Op};
use super::theme::Theme;
use super::view::text::fit;
use crate::domain::Language;
use crate::i18n::screen::{Words, words};
use crate::plan::{self, Plan, PlanError};
use crate::store::{DataDir, Meta};

/// A plan the home screen offers.
#[derive(Debug, Clone)]
pub struct Offer {
    /// Name shown (file stem).
    pub name: String,
    /// Its title, or why it can't be used.
    pub plan: Result<Plan, Unusable>,
}

/// Why a plan file can't be offered.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Unusable {
    /// The file can't be read.
    #[error("{0}")]
    Read(std::sync::Arc<std::io::Error>),
    /// The plan has an error (the first one found).
    #[error("{0}")]
    Plan(PlanError),
}

/// Makes a session from a plan (following up a session id, if given) and
/// returns its id, or why it could not.
pub type Create<'a> = dyn FnMut(&Plan, Option<&str>) -> Result<String, String> + 'a;

/// What the user chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Open this session.
    Open(String),
    /// Join this session, which another terminal hosts, in this role.
    Join(String, super::app::Role),
}

/// The home screen's state.
pub struct Home {
    /// Sessions, newest first.
    pub sessions: Vec<Meta>,
    /// Plans; the last row is the blank session.
    pub plans: Vec<Offer>,
    /// 0: sessions, 1: plans.
    pub focus: usize,
    /// Selection per list.
    pub sel: [usize; 2],
    /// The session chosen to follow up, if any.
    pub follow_up: Option<String>,
    /// Typing a blank session's title.
    pub title_input: Option<Input>,
    /// A session another terminal hosts, offered to join (`n` notetaker,
    /// `v` viewer, `Esc` no).
    pub join_offer: Option<String>,
    /// Message.
    pub flash: Option<(String, bool)>,
    /// Done: quit or a choice.
    pub quit: bool,
    /// The choice made.
    pub choice: Option<Choice>,
    /// Words.
    pub lang: Language,
    /// Styles.
    pub theme: Theme,
    /// Keys.
    pub keymap: Keymap,
}

/// The plans to offer: plan files in `dirs` (invalid ones with their error),
/// then the bundled plans not shadowed by a file of the same name.
pub fn offers(dirs: &[PathBuf]) -> Vec<Offer> {
    let mut out: Vec<Offer> = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for f in files {
            let name = f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if out.iter().any(|o| o.name == name) {
                continue;
            }
            let plan = std::fs::read_to_string(&f)
                .map_err(|e| Unusable::Read(std::sync::Arc::new(e)))
                .and_then(|src| {
                    plan::parse(&src, &f.display().to_string())
                        .map_err(|e| Unusable::Plan(e[0].clone()))
                });
            out.push(Offer { name, plan });
        }
    }
    for (name, src) in plan::BUNDLED {
        if !out.iter().any(|o| o.name == *name) {
            out.push(Offer {
                name: (*name).to_owned(),
                plan: plan::parse(src, name).map_err(|e| Unusable::Plan(e[0].clone())),
            });
        }
    }
    out
}

impl Home {
    /// The home screen over a data directory.
    pub fn new(
        data: &DataDir,
        plan_dirs: &[PathBuf],
        lang: Language,
        theme: Theme,
        keymap: Keymap,
    ) -> Home {
        let mut sessions = by_last_use(data.list().unwrap_or_default());
        super::home_series::group(&mut sessions);
        let focus = usize::from(sessions.is_empty());
        Home {
            sessions,
            plans: offers(plan_dirs),
            focus,
            sel: [0, 0],
            follow_up: None,
            title_input: None,
            join_offer: None,
            flash: None,
            quit: false,
            choice: None,
            lang,
            theme,
            keymap,
        }
    }

    fn words(&self) -> &'static Words {
        words(self.lang)
    }

    /// Back from a session: the list read again (the one just used on
    /// top, selected), nothing chosen.
    pub fn refresh(&mut self, data: &DataDir) {
        self.sessions = by_last_use(data.list().unwrap_or_default());
        self.choice = None;
        self.quit = false;
        self.focus = usize::from(self.sessions.is_empty());
        self.sel[0] = 0;
    }

    /// Offers to join session `id`, which another terminal hosts.
    pub fn offer_join(&mut self, id: String) {
        self.join_offer = Some(id);
    }

    /// A key while a join is offered: `n` notetaker, `v` viewer, `Esc` no.
    fn join_key(&mut self, id: String, ev: KeyEvent) {
        use super::app::Role;
        match ev.code {
            KeyCode::Char('n' | 'N') => self.choice = Some(Choice::Join(id, Role::Notetaker)),
            KeyCode::Char('v' | 'V') => self.choice = Some(Choice::Join(id, Role::Viewer)),
            KeyCode::Esc => {}
            _ => self.join_offer = Some(id),
        }
    }

    fn len(&self, list: usize) -> usize {
        if list == 0 {
            self.sessions.len()
        } else {
            self.plans.len() + 1
        }
    }

    /// Creates a session from a plan or a blank one through `create`, then
    /// chooses it.
    fn start(&mut self, plan: &Plan, create: &mut Create<'_>) {
        match create(plan, self.follow_up.as_deref()) {
            Ok(id) => self.choice = Some(Choice::Open(id)),
            Err(e) => self.flash = Some((e, true)),
        }
    }

    /// Handles a key; `create` makes a session from a plan (and a follow-up id).
    pub fn key(&mut self, ev: KeyEvent, create: &mut Create<'_>) {
        self.flash = None;
        if let Some(id) = self.join_offer.take() {
            self.join_key(id, ev);
            return;
        }
        if let Some(mut input) = self.title_input.take() {
            match ev.code {
                KeyCode::Esc => {}
                KeyCode::Enter => {
                    let plan = Plan::blank(input.value());
                    self.start(&plan, create);
                    if self.choice.is_none() {
                        self.title_input = Some(input);
                    }
                }
                KeyCode::Backspace => {
                    input.handle(InputRequest::DeletePrevChar);
                    self.title_input = Some(input);
                }
                KeyCode::Char(c) => {
                    input.handle(InputRequest::InsertChar(c));
                    self.title_input = Some(input);
                }
                _ => self.title_input = Some(input),
            }
            return;
        }
        let n = self.len(self.focus);
        let sel = &mut self.sel[self.focus];
        match (ev.code, self.keymap.op(Key::of(ev))) {
            (_, Some(Op::Quit)) => self.quit = true,
            (_, Some(Op::NextPanel | Op::PrevPanel)) => self.focus = 1 - self.focus,
            (_, Some(Op::Up)) => *sel = sel.saturating_sub(1),
            (_, Some(Op::Down)) => *sel = (*sel + 1).min(n.saturating_sub(1)),
            (_, Some(Op::SwitchLanguage)) => {
                self.lang = if self.lang == Language::Id {
                    Language::En
                } else {
                    Language::Id
                };
            }
            (_, Some(Op::Cancel)) => self.follow_up = None,
            (KeyCode::Char('N'), _) if self.focus == 0 => {
                super::home_series::next_meeting(self, create);
            }
            (KeyCode::Char('f'), _) if self.focus == 0 => {
                if let Some(m) = self.sessions.get(*sel) {
                    self.follow_up = Some(m.id.clone());
                    self.focus = 1;
                }
            }
            (_, Some(Op::Open)) => {
                let i = *sel;
                if self.focus == 0 {
                    if let Some(m) = self.sessions.get(i) {
                        self.choice = Some(Choice::Open(m.id.clone()));
                    }
                } else if i == self.plans.len() {
                    self.title_input = Some(Input::default());
                } else if let Some(offer) = self.plans.get(i) {
                    match offer.plan.clone() {
                        Ok(plan) => self.start(&plan, create),
                        Err(e) => self.flash = Some((e.to_string(), true)),
                    }
                }
            }
            _ => {}
        }
    }

    /// Draws the home screen.
    pub fn draw(&self, frame: &mut Frame<'_>, _now: DateTime<Utc>) {
        let w = self.words();
        let t = &self.theme;
        let area = frame.area();
        frame.render_widget(Block::new().style(t.base), area);
        let [title, body, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(Line::styled(w.home_title, t.title)), title);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(body);
        let session_rows = self.session_rows(left.width as usize);
        self.list(0, w.home_sessions, &session_rows, left, frame);
        let plans_title = match &self.follow_up {
            Some(id) => format!("{} · {} {id}", w.home_plans, w.home_follow_up),
            None => w.home_plans.to_owned(),
        };
        self.list(1, &plans_title, &self.plan_rows(), right, frame);
        frame.render_widget(Paragraph::new(self.footer(footer.width as usize)), footer);
    }

    /// List `i` (0: sessions, 1: plans) under its title, its selection
    /// kept in view.
    fn list(&self, i: usize, name: &str, rows: &[String], area: Rect, frame: &mut Frame<'_>) {
        let t = &self.theme;
        let focused = self.focus == i;
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(if focused { t.focus } else { t.border })
            .title(Span::styled(
                format!("{} {name} ", if focused { "▸" } else { " " }),
                if focused { t.focus } else { t.title },
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let h = inner.height as usize;
        let start = self.sel[i].saturating_sub(h.saturating_sub(1));
        let lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .skip(start)
            .take(h)
            .map(|(k, r)| {
                let text = fit(r, inner.width as usize);
                if focused && k == self.sel[i] {
                    Line::styled(text, t.selected)
                } else {
                    Line::raw(text)
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }

    /// The saved sessions, id and title with the status at the right.
    fn session_rows(&self, cols: usize) -> Vec<String> {
        let w = self.words();
        let mut rows: Vec<String> = self
            .sessions
            .iter()
            // The whole id first (…-pola and …-pola-2 must differ), then
            // the status, then as much of the title as fits.
            .map(|m| {
                let row = format!(
                    "{}{} [{}] {}",
                    super::home_series::mark(m, self.lang),
                    m.id,
                    w.status(m.status),
                    m.title
                );
                fit(&row, cols.saturating_sub(1))
            })
            .collect();
        if rows.is_empty() {
            rows.push(format!("({})", w.home_none));
        }
        rows
    }

    /// The plans (an unusable one with its error), then the blank session.
    fn plan_rows(&self) -> Vec<String> {
        let mut rows: Vec<String> = self
            .plans
            .iter()
            .map(|o| match &o.plan {
                Ok(p) => format!("{} — {}", o.name, p.title),
                Err(e) => format!("{} ⚠ {e}", o.name),
            })
            .collect();
        rows.push(format!("+ {}", self.words().home_blank));
        rows
    }

    /// The title being typed, else the message, else the keys.
    fn footer(&self, cols: usize) -> Line<'static> {
        let w = self.words();
        let t = &self.theme;
        if let Some(id) = &self.join_offer {
            Line::styled(fit(&crate::i18n::fill(w.home_join, &[id]), cols), t.key)
        } else if let Some(input) = &self.title_input {
            Line::from(vec![
                Span::styled(format!("{}: ", w.field_title), t.key),
                Span::raw(input.value().to_owned()),
            ])
        } else if let Some((msg, err)) = &self.flash {
            Line::styled(fit(msg, cols), if *err { t.error } else { t.active })
        } else {
            Line::styled(fit(w.home_hint, cols), t.dim)
        }
    }
}

/// Sessions by last use: the one whose summary was written last (started,
/// paused, ended…) first.
fn by_last_use(mut sessions: Vec<Meta>) -> Vec<Meta> {
    sessions.sort_by(|a, b| {
        b.updated_at
            .cmp(&a.updated_at)
            .then_with(|| b.id.cmp(&a.id))
    });
    sessions
}

/// The plan directories the home screen reads: `./sessions/` and the config dir's `plans/`.
pub fn plan_dirs(config_plans: Option<&Path>) -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("sessions")];
    dirs.extend(config_plans.map(Path::to_path_buf));
    dirs
}
