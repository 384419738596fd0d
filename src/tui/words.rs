//! Every word on the screen, in Bahasa Indonesia and English. A `{}` in a
//! text is filled in by the view.

use crate::domain::{ActionStatus, ItemStatus, Language, NoteKind, SpeakKind, Status};

/// The screen's words in one language.
#[derive(Debug)]
pub struct Words {
    /// Agenda
    pub agenda: &'static str,
    /// Time of the active item
    pub clock_title: &'static str,
    /// Speaker queue
    pub queue: &'static str,
    /// Mindset changes
    pub mindsets: &'static str,
    /// Notes
    pub notes: &'static str,
    /// Decisions & conclusions
    pub decisions: &'static str,
    /// Follow-up actions
    pub actions: &'static str,
    /// Guide questions
    pub questions: &'static str,
    /// Participants & attendance
    pub participants: &'static str,
    /// PLANNED
    pub planned: &'static str,
    /// LIVE
    pub live: &'static str,
    /// PAUSED
    pub paused: &'static str,
    /// ENDED
    pub ended: &'static str,
    /// OVER
    pub over: &'static str,
    /// left
    pub left: &'static str,
    /// of
    pub of: &'static str,
    /// Speaking
    pub speaking: &'static str,
    /// Nobody has the floor
    pub nobody_speaking: &'static str,
    /// Not yet spoken
    pub not_yet_spoken: &'static str,
    /// everyone has spoken
    pub everyone_spoke: &'static str,
    /// the queue is empty
    pub queue_empty: &'static str,
    /// The session has ended: the floor is closed
    pub queue_closed: &'static str,
    /// new topic
    pub kind_topic: &'static str,
    /// reply
    pub kind_reply: &'static str,
    /// clarifying question
    pub kind_clarify: &'static str,
    /// point of order
    pub kind_poo: &'static str,
    /// observation
    pub note_observation: &'static str,
    /// quote
    pub note_quote: &'static str,
    /// insight
    pub note_insight: &'static str,
    /// concern
    pub note_concern: &'static str,
    /// private not shown
    pub private_hidden: &'static str,
    /// private
    pub private: &'static str,
    /// open
    pub status_open: &'static str,
    /// done
    pub status_done: &'static str,
    /// dropped
    pub status_dropped: &'static str,
    /// OVERDUE
    pub overdue: &'static str,
    /// No agenda item is active
    pub no_active_item: &'static str,
    /// done
    pub item_done: &'static str,
    /// pending
    pub item_pending: &'static str,
    /// active
    pub item_active: &'static str,
    /// skipped
    pub item_skipped: &'static str,
    /// deferred
    pub item_deferred: &'static str,
    /// session
    pub session_time: &'static str,
    /// SESSION ENDED — correction mode: texts and statuses can be corrected, timings cannot
    pub ended_banner: &'static str,
    /// SESSION PAUSED — timers are stopped
    pub paused_banner: &'static str,
    /// The session has not started — press {} to start
    pub planned_banner: &'static str,
    /// DISCONNECTED — reconnecting to the facilitator's terminal …
    pub disconnected: &'static str,
    /// THE HOST REFUSES THIS TERMINAL: {}
    pub refused_by_host: &'static str,
    /// The session is live. Quit now? Everything is already saved.
    pub confirm_quit: &'static str,
    /// End the session and write the minutes?
    pub confirm_end: &'static str,
    /// Remove
    pub confirm_remove: &'static str,
    /// y = yes · n / Esc = cancel
    pub yes_no: &'static str,
    /// Terminal too small: at least {}×{} is needed. Enlarge the window, or press q to quit.
    pub too_small: &'static str,
    /// Help — keys
    pub help_title: &'static str,
    /// ↑↓ PgUp PgDn: page · other keys: close
    pub help_close: &'static str,
    /// page {}/{}
    pub help_pages: &'static str,
    /// Forms: Tab / Shift-Tab move between fields, Enter saves, Esc cancels, ↑↓ pick a participant, ←→ change a choice.
    pub help_forms: &'static str,
    /// Raise a hand: pick a participant (type a name or P-number), then Enter/t topic, r reply, c clarify, p point of order.
    pub help_raise: &'static str,
    /// General
    pub group_general: &'static str,
    /// Session & agenda
    pub group_session: &'static str,
    /// Speakers
    pub group_speakers: &'static str,
    /// Notes & follow-up
    pub group_record: &'static str,
    /// Minutes written to:
    pub minutes_written: &'static str,
    /// press q to quit
    pub press_q: &'static str,
    /// saved
    pub saved: &'static str,
    /// A private note saved on the projector layout
    pub saved_private: &'static str,
    /// undone
    pub undone: &'static str,
    /// Pick a participant
    pub pick_participant: &'static str,
    /// Kind: Enter/t new topic · r reply · c clarifying question · p point of order · Esc cancel
    pub pick_kind: &'static str,
    /// type to filter; digits pick a P-code
    pub type_to_filter: &'static str,
    /// no match
    pub no_match: &'static str,
    /// Mindset note
    pub form_mindset: &'static str,
    /// Note
    pub form_note: &'static str,
    /// Decision
    pub form_decision: &'static str,
    /// Conclusion
    pub form_conclusion: &'static str,
    /// Action item
    pub form_action: &'static str,
    /// Agenda item
    pub form_item: &'static str,
    /// Participant
    pub form_participant: &'static str,
    /// From
    pub field_from: &'static str,
    /// To
    pub field_to: &'static str,
    /// BerAKHLAK values
    pub field_values: &'static str,
    /// Participant
    pub field_participant: &'static str,
    /// Text
    pub field_text: &'static str,
    /// Kind
    pub field_kind: &'static str,
    /// Private
    pub field_private: &'static str,
    /// What
    pub field_what: &'static str,
    /// PIC
    pub field_pic: &'static str,
    /// Due
    pub field_due: &'static str,
    /// Title
    pub field_title: &'static str,
    /// Minutes
    pub field_minutes: &'static str,
    /// Owner
    pub field_owner: &'static str,
    /// Name
    pub field_name: &'static str,
    /// Position
    pub field_position: &'static str,
    /// Unit
    pub field_unit: &'static str,
    /// NIP
    pub field_nip: &'static str,
    /// May be quoted by name
    pub field_consent: &'static str,
    /// Code
    pub field_code: &'static str,
    /// required
    pub required: &'static str,
    /// must be a number
    pub not_a_number: &'static str,
    /// yes
    pub yes: &'static str,
    /// no
    pub no: &'static str,
    /// Tab next field · Enter save · Esc cancel
    pub form_hint: &'static str,
    /// 2026-12-01 or +7d / +2w
    pub due_hint: &'static str,
    /// e.g. adaptif, kolaboratif
    pub values_hint: &'static str,
    /// present
    pub present: &'static str,
    /// not here
    pub absent: &'static str,
    /// Enter present/absent · + walk-in · e edit · x remove · Esc close
    pub participants_hint: &'static str,
    /// The session has ended: only texts and statuses can be corrected
    pub correction_only: &'static str,
    /// no row is selected
    pub nothing_selected: &'static str,
    /// fgd — focus-group discussions
    pub home_title: &'static str,
    /// Saved sessions
    pub home_sessions: &'static str,
    /// Start from a plan
    pub home_plans: &'static str,
    /// New blank session
    pub home_blank: &'static str,
    /// Enter open / start · f follow up the selected session · Tab switch · q quit
    pub home_hint: &'static str,
    /// no sessions yet
    pub home_none: &'static str,
    /// Follow-up of
    pub home_follow_up: &'static str,
    /// open in another terminal
    pub live_from: &'static str,
}

/// Bahasa Indonesia.
pub const ID: Words = Words {
    agenda: "Susunan Acara",
    clock_title: "Waktu acara",
    queue: "Antrean Bicara",
    mindsets: "Perubahan Pola Pikir",
    notes: "Catatan",
    decisions: "Keputusan & Kesimpulan",
    actions: "Tindak Lanjut",
    questions: "Pertanyaan panduan",
    participants: "Peserta & Daftar Hadir",
    planned: "DIRENCANAKAN",
    live: "BERLANGSUNG",
    paused: "JEDA",
    ended: "SELESAI",
    over: "LEWAT",
    left: "sisa",
    of: "dari",
    speaking: "Bicara",
    nobody_speaking: "Belum ada yang memegang giliran",
    not_yet_spoken: "Belum bicara",
    everyone_spoke: "semua sudah bicara",
    queue_empty: "antrean kosong",
    queue_closed: "Sesi selesai: antrean ditutup",
    kind_topic: "topik baru",
    kind_reply: "tanggapan",
    kind_clarify: "klarifikasi",
    kind_poo: "interupsi",
    note_observation: "observasi",
    note_quote: "kutipan",
    note_insight: "temuan",
    note_concern: "kekhawatiran",
    private_hidden: "privat tak tampil",
    private: "privat",
    status_open: "terbuka",
    status_done: "selesai",
    status_dropped: "batal",
    overdue: "TERLAMBAT",
    no_active_item: "Belum ada acara berjalan",
    item_done: "selesai",
    item_pending: "menunggu",
    item_active: "berjalan",
    item_skipped: "dilewati",
    item_deferred: "ditunda",
    session_time: "sesi",
    ended_banner: "SESI SELESAI — mode koreksi: teks dan status masih bisa diperbaiki, waktu tidak",
    paused_banner: "SESI DIJEDA — waktu tidak berjalan",
    planned_banner: "Sesi belum dimulai — tekan {} untuk mulai",
    disconnected: "TERPUTUS — menyambung ulang ke terminal fasilitator (fgd run)… yang diketik belum tersimpan sampai tersambung",
    refused_by_host: "TERMINAL FASILITATOR MENOLAK: {}",
    confirm_quit: "Sesi masih berjalan. Keluar sekarang? Semua sudah tersimpan.",
    confirm_end: "Akhiri sesi dan tulis notulen?",
    confirm_remove: "Hapus",
    yes_no: "y = ya · n / Esc = batal",
    too_small: "Terminal terlalu kecil: perlu minimal {}×{}. Perbesar jendela, atau tekan q untuk keluar.",
    help_title: "Bantuan — tombol",
    help_close: "↑↓ PgUp PgDn: halaman · tombol lain: tutup",
    help_pages: "hal. {}/{}",
    help_forms: "Formulir: Tab / Shift-Tab pindah kolom, Enter simpan, Esc batal, ↑↓ pilih peserta, ←→ ganti pilihan.",
    help_raise: "Angkat tangan: pilih peserta (ketik nama atau nomor P), lalu Enter/t topik, r tanggapan, c klarifikasi, p interupsi.",
    group_general: "Umum",
    group_session: "Sesi & acara",
    group_speakers: "Pembicara",
    group_record: "Catatan & tindak lanjut",
    minutes_written: "Notulen ditulis ke:",
    press_q: "tekan q untuk keluar",
    saved: "tersimpan",
    saved_private: "catatan privat: tidak tampil di layar proyektor, ada di notulen",
    undone: "diurungkan",
    pick_participant: "Pilih peserta",
    pick_kind: "Jenis: Enter/t topik baru · r tanggapan · c klarifikasi · p interupsi · Esc batal",
    type_to_filter: "ketik untuk menyaring; angka memilih kode P",
    no_match: "tidak ada yang cocok",
    form_mindset: "Catatan pola pikir",
    form_note: "Catatan",
    form_decision: "Keputusan",
    form_conclusion: "Kesimpulan",
    form_action: "Tindak lanjut",
    form_item: "Acara",
    form_participant: "Peserta",
    field_from: "Dari",
    field_to: "Menjadi",
    field_values: "Nilai BerAKHLAK",
    field_participant: "Peserta",
    field_text: "Teks",
    field_kind: "Jenis",
    field_private: "Privat",
    field_what: "Apa",
    field_pic: "Penanggung jawab",
    field_due: "Batas waktu",
    field_title: "Judul",
    field_minutes: "Menit",
    field_owner: "Pemandu",
    field_name: "Nama",
    field_position: "Jabatan",
    field_unit: "Unit / OPD",
    field_nip: "NIP",
    field_consent: "Boleh dikutip dengan nama",
    field_code: "Kode",
    required: "wajib diisi",
    not_a_number: "harus angka",
    yes: "ya",
    no: "tidak",
    form_hint: "Tab pindah · Enter simpan · Esc batal",
    due_hint: "2026-12-01 atau +7d / +2w",
    values_hint: "mis. adaptif, kolaboratif",
    present: "hadir",
    absent: "belum hadir",
    participants_hint: "Enter hadir/tidak · + peserta baru · e ubah · x hapus · Esc tutup",
    correction_only: "Sesi sudah selesai: hanya koreksi teks dan status",
    nothing_selected: "tidak ada baris terpilih",
    home_title: "fgd — diskusi kelompok terarah",
    home_sessions: "Sesi tersimpan",
    home_plans: "Mulai dari rencana",
    home_blank: "Sesi kosong baru",
    home_hint: "Enter buka / mulai · f lanjutan dari sesi terpilih · Tab pindah · q keluar",
    home_none: "belum ada sesi",
    home_follow_up: "Lanjutan dari",
    live_from: "berjalan di terminal lain",
};

/// English.
pub const EN: Words = Words {
    agenda: "Agenda",
    clock_title: "Item time",
    queue: "Speaker queue",
    mindsets: "Mindset changes",
    notes: "Notes",
    decisions: "Decisions & conclusions",
    actions: "Follow-up actions",
    questions: "Guide questions",
    participants: "Participants & attendance",
    planned: "PLANNED",
    live: "LIVE",
    paused: "PAUSED",
    ended: "ENDED",
    over: "OVER",
    left: "left",
    of: "of",
    speaking: "Speaking",
    nobody_speaking: "Nobody has the floor",
    not_yet_spoken: "Not yet spoken",
    everyone_spoke: "everyone has spoken",
    queue_empty: "the queue is empty",
    queue_closed: "Session ended: the floor is closed",
    kind_topic: "new topic",
    kind_reply: "reply",
    kind_clarify: "clarifying question",
    kind_poo: "point of order",
    note_observation: "observation",
    note_quote: "quote",
    note_insight: "insight",
    note_concern: "concern",
    private_hidden: "private not shown",
    private: "private",
    status_open: "open",
    status_done: "done",
    status_dropped: "dropped",
    overdue: "OVERDUE",
    no_active_item: "No agenda item is active",
    item_done: "done",
    item_pending: "pending",
    item_active: "active",
    item_skipped: "skipped",
    item_deferred: "deferred",
    session_time: "session",
    ended_banner: "SESSION ENDED — correction mode: texts and statuses can be corrected, timings cannot",
    paused_banner: "SESSION PAUSED — timers are stopped",
    planned_banner: "The session has not started — press {} to start",
    disconnected: "DISCONNECTED — reconnecting to the facilitator's terminal (fgd run)… nothing typed is saved until it is back",
    refused_by_host: "THE FACILITATOR'S TERMINAL REFUSES THIS ONE: {}",
    confirm_quit: "The session is live. Quit now? Everything is already saved.",
    confirm_end: "End the session and write the minutes?",
    confirm_remove: "Remove",
    yes_no: "y = yes · n / Esc = cancel",
    too_small: "Terminal too small: at least {}×{} is needed. Enlarge the window, or press q to quit.",
    help_title: "Help — keys",
    help_close: "↑↓ PgUp PgDn: page · other keys: close",
    help_pages: "page {}/{}",
    help_forms: "Forms: Tab / Shift-Tab move between fields, Enter saves, Esc cancels, ↑↓ pick a participant, ←→ change a choice.",
    help_raise: "Raise a hand: pick a participant (type a name or P-number), then Enter/t topic, r reply, c clarify, p point of order.",
    group_general: "General",
    group_session: "Session & agenda",
    group_speakers: "Speakers",
    group_record: "Notes & follow-up",
    minutes_written: "Minutes written to:",
    press_q: "press q to quit",
    saved: "saved",
    saved_private: "a private note: not shown on the projector, it is in the minutes",
    undone: "undone",
    pick_participant: "Pick a participant",
    pick_kind: "Kind: Enter/t new topic · r reply · c clarifying question · p point of order · Esc cancel",
    type_to_filter: "type to filter; digits pick a P-code",
    no_match: "no match",
    form_mindset: "Mindset note",
    form_note: "Note",
    form_decision: "Decision",
    form_conclusion: "Conclusion",
    form_action: "Action item",
    form_item: "Agenda item",
    form_participant: "Participant",
    field_from: "From",
    field_to: "To",
    field_values: "BerAKHLAK values",
    field_participant: "Participant",
    field_text: "Text",
    field_kind: "Kind",
    field_private: "Private",
    field_what: "What",
    field_pic: "PIC",
    field_due: "Due",
    field_title: "Title",
    field_minutes: "Minutes",
    field_owner: "Owner",
    field_name: "Name",
    field_position: "Position",
    field_unit: "Unit",
    field_nip: "NIP",
    field_consent: "May be quoted by name",
    field_code: "Code",
    required: "required",
    not_a_number: "must be a number",
    yes: "yes",
    no: "no",
    form_hint: "Tab next field · Enter save · Esc cancel",
    due_hint: "2026-12-01 or +7d / +2w",
    values_hint: "e.g. adaptif, kolaboratif",
    present: "present",
    absent: "not here",
    participants_hint: "Enter present/absent · + walk-in · e edit · x remove · Esc close",
    correction_only: "The session has ended: only texts and statuses can be corrected",
    nothing_selected: "no row is selected",
    home_title: "fgd — focus-group discussions",
    home_sessions: "Saved sessions",
    home_plans: "Start from a plan",
    home_blank: "New blank session",
    home_hint: "Enter open / start · f follow up the selected session · Tab switch · q quit",
    home_none: "no sessions yet",
    home_follow_up: "Follow-up of",
    live_from: "open in another terminal",
};

/// The words of a language.
pub fn words(lang: Language) -> &'static Words {
    match lang {
        Language::Id => &ID,
        Language::En => &EN,
    }
}

impl Words {
    /// A speaker-queue kind.
    pub fn speak_kind(&self, k: SpeakKind) -> &'static str {
        match k {
            SpeakKind::Topic => self.kind_topic,
            SpeakKind::Reply => self.kind_reply,
            SpeakKind::Clarify => self.kind_clarify,
            SpeakKind::PointOfOrder => self.kind_poo,
        }
    }

    /// A note kind.
    pub fn note_kind(&self, k: NoteKind) -> &'static str {
        match k {
            NoteKind::Observation => self.note_observation,
            NoteKind::Quote => self.note_quote,
            NoteKind::Insight => self.note_insight,
            NoteKind::Concern => self.note_concern,
        }
    }

    /// An action status.
    pub fn action_status(&self, s: ActionStatus) -> &'static str {
        match s {
            ActionStatus::Open => self.status_open,
            ActionStatus::Done => self.status_done,
            ActionStatus::Dropped => self.status_dropped,
        }
    }

    /// An agenda item status.
    pub fn item_status(&self, s: ItemStatus) -> &'static str {
        match s {
            ItemStatus::Pending => self.item_pending,
            ItemStatus::Active => self.item_active,
            ItemStatus::Done => self.item_done,
            ItemStatus::Skipped => self.item_skipped,
            ItemStatus::Deferred => self.item_deferred,
        }
    }

    /// A session status, in capitals.
    pub fn status(&self, s: Status) -> &'static str {
        match s {
            Status::Planned => self.planned,
            Status::Live => self.live,
            Status::Paused => self.paused,
            Status::Ended => self.ended,
        }
    }
}

/// Fills the `{}`s of `text` in order.
pub fn fill(text: &str, args: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut args = args.iter();
    let mut parts = text.split("{}").peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        if parts.peek().is_some()
            && let Some(a) = args.next()
        {
            out.push_str(&a.to_string());
        }
    }
    out
}

/// Why a command was refused, in the screen's language. English is the
/// domain's own wording; Indonesian is given here. Field and record names
/// inside a message stay as the domain gives them.
pub fn refusal(lang: Language, e: &crate::domain::DomainError) -> String {
    use crate::domain::DomainError as E;
    if lang == Language::En {
        return e.to_string();
    }
    match e {
        E::NotCreated => "sesi belum ada".into(),
        E::AlreadyCreated => "sesi sudah ada".into(),
        E::TimeWentBack { .. } => "waktu tidak boleh mundur dari kejadian sebelumnya".into(),
        E::FacilitatorEnds => {
            "hanya terminal fasilitator (`fgd run`) yang dapat mengakhiri sesi".into()
        }
        E::ReadOnly => {
            "penonton hanya dapat melihat; bergabunglah sebagai notulis untuk mengubah".into()
        }
        E::NotStarted => "sesi belum dimulai; mulai dulu (Space)".into(),
        E::AlreadyStarted => "sesi sudah dimulai".into(),
        E::AlreadyPaused => "sesi sudah dijeda".into(),
        E::NotPaused => "sesi tidak sedang dijeda".into(),
        E::Ended => "sesi sudah selesai; hanya teks dan status yang masih bisa diperbaiki".into(),
        E::AlreadyEnded => "sesi sudah selesai".into(),
        E::Empty(field) => format!("{field} wajib diisi"),
        E::TooLong { field, len, max } => {
            format!("{field} terlalu panjang ({len} karakter; paling banyak {max})")
        }
        E::BadMinutes(m) => format!("menit rencana harus 1 sampai 1440, bukan {m}"),
        E::UnknownParticipant(r) => {
            format!("tidak ada peserta `{r}`; sebut dengan kode (mis. P3) atau nama lengkap")
        }
        E::AmbiguousParticipant { name, codes } => {
            format!(
                "lebih dari satu peserta bernama `{name}`; pakai kode: {}",
                codes.join(", ")
            )
        }
        E::DuplicateCode { code, name } => format!("kode peserta {code} sudah dipakai oleh {name}"),
        E::BadCode(c) => {
            format!("kode peserta `{c}` harus 1–12 huruf, angka, `-` atau `_`, mis. P9")
        }
        E::AlreadyPresent(n) => format!("{n} sudah tercatat hadir"),
        E::NotPresent(n) => format!("{n} belum tercatat hadir"),
        E::ParticipantBusy(n) => {
            format!("{n} sedang bicara atau ada di antrean; selesaikan atau hapus dulu")
        }
        E::UnknownItem(i) => format!("tidak ada acara nomor {i}"),
        E::NoActiveItem => "tidak ada acara yang berjalan".into(),
        E::NoPendingItem => {
            "tidak ada lagi acara yang menunggu; tambah acara, atau akhiri sesi".into()
        }
        E::ItemNotPending { title, status, .. } => {
            format!(
                "acara “{title}” berstatus {}; hanya acara yang menunggu yang bisa diubah begitu",
                ID.item_status(*status)
            )
        }
        E::ItemAlreadyActive(t) => format!("acara “{t}” sudah berjalan"),
        E::ItemHasRecords(t) => format!(
            "acara “{t}” punya catatan, keputusan atau tindak lanjut; hapus atau pindahkan dulu"
        ),
        E::BadPosition { to, len } => {
            format!("posisi {to} di luar jangkauan; pakai 1 sampai {len}")
        }
        E::AlreadyQueued { name, kind } => {
            format!("{name} sudah di antrean sebagai {}", ID.speak_kind(*kind))
        }
        E::UnknownEntry(i) => format!("tidak ada antrean nomor {i}"),
        E::QueueEmpty => "antrean bicara kosong".into(),
        E::NotSpeaking => "tidak ada yang sedang bicara".into(),
        E::AlreadySpeaking(n) => format!("{n} sedang bicara"),
        E::UnknownRecord { what, id } => format!("tidak ada {what} nomor {id}"),
        E::BadDue(d) => format!(
            "batas waktu `{d}` tidak sah: tulis YYYY-MM-DD (mis. 2026-12-01) atau hitungan hari/minggu (+7d, +2w)"
        ),
        E::NothingToChange => "tidak ada yang berubah".into(),
        E::NothingToUndo => "tidak ada yang bisa diurungkan dari terminal ini".into(),
        E::UndoConflict(what) => {
            let what = crate::i18n::undo::named(Language::Id, what);
            format!("tidak bisa mengurungkan “{what}”: sudah diubah dari terminal lain")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::DomainError;

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
}
