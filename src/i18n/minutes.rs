//! The words of the minutes (notulen) in Indonesian and English, after the
//! vocabulary in DOMAIN.md: notulen, daftar hadir, pembahasan, kesimpulan,
//! keputusan/kesepakatan, tindak lanjut, penanggung jawab, batas waktu,
//! perubahan pola pikir, pengesahan. Renderers take every label from here:
//! the `Labels` table, one line per word (Indonesian, English), and the
//! kinds and statuses the minutes name.
//!
//! Owns the minutes' words only: words the screen shows too come from
//! [`super::common`]; dates and times from [`super`]. Must not lay anything
//! out nor escape (the renderers in `export/` do).

use super::{common, fill, pick};
use crate::domain::{
    ActionStatus, CoreValue, ItemStatus, Language, NoteKind, SessionKind, SpeakerRole, Status,
};

words! {
    /// Every fixed label of the minutes in one language.
    pub struct Labels (ID, EN) {
        // The heading.
        doc_title: ("NOTULEN", "MINUTES"),
        kind: ("Jenis kegiatan", "Kind"),
        day_date: ("Hari/Tanggal", "Day/Date"),
        time: ("Waktu", "Time"),
        venue: ("Tempat", "Venue"),
        chair: ("Pimpinan rapat/Fasilitator", "Chair/Facilitator"),
        resource_persons: ("Narasumber", "Resource persons"),
        notetaker: ("Notulis", "Notetaker"),
        follow_up_of: ("Tindak lanjut dari sesi", "Follows up session"),
        status: ("Status", "Status"),
        attendees: ("Peserta", "Participants"),
        present_absent_text: ("{} orang hadir, {} orang berhalangan", "{} present, {} unable to attend"),
        not_started: ("belum dimulai", "not started"),
        planned_date: ("rencana", "planned"),
        place_blank: ("…………", "…………"),
        draft_note: ("Draf: sesi belum selesai saat notulen ini dibuat.", "Draft: the session had not ended when these minutes were made."),
        revised_note: ("Notulen ini memuat koreksi yang dibuat setelah sesi berakhir (ditandai \u{201c}direvisi\u{201d}).", "These minutes include corrections made after the session ended (marked \u{201c}revised\u{201d})."),
        revised: ("direvisi", "revised"),
        internal_banner: ("INTERNAL \u{2014} TIDAK UNTUK DIEDARKAN", "INTERNAL \u{2014} NOT FOR CIRCULATION"),
        internal_note: ("Notulen internal: memuat catatan privat (ditandai \u{201c}privat\u{201d}), yang tidak ada di notulen yang dibagikan.", "Internal minutes: they hold the private notes (marked \u{201c}private\u{201d}), which the shared minutes leave out."),
        private_mark: ("privat", "private"),
        a_participant: ("seorang peserta", "a participant"),
        anonymized_note: ("Versi anonim: nama peserta diganti dengan kode peserta.", "Anonymised: participants are named by their codes."),
        none: ("Tidak ada.", "None."),
        // Section titles.
        participants: ("Peserta", "Participants"),
        agenda: common::AGENDA,
        discussion: ("Pembahasan", "Discussion"),
        mindsets: ("Perubahan Pola Pikir", "Mindset Changes"),
        conclusions: ("Kesimpulan", "Conclusions"),
        decisions: ("Keputusan/Kesepakatan", "Decisions/Agreements"),
        actions: ("Tindak Lanjut", "Follow-up Actions"),
        deferred: ("Agenda yang Ditunda", "Deferred Items"),
        participation: ("Partisipasi", "Participation"),
        closing: ("Penutup", "Closing"),
        sign_off: ("Pengesahan", "Sign-off"),
        attendance: ("Daftar Hadir", "Attendance List"),
        appendix: ("Lampiran", "Appendix"),
        // Participants and attendance.
        no: ("No.", "No."),
        code: common::CODE,
        name: common::NAME,
        position: common::POSITION,
        unit: ("Unit kerja/OPD", "Unit"),
        presence: ("Kehadiran", "Attendance"),
        present: common::PRESENT,
        absent: ("tidak hadir", "absent"),
        // The agenda.
        item: ("Acara", "Item"),
        planned: ("Rencana (menit)", "Planned (min)"),
        actual_time: ("Waktu pelaksanaan", "Actual time"),
        actual: ("Realisasi (menit)", "Actual (min)"),
        total: ("Jumlah", "Total"),
        carried_from: ("dari sesi", "from session"),
        origin: ("Asal sesi", "Carried from"),
        // Discussion.
        owner: ("Pemandu", "Led by"),
        guide_questions: common::GUIDE_QUESTIONS,
        question_covered: ("(✓ terbahas)", "(✓ covered)"),
        notes: common::NOTES,
        general: ("Umum (tanpa acara)", "General (no agenda item)"),
        nothing_recorded: ("Tidak ada catatan.", "Nothing recorded."),
        mindset_no: ("Perubahan", "Shift"),
        decision_no: ("Keputusan", "Decision"),
        conclusion_no: ("Kesimpulan", "Conclusion"),
        action_no: ("Tindak lanjut", "Action"),
        // Mindset changes.
        from: common::FROM,
        to: common::TO,
        values: common::VALUES,
        voiced_by: ("Disampaikan oleh", "Voiced by"),
        // Follow-up actions.
        what: ("Uraian", "What"),
        pic: ("Penanggung jawab", "Owner (PIC)"),
        due: common::DUE,
        overdue: ("lewat batas waktu", "overdue"),
        overdue_column: ("Lewat batas waktu", "Overdue"),
        yes: ("ya", "yes"),
        // Participation.
        talk_time: ("Waktu bicara (jam:mnt:dtk)", "Talk time (h:mm:ss)"),
        talk_total: ("Total waktu bicara (jam:mnt:dtk)", "Total talk time (h:mm:ss)"),
        turns: ("Giliran", "Turns"),
        arrived: ("Datang", "Arrived"),
        share: ("Porsi", "Share"),
        per_person: ("Per peserta", "Per participant"),
        per_unit: ("Per unit kerja", "Per unit"),
        people: ("Peserta", "People"),
        not_spoken: ("Belum berbicara", "Has not spoken"),
        guests_talk: ("Narasumber dan pimpinan rapat (tidak dihitung dalam porsi peserta)", "Resource persons and the chair (not counted in the participants' shares)"),
        no_unit: ("(tanpa unit)", "(no unit)"),
        // Sign-off and footer.
        sign_chair: ("Pimpinan Rapat", "Chair"),
        sign_notetaker: ("Notulis", "Notetaker"),
        sign_approver: ("Mengetahui,", "Acknowledged by,"),
        closing_sentence: ("Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.", "These minutes were made to be used as appropriate."),
        page: ("Halaman", "Page"),
        page_of: ("dari", "of"),
        phone: ("Telepon", "Phone"),
        email: ("Surel", "E-mail"),
        website: ("Laman", "Website"),
        nip: ("NIP.", "NIP"),
        nip_column: ("NIP", "NIP"),
        signature: ("Tanda tangan", "Signature"),
        made_with: ("Dibuat dengan fgd", "Made with fgd"),
        // Kinds of meeting.
        kind_fgd: ("Focus Group Discussion (FGD)", "Focus Group Discussion (FGD)"),
        kind_rapat: ("Rapat", "Meeting"),
        kind_forum: ("Forum", "Forum"),
        kind_kbk: ("Gelar Kelompok Budaya Kerja (KBK)", "Work-culture group (KBK) show"),
        kind_labinov: ("Laboratorium Inovasi", "Innovation Lab"),
        kind_bimtek: ("Bimbingan Teknis (Bimtek)", "Technical guidance (bimtek)"),
        // Session status.
        status_planned: ("direncanakan", "planned"),
        status_live: ("berlangsung", "in progress"),
        status_paused: ("dijeda", "paused"),
        status_ended: ("selesai", "ended"),
        // Agenda item status.
        item_pending: ("belum dibahas", "not reached"),
        item_active: ("sedang dibahas", "in discussion"),
        item_done: common::ITEM_DONE,
        item_skipped: common::ITEM_SKIPPED,
        item_deferred: common::ITEM_DEFERRED,
        // Note kinds.
        note_observation: ("Observasi", "Observation"),
        note_quote: ("Kutipan", "Quote"),
        note_insight: ("Temuan", "Insight"),
        note_concern: ("Catatan kritis", "Concern"),
        // Sentences (a `{}` is filled in order).
        present_of_text: ("{} hadir dari {} undangan.", "{} present of {} invited."),
        closed_at_text: ("Sesi ditutup pukul {}.", "The session closed at {}."),
        not_closed_text: ("Sesi belum ditutup (status: {}).", "The session has not closed (status: {})."),
        summary_text: ("Sesi menghasilkan {}.", "The session reached {}."),
        summary_nothing: ("Sesi tidak menghasilkan kesimpulan, keputusan, atau tindak lanjut.", "The session reached no conclusion, decision or follow-up action."),
        and_word: ("dan", "and"),
        conclusion_1: ("{} kesimpulan", "{} conclusion"),
        conclusion_n: ("{} kesimpulan", "{} conclusions"),
        decision_1: ("{} keputusan/kesepakatan", "{} decision"),
        decision_n: ("{} keputusan/kesepakatan", "{} decisions"),
        action_1: ("{} tindak lanjut", "{} follow-up action"),
        action_n: ("{} tindak lanjut", "{} follow-up actions"),
        deferred_1: ("{} acara ditunda ke sesi berikutnya.", "{} item was deferred to a later session."),
        deferred_n: ("{} acara ditunda ke sesi berikutnya.", "{} items were deferred to a later session."),
        // Talk-time charts.
        chart_per_person: ("Waktu bicara per peserta (mnt:dtk)", "Talk time per participant (min:sec)"),
        chart_per_unit: ("Waktu bicara per unit kerja (mnt:dtk)", "Talk time per unit (min:sec)"),
    }
}

/// The labels in `lang`.
pub fn labels(lang: Language) -> &'static Labels {
    match lang {
        Language::Id => &ID,
        Language::En => &EN,
    }
}

impl Labels {
    /// The kind of meeting, spelled out.
    pub fn session_kind(&self, kind: SessionKind) -> &'static str {
        match kind {
            SessionKind::Fgd => self.kind_fgd,
            SessionKind::Rapat => self.kind_rapat,
            SessionKind::Forum => self.kind_forum,
            SessionKind::Kbk => self.kind_kbk,
            SessionKind::Labinov => self.kind_labinov,
            SessionKind::Bimtek => self.kind_bimtek,
        }
    }

    /// The status of the session.
    pub fn session_status(&self, status: Status) -> &'static str {
        match status {
            Status::Planned => self.status_planned,
            Status::Live => self.status_live,
            Status::Paused => self.status_paused,
            Status::Ended => self.status_ended,
        }
    }

    /// The status of an agenda item.
    pub fn item_status(&self, status: ItemStatus) -> &'static str {
        match status {
            ItemStatus::Pending => self.item_pending,
            ItemStatus::Active => self.item_active,
            ItemStatus::Done => self.item_done,
            ItemStatus::Skipped => self.item_skipped,
            ItemStatus::Deferred => self.item_deferred,
        }
    }

    /// The status of an action item.
    pub fn action_status(&self, status: ActionStatus) -> &'static str {
        pick(self.lang, common::action_status(status))
    }

    /// The kind of a note.
    pub fn note_kind(&self, kind: NoteKind) -> &'static str {
        match kind {
            NoteKind::Observation => self.note_observation,
            NoteKind::Quote => self.note_quote,
            NoteKind::Insight => self.note_insight,
            NoteKind::Concern => self.note_concern,
        }
    }

    /// The role a resource person or the chair is named with; `None` for a
    /// participant.
    pub fn speaker_role(&self, role: SpeakerRole) -> Option<&'static str> {
        common::speaker_role(role).map(|pair| pick(self.lang, pair))
    }

    /// A BerAKHLAK value's name.
    pub fn core_value(&self, value: CoreValue) -> &'static str {
        pick(self.lang, common::core_value(value))
    }

    /// "18 hadir dari 22 undangan".
    pub fn present_of(&self, present: usize, invited: usize) -> String {
        fill(self.present_of_text, &[&present, &invited])
    }

    /// The closing line of an ended session.
    pub fn closed_at(&self, time: &str) -> String {
        fill(self.closed_at_text, &[&time])
    }

    /// The closing line of a session that has not ended.
    pub fn not_closed(&self, status: Status) -> String {
        fill(self.not_closed_text, &[&self.session_status(status)])
    }

    /// What the minutes hold, in one or two sentences, each count with its
    /// word in the singular or plural and the zero counts left out.
    pub fn summary(
        &self,
        decisions: usize,
        conclusions: usize,
        actions: usize,
        deferred: usize,
    ) -> String {
        let counted = |n: usize, (one, many): (&str, &str)| {
            (n > 0).then(|| fill(if n == 1 { one } else { many }, &[&n]))
        };
        let parts: Vec<String> = [
            counted(conclusions, (self.conclusion_1, self.conclusion_n)),
            counted(decisions, (self.decision_1, self.decision_n)),
            counted(actions, (self.action_1, self.action_n)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut out = match parts.as_slice() {
            [] => self.summary_nothing.to_owned(),
            [one] => fill(self.summary_text, &[one]),
            [init @ .., last] => fill(
                self.summary_text,
                &[&format!("{} {} {last}", init.join(", "), self.and_word)],
            ),
        };
        if let Some(d) = counted(deferred, (self.deferred_1, self.deferred_n)) {
            out.push(' ');
            out.push_str(&d);
        }
        out
    }

    /// "20 orang hadir, 2 orang berhalangan".
    pub fn present_absent(&self, present: usize, absent: usize) -> String {
        fill(self.present_absent_text, &[&present, &absent])
    }

    /// The line above the signatures: "Jakarta, 23 November 2026"; without
    /// a place, a blank for the signer to fill ("…………, 23 November 2026").
    pub fn place_date(&self, place: Option<&str>, date: &str) -> String {
        match place {
            Some(p) if !p.is_empty() => format!("{p}, {date}"),
            _ => format!("{}, {date}", self.place_blank),
        }
    }

    /// A date that is still the planned one: "Jumat, 15 Januari 2027 (rencana)".
    pub fn planned(&self, date: &str) -> String {
        format!("{date} ({})", self.planned_date)
    }

    /// The title of a talk-time chart.
    pub fn chart_title(&self, per_unit: bool) -> &'static str {
        if per_unit {
            self.chart_per_unit
        } else {
            self.chart_per_person
        }
    }
}
