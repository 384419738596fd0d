//! The words of the keys: for every [`Op`] of the keymap its help text (the
//! `?` overlay) and, for the ops the footer offers, its short hint, both
//! languages on one line as (Indonesian, English). Owns only words: which
//! keys an op has and which ops a footer shows live in `tui::keymap`.

use crate::domain::Language;
use crate::tui::keymap::Op;

/// The help text of an op, in `lang`.
pub fn help(op: Op, lang: Language) -> &'static str {
    pick(help_words(op), lang)
}

/// The footer's short word for an op, in `lang`; `None` for an op no
/// footer offers.
pub fn hint(op: Op, lang: Language) -> Option<&'static str> {
    hint_words(op).map(|w| pick(w, lang))
}

fn pick((id, en): (&'static str, &'static str), lang: Language) -> &'static str {
    match lang {
        Language::Id => id,
        Language::En => en,
    }
}

#[rustfmt::skip]
fn help_words(op: Op) -> (&'static str, &'static str) {
    match op {
        Op::Help => ("bantuan", "help"),
        Op::Quit => ("keluar (bertanya saat sesi berjalan; semua tersimpan)", "quit (asks while live; all is saved)"),
        Op::Cancel => ("tutup / batal", "close popup / cancel"),
        Op::NextPanel => ("panel berikutnya", "next panel"),
        Op::PrevPanel => ("panel sebelumnya", "previous panel"),
        Op::Up => ("naik", "move up"),
        Op::Down => ("turun", "move down"),
        Op::Open => ("buka / ubah baris terpilih", "open / edit the selected row"),
        Op::Add => ("tambah ke daftar", "add to the focused list"),
        Op::Remove => ("hapus baris terpilih (bertanya)", "remove the selected row (asks)"),
        Op::MoveUp => ("geser baris ke atas", "move the selected row up"),
        Op::MoveDown => ("geser baris ke bawah", "move the selected row down"),
        Op::SwitchLanguage => ("ganti bahasa (id / en)", "switch language (id / en)"),
        Op::StartPause => ("mulai / jeda / lanjutkan sesi", "start / pause / resume the session"),
        Op::NextItem => ("acara berikutnya (tanpa bertanya)", "next agenda item (never asks)"),
        Op::DeferItem => ("tunda acara yang berjalan", "defer the active item"),
        Op::StartItem => ("mulai acara terpilih sekarang", "start the selected agenda item now"),
        Op::SkipItem => ("lewati acara terpilih", "skip the selected agenda item"),
        Op::NextQuestion => ("pertanyaan panduan berikutnya", "next guide question"),
        Op::CoverQuestion => ("centang pertanyaan panduan ini terbahas / belum", "tick this guide question covered / not"),
        Op::Participants => ("peserta dan daftar hadir", "participants and attendance"),
        Op::SessionInfo => ("info sesi: judul, tanggal, tempat, penanda tangan", "session info: title, date, venue, signers"),
        Op::Review => ("review tindak lanjut pertemuan sebelumnya: selesai, proses, perpanjang, batal", "review last meeting's actions: done, in progress, extend, drop"),
        Op::Undo => ("urungkan perintah terakhir dari terminal ini", "undo the last command from this terminal"),
        Op::End => ("akhiri sesi (bertanya), ekspor notulen", "end the session (asks), export the minutes"),
        Op::RaiseHand => ("angkat tangan (pilih peserta, lalu jenis)", "raise a hand (pick participant, then kind)"),
        Op::CallNext => ("panggil pembicara berikutnya", "call the next speaker"),
        Op::FinishSpeaker => ("selesaikan pembicara", "finish the current speaker"),
        Op::CallSpeaker => ("beri giliran ke siapa pun (ajak yang belum bicara)", "give the floor to anyone (draw out the quiet)"),
        Op::NewMindset => ("catatan pola pikir baru (dari → menjadi)", "new mindset note (from → to)"),
        Op::NewNote => ("catatan baru", "new note"),
        Op::NewDecision => ("keputusan baru", "new decision"),
        Op::NewConclusion => ("kesimpulan baru", "new conclusion"),
        Op::NewAction => ("tindak lanjut baru", "new action item"),
        Op::ToggleDone => ("tandai tindak lanjut selesai / terbuka", "mark the selected action done / open"),
        Op::DropAction => ("tandai tindak lanjut batal", "mark the selected action dropped"),
        Op::ScoreSheet => ("lembar nilai juri; A di dalamnya: umumkan", "jury's score sheet; A in it: announce"),
        Op::ActionPlan => ("rencana aksi tindak lanjut terpilih (lab inovasi)", "the selected action's action plan (innovation lab)"),
    }
}

/// The help text of `End` once the session has ended: it rewrites the
/// minutes.
pub fn help_rewrite(lang: Language) -> &'static str {
    pick(
        (
            "tulis ulang notulen dengan koreksinya (bertanya)",
            "rewrite the minutes with the corrections (asks)",
        ),
        lang,
    )
}

/// The help text of an op this terminal asks `y` before (`[confirm]`).
#[rustfmt::skip]
pub fn help_asked(op: Op, lang: Language) -> &'static str {
    let words = match op {
        Op::StartPause => ("mulai / jeda / lanjutkan sesi (bertanya dulu)", "start / pause / resume the session (asks first)"),
        Op::NextItem => ("acara berikutnya (bertanya dulu)", "next agenda item (asks first)"),
        Op::DeferItem => ("tunda acara yang berjalan (bertanya dulu)", "defer the active item (asks first)"),
        Op::StartItem => ("mulai acara terpilih sekarang (bertanya dulu)", "start the selected agenda item now (asks first)"),
        Op::SkipItem => ("lewati acara terpilih (bertanya dulu)", "skip the selected agenda item (asks first)"),
        Op::CallNext => ("panggil pembicara berikutnya (bertanya dulu)", "call the next speaker (asks first)"),
        Op::CallSpeaker => ("beri giliran ke siapa pun (bertanya dulu)", "give the floor to anyone (asks first)"),
        Op::FinishSpeaker => ("selesaikan pembicara (bertanya dulu)", "finish the current speaker (asks first)"),
        _ => help_words(op),
    };
    pick(words, lang)
}

/// What `Space` would do now, for the question: start, pause or resume.
#[rustfmt::skip]
pub fn asks_start_pause(cmd: &crate::domain::Command, lang: Language) -> Option<&'static str> {
    use crate::domain::Command;
    let words = match cmd {
        Command::Start => ("mulai sesi", "start the session"),
        Command::Pause => ("jeda sesi", "pause the session"),
        Command::Resume => ("lanjutkan sesi", "resume the session"),
        _ => return None,
    };
    Some(pick(words, lang))
}

/// What an op this terminal asks before does, for the question (`[confirm]`);
/// the op's help text for the others.
#[rustfmt::skip]
pub fn asks(op: Op, lang: Language) -> &'static str {
    let words = match op {
        Op::NextItem => ("selesaikan acara berjalan dan mulai acara berikutnya", "finish the running item and start the next"),
        Op::DeferItem => ("tunda acara yang berjalan", "defer the running item"),
        Op::StartItem => ("mulai acara terpilih", "start the selected item"),
        Op::SkipItem => ("lewati acara terpilih", "skip the selected item"),
        Op::StartPause => ("mulai / jeda / lanjutkan sesi", "start / pause / resume the session"),
        Op::CallNext => ("beri giliran ke pembicara berikutnya", "give the floor to the next speaker"),
        Op::CallSpeaker => ("beri giliran ke peserta terpilih", "give the floor to the picked participant"),
        Op::FinishSpeaker => ("selesaikan pembicara", "finish the current speaker"),
        _ => help_words(op),
    };
    pick(words, lang)
}

#[rustfmt::skip]
#[expect(clippy::match_same_arms, reason = "one line per op, the ops with no hint too")]
fn hint_words(op: Op) -> Option<(&'static str, &'static str)> {
    match op {
        Op::Help => Some(("bantuan", "help")),
        Op::Quit => Some(("keluar", "quit")),
        Op::Cancel => None,
        Op::NextPanel => None,
        Op::PrevPanel => None,
        Op::Up => None,
        Op::Down => None,
        Op::Open => None,
        Op::Add => None,
        Op::Remove => None,
        Op::MoveUp => None,
        Op::MoveDown => None,
        Op::SwitchLanguage => None,
        Op::StartPause => Some(("mulai/jeda", "start/pause")),
        Op::NextItem => Some(("acara berikut", "next item")),
        Op::DeferItem => None,
        Op::StartItem => None,
        Op::SkipItem => None,
        Op::NextQuestion => Some(("pertanyaan berikut", "next question")),
        Op::CoverQuestion => None,
        Op::Participants => None,
        Op::SessionInfo => None,
        Op::Review => None,
        Op::Undo => Some(("urungkan", "undo")),
        Op::End => Some(("tulis ulang notulen", "rewrite the minutes")),
        Op::RaiseHand => Some(("angkat tangan", "raise hand")),
        Op::CallNext => Some(("panggil", "call next")),
        Op::FinishSpeaker => Some(("selesai bicara", "finish")),
        Op::CallSpeaker => None,
        Op::NewMindset => Some(("pola pikir", "mindset")),
        Op::NewNote => Some(("catatan", "note")),
        Op::NewDecision => Some(("keputusan", "decision")),
        Op::NewConclusion => Some(("kesimpulan", "conclusion")),
        Op::NewAction => Some(("tindak lanjut", "action")),
        Op::ToggleDone => None,
        Op::DropAction => None,
        Op::ScoreSheet => None,
        Op::ActionPlan => None,
    }
}
