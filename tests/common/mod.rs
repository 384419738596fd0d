//! A session driven the way the app drives it: every command goes through
//! `decide`, every event through `apply`, with a settable clock and an
//! increasing seq. Shared by the domain test files.
#![allow(dead_code)]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use fgd::domain::{
    Actor, Command, DomainError, Recorded, Seq, Session, SessionInfo, Status, Zone, apply, decide,
};

/// The instant every fixture starts at: 2026-11-23 09:00 WIB.
pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 2, 0, 0).unwrap()
}

/// The settings of the fixture session.
pub fn info() -> SessionInfo {
    SessionInfo {
        id: "2026-11-23-pola-pikir".into(),
        title: "Perubahan Pola Pikir Pelayanan".into(),
        date: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        zone: Zone::WIB,
        speaker_limit_secs: 180,
        start_time: None,
        ..SessionInfo::default()
    }
}

/// A session with its log and clock.
#[derive(Debug, Clone)]
pub struct Fx {
    /// The state: the fold of `log`.
    pub s: Session,
    /// Every event recorded, in order.
    pub log: Vec<Recorded>,
    /// The clock.
    pub now: DateTime<Utc>,
}

impl Fx {
    /// A created (planned) session at [`t0`].
    pub fn new() -> Self {
        Self::with_info(info())
    }

    /// A created session with the given settings.
    pub fn with_info(info: SessionInfo) -> Self {
        let mut fx = Fx {
            s: Session::default(),
            log: Vec::new(),
            now: t0(),
        };
        fx.exec(Actor::Script, Command::Create { info }).unwrap();
        fx
    }

    /// Runs one command: decide, then apply each event with the next seq.
    /// Returns the seq of the (last) event, or the refusal; a refusal is
    /// checked to leave the state as it was.
    pub fn exec(&mut self, actor: Actor, cmd: Command) -> Result<Seq, DomainError> {
        let before = self.s.clone();
        match decide(&self.s, cmd, self.now, actor) {
            Ok(events) => {
                assert!(!events.is_empty(), "decide accepted but returned no event");
                for event in events {
                    let rec = Recorded {
                        seq: self.s.last_seq + 1,
                        at: self.now,
                        actor,
                        event,
                    };
                    apply(&mut self.s, &rec);
                    self.log.push(rec);
                }
                Ok(self.s.last_seq)
            }
            Err(e) => {
                assert_eq!(self.s, before, "a refused command changed the state");
                Err(e)
            }
        }
    }

    /// Runs a facilitator command.
    pub fn f(&mut self, cmd: Command) -> Result<Seq, DomainError> {
        self.exec(Actor::Facilitator, cmd)
    }

    /// Runs a notetaker command.
    pub fn n(&mut self, cmd: Command) -> Result<Seq, DomainError> {
        self.exec(Actor::Notetaker, cmd)
    }

    /// Runs a facilitator command that must succeed.
    #[track_caller]
    pub fn ok(&mut self, cmd: Command) -> Seq {
        let shown = format!("{cmd:?}");
        match self.f(cmd) {
            Ok(seq) => seq,
            Err(e) => panic!("{shown} was refused: {e}"),
        }
    }

    /// Runs a facilitator command that must be refused, and returns why.
    #[track_caller]
    pub fn err(&mut self, cmd: Command) -> DomainError {
        let shown = format!("{cmd:?}");
        match self.f(cmd) {
            Ok(_) => panic!("{shown} was accepted"),
            Err(e) => e,
        }
    }

    /// Moves the clock forward.
    pub fn advance(&mut self, secs: i64) {
        self.now += Duration::seconds(secs);
    }

    /// Sets the clock.
    pub fn set(&mut self, at: DateTime<Utc>) {
        self.now = at;
    }

    /// Adds participants by name (codes assigned P1, P2, …).
    pub fn people(&mut self, names: &[&str]) {
        for name in names {
            self.ok(add_participant(name));
        }
    }

    /// Adds agenda items of 10 minutes each.
    pub fn items(&mut self, titles: &[&str]) {
        for title in titles {
            self.ok(add_item(title, 10));
        }
    }

    /// Starts the session.
    pub fn start(&mut self) {
        self.ok(Command::Start);
        assert_eq!(self.s.status, Status::Live);
    }

    /// Checks the invariants now.
    #[track_caller]
    pub fn check(&self) {
        if let Err(e) = self.s.check_invariants(self.now) {
            panic!("invariant broken: {e}");
        }
    }
}

impl Default for Fx {
    fn default() -> Self {
        Self::new()
    }
}

/// A session equal to `s` but for the seq and time of its last event.
pub fn sans_clock(s: &Session) -> Session {
    let mut s = s.clone();
    s.last_seq = 0;
    s.last_at = None;
    s
}

/// `add_participant` with just a name.
pub fn add_participant(name: &str) -> Command {
    Command::AddParticipant {
        name: name.into(),
        position: None,
        unit: None,
        code: None,
        nip: None,
        consent: false,
        present: false,
        carried: false,
    }
}

/// `add_agenda_item` at the end.
pub fn add_item(title: &str, minutes: u32) -> Command {
    Command::AddAgendaItem {
        title: title.into(),
        minutes,
        owner: None,
        questions: vec![],
        position: None,
        origin: None,
        setup: fgd::domain::schedule::ItemSetup::default(),
        presenter: None,
    }
}

/// `add_note` of a kind with the default privacy, item and no participant.
pub fn note(text: &str, kind: fgd::domain::NoteKind) -> Command {
    Command::AddNote {
        text: text.into(),
        kind,
        participant: None,
        private: None,
        item: None,
    }
}

/// `add_action` with a PIC and due date.
pub fn action(what: &str, pic: Option<&str>, due: Option<&str>) -> Command {
    Command::AddAction {
        what: what.into(),
        pic: pic.map(Into::into),
        due: due.map(Into::into),
        item: None,
        origin: None,
        carried: None,
    }
}

/// `raise_hand`.
pub fn hand(participant: &str, kind: fgd::domain::SpeakKind) -> Command {
    Command::RaiseHand {
        participant: participant.into(),
        kind,
    }
}
