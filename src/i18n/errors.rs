//! The store's and the second terminal's errors as the screen shows them,
//! in the screen's language, one line per error with both languages
//! (Indonesian, English). The command line prints the types' own English
//! `Display`; the screen (home, live view) words them here. A system's own
//! text inside (an OS error, a database's detail) is shown as it came.

use crate::domain::Language;
use crate::live::JoinError;
use crate::store::StoreError;

macro_rules! say {
    ($lang:expr, $id:literal, $en:literal $(; $($var:ident = $val:expr),+)?) => {{
        $($(let $var = $val;)+)?
        match $lang {
            Language::Id => format!($id),
            Language::En => format!($en),
        }
    }};
}

/// A store error, in `lang` (the English is the error's own `Display`,
/// as the command line prints it).
#[rustfmt::skip]
pub fn store(lang: Language, e: &StoreError) -> String {
    use StoreError as E;
    if lang == Language::En {
        return e.to_string();
    }
    match e {
        E::Unknown(id) => say! { lang, "tidak ada sesi `{id}`", "no session `{id}`" },
        E::Ambiguous { prefix, matches } => say! { lang, "`{prefix}` cocok dengan lebih dari satu sesi: {m}; ketik lebih banyak", "`{prefix}` matches more than one session: {m}; type more of the id"; m = matches.join(", ") },
        E::Locked { id, pid, joinable, .. } => locked(lang, id, *pid, *joinable),
        E::NewerSchema { id, .. } => say! { lang, "sesi {id} ditulis oleh fgd yang lebih baru; tidak ada yang diubah: buka dengan fgd yang lebih baru", "session {id} was written by a newer fgd; nothing was changed: open it with a newer fgd" },
        E::Corrupt { id, detail } => say! { lang, "sesi {id} tidak dapat dibuka ({detail}); tidak ada yang diubah: `fgd repair {id}` memulihkannya", "session {id} can't be opened ({detail}); nothing was changed: `fgd repair {id}` rebuilds it" },
        E::Damaged { id, detail, recoverable } => say! { lang, "sesi {id} tidak dapat dibuka ({detail}); tidak ada yang diubah: `fgd repair {id}` memulihkan {recoverable} peristiwa", "session {id} can't be opened ({detail}); nothing was changed: `fgd repair {id}` brings back {recoverable} event(s)" },
        E::Exists(id) => say! { lang, "sesi dengan id {id} sudah ada", "a session with id {id} already exists" },
        E::OutOfOrder { expected, got } => say! { lang, "galat internal: peristiwa {got} ditulis di tempat {expected}", "internal error: event {got} appended where {expected} was expected" },
        E::Encode(why) => say! { lang, "galat internal: peristiwa tidak dapat disandikan ({why})", "internal error: can't encode an event ({why})" },
        E::Db { id, detail } => say! { lang, "basis data sesi {id} gagal: {detail}", "the database of {id} failed: {detail}" },
        E::Unsafe(why) => say! { lang, "{why}; fgd hanya menyimpan sesi di tempat yang tidak bisa diubah orang lain: jadikan milik Anda dan privat (`chmod go-w`), atau pilih --data-dir lain", "{why}; fgd keeps sessions only where no one else can change them: make it yours and private (`chmod go-w`), or choose another --data-dir" },
        E::Io { path, source } => say! { lang, "{p}: {source}", "{p}: {source}"; p = path.display() },
    }
}

/// A session another process holds.
fn locked(lang: Language, id: &str, pid: Option<u32>, joinable: bool) -> String {
    let who = match (pid, lang) {
        (Some(p), Language::Id) => format!("proses {p}"),
        (Some(p), Language::En) => format!("process {p}"),
        (None, Language::Id) => "program lain".to_owned(),
        (None, Language::En) => "another program".to_owned(),
    };
    if joinable {
        say! { lang, "sesi {id} sedang dibuka oleh {who}; gabung dengan `fgd join {id}`", "session {id} is in use by {who}; join it with `fgd join {id}`" }
    } else {
        say! { lang, "sesi {id} sedang dibuka oleh {who}; coba lagi setelah selesai", "session {id} is in use by {who}; try again when it has finished" }
    }
}

/// Why joining a hosted session failed, in `lang`.
#[rustfmt::skip]
pub fn join(lang: Language, id: &str, e: &JoinError) -> String {
    match e {
        JoinError::NotLive => say! { lang, "sesi {id} tidak sedang berjalan: tidak ada `fgd run` yang membukanya", "session {id} is not live: no `fgd run` is hosting it" },
        JoinError::Refused(words) => { let why = super::outcome::host_words(lang, words); say! { lang, "terminal fasilitator menolak: {why}", "the facilitator's terminal refused: {why}" } }
        JoinError::Closed => say! { lang, "terminal fasilitator menutup sambungan sebelum menyambut terminal ini", "the facilitator's terminal closed the connection before welcoming this one" },
        JoinError::Io(err) => say! { lang, "terminal fasilitator tidak terjangkau: {err}", "can't reach the facilitator's terminal: {err}" },
    }
}

/// Why the minutes could not be written, in `lang`.
#[rustfmt::skip]
pub fn export(lang: Language, e: &crate::tui::port::ExportFailed) -> String {
    use crate::tui::port::ExportFailed as X;
    match e {
        X::Log(e) => store(lang, e),
        X::Write(err) => say! { lang, "notulen tidak dapat ditulis: {err}", "the minutes could not be written: {err}" },
        X::Remote(why) => super::outcome::log_unavailable(lang, why),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_session_is_worded_in_the_screens_language() {
        let e = StoreError::Locked {
            id: "2026-11-23-pola".into(),
            pid: Some(42),
            command: "fgd run 2026-11-23-pola".into(),
            joinable: true,
        };
        let id = store(Language::Id, &e);
        assert_eq!(
            id,
            "sesi 2026-11-23-pola sedang dibuka oleh proses 42; gabung dengan `fgd join 2026-11-23-pola`"
        );
        assert!(!id.contains("in use"), "{id}");
        assert_eq!(store(Language::En, &e), e.to_string());
        let j = join(Language::Id, "x", &JoinError::NotLive);
        assert!(j.contains("tidak sedang berjalan"), "{j}");
    }
}
