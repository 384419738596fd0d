//! A notetaker's command → visible on the host's next frame (issue target:
//! p99 ≤ 20 ms over 1,000 commands), measured side by side with the same
//! command typed on the host itself (no socket), in one run.
//!
//! The host is a thread with the facilitator's live view on a 200×60
//! `TestBackend`: an engine on a real data directory (every command stored
//! and flushed), a `live::Host`, and a loop that, when woken, serves the
//! clients and draws a frame, then reports the seq it drew. The notetaker is
//! a `live::Client` on this thread, over the real socket.
//!
//! `cargo bench --bench live`; `FGD_BENCH_QUICK=1` for 200 commands.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use chrono::Utc;
use common::{Samples, Table, ms, ratio};
use fgd::domain::{Actor, Command, NoteKind};
use fgd::engine::{self, Engine};
use fgd::live::{Client, Host, Wake};
use fgd::store::DataDir;
use fgd::tui::app::{App, Role};
use fgd::tui::keymap::Keymap;
use fgd::tui::port::{LocalPort, Port};
use fgd::tui::theme::{Theme, ThemeName};
use fgd::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[allow(clippy::large_enum_variant)] // one at a time over a channel
enum ToHost {
    /// Something arrived on the socket.
    Woken,
    /// The facilitator types this command (the baseline).
    Local(Command),
    Stop,
}

fn note(text: String) -> Command {
    Command::AddNote {
        text,
        kind: NoteKind::Insight,
        participant: None,
        private: Some(false),
        item: None,
    }
}

/// The host's loop: wake → serve / execute → draw → report the seq drawn.
fn host(
    data: &DataDir,
    id: &str,
    rx: &mpsc::Receiver<ToHost>,
    wake: Wake,
    drawn: &mpsc::Sender<u64>,
) {
    let engine = Engine::open(data, id).unwrap();
    let host = Host::start(engine.store().dir(), wake).unwrap();
    let port = LocalPort::new(engine, Actor::Facilitator).with_host(host);
    let mut app = App::new(
        port,
        Role::Facilitator,
        Keymap::default(),
        Theme::named(ThemeName::Default),
        PathBuf::new(),
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    while let Ok(msg) = rx.recv() {
        let now = Utc::now();
        match msg {
            ToHost::Woken => {
                app.pump(now);
            }
            ToHost::Local(cmd) => {
                app.port.execute(cmd, now).unwrap();
            }
            ToHost::Stop => return,
        }
        terminal.draw(|f| view::render(&app, now, f)).unwrap();
        drawn.send(app.session().last_seq).unwrap();
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "one benchmark scenario (host, notetaker, frames) read top to bottom"
)]
fn main() {
    let root = common::start("notetaker command → host frame (live socket), 200×60").unwrap();
    let n = if common::quick() { 200 } else { 1_000 };
    let data = DataDir::new(root.path());
    let plan = fgd::plan::parse(
        fgd::plan::BUNDLED
            .iter()
            .find(|(name, _)| *name == "fgd-pola-pikir")
            .unwrap()
            .1,
        "fgd-pola-pikir",
    )
    .unwrap();
    let id = {
        let mut e = engine::create_from_plan(&data, &plan, None, Utc::now()).unwrap();
        e.execute(
            Command::Start,
            engine::When::Now(Utc::now()),
            Actor::Facilitator,
        )
        .unwrap();
        e.session().info.id.clone()
    };

    let (to_host, from_bench) = mpsc::channel::<ToHost>();
    let (drawn_tx, drawn) = mpsc::channel::<u64>();
    let waker = to_host.clone();
    let wake: Wake = std::sync::Arc::new(move || {
        let _ = waker.send(ToHost::Woken);
    });
    let host_thread = {
        let data = DataDir::new(root.path());
        let id = id.clone();
        std::thread::spawn(move || host(&data, &id, &from_bench, wake, &drawn_tx))
    };
    // The socket is bound once the host has started; join then.
    let path = fgd::live::socket_path(&data.session_dir(&id)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let (wake_tx, woken) = mpsc::channel::<()>();
    let client_wake: Wake = std::sync::Arc::new(move || {
        let _ = wake_tx.send(());
    });
    let mut client = loop {
        match Client::connect(&path, Actor::Notetaker, std::sync::Arc::clone(&client_wake)) {
            Ok(c) => break c,
            Err(e) => {
                assert!(Instant::now() < deadline, "the host never listened: {e}");
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    };
    let wait_drawn = |seq: u64| {
        while drawn.recv().unwrap() < seq {}
        Instant::now()
    };

    let mut remote = Samples::new();
    let mut acked = Samples::new();
    let mut local = Samples::new();
    let mut last_seq = 0;
    for i in 0..n + 20 {
        // Remote: the notetaker's command, until the host has drawn it.
        let t = Instant::now();
        let seq = client
            .execute(note(format!("catatan notulis {i}")), None)
            .unwrap();
        let ack = t.elapsed();
        let shown = wait_drawn(seq) - t;
        // Baseline, interleaved: the facilitator's own command, until drawn.
        let t = Instant::now();
        to_host
            .send(ToHost::Local(note(format!("catatan fasilitator {i}"))))
            .unwrap();
        let shown_local = wait_drawn(seq + 1) - t;
        last_seq = seq + 1;
        if i >= 20 {
            remote.push(shown);
            acked.push(ack);
            local.push(shown_local);
        }
        client.pump();
    }
    // The facilitator's last note is drawn on the host before its broadcast
    // reaches the mirror: await it (while the host still runs, so nothing
    // queued is cut off), and fail only if it never comes.
    let deadline = Instant::now() + Duration::from_secs(10);
    client.pump();
    while client.session().last_seq < last_seq {
        assert!(
            Instant::now() < deadline,
            "a broadcast was lost: the mirror stopped at seq {} of {last_seq}",
            client.session().last_seq
        );
        let _ = woken.recv_timeout(Duration::from_millis(100));
        client.pump();
    }
    to_host.send(ToHost::Stop).unwrap();
    host_thread.join().unwrap();
    assert_eq!(
        client.session().notes().count(),
        2 * (n + 20),
        "every note reached the mirror"
    );

    let mut table = Table::new(&[
        "",
        "median ms",
        "p99 ms",
        "max ms",
        "× baseline (median)",
        "× baseline (p99)",
    ]);
    let mut row = |name: &str, s: &mut Samples, base: &mut Samples| {
        let (m, p, x) = (s.median(), s.p99(), s.max());
        table.row(vec![
            name.to_owned(),
            ms(m),
            ms(p),
            ms(x),
            ratio(m, base.median()),
            ratio(p, base.p99()),
        ]);
    };
    let mut base = local.clone();
    row("notetaker command → host frame", &mut remote, &mut base);
    row("  of which: until the ack", &mut acked, &mut base);
    row(
        "baseline: facilitator's own command → frame",
        &mut local,
        &mut base,
    );
    println!("{n} commands, each stored and flushed; target p99 ≤ 20 ms\n");
    println!("{}", table.render());
}
