//! Two terminals, one session. The host is the real `fgd run` in tmux; the
//! clients are other processes: `fgd apply` and `fgd join` (in tmux), and
//! mirrors made in this test process with the library's `live::Client`.
//! Skipped with a message when tmux is not installed.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../bin_support/mod.rs"]
mod bin_support;
#[path = "../tmux_support/mod.rs"]
mod tmux_support;

mod host_words;
mod once;
mod projector;
mod roles;

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write as _};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::bin_support::Fgd;
use crate::tmux_support::{Tmux, holder_pid, signal};
use fgd::domain::{Actor, Command, DomainError, Event, NoteKind, Snapshot, replay};
use fgd::engine::Refusal;
use fgd::live::{Client, Trouble, Wake};

fn session_dir(fgd: &Fgd, id: &str) -> PathBuf {
    fgd.data().join("sessions").join(id)
}

/// A mirror in this process, with a wake that can be awaited.
struct Mirror {
    client: Client,
    woken: mpsc::Receiver<()>,
}

impl Mirror {
    fn join(fgd: &Fgd, id: &str, role: Actor) -> Mirror {
        let (tx, woken) = mpsc::channel();
        let wake: Wake = std::sync::Arc::new(move || {
            let _ = tx.send(());
        });
        let path = fgd::live::socket_path(&session_dir(fgd, id)).unwrap();
        let client = Client::connect(&path, role, wake).unwrap();
        Mirror { client, woken }
    }

    /// Pumps until `ok` holds: woken by the connection thread, and at least
    /// every 100 ms so reconnect attempts run; fails after 20 s.
    fn until(&mut self, what: &str, ok: impl Fn(&Client) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            self.client.pump();
            if ok(&self.client) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}: {:?}",
                self.client
            );
            let _ = self.woken.recv_timeout(Duration::from_millis(100));
        }
    }

    fn note_texts(&self) -> Vec<String> {
        self.client
            .session()
            .notes()
            .map(|n| n.text.clone())
            .collect()
    }
}

/// A hello line of this protocol, as a raw client writes it.
fn hello(role: &str) -> String {
    hello_as(role, 7)
}

/// A hello line of this protocol from client `client`.
fn hello_as(role: &str, client: u64) -> String {
    format!(
        "{{\"type\":\"hello\",\"version\":{},\"role\":\"{role}\",\"client\":{client}}}\n",
        fgd::live::proto::PROTOCOL_VERSION
    )
}

fn note(text: &str) -> Command {
    Command::AddNote {
        text: text.into(),
        kind: NoteKind::Insight,
        participant: None,
        item: None,
        private: None,
    }
}

/// `fgd run ID` in tmux, waited for until its first frame (the socket is
/// bound before it).
fn host(fgd: &Fgd, id: &str) -> Option<Tmux> {
    let t = Tmux::start_sized(fgd, &format!("run {id}"), 120, 40)?;
    t.wait_for("Susunan Acara");
    Some(t)
}

#[test]
fn notetaker_viewer_and_host_see_each_other() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(h) = host(&fgd, &id) else { return };
    let mut notetaker = Mirror::join(&fgd, &id, Actor::Notetaker);
    let mut viewer = Mirror::join(&fgd, &id, Actor::Viewer);

    // The host's keys reach the clients.
    h.keys(&["Space"]);
    h.wait_for("Mulai juga?");
    h.keys(&["y"]);
    h.wait_for("BERLANGSUNG");
    notetaker.until("the start", |c| c.session().started_at.is_some());
    viewer.until("the start", |c| c.session().started_at.is_some());

    // The notetaker's commands reach the host and the viewer.
    let seq = notetaker
        .client
        .execute(note("Kepala dinas setuju jadwal piket"), None)
        .unwrap();
    assert_eq!(
        notetaker.client.session().last_seq,
        seq,
        "acked after applied"
    );
    h.wait_for("Kepala dinas setuju jadwal piket");
    viewer.until("the note", |c| c.session().last_seq == seq);
    assert_eq!(viewer.note_texts(), ["Kepala dinas setuju jadwal piket"]);
    let log = viewer.client.fetch_log().unwrap();
    let last = log.last().unwrap();
    assert_eq!(last.actor, Actor::Notetaker);
    assert!(matches!(last.event, Event::NoteAdded { .. }));

    // The viewer can change nothing; the notetaker can't end the session.
    assert_eq!(
        viewer.client.execute(note("x"), None),
        Err(Refusal::Rule(DomainError::ReadOnly))
    );
    assert_eq!(
        notetaker.client.execute(Command::End, None),
        Err(Refusal::Rule(DomainError::FacilitatorEnds))
    );
    // Nothing was recorded by either refusal.
    notetaker.client.pump();
    assert_eq!(notetaker.client.session().last_seq, seq);
}

/// Two `fgd apply` processes write at once through the host; every command
/// lands exactly once, in one order that every mirror and the store agree on.
#[test]
fn concurrent_commands_land_once_in_one_order_everywhere() {
    const EACH: usize = 120;
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(h) = host(&fgd, &id) else { return };
    let mut watcher = Mirror::join(&fgd, &id, Actor::Viewer);
    let start = watcher.client.session().last_seq;

    let script = |who: &str| -> String {
        let mut lines = String::new();
        if who == "A" {
            lines.push_str("{\"cmd\":\"start\"}\n");
        }
        for i in 0..EACH {
            writeln!(
                lines,
                "{{\"cmd\":\"add_note\",\"text\":\"{who}-{i}\",\"kind\":\"insight\"}}"
            )
            .unwrap();
        }
        lines
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| fgd.run_with_input(&["apply", &id], &script("A")));
        let b = s.spawn(|| fgd.run_with_input(&["apply", &id], &script("B")));
        (a.join().unwrap(), b.join().unwrap())
    });
    // B may have raced A's start: notes before the start are refused then.
    let seqs = |out: &str| -> Vec<u64> {
        out.lines()
            .filter_map(|l| l.strip_prefix("ok "))
            .map(|s| s.parse().unwrap())
            .collect()
    };
    assert_eq!(a.code, 0, "{}{}", a.stdout, a.stderr);
    let (sa, sb) = (seqs(&a.stdout), seqs(&b.stdout));
    assert_eq!(sa.len(), EACH + 1, "{}", a.stdout);
    let b_refused = b.stdout.lines().filter(|l| l.starts_with("error")).count();
    assert_eq!(sb.len() + b_refused, EACH, "{}", b.stdout);
    // Each client saw its own commands in its own order, and no seq twice.
    assert!(sa.windows(2).all(|w| w[0] < w[1]));
    assert!(sb.windows(2).all(|w| w[0] < w[1]));
    let mut all: Vec<u64> = sa.iter().chain(&sb).copied().collect();
    all.sort_unstable();
    let expected: Vec<u64> = (start + 1..=start + all.len() as u64).collect();
    assert_eq!(all, expected, "one gapless order");

    // The watcher saw every event once, in that order.
    let last = *all.last().unwrap();
    watcher.until("every event", |c| c.session().last_seq == last);
    let texts = watcher.note_texts();
    assert_eq!(texts.len(), sa.len() - 1 + sb.len());
    let mut unique = texts.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), texts.len(), "no note twice");
    for who in ["A", "B"] {
        let mine: Vec<usize> = texts
            .iter()
            .filter_map(|t| t.strip_prefix(&format!("{who}-")))
            .map(|n| n.parse().unwrap())
            .collect();
        assert!(mine.windows(2).all(|w| w[0] < w[1]), "{who} in its order");
    }

    // A mirror joining now (from the host's state), the watcher (from the
    // events) and the log agree; so does the store after the host quits.
    let mut late = Mirror::join(&fgd, &id, Actor::Viewer);
    let state = |c: &Client| Snapshot::of(c.session());
    assert_eq!(state(&late.client), state(&watcher.client));
    let seen = late.client.fetch_log().unwrap();
    assert_eq!(seen, watcher.client.fetch_log().unwrap());
    assert_eq!(Snapshot::of(&replay(&seen)), state(&watcher.client));
    drop(watcher);
    drop(late);
    h.keys(&["q"]);
    h.wait_for("Keluar sekarang?");
    h.keys(&["y"]);
    h.wait_for("FGD-EXIT=0");
    // The store holds exactly the events every mirror saw, in their order.
    let engine = fgd::engine::Engine::open(&fgd::store::DataDir::new(fgd.data()), &id).unwrap();
    assert_eq!(engine.log().unwrap(), seen);
}

#[test]
fn a_killed_host_comes_back_and_its_clients_resume_with_nothing_lost() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(h) = host(&fgd, &id) else { return };
    let mut notetaker = Mirror::join(&fgd, &id, Actor::Notetaker);
    notetaker.client.execute(Command::Start, None).unwrap();
    for i in 0..5 {
        notetaker
            .client
            .execute(note(&format!("sebelum {i}")), None)
            .unwrap();
    }
    let acked = notetaker.client.session().last_seq;

    signal(&holder_pid(&fgd, &id), "KILL");
    notetaker.until("the disconnection", |c| {
        c.trouble() == Some(&Trouble::Disconnected)
    });
    // While the host is gone nothing claims to be saved.
    match notetaker.client.execute(note("saat terputus"), None) {
        Err(why @ Refusal::NotStored(_)) => {
            assert!(why.to_string().contains("not saved"), "{why}");
        }
        other => panic!("a command without a host: {other:?}"),
    }
    assert_eq!(notetaker.client.session().last_seq, acked);
    drop(h);

    let h = host(&fgd, &id).unwrap();
    notetaker.until("the reconnection", |c| c.trouble().is_none());
    assert_eq!(notetaker.client.session().last_seq, acked, "nothing lost");
    notetaker
        .client
        .execute(note("sesudah kembali"), None)
        .unwrap();
    let screen = h.wait_for("sesudah kembali");
    assert!(screen.contains("sebelum 4"), "{screen}");
    assert!(!screen.contains("saat terputus"), "{screen}");
}

#[test]
fn a_client_of_another_protocol_or_the_facilitator_role_is_refused() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Uji Versi"]);
    let Some(_h) = Tmux::start(&fgd, &format!("run {id}")) else {
        return;
    };
    let path = fgd::live::socket_path(&session_dir(&fgd, &id)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while UnixStream::connect(&path).is_err() {
        assert!(Instant::now() < deadline, "the host never listened");
        std::thread::sleep(Duration::from_millis(50));
    }
    let answer = |hello: &str| -> String {
        let mut s = UnixStream::connect(&path).unwrap();
        s.write_all(hello.as_bytes()).unwrap();
        let mut line = String::new();
        BufReader::new(&s).read_line(&mut line).unwrap();
        // Then the host closes the connection.
        let mut rest = String::new();
        BufReader::new(&s).read_line(&mut rest).unwrap();
        assert_eq!(rest, "", "closed after the refusal");
        line
    };
    let refused = answer("{\"type\":\"hello\",\"version\":99,\"role\":\"notetaker\"}\n");
    assert!(refused.contains("\"refused\""), "{refused}");
    let version = fgd::live::proto::PROTOCOL_VERSION;
    assert!(
        refused.contains(&format!("protocol {version}")) && refused.contains("speaks 99"),
        "names both versions: {refused}"
    );
    let facilitator = answer(&format!(
        "{{\"type\":\"hello\",\"version\":{version},\"role\":\"facilitator\"}}\n"
    ));
    assert!(facilitator.contains("\"refused\""), "{facilitator}");
    assert!(facilitator.contains("join as notetaker"), "{facilitator}");
    // A client of the first protocol (no client id) is refused naming both.
    let old = answer("{\"type\":\"hello\",\"version\":1,\"role\":\"notetaker\"}\n");
    assert!(
        old.contains(&format!("protocol {version}")) && old.contains("speaks 1"),
        "names both versions: {old}"
    );
    let log = std::fs::read_to_string(session_dir(&fgd, &id).join("live.log")).unwrap();
    assert!(log.contains("speaks 99"), "the host logs it: {log}");
}

#[test]
fn the_socket_is_private_replaces_a_stale_one_and_goes_with_the_host() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let dir = session_dir(&fgd, &id);
    // A socket file left by a host that was killed.
    let stale = dir.join("live.sock");
    drop(std::os::unix::net::UnixListener::bind(&stale).unwrap());
    assert!(UnixStream::connect(&stale).is_err(), "nobody listens on it");

    let Some(h) = host(&fgd, &id) else { return };
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&stale), 0o600, "socket");
    assert_eq!(mode(&dir), 0o700, "session directory");
    assert_eq!(
        mode(&fgd.data().join("sessions")),
        0o700,
        "sessions directory"
    );
    let mirror = Mirror::join(&fgd, &id, Actor::Viewer);
    assert_eq!(mirror.client.session().info.id, id);
    drop(mirror);

    h.keys(&["q"]);
    h.wait_for("FGD-EXIT=0");
    assert!(!stale.exists(), "the host removes its socket when it quits");
}

#[test]
fn join_without_a_host_says_how_to_start_one() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Belum Mulai"]);
    let r = fgd.run(&["join", &id]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("not live"), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("fgd run {id}")), "{}", r.stderr);
    let r = fgd.run(&["join", &id, "--role", "chair"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--role notetaker"), "{}", r.stderr);
}

#[test]
fn apply_and_export_go_through_a_running_host() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(h) = host(&fgd, &id) else { return };
    let r = fgd.run_with_input(
        &["apply", &id],
        "{\"cmd\":\"start\"}\n{\"cmd\":\"add_decision\",\"text\":\"Apel pagi tiap Senin\"}\n{\"cmd\":\"next_item\",\"bogus\":1}\n",
    );
    assert_eq!(r.code, 2, "one line refused: {}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("ok "), "{}", r.stdout);
    assert!(
        r.stdout.contains("error 3: unknown field `bogus`"),
        "{}",
        r.stdout
    );
    h.wait_for("Apel pagi tiap Senin");

    let out = fgd.data().join("out");
    let r = fgd.run(&[
        "export",
        &id,
        "--format",
        "md",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = std::fs::read_to_string(out.join(&id).join("minutes.md")).unwrap();
    assert!(md.contains("Apel pagi tiap Senin"), "{md}");
}

/// A client that stops reading must not stall the host: it is dropped, and
/// every other terminal carries on.
#[test]
fn a_stuck_client_is_dropped_and_the_host_carries_on() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(_h) = host(&fgd, &id) else { return };
    let path = fgd::live::socket_path(&session_dir(&fgd, &id)).unwrap();
    let mut stuck = UnixStream::connect(&path).unwrap();
    stuck.write_all(hello("viewer").as_bytes()).unwrap();
    // Enough big events to fill the socket buffer and the client's queue.
    let big = "x".repeat(2_000);
    let lines: String = std::iter::once("{\"cmd\":\"start\"}\n".to_owned())
        .chain((0..fgd::live::host::CLIENT_QUEUE + 50).map(|i| {
            format!("{{\"cmd\":\"add_note\",\"text\":\"{i} {big}\",\"kind\":\"insight\"}}\n")
        }))
        .collect();
    let r = fgd.run_with_input(&["apply", &id], &lines);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The stuck connection was shut down: reading it to the end finishes.
    stuck
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut sink = Vec::new();
    let read = std::io::Read::read_to_end(&mut stuck, &mut sink);
    assert!(read.is_ok(), "the host closed the stuck client: {read:?}");
    // A client that dies halfway through a line changes nothing.
    let before = Mirror::join(&fgd, &id, Actor::Viewer)
        .client
        .session()
        .last_seq;
    let mut dying = UnixStream::connect(&path).unwrap();
    dying
        .write_all(
            format!(
                "{}{{\"type\":\"command\",\"id\":1,\"command\":{{\"cmd\":\"add_decision\",\"text\":\"setengah",
                hello("notetaker")
            )
            .as_bytes(),
        )
        .unwrap();
    drop(dying);
    // And a fresh client still joins and sees everything, and only that.
    let fresh = Mirror::join(&fgd, &id, Actor::Viewer);
    assert_eq!(fresh.client.session().last_seq, before);
    assert_eq!(
        fresh.client.session().notes().count(),
        fgd::live::host::CLIENT_QUEUE + 50
    );
}

/// Two real terminals: the notetaker adds an action item with the keys and
/// it is on the facilitator's screen; the viewer mirrors it and refuses keys.
#[test]
fn two_real_terminals_share_the_session() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(h) = host(&fgd, &id) else { return };
    h.keys(&["Space"]);
    h.wait_for("Mulai juga?");
    h.keys(&["y"]);
    h.wait_for("BERLANGSUNG");
    let n = Tmux::start_sized(&fgd, &format!("join {id}"), 120, 40).unwrap();
    n.wait_for("BERLANGSUNG");
    let v = Tmux::start_sized(&fgd, &format!("join {id} --role viewer"), 120, 40).unwrap();
    v.wait_for("BERLANGSUNG");

    n.add_action("Susun draf SOP layanan terpadu", "P3", "+7d");
    n.wait_for("1. Susun draf SOP");
    h.wait_for("1. Susun draf SOP");
    v.wait_for("1. Susun draf SOP");
    for screen in [h.screen(), n.screen(), v.screen()] {
        assert!(!screen.to_lowercase().contains("terputus"), "{screen}");
    }

    v.keys(&["o"]);
    v.wait_for("penonton");
    // The notetaker's end is refused; the facilitator's goes through and
    // the clients show it.
    n.keys(&["E"]);
    n.wait_for("fasilitator");
    h.keys(&["E"]);
    h.keys(&["y"]);
    h.wait_for("SESI SELESAI");
    n.wait_for("SESI SELESAI");
}

/// A peer of another user is refused and logged, even when the directory
/// modes would let it reach the socket (they are loosened here on purpose).
/// Needs root (to run the peer as `nobody`) and `setpriv`; skipped otherwise.
#[test]
fn a_peer_of_another_user_is_refused_and_logged() {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    let setpriv = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok();
    if !root || !setpriv {
        eprintln!("needs root and setpriv to run a peer as another user; skipping");
        return;
    }
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--title", "Uji Pengguna Lain"]);
    let Some(_h) = Tmux::start(&fgd, &format!("run {id}")) else {
        return;
    };
    let dir = session_dir(&fgd, &id);
    let sock = fgd::live::socket_path(&dir).unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while !sock.exists() {
        assert!(Instant::now() < deadline, "the host never listened");
        std::thread::sleep(Duration::from_millis(50));
    }
    let open = |p: &std::path::Path, mode| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    for p in [fgd.data(), &fgd.data().join("sessions"), &dir] {
        open(p, 0o755);
    }
    open(&sock, 0o666);
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(crate::bin_support::binary_for_others())
        .args(["join", &id])
        .current_dir("/")
        .env("FGD_DATA_DIR", fgd.data())
        .env("FGD_CONFIG", "/nonexistent")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("before welcoming"), "{stderr}");
    let log = std::fs::read_to_string(dir.join("live.log")).unwrap();
    assert!(
        log.contains("refused a connection from uid 65534"),
        "logged: {log}"
    );
}

/// The host dies while the notetaker is typing: the banner says so in words,
/// the form keeps its text, nothing claims to be saved, and once the host is
/// back (within the retry interval) the same form goes through.
#[test]
fn a_form_keeps_its_text_while_the_host_is_away() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(h) = host(&fgd, &id) else { return };
    h.keys(&["Space"]);
    h.wait_for("Mulai juga?");
    h.keys(&["y"]);
    h.wait_for("BERLANGSUNG");
    let n = Tmux::start_sized(&fgd, &format!("join {id}"), 100, 30).unwrap();
    let screen = n.wait_for("BERLANGSUNG");
    assert!(!screen.contains("TERPUTUS"), "{screen}");

    n.keys(&["d"]);
    n.wait_for("Enter simpan");
    n.literal("Rapat koordinasi tiap Kamis");
    n.wait_for("Rapat koordinasi tiap Kamis");
    signal(&holder_pid(&fgd, &id), "KILL");
    drop(h);
    let away = n.wait_for("TERPUTUS — menyambung ulang");
    assert!(away.contains("Rapat koordinasi tiap Kamis"), "{away}");
    // Submitting now is refused (in the screen's language: the session is
    // Indonesian), and the form stays open with its text.
    n.keys(&["Enter"]);
    let refused = n.wait_for("tidak tersimpan: terputus dari host");
    assert!(refused.contains("Rapat koordinasi tiap Kamis"), "{refused}");

    let h = host(&fgd, &id).unwrap();
    n.wait_until("the banner to go", |s| !s.contains("TERPUTUS"));
    n.keys(&["Enter"]);
    h.wait_for("Rapat koordinasi tiap Kamis");
}
