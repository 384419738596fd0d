//! Why a command was refused, in both languages: one line per
//! [`DomainError`] variant, (Indonesian, English), and the names of the fields
//! and records the domain puts inside a refusal ("note text" → "teks
//! catatan"). `DomainError`'s `Display` is the English column, so `fgd apply`
//! and a screen in English say the same words, written once.
//!
//! Owns the wording of refusals only: must not decide what is refused (that
//! is `domain::decide`) nor hold other screen words (`screen.rs`).

use std::fmt;

use super::{Pair, pick, screen};
use crate::domain::{DomainError, Language};

/// The names the domain gives fields and records inside a refusal
/// (`Empty`, `TooLong`, `UnknownRecord`), (Indonesian, English). The English
/// is the domain's own spelling, by which a name is looked up.
pub const NAMES: &[Pair] = &[
    ("“dari”", "“from”"),
    ("“menjadi”", "“to”"),
    ("teks catatan", "note text"),
    ("keputusan", "decision"),
    ("kesimpulan", "conclusion"),
    ("uraian tindak lanjut", "action"),
    ("judul", "title"),
    ("ID sesi", "session id"),
    ("penanggung jawab", "PIC"),
    ("nama peserta", "participant name"),
    ("jabatan", "position"),
    ("unit kerja", "unit"),
    ("NIP", "NIP"),
    ("judul acara", "agenda item title"),
    ("pemandu", "owner"),
    ("asal sesi", "origin"),
    ("pertanyaan panduan", "guide question"),
    ("catatan pola pikir", "mindset note"),
    ("catatan", "note"),
    ("tindak lanjut", "action item"),
    ("kolom", "field"),
    ("pertanyaan panduan", "guide questions"),
    ("peserta", "participants"),
    ("acara", "agenda items"),
    ("narasumber", "resource persons"),
    ("tempat", "venue"),
    ("tempat penandatanganan", "place"),
    ("penyelenggara", "organizer"),
    ("nama", "name"),
    ("pangkat/golongan", "rank"),
    ("ide inovasi", "idea"),
    ("masalah", "problem"),
    ("tim/OPD", "team"),
    ("pengusul", "proposer"),
    ("indikator", "indicator"),
    ("sumber daya", "resources"),
    ("jadwal", "schedule"),
];

/// A field or record name of the domain in `lang`; a name missing from
/// [`NAMES`] is shown as the domain spells it.
pub fn name(lang: Language, en: &'static str) -> &'static str {
    NAMES
        .iter()
        .find(|(_, e)| *e == en)
        .map_or(en, |pair| pick(lang, *pair))
}

/// Formats the Indonesian or the English text of one refusal; the words
/// after `;` are bound first (in `lang`) for both texts to use.
macro_rules! say {
    ($lang:expr, $id:literal, $en:literal $(; $($var:ident = $val:expr),+)?) => {{
        $($(let $var = $val;)+)?
        match $lang {
            Language::Id => format!($id),
            Language::En => format!($en),
        }
    }};
}

/// Why a command was refused, in `lang`.
pub fn refusal(lang: Language, e: &DomainError) -> String {
    use DomainError as E;
    let w = screen::words(lang);
    #[rustfmt::skip]
    let text = match e {
        E::NotCreated => say! { lang, "sesi belum ada", "the session does not exist yet" },
        E::AlreadyCreated => say! { lang, "sesi sudah ada", "the session already exists" },
        E::TimeWentBack { at, last } => say! { lang, "waktu tidak boleh mundur dari kejadian sebelumnya", "time {at} is before the previous event ({last}); times must not go back" },
        E::ReadOnly => say! { lang, "penonton hanya dapat melihat; bergabunglah sebagai notulis untuk mengubah", "a viewer can only watch; join as notetaker to make changes" },
        E::FacilitatorEnds => say! { lang, "hanya terminal fasilitator (`fgd run`) yang dapat mengakhiri sesi", "only the facilitator's terminal (`fgd run`) can end the session" },
        E::NotStarted => say! { lang, "sesi belum dimulai; mulai dulu (Space)", "the session has not started yet; start it first (Space, or {{\"cmd\":\"start\"}})" },
        E::AlreadyStarted => say! { lang, "sesi sudah dimulai", "the session has already started" },
        E::AlreadyPaused => say! { lang, "sesi sudah dijeda", "the session is already paused" },
        E::NotPaused => say! { lang, "sesi tidak sedang dijeda", "the session is not paused" },
        E::Ended => say! { lang, "sesi sudah selesai; hanya teks dan status yang masih bisa diperbaiki", "the session has ended; only texts and statuses can still be corrected" },
        E::AlreadyEnded => say! { lang, "sesi sudah selesai", "the session has already ended" },
        E::DateFixed => say! { lang, "tanggal tidak bisa diubah setelah sesi dimulai: tanggal sesi adalah hari sesi dimulai", "the date can't be changed once the session has started: the session's date is the day it started" },
        E::Empty(field) => say! { lang, "{field} wajib diisi", "{field} must not be empty"; field = name(lang, field) },
        E::TooLong { field, len, max } => say! { lang, "{field} terlalu panjang ({len} karakter; paling banyak {max})", "{field} is too long ({len} characters; at most {max})"; field = name(lang, field) },
        E::TooMany { what, count, max } => say! { lang, "{what} terlalu banyak ({count}; paling banyak {max})", "too many {what} ({count}; at most {max})"; what = name(lang, what) },
        E::AheadOfClock { at, clock } => say! { lang, "waktu {at} lebih dari 5 menit setelah jam sekarang ({clock}); periksa tanggal dan jamnya", "time {at} is more than 5 minutes after the clock ({clock}); check its date and time" },
        E::BadMinutes(m) => say! { lang, "menit rencana harus 1 sampai 1440, bukan {m}", "planned minutes must be between 1 and 1440, not {m}" },
        E::UnknownParticipant(r) => say! { lang, "tidak ada peserta atau narasumber `{r}`; sebut dengan kode (mis. P3, N1 untuk narasumber, F untuk pimpinan rapat) atau nama lengkap", "no participant or resource person `{r}`; name one by code (like P3, N1 for a resource person, F for the chair) or by exact name" },
        E::AmbiguousParticipant { name, codes } => say! { lang, "lebih dari satu peserta bernama `{name}`; pakai kode: {codes}", "more than one participant is named `{name}`; use a code: {codes}"; codes = codes.join(", ") },
        E::DuplicateCode { code, name } => say! { lang, "kode peserta {code} sudah dipakai oleh {name}", "participant code {code} is already used by {name}" },
        E::BadCode(c) => say! { lang, "kode peserta `{c}` harus 1–12 huruf, angka, `-` atau `_`, mis. P9", "participant code `{c}` must be 1–12 letters, digits, `-` or `_`, like P9" },
        E::AlreadyPresent(n) => say! { lang, "{n} sudah tercatat hadir", "{n} is already marked present" },
        E::NotPresent(n) => say! { lang, "{n} belum tercatat hadir", "{n} is not marked present" },
        E::TookPartAbsent { name: n, at, zone } => say! { lang, "{n} ikut bicara pukul {t}, jadi hadir; bila keliru orang, perbaiki dulu giliran dan catatannya", "{n} took part at {t}, so was present; if that was someone else, correct their turns and records first"; t = crate::i18n::time(*at, *zone, lang) },
        E::TookPartRemove { name: n, at, zone } => say! { lang, "{n} ikut bicara pukul {t} dan tetap di notulen, jadi tidak dapat dihapus; bila tidak hadir, perbaiki giliran dan catatannya, lalu tandai tidak hadir", "{n} took part at {t} and stays in the minutes, so can't be removed; if not there, correct their turns and records, then mark them absent"; t = crate::i18n::time(*at, *zone, lang) },
        E::ParticipantBusy(n) => say! { lang, "{n} sedang bicara atau ada di antrean; selesaikan atau hapus dulu", "{n} is speaking or in the speaker queue; finish or remove that first" },
        E::UnknownItem(i) => say! { lang, "tidak ada acara nomor {i}", "no agenda item {i}; the items are numbered 1, 2, 3 … as the agenda shows them" },
        E::NoActiveItem => say! { lang, "tidak ada acara yang berjalan", "no agenda item is active" },
        E::NoPendingItem => say! { lang, "tidak ada lagi acara yang menunggu; tambah acara, atau akhiri sesi", "no pending agenda item is left; add one, or end the session" },
        E::ItemNotPending { title, status, verb } => say! { lang, "acara “{title}” berstatus {status}; hanya acara yang menunggu yang bisa diubah begitu", "agenda item “{title}” is {status}; only a pending item can be {verb}"; status = w.item_status(*status) },
        E::ItemAlreadyActive(t) => say! { lang, "acara “{t}” sudah berjalan", "agenda item “{t}” is already active" },
        E::ItemHasRecords(t) => say! { lang, "acara “{t}” punya catatan, keputusan atau tindak lanjut; hapus atau pindahkan dulu", "agenda item “{t}” has notes, decisions or actions; remove or move them first" },
        E::BadPosition { to, len } => say! { lang, "posisi {to} di luar jangkauan; pakai 1 sampai {len}", "position {to} is out of range; use 1 to {len}" },
        E::UnknownQuestion { question, len } => say! { lang, "tidak ada pertanyaan panduan nomor {question}; acara ini punya {len}", "no guide question {question}; this item has {len}" },
        E::AlreadyQueued { name, kind } => say! { lang, "{name} sudah di antrean sebagai {kind}", "{name} is already in the queue as {kind}"; kind = pick(lang, (w.speak_kind(*kind), kind.as_str())) },
        E::UnknownEntry(i) => say! { lang, "tidak ada antrean nomor {i}", "no queue entry {i}" },
        E::QueueEmpty => say! { lang, "antrean bicara kosong", "the speaker queue is empty" },
        E::NotSpeaking => say! { lang, "tidak ada yang sedang bicara", "no speaker is talking" },
        E::AlreadySpeaking(n) => say! { lang, "{n} sedang bicara", "{n} is already speaking" },
        E::UnknownRecord { what, id } => say! { lang, "tidak ada {what} nomor {id}", "no {what} {id}; they are numbered 1, 2, 3 … as the live view and the minutes show them"; what = name(lang, what) },
        E::BadDue(d) => say! { lang, "batas waktu `{d}` tidak sah: tulis tanggal (31/12/2027, 31-12-2027, 31 Des 2027, 2027-12-31) atau hitungan dari hari ini: +7h hari, +2mg minggu, +1b bulan", "bad due date `{d}`: write a date (31/12/2027, 31-12-2027, 31 Dec 2027, 2027-12-31) or a count from today: +7d days, +2w weeks, +1mo months" },
        E::DueOfClosedAction => say! { lang, "batas waktu baru hanya untuk tindak lanjut yang masih terbuka: pakai status open untuk memperpanjang", "a new due date is only for an action still open: use status open to extend it" },
        E::NothingToChange => say! { lang, "tidak ada yang berubah", "nothing to change" },
        E::NothingToUndo => say! { lang, "tidak ada yang bisa diurungkan dari terminal ini", "nothing to undo from this terminal" },
        E::NoJury => say! { lang, "sesi ini tidak punya juri dan kriteria penilaian; tambahkan [[criteria]] dan [[jurors]] di rencana sesi", "this session has no jury and criteria; add [[criteria]] and [[jurors]] to its plan" },
        E::UnknownJuror(r) => say! { lang, "tidak ada juri `{r}`; sebut dengan kode (mis. J1) atau nama lengkap", "no juror `{r}`; name one by code (like J1) or by exact name" },
        E::UnknownCriterion(r) => say! { lang, "tidak ada kriteria `{r}`; sebut dengan nomor atau nama (awal nama cukup bila hanya satu yang cocok)", "no criterion `{r}`; name one by number or name (a unique start of the name will do)" },
        E::ScoreOutOfRange { value, max } => say! { lang, "nilai {value} melebihi nilai tertinggi kriteria ini ({max})", "score {value} is above this criterion's maximum ({max})" },
        E::ScoresAnnounced => say! { lang, "nilai sudah diumumkan; urungkan pengumuman dulu untuk mengubahnya", "the scores have been announced; undo the announcement first to change them" },
        E::NoScores => say! { lang, "belum ada nilai yang bisa diumumkan", "there are no scores to announce yet" },
        E::TooManyVotes { count, max } => say! { lang, "jumlah suara {count} terlalu besar (paling banyak {max})", "{count} votes is too many (at most {max})" },
        E::UndoConflict(what) => say! { lang, "tidak bisa mengurungkan “{what}”: sudah diubah dari terminal lain", "can't undo “{what}”: it was changed since from another terminal"; what = super::undo::named(lang, what) },
    };
    text
}

/// The English refusal: what `fgd apply` prints.
impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&refusal(Language::En, self))
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::domain::{ItemStatus, SpeakKind};

    #[test]
    fn refusals_speak_the_screen_language() {
        let e = DomainError::NotSpeaking;
        assert_eq!(refusal(Language::En, &e), "no speaker is talking");
        assert_eq!(refusal(Language::Id, &e), "tidak ada yang sedang bicara");
        let q = DomainError::AlreadyQueued {
            name: "Budi".into(),
            kind: SpeakKind::Reply,
        };
        assert_eq!(
            refusal(Language::Id, &q),
            "Budi sudah di antrean sebagai tanggapan"
        );
    }

    #[test]
    fn display_is_the_english_refusal() {
        let q = DomainError::AlreadyQueued {
            name: "Budi".into(),
            kind: SpeakKind::PointOfOrder,
        };
        assert_eq!(
            q.to_string(),
            "Budi is already in the queue as point_of_order"
        );
        assert_eq!(q.to_string(), refusal(Language::En, &q));
        let e = DomainError::Empty("note text");
        assert_eq!(e.to_string(), "note text must not be empty");
        assert_eq!(refusal(Language::Id, &e), "teks catatan wajib diisi");
        let e = DomainError::NotStarted;
        assert_eq!(
            e.to_string(),
            "the session has not started yet; start it first (Space, or {\"cmd\":\"start\"})"
        );
        let e = DomainError::TimeWentBack {
            at: Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap(),
            last: Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap(),
        };
        assert_eq!(
            e.to_string(),
            "time 2026-11-23 02:00:00 UTC is before the previous event \
             (2026-11-23 03:00:00 UTC); times must not go back"
        );
        for status in [
            ItemStatus::Pending,
            ItemStatus::Active,
            ItemStatus::Done,
            ItemStatus::Skipped,
            ItemStatus::Deferred,
        ] {
            let e = DomainError::ItemNotPending {
                title: "Pembukaan".into(),
                status,
                verb: "skipped",
            };
            assert_eq!(
                e.to_string(),
                format!(
                    "agenda item “Pembukaan” is {}; only a pending item can be skipped",
                    status.as_str()
                )
            );
        }
        let e = DomainError::AmbiguousParticipant {
            name: "Budi".into(),
            codes: vec!["P1".into(), "P4".into()],
        };
        assert_eq!(
            e.to_string(),
            "more than one participant is named `Budi`; use a code: P1, P4"
        );
    }

    /// One refusal of every variant that carries a name, with `name`.
    fn with_name(name: &'static str) -> [DomainError; 4] {
        [
            DomainError::Empty(name),
            DomainError::TooMany {
                what: name,
                count: 101,
                max: 100,
            },
            DomainError::TooLong {
                field: name,
                len: 501,
                max: 500,
            },
            DomainError::UnknownRecord { what: name, id: 7 },
        ]
    }

    /// One refusal of every other variant.
    #[expect(
        clippy::too_many_lines,
        reason = "a table of test cases, one refusal of every variant"
    )]
    fn without_name() -> Vec<DomainError> {
        use DomainError as E;
        let at = Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap();
        let s = || "Budi".to_owned();
        vec![
            E::NotCreated,
            E::AlreadyCreated,
            E::TimeWentBack { at, last: at },
            E::AheadOfClock { at, clock: at },
            E::ReadOnly,
            E::FacilitatorEnds,
            E::NotStarted,
            E::AlreadyStarted,
            E::AlreadyPaused,
            E::NotPaused,
            E::Ended,
            E::AlreadyEnded,
            E::DateFixed,
            E::BadMinutes(0),
            E::UnknownParticipant(s()),
            E::AmbiguousParticipant {
                name: s(),
                codes: vec!["P1".into(), "P2".into()],
            },
            E::DuplicateCode {
                code: "P1".into(),
                name: s(),
            },
            E::BadCode("?".into()),
            E::AlreadyPresent(s()),
            E::NotPresent(s()),
            E::ParticipantBusy(s()),
            E::TookPartAbsent {
                name: s(),
                at,
                zone: crate::domain::Zone::WIB,
            },
            E::TookPartRemove {
                name: s(),
                at,
                zone: crate::domain::Zone::WIB,
            },
            E::UnknownItem(9),
            E::NoActiveItem,
            E::NoPendingItem,
            E::ItemNotPending {
                title: s(),
                status: ItemStatus::Done,
                verb: "skipped",
            },
            E::ItemNotPending {
                title: s(),
                status: ItemStatus::Active,
                verb: "removed",
            },
            E::ItemNotPending {
                title: s(),
                status: ItemStatus::Deferred,
                verb: "deferred",
            },
            E::ItemAlreadyActive(s()),
            E::ItemHasRecords(s()),
            E::BadPosition { to: 9, len: 3 },
            E::UnknownQuestion {
                question: 4,
                len: 3,
            },
            E::AlreadyQueued {
                name: s(),
                kind: SpeakKind::PointOfOrder,
            },
            E::AlreadyQueued {
                name: s(),
                kind: SpeakKind::Clarify,
            },
            E::UnknownEntry(4),
            E::QueueEmpty,
            E::NotSpeaking,
            E::AlreadySpeaking(s()),
            E::BadDue("soon".into()),
            E::DueOfClosedAction,
            E::NothingToChange,
            E::NothingToUndo,
            E::UndoConflict(s()),
            E::NoJury,
            E::UnknownJuror("J9".into()),
            E::UnknownCriterion("x".into()),
            E::ScoreOutOfRange {
                value: 120,
                max: 100,
            },
            E::ScoresAnnounced,
            E::NoScores,
            E::TooManyVotes {
                count: 200_000,
                max: 100_000,
            },
        ]
    }

    /// The English names an Indonesian refusal must not show: every English
    /// name that is not itself part of an Indonesian name ("NIP", "unit").
    fn foreign() -> Vec<&'static str> {
        NAMES
            .iter()
            .map(|(_, en)| *en)
            .filter(|en| NAMES.iter().all(|(id, _)| !id.contains(en)))
            .collect()
    }

    #[test]
    fn indonesian_refusals_name_no_field_in_english() {
        let foreign = foreign();
        assert!(foreign.contains(&"note text") && foreign.contains(&"action item"));
        let mut all = without_name();
        for (id, en) in NAMES {
            for e in with_name(en) {
                let text = refusal(Language::Id, &e);
                assert!(text.contains(id), "{text:?} lacks {id:?}");
                assert!(refusal(Language::En, &e).contains(en));
                all.push(e);
            }
        }
        for e in &all {
            let text = refusal(Language::Id, e);
            for en in &foreign {
                assert!(!text.contains(en), "{text:?} names {en:?} in English");
            }
        }
    }

    #[test]
    fn every_name_is_spelled_once() {
        for (i, (id, en)) in NAMES.iter().enumerate() {
            assert!(!id.is_empty() && !en.is_empty());
            assert!(NAMES[i + 1..].iter().all(|(_, e)| e != en), "{en} twice");
        }
        assert_eq!(name(Language::Id, "note text"), "teks catatan");
        assert_eq!(name(Language::En, "note text"), "note text");
        assert_eq!(name(Language::Id, "not a known name"), "not a known name");
    }
}
