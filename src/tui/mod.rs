//! The terminal screens: the live session view and the home screen. Only
//! this module names the terminal. Cut by job: `app` (state and the key
//! router), `ops` (what each keymap op does), `overlay/` (one file per
//! popup: its keys and its drawing), `forms/` (one file per entry form),
//! `view/` (pure rendering, `view/panels/` one file per panel), `keymap`,
//! `form` (the form widget), `home`, `config`, `theme`, `term`. Keys become
//! domain commands through a [`port::Port`]; no store or rule logic here.

pub mod app;
pub mod config;
pub mod draft;
mod follow;
pub mod form;
pub mod forms;
mod guide;
pub mod home;
mod home_series;
pub mod keymap;
pub mod ops;
pub mod overlay;
pub mod port;
pub mod role;
pub mod term;
pub mod theme;
mod undone;
pub mod view;

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
    fn pump(&mut self, now: DateTime<Utc>) -> bool {
        App::pump(self, now)
    }
}

fn theme(config: &Config) -> Theme {
    Theme::pick(config.theme, std::env::var("NO_COLOR").ok().as_deref())
}

fn live_app<P: Port>(port: P, role: Role, config: &Config, out: PathBuf) -> App<P> {
    let mut app = App::new(port, role, config.keymap.clone(), theme(config), out);
    app.asks = config.asks.of(role).to_vec();
    if let Some(lang) = config.language {
        app.lang = lang;
    }
    app.restore_draft();
    app
}

/// The facilitator's port: the engine, hosting other terminals when the
/// socket can be made (if it can't, the session runs alone and says why).
fn host_port(engine: Engine, events: &term::Events) -> (LocalPort, Option<std::io::Error>) {
    #[cfg(unix)]
    {
        match crate::live::Host::start(engine.store().dir(), events.waker()) {
            Ok(host) => (
                LocalPort::new(engine, Actor::Facilitator).with_host(host),
                None,
            ),
            Err(e) => (LocalPort::new(engine, Actor::Facilitator), Some(e)),
        }
    }
    #[cfg(not(unix))]
    {
        let _ = events;
        (LocalPort::new(engine, Actor::Facilitator), None)
    }
}

/// `fgd run ID`: the live view as facilitator on an open session, hosting
/// `fgd join`.
pub fn run_session(engine: Engine, config: &Config, out: PathBuf) -> std::io::Result<()> {
    let stop = term::Stop::install()?;
    let events = term::Events::start();
    let (port, problem) = host_port(engine, &events);
    let mut app = live_app(port, Role::Facilitator, config, out);
    app.flash_problem(problem);
    let mut terminal = ratatui::try_init()?;
    let result = term::run(&mut terminal, &mut app, &stop, &events);
    ratatui::restore();
    result
}

/// `fgd join ID`: a second terminal on a session another `fgd run` hosts.
/// `connect` makes the client once the terminal's wake handle exists.
#[cfg(unix)]
pub fn run_join(
    connect: impl FnOnce(crate::live::Wake) -> Result<crate::live::Client, crate::live::JoinError>,
    role: Role,
    config: &Config,
    out: PathBuf,
    session_dir: &std::path::Path,
) -> Result<std::io::Result<()>, crate::live::JoinError> {
    let stop = term::Stop::install().map_err(crate::live::JoinError::Io)?;
    let events = term::Events::start();
    let client = connect(events.waker())?;
    let port = port::RemotePort::new(client).with_drafts(session_dir);
    let mut app = live_app(port, role, config, out);
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    let result = term::run(&mut terminal, &mut app, &stop, &events);
    ratatui::restore();
    Ok(result)
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
        let lang = self.home.lang;
        // Errors in the screen's language.
        let mut create = |plan: &crate::plan::Plan,
                          follow_up: Option<&str>|
         -> Result<String, String> {
            let prev = match follow_up {
                Some(id) => Some(
                    Engine::open(data, id)
                        .map_err(|e| crate::i18n::errors::store(lang, &e))?
                        .session()
                        .clone(),
                ),
                None => None,
            };
            engine::create_from_plan(data, plan, prev.as_ref(), now)
                .map(|e| e.session().info.id.clone())
                .map_err(|e| match e {
                    engine::CreateError::Refused(why) => crate::i18n::refusals::refusal(lang, &why),
                    engine::CreateError::Store(e) => crate::i18n::errors::store(lang, &e),
                })
        };
        self.home.key(key, &mut create);
    }
    fn done(&self) -> bool {
        self.home.quit || self.home.choice.is_some()
    }
}

/// `fgd` with no arguments: the home screen, then the live view of the
/// session chosen or created there (or joined, when another terminal hosts
/// it); quitting a session comes back here.
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
            let Some(choice) = screen.home.choice.take() else {
                return Ok(());
            };
            if stop.requested() {
                return Ok(());
            }
            let lang = screen.home.lang;
            match choice {
                home::Choice::Open(id) => match Engine::open(data, &id) {
                    Ok(engine) => {
                        let (port, problem) = host_port(engine, &events);
                        let mut app = live_app(port, Role::Facilitator, config, out.to_path_buf());
                        app.flash_problem(problem);
                        term::run(&mut terminal, &mut app, &stop, &events)?;
                    }
                    Err(crate::store::StoreError::Locked { joinable: true, .. }) => {
                        screen.home.offer_join(id);
                        continue;
                    }
                    Err(e) => {
                        screen.home.flash = Some((crate::i18n::errors::store(lang, &e), true));
                        continue;
                    }
                },
                home::Choice::Join(id, role) => {
                    if let Err(why) =
                        join_from_home(data, &id, role, config, out, &mut terminal, &stop, &events)
                    {
                        screen.home.flash =
                            Some((crate::i18n::errors::join(lang, &id, &why), true));
                        continue;
                    }
                }
            }
            if stop.requested() {
                return Ok(());
            }
            screen.home.refresh(data);
        }
    })();
    ratatui::restore();
    result
}

/// Joins, from the home screen, session `id` that another terminal hosts;
/// returns when this terminal quits it.
#[allow(clippy::too_many_arguments)] // the home loop's pieces, passed through
fn join_from_home(
    data: &DataDir,
    id: &str,
    role: Role,
    config: &Config,
    out: &std::path::Path,
    terminal: &mut ratatui::DefaultTerminal,
    stop: &term::Stop,
    events: &term::Events,
) -> Result<(), crate::live::JoinError> {
    #[cfg(unix)]
    {
        let path = crate::live::socket_path(&data.session_dir(id))?;
        let client = crate::live::Client::connect(&path, role.actor(), events.waker())?;
        let mut app = live_app(
            port::RemotePort::new(client).with_drafts(&data.session_dir(id)),
            role,
            config,
            out.to_path_buf(),
        );
        term::run(terminal, &mut app, stop, events)?;
        Ok(())
    }
    #[cfg(not(unix))]
    {
        let _ = (data, id, role, config, out, terminal, stop, events);
        Err(crate::live::JoinError::NotLive)
    }
}
