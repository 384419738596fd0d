//! The terminal: raw mode and the alternate screen, always restored (on quit,
//! error, panic, SIGTERM, SIGHUP, SIGINT and SIGQUIT), and the event loop that redraws only
//! when something changed or a displayed second ticked.
//! Must not know what a screen shows.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{Timelike, Utc};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};

/// Set by SIGTERM / SIGHUP / SIGINT / SIGQUIT; the loop then leaves and restores the terminal.
#[derive(Debug, Clone)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    /// Registers the signal handlers: SIGTERM, SIGHUP, SIGINT and SIGQUIT
    /// (sent from outside; in raw mode Ctrl-C is a key) set the flag. A
    /// second SIGINT or SIGQUIT while the flag is set acts as it would
    /// without fgd's handler, so a screen that is stuck can still be ended.
    pub fn install() -> io::Result<Stop> {
        let flag = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
            for sig in [SIGINT, SIGQUIT] {
                signal_hook::flag::register_conditional_default(sig, Arc::clone(&flag))?;
            }
            for sig in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
                signal_hook::flag::register(sig, Arc::clone(&flag))?;
            }
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
    /// Takes in what changed by itself (another terminal's command, a lost
    /// or regained connection); true when the screen must be redrawn.
    fn pump(&mut self, _now: chrono::DateTime<Utc>) -> bool {
        false
    }
}

/// What wakes the loop: a terminal event, or another thread with news.
enum Input {
    Term(Event),
    Wake,
}

/// Terminal events, read on a thread of their own. crossterm's `poll` never
/// returns once the terminal is gone (it spins on end of input), so the loop
/// waits on this channel instead, where a stop signal or a failed write to
/// the vanished terminal still ends it.
pub struct Events {
    rx: std::sync::mpsc::Receiver<Input>,
    tx: std::sync::mpsc::SyncSender<Input>,
}

impl Events {
    /// Starts the reader thread (once per process).
    pub fn start() -> Events {
        let (tx, rx) = std::sync::mpsc::sync_channel(256);
        let keys = tx.clone();
        std::thread::spawn(move || {
            while let Ok(ev) = event::read() {
                if keys.send(Input::Term(ev)).is_err() {
                    break;
                }
            }
        });
        Events { rx, tx }
    }

    /// A handle other threads call to wake the loop (it then pumps the
    /// screen). Wakes that arrive while one is pending are merged.
    pub fn waker(&self) -> Arc<dyn Fn() + Send + Sync> {
        let tx = self.tx.clone();
        Arc::new(move || {
            let _ = tx.try_send(Input::Wake);
        })
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
    loop {
        let now = Utc::now();
        let second = now.timestamp();
        dirty |= screen.pump(now);
        if dirty || shown_second != Some(second) {
            terminal.draw(|f| screen.draw(f, now))?;
            dirty = false;
            shown_second = Some(second);
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
            Ok(Input::Term(Event::Key(k))) => {
                screen.key(k, Utc::now());
                dirty = true;
            }
            Ok(Input::Term(Event::Resize(..))) => dirty = true,
            Ok(Input::Term(_) | Input::Wake) | Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the terminal is gone",
                ));
            }
        }
    }
}
