//! The words of undo labels ("undid …", "can't undo …"), one line per label
//! in both languages, (Indonesian, English). The English words are the
//! labels' wire names (a test checks it). Holds words only: which event has
//! which label is `domain::undo`'s.

use crate::domain::{Label, Language};

/// The words of `l` in `lang`.
pub fn label(lang: Language, l: Label) -> &'static str {
    let (id, en) = match l {
        Label::EditSession => ("ubah info sesi", "edit session"),
        Label::Start => ("mulai sesi", "start"),
        Label::Pause => ("jeda", "pause"),
        Label::Resume => ("lanjutkan sesi", "resume"),
        Label::AddParticipant => ("tambah peserta", "add participant"),
        Label::EditParticipant => ("ubah peserta", "edit participant"),
        Label::RemoveParticipant => ("hapus peserta", "remove participant"),
        Label::Arrival => ("kehadiran", "arrival"),
        Label::Absence => ("ketidakhadiran", "absence"),
        Label::AddAgendaItem => ("tambah acara", "add agenda item"),
        Label::EditAgendaItem => ("ubah acara", "edit agenda item"),
        Label::CoverQuestion => ("centang pertanyaan panduan", "cover question"),
        Label::MoveAgendaItem => ("pindah acara", "move agenda item"),
        Label::RemoveAgendaItem => ("hapus acara", "remove agenda item"),
        Label::StartAgendaItem => ("mulai acara", "start agenda item"),
        Label::NextAgendaItem => ("acara berikutnya", "next agenda item"),
        Label::SkipAgendaItem => ("lewati acara", "skip agenda item"),
        Label::DeferAgendaItem => ("tunda acara", "defer agenda item"),
        Label::RaiseHand => ("angkat tangan", "raise hand"),
        Label::MoveQueueEntry => ("pindah antrean", "move queue entry"),
        Label::RemoveQueueEntry => ("hapus antrean", "remove queue entry"),
        Label::CallSpeaker => ("panggil pembicara", "call speaker"),
        Label::FinishSpeaker => ("selesai bicara", "finish speaker"),
        Label::AddMindsetNote => ("tambah catatan pola pikir", "add mindset note"),
        Label::EditMindsetNote => ("ubah catatan pola pikir", "edit mindset note"),
        Label::AddNote => ("tambah catatan", "add note"),
        Label::EditNote => ("ubah catatan", "edit note"),
        Label::AddDecision => ("tambah keputusan", "add decision"),
        Label::EditDecision => ("ubah keputusan", "edit decision"),
        Label::AddConclusion => ("tambah kesimpulan", "add conclusion"),
        Label::EditConclusion => ("ubah kesimpulan", "edit conclusion"),
        Label::AddActionItem => ("tambah tindak lanjut", "add action item"),
        Label::EditActionItem => ("ubah tindak lanjut", "edit action item"),
        Label::ActionStatus => ("status tindak lanjut", "action status"),
        Label::RemoveNote => ("hapus catatan", "remove note"),
        Label::RemoveMindsetNote => ("hapus catatan pola pikir", "remove mindset note"),
        Label::RemoveDecision => ("hapus keputusan", "remove decision"),
        Label::RemoveConclusion => ("hapus kesimpulan", "remove conclusion"),
        Label::RemoveActionItem => ("hapus tindak lanjut", "remove action item"),
        Label::Score => ("beri nilai", "score"),
        Label::AnnounceScores => ("umumkan nilai", "announce scores"),
        Label::AddIdea => ("tambah ide inovasi", "add idea"),
        Label::PrioritiseIdea => ("prioritas ide", "prioritise idea"),
        Label::PlanActionItem => ("rencana aksi", "plan action item"),
        Label::RemoveIdea => ("hapus ide inovasi", "remove idea"),
    };
    match lang {
        Language::Id => id,
        Language::En => en,
    }
}

/// The words, in `lang`, of the label a refusal carries by its wire name
/// (`DomainError::UndoConflict`); a name no label has is shown as it is.
pub fn named(lang: Language, wire: &str) -> &str {
    Label::from_wire_name(wire).map_or(wire, |l| label(lang, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_words_are_the_wire_names() {
        for &l in Label::ALL {
            assert_eq!(label(Language::En, l), l.wire_name());
            assert_eq!(named(Language::Id, &l.wire_name()), label(Language::Id, l));
        }
        assert_eq!(named(Language::Id, "something else"), "something else");
    }
}
