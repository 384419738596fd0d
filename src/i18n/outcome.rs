//! The words of what became of a command — not saved, saved but, may not
//! have been saved, a connection the host refused — one line per message,
//! `(Indonesian, English)`. A screen words them in its language; the CLI and
//! the live wire use English. Pure functions of their arguments: must not
//! hold state or look at the store.

use crate::domain::Language;
use crate::engine::{HostWords, LogUnavailable, NotStored, Notice, PeerRefusal, Refusal, Unsure};

use words::{CLIENT_SPEAKS, FACILITATOR_JOINS, HOST_SPEAKS, NO_HELLO};
use words::{
    CONNECTION_LOST, DISCONNECTED, LOG_MISFIT, LOG_NOT_SENT, LOG_UNREADABLE, LOST_BEFORE_ANSWER,
    MAYBE_NOT_SAVED, NO_ANSWER, NOT_SAVED, NOT_UNDERSTOOD, PEER_OTHER_USER, PEER_UNCHECKED,
    SAVED_BUT,
};

/// One message in both languages: `(Indonesian, English)`; `{}` marks where
/// its argument goes.
type Words = (&'static str, &'static str);

#[rustfmt::skip]
mod words {
    pub(super) const NOT_SAVED: super::Words = ("tidak tersimpan: {}", "not saved: {}");
    pub(super) const SAVED_BUT: super::Words = ("tersimpan, tetapi: {}", "saved, but: {}");
    pub(super) const DISCONNECTED: super::Words = ("terputus dari host (sedang menyambung ulang); coba lagi setelah tersambung", "disconnected from the host (reconnecting); try again once it is back");
    pub(super) const CONNECTION_LOST: super::Words = ("sambungan ke host terputus; coba lagi setelah tersambung", "the connection to the host was lost; try again once it is back");
    pub(super) const NO_ANSWER: super::Words = ("host tidak menjawab tepat waktu", "the host did not answer in time");
    pub(super) const LOST_BEFORE_ANSWER: super::Words = ("sambungan ke host terputus sebelum host menjawab", "the connection to the host was lost before it answered");
    pub(super) const MAYBE_NOT_SAVED: super::Words = ("{}; perintah itu mungkin belum tersimpan: periksa layar setelah tersambung kembali", "{}; the command may not have been saved: check the screen once reconnected");
    pub(super) const NOT_UNDERSTOOD: super::Words = ("bukan perintah yang dipahami host: {}", "not a command the host understands: {}");
    pub(super) const LOG_MISFIT: super::Words = ("log berakhir pada peristiwa {}, sesi pada {}", "the log ends at event {} and the session at {}");
    pub(super) const LOG_NOT_SENT: super::Words = ("host tidak mengirim log sesi: {}", "the host did not send the session's log: {}");
    pub(super) const LOG_UNREADABLE: super::Words = ("host tidak dapat membaca log sesi: {}", "the host can't read the session's log: {}");
    pub(super) const PEER_OTHER_USER: super::Words = ("menolak sambungan dari uid {} (proses {}): hanya uid {} yang boleh bergabung", "refused a connection from uid {} (process {}): only uid {} may join");
    pub(super) const NO_HELLO: super::Words = ("baris pertama harus salam (hello)", "expected a hello line first");
    pub(super) const CLIENT_SPEAKS: super::Words = ("host ini memakai protokol live fgd {} dan terminal ini {}: jalankan versi fgd yang sama di kedua terminal", "this host speaks fgd live protocol {} and the client speaks {}: run the same fgd version on both terminals");
    pub(super) const HOST_SPEAKS: super::Words = ("host memakai protokol live fgd {} dan fgd ini {}: jalankan versi fgd yang sama di kedua terminal", "the host speaks fgd live protocol {} and this fgd speaks {}: run the same fgd version on both terminals");
    pub(super) const FACILITATOR_JOINS: super::Words = ("terminal fasilitator adalah host itu sendiri; bergabunglah sebagai notulis atau layar", "the facilitator's terminal is the host itself; join as notetaker or viewer");
    pub(super) const PEER_UNCHECKED: super::Words = ("menolak sambungan yang penggunanya tidak dapat diperiksa: {}", "refused a connection whose user can't be checked: {}");
}

/// The message in `lang`, each `{}` filled in order with `args`.
fn say(lang: Language, (id, en): Words, args: &[&str]) -> String {
    let template = match lang {
        Language::Id => id,
        Language::En => en,
    };
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or_default());
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// Why a command was not stored, as a screen or the wire says it.
pub fn not_stored(lang: Language, why: &NotStored) -> String {
    match why {
        NotStored::Store(e) => say(lang, NOT_SAVED, &[&super::errors::store(lang, e)]),
        // The host worded it already: in Indonesian too where it sent them
        // (an older host sends English alone).
        NotStored::Host(words) => host_words(lang, words),
        NotStored::Disconnected => {
            let reason = say(lang, DISCONNECTED, &[]);
            say(lang, NOT_SAVED, &[&reason])
        }
        NotStored::ConnectionLost => {
            let reason = say(lang, CONNECTION_LOST, &[]);
            say(lang, NOT_SAVED, &[&reason])
        }
    }
}

/// The host's own words in `lang`: its Indonesian where it sent them (an
/// older host sends English alone).
pub fn host_words(lang: Language, words: &HostWords) -> String {
    match (lang, &words.id) {
        (Language::Id, Some(id)) => id.clone(),
        _ => words.en.clone(),
    }
}

/// Why a host turns a joining terminal away, in both languages: no hello
/// first, another protocol (`client`'s), or a terminal claiming to be the
/// facilitator.
pub fn unwelcome(no_hello: bool, client: Option<u32>, host: u32) -> HostWords {
    let words = |lang| match client {
        _ if no_hello => say(lang, NO_HELLO, &[]),
        Some(v) => say(lang, CLIENT_SPEAKS, &[&host.to_string(), &v.to_string()]),
        None => say(lang, FACILITATOR_JOINS, &[]),
    };
    HostWords {
        en: words(Language::En),
        id: Some(words(Language::Id)),
    }
}

/// A host of protocol `host` welcomed this terminal of protocol `own`.
pub fn host_speaks(host: u32, own: u32) -> HostWords {
    let words = |lang| say(lang, HOST_SPEAKS, &[&host.to_string(), &own.to_string()]);
    HostWords {
        en: words(Language::En),
        id: Some(words(Language::Id)),
    }
}

/// Why a command may or may not have been stored.
pub fn unsure(lang: Language, why: Unsure) -> String {
    let reason = match why {
        Unsure::NoAnswer => say(lang, NO_ANSWER, &[]),
        Unsure::LostBeforeAnswer => say(lang, LOST_BEFORE_ANSWER, &[]),
    };
    say(lang, MAYBE_NOT_SAVED, &[&reason])
}

/// A refusal that is not the rules' (those are worded by the screen or by
/// the rule's own text): `None` for [`Refusal::Rule`].
pub fn refusal(lang: Language, refusal: &Refusal) -> Option<String> {
    match refusal {
        Refusal::Rule(_) => None,
        Refusal::NotStored(why) => Some(not_stored(lang, why)),
        Refusal::Unsure(why) => Some(unsure(lang, *why)),
    }
}

/// What to tell the user after a command that went through all the same.
pub fn notice(lang: Language, notice: &Notice) -> String {
    match notice {
        Notice::StoredBut(e) => say(lang, SAVED_BUT, &[&super::errors::store(lang, e)]),
        Notice::Peer(why) => peer_refusal(lang, why),
    }
}

/// Why the host refused a connection.
pub fn peer_refusal(lang: Language, why: &PeerRefusal) -> String {
    match why {
        PeerRefusal::OtherUser { uid, pid, own } => say(
            lang,
            PEER_OTHER_USER,
            &[&uid.to_string(), &pid.to_string(), &own.to_string()],
        ),
        PeerRefusal::Unchecked(e) => say(lang, PEER_UNCHECKED, &[e]),
    }
}

/// A line the host could not read as a command (the wire's `failed`).
pub fn not_understood(lang: Language, detail: &str) -> String {
    say(lang, NOT_UNDERSTOOD, &[detail])
}

/// Why the host refused a join: it could not read the session's log.
pub fn log_unreadable(lang: Language, detail: &str) -> String {
    say(lang, LOG_UNREADABLE, &[detail])
}

/// Why the log could not be fetched from the host.
pub fn log_unavailable(lang: Language, why: &LogUnavailable) -> String {
    let reason = match why {
        LogUnavailable::Disconnected => say(lang, DISCONNECTED, &[]),
        LogUnavailable::NoAnswer => say(lang, NO_ANSWER, &[]),
        LogUnavailable::Host(message) => message.clone(),
        LogUnavailable::Misfit { log, session } => {
            say(lang, LOG_MISFIT, &[&log.to_string(), &session.to_string()])
        }
    };
    say(lang, LOG_NOT_SENT, &[&reason])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_words_are_the_ones_scripts_and_the_wire_know() {
        let en = Language::En;
        assert_eq!(
            not_stored(en, &NotStored::Disconnected),
            "not saved: disconnected from the host (reconnecting); try again once it is back"
        );
        assert_eq!(
            not_stored(en, &NotStored::ConnectionLost),
            "not saved: the connection to the host was lost; try again once it is back"
        );
        assert_eq!(
            unsure(en, Unsure::NoAnswer),
            "the host did not answer in time; the command may not have been saved: check the screen once reconnected"
        );
        assert_eq!(
            unsure(en, Unsure::LostBeforeAnswer),
            "the connection to the host was lost before it answered; the command may not have been saved: check the screen once reconnected"
        );
        let peer = PeerRefusal::OtherUser {
            uid: 1001,
            pid: 42,
            own: 1000,
        };
        assert_eq!(
            peer_refusal(en, &peer),
            "refused a connection from uid 1001 (process 42): only uid 1000 may join"
        );
        assert_eq!(
            not_understood(en, "x"),
            "not a command the host understands: x"
        );
        assert_eq!(say(en, SAVED_BUT, &["{}"]), "saved, but: {}");
    }

    #[test]
    fn every_message_has_both_languages() {
        for (id, en) in [
            NOT_SAVED,
            SAVED_BUT,
            DISCONNECTED,
            CONNECTION_LOST,
            NO_ANSWER,
            LOST_BEFORE_ANSWER,
            MAYBE_NOT_SAVED,
            NOT_UNDERSTOOD,
            LOG_UNREADABLE,
            PEER_OTHER_USER,
            PEER_UNCHECKED,
        ] {
            assert!(!id.is_empty() && id != en, "{en}");
            assert_eq!(id.matches("{}").count(), en.matches("{}").count(), "{en}");
        }
    }
}
