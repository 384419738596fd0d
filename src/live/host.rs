//! The host side: `fgd run` listens for clients while it holds the session.
//!
//! Threads: one accepts connections and checks the peer's uid; each client
//! gets a reader (hello, then commands) and a writer draining a bounded
//! queue of lines. Neither touches the session: requests go over a channel to
//! the owner's thread, which calls [`Host::serve`] when woken, runs each
//! command through the engine (stored before it is acknowledged), and
//! broadcasts the events. A client whose queue is full is dropped (its
//! socket shut down): it reconnects and starts again from a fresh welcome.
//! A joining client is welcomed with the state (one encoding shared by every
//! client that joins at the same seq), never the log; each command is run
//! once per id (`once.rs`).

use std::collections::HashMap;
use std::io::{BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, TrySendError};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::Wake;
use super::once::Answered;
use super::proto::{self, MAX_COMMAND_LINE, PROTOCOL_VERSION, ToClient, ToHost};
use crate::domain::{Actor, Command, Language, Recorded, Seq, Snapshot};
use crate::engine::{CommandId, Engine, Notice, PeerRefusal, Refusal, When};
use crate::i18n::outcome;

/// Lines a client may have waiting before it counts as stuck and is dropped.
pub const CLIENT_QUEUE: usize = 1024;

/// How long a new connection has to say hello.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);

/// What the connection threads ask of the owner's thread.
#[allow(clippy::large_enum_variant)] // consumed at once by the owner's thread
enum Request {
    Join {
        conn: u64,
        role: Actor,
        client: u64,
        out: SyncSender<Arc<str>>,
        stream: UnixStream,
    },
    Command {
        conn: u64,
        id: u64,
        command: Command,
        at: Option<DateTime<Utc>>,
    },
    Log {
        conn: u64,
        id: u64,
    },
    Left {
        conn: u64,
    },
    Refused(PeerRefusal),
}

struct Peer {
    role: Actor,
    client: u64,
    out: SyncSender<Arc<str>>,
    stream: UnixStream,
}

/// A listening host. Dropping it closes every connection and removes the
/// socket.
pub struct Host {
    path: PathBuf,
    rx: Receiver<Request>,
    peers: HashMap<u64, Peer>,
    stop: Arc<AtomicBool>,
    notices: Vec<Notice>,
    answered: Answered,
    /// The welcome at the seq it was encoded at.
    welcome: Option<(Seq, Arc<str>)>,
    /// Events other terminals made since the owner last took them.
    foreign: Vec<Recorded>,
    /// Set when a terminal joined or left since the owner last looked.
    peers_changed: bool,
}

/// At most this many events from other terminals wait for the owner.
const FOREIGN_KEPT: usize = 16;

impl std::fmt::Debug for Host {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Host")
            .field("path", &self.path)
            .field("clients", &self.peers.len())
            .finish_non_exhaustive()
    }
}

/// The log sent on request, serialized from borrowed events (a large log is
/// not copied).
#[derive(Serialize)]
#[serde(tag = "type", rename = "log")]
struct LogRef<'a> {
    id: u64,
    events: &'a [Recorded],
}

impl Host {
    /// Starts listening for the session in `session_dir`. Call it only while
    /// holding the session's lock: a socket left there by a host that was
    /// killed is then known to be stale and is replaced.
    pub fn start(session_dir: &Path, wake: Wake) -> std::io::Result<Host> {
        use std::os::unix::fs::PermissionsExt;
        let path = super::socket_path(session_dir)?;
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let listener = UnixListener::bind(&path)?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let log = session_dir.join("live.log");
        {
            let stop = Arc::clone(&stop);
            std::thread::Builder::new()
                .name("fgd-accept".into())
                .spawn(move || accept(&listener, &tx, &wake, &stop, &log))?;
        }
        Ok(Host {
            path,
            rx,
            peers: HashMap::new(),
            stop,
            notices: Vec::new(),
            answered: Answered::default(),
            welcome: None,
            foreign: Vec::new(),
            peers_changed: false,
        })
    }

    /// Where it listens.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How many clients are connected.
    pub fn clients(&self) -> usize {
        self.peers.len()
    }

    /// The roles of the terminals connected now, facilitators first, each
    /// once per terminal.
    pub fn roles(&self) -> Vec<Actor> {
        let mut roles: Vec<Actor> = self.peers.values().map(|p| p.role).collect();
        roles.sort_unstable();
        roles
    }

    /// The events other terminals made since the last call (the latest
    /// few), so the owner can say who changed what.
    pub fn take_foreign(&mut self) -> Vec<Recorded> {
        std::mem::take(&mut self.foreign)
    }

    /// Whether a terminal joined or left since the last call.
    pub fn take_peers_changed(&mut self) -> bool {
        std::mem::take(&mut self.peers_changed)
    }

    /// Something to tell the facilitator (a refused peer), once.
    pub fn take_notice(&mut self) -> Option<Notice> {
        self.notices.pop()
    }

    /// Handles what the clients asked since the last call: joins (each gets
    /// the state so far), commands (run through `engine` once per id, then
    /// acknowledged), requests for the log and departures. True when the
    /// session changed.
    pub fn serve(&mut self, engine: &mut Engine, now: DateTime<Utc>) -> bool {
        let mut changed = false;
        while let Ok(request) = self.rx.try_recv() {
            match request {
                Request::Join {
                    conn,
                    role,
                    client,
                    out,
                    stream,
                } => self.welcome(
                    engine,
                    conn,
                    Peer {
                        role,
                        client,
                        out,
                        stream,
                    },
                ),
                Request::Command {
                    conn,
                    id,
                    command,
                    at,
                } => {
                    let Some((role, client)) = self.peers.get(&conn).map(|p| (p.role, p.client))
                    else {
                        continue;
                    };
                    let sent = CommandId { client, number: id };
                    let when = When::given_or_now(at, now);
                    let answer = self.run_once(engine, sent, command, when, role, &mut changed);
                    self.send(conn, &answer);
                }
                Request::Log { conn, id } => self.send_log(engine, conn, id),
                Request::Left { conn } => {
                    self.peers_changed |= self.peers.remove(&conn).is_some();
                }
                Request::Refused(why) => self.notices.push(Notice::Peer(why)),
            }
        }
        changed
    }

    /// Runs command `sent` through the engine, unless it was answered
    /// before (a retry): then the first answer again, and nothing is run.
    fn run_once(
        &mut self,
        engine: &mut Engine,
        sent: CommandId,
        command: Command,
        when: When,
        role: Actor,
        changed: &mut bool,
    ) -> ToClient {
        if let Some(first) = self.answered.first(engine, sent) {
            return first;
        }
        let id = sent.number;
        let answer = match engine.execute_sent(command, when, role, Some(sent)) {
            Ok(done) => {
                *changed = true;
                self.broadcast(&done.events);
                self.foreign.extend(done.events.iter().cloned());
                let extra = self.foreign.len().saturating_sub(FOREIGN_KEPT);
                self.foreign.drain(..extra);
                ToClient::Ack { id, seq: done.seq }
            }
            Err(refusal) => wire_refusal(id, refusal),
        };
        self.answered.remember(sent, answer.clone());
        answer
    }

    /// Sends a joining peer the state so far and admits it. Peers joining at
    /// the same seq share one encoding of it.
    fn welcome(&mut self, engine: &Engine, conn: u64, peer: Peer) {
        let session = engine.session();
        let welcome = match &self.welcome {
            Some((seq, line)) if *seq == session.last_seq => Arc::clone(line),
            _ => {
                let line: Arc<str> = proto::encode(&ToClient::Welcome {
                    version: PROTOCOL_VERSION,
                    session: session.info.id.clone(),
                    snapshot: Some(Box::new(Snapshot::of(session))),
                })
                .into();
                self.welcome = Some((session.last_seq, Arc::clone(&line)));
                line
            }
        };
        if peer.out.try_send(welcome).is_ok() {
            self.peers.insert(conn, peer);
            self.peers_changed = true;
        } else {
            let _ = peer.stream.shutdown(std::net::Shutdown::Both);
        }
    }

    /// Sends a peer the whole log (read from the store: the engine keeps
    /// only the state), after every event already sent to it; `failed` if
    /// the log can't be read.
    fn send_log(&mut self, engine: &Engine, conn: u64, id: u64) {
        let line = match engine.log() {
            Ok(events) => proto::encode(&LogRef {
                id,
                events: &events,
            }),
            Err(e) => proto::encode(&ToClient::Failed {
                id,
                message: outcome::log_unreadable(Language::En, &e.to_string()),
                indonesian: Some(outcome::log_unreadable(Language::Id, &e.to_string())),
            }),
        };
        self.send_line(conn, line.into());
    }

    /// Sends events stored by this terminal (or by [`Host::serve`]) to every
    /// client.
    pub fn broadcast(&mut self, recs: &[Recorded]) {
        for record in recs {
            let line: Arc<str> = proto::encode(&ToClient::Event {
                record: record.clone(),
            })
            .into();
            let stuck: Vec<u64> = self
                .peers
                .iter()
                .filter(|(_, p)| p.out.try_send(Arc::clone(&line)).is_err())
                .map(|(c, _)| *c)
                .collect();
            for conn in stuck {
                self.drop_peer(conn);
            }
        }
    }

    fn send(&mut self, conn: u64, msg: &ToClient) {
        self.send_line(conn, proto::encode(msg).into());
    }

    fn send_line(&mut self, conn: u64, line: Arc<str>) {
        let Some(peer) = self.peers.get(&conn) else {
            return;
        };
        if let Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) = peer.out.try_send(line)
        {
            self.drop_peer(conn);
        }
    }

    fn drop_peer(&mut self, conn: u64) {
        if let Some(peer) = self.peers.remove(&conn) {
            self.peers_changed = true;
            // Ends its reader and writer; the client reconnects and resyncs.
            let _ = peer.stream.shutdown(std::net::Shutdown::Both);
        }
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for (_, peer) in self.peers.drain() {
            let _ = peer.stream.shutdown(std::net::Shutdown::Both);
        }
        let _ = std::fs::remove_file(&self.path);
        // Wakes the accept thread so it sees the stop.
        let _ = UnixStream::connect(&self.path);
    }
}

static NEXT_CONN: AtomicU64 = AtomicU64::new(1);

fn accept(
    listener: &UnixListener,
    tx: &Sender<Request>,
    wake: &Wake,
    stop: &AtomicBool,
    log: &Path,
) {
    for stream in listener.incoming() {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else {
            // Out of descriptors or similar: back off rather than spin.
            std::thread::sleep(Duration::from_millis(50));
            continue;
        };
        if let Err(why) = super::peer::check(&stream) {
            note(log, &outcome::peer_refusal(Language::En, &why));
            let _ = tx.send(Request::Refused(why));
            wake();
            continue;
        }
        let conn = NEXT_CONN.fetch_add(1, Ordering::Relaxed);
        let tx = tx.clone();
        let wake = Arc::clone(wake);
        let log = log.to_path_buf();
        let _ = std::thread::Builder::new()
            .name(format!("fgd-client-{conn}"))
            .spawn(move || serve_client(conn, &stream, &tx, &wake, &log));
    }
}

/// Appends a line to the session's `live.log` (0600; moved to `live.log.1`
/// at 64 KiB, so refused connections can't fill the disk).
fn note(log: &Path, text: &str) {
    let _ = crate::store::append_capped(log, &format!("{} {text}", Utc::now().to_rfc3339()));
}

/// The wire's answer to a command the engine refused: the rules' typed
/// error, or the words of why it was not stored in both languages (the
/// client shows them in its screen's).
fn wire_refusal(id: u64, refusal: Refusal) -> ToClient {
    let words = |lang| outcome::refusal(lang, &refusal).unwrap_or_default();
    match refusal {
        Refusal::Rule(error) => ToClient::Rejected { id, error },
        Refusal::NotStored(_) | Refusal::Unsure(_) => ToClient::Failed {
            id,
            message: words(Language::En),
            indonesian: Some(words(Language::Id)),
        },
    }
}

/// Why the host turns a connection away after it spoke (the wire's
/// `refused` reason, worded by `i18n::outcome::unwelcome`).
#[derive(Debug, Clone, Copy)]
enum Unwelcome {
    /// The first line was not a hello.
    NoHello,
    /// A client of another protocol version.
    Version(u32),
    /// A client that claims to be the facilitator.
    Facilitator,
}

/// One client's reader: the hello, then its commands, until it goes.
fn serve_client(conn: u64, stream: &UnixStream, tx: &Sender<Request>, wake: &Wake, log: &Path) {
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let Some((role, client)) = hello(stream, &mut reader, log) else {
        return;
    };
    let (out, lines) = mpsc::sync_channel::<Arc<str>>(CLIENT_QUEUE);
    let Ok(write_half) = stream.try_clone() else {
        return;
    };
    let Ok(for_host) = stream.try_clone() else {
        return;
    };
    if std::thread::Builder::new()
        .name(format!("fgd-client-{conn}-out"))
        .spawn(move || write_lines(&write_half, &lines))
        .is_err()
    {
        return;
    }
    let replies = out.clone();
    let join = Request::Join {
        conn,
        role,
        client,
        out,
        stream: for_host,
    };
    if tx.send(join).is_err() {
        return;
    }
    wake();
    read_commands(conn, &mut reader, tx, wake, &replies);
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let _ = tx.send(Request::Left { conn });
    wake();
}

/// Reads the hello (within [`HELLO_TIMEOUT`]) and admits the client: its
/// role and id, or `None` after telling it why not and closing.
fn hello(
    stream: &UnixStream,
    reader: &mut BufReader<UnixStream>,
    log: &Path,
) -> Option<(Actor, u64)> {
    let _ = stream.set_read_timeout(Some(HELLO_TIMEOUT));
    let hello = proto::read_line(reader, MAX_COMMAND_LINE)
        .ok()
        .flatten()
        .and_then(|line| serde_json::from_str::<ToHost>(&line).ok());
    let admitted = match hello {
        Some(ToHost::Hello {
            version,
            role,
            client,
        }) => admit(version, role).map(|()| (role, client)),
        _ => Err(Unwelcome::NoHello),
    };
    match admitted {
        Ok(admitted) => {
            let _ = stream.set_read_timeout(None);
            Some(admitted)
        }
        Err(why) => {
            let words = outcome::unwelcome(
                matches!(why, Unwelcome::NoHello),
                match why {
                    Unwelcome::Version(v) => Some(v),
                    _ => None,
                },
                PROTOCOL_VERSION,
            );
            note(log, &words.en);
            let refusal = ToClient::Refused {
                version: PROTOCOL_VERSION,
                reason: words.en,
                indonesian: words.id,
            };
            let _ = { stream }.write_all(proto::encode(&refusal).as_bytes());
            let _ = stream.shutdown(std::net::Shutdown::Both);
            None
        }
    }
}

/// Passes the client's commands to the owner's thread until it goes (or
/// the host does); a line that is not a command is answered `failed` here.
fn read_commands(
    conn: u64,
    reader: &mut BufReader<UnixStream>,
    tx: &Sender<Request>,
    wake: &Wake,
    replies: &SyncSender<Arc<str>>,
) {
    while let Ok(Some(line)) = proto::read_line(reader, MAX_COMMAND_LINE) {
        match serde_json::from_str::<ToHost>(&line) {
            Ok(ToHost::Command { id, command, at }) => {
                let request = Request::Command {
                    conn,
                    id,
                    command,
                    at,
                };
                if tx.send(request).is_err() {
                    return;
                }
                wake();
            }
            Ok(ToHost::Log { id }) => {
                if tx.send(Request::Log { conn, id }).is_err() {
                    return;
                }
                wake();
            }
            Ok(ToHost::Hello { .. }) => {}
            Err(e) => {
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").and_then(serde_json::Value::as_u64))
                    .unwrap_or(0);
                let answer = ToClient::Failed {
                    id,
                    message: outcome::not_understood(Language::En, &e.to_string()),
                    indonesian: Some(outcome::not_understood(Language::Id, &e.to_string())),
                };
                if replies.try_send(proto::encode(&answer).into()).is_err() {
                    return;
                }
            }
        }
    }
}

fn admit(version: u32, role: Actor) -> Result<(), Unwelcome> {
    if version != PROTOCOL_VERSION {
        return Err(Unwelcome::Version(version));
    }
    if role == Actor::Facilitator {
        return Err(Unwelcome::Facilitator);
    }
    Ok(())
}

fn write_lines(stream: &UnixStream, lines: &Receiver<Arc<str>>) {
    let mut w = std::io::BufWriter::new(stream);
    while let Ok(line) = lines.recv() {
        if w.write_all(line.as_bytes()).is_err() {
            break;
        }
        // Send what is queued in one go, then flush before waiting again.
        while let Ok(more) = lines.try_recv() {
            if w.write_all(more.as_bytes()).is_err() {
                let _ = stream.shutdown(std::net::Shutdown::Both);
                return;
            }
        }
        if w.flush().is_err() {
            break;
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
}
