//! The words of jury scoring, vote counts and the kinds' own parts (a
//! bimtek's lesson hours), for the minutes and the screen, one line per word
//! (Indonesian, English). Holds words only: what is scored and how totals
//! are made is `domain::scoring`'s.

use super::fill;
use crate::domain::{Language, Votes};

words! {
    /// The words of scoring, votes and lesson hours in one language.
    pub struct JuryWords (ID, EN) {
        // Section titles.
        scores: ("Hasil Penilaian", "Scoring Results"),
        berita_acara: ("Berita Acara Penilaian", "Record of Judging (Berita Acara Penilaian)"),
        jp: ("Jam Pelajaran per Narasumber", "Lesson Hours per Resource Person"),
        // Columns.
        rank: ("Peringkat", "Rank"),
        presenter: ("Penyaji", "Presenter"),
        unit: ("Unit kerja", "Unit"),
        total: ("Nilai akhir", "Total"),
        criterion: ("Kriteria", "Criterion"),
        weight: ("Bobot", "Weight"),
        max: ("Nilai maks.", "Max."),
        juror_scores: ("Nilai juri", "Jurors' scores"),
        mean: ("Rata-rata", "Mean"),
        juror: ("Juri", "Juror"),
        resource_person: ("Narasumber", "Resource person"),
        material: ("Materi", "Material"),
        planned_minutes: ("Rencana (menit)", "Planned (min)"),
        actual_minutes: ("Realisasi (menit)", "Actual (min)"),
        jp_planned: ("JP rencana", "Planned JP"),
        jp_actual: ("JP realisasi", "Actual JP"),
        jp_total: ("Jumlah", "Total"),
        // Marks and sentences (a `{}` is filled in order).
        tie: ("seri", "tie"),
        incomplete: ("{} nilai kosong dihitung 0", "{} empty score(s) counted as 0"),
        not_announced: ("Nilai belum diumumkan.", "The scores have not been announced."),
        criteria_note: ("Kriteria dan bobot penilaian (ditetapkan dalam rencana sesi; kriteria resmi dapat berbeda menurut daerah):", "Criteria and weights (set in the session plan; official criteria vary by region):"),
        method_note: ("Nilai akhir: rata-rata nilai berbobot para juri (skala 0–100).", "Total: the mean of the jurors' weighted scores (0–100 scale)."),
        trimmed_note: ("Nilai akhir: rata-rata nilai berbobot para juri (skala 0–100), tanpa nilai tertinggi dan terendah bila dinilai sedikitnya empat juri.", "Total: the mean of the jurors' weighted scores (0–100 scale), leaving out the highest and the lowest when at least four jurors scored."),
        per_juror: ("Nilai berbobot per juri: {}", "Weighted score per juror: {}"),
        berita_acara_text: ("Pada hari ini {}, bertempat di {}, Tim Juri {} telah melaksanakan penilaian terhadap {} penyaji dengan hasil sebagai berikut:", "On {}, at {}, the jury of {} judged {} presenter(s) with the following results:"),
        berita_acara_close: ("Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.", "This record was made truthfully, to be used as appropriate."),
        jp_note: ("1 JP = 45 menit.", "1 JP (lesson hour) = 45 minutes."),
        // The innovation lab.
        ideas: ("Ide Inovasi dan Rencana Aksi", "Innovation Ideas and Action Plans"),
        idea: ("Ide inovasi", "Idea"),
        problem: ("Masalah", "Problem"),
        proposer: ("Pengusul", "Proposer"),
        priority: ("Prioritas (suara)", "Priority (dots)"),
        action_plan: ("Rencana aksi", "Action plan"),
        step: ("Langkah", "Step"),
        pic: ("Penanggung jawab", "PIC"),
        schedule: ("Jadwal", "Schedule"),
        indicator: ("Indikator", "Indicator"),
        resources: ("Sumber daya", "Resources"),
        idea_no_hint: ("nomor ide, mis. 1; kosong: tetap", "the idea's number, e.g. 1; empty: unchanged"),
        no_team: ("Tanpa tim/OPD", "No team/OPD"),
        // Vote counts.
        votes_for: ("setuju", "for"),
        votes_against: ("tidak setuju", "against"),
        votes_abstain: ("abstain", "abstaining"),
        // Screen.
        sheet_title: ("Lembar nilai", "Score sheet"),
        sheet_hint: ("Tab/Shift-Tab pindah sel · Enter simpan · PgUp/PgDn penyaji · A umumkan · Esc tutup", "Tab/Shift-Tab move · Enter save · PgUp/PgDn presenter · A announce · Esc close"),
        already_announced: ("nilai sudah diumumkan", "the scores are already announced"),
        sheet_empty: ("Sesi ini tidak punya juri dan kriteria.", "This session has no jury and criteria."),
        sheet_hidden: ("Nilai tersembunyi dari layar proyektor sampai diumumkan.", "Scores stay off the projector until announced."),
        sheet_saved: ("{} nilai tersimpan", "{} score(s) saved"),
        ranking_title: ("Hasil Penilaian", "Results"),
        qa_title: ("Sesi narasumber dan tanya jawab", "Resource person's session and Q&A"),
        scores_state: ("Nilai: {} dari {} sel terisi", "Scores: {} of {} cells filled"),
        announce_ask: ("Umumkan nilai? Peringkat tampil di proyektor dan nilai tidak bisa diubah lagi.", "Announce the scores? The ranking shows on the projector and scores can no longer change."),
        slot_presenter: ("Penyaji: {}", "Presenter: {}"),
        votes_field: ("Suara (setuju/tidak/abstain)", "Votes (for/against/abstain)"),
        votes_bad: ("tulis tiga angka, mis. 18/2/2, atau kosongkan", "write three numbers like 18/2/2, or leave it empty"),
    }
}

/// `text` with its one `{}` filled.
pub fn fill_one(text: &str, value: &str) -> String {
    fill(text, &[&value])
}

/// The words in `lang`.
pub fn words(lang: Language) -> &'static JuryWords {
    match lang {
        Language::Id => &ID,
        Language::En => &EN,
    }
}

impl JuryWords {
    /// "setuju 18, tidak setuju 2, abstain 2" — counts, never names.
    pub fn votes(&self, v: Votes) -> String {
        format!(
            "{} {}, {} {}, {} {}",
            self.votes_for,
            v.in_favour,
            self.votes_against,
            v.against,
            self.votes_abstain,
            v.abstain
        )
    }

    /// "2 nilai kosong dihitung 0".
    pub fn incomplete_of(&self, n: usize) -> String {
        fill(self.incomplete, &[&n])
    }

    /// The line over the berita acara's table.
    pub fn berita_acara_of(&self, date: &str, venue: &str, title: &str, n: usize) -> String {
        fill(self.berita_acara_text, &[&date, &venue, &title, &n])
    }

    /// "Nilai berbobot per juri: J1 80,00 · J2 78,00".
    pub fn per_juror_of(&self, list: &str) -> String {
        fill(self.per_juror, &[&list])
    }

    /// "Nilai: 12 dari 48 sel terisi".
    pub fn scores_state_of(&self, filled: usize, cells: usize) -> String {
        fill(self.scores_state, &[&filled, &cells])
    }

    /// The decimal separator of the language.
    pub fn sep(&self) -> char {
        match self.lang {
            Language::Id => ',',
            Language::En => '.',
        }
    }
}
