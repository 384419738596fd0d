//! The words the screen ([`super::screen`]) and the minutes
//! ([`super::minutes`]) share, written once: action statuses, the agenda
//! item statuses both spell alike, the BerAKHLAK core values, and the labels
//! both show for the same thing. Each is a [`Pair`] (Indonesian, English).
//!
//! Must not hold a word only one of them uses, nor pick a language (the
//! tables that use these do). Where the screen and the minutes word the same
//! thing differently (session status in capitals on the screen, note kinds
//! capitalised in the minutes, "pending" vs "not reached" …) those are two
//! different words and each lives in its own table.

use super::Pair;
use crate::domain::{ActionStatus, CoreValue, SpeakerRole};

/// The status of an action item.
pub const fn action_status(status: ActionStatus) -> Pair {
    match status {
        ActionStatus::Open => ("terbuka", "open"),
        ActionStatus::Done => ("selesai", "done"),
        ActionStatus::Dropped => ("batal", "dropped"),
    }
}

/// The role a speaker who is not a participant is named with ("N1 Dr. Andi
/// (narasumber)"); `None` for a participant.
pub const fn speaker_role(role: SpeakerRole) -> Option<Pair> {
    match role {
        SpeakerRole::Participant => None,
        SpeakerRole::ResourcePerson => Some(("narasumber", "resource person")),
        SpeakerRole::Chair => Some(("pimpinan rapat", "chair")),
    }
}

/// A BerAKHLAK core value's name.
pub const fn core_value(value: CoreValue) -> Pair {
    match value {
        CoreValue::BerorientasiPelayanan => ("Berorientasi Pelayanan", "Service-oriented"),
        CoreValue::Akuntabel => ("Akuntabel", "Accountable"),
        CoreValue::Kompeten => ("Kompeten", "Competent"),
        CoreValue::Harmonis => ("Harmonis", "Harmonious"),
        CoreValue::Loyal => ("Loyal", "Loyal"),
        CoreValue::Adaptif => ("Adaptif", "Adaptive"),
        CoreValue::Kolaboratif => ("Kolaboratif", "Collaborative"),
    }
}

// Agenda item statuses both spell alike (pending and active differ: the
// screen says "menunggu"/"berjalan", the minutes "belum dibahas"/"sedang dibahas").
pub const ITEM_DONE: Pair = ("selesai", "done");
pub const ITEM_SKIPPED: Pair = ("dilewati", "skipped");
pub const ITEM_DEFERRED: Pair = ("ditunda", "deferred");

// Labels both show.
pub const AGENDA: Pair = ("Susunan Acara", "Agenda");
pub const NOTES: Pair = ("Catatan", "Notes");
pub const GUIDE_QUESTIONS: Pair = ("Pertanyaan panduan", "Guide questions");
pub const FROM: Pair = ("Dari", "From");
pub const TO: Pair = ("Menjadi", "To");
pub const VALUES: Pair = ("Nilai BerAKHLAK", "BerAKHLAK values");
pub const DUE: Pair = ("Batas waktu", "Due");
pub const NAME: Pair = ("Nama", "Name");
pub const POSITION: Pair = ("Jabatan", "Position");
pub const CODE: Pair = ("Kode", "Code");
pub const PRESENT: Pair = ("hadir", "present");

#[cfg(test)]
mod tests {
    use super::*;

    /// The domain still spells the values for parsing and old callers; until
    /// those go, they must say what this table says.
    #[test]
    fn core_values_agree_with_the_domain() {
        for v in CoreValue::ALL {
            assert_eq!(core_value(v), (v.name_id(), v.name_en()));
        }
    }
}
