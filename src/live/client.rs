//! The client side: a connection to the host that keeps a mirror of the
//! session (the welcome's state, then kept with the events the host sends),
//! resumes by itself when the host comes back, and reports a command as
//! saved only when the host acknowledged it. Each command carries this
//! client's id and its number; one that got no answer keeps its number, so
//! sending it again (a retry, even through a new connection or to a host
//! that restarted) is answered with the first outcome, never recorded
//! twice. The log is fetched only when asked for ([`Client::fetch_log`]).

use std::io::{BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::Wake;
use super::proto::{self, MAX_HOST_LINE, PROTOCOL_VERSION, ToClient, ToHost};
use crate::domain::{Actor, Command, Recorded, Seq, Session, Snapshot, Status, apply};
use crate::engine::{HostWords, LogUnavailable, NotStored, Refusal, Unsure};

/// How long a command waits for the host's answer.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

/// How long joining waits for the welcome.
pub const WELCOME_TIMEOUT: Duration = Duration::from_secs(15);

/// How often a disconnected client tries the host again.
pub const RETRY_EVERY: Duration = Duration::from_millis(250);

/// How long [`Client::fetch_log`] waits for the log.
pub const LOG_TIMEOUT: Duration = Duration::from_secs(60);

/// Why joining failed.
#[derive(Debug, Error)]
pub enum JoinError {
    /// Nobody listens: no `fgd run` holds the session.
    #[error("the session is not live")]
    NotLive,
    /// The host refused the join (another protocol version, say).
    #[error("the host refused: {}", .0.en)]
    Refused(HostWords),
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
    /// The host is there but refuses this client, in its words.
    Refused(HostWords),
    /// The session ended and its host closed: the client stops
    /// reconnecting.
    Ended,
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

/// A command sent without an answer: sent again (the same command at the
/// same time) it keeps its number.
struct Pending {
    number: u64,
    command: Command,
    at: Option<DateTime<Utc>>,
}

/// A client of a live session.
pub struct Client {
    path: PathBuf,
    role: Actor,
    wake: Wake,
    session: Session,
    conn: Option<Conn>,
    /// This client's id, random, kept across reconnects.
    id: u64,
    next_id: u64,
    pending: Option<Pending>,
    last_try: Instant,
    trouble: Option<Trouble>,
    /// Events other roles made since the owner last took them.
    foreign: Vec<Recorded>,
}

/// At most this many events from other terminals wait for the owner.
const FOREIGN_KEPT: usize = 16;

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
        let id = fresh_id();
        let (conn, snapshot) = handshake(path, role, id, &wake)?;
        Ok(Client {
            path: path.to_path_buf(),
            role,
            wake,
            session: snapshot.restore(),
            conn: Some(conn),
            id,
            next_id: 1,
            pending: None,
            last_try: Instant::now(),
            trouble: None,
            foreign: Vec::new(),
        })
    }

    /// This client's id (with a command's number, it names the command).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The mirrored session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The role this client joined as.
    pub fn role(&self) -> Actor {
        self.role
    }

    /// What is wrong with the connection, if anything.
    pub fn trouble(&self) -> Option<&Trouble> {
        self.trouble.as_ref()
    }

    /// The events made by terminals of another role since the last call
    /// (the latest few), so the screen can say who changed what.
    pub fn take_foreign(&mut self) -> Vec<Recorded> {
        std::mem::take(&mut self.foreign)
    }

    /// Takes in what the host sent; when disconnected, tries to reconnect
    /// (at most every [`RETRY_EVERY`]), unless the session had ended when
    /// the host went away. True when the session changed.
    pub fn pump(&mut self) -> bool {
        let mut changed = false;
        while let Some(msg) = self.next_message(None) {
            changed |= self.take(msg);
        }
        let ended = self.trouble == Some(Trouble::Ended);
        if self.conn.is_none() && !ended && self.last_try.elapsed() >= RETRY_EVERY {
            self.last_try = Instant::now();
            match handshake(&self.path, self.role, self.id, &self.wake) {
                Ok((conn, snapshot)) => {
                    self.session = snapshot.restore();
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
    /// stored it (and its event is already in this mirror). "Not stored"
    /// only when that is certain: a command that got no answer is
    /// [`Refusal::Unsure`], and sending the same command again (at the same
    /// `at`) asks about the same command, which the host records once.
    pub fn execute(&mut self, command: Command, at: Option<DateTime<Utc>>) -> Result<Seq, Refusal> {
        self.pump();
        let retry = self
            .pending
            .as_ref()
            .is_some_and(|p| p.command == command && p.at == at);
        let number = match &self.pending {
            Some(p) if retry => p.number,
            _ => {
                self.pending = None;
                self.next_id += 1;
                self.next_id - 1
            }
        };
        // Not sent this time: certain for a new command; a retry's earlier
        // sending may have been stored all the same.
        let unsent = |not_stored| {
            if retry {
                Refusal::Unsure(Unsure::LostBeforeAnswer)
            } else {
                Refusal::NotStored(not_stored)
            }
        };
        let Some(conn) = self.conn.as_mut() else {
            return Err(unsent(NotStored::Disconnected));
        };
        let line = proto::encode(&ToHost::Command {
            id: number,
            command: command.clone(),
            at,
        });
        // A line cut short is never run: the host runs whole lines only.
        if conn.stream.write_all(line.as_bytes()).is_err() {
            self.lost();
            return Err(unsent(NotStored::ConnectionLost));
        }
        self.pending = Some(Pending {
            number,
            command,
            at,
        });
        let answer = self.answer(number, Instant::now() + ANSWER_TIMEOUT);
        if !matches!(answer, Err(Refusal::Unsure(_))) {
            self.pending = None;
        }
        answer
    }

    /// [`Client::execute`] that, when no answer comes (or the host is away),
    /// waits for the host (reconnecting) and asks again about the same
    /// command, until an answer comes or `patience` has passed.
    pub fn execute_patiently(
        &mut self,
        command: &Command,
        at: Option<DateTime<Utc>>,
        patience: Duration,
    ) -> Result<Seq, Refusal> {
        let deadline = Instant::now() + patience;
        loop {
            match self.execute(command.clone(), at) {
                Err(
                    why @ (Refusal::Unsure(_)
                    | Refusal::NotStored(NotStored::Disconnected | NotStored::ConnectionLost)),
                ) => {
                    if Instant::now() >= deadline {
                        return Err(why);
                    }
                    // The retry interval of reconnecting (not a wait for
                    // an event: nothing tells a client the host is back).
                    std::thread::sleep(RETRY_EVERY);
                }
                other => return other,
            }
        }
    }

    /// Waits until `deadline` for the answer to command `number`, taking in
    /// the events that come before it.
    fn answer(&mut self, number: u64, deadline: Instant) -> Result<Seq, Refusal> {
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
                ToClient::Ack { id, seq } if id == number => return Ok(seq),
                ToClient::Rejected { id, error } if id == number => {
                    return Err(Refusal::Rule(error));
                }
                ToClient::Failed {
                    id,
                    message,
                    indonesian,
                } if id == number => {
                    return Err(Refusal::NotStored(NotStored::Host(HostWords {
                        en: message,
                        id: indonesian,
                    })));
                }
                other => {
                    self.take(other);
                }
            }
        }
    }

    /// The whole event log, fetched from the host (for an export that needs
    /// it: `session.json`, or anonymised minutes); it ends at this mirror's
    /// last event.
    pub fn fetch_log(&mut self) -> Result<Vec<Recorded>, LogUnavailable> {
        self.pump();
        let Some(conn) = self.conn.as_mut() else {
            return Err(LogUnavailable::Disconnected);
        };
        let number = self.next_id;
        self.next_id += 1;
        let line = proto::encode(&ToHost::Log { id: number });
        if conn.stream.write_all(line.as_bytes()).is_err() {
            self.lost();
            return Err(LogUnavailable::Disconnected);
        }
        let deadline = Instant::now() + LOG_TIMEOUT;
        loop {
            let Some(msg) = self.next_message(Some(deadline)) else {
                self.lost();
                return Err(LogUnavailable::NoAnswer);
            };
            match msg {
                ToClient::Log { id, events } if id == number => {
                    let last = events.last().map_or(0, |r| r.seq);
                    if last != self.session.last_seq {
                        return Err(LogUnavailable::Misfit {
                            log: last,
                            session: self.session.last_seq,
                        });
                    }
                    return Ok(events);
                }
                ToClient::Failed { id, message, .. } if id == number => {
                    return Err(LogUnavailable::Host(message));
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
        if record.actor != self.role {
            self.foreign.push(record);
            let extra = self.foreign.len().saturating_sub(FOREIGN_KEPT);
            self.foreign.drain(..extra);
        }
        true
    }

    /// The connection is gone: after the session's end the host is not
    /// coming back for it, so the client says so and stops trying.
    fn lost(&mut self) {
        self.conn = None;
        self.trouble = Some(if self.session.status == Status::Ended {
            Trouble::Ended
        } else {
            Trouble::Disconnected
        });
    }
}

/// A client id no other client has: random (std's per-process random
/// hash keys), mixed with this process's id, the time and a counter.
fn fresh_id() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.write_u64(COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    h.finish()
}

/// Connects, says hello, starts the reader, and waits for the welcome.
fn handshake(
    path: &Path,
    role: Actor,
    client: u64,
    wake: &Wake,
) -> Result<(Conn, Snapshot), JoinError> {
    let mut stream = UnixStream::connect(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused => JoinError::NotLive,
        _ => JoinError::Io(e),
    })?;
    let hello = ToHost::Hello {
        version: PROTOCOL_VERSION,
        role,
        client,
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
            version,
            snapshot: Some(snapshot),
            ..
        }) if version == PROTOCOL_VERSION => Ok((conn, *snapshot)),
        Ok(ToClient::Welcome { version, .. }) => Err(JoinError::Refused(
            crate::i18n::outcome::host_speaks(version, PROTOCOL_VERSION),
        )),
        Ok(ToClient::Refused {
            reason, indonesian, ..
        }) => Err(JoinError::Refused(HostWords {
            en: reason,
            id: indonesian,
        })),
        Ok(_) | Err(RecvTimeoutError::Disconnected) => Err(JoinError::Closed),
        Err(RecvTimeoutError::Timeout) => Err(JoinError::Io(std::io::Error::new(
            std::io::ErrorKind::TimedOut,
            "the host did not answer in time",
        ))),
    }
}
