//! `fgd import` input and stored events: any bytes give a session or an
//! error, never a panic. An imported session keeps its invariants (import
//! checks them) and its events read back as they are written.
#![no_main]

use fgd::domain::Recorded;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // One stored event, as the database holds it.
    if let Ok(rec) = serde_json::from_slice::<Recorded>(data) {
        let again: Recorded = serde_json::from_slice(&serde_json::to_vec(&rec).unwrap()).unwrap();
        assert_eq!(again, rec);
    }
    // A whole session.json.
    if let Ok((session, events)) = fgd::export::json::import(data) {
        assert_eq!(session.last_seq, events.len() as u64);
        let rendered = fgd::export::json::render(&session, &events);
        let (again, _) =
            fgd::export::json::import(&rendered).expect("what imports exports and imports again");
        assert_eq!(again, session);
    }
});
