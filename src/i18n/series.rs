//! The words of a series: the review of last meeting's actions (on the
//! screen and in the minutes), the agenda item a follow-up adds for it, and
//! the action register (`fgd actions`). Each is a [`Pair`] (Indonesian,
//! English). Must not hold words of anything else.

use super::Pair;
use crate::domain::Outcome;

/// What the review made of a carried action.
pub const fn outcome(outcome: Outcome) -> Pair {
    match outcome {
        Outcome::Pending => ("belum ditinjau", "not yet reviewed"),
        Outcome::Done => ("selesai", "done"),
        Outcome::InProgress => ("dalam proses", "in progress"),
        Outcome::Extended => ("diperpanjang", "extended"),
        Outcome::Dropped => ("batal", "dropped"),
    }
}

words! {
    /// The words of a series.
    pub struct Words(ID, EN) {
        review_item: ("Review tindak lanjut pertemuan sebelumnya", "Review of the previous meeting's actions"),
        review_title: ("Review tindak lanjut pertemuan sebelumnya", "Review of the previous meeting's actions"),
        review_none: ("Tidak ada tindak lanjut yang dibawa dari pertemuan sebelumnya.", "No actions were carried from the previous meeting."),
        meeting_no: ("Pertemuan ke-{}", "Meeting {}"),
        meeting_label: ("Pertemuan", "Meeting"),
        meeting_value: ("ke-{}", "no. {}"),
        meeting_value_series: ("ke-{} (seri {})", "no. {} (series {})"),
        meeting_of: ("pertemuan ke-{}, {}", "meeting {}, {}"),
        col_no: ("No", "No"),
        col_what: ("Tindak lanjut", "Action"),
        col_pic: ("PIC", "PIC"),
        col_origin: ("Asal", "From"),
        col_before: ("Sebelum", "Before"),
        col_after: ("Sesudah", "After"),
        col_note: ("Catatan", "Note"),
        col_due: ("Batas waktu", "Due"),
        col_status: ("Status", "Status"),
        col_open_in: ("Terbuka di pertemuan", "Open at meetings"),
        col_series: ("Seri", "Series"),
        overdue: ("lewat batas waktu", "overdue"),
        due_was: ("batas waktu {}", "due {}"),
        register_title: ("Daftar tindak lanjut", "Action register"),
        register_of: ("Seri {}", "Series {}"),
        register_all: ("Semua sesi", "All sessions"),
        register_session: ("Sesi {}", "Session {}"),
        register_as_of: ("Per {}", "As of {}"),
        register_empty: ("Tidak ada tindak lanjut.", "No actions."),
        review_panel: ("Review tindak lanjut", "Action review"),
        review_keys: ("↑↓ pilih · s selesai · p proses · e perpanjang · b batal · Esc tutup", "↑↓ pick · s done · p in progress · e extend · b drop · Esc close"),
        review_note: ("Catatan kemajuan", "Progress note"),
        review_new_due: ("Batas waktu baru", "New due date"),
        walk_in: ("hadir tanpa undangan di pertemuan sebelumnya", "walked in at the previous meeting"),
        next_meeting: ("pertemuan berikutnya", "next meeting"),
        home_pick_plan: ("Pilih rencana untuk pertemuan berikutnya seri {}", "Pick the plan for the next meeting of series {}"),
    }
}

/// The words of a series in `lang`.
pub const fn words(lang: crate::domain::Language) -> &'static Words {
    match lang {
        crate::domain::Language::Id => &ID,
        crate::domain::Language::En => &EN,
    }
}

/// "pertemuan ke-2, 2 November 2026": a meeting by its number and date.
pub fn meeting_of(lang: crate::domain::Language, meeting: u32, date: chrono::NaiveDate) -> String {
    super::fill(
        words(lang).meeting_of,
        &[&meeting, &super::date(date, lang)],
    )
}
