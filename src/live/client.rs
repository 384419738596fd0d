//! The client side: a connection to the host that keeps a mirror of the
//! session (rebuilt from the welcome's log, then kept with the events the
//! host sends), resumes by itself when the host comes back, and reports a
//! command as saved only when the host acknowledged it.

use std::io::{BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::Wake;
use super::proto::{self, MAX_HOST_LINE, PROTOCOL_VERSION, ToClient, ToHost};
use crate::domain::{Actor, Command, Recorded, Seq, Session, apply, replay};
use crate::engine::{NotStored, Refusal, Unsure};

/// How long a command waits for the host's answer.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// How long joining waits for the welcome.
pub const WELCOME_TIMEOUT: Duration = Duration::from_secs(15);

/// How often a disconnected client tries the host again.
pub const RETRY_EVERY: Duration = Duration::from_millis(250);

/// Why joining failed.
#[derive(Debug, Error)]
pub enum JoinError {
    /// Nobody listens: no `fgd run` holds the session.
    #[error("the session is not live")]
    NotLive,
    /// The host refused the join (another protocol version, say).
    #[error("the host refused: {0}")]
    Refused(String),
    /// The host hung up without a word (it does so to another user's terminal).
    #[error(
        "the host closed the connection before welcoming this terminal; it admits only terminals of the user who runs `fgd run`"
    )]
    Closed,
    /// Anything else.
    #[error("can't reach the host: {0}")]
    Io(#[from] std::io::Error),
}

/// What is wrong with the connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The host went away; the client tries again every [`RETRY_EVERY`].
    Disconnected,
    /// The host is there but refuses this client.
    Refused(String),
}

enum Incoming {
    Msg(Box<ToClient>),
    Closed,
}

struct Conn {
    stream: UnixStream,
    rx: Receiver<Incoming>,
}

impl Drop for Conn {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}

/// A client of a live session.
pub struct Client {
    path: PathBuf,
    role: Actor,
    wake: Wake,
    session: Session,
    log: Vec<Recorded>,
    conn: Option<Conn>,
    next_id: u64,
    last_try: Instant,
    trouble: Option<Trouble>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("path", &self.path)
            .field("role", &self.role)
            .field("last_seq", &self.session.last_seq)
            .field("trouble", &self.trouble)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Joins the host listening at `path` as `role`; `wake` is called from
    /// the connection's thread whenever something arrived.
    pub fn connect(path: &Path, role: Actor, wake: Wake) -> Result<Client, JoinError> {
        let (conn, log) = handshake(path, role, &wake)?;
        Ok(Client {
            path: path.to_path_buf(),
            role,
            wake,
            session: replay(&log),
            log,
            conn: Some(conn),
            next_id: 1,
            last_try: Instant::now(),
            trouble: None,
        })
    }

    /// The mirrored session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Every event so far.
    pub fn log(&self) -> &[Recorded] {
        &self.log
    }

    /// The role this client joined as.
    pub fn role(&self) -> Actor {
        self.role
    }

    /// What is wrong with the connection, if anything.
    pub fn trouble(&self) -> Option<&Trouble> {
        self.trouble.as_ref()
    }

    /// Takes in what the host sent; when disconnected, tries to reconnect
    /// (at most every [`RETRY_EVERY`]). True when the session changed.
    pub fn pump(&mut self) -> bool {
        let mut changed = false;
        while let Some(msg) = self.next_message(None) {
            changed |= self.take(msg);
        }
        if self.conn.is_none() && self.last_try.elapsed() >= RETRY_EVERY {
            self.last_try = Instant::now();
            match handshake(&self.path, self.role, &self.wake) {
                Ok((conn, log)) => {
                    self.session = replay(&log);
                    self.log = log;
                    self.conn = Some(conn);
                    self.trouble = None;
                    changed = true;
                }
                Err(JoinError::Refused(reason)) => self.trouble = Some(Trouble::Refused(reason)),
                Err(_) => self.trouble = Some(Trouble::Disconnected),
            }
        }
        changed
    }

    /// Sends a command and waits for the host's answer; `at` for scripts
    /// replaying a session, else the host's clock. `Ok` only when the host
    /// stored it (and its event is already in this mirror).
    pub fn execute(&mut self, command: Command, at: Option<DateTime<Utc>>) -> Result<Seq, Refusal> {
        self.pump();
        let Some(conn) = self.conn.as_mut() else {
            return Err(Refusal::NotStored(NotStored::Disconnected));
        };
        let id = self.next_id;
        self.next_id += 1;
        let line = proto::encode(&ToHost::Command { id, command, at });
        if conn.stream.write_all(line.as_bytes()).is_err() {
            self.lost();
            return Err(Refusal::NotStored(NotStored::ConnectionLost));
        }
        let deadline = Instant::now() + ANSWER_TIMEOUT;
        loop {
            let Some(msg) = self.next_message(Some(deadline)) else {
                let unsure = if self.conn.is_some() {
                    self.lost();
                    Unsure::NoAnswer
                } else {
                    Unsure::LostBeforeAnswer
                };
                return Err(Refusal::Unsure(unsure));
            };
            match msg {
                ToClient::Ack { id: got, seq } if got == id => return Ok(seq),
                ToClient::Rejected { id: got, error } if got == id => {
                    return Err(Refusal::Rule(error));
                }
                ToClient::Failed { id: got, message } if got == id => {
                    return Err(Refusal::NotStored(NotStored::Host(message)));
                }
                other => {
                    self.take(other);
                }
            }
        }
    }

    /// The next message, waiting until `deadline` if given; `None` when
    /// there is none (or the connection closed, which marks it lost).
    fn next_message(&mut self, deadline: Option<Instant>) -> Option<ToClient> {
        let conn = self.conn.as_ref()?;
        let got = match deadline {
            None => conn.rx.try_recv().ok(),
            Some(d) => match conn
                .rx
                .recv_timeout(d.saturating_duration_since(Instant::now()))
            {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => Some(Incoming::Closed),
            },
        };
        match got {
            Some(Incoming::Msg(m)) => Some(*m),
            Some(Incoming::Closed) => {
                self.lost();
                None
            }
            None => None,
        }
    }

    /// Applies an event (or notes a late answer). True when the state changed.
    fn take(&mut self, msg: ToClient) -> bool {
        let ToClient::Event { record } = msg else {
            return false;
        };
        if record.seq <= self.session.last_seq {
            return false;
        }
        if record.seq != self.session.last_seq + 1 {
            // A gap: start again from a fresh welcome.
            self.lost();
            self.last_try = Instant::now()
                .checked_sub(RETRY_EVERY)
                .unwrap_or_else(Instant::now);
            return false;
        }
        apply(&mut self.session, &record);
        self.log.push(record);
        true
    }

    fn lost(&mut self) {
        self.conn = None;
        self.trouble = Some(Trouble::Disconnected);
    }
}

/// Connects, says hello, starts the reader, and waits for the welcome.
fn handshake(path: &Path, role: Actor, wake: &Wake) -> Result<(Conn, Vec<Recorded>), JoinError> {
    let mut stream = UnixStream::connect(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused => JoinError::NotLive,
        _ => JoinError::Io(e),
    })?;
    let hello = ToHost::Hello {
        version: PROTOCOL_VERSION,
        role,
    };
    stream
        .write_all(proto::encode(&hello).as_bytes())
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::BrokenPipe | std::io::ErrorKind::ConnectionReset => {
                JoinError::Closed
            }
            _ => JoinError::Io(e),
        })?;
    let (tx, rx) = mpsc::channel();
    let read_half = stream.try_clone()?;
    let wake_reader = std::sync::Arc::clone(wake);
    std::thread::Builder::new()
        .name("fgd-host-in".into())
        .spawn(move || {
            let mut reader = BufReader::new(read_half);
            loop {
                let msg = match proto::read_line(&mut reader, MAX_HOST_LINE) {
                    Ok(Some(line)) => match serde_json::from_str::<ToClient>(&line) {
                        Ok(m) => Incoming::Msg(Box::new(m)),
                        Err(_) => Incoming::Closed,
                    },
                    Ok(None) | Err(_) => Incoming::Closed,
                };
                let closed = matches!(msg, Incoming::Closed);
                if tx.send(msg).is_err() {
                    return;
                }
                wake_reader();
                if closed {
                    return;
                }
            }
        })?;
    let conn = Conn { stream, rx };
    let first = match conn.rx.recv_timeout(WELCOME_TIMEOUT) {
        Ok(Incoming::Msg(m)) => Ok(*m),
        Ok(Incoming::Closed) => Err(RecvTimeoutError::Disconnected),
        Err(e) => Err(e),
    };
    match first {
        Ok(ToClient::Welcome {
            version, events, ..
        }) if version == PROTOCOL_VERSION => Ok((conn, events)),
        Ok(ToClient::Welcome { version, .. }) => Err(JoinError::Refused(format!(
            "the host speaks fgd live protocol {version} and this fgd speaks {PROTOCOL_VERSION}: run the same fgd version on both terminals"
        ))),
        Ok(ToClient::Refused { reason, .. }) => Err(JoinError::Refused(reason)),
        Ok(_) | Err(RecvTimeoutError::Disconnected) => Err(JoinError::Closed),
        Err(RecvTimeoutError::Timeout) => Err(JoinError::Io(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            "the host did not answer in time",
        ))),
    }
}
