//! The terminal screens: the live session view and the home screen. Only
//! this module names the terminal. Keys become domain commands through a
//! [`port::Port`]; views render from state and never change it.

pub mod app;
pub mod config;
pub mod form;
pub mod home;
pub mod keymap;
pub mod port;
pub mod term;
pub mod theme;
pub mod view;
pub mod words;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use crate::domain::Actor;
use crate::engine::{self, Engine};
use crate::store::DataDir;
use app::{App, Role};
use config::Config;
use port::{LocalPort, Port};
use theme::Theme;

impl<P: Port> term::Screen for App<P> {
    fn draw(&self, frame: &mut ratatui::Frame<'_>, now: DateTime<Utc>) {
        view::render(self, now, frame);
    }
    fn key(&mut self, key: KeyEvent, now: DateTime<Utc>) {
        self.handle_key(key, now);
    }
    fn done(&self) -> bool {
        self.quit
    }
    fn version(&self) -> u64 {
        self.session().last_seq
    }
}

fn theme(config: &Config) -> Theme {
    Theme::pick(config.theme, std::env::var("NO_COLOR").ok().as_deref())
}

fn live_app(engine: Engine, config: &Config, out: PathBuf) -> App<LocalPort> {
    let mut app = App::new(
        LocalPort::new(engine, Actor::Facilitator),
        Role::Facilitator,
        config.keymap.clone(),
        theme(config),
        out,
    );
    if let Some(lang) = config.language {
        app.lang = lang;
    }
    app
}

/// `fgd run ID`: the live view as facilitator on an open session.
pub fn run_session(engine: Engine, config: &Config, out: PathBuf) -> std::io::Result<()> {
    let stop = term::Stop::install()?;
    let mut app = live_app(engine, config, out);
    let mut terminal = ratatui::try_init()?;
    let events = term::Events::start();
    let result = term::run(&mut terminal, &mut app, &stop, &events);
    ratatui::restore();
    result
}

struct HomeScreen<'a> {
    home: home::Home,
    data: &'a DataDir,
}

impl term::Screen for HomeScreen<'_> {
    fn draw(&self, frame: &mut ratatui::Frame<'_>, now: DateTime<Utc>) {
        self.home.draw(frame, now);
    }
    fn key(&mut self, key: KeyEvent, now: DateTime<Utc>) {
        let data = self.data;
        let mut create =
            |plan: &crate::plan::Plan, follow_up: Option<&str>| -> Result<String, String> {
                let prev = match follow_up {
                    Some(id) => Some(
                        Engine::open(data, id)
                            .map_err(|e| e.to_string())?
                            .session()
                            .clone(),
                    ),
                    None => None,
                };
                engine::create_from_plan(data, plan, prev.as_ref(), now)
                    .map(|e| e.session().info.id.clone())
                    .map_err(|e| e.to_string())
            };
        self.home.key(key, &mut create);
    }
    fn done(&self) -> bool {
        self.home.quit || self.home.choice.is_some()
    }
}

/// `fgd` with no arguments: the home screen, then the live view of the
/// session chosen or created there.
pub fn run_home(data: &DataDir, config: &Config, out: &std::path::Path) -> std::io::Result<()> {
    let stop = term::Stop::install()?;
    let lang = config.language.unwrap_or_default();
    let home = home::Home::new(
        data,
        &home::plan_dirs(config.plans_dir.as_deref()),
        lang,
        theme(config),
        config.keymap.clone(),
    );
    let mut screen = HomeScreen { home, data };
    let mut terminal = ratatui::try_init()?;
    let events = term::Events::start();
    let result = (|| {
        loop {
            term::run(&mut terminal, &mut screen, &stop, &events)?;
            let Some(home::Choice::Open(id)) = screen.home.choice.take() else {
                return Ok(());
            };
            if stop.requested() {
                return Ok(());
            }
            match Engine::open(data, &id) {
                Ok(engine) => {
                    let mut app = live_app(engine, config, out.to_path_buf());
                    return term::run(&mut terminal, &mut app, &stop, &events);
                }
                Err(e) => screen.home.flash = Some((e.to_string(), true)),
            }
        }
    })();
    ratatui::restore();
    result
}
