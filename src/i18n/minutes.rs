//! The words of the minutes (notulen) in Indonesian and English, after the
//! vocabulary in DOMAIN.md: notulen, daftar hadir, pembahasan, kesimpulan,
//! keputusan/kesepakatan, tindak lanjut, penanggung jawab, batas waktu,
//! perubahan pola pikir, pengesahan. Renderers take every label from here.

use crate::domain::{ActionStatus, CoreValue, ItemStatus, Language, NoteKind, SessionKind, Status};

/// Every fixed label of the minutes in one language.
#[derive(Debug)]
pub struct Labels {
    /// The language these are in.
    pub lang: Language,
    /// `NOTULEN`.
    pub doc_title: &'static str,
    /// Kind of meeting.
    pub kind: &'static str,
    /// Hari/Tanggal.
    pub day_date: &'static str,
    /// Waktu.
    pub time: &'static str,
    /// Tempat.
    pub venue: &'static str,
    /// Pimpinan rapat / fasilitator.
    pub chair: &'static str,
    /// Narasumber.
    pub resource_persons: &'static str,
    /// Notulis.
    pub notetaker: &'static str,
    /// The session this one follows up.
    pub follow_up_of: &'static str,
    /// Status of the session.
    pub status: &'static str,
    /// Not yet started (for times).
    pub not_started: &'static str,
    /// A draft: the session has not ended.
    pub draft_note: &'static str,
    /// The minutes hold corrections after the end.
    pub revised_note: &'static str,
    /// Marker on a corrected record.
    pub revised: &'static str,
    /// The anonymised variant.
    pub anonymized_note: &'static str,
    /// Nothing to show.
    pub none: &'static str,

    /// Section: participants.
    pub participants: &'static str,
    /// Section: agenda planned vs actual.
    pub agenda: &'static str,
    /// Section: discussion per item.
    pub discussion: &'static str,
    /// Section: mindset changes.
    pub mindsets: &'static str,
    /// Section: conclusions.
    pub conclusions: &'static str,
    /// Section: decisions / agreements.
    pub decisions: &'static str,
    /// Section: follow-up actions.
    pub actions: &'static str,
    /// Section: deferred items.
    pub deferred: &'static str,
    /// Section: participation.
    pub participation: &'static str,
    /// Section: closing.
    pub closing: &'static str,
    /// Section: sign-off.
    pub sign_off: &'static str,
    /// Section: attendance sheet.
    pub attendance: &'static str,

    /// Column: number.
    pub no: &'static str,
    /// Column: participant code.
    pub code: &'static str,
    /// Column: name.
    pub name: &'static str,
    /// Column: position.
    pub position: &'static str,
    /// Column: unit / OPD.
    pub unit: &'static str,
    /// Column: attendance.
    pub presence: &'static str,
    /// Present.
    pub present: &'static str,
    /// Invited, not present.
    pub absent: &'static str,

    /// Column: agenda item.
    pub item: &'static str,
    /// Column: planned minutes.
    pub planned: &'static str,
    /// Column: actual time.
    pub actual_time: &'static str,
    /// Column: actual minutes.
    pub actual: &'static str,
    /// Total row.
    pub total: &'static str,
    /// Carried over from session …
    pub carried_from: &'static str,
    /// Column: the session an action or item came from.
    pub origin: &'static str,

    /// Led by.
    pub owner: &'static str,
    /// Discussion-guide questions.
    pub guide_questions: &'static str,
    /// Notes heading.
    pub notes: &'static str,
    /// Notes without an agenda item.
    pub general: &'static str,

    /// Mindset: from.
    pub from: &'static str,
    /// Mindset: to.
    pub to: &'static str,
    /// BerAKHLAK values.
    pub values: &'static str,
    /// Who voiced it.
    pub voiced_by: &'static str,

    /// Action: what.
    pub what: &'static str,
    /// Action: PIC.
    pub pic: &'static str,
    /// Action: due date.
    pub due: &'static str,
    /// Open and past its due date.
    pub overdue: &'static str,

    /// Talk time (with its unit, minutes:seconds).
    pub talk_time: &'static str,
    /// Talk time of everyone together.
    pub talk_total: &'static str,
    /// Turns.
    pub turns: &'static str,
    /// Share of talk time.
    pub share: &'static str,
    /// Per participant.
    pub per_person: &'static str,
    /// Per unit.
    pub per_unit: &'static str,
    /// Number of people.
    pub people: &'static str,
    /// Who has not spoken.
    pub not_spoken: &'static str,
    /// Unit unknown.
    pub no_unit: &'static str,

    /// Sign-off: chair.
    pub sign_chair: &'static str,
    /// Sign-off: notetaker.
    pub sign_notetaker: &'static str,
    /// NIP label.
    pub nip: &'static str,
    /// Attendance: signature column.
    pub signature: &'static str,
    /// Footer: made with fgd.
    pub made_with: &'static str,
}

/// The labels in `lang`.
pub fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Id => &ID,
        Language::En => &EN,
    }
}

static ID: Labels = Labels {
    lang: Language::Id,
    doc_title: "NOTULEN",
    kind: "Jenis kegiatan",
    day_date: "Hari/Tanggal",
    time: "Waktu",
    venue: "Tempat",
    chair: "Pimpinan rapat/Fasilitator",
    resource_persons: "Narasumber",
    notetaker: "Notulis",
    follow_up_of: "Tindak lanjut dari sesi",
    status: "Status",
    not_started: "belum dimulai",
    draft_note: "Draf: sesi belum selesai saat notulen ini dibuat.",
    revised_note: "Notulen ini memuat koreksi yang dibuat setelah sesi berakhir (ditandai \u{201c}direvisi\u{201d}).",
    revised: "direvisi",
    anonymized_note: "Versi anonim: nama peserta diganti dengan kode peserta.",
    none: "Tidak ada.",
    participants: "Peserta",
    agenda: "Susunan Acara",
    discussion: "Pembahasan",
    mindsets: "Perubahan Pola Pikir",
    conclusions: "Kesimpulan",
    decisions: "Keputusan/Kesepakatan",
    actions: "Tindak Lanjut",
    deferred: "Agenda yang Ditunda",
    participation: "Partisipasi",
    closing: "Penutup",
    sign_off: "Pengesahan",
    attendance: "Daftar Hadir",
    no: "No.",
    code: "Kode",
    name: "Nama",
    position: "Jabatan",
    unit: "Unit kerja/OPD",
    presence: "Kehadiran",
    present: "hadir",
    absent: "tidak hadir",
    item: "Acara",
    planned: "Rencana (menit)",
    actual_time: "Waktu pelaksanaan",
    actual: "Realisasi (menit)",
    total: "Jumlah",
    carried_from: "dari sesi",
    origin: "Asal sesi",
    owner: "Pemandu",
    guide_questions: "Pertanyaan panduan",
    notes: "Catatan",
    general: "Umum (tanpa acara)",
    from: "Dari",
    to: "Menjadi",
    values: "Nilai BerAKHLAK",
    voiced_by: "Disampaikan oleh",
    what: "Uraian",
    pic: "Penanggung jawab",
    due: "Batas waktu",
    overdue: "lewat batas waktu",
    talk_time: "Waktu bicara (mnt:dtk)",
    talk_total: "Total waktu bicara (mnt:dtk)",
    turns: "Giliran",
    share: "Porsi",
    per_person: "Per peserta",
    per_unit: "Per unit kerja",
    people: "Peserta",
    not_spoken: "Belum berbicara",
    no_unit: "(tanpa unit)",
    sign_chair: "Pimpinan Rapat",
    sign_notetaker: "Notulis",
    nip: "NIP.",
    signature: "Tanda tangan",
    made_with: "Dibuat dengan fgd",
};

static EN: Labels = Labels {
    lang: Language::En,
    doc_title: "MINUTES",
    kind: "Kind",
    day_date: "Day/Date",
    time: "Time",
    venue: "Venue",
    chair: "Chair/Facilitator",
    resource_persons: "Resource persons",
    notetaker: "Notetaker",
    follow_up_of: "Follows up session",
    status: "Status",
    not_started: "not started",
    draft_note: "Draft: the session had not ended when these minutes were made.",
    revised_note: "These minutes include corrections made after the session ended (marked \u{201c}revised\u{201d}).",
    revised: "revised",
    anonymized_note: "Anonymised: participants are named by their codes.",
    none: "None.",
    participants: "Participants",
    agenda: "Agenda",
    discussion: "Discussion",
    mindsets: "Mindset Changes",
    conclusions: "Conclusions",
    decisions: "Decisions/Agreements",
    actions: "Follow-up Actions",
    deferred: "Deferred Items",
    participation: "Participation",
    closing: "Closing",
    sign_off: "Sign-off",
    attendance: "Attendance List",
    no: "No.",
    code: "Code",
    name: "Name",
    position: "Position",
    unit: "Unit",
    presence: "Attendance",
    present: "present",
    absent: "absent",
    item: "Item",
    planned: "Planned (min)",
    actual_time: "Actual time",
    actual: "Actual (min)",
    total: "Total",
    carried_from: "from session",
    origin: "Carried from",
    owner: "Led by",
    guide_questions: "Guide questions",
    notes: "Notes",
    general: "General (no agenda item)",
    from: "From",
    to: "To",
    values: "BerAKHLAK values",
    voiced_by: "Voiced by",
    what: "What",
    pic: "Owner (PIC)",
    due: "Due",
    overdue: "overdue",
    talk_time: "Talk time (min:sec)",
    talk_total: "Total talk time (min:sec)",
    turns: "Turns",
    share: "Share",
    per_person: "Per participant",
    per_unit: "Per unit",
    people: "People",
    not_spoken: "Has not spoken",
    no_unit: "(no unit)",
    sign_chair: "Chair",
    sign_notetaker: "Notetaker",
    nip: "NIP",
    signature: "Signature",
    made_with: "Made with fgd",
};

impl Labels {
    /// The kind of meeting, spelled out.
    pub fn session_kind(&self, kind: SessionKind) -> &'static str {
        match (self.lang, kind) {
            (_, SessionKind::Fgd) => "Focus Group Discussion (FGD)",
            (Language::Id, SessionKind::Rapat) => "Rapat",
            (Language::En, SessionKind::Rapat) => "Meeting",
            (_, SessionKind::Forum) => "Forum",
            (Language::Id, SessionKind::Kbk) => "Gelar Kelompok Budaya Kerja (KBK)",
            (Language::En, SessionKind::Kbk) => "Work-culture group (KBK) show",
            (Language::Id, SessionKind::Labinov) => "Laboratorium Inovasi",
            (Language::En, SessionKind::Labinov) => "Innovation Lab",
        }
    }

    /// The status of the session.
    pub fn session_status(&self, status: Status) -> &'static str {
        match (self.lang, status) {
            (Language::Id, Status::Planned) => "direncanakan",
            (Language::Id, Status::Live) => "berlangsung",
            (Language::Id, Status::Paused) => "dijeda",
            (Language::Id, Status::Ended) => "selesai",
            (Language::En, Status::Planned) => "planned",
            (Language::En, Status::Live) => "in progress",
            (Language::En, Status::Paused) => "paused",
            (Language::En, Status::Ended) => "ended",
        }
    }

    /// The status of an agenda item.
    pub fn item_status(&self, status: ItemStatus) -> &'static str {
        match (self.lang, status) {
            (Language::Id, ItemStatus::Pending) => "belum dibahas",
            (Language::Id, ItemStatus::Active) => "sedang dibahas",
            (Language::Id, ItemStatus::Done) => "selesai",
            (Language::Id, ItemStatus::Skipped) => "dilewati",
            (Language::Id, ItemStatus::Deferred) => "ditunda",
            (Language::En, ItemStatus::Pending) => "not reached",
            (Language::En, ItemStatus::Active) => "in discussion",
            (Language::En, ItemStatus::Done) => "done",
            (Language::En, ItemStatus::Skipped) => "skipped",
            (Language::En, ItemStatus::Deferred) => "deferred",
        }
    }

    /// The status of an action item.
    pub fn action_status(&self, status: ActionStatus) -> &'static str {
        match (self.lang, status) {
            (Language::Id, ActionStatus::Open) => "terbuka",
            (Language::Id, ActionStatus::Done) => "selesai",
            (Language::Id, ActionStatus::Dropped) => "batal",
            (Language::En, ActionStatus::Open) => "open",
            (Language::En, ActionStatus::Done) => "done",
            (Language::En, ActionStatus::Dropped) => "dropped",
        }
    }

    /// The kind of a note.
    pub fn note_kind(&self, kind: NoteKind) -> &'static str {
        match (self.lang, kind) {
            (Language::Id, NoteKind::Observation) => "Observasi",
            (Language::Id, NoteKind::Quote) => "Kutipan",
            (Language::Id, NoteKind::Insight) => "Temuan",
            (Language::Id, NoteKind::Concern) => "Catatan kritis",
            (Language::En, NoteKind::Observation) => "Observation",
            (Language::En, NoteKind::Quote) => "Quote",
            (Language::En, NoteKind::Insight) => "Insight",
            (Language::En, NoteKind::Concern) => "Concern",
        }
    }

    /// A BerAKHLAK value's name.
    pub fn core_value(&self, value: CoreValue) -> &'static str {
        match self.lang {
            Language::Id => value.name_id(),
            Language::En => value.name_en(),
        }
    }

    /// "18 hadir dari 22 undangan".
    pub fn present_of(&self, present: usize, invited: usize) -> String {
        match self.lang {
            Language::Id => format!("{present} hadir dari {invited} undangan."),
            Language::En => format!("{present} present of {invited} invited."),
        }
    }

    /// The closing line of an ended session.
    pub fn closed_at(&self, time: &str) -> String {
        match self.lang {
            Language::Id => format!("Sesi ditutup pukul {time}."),
            Language::En => format!("The session closed at {time}."),
        }
    }

    /// The closing line of a session that has not ended.
    pub fn not_closed(&self, status: Status) -> String {
        match self.lang {
            Language::Id => format!(
                "Sesi belum ditutup (status: {}).",
                self.session_status(status)
            ),
            Language::En => format!(
                "The session has not closed (status: {}).",
                self.session_status(status)
            ),
        }
    }

    /// What the minutes hold, in one line.
    pub fn summary(
        &self,
        decisions: usize,
        conclusions: usize,
        actions: usize,
        deferred: usize,
    ) -> String {
        match self.lang {
            Language::Id => format!(
                "Sesi menghasilkan {conclusions} kesimpulan, {decisions} keputusan/kesepakatan dan \
                 {actions} tindak lanjut; {deferred} acara ditunda ke sesi berikutnya."
            ),
            Language::En => format!(
                "The session reached {conclusions} conclusion(s), {decisions} decision(s) and \
                 {actions} follow-up action(s); {deferred} item(s) were deferred to a later session."
            ),
        }
    }

    /// The line above the signatures: "Jakarta, 23 November 2026".
    pub fn place_date(&self, place: Option<&str>, date: &str) -> String {
        match place {
            Some(p) if !p.is_empty() => format!("{p}, {date}"),
            _ => date.to_owned(),
        }
    }

    /// The title of a talk-time chart.
    pub fn chart_title(&self, per_unit: bool) -> &'static str {
        match (self.lang, per_unit) {
            (Language::Id, false) => "Waktu bicara per peserta (mnt:dtk)",
            (Language::Id, true) => "Waktu bicara per unit kerja (mnt:dtk)",
            (Language::En, false) => "Talk time per participant (min:sec)",
            (Language::En, true) => "Talk time per unit (min:sec)",
        }
    }
}
