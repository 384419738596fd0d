//! Shared by the `tui_*` tests: a live screen over a session built from a
//! bundled plan in a temporary data directory, at a fixed time that the test
//! moves by hand; keys fed one by one; the screen rendered into ratatui's
//! `TestBackend` and read back as text lines (display columns, wide
//! characters counted once) or as a `Buffer` for style checks.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use chrono::{DateTime, Duration, TimeZone, Utc};
use fgd::domain::{
    ActionId, ActionStatus, Actor, Command, CoreValue, Language, NoteKind, Session, SpeakKind,
};
use fgd::engine::{self, Engine};
use fgd::plan;
use fgd::store::{DataDir, StoreError};
use fgd::tui::app::{App, Role};
use fgd::tui::keymap::Keymap;
use fgd::tui::port::{LocalPort, Port};
use fgd::tui::theme::{Theme, ThemeName};
use fgd::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_width::UnicodeWidthStr;

/// The Indonesian plan: 22 participants, 10 agenda items, +07:00 (WIB).
pub const ID_PLAN: &str = "fgd-pola-pikir";
/// The English plan: 8 participants, 6 agenda items, +08:00 (WITA).
pub const EN_PLAN: &str = "en-service-design-fgd";

/// Not a bundled plan: a blank session (a title only, the Indonesian
/// plan's time), as `fgd new` without `--plan` makes.
pub const BLANK: &str = "";

/// The id each fixture session gets.
pub const ID_SESSION: &str = "2027-01-15-pola-pikir";
/// The id of the English fixture session.
pub const EN_SESSION: &str = "2026-12-16-service-design";

/// 08:00 WIB on the day of the Indonesian plan.
pub fn id_t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 15, 1, 0, 0).unwrap()
}

/// 09:00 WITA on the day of the English plan.
pub fn en_t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 16, 1, 0, 0).unwrap()
}

/// How a fixture is made.
pub struct Setup {
    /// Bundled plan name.
    pub plan: &'static str,
    /// Who sits at the terminal.
    pub role: Role,
    /// Keys.
    pub keymap: Keymap,
    /// Palette.
    pub theme: ThemeName,
    /// The plan's `panels`, when set.
    pub panels: Vec<fgd::domain::ScreenPanel>,
}

impl Setup {
    /// The Indonesian plan as facilitator with the defaults.
    pub fn id() -> Setup {
        Setup {
            plan: ID_PLAN,
            role: Role::Facilitator,
            keymap: Keymap::default(),
            theme: ThemeName::Default,
            panels: vec![],
        }
    }

    /// The English plan as facilitator with the defaults.
    pub fn en() -> Setup {
        Setup {
            plan: EN_PLAN,
            ..Setup::id()
        }
    }

    /// As someone else.
    pub fn role(self, role: Role) -> Setup {
        Setup { role, ..self }
    }

    /// With these keys.
    pub fn keymap(self, keymap: Keymap) -> Setup {
        Setup { keymap, ..self }
    }

    /// With this palette.
    pub fn theme(self, theme: ThemeName) -> Setup {
        Setup { theme, ..self }
    }

    /// From another bundled plan (made at the Indonesian plan's time).
    pub fn plan(self, plan: &'static str) -> Setup {
        Setup { plan, ..self }
    }

    /// With these panels, as the plan's `panels` key lists them.
    pub fn panels(self, panels: &[fgd::domain::ScreenPanel]) -> Setup {
        Setup {
            panels: panels.to_vec(),
            ..self
        }
    }

    /// Builds the session (planned, nobody present) and the screen over it.
    pub fn build(self) -> Fx {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().join("data"));
        let (id, t0) = if self.plan == EN_PLAN {
            (EN_SESSION, en_t0())
        } else {
            (ID_SESSION, id_t0())
        };
        let mut plan = if self.plan == BLANK {
            plan::Plan::blank("Rapat koordinasi")
        } else {
            plan::parse(plan::bundled(self.plan).unwrap(), self.plan).unwrap()
        };
        if !self.panels.is_empty() {
            plan.panels.clone_from(&self.panels);
        }
        let day = plan.date.unwrap_or_else(|| t0.date_naive());
        let mut session = Session::default();
        let events = engine::build(
            &mut session,
            plan.commands(id, day, None, 1),
            t0,
            Actor::Facilitator,
        )
        .unwrap();
        let engine = Engine::create(&data, events, t0).unwrap();
        let out = dir.path().join("minutes");
        let app = App::new(
            LocalPort::new(engine, self.role.actor()),
            self.role,
            self.keymap,
            Theme::named(self.theme),
            out,
        );
        Fx {
            dir,
            data,
            app,
            now: t0,
            id: id.to_owned(),
        }
    }
}

/// A live screen over a stored session, and the clock.
pub struct Fx {
    /// Holds the data and minutes directories.
    pub dir: tempfile::TempDir,
    /// The data directory.
    pub data: DataDir,
    /// The screen.
    pub app: App<LocalPort>,
    /// The time keys are pressed at.
    pub now: DateTime<Utc>,
    /// The session id.
    pub id: String,
}

impl Fx {
    /// The Indonesian plan as facilitator, planned.
    pub fn id() -> Fx {
        Setup::id().build()
    }

    /// The English plan as facilitator, planned.
    pub fn en() -> Fx {
        Setup::en().build()
    }

    /// The session.
    pub fn s(&self) -> &Session {
        self.app.session()
    }

    /// Where the minutes go: `OUT/ID/`.
    pub fn minutes_dir(&self) -> PathBuf {
        self.app.out_dir.join(&self.id)
    }

    /// Moves the clock on.
    pub fn wait(&mut self, secs: i64) {
        self.now += Duration::seconds(secs);
    }

    /// Runs a command straight through the port (setting up a state).
    pub fn exec(&mut self, cmd: Command) {
        let now = self.now;
        self.app.port.execute(cmd, now).unwrap();
    }

    /// Presses a key.
    pub fn key(&mut self, code: KeyCode) {
        let now = self.now;
        self.app
            .handle_key(KeyEvent::new(code, KeyModifiers::NONE), now);
    }

    /// Presses a character key (Shift is part of the character).
    pub fn ch(&mut self, c: char) {
        self.key(KeyCode::Char(c));
    }

    /// Presses Ctrl and a character.
    pub fn ctrl(&mut self, c: char) {
        let now = self.now;
        self.app
            .handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL), now);
    }

    /// Types every character of `text`, one key each.
    pub fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.ch(c);
        }
    }

    /// Enter.
    pub fn enter(&mut self) {
        self.key(KeyCode::Enter);
    }

    /// Esc.
    pub fn esc(&mut self) {
        self.key(KeyCode::Esc);
    }

    /// Tab.
    pub fn tab(&mut self) {
        self.key(KeyCode::Tab);
    }

    /// The screen at `w`×`h`.
    pub fn buffer(&self, w: u16, h: u16) -> Buffer {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| view::render(&self.app, self.now, f)).unwrap();
        term.backend().buffer().clone()
    }

    /// The screen at `w`×`h` as text lines.
    pub fn lines(&self, w: u16, h: u16) -> Vec<String> {
        rows(&self.buffer(w, h))
    }

    /// The screen at `w`×`h` as one text, lines joined by newlines, with the
    /// temporary directory written as `[TMP]`.
    pub fn screen(&self, w: u16, h: u16) -> String {
        self.text_of(&self.buffer(w, h))
    }

    /// A rendered screen as one text, as [`Fx::screen`] gives it.
    pub fn text_of(&self, buf: &Buffer) -> String {
        rows(buf)
            .join("\n")
            .replace(&self.dir.path().display().to_string(), "[TMP]")
    }

    /// Session started, the first item active, six participants present.
    pub fn start(&mut self) {
        for p in ["P1", "P2", "P3", "P4", "P5", "P6"] {
            self.exec(Command::Arrive {
                participant: p.into(),
            });
        }
        self.exec(Command::Start);
    }

    /// Closes the screen and the session, then opens both again the way
    /// `fgd run ID` does (the screen starts scrolled to the newest rows).
    pub fn reopen(self) -> Fx {
        let Fx {
            dir,
            data,
            app,
            now,
            id,
        } = self;
        let (role, keymap, theme, out_dir, lang) = (
            app.role,
            app.keymap.clone(),
            app.theme,
            app.out_dir.clone(),
            app.lang,
        );
        drop(app);
        let engine = open_retrying(&data, &id);
        let mut app = App::new(
            LocalPort::new(engine, role.actor()),
            role,
            keymap,
            theme,
            out_dir,
        );
        app.lang = lang;
        Fx {
            dir,
            data,
            app,
            now,
            id,
        }
    }

    /// A session in full swing, then reopened so every list shows its
    /// newest rows: the first item active for 9 minutes; P5 has the floor
    /// for 3:20 against a 3:00 limit (over); a queue entry of every kind
    /// (P2 topic, P3 reply, P4 clarifying question, P6 point of order); two
    /// public and two private notes; two mindset notes; two decisions and a
    /// conclusion; three actions: open, overdue, done.
    pub fn busy(setup: Setup) -> Fx {
        let role = setup.role;
        let mut fx = setup.role(Role::Facilitator).build();
        fx.start();
        fx.wait(180);
        for (p, kind) in [
            ("P2", SpeakKind::Topic),
            ("P3", SpeakKind::Reply),
            ("P4", SpeakKind::Clarify),
            ("P6", SpeakKind::PointOfOrder),
        ] {
            fx.exec(Command::RaiseHand {
                participant: p.into(),
                kind,
            });
        }
        fx.busy_notes();
        fx.busy_records();
        fx.exec(Command::SetActionStatus {
            action: ActionId(3),
            status: ActionStatus::Done,
            note: None,
            due: None,
        });
        fx.wait(120);
        fx.exec(Command::CallSpeaker {
            participant: "P5".into(),
        });
        fx.wait(200);
        fx.app.role = role;
        fx.reopen()
    }

    /// The busy session's notes: two public, two private.
    fn busy_notes(&mut self) {
        let en = self.s().info.language == Language::En;
        let t = |id: &'static str, en_text: &'static str| if en { en_text } else { id };
        let notes = [
            (
                t(
                    "Pelayanan harus dimulai dari kebutuhan warga",
                    "Start from what residents need",
                ),
                NoteKind::Quote,
                Some("P1"),
            ),
            (
                t(
                    "Koordinasi antar-OPD masih lemah",
                    "The counters do not talk to each other",
                ),
                NoteKind::Concern,
                Some("P2"),
            ),
            (
                t("Peserta aktif bertanya", "Everyone asked questions"),
                NoteKind::Observation,
                None,
            ),
            (
                t("Inovasi butuh ruang gagal", "Innovation needs room to fail"),
                NoteKind::Insight,
                Some("P3"),
            ),
        ];
        for (text, kind, who) in notes {
            self.wait(20);
            self.exec(Command::AddNote {
                text: text.into(),
                kind,
                participant: who.map(Into::into),
                private: None,
                item: None,
            });
        }
    }

    /// The busy session's mindset notes, decisions, conclusion and actions.
    fn busy_records(&mut self) {
        let en = self.s().info.language == Language::En;
        let t = |id: &'static str, en_text: &'static str| if en { en_text } else { id };
        self.exec(Command::AddMindset {
            from: t("dilayani", "being served").into(),
            to: t("melayani", "serving").into(),
            values: vec![CoreValue::BerorientasiPelayanan, CoreValue::Adaptif],
            participant: Some("P1".into()),
            item: None,
        });
        self.exec(Command::AddMindset {
            from: t("prosedur", "procedure").into(),
            to: t("hasil", "outcome").into(),
            values: vec![],
            participant: None,
            item: None,
        });
        for text in [
            t(
                "SOP pelayanan terpadu disusun bersama",
                "One queue ticket for every counter",
            ),
            t(
                "Rapat koordinasi tiap bulan",
                "A monthly review with residents",
            ),
        ] {
            self.exec(Command::AddDecision {
                text: text.into(),
                item: None,
                votes: None,
            });
        }
        self.exec(Command::AddConclusion {
            text: t(
                "Pola pikir melayani disepakati",
                "The journey starts at the door",
            )
            .into(),
            item: None,
        });
        for (what, pic, due) in [
            (t("Menyusun draf SOP", "Draft the new signage"), "P1", "+7d"),
            (
                t("Laporan rekap FGD", "Send the survey report"),
                "Bagian Organisasi",
                "2027-01-10",
            ),
            (
                t("Membagikan daftar hadir", "Share the attendance list"),
                "P3",
                "2027-01-20",
            ),
        ] {
            let due = if en && due.starts_with("2027") {
                due.replace("2027-01-", "2026-12-")
            } else {
                due.to_owned()
            };
            self.exec(Command::AddAction {
                what: what.into(),
                pic: Some(pic.into()),
                due: Some(due),
                item: None,
                origin: None,
                carried: None,
            });
        }
    }
}

/// Opens a session just closed by this process. The lock is released when
/// its file is closed, but a child process forked at that moment by another
/// test thread (insta runs `cargo metadata` once) briefly holds a copy of
/// the descriptor until it execs; so a refusal is retried for a while.
fn open_retrying(data: &DataDir, id: &str) -> Engine {
    let mut tries = 0;
    loop {
        match Engine::open(data, id) {
            Ok(e) => return e,
            Err(StoreError::Locked { .. }) if tries < 500 => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => panic!("can't reopen {id}: {e}"),
        }
    }
}

/// The text of each row of a buffer, cell by cell, with the cells under the
/// right half of a wide character left out (so a row's display width is the
/// buffer's width when nothing is misaligned).
pub fn rows(buf: &Buffer) -> Vec<String> {
    let w = buf.area.width as usize;
    if w == 0 {
        return vec![];
    }
    buf.content
        .chunks(w)
        .map(|cells| {
            let mut line = String::new();
            let mut skip = 0usize;
            for c in cells {
                if skip == 0 {
                    line.push_str(c.symbol());
                }
                skip = skip.max(c.symbol().width()).saturating_sub(1);
            }
            line
        })
        .collect()
}

/// Cells hidden under a wide character that still hold something visible:
/// a sign that two things were drawn over each other. `(x, y, symbol)`.
pub fn overwritten(buf: &Buffer) -> Vec<(usize, usize, String)> {
    let w = buf.area.width.max(1) as usize;
    let mut out = vec![];
    for (y, cells) in buf.content.chunks(w).enumerate() {
        let mut skip = 0usize;
        for (x, c) in cells.iter().enumerate() {
            if skip > 0 && !c.symbol().trim().is_empty() {
                out.push((x, y, c.symbol().to_owned()));
            }
            skip = skip.max(c.symbol().width()).saturating_sub(1);
        }
    }
    out
}

/// The text inside a rectangle of a buffer, row by row (trailing spaces kept).
pub fn region(buf: &Buffer, r: ratatui::layout::Rect) -> String {
    let w = buf.area.width as usize;
    let (x0, x1) = (r.x as usize, r.right() as usize);
    buf.content
        .chunks(w)
        .skip(r.y as usize)
        .take(r.height as usize)
        .map(|cells| {
            let mut line = String::new();
            let mut skip = 0usize;
            for (x, c) in cells.iter().enumerate() {
                if skip == 0 && (x0..x1).contains(&x) {
                    line.push_str(c.symbol());
                }
                skip = skip.max(c.symbol().width()).saturating_sub(1);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Display width.
pub fn width(s: &str) -> usize {
    s.width()
}

/// A key event.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}
