//! Each command once: a command carries its sender's id; the host records
//! it once and answers a repeat with the first outcome — on the same
//! connection, a new one, after the host was frozen and after it was
//! killed and started again. `fgd apply` through a frozen host waits and
//! answers each line truthfully.

use std::io::{BufRead, BufReader, Write as _};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use super::{Mirror, hello_as, host, note, session_dir};
use crate::bin_support::Fgd;
use crate::tmux_support::{holder_pid, signal};
use fgd::domain::{Actor, Command};
use fgd::engine::Refusal;

/// A raw client with a chosen id, reading the host's answers by number.
struct Raw {
    stream: UnixStream,
    reader: BufReader<UnixStream>,
}

impl Raw {
    fn join(fgd: &Fgd, id: &str, client: u64) -> Raw {
        let path = fgd::live::socket_path(&session_dir(fgd, id)).unwrap();
        let mut stream = UnixStream::connect(&path).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        stream
            .write_all(hello_as("notetaker", client).as_bytes())
            .unwrap();
        let reader = BufReader::new(stream.try_clone().unwrap());
        let mut raw = Raw { stream, reader };
        let welcome = raw.line();
        assert_eq!(welcome["type"], "welcome", "{welcome}");
        raw
    }

    fn line(&mut self) -> serde_json::Value {
        let mut line = String::new();
        self.reader.read_line(&mut line).unwrap();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"))
    }

    /// Sends command `number` and gives the host's answer to it.
    fn send(&mut self, number: u64, command: &str) -> serde_json::Value {
        let line = format!("{{\"type\":\"command\",\"id\":{number},\"command\":{command}}}\n");
        self.stream.write_all(line.as_bytes()).unwrap();
        loop {
            let msg = self.line();
            if msg["type"] != "event" && msg["id"] == number {
                return msg;
            }
        }
    }
}

fn count_notes(mirror: &mut Mirror, text: &str) -> usize {
    mirror.client.pump();
    mirror
        .note_texts()
        .iter()
        .filter(|t| t.as_str() == text)
        .count()
}

#[test]
fn a_repeated_command_id_gets_the_first_answer_even_after_a_restart() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(h) = host(&fgd, &id) else { return };
    let mut mirror = Mirror::join(&fgd, &id, Actor::Notetaker);
    mirror.client.execute(Command::Start, None).unwrap();

    let sekali = r#"{"cmd":"add_note","text":"sekali saja","kind":"insight"}"#;
    let mut raw = Raw::join(&fgd, &id, 77);
    let first = raw.send(1, sekali);
    assert_eq!(first["type"], "ack", "{first}");
    // The same id again, even with another command: the first answer.
    assert_eq!(raw.send(1, sekali), first);
    let other = r#"{"cmd":"add_note","text":"lain","kind":"insight"}"#;
    assert_eq!(raw.send(1, other), first);
    // A refusal is answered the same way again, and records nothing.
    let end = r#"{"cmd":"end"}"#;
    let refused = raw.send(2, end);
    assert_eq!(refused["type"], "rejected", "{refused}");
    assert_eq!(raw.send(2, end), refused);
    // Through a new connection of the same client: the same.
    let mut again = Raw::join(&fgd, &id, 77);
    assert_eq!(again.send(1, sekali), first);
    let seq = first["seq"].as_u64().unwrap();
    mirror.until("the note", |c| c.session().last_seq >= seq);
    assert_eq!(mirror.client.session().last_seq, seq, "nothing else");
    assert_eq!(count_notes(&mut mirror, "sekali saja"), 1);
    drop((raw, again));

    // The host is killed and started again: the id was stored with the
    // event, so the retry is still answered with the first answer.
    signal(&holder_pid(&fgd, &id), "KILL");
    drop(h);
    let _h = host(&fgd, &id).unwrap();
    let mut after = Raw::join(&fgd, &id, 77);
    assert_eq!(after.send(1, sekali), first);
    // Another client's command 1 is another command.
    let mut stranger = Raw::join(&fgd, &id, 78);
    let theirs = stranger.send(1, sekali);
    assert_eq!(theirs["type"], "ack", "{theirs}");
    assert_eq!(theirs["seq"].as_u64().unwrap(), seq + 1);
    mirror.until("the reconnection and the second note", |c| {
        c.trouble().is_none() && c.session().last_seq == seq + 1
    });
    assert_eq!(count_notes(&mut mirror, "sekali saja"), 2);
}

/// The notetaker submits while the host is frozen: no answer in time, so
/// "may not have been saved"; submitted again once the host is back, it is
/// the same command, recorded once.
#[test]
fn a_notetakers_retry_after_no_answer_never_records_twice() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(_h) = host(&fgd, &id) else { return };
    let mut notetaker = Mirror::join(&fgd, &id, Actor::Notetaker);
    notetaker.client.execute(Command::Start, None).unwrap();
    let pid = holder_pid(&fgd, &id);
    let text = "Usulan dicatat sekali";

    signal(&pid, "STOP");
    let first = notetaker.client.execute(note(text), None);
    signal(&pid, "CONT");
    assert!(matches!(first, Err(Refusal::Unsure(_))), "{first:?}");
    notetaker.until("the reconnection", |c| c.trouble().is_none());
    let seq = notetaker.client.execute(note(text), None).unwrap();
    assert_eq!(notetaker.client.session().last_seq, seq);
    assert_eq!(count_notes(&mut notetaker, text), 1, "recorded once");
    // A new command after it is new.
    let next = notetaker.client.execute(note(text), None).unwrap();
    assert_eq!(next, seq + 1);
    assert_eq!(count_notes(&mut notetaker, text), 2);
}

/// `fgd apply` through a host frozen for 8 s: the lines sent meanwhile are
/// answered once the host wakes, each `ok`, each recorded exactly once.
#[test]
fn apply_through_a_frozen_host_records_each_line_once_and_answers_truly() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(_h) = host(&fgd, &id) else { return };
    let mut apply = fgd.spawn(&["apply", &id]);
    let mut input = apply.stdin.take().unwrap();
    let mut answers = BufReader::new(apply.stdout.take().unwrap()).lines();
    let mut line = |cmd: &str| writeln!(input, "{cmd}").unwrap();
    line(r#"{"cmd":"start"}"#);
    let started = answers.next().unwrap().unwrap();
    assert!(started.starts_with("ok "), "{started}");

    let pid = holder_pid(&fgd, &id);
    signal(&pid, "STOP");
    for i in 0..3 {
        line(&format!(
            r#"{{"cmd":"add_note","text":"beku {i}","kind":"insight"}}"#
        ));
    }
    // The host stays frozen longer than a command waits for its answer.
    std::thread::sleep(Duration::from_secs(8));
    signal(&pid, "CONT");
    line(r#"{"cmd":"add_note","text":"sesudah","kind":"insight"}"#);
    drop(input);
    let rest: Vec<String> = answers.map(Result::unwrap).collect();
    let status = apply.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut apply.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(status.success(), "{rest:?} {stderr}");
    assert_eq!(rest.len(), 4, "{rest:?}");
    let first: u64 = started[3..].parse().unwrap();
    let seqs: Vec<u64> = rest
        .iter()
        .map(|l| l.strip_prefix("ok ").unwrap().parse().unwrap())
        .collect();
    assert_eq!(
        seqs,
        (first + 1..=first + 4).collect::<Vec<_>>(),
        "{rest:?}"
    );

    let mut mirror = Mirror::join(&fgd, &id, Actor::Viewer);
    assert_eq!(mirror.client.session().last_seq, first + 4, "nothing twice");
    for text in ["beku 0", "beku 1", "beku 2", "sesudah"] {
        assert_eq!(count_notes(&mut mirror, text), 1, "{text}");
    }
}
