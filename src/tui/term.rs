//! The terminal: raw mode and the alternate screen, always restored (on quit,
//! error, panic, SIGTERM and SIGHUP), and the event loop that redraws only
//! when something changed or a displayed second ticked.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{Timelike, Utc};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

/// Set by SIGTERM / SIGHUP; the loop then leaves and restores the terminal.
#[derive(Debug, Clone)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    /// Registers the signal handlers.
    pub fn install() -> io::Result<Stop> {
        let flag = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
            signal_hook::flag::register(sig, Arc::clone(&flag))?;
        }
        Ok(Stop(flag))
    }

    /// Whether a stop was asked for.
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// A screen the loop can drive.
pub trait Screen {
    /// Draws the screen.
    fn draw(&self, frame: &mut ratatui::Frame<'_>, now: chrono::DateTime<Utc>);
    /// Handles a key.
    fn key(&mut self, key: event::KeyEvent, now: chrono::DateTime<Utc>);
    /// Whether it is done.
    fn done(&self) -> bool;
    /// A number that changes whenever something it shows changed by itself
    /// (e.g. another terminal's command).
    fn version(&self) -> u64 {
        0
    }
}

/// Terminal events, read on a thread of their own. crossterm's `poll` never
/// returns once the terminal is gone (it spins on end of input), so the loop
/// waits on this channel instead, where a stop signal or a failed write to
/// the vanished terminal still ends it.
pub struct Events {
    rx: std::sync::mpsc::Receiver<Event>,
}

impl Events {
    /// Starts the reader thread (once per process).
    pub fn start() -> Events {
        let (tx, rx) = std::sync::mpsc::sync_channel(256);
        std::thread::spawn(move || {
            while let Ok(ev) = event::read() {
                if tx.send(ev).is_err() {
                    break;
                }
            }
        });
        Events { rx }
    }
}

/// Runs `screen` until it is done or a stop signal arrives.
pub fn run(
    terminal: &mut DefaultTerminal,
    screen: &mut dyn Screen,
    stop: &Stop,
    events: &Events,
) -> io::Result<()> {
    let mut dirty = true;
    let mut shown_second = None;
    let mut shown_version = screen.version();
    loop {
        let now = Utc::now();
        let second = now.timestamp();
        if dirty || shown_second != Some(second) || shown_version != screen.version() {
            terminal.draw(|f| screen.draw(f, now))?;
            dirty = false;
            shown_second = Some(second);
            shown_version = screen.version();
        }
        if screen.done() || stop.requested() {
            return Ok(());
        }
        // Wake at the next second boundary, or sooner for a key; at most
        // 250 ms so a stop signal is seen promptly.
        let to_next = 1_000 - u64::from(now.nanosecond() / 1_000_000).min(999);
        match events
            .rx
            .recv_timeout(Duration::from_millis(to_next.min(250)))
        {
            Ok(Event::Key(k)) => {
                screen.key(k, Utc::now());
                dirty = true;
            }
            Ok(Event::Resize(..)) => dirty = true,
            Ok(_) | Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the terminal is gone",
                ));
            }
        }
    }
}
