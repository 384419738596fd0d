//! The session's facts: the real date is the day of the first start in the
//! session's zone; `edit_session` corrects the header in every state, but
//! the date only before the start; it is undone like any edit.

use chrono::{TimeZone, Utc};
use fgd::domain::{
    Actor, Command, DomainError, HeaderChange, Person, Session, Snapshot, Status, Zone, replay,
};

use super::common::{Fx, info};
use super::day;

fn edit(change: HeaderChange) -> Command {
    Command::EditSession(change)
}

#[test]
fn the_real_date_is_the_day_of_the_first_start_in_the_sessions_zone() {
    let mut i = info();
    i.zone = Zone::WIT;
    let mut fx = Fx::with_info(i);
    assert_eq!(fx.s.date(), day("2026-11-23"));
    assert!(fx.s.date_is_planned());
    // 2026-12-01 15:30 UTC is already 2 December in WIT (UTC+9).
    fx.set(Utc.with_ymd_and_hms(2026, 12, 1, 15, 30, 0).unwrap());
    fx.ok(Command::Start);
    assert_eq!(fx.s.date(), day("2026-12-02"));
    assert!(!fx.s.date_is_planned());
    assert_eq!(fx.s.info.date, day("2026-11-23"), "the plan's day is kept");
    // A pause and resume the next day do not move it.
    fx.ok(Command::Pause);
    fx.advance(86_400);
    fx.ok(Command::Resume);
    assert_eq!(fx.s.date(), day("2026-12-02"));
    // Undoing the start gives the planned day back.
    let mut fx2 = Fx::new();
    fx2.advance(3 * 86_400);
    fx2.ok(Command::Start);
    assert_eq!(fx2.s.date(), day("2026-11-26"));
    fx2.ok(Command::Undo);
    assert_eq!(fx2.s.date(), day("2026-11-23"));
}

#[test]
fn edit_session_changes_the_given_fields_and_keeps_the_rest() {
    let mut fx = Fx::new();
    fx.ok(edit(HeaderChange {
        title: Some("  Rapat  Koordinasi ".into()),
        date: Some(day("2027-01-15")),
        place: Some("Kuala Tungkal".into()),
        facilitator: Some("Dr. Ratih".into()),
        facilitator_rank: Some("Pembina (IV/a)".into()),
        ..HeaderChange::default()
    }));
    let i = &fx.s.info;
    assert_eq!(i.title, "Rapat Koordinasi");
    assert_eq!(i.date, day("2027-01-15"));
    assert_eq!(fx.s.date(), day("2027-01-15"));
    assert_eq!(i.place.as_deref(), Some("Kuala Tungkal"));
    assert_eq!(
        i.facilitator,
        Some(Person {
            name: "Dr. Ratih".into(),
            rank: Some("Pembina (IV/a)".into()),
            ..Person::default()
        })
    );
    assert_eq!(i.id, "2026-11-23-pola-pikir", "the id stays");
    // An empty text clears an optional field; an empty title is refused.
    fx.ok(edit(HeaderChange {
        place: Some(String::new()),
        ..HeaderChange::default()
    }));
    assert_eq!(fx.s.info.place, None);
    assert_eq!(
        fx.err(edit(HeaderChange {
            title: Some(" ".into()),
            ..HeaderChange::default()
        })),
        DomainError::Empty("title")
    );
    assert_eq!(
        fx.err(edit(HeaderChange::default())),
        DomainError::NothingToChange
    );
}

#[test]
fn the_date_is_refused_once_the_session_started_the_rest_is_not() {
    let mut fx = Fx::new();
    fx.ok(Command::Start);
    let date = || HeaderChange {
        date: Some(day("2027-01-15")),
        ..HeaderChange::default()
    };
    assert_eq!(fx.err(edit(date())), DomainError::DateFixed);
    assert_eq!(
        fgd::i18n::refusals::refusal(fgd::domain::Language::Id, &DomainError::DateFixed),
        "tanggal tidak bisa diubah setelah sesi dimulai: tanggal sesi adalah hari sesi dimulai"
    );
    fx.ok(edit(HeaderChange {
        venue: Some("Aula Bappeda".into()),
        ..HeaderChange::default()
    }));
    fx.ok(Command::End);
    assert_eq!(fx.err(edit(date())), DomainError::DateFixed);
    assert!(!fx.s.revised);
    // After the end a correction is allowed, and the minutes say revised.
    fx.ok(edit(HeaderChange {
        notetaker: Some("Yoga".into()),
        ..HeaderChange::default()
    }));
    assert!(fx.s.revised && fx.s.info.revised);
    assert_eq!(fx.s.status, Status::Ended);
    fx.ok(Command::Undo);
    assert_eq!(fx.s.info.notetaker, None);
    assert!(!fx.s.revised, "an undone correction leaves nothing revised");
}

#[test]
fn edit_session_is_undone_per_terminal_and_survives_replay_and_snapshot() {
    let mut fx = Fx::new();
    fx.n(edit(HeaderChange {
        organizer: Some("Bappeda".into()),
        ..HeaderChange::default()
    }))
    .unwrap();
    fx.ok(edit(HeaderChange {
        title: Some("Judul baru".into()),
        ..HeaderChange::default()
    }));
    let replayed: Session = replay(&fx.log);
    assert_eq!(replayed, fx.s);
    assert_eq!(Snapshot::of(&fx.s).restore(), fx.s);
    // The notetaker's edit was overwritten by the facilitator's since: refused.
    assert!(matches!(
        fx.exec(Actor::Notetaker, Command::Undo),
        Err(DomainError::UndoConflict(_))
    ));
    fx.ok(Command::Undo);
    assert_eq!(fx.s.info.title, info().title);
    assert_eq!(fx.s.info.organizer.as_deref(), Some("Bappeda"));
    fx.n(Command::Undo).unwrap();
    assert_eq!(fx.s.info, Fx::new().s.info);
}

#[test]
fn edit_session_reads_its_line_form() {
    let line =
        r#"{"cmd":"edit_session","title":"T","date":"2027-01-15","facilitator_position":"Kepala"}"#;
    let cmd: Command = serde_json::from_str(line).unwrap();
    assert_eq!(
        cmd,
        edit(HeaderChange {
            title: Some("T".into()),
            date: Some(day("2027-01-15")),
            facilitator_position: Some("Kepala".into()),
            ..HeaderChange::default()
        })
    );
    let typo = r#"{"cmd":"edit_session","titel":"T"}"#;
    assert!(serde_json::from_str::<Command>(typo).is_err());
    let bad_date = r#"{"cmd":"edit_session","date":"2027-02-30"}"#;
    assert!(serde_json::from_str::<Command>(bad_date).is_err());
}
