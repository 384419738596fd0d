//! The host's own reasons reach a joined terminal in its screen's language:
//! a failure carries the Indonesian words beside the English.

use std::io::{BufRead, BufReader, Write as _};
use std::os::unix::net::UnixStream;
use std::time::Duration;

use super::{hello, host, session_dir};
use crate::bin_support::Fgd;
use fgd::domain::Language;
use fgd::engine::{HostWords, NotStored};
use fgd::i18n::outcome::not_stored;
use fgd::live::proto::ToClient;

#[test]
fn a_command_the_host_cannot_read_is_answered_in_both_languages() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(_h) = host(&fgd, &id) else { return };
    let path = fgd::live::socket_path(&session_dir(&fgd, &id)).unwrap();
    let mut s = UnixStream::connect(&path).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    // A command of a kind this host does not know.
    let line = "{\"type\":\"command\",\"id\":9,\"command\":{\"cmd\":\"dance\"}}\n";
    s.write_all(format!("{}{line}", hello("notetaker")).as_bytes())
        .unwrap();
    let mut reader = BufReader::new(&s);
    let failed = loop {
        let mut line = String::new();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "closed unanswered"
        );
        if let Ok(msg @ ToClient::Failed { .. }) = serde_json::from_str::<ToClient>(&line) {
            break msg;
        }
    };
    let ToClient::Failed {
        id: 9,
        message,
        indonesian: Some(indonesian),
    } = failed
    else {
        panic!("no Indonesian words: {failed:?}");
    };
    assert_ne!(message, indonesian);
    let words = NotStored::Host(HostWords {
        en: message.clone(),
        id: Some(indonesian.clone()),
    });
    assert_eq!(not_stored(Language::Id, &words), indonesian);
    assert_eq!(not_stored(Language::En, &words), message);
}

#[test]
fn a_join_of_another_protocol_is_refused_in_both_languages() {
    let fgd = Fgd::new();
    let id = fgd.new_session(&["--plan", "fgd-pola-pikir"]);
    let Some(_h) = host(&fgd, &id) else { return };
    let path = fgd::live::socket_path(&session_dir(&fgd, &id)).unwrap();
    let mut s = UnixStream::connect(&path).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(b"{\"type\":\"hello\",\"version\":99,\"role\":\"notetaker\",\"client\":5}\n")
        .unwrap();
    let mut line = String::new();
    BufReader::new(&s).read_line(&mut line).unwrap();
    let Ok(ToClient::Refused {
        reason,
        indonesian: Some(indonesian),
        ..
    }) = serde_json::from_str::<ToClient>(&line)
    else {
        panic!("not refused in both languages: {line}");
    };
    assert!(reason.contains("speaks 99"), "{reason}");
    assert!(indonesian.contains("protokol live fgd"), "{indonesian}");
    assert!(indonesian.contains("99"), "{indonesian}");
    let words = HostWords {
        en: reason.clone(),
        id: Some(indonesian.clone()),
    };
    let shown = fgd::i18n::errors::join(Language::Id, &id, &fgd::live::JoinError::Refused(words));
    assert!(shown.contains(&indonesian), "{shown}");
}
