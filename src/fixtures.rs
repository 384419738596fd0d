//! Deterministic sessions for benchmarks and tests. Every command goes
//! through the real rules (`engine::build`: `decide` then `apply`), at fixed
//! timestamps a few seconds apart and with a seeded generator, so every run
//! builds the same events, byte for byte. No I/O, no clock reads; not part of
//! the app (hidden from the docs).
//!
//! [`large_session`] is DESIGN §5's "large session" at
//! [`LARGE_SESSION_EVENTS`] events: 200 participants, 30 agenda items, 2,000
//! notes, 500 action items, and for the rest a realistic mix of speaker-queue
//! traffic (raise hand, call next, finish speaker), mindset notes, decisions,
//! conclusions, late arrivals, action status changes, two breaks and `next`
//! over the agenda. Below 20,000 events everything shrinks in proportion;
//! above it, participants, agenda and actions stay as they are and notes (one
//! event in ten) and queue traffic grow. Each command records exactly one
//! event, and the session is left live (the last agenda item active) — push
//! `Command::End` for an ended one.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::{
    ActionId, ActionStatus, Actor, Command, CoreValue, Language, NoteKind, Person, Recorded,
    Session, SessionInfo, SessionKind, SpeakKind, Zone,
};
use crate::engine;

/// Events in DESIGN §5's large session.
pub const LARGE_SESSION_EVENTS: usize = 20_000;

/// One command, with when and by whom it was made: what `Engine::execute`
/// takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// When it was made.
    pub at: DateTime<Utc>,
    /// Who made it.
    pub actor: Actor,
    /// What was asked.
    pub command: Command,
}

/// When every fixture session begins: 2026-11-23 08:30 WIB.
pub fn t0() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(1, 30, 0))
        .map(|t| t.and_utc())
        .unwrap_or_default()
}

/// The settings of the large session.
pub fn large_session_info() -> SessionInfo {
    SessionInfo {
        id: "2026-11-23-pola-pikir-besar".into(),
        title: "FGD Perubahan Pola Pikir Pelayanan Publik: dari Dilayani menjadi Melayani".into(),
        kind: SessionKind::Fgd,
        language: Language::Id,
        date: t0().date_naive(),
        zone: Zone::WIB,
        venue: Some("Aula Sasana Praja Lt. 3, Kantor Wali Kota Sukamaju".into()),
        organizer: Some("Pemerintah Kota Sukamaju — Bagian Organisasi Sekretariat Daerah".into()),
        facilitator: Some(Person {
            name: "Dr. Ratna Dewi Kusumawardhani, M.Si.".into(),
            nip: Some("197805122005012004".into()),
        }),
        notetaker: Some(Person {
            name: "Komang Ayu Lestari, S.Sos.".into(),
            nip: Some("199203072019032011".into()),
        }),
        resource_persons: vec![
            "Prof. Dr. Bambang Hidayat (Universitas Sukamaju)".into(),
            "Theresia Manurung, M.A. (Ombudsman RI Perwakilan Provinsi)".into(),
        ],
        speaker_limit_secs: 180,
        ..SessionInfo::default()
    }
}

/// The events of a large session scaled to exactly `events` events.
pub fn large_session(events: usize) -> Vec<Recorded> {
    generate(events, false).1
}

/// The commands of [`large_session`], one per event, starting with `Create`.
pub fn large_session_commands(events: usize) -> Vec<Step> {
    generate(events, true).0
}

/// Both at once: `steps[i]` recorded `events[i]`, so replaying the first `n`
/// events and executing `steps[n..]` rebuilds `events[n..]` exactly.
pub fn large_session_with_commands(events: usize) -> (Vec<Step>, Vec<Recorded>) {
    generate(events, true)
}

/// [`large_session`] as if it were going on now: every command moved in time
/// so that the last one was made at `last`, then recorded through the rules
/// again. For measuring the running program on a live session, its clocks
/// ticking (`examples/large_session.rs`, `benches/live.rs`).
pub fn large_session_ending_at(events: usize, last: DateTime<Utc>) -> Vec<Recorded> {
    let steps = large_session_commands(events);
    let shift = last - steps.last().map_or(last, |s| s.at);
    let mut session = Session::default();
    let mut log = Vec::with_capacity(steps.len());
    for (i, step) in steps.into_iter().enumerate() {
        match engine::build(&mut session, [step.command], step.at + shift, step.actor) {
            Ok(recs) => log.extend(recs),
            Err((_, e)) => panic!(
                "fixture bug: the rules refused command {} of the moved large session: {e}",
                i + 1
            ),
        }
    }
    log
}

fn generate(events: usize, keep_steps: bool) -> (Vec<Step>, Vec<Recorded>) {
    let plan = Plan::for_events(events);
    let mut g = Gen {
        session: Session::default(),
        now: t0(),
        rng: Rng(0x00f9_d5e5_5101_2026),
        steps: Vec::with_capacity(if keep_steps { events } else { 0 }),
        keep_steps,
        events: Vec::with_capacity(events),
        target: events,
        present: Vec::new(),
        absent: Vec::new(),
        open_actions: Vec::new(),
    };
    g.setup(&plan);
    g.body(&plan);
    (g.steps, g.events)
}

/// How many of each thing a session of `events` events holds.
#[derive(Debug)]
struct Plan {
    participants: usize,
    items: usize,
    arrive_early: usize,
    arrive_late: usize,
    notes: usize,
    actions: usize,
    statuses: usize,
    decisions: usize,
    conclusions: usize,
    mindsets: usize,
    breaks: usize,
}

impl Plan {
    fn for_events(events: usize) -> Plan {
        let base = events.min(LARGE_SESSION_EVENTS);
        // `n` of the large session, scaled to `events` and rounded.
        let scaled = |n: usize| (n * base + LARGE_SESSION_EVENTS / 2) / LARGE_SESSION_EVENTS;
        let participants = scaled(200).clamp(8, 200);
        Plan {
            participants,
            items: scaled(30).clamp(2, 30),
            arrive_early: participants * 3 / 4,
            arrive_late: participants * 3 / 20,
            notes: if events > LARGE_SESSION_EVENTS {
                events / 10
            } else {
                scaled(2_000)
            },
            actions: scaled(500),
            statuses: scaled(100),
            decisions: scaled(150),
            conclusions: scaled(30),
            mindsets: scaled(300),
            breaks: if events >= 2_000 { 2 } else { 0 },
        }
    }

    /// Events before the discussion starts: create, participants, agenda,
    /// early arrivals, start.
    fn setup_len(&self) -> usize {
        self.participants + self.items + self.arrive_early + 2
    }
}

/// What a body step of the session does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Queue,
    Note,
    Action,
    Status,
    Decision,
    Conclusion,
    Mindset,
    Arrive,
}

struct Gen {
    session: Session,
    now: DateTime<Utc>,
    rng: Rng,
    steps: Vec<Step>,
    keep_steps: bool,
    events: Vec<Recorded>,
    target: usize,
    /// Codes of those present, in order of arrival.
    present: Vec<String>,
    /// Codes of those invited who have not come yet.
    absent: Vec<String>,
    /// Numbers of open action items.
    open_actions: Vec<u32>,
}

impl Gen {
    fn done(&self) -> bool {
        self.events.len() >= self.target
    }

    /// Runs one command through the rules at the current time, then moves
    /// the clock on by 1 to 5 seconds.
    fn run(&mut self, actor: Actor, command: Command) {
        if self.done() {
            return;
        }
        let at = self.now;
        if self.keep_steps {
            self.steps.push(Step {
                at,
                actor,
                command: command.clone(),
            });
        }
        match engine::build(&mut self.session, [command], at, actor) {
            Ok(recs) => self.events.extend(recs),
            Err((_, e)) => panic!(
                "fixture bug: the rules refused command {} of the large session: {e}",
                self.events.len() + 1
            ),
        }
        let secs = 1 + self.rng.below(5);
        self.tick(secs);
    }

    fn tick(&mut self, secs: usize) {
        self.now += Duration::seconds(i64::try_from(secs).unwrap_or(1));
    }

    fn setup(&mut self, plan: &Plan) {
        self.run(
            Actor::Script,
            Command::Create {
                info: large_session_info(),
            },
        );
        for i in 0..plan.participants {
            let command = add_participant(i, &mut self.rng);
            self.run(Actor::Script, command);
        }
        for i in 0..plan.items {
            let command = add_item(i, plan.participants, &mut self.rng);
            self.run(Actor::Script, command);
        }
        let mut codes: Vec<String> = (1..=plan.participants).map(|n| format!("P{n}")).collect();
        self.rng.shuffle(&mut codes);
        self.absent = codes.split_off(plan.arrive_early.min(codes.len()));
        for code in codes {
            self.run(
                Actor::Notetaker,
                Command::Arrive {
                    participant: code.clone(),
                },
            );
            self.present.push(code);
        }
        self.run(Actor::Facilitator, Command::Start);
    }

    fn body(&mut self, plan: &Plan) {
        let setup = plan.setup_len();
        let body_len = self.target.saturating_sub(setup);
        let nexts: Vec<usize> = (1..plan.items).map(|k| body_len * k / plan.items).collect();
        let breaks: Vec<usize> = [3, 6]
            .iter()
            .take(plan.breaks)
            .map(|k| body_len * k / 8)
            .collect();
        let others = [
            (Kind::Note, plan.notes),
            (Kind::Action, plan.actions),
            (Kind::Status, plan.statuses),
            (Kind::Decision, plan.decisions),
            (Kind::Conclusion, plan.conclusions),
            (Kind::Mindset, plan.mindsets),
            (Kind::Arrive, plan.arrive_late),
        ];
        let fixed: usize =
            nexts.len() + 2 * breaks.len() + others.iter().map(|o| o.1).sum::<usize>();
        let mut deck: Vec<Kind> = others
            .iter()
            .flat_map(|&(kind, n)| std::iter::repeat_n(kind, n))
            .chain(std::iter::repeat_n(
                Kind::Queue,
                body_len.saturating_sub(fixed),
            ))
            .collect();
        self.rng.shuffle(&mut deck);
        let mut deck = deck.into_iter();
        let (mut next_at, mut break_at) = (nexts.iter().peekable(), breaks.iter().peekable());
        while !self.done() {
            let b = self.events.len() - setup;
            if next_at.next_if(|&&at| at <= b).is_some() {
                self.run(Actor::Facilitator, Command::NextItem);
            } else if break_at.next_if(|&&at| at <= b).is_some() {
                self.run(Actor::Facilitator, Command::Pause);
                self.tick(15 * 60);
                self.run(Actor::Facilitator, Command::Resume);
            } else {
                let kind = deck.next().unwrap_or(Kind::Queue);
                self.step(kind);
            }
        }
    }

    fn step(&mut self, kind: Kind) {
        match kind {
            Kind::Queue => self.queue_step(),
            Kind::Note => {
                let command = self.note(self.session.notes.len());
                self.run(Actor::Notetaker, command);
            }
            Kind::Action => {
                let command = self.action(self.session.actions.len());
                self.run(Actor::Notetaker, command);
            }
            Kind::Status => {
                if self.open_actions.is_empty() {
                    return self.queue_step();
                }
                let i = self.rng.below(self.open_actions.len());
                let id = self.open_actions.swap_remove(i);
                let status = if self.rng.below(5) == 0 {
                    ActionStatus::Dropped
                } else {
                    ActionStatus::Done
                };
                self.run(
                    Actor::Notetaker,
                    Command::SetActionStatus {
                        action: ActionId(id),
                        status,
                    },
                );
            }
            Kind::Decision => {
                let text = numbered(self.rng.pick(DECISIONS), self.session.decisions.len());
                self.run(Actor::Notetaker, Command::AddDecision { text, item: None });
            }
            Kind::Conclusion => {
                let text = numbered(self.rng.pick(CONCLUSIONS), self.session.conclusions.len());
                self.run(
                    Actor::Notetaker,
                    Command::AddConclusion { text, item: None },
                );
            }
            Kind::Mindset => {
                let command = self.mindset();
                self.run(Actor::Notetaker, command);
            }
            Kind::Arrive => {
                if self.absent.is_empty() {
                    return self.queue_step();
                }
                let code = self.absent.remove(0);
                self.run(
                    Actor::Notetaker,
                    Command::Arrive {
                        participant: code.clone(),
                    },
                );
                self.present.push(code);
            }
        }
    }

    /// Speaker-queue traffic: hands go up, the facilitator calls the next
    /// speaker or closes a turn; the queue hovers around five entries.
    fn queue_step(&mut self) {
        let speaking = self.session.speaking.is_some();
        let queued = self.session.queue.len();
        let r = self.rng.below(100);
        let command = if speaking && r < 25 {
            Command::FinishSpeaker
        } else if queued == 0 || (queued < 6 && r < 70) {
            match self.raise_hand() {
                Some(c) => c,
                None if queued > 0 => Command::CallNext,
                None if speaking => Command::FinishSpeaker,
                None => {
                    let command = self.note(self.session.notes.len());
                    return self.run(Actor::Notetaker, command);
                }
            }
        } else {
            Command::CallNext
        };
        self.run(Actor::Facilitator, command);
    }

    /// A raised hand from someone present, skewed so that a few talk a lot,
    /// most now and then, and the last tenth to arrive never (FGDs have quiet
    /// participants).
    fn raise_hand(&mut self) -> Option<Command> {
        let pool = (self.present.len() * 9 / 10).max(1).min(self.present.len());
        for _ in 0..8 {
            if pool == 0 {
                return None;
            }
            let u = self.rng.below(1_000);
            let code = &self.present[u * u * pool / 1_000_000];
            let kind = match self.rng.below(100) {
                0..=59 => SpeakKind::Topic,
                60..=84 => SpeakKind::Reply,
                85..=96 => SpeakKind::Clarify,
                _ => SpeakKind::PointOfOrder,
            };
            let queued = self
                .session
                .queue
                .iter()
                .any(|e| e.code == *code && e.kind == kind);
            let speaking = self
                .session
                .speaking
                .as_ref()
                .is_some_and(|s| s.code == *code);
            if !queued && !speaking {
                return Some(Command::RaiseHand {
                    participant: code.clone(),
                    kind,
                });
            }
        }
        None
    }

    fn someone_present(&mut self) -> Option<String> {
        (!self.present.is_empty()).then(|| {
            let i = self.rng.below(self.present.len());
            self.present[i].clone()
        })
    }

    fn note(&mut self, n: usize) -> Command {
        let kind = match self.rng.below(100) {
            0..=29 => NoteKind::Observation,
            30..=59 => NoteKind::Quote,
            60..=84 => NoteKind::Insight,
            _ => NoteKind::Concern,
        };
        let mut text = note_text(&mut self.rng, n);
        let participant = if kind == NoteKind::Quote {
            text = format!("“{text}”");
            self.someone_present()
        } else if self.rng.below(2) == 0 {
            self.someone_present()
        } else {
            None
        };
        Command::AddNote {
            text,
            kind,
            participant,
            private: None,
            item: None,
        }
    }

    fn action(&mut self, n: usize) -> Command {
        let mut what = self.rng.pick(ACTIONS).to_owned();
        if n.is_multiple_of(3) {
            what.push_str(" di ");
            what.push_str(self.rng.pick(UNITS));
        }
        if n.is_multiple_of(29) {
            what.push_str(" — termasuk sosialisasi ke kelurahan, pendampingan operator, dan evaluasi setelah tiga bulan berjalan; hasilnya dilaporkan pada rapat koordinasi berikutnya.");
        }
        let pic = match self.rng.below(8) {
            0..=3 => Some(format!(
                "P{}",
                1 + self.rng.below(self.session.participants.len().max(1))
            )),
            4 | 5 => Some(self.rng.pick(FIRST_NAMES).to_owned()),
            6 => Some(self.rng.pick(TEAMS).to_owned()),
            _ => None,
        };
        let due = match self.rng.below(6) {
            0 => Some("+7d"),
            1 => Some("+14d"),
            2 => Some("+2w"),
            3 => Some("2026-12-15"),
            4 => Some("2027-01-31"),
            _ => None,
        };
        self.open_actions
            .push(u32::try_from(self.session.actions.len() + 1).unwrap_or(u32::MAX));
        Command::AddAction {
            what,
            pic,
            due: due.map(str::to_owned),
            item: None,
            origin: None,
        }
    }

    fn mindset(&mut self) -> Command {
        let (from, to) = self.rng.pick(MINDSETS);
        let values = (0..=self.rng.below(3))
            .map(|_| self.rng.pick(&CoreValue::ALL))
            .collect();
        let participant = if self.rng.below(3) == 0 {
            None
        } else {
            self.someone_present()
        };
        Command::AddMindset {
            from: from.to_owned(),
            to: to.to_owned(),
            values,
            participant,
            item: None,
        }
    }
}

fn add_participant(i: usize, rng: &mut Rng) -> Command {
    let name = match i {
        7 => "Nguyễn Thị Minh Khai".to_owned(),
        42 => "王小明 (Wang Xiaoming)".to_owned(),
        99 => "Zoë Maharani Siregar".to_owned(),
        150 => "I Gusti Ayu Ngurah Kadek Wiryaningsih Putri Sari Dewi, S.E., M.Ak.".to_owned(),
        _ => {
            let (a, k) = (i % FIRST_NAMES.len(), i / FIRST_NAMES.len());
            let mut name = format!(
                "{}{} {}",
                if i % 17 == 5 { "Dr. " } else { "" },
                FIRST_NAMES[a],
                LAST_NAMES[(7 * a + k) % LAST_NAMES.len()]
            );
            match i % 6 {
                1 => name.push_str(", S.Sos."),
                2 => name.push_str(", S.Kom., M.T."),
                4 => name.push_str(", M.Si."),
                _ => {}
            }
            name
        }
    };
    Command::AddParticipant {
        name,
        position: Some(rng.pick(POSITIONS).to_owned()),
        unit: Some(rng.pick(UNITS).to_owned()),
        code: None,
        nip: (i % 5 != 3).then(|| {
            format!(
                "19{:02}{:02}{:02}20{:02}{:02}{}{:03}",
                70 + i % 28,
                1 + i % 12,
                1 + i % 28,
                5 + i % 19,
                1 + i % 12,
                1 + i % 2,
                1 + i % 997
            )
        }),
        consent: !i.is_multiple_of(3),
        present: false,
    }
}

fn add_item(i: usize, participants: usize, rng: &mut Rng) -> Command {
    let mut title = AGENDA[i % AGENDA.len()].to_owned();
    if i >= AGENDA.len() {
        title.push_str(" — pendalaman");
    }
    let questions = (0..=i % 3)
        .map(|k| QUESTIONS[(i + 3 * k) % QUESTIONS.len()].to_owned())
        .collect();
    Command::AddAgendaItem {
        title,
        minutes: u32::try_from(10 + 5 * rng.below(5)).unwrap_or(10),
        owner: (!i.is_multiple_of(4)).then(|| format!("P{}", 1 + (i * 13) % participants.max(1))),
        questions,
        position: None,
        origin: None,
    }
}

fn numbered(text: &str, n: usize) -> String {
    format!("{text} (butir {})", n + 1)
}

/// A note: mostly a sentence or two, now and then Unicode, every 40th a few
/// paragraphs, every 500th some 6,000 characters.
fn note_text(rng: &mut Rng, n: usize) -> String {
    let mut text = sentence(rng);
    if n % 7 == 3 {
        text.push(' ');
        text.push_str(&sentence(rng));
    }
    if n % 25 == 11 {
        text.push_str(rng.pick(UNICODE));
    }
    if n % 40 == 17 {
        for k in 0..6 + rng.below(10) {
            text.push_str(if k.is_multiple_of(3) { "\n\n" } else { " " });
            text.push_str(&sentence(rng));
        }
    }
    if n % 500 == 250 {
        while text.chars().count() < 6_000 {
            text.push_str("\n\n");
            text.push_str(&sentence(rng));
            text.push(' ');
            text.push_str(&sentence(rng));
        }
    }
    text
}

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{} {}{}",
        rng.pick(SUBJECTS),
        rng.pick(PREDICATES),
        rng.pick(TAILS)
    )
}

/// SplitMix64: small, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n.max(1)).unwrap_or(u64::MAX);
        usize::try_from(self.next_u64() % n).unwrap_or(0)
    }

    /// One element of a non-empty slice.
    fn pick<T: Copy>(&mut self, list: &[T]) -> T {
        list[self.below(list.len())]
    }

    fn shuffle<T>(&mut self, list: &mut [T]) {
        for i in (1..list.len()).rev() {
            list.swap(i, self.below(i + 1));
        }
    }
}

const FIRST_NAMES: &[&str] = &[
    "Ahmad",
    "Ni Luh Putu",
    "I Gede",
    "Siti",
    "Yohanes",
    "Ratna",
    "Made",
    "Andi",
    "Fransiska",
    "Muhammad",
    "Dewi",
    "Komang",
    "Rizky",
    "Theresia",
    "Bambang",
    "Nur",
    "Wayan",
    "Agustina",
    "Hendra",
    "Fitri",
];

const LAST_NAMES: &[&str] = &[
    "Santoso",
    "Wiryaningsih",
    "Suarjana",
    "Rahmawati",
    "Kristianto",
    "Kusumawardhani",
    "Sudarma",
    "Baso Tenri",
    "Manurung",
    "Hidayat",
    "Lestari",
    "Pratama",
    "Siregar",
    "Wulandari",
    "Setiawan",
    "Hasanah",
    "Astawa",
    "Simanjuntak",
    "Nugroho",
    "Ramadhani",
];

const POSITIONS: &[&str] = &[
    "Analis Kebijakan Ahli Muda",
    "Pranata Komputer Ahli Pertama",
    "Kepala Subbagian Umum dan Kepegawaian",
    "Penata Layanan Operasional",
    "Kepala Bidang Pelayanan Pendaftaran Penduduk",
    "Camat",
    "Lurah",
    "Perencana Ahli Madya",
    "Auditor Ahli Pertama",
    "Pengadministrasi Perkantoran",
    "Kepala Seksi Pengaduan Masyarakat",
    "Perawat Ahli Muda",
];

const UNITS: &[&str] = &[
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Dinas Komunikasi, Informatika dan Persandian",
    "RSUD Kota Sukamaju",
    "Kecamatan Sukamaju Barat",
    "Badan Perencanaan Pembangunan Daerah",
    "Inspektorat Daerah",
    "Dinas Penanaman Modal dan PTSP",
    "Dinas Sosial",
    "Dinas Kesehatan",
    "Kelurahan Mekarsari",
    "Bagian Organisasi Setda",
];

const TEAMS: &[&str] = &[
    "Sekretariat",
    "Tim Teknis Diskominfo",
    "Bagian Organisasi",
    "Semua kepala bidang",
    "Tim Inovasi Daerah",
];

const AGENDA: &[&str] = &[
    "Pembukaan, perkenalan dan kesepakatan aturan diskusi",
    "Potret pelayanan publik saat ini: apa kata warga?",
    "Dari dilayani menjadi melayani",
    "Hambatan birokrasi dalam alur perizinan",
    "Pengalaman layanan jemput bola di desa",
    "Digitalisasi layanan: siapa yang tertinggal?",
    "Pengaduan masyarakat dan tindak lanjutnya",
    "Budaya kerja BerAKHLAK di unit masing-masing",
    "Kolaborasi lintas OPD dan satu data",
    "Standar pelayanan dan maklumat pelayanan",
    "Kompetensi ASN dan pembelajaran berkelanjutan",
    "Inovasi kecil yang berdampak besar",
    "Survei kepuasan masyarakat: membaca angka",
    "Rencana aksi 90 hari",
    "Refleksi, kesimpulan dan penutup",
];

const QUESTIONS: &[&str] = &[
    "Apa pengalaman paling berkesan saat melayani warga bulan ini?",
    "Di titik mana warga paling sering menunggu atau bolak-balik?",
    "Apa yang membuat kita enggan mencoba cara baru?",
    "Siapa saja yang perlu dilibatkan agar perubahan ini berjalan?",
    "Bagaimana kita tahu bahwa layanan sudah membaik?",
    "Apa satu hal yang bisa diubah minggu depan tanpa biaya?",
    "Aturan mana yang sebenarnya bisa disederhanakan?",
];

const SUBJECTS: &[&str] = &[
    "Warga",
    "Petugas loket",
    "Tim pengaduan",
    "Kepala seksi",
    "Pemohon lansia",
    "Operator SIAK",
    "Pelaku UMKM",
    "Bidan desa",
    "Guru honorer",
    "Peserta dari kecamatan",
    "Perwakilan difabel",
    "Pendamping desa",
];

const PREDICATES: &[&str] = &[
    "masih harus datang dua kali karena berkas tidak lengkap",
    "merasa antrean daring belum ramah untuk pengguna ponsel lama",
    "mengusulkan jam layanan diperpanjang sampai sore hari",
    "menilai SOP terlalu panjang dan berbelit",
    "sudah mulai memakai tanda tangan elektronik",
    "menunggu persetujuan atasan lebih dari seminggu",
    "ingin ada satu pintu untuk semua perizinan",
    "khawatir data pribadi tersebar lewat grup percakapan",
    "mencontohkan layanan jemput bola di desa terpencil",
    "bertanya siapa yang bertanggung jawab atas pembaruan data",
    "mengeluhkan informasi persyaratan yang berbeda antar-loket",
    "memuji petugas yang mau menjelaskan dengan sabar",
];

const TAILS: &[&str] = &[
    ".",
    " — perlu ditindaklanjuti.",
    " (disampaikan dengan nada kecewa).",
    "; peserta lain mengangguk setuju.",
    ". Hal ini berulang di beberapa OPD.",
    "!",
];

const UNICODE: &[&str] = &[
    " 👍",
    " 🙏🏽",
    " — «layanan prima»",
    " (参考: 一站式服务)",
    " ☕ di kafe depan kantor",
    " e\u{301}kspektasi naik",
    " 📈 naik 12 %",
    " ✓ sudah dicoba",
    " 👩🏽‍💼",
];

const MINDSETS: &[(&str, &str)] = &[
    ("dilayani", "melayani"),
    (
        "prosedur dulu, hasil belakangan",
        "hasil bagi warga yang utama",
    ),
    ("bekerja sendiri-sendiri", "kolaborasi lintas OPD"),
    ("takut salah", "berani mencoba dan belajar"),
    ("menunggu perintah atasan", "proaktif mencari solusi"),
    ("berkas fisik", "layanan digital tanpa kertas"),
    ("asal selesai", "tuntas dan berkualitas"),
    ("data milik bidang", "satu data untuk semua"),
    (
        "rapat panjang tanpa keputusan",
        "rapat singkat berkeputusan",
    ),
    ("warga harus datang", "layanan jemput bola"),
    ("jabatan adalah kekuasaan", "jabatan adalah amanah"),
    ("kritik dianggap serangan", "kritik sebagai masukan"),
];

const DECISIONS: &[&str] = &[
    "Disepakati jam layanan loket diperpanjang sampai pukul 16.00 mulai bulan depan",
    "Persyaratan yang sama diumumkan di semua loket dan di laman resmi",
    "Setiap OPD menunjuk satu petugas penghubung untuk pengaduan",
    "Layanan jemput bola dijadwalkan dua kali sebulan untuk desa terjauh",
    "Formulir kertas dihapus untuk layanan yang sudah tersedia daring",
    "Survei kepuasan masyarakat dilakukan setiap triwulan",
    "SOP perizinan disederhanakan dari 14 langkah menjadi 7 langkah",
    "Data kependudukan dibagi pakai melalui satu portal",
    "Rapat koordinasi dibatasi 60 menit dan harus menghasilkan keputusan",
    "Petugas baru mengikuti pelatihan layanan prima sebelum bertugas",
];

const CONCLUSIONS: &[&str] = &[
    "Peserta sepakat bahwa hambatan utama ada pada alur persetujuan, bukan pada petugas",
    "Perubahan pola pikir perlu diteladankan oleh pimpinan",
    "Warga lansia dan difabel paling dirugikan oleh layanan yang hanya daring",
    "Inovasi kecil di tingkat kelurahan layak direplikasi",
    "Pengaduan yang ditindaklanjuti dengan cepat menaikkan kepercayaan warga",
];

const ACTIONS: &[&str] = &[
    "Menyusun rancangan SOP perizinan yang disederhanakan",
    "Memperbarui daftar persyaratan di laman resmi",
    "Menjadwalkan layanan jemput bola ke desa terjauh",
    "Menyiapkan pelatihan layanan prima bagi petugas loket",
    "Mengusulkan anggaran antrean daring yang ramah ponsel lama",
    "Mengirim rekap pengaduan bulanan ke pimpinan",
    "Memetakan data yang bisa dibagi pakai antar-OPD",
    "Menyusun maklumat pelayanan yang baru",
    "Mengadakan survei kepuasan masyarakat triwulan I",
    "Mendokumentasikan praktik baik kelurahan untuk direplikasi",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ItemStatus, Status, replay};

    #[test]
    fn sizes_are_exact_and_seqs_run_on() {
        for n in [1, 10, 300, 2_000, 5_000] {
            let log = large_session(n);
            assert_eq!(log.len(), n, "size {n}");
            for (i, rec) in log.iter().enumerate() {
                assert_eq!(rec.seq, i as u64 + 1);
            }
            assert!(log.windows(2).all(|w| w[0].at <= w[1].at));
        }
    }

    #[test]
    fn the_large_session_is_what_design_says() {
        let log = large_session(LARGE_SESSION_EVENTS);
        assert_eq!(log.len(), 20_000);
        let s = replay(&log);
        assert_eq!(s.participants.len(), 200);
        assert_eq!(s.agenda.len(), 30);
        assert_eq!(s.notes.len(), 2_000);
        assert_eq!(s.actions.len(), 500);
        assert_eq!(s.status, Status::Live);
        assert_eq!(s.active_item().map(|i| i.id.0), Some(30));
        assert!(s.agenda[..29].iter().all(|i| i.status == ItemStatus::Done));
        assert!(s.turns.len() > 4_000, "{} turns", s.turns.len());
        assert!(s.mindsets.len() == 300 && s.decisions.len() == 150);
        assert!(s.notes.iter().any(|n| n.text.chars().count() >= 6_000));
        assert!(s.notes.iter().any(|n| !n.text.is_ascii()));
        assert!(!s.not_yet_spoken().is_empty());
        s.check_invariants(s.last_at.unwrap()).unwrap();
    }

    #[test]
    fn it_is_deterministic_and_the_commands_rebuild_it() {
        let (steps, log) = large_session_with_commands(3_000);
        assert_eq!(log, large_session(3_000));
        assert_eq!(steps.len(), log.len());
        let mut s = Session::default();
        let mut again = Vec::new();
        for step in steps {
            again.extend(engine::build(&mut s, [step.command], step.at, step.actor).unwrap());
        }
        assert_eq!(again, log);
    }

    #[test]
    fn above_the_large_session_notes_and_queue_traffic_grow() {
        let s = replay(&large_session(40_000));
        assert_eq!(s.participants.len(), 200);
        assert_eq!(s.agenda.len(), 30);
        assert_eq!(s.actions.len(), 500);
        assert_eq!(s.notes.len(), 4_000);
        s.check_invariants(s.last_at.unwrap()).unwrap();
    }
}
