//! Every word of the terminal screens (live view, forms, overlays, home), in
//! Bahasa Indonesia and English: the `Words` table, one line per word
//! (Indonesian, English), and the kinds and statuses the screen names. A `{}`
//! in a word is filled in by the view with [`fill`].
//!
//! Owns the screen's words only: words the minutes show too come from
//! [`super::common`]; refusals are [`super::refusals`]; key names, footer
//! hints, undo labels and "not saved" messages have their own files. Must not
//! lay anything out or know about the terminal.

use super::common;
use crate::domain::{
    ActionStatus, CoreValue, ItemStatus, Language, NoteKind, Session, SpeakKind, Status,
};

pub use super::fill;

words! {
    /// The screen's words in one language.
    pub struct Words (ID, EN) {
        // Panel titles.
        agenda: common::AGENDA,
        clock_title: ("Waktu acara", "Item time"),
        queue: ("Antrean Bicara", "Speaker queue"),
        mindsets: ("Perubahan Pola Pikir", "Mindset changes"),
        notes: common::NOTES,
        decisions: ("Keputusan & Kesimpulan", "Decisions & conclusions"),
        actions: ("Tindak Lanjut", "Follow-up actions"),
        questions: common::GUIDE_QUESTIONS,
        participants: ("Peserta & Daftar Hadir", "Participants & attendance"),
        // Session status, in capitals, and the clocks.
        planned: ("DIRENCANAKAN", "PLANNED"),
        live: ("BERLANGSUNG", "LIVE"),
        paused: ("JEDA", "PAUSED"),
        ended: ("SELESAI", "ENDED"),
        over: ("LEWAT", "OVER"),
        left: ("sisa", "left"),
        of: ("dari", "of"),
        // The floor.
        speaking: ("Bicara", "Speaking"),
        nobody_speaking: ("Belum ada yang memegang giliran", "Nobody has the floor"),
        not_yet_spoken: ("Belum bicara", "Not yet spoken"),
        everyone_spoke: ("semua sudah bicara", "everyone has spoken"),
        queue_empty: ("antrean kosong", "the queue is empty"),
        queue_more: ("↓ {} lagi", "↓ {} more"),
        queue_closed: ("Sesi selesai: antrean ditutup", "Session ended: the floor is closed"),
        // Speaker-queue kinds.
        kind_topic: ("topik baru", "new topic"),
        kind_reply: ("tanggapan", "reply"),
        kind_clarify: ("klarifikasi", "clarifying question"),
        kind_poo: ("interupsi", "point of order"),
        // Their short tags in a queue row.
        tag_topic: ("TOP", "NEW"),
        tag_reply: ("TGP", "RPL"),
        tag_clarify: ("KLR", "CLR"),
        tag_poo: ("INT", "POO"),
        // Notes and actions.
        note_observation: ("observasi", "observation"),
        note_quote: ("kutipan", "quote"),
        note_insight: ("temuan", "insight"),
        note_concern: ("kekhawatiran", "concern"),
        private_hidden: ("privat tak tampil", "private not shown"),
        private: ("privat", "private"),
        status_open: common::action_status(ActionStatus::Open),
        status_done: common::action_status(ActionStatus::Done),
        status_dropped: common::action_status(ActionStatus::Dropped),
        overdue: ("TERLAMBAT", "OVERDUE"),
        // The agenda.
        no_active_item: ("Belum ada acara berjalan", "No agenda item is active"),
        agenda_empty: ("+ untuk menambah acara", "+ to add an agenda item"),
        no_questions: ("Acara ini tanpa pertanyaan panduan", "This item has no guide questions"),
        // Breaks and the clock plan.
        break_word: ("REHAT", "BREAK"),
        back_at: ("kembali pukul {}", "back at {}"),
        back_short: ("kembali {}", "back {}"),
        drift_late: ("terlambat {} mnt", "{} min behind"),
        drift_early: ("lebih cepat {} mnt", "{} min ahead"),
        drift_none: ("sesuai jadwal", "on schedule"),
        expected_end: ("perkiraan selesai {}", "expected end {}"),
        item_done: common::ITEM_DONE,
        item_pending: ("menunggu", "pending"),
        item_active: ("berjalan", "active"),
        item_skipped: common::ITEM_SKIPPED,
        item_deferred: common::ITEM_DEFERRED,
        session_time: ("sesi", "session"),
        // Banners and confirmations.
        ended_banner: ("SESI SELESAI — mode koreksi: teks dan status bisa diperbaiki, waktu tidak", "SESSION ENDED — correction mode: texts and statuses can change, timings not"),
        paused_banner: ("SESI DIJEDA — waktu tidak berjalan", "SESSION PAUSED — timers are stopped"),
        planned_banner: ("Sesi belum dimulai — tekan {} untuk mulai", "The session has not started — press {} to start"),
        no_second_terminal: ("Terminal kedua tidak dapat bergabung ({}); sesi tetap berjalan dan tersimpan di terminal ini", "No second terminal can join ({}); the session runs and is saved on this terminal alone"),
        disconnected: ("TERPUTUS — menyambung ulang ke terminal fasilitator (fgd run)… yang diketik belum tersimpan sampai tersambung", "DISCONNECTED — reconnecting to the facilitator's terminal (fgd run)… nothing typed is saved until it is back"),
        host_closed: ("SESI TELAH BERAKHIR — terminal fasilitator sudah ditutup; tekan q untuk keluar", "THE SESSION HAS ENDED — the facilitator's terminal has closed; press q to quit"),
        role_facilitator: ("fasilitator", "facilitator"),
        role_notetaker: ("notulis", "notetaker"),
        role_viewer: ("layar", "viewer"),
        role_script: ("fgd apply", "fgd apply"),
        refused_by_host: ("TERMINAL FASILITATOR MENOLAK: {}", "THE FACILITATOR'S TERMINAL REFUSES THIS ONE: {}"),
        confirm_quit: ("Sesi masih berjalan. Keluar sekarang? Semua sudah tersimpan.", "The session is live. Quit now? Everything is already saved."),
        confirm_end: ("Akhiri sesi dan tulis notulen?", "End the session and write the minutes?"),
        confirm_rewrite: ("Tulis ulang notulen dengan koreksinya?", "Rewrite the minutes with the corrections?"),
        confirm_start_empty: ("Belum ada peserta yang ditandai hadir. Mulai juga?", "Nobody is marked present yet. Start anyway?"),
        confirm_remove: ("Hapus", "Remove"),
        confirm_remove_hand: ("Hapus “{}” dari antrean?", "Remove “{}” from the queue?"),
        confirm_start_other: ("“{}” sedang berjalan dan akan selesai. Mulai acara terpilih?", "“{}” is running and will be finished. Start the selected item?"),
        confirm_discard: ("Buang yang sudah diketik di formulir ini?", "Throw away what was typed in this form?"),
        draft_restored: ("Formulir yang belum disimpan dipulihkan — Enter simpan, Esc buang", "A form not yet saved was brought back — Enter saves, Esc throws away"),
        confirm_ask: ("Terminal ini bertanya dulu: {} untuk semua layar?", "This terminal asks first: {} for every screen?"),
        yes_no: ("y = ya · n / Esc = batal", "y = yes · n / Esc = cancel"),
        too_small: ("Terminal terlalu kecil: perlu minimal {}×{}. Perbesar jendela, atau tekan q untuk keluar.", "Terminal too small: at least {}×{} is needed. Enlarge the window, or press q to quit."),
        // The help overlay.
        help_title: ("Bantuan — tombol", "Help — keys"),
        help_close: ("↑↓ PgUp PgDn: halaman · tombol lain: tutup", "↑↓ PgUp PgDn: page · other keys: close"),
        help_pages: ("hal. {}/{}", "page {}/{}"),
        help_forms: ("Formulir: Tab / Shift-Tab pindah kolom, Enter simpan, Esc batal, ↑↓ pilih peserta, ←→ ganti pilihan.", "Forms: Tab / Shift-Tab move between fields, Enter saves, Esc cancels, ↑↓ pick a participant, ←→ change a choice."),
        help_raise: ("Angkat tangan: Enter/t topik, r tanggapan, c klarifikasi, p interupsi.", "Raise a hand: Enter/t topic, r reply, c clarify, p point of order."),
        group_general: ("Umum", "General"),
        group_session: ("Sesi & acara", "Session & agenda"),
        group_speakers: ("Pembicara", "Speakers"),
        group_record: ("Catatan & tindak lanjut", "Notes & follow-up"),
        // Notices.
        minutes_written: ("Notulen ditulis ke:", "Minutes written to:"),
        press_q: ("tekan q untuk keluar", "press q to quit"),
        saved: ("tersimpan", "saved"),
        saved_private: ("catatan privat: tak di proyektor, hanya di notulen internal", "a private note: off the projector, only in the internal minutes"),
        undone: ("diurungkan", "undone"),
        undone_what: ("diurungkan: {}", "undone: {}"),
        // Picking a participant.
        pick_participant: ("Pilih pembicara (peserta, narasumber, pimpinan)", "Pick a speaker (participant, resource person, chair)"),
        pick_kind: ("Jenis: Enter/t topik baru · r tanggapan · c klarifikasi · p interupsi · Esc batal", "Kind: Enter/t new topic · r reply · c clarifying question · p point of order · Esc cancel"),
        type_to_filter: ("ketik untuk menyaring; angka memilih kode P", "type to filter; digits pick a P-code"),
        no_match: ("tidak ada yang cocok", "no match"),
        picker_legend: ("✓ hadir · ○ belum bicara · ✗ belum hadir", "✓ present · ○ not yet spoken · ✗ not here"),
        picked_absent_hand: ("belum ditandai hadir: dicatat hadir saat angkat tangan", "not marked present: raising the hand marks them present"),
        picked_absent: ("belum ditandai hadir: Enter lagi untuk memilihnya (dicatat hadir)", "not marked present: Enter again to pick them (they are marked present)"),
        // Form titles.
        form_mindset: ("Catatan pola pikir", "Mindset note"),
        form_note: ("Catatan", "Note"),
        form_decision: ("Keputusan", "Decision"),
        form_conclusion: ("Kesimpulan", "Conclusion"),
        decision_mark: ("K", "D"),
        conclusion_mark: ("S", "C"),
        consent_mark: ("©", "©"),
        form_action: ("Tindak lanjut", "Action item"),
        form_item: ("Acara", "Agenda item"),
        form_participant: ("Peserta", "Participant"),
        form_session: ("Info sesi", "Session info"),
        // Form fields.
        field_from: common::FROM,
        field_to: common::TO,
        field_values: common::VALUES,
        field_participant: ("Peserta", "Participant"),
        field_text: ("Teks", "Text"),
        field_kind: ("Jenis", "Kind"),
        field_visibility: ("Sifat", "Visibility"),
        visibility_public: ("publik", "public"),
        visibility_private: ("privat", "private"),
        private_hint: ("privat: tidak tampil di layar proyektor dan tidak masuk notulen yang dibagikan", "private: not on the projector and not in the shared minutes"),
        field_what: ("Apa", "What"),
        field_pic: ("Penanggung jawab", "PIC"),
        field_due: common::DUE,
        field_title: ("Judul", "Title"),
        field_minutes: ("Menit", "Minutes"),
        field_owner: ("Pemandu", "Owner"),
        field_questions: ("Pertanyaan panduan", "Guide questions"),
        hint_questions: ("pisahkan dengan |", "separate with |"),
        field_name: common::NAME,
        field_position: common::POSITION,
        field_unit: ("Unit / OPD", "Unit"),
        field_nip: ("NIP", "NIP"),
        field_consent: ("Boleh dikutip dengan nama", "May be quoted by name"),
        field_code: common::CODE,
        field_date: ("Tanggal", "Date"),
        field_venue: ("Tempat", "Venue"),
        field_place: ("Tempat penandatanganan", "Place of signing"),
        field_organizer: ("Penyelenggara", "Organizer"),
        field_chair: ("Pimpinan rapat", "Chair"),
        field_chair_nip: ("NIP pimpinan", "Chair's NIP"),
        field_chair_position: ("Jabatan pimpinan", "Chair's position"),
        field_chair_rank: ("Pangkat/gol. pimpinan", "Chair's rank"),
        field_notetaker: ("Notulis", "Notetaker"),
        field_notetaker_nip: ("NIP notulis", "Notetaker's NIP"),
        field_notetaker_position: ("Jabatan notulis", "Notetaker's position"),
        field_notetaker_rank: ("Pangkat/gol. notulis", "Notetaker's rank"),
        // Form checks and hints.
        required: ("wajib diisi", "required"),
        not_a_number: ("harus angka", "must be a number"),
        bad_date: ("tanggal tidak sah: tulis YYYY-MM-DD, mis. 2027-01-15", "not a date: write YYYY-MM-DD, like 2027-01-15"),
        yes: ("ya", "yes"),
        no: ("tidak", "no"),
        form_hint: ("Tab pindah · Enter simpan · Esc batal", "Tab next field · Enter save · Esc cancel"),
        due_hint: ("tanggal (31/12, 31 Des …) atau +7h hari · +2mg minggu · +1b bulan", "a date (31/12, 31 Dec …) or +7d days · +2w weeks · +1mo months"),
        due_example: ("mis. +7h → {}", "e.g. +7d → {}"),
        values_hint: ("←→ pindah · Spasi centang · angka 1–7 centang langsung", "←→ move · Space ticks · digits 1–7 tick at once"),
        // Attendance.
        present: common::PRESENT,
        absent: ("belum hadir", "not here"),
        participants_hint: ("Enter hadir/tidak lalu turun · + peserta baru · e ubah · x hapus · Esc tutup", "Enter present/absent, then next · + walk-in · e edit · x remove · Esc close"),
        participants_legend: ("✓ hadir (jam datang) · · belum hadir · © boleh dikutip dengan nama", "✓ present (arrival time) · · not here · © may be quoted by name"),
        stops_at_active: ("acara yang sedang berjalan tetap di tempatnya; yang lain tidak bisa melewatinya", "the running item stays where it is; others can't pass it"),
        correction_only: ("Sesi sudah selesai: hanya koreksi teks dan status", "The session has ended: only texts and statuses can be corrected"),
        nothing_selected: ("tidak ada baris terpilih", "no row is selected"),
        // The home screen.
        home_title: ("fgd — diskusi kelompok terarah", "fgd — focus-group discussions"),
        home_sessions: ("Sesi tersimpan", "Saved sessions"),
        home_plans: ("Mulai dari rencana", "Start from a plan"),
        home_blank: ("Sesi kosong baru", "New blank session"),
        home_hint: ("Enter buka/mulai · f lanjutan sesi terpilih · N pertemuan berikut · q keluar", "Enter open/start · f follow up the selected session · N next meeting · q quit"),
        home_none: ("belum ada sesi", "no sessions yet"),
        home_follow_up: ("Lanjutan dari", "Follow-up of"),
        home_join: ("Sesi {} dibuka di terminal lain. Gabung sebagai: n notulis · v layar · Esc batal", "Session {} is open in another terminal. Join as: n notetaker · v viewer · Esc cancel"),
        live_from: ("berjalan di terminal lain", "open in another terminal"),
    }
}

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

    /// A speaker-queue kind's short tag (`TGP`, `RPL` …).
    pub fn speak_tag(&self, k: SpeakKind) -> &'static str {
        match k {
            SpeakKind::Topic => self.tag_topic,
            SpeakKind::Reply => self.tag_reply,
            SpeakKind::Clarify => self.tag_clarify,
            SpeakKind::PointOfOrder => self.tag_poo,
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
        super::pick(self.lang, common::action_status(s))
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

    /// A BerAKHLAK core value's name.
    pub fn core_value(&self, v: CoreValue) -> &'static str {
        super::pick(self.lang, common::core_value(v))
    }

    /// A speaker's name as the screen shows it: a participant's name, a
    /// resource person's or the chair's with their role ("Dr. Andi
    /// (narasumber)"), or the code when nobody has it.
    pub fn speaker(&self, s: &Session, code: &str) -> String {
        match self.speaker_parts(s, code) {
            (name, Some(role)) => format!("{name} ({role})"),
            (name, None) => name.to_owned(),
        }
    }

    /// A speaker's code as a row shows it: a participant's alone (`P3`), a
    /// resource person's or the chair's with their role (`N1 narasumber`),
    /// so the room knows who spoke without a table to look it up in.
    pub fn speaker_code(&self, s: &Session, code: &str) -> String {
        match s.speaker(code) {
            Some(sp) => match common::speaker_role(sp.role) {
                Some(role) => format!("{} {}", sp.code, super::pick(self.lang, role)),
                None => sp.code,
            },
            None => code.to_owned(),
        }
    }

    /// A speaker's name and, for a resource person or the chair, their role
    /// (so a view can cut the name and keep the role).
    pub fn speaker_parts<'a>(
        &self,
        s: &'a Session,
        code: &'a str,
    ) -> (&'a str, Option<&'static str>) {
        match s.speaker(code) {
            Some(sp) => (
                sp.name,
                common::speaker_role(sp.role).map(|r| super::pick(self.lang, r)),
            ),
            None => (code, None),
        }
    }
}
