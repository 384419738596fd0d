//! The live screen's state and the key router. A key goes to the top
//! overlay, which answers with an [`Outcome`] carried out here, or else to
//! the keymap's op (`tui::ops` says what each op does). Commands go through
//! the [`Port`]; everything else here is view state (focus, selection,
//! popups). Rendering reads this, never changes it. Must not hold what an
//! overlay, a form or a panel knows about itself.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

use super::keymap::{Key, Keymap, Op};
use super::port::{Port, Refusal};
use super::theme::Theme;
use crate::domain::{
    ActionId, Actor, Command, EntryId, ItemId, Language, MindsetId, NoteId, Session, Status,
};
use crate::i18n::screen::{Words, words};

pub use super::forms::FormKind;
pub use super::overlay::{Confirm, Outcome, Overlay, PickFor, Picker};

pub use super::role::Role;

/// The focusable lists of the live view, in `Tab` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Panel {
    /// Agenda.
    Agenda,
    /// Speaker queue.
    Queue,
    /// Mindset changes.
    Mindsets,
    /// Notes.
    Notes,
    /// Decisions and conclusions.
    Decisions,
    /// Action items.
    Actions,
}

impl Panel {
    /// All panels in `Tab` order.
    pub const ALL: [Panel; 6] = [
        Panel::Agenda,
        Panel::Queue,
        Panel::Mindsets,
        Panel::Notes,
        Panel::Decisions,
        Panel::Actions,
    ];

    pub(crate) fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

/// A row of a panel: which record it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// An agenda item.
    Item(ItemId),
    /// A queue entry.
    Entry(EntryId),
    /// A mindset shift.
    Mindset(MindsetId),
    /// A note.
    Note(NoteId),
    /// A decision.
    Decision(u32),
    /// A conclusion.
    Conclusion(u32),
    /// An action item.
    Action(ActionId),
}

impl Row {
    /// What removing this row asks about (its label) and the command that
    /// removes it.
    pub fn removal(self, s: &Session) -> (String, Command) {
        match self {
            Row::Item(item) => (
                s.item(item).map(|i| i.title.clone()).unwrap_or_default(),
                Command::RemoveAgendaItem { item },
            ),
            Row::Entry(entry) => (
                s.queue
                    .iter()
                    .find(|e| e.id == entry)
                    .map(|e| s.name_of(&e.code).to_owned())
                    .unwrap_or_default(),
                Command::RemoveQueueEntry { entry },
            ),
            Row::Mindset(m) => (
                s.mindsets
                    .get(m.0 as usize - 1)
                    .map(|x| format!("{} → {}", x.from, x.to))
                    .unwrap_or_default(),
                Command::RemoveMindset { mindset: m },
            ),
            Row::Note(n) => (
                s.notes
                    .get(n.0 as usize - 1)
                    .map(|x| x.text.clone())
                    .unwrap_or_default(),
                Command::RemoveNote { note: n },
            ),
            Row::Decision(d) => (
                s.decisions
                    .get(d as usize - 1)
                    .map(|x| x.text.clone())
                    .unwrap_or_default(),
                Command::RemoveDecision { decision: d },
            ),
            Row::Conclusion(c) => (
                s.conclusions
                    .get(c as usize - 1)
                    .map(|x| x.text.clone())
                    .unwrap_or_default(),
                Command::RemoveConclusion { conclusion: c },
            ),
            Row::Action(a) => (
                s.actions
                    .get(a.0 as usize - 1)
                    .map(|x| x.what.clone())
                    .unwrap_or_default(),
                Command::RemoveAction { action: a },
            ),
        }
    }
}

/// A short message in the status line until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    /// Text.
    pub text: String,
    /// An error (styled and worded as one).
    pub error: bool,
}

/// The live screen.
pub struct App<P: Port> {
    /// The session's door.
    pub port: P,
    /// Who sits here.
    pub role: Role,
    /// Keys.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
    /// Screen language.
    pub lang: Language,
    /// Focused panel.
    pub focus: Panel,
    /// Selected row per panel.
    pub sel: [usize; 6],
    /// The guide question stepped to (item, 1-based), if any: else the
    /// active item's first not yet covered is current.
    pub guide: Option<(crate::domain::ItemId, usize)>,
    /// Popups, bottom first.
    pub overlays: Vec<Overlay>,
    /// Status-line message.
    pub flash: Option<Flash>,
    /// Set when the app should close.
    pub quit: bool,
    /// Where the minutes go (`OUT/ID/`).
    pub out_dir: PathBuf,
    /// The ops this terminal asks `y` before (config `[confirm]`).
    pub asks: Vec<Op>,
    /// Panels' lines kept between frames.
    pub memo: super::view::memo::Memo,
}

impl<P: Port> App<P> {
    /// A live screen over `port`, in the session's language.
    pub fn new(port: P, role: Role, keymap: Keymap, theme: Theme, out_dir: PathBuf) -> App<P> {
        let lang = port.session().info.language;
        let mut app = App {
            port,
            role,
            keymap,
            theme,
            lang,
            focus: Panel::Agenda,
            sel: [0; 6],
            guide: None,
            overlays: vec![],
            flash: None,
            quit: false,
            out_dir,
            asks: super::config::Asks::default().of(role).to_vec(),
            memo: super::view::memo::Memo::default(),
        };
        if role == Role::Notetaker {
            app.focus = Panel::Notes;
        }
        for p in Panel::ALL {
            app.sel[p.index()] = app.newest(p);
        }
        app.sel[Panel::Agenda.index()] = app.active_index();
        if role == Role::Notetaker {
            // The notetaker's queue panel is small: it opens at the front
            // (who speaks next), not at the hand raised last.
            app.sel[Panel::Queue.index()] = 0;
        }
        app
    }

    /// The session.
    pub fn session(&self) -> &Session {
        self.port.session()
    }

    /// Takes in what other terminals did (through the port); true when the
    /// screen must be redrawn.
    pub fn pump(&mut self, now: DateTime<Utc>) -> bool {
        let trouble = self.port.trouble();
        let following = self.following();
        let changed = self.port.pump(now);
        if changed {
            self.clamp_selection();
            self.follow_newest(following);
            self.say_others();
            super::overlay::review::follow(self);
        }
        if let Some(n) = self.port.take_notice() {
            self.complain(crate::i18n::outcome::notice(self.lang, &n));
            return true;
        }
        changed || trouble != self.port.trouble()
    }

    /// The ops the footer offers now: what `f`, `s`, `Space` or `E` would do
    /// in this moment first (someone has the floor, hands wait, the session
    /// has not started or has ended), then the role's usual list.
    pub fn footer_ops(&self) -> Vec<Op> {
        use super::keymap::footer;
        let base = match self.role {
            Role::Notetaker => footer::NOTETAKER,
            Role::Facilitator => footer::PROJECTOR,
            Role::Viewer => return footer::VIEWER.to_vec(),
        };
        let s = self.session();
        let mut now = vec![Op::Help];
        if s.speaking.is_some() {
            now.push(Op::FinishSpeaker);
        }
        if !s.queue.is_empty() {
            now.push(Op::CallNext);
        }
        match s.status {
            Status::Planned => now.push(Op::StartPause),
            Status::Ended if self.role.can_when(Op::End, true) => now.push(Op::End),
            _ => {}
        }
        let rest: Vec<Op> = base
            .iter()
            .filter(|op| !now.contains(op))
            .copied()
            .collect();
        // After the end only corrections: nothing that moves the room.
        let ended = s.status == Status::Ended;
        let moves = |op: Op| {
            matches!(
                op,
                Op::StartPause | Op::NextItem | Op::RaiseHand | Op::CallNext | Op::FinishSpeaker
            )
        };
        now.into_iter()
            .chain(rest)
            .filter(|op| self.role.can_when(*op, ended) && !(ended && moves(*op)))
            .collect()
    }

    /// The other terminals on this session, as the banner shows them
    /// ("notulis ✓ · layar ✓"); `None` when none is connected.
    pub fn connected_text(&self) -> Option<String> {
        let roles = self.port.connected();
        if roles.is_empty() {
            return None;
        }
        let w = self.words();
        let shown: Vec<String> = roles
            .iter()
            .map(|r| format!("{} ✓", role_word(w, *r)))
            .collect();
        Some(shown.join(" · "))
    }

    /// Says what the latest change made on another terminal was
    /// ("notulis: acara berikutnya").
    fn say_others(&mut self) {
        let others = self.port.take_others();
        let Some(last) = others.iter().rev().find_map(|r| {
            let what = match &r.event {
                crate::domain::Event::Undone { .. } => self.words().undone,
                e => crate::i18n::undo::label(self.lang, crate::domain::undo_label(e)?),
            };
            Some(format!("{}: {what}", role_word(self.words(), r.actor)))
        }) else {
            return;
        };
        if self.flash.as_ref().is_none_or(|f| !f.error) {
            self.say(last);
        }
    }

    /// Says on screen, in the screen's language, why no second terminal can
    /// join (the live socket could not be made), if that happened.
    pub fn flash_problem(&mut self, no_host: Option<std::io::Error>) {
        if let Some(e) = no_host {
            let text = crate::i18n::fill(self.words().no_second_terminal, &[&e]);
            self.complain(text);
        }
    }

    /// The screen's words.
    pub fn words(&self) -> &'static Words {
        words(self.lang)
    }

    /// The selected row index of a panel.
    pub fn selected(&self, panel: Panel) -> usize {
        self.sel[panel.index()]
    }

    pub(crate) fn active_index(&self) -> usize {
        self.session()
            .agenda
            .iter()
            .position(|i| i.status == crate::domain::ItemStatus::Active)
            .unwrap_or(0)
    }

    /// The rows of a panel, in display order.
    pub fn rows(&self, panel: Panel) -> Vec<Row> {
        super::view::panels::rows(self.session(), self.role, panel)
    }

    pub(crate) fn selected_row(&self, panel: Panel) -> Option<Row> {
        self.rows(panel).get(self.selected(panel)).copied()
    }

    /// The row of `panel` recorded last (see `view::panels::newest`).
    pub(crate) fn newest(&self, panel: Panel) -> usize {
        super::view::panels::newest(self.session(), self.role, panel)
    }

    pub(crate) fn clamp_selection(&mut self) {
        for p in Panel::ALL {
            let n = self.rows(p).len();
            let s = &mut self.sel[p.index()];
            *s = (*s).min(n.saturating_sub(1));
        }
    }

    pub(crate) fn say(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: false,
        });
    }

    pub(crate) fn complain(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: true,
        });
    }

    /// Why a command did not go through, in the screen's language.
    pub fn refusal_text(&self, r: &Refusal) -> String {
        match r {
            Refusal::Rule(e) => crate::i18n::refusals::refusal(self.lang, e),
            Refusal::NotStored(why) => crate::i18n::outcome::not_stored(self.lang, why),
            Refusal::Unsure(why) => crate::i18n::outcome::unsure(self.lang, *why),
        }
    }

    /// Runs a command, unless this terminal asks before it (a notetaker's
    /// moving the agenda, pausing, giving the floor): then it asks `y`
    /// first. True when it ran and went through.
    pub(crate) fn request(&mut self, cmd: Command, now: DateTime<Utc>) -> bool {
        match asked_op(&cmd) {
            Some(op) if self.asks.contains(&op) => {
                self.overlays
                    .push(Overlay::Confirm(Confirm::Ask(op, Box::new(cmd))));
                false
            }
            _ => self.run(cmd, now),
        }
    }

    /// Runs a command; says what happened. True when it went through.
    pub(crate) fn run(&mut self, cmd: Command, now: DateTime<Utc>) -> bool {
        // What `u` undoes, named before it is gone.
        let undoing = matches!(cmd, Command::Undo).then(|| {
            let label = self
                .session()
                .undo
                .next_for(self.port.actor())
                .map(|(_, label, _)| crate::i18n::undo::label(self.lang, label));
            (label, super::undone::texts(self.session()))
        });
        let follow = Follow::of(&cmd);
        match self.port.execute(cmd, now) {
            Ok(_) => {
                let w = self.words();
                match undoing {
                    Some((Some(what), before)) => {
                        let what = match super::undone::subject(&before, self.session()) {
                            Some(text) => format!("{what} “{text}”"),
                            None => what.to_owned(),
                        };
                        self.say(crate::i18n::fill(w.undone_what, &[&what]));
                    }
                    Some((None, _)) => self.say(w.undone),
                    None => self.say(w.saved),
                }
                if let Some(n) = self.port.take_notice() {
                    self.complain(crate::i18n::outcome::notice(self.lang, &n));
                }
                self.clamp_selection();
                self.follow(follow);
                true
            }
            Err(refusal) => {
                self.complain(self.refusal_text(&refusal));
                false
            }
        }
    }

    /// Handles one key at time `now`: the top overlay's, else the keymap's op.
    pub fn handle_key(&mut self, ev: KeyEvent, now: DateTime<Utc>) {
        self.key(ev, now);
        self.keep_draft();
    }

    fn key(&mut self, ev: KeyEvent, now: DateTime<Utc>) {
        if ev.kind == ratatui::crossterm::event::KeyEventKind::Release {
            return;
        }
        self.flash = None;
        if let Some(mut top) = self.overlays.pop() {
            let outcome = top.key(self, ev);
            self.settle(top, outcome, now);
            return;
        }
        let Some(op) = self.keymap.op(Key::of(ev)) else {
            return;
        };
        self.act(op, now);
    }

    /// Carries out what a key on overlay `top` (taken off the stack) asked.
    fn settle(&mut self, top: Overlay, outcome: Outcome, now: DateTime<Utc>) {
        match outcome {
            Outcome::Stay => self.overlays.push(top),
            Outcome::Close => {}
            Outcome::CloseBoth => {
                self.overlays.pop();
            }
            Outcome::Replace(next) => self.overlays.push(next),
            Outcome::Open(next) => {
                self.overlays.push(top);
                self.overlays.push(next);
            }
            Outcome::Refuse(why) => {
                self.complain(why);
                self.overlays.push(top);
            }
            Outcome::Run(cmd) => {
                self.request(cmd, now);
            }
            Outcome::Confirmed(cmd) => {
                self.run(cmd, now);
            }
            Outcome::RunKeep(cmd) => {
                self.overlays.push(top);
                self.run(cmd, now);
            }
            Outcome::Act(op) => {
                self.act(op, now);
                if !self.quit {
                    self.overlays.push(top);
                }
            }
            Outcome::Quit { keep } => {
                self.quit = true;
                if keep {
                    self.overlays.push(top);
                }
            }
            Outcome::End => self.end(now),
            Outcome::Submit => {
                if let Overlay::Form(form) = top {
                    self.submit(form, now);
                }
            }
        }
    }

    /// Ends the session (unless it has ended: then only the minutes are
    /// written again, with the corrections) and exports the minutes, shared
    /// and internal, showing where they went.
    fn end(&mut self, now: DateTime<Utc>) {
        let ended = self.session().status == Status::Ended;
        if ended || self.run(Command::End, now) {
            let out = self.out_dir.clone();
            match self.port.export(&out) {
                Ok(paths) => self.overlays.push(Overlay::Exported(paths)),
                Err(e) => self.complain(crate::i18n::errors::export(self.lang, &e)),
            }
        }
    }

    /// Moves the selection where a command that went through leads.
    fn follow(&mut self, follow: Follow) {
        match follow {
            Follow::Active => {
                self.sel[Panel::Agenda.index()] = self.active_index();
                // The review item came up: its carried actions go on screen.
                if self.session().reviewing() && self.overlays.is_empty() {
                    self.overlays.push(Overlay::Review(0));
                }
            }
            Follow::Newest => self.sel[Panel::Queue.index()] = self.newest(Panel::Queue),
            Follow::Nothing => {}
        }
    }
}

/// A role's word on the screen.
fn role_word(w: &Words, actor: Actor) -> &'static str {
    match actor {
        Actor::Facilitator => w.role_facilitator,
        Actor::Notetaker => w.role_notetaker,
        Actor::Viewer => w.role_viewer,
        Actor::Script => w.role_script,
    }
}

/// The op whose `[confirm]` setting decides whether `cmd` is asked
/// before; `None` for commands that never ask.
fn asked_op(cmd: &Command) -> Option<Op> {
    Some(match cmd {
        Command::NextItem => Op::NextItem,
        Command::DeferItem { .. } => Op::DeferItem,
        Command::StartItem { .. } => Op::StartItem,
        Command::SkipItem { .. } => Op::SkipItem,
        Command::Start | Command::Pause | Command::Resume => Op::StartPause,
        Command::CallNext => Op::CallNext,
        Command::CallSpeaker { .. } => Op::CallSpeaker,
        Command::FinishSpeaker => Op::FinishSpeaker,
        _ => return None,
    })
}

/// Where the selection goes after a command went through.
#[derive(Debug, Clone, Copy)]
enum Follow {
    /// To the active agenda item (the session or agenda moved on).
    Active,
    /// To the newest queue entry (a hand was raised).
    Newest,
    /// Nowhere.
    Nothing,
}

impl Follow {
    fn of(cmd: &Command) -> Follow {
        match cmd {
            Command::Start
            | Command::Pause
            | Command::Resume
            | Command::NextItem
            | Command::DeferItem { .. } => Follow::Active,
            Command::RaiseHand { .. } => Follow::Newest,
            _ => Follow::Nothing,
        }
    }
}
