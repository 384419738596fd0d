//! The live screen's state and what keys do to it. Keys become domain
//! commands sent through the [`Port`]; everything else here is view state
//! (focus, selection, popups). Rendering reads this, never changes it.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use tui_input::{Input, InputRequest};

use super::form::{Field, Form, Outcome, suggestions};
use super::keymap::{Key, Keymap, Op};
use super::port::{Port, Refusal};
use super::theme::Theme;
use super::words::{Words, words};
use crate::domain::{
    ActionId, ActionStatus, Actor, Command, CoreValue, EntryId, ItemId, Language, MindsetId,
    NoteId, NoteKind, Session, SpeakKind, Status, parse_due,
};

/// Who sits at this terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Drives the session; the projector layout.
    Facilitator,
    /// Takes notes; private notes shown, forms first; can't end the session.
    Notetaker,
    /// Read-only mirror with the projector layout.
    Viewer,
}

impl Role {
    /// The domain actor of this role.
    pub fn actor(self) -> Actor {
        match self {
            Role::Facilitator => Actor::Facilitator,
            Role::Notetaker => Actor::Notetaker,
            Role::Viewer => Actor::Viewer,
        }
    }

    /// Whether private notes are shown.
    pub fn sees_private(self) -> bool {
        self == Role::Notetaker
    }
}

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

    fn index(self) -> usize {
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

/// What a form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// New mindset shift.
    Mindset,
    /// New note.
    Note,
    /// New decision.
    Decision,
    /// New conclusion.
    Conclusion,
    /// New action item.
    Action,
    /// New agenda item.
    AddItem,
    /// Edit an agenda item.
    EditItem(ItemId),
    /// Edit a mindset shift.
    EditMindset(MindsetId),
    /// Edit a note.
    EditNote(NoteId),
    /// Edit a decision.
    EditDecision(u32),
    /// Edit a conclusion.
    EditConclusion(u32),
    /// Edit an action item.
    EditAction(ActionId),
    /// A walk-in participant.
    AddParticipant,
    /// Edit a participant.
    EditParticipant(String),
}

/// What a picker chooses a participant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// Raise their hand (a kind is asked next).
    RaiseHand,
    /// Give them the floor.
    CallSpeaker,
}

/// A participant picker: type to filter, digits pick a P-code.
#[derive(Debug, Clone)]
pub struct Picker {
    /// What for.
    pub purpose: PickFor,
    /// What was typed.
    pub query: Input,
    /// Highlighted match.
    pub sel: usize,
}

/// What a confirmation confirms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Quit while live.
    Quit,
    /// End the session.
    End,
    /// Remove a record: its label and the command.
    Remove(String, Box<Command>),
}

/// A popup over the main view; the top one gets the keys.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Key help, at this page (counted round: the view shows it modulo
    /// the number of pages the screen needs).
    Help(i32),
    /// `y` / `n`.
    Confirm(Confirm),
    /// An entry form.
    Form(Box<Form<FormKind>>),
    /// A participant picker.
    Picker(Picker),
    /// The kind of a raised hand, for this participant code.
    Kind(String),
    /// Participants and attendance, with the selected row.
    Participants(usize),
    /// The minutes were written here; `q` quits.
    Exported(Vec<PathBuf>),
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
    /// Popups, bottom first.
    pub overlays: Vec<Overlay>,
    /// Status-line message.
    pub flash: Option<Flash>,
    /// Set when the app should close.
    pub quit: bool,
    /// Where the minutes go (`OUT/ID/`).
    pub out_dir: PathBuf,
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
            overlays: vec![],
            flash: None,
            quit: false,
            out_dir,
        };
        if role == Role::Notetaker {
            app.focus = Panel::Notes;
        }
        for p in Panel::ALL {
            app.scroll_to_end(p);
        }
        app.sel[Panel::Agenda.index()] = app.active_index();
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
        let changed = self.port.pump(now);
        if changed {
            self.clamp_selection();
        }
        if let Some(n) = self.port.take_notice() {
            self.complain(n);
            return true;
        }
        changed || trouble != self.port.trouble()
    }

    /// Shows a problem met while starting, if any.
    pub fn flash_problem(&mut self, problem: Option<String>) {
        if let Some(p) = problem {
            self.complain(p);
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

    fn active_index(&self) -> usize {
        self.session()
            .agenda
            .iter()
            .position(|i| i.status == crate::domain::ItemStatus::Active)
            .unwrap_or(0)
    }

    /// The rows of a panel, in display order.
    pub fn rows(&self, panel: Panel) -> Vec<Row> {
        let s = self.session();
        match panel {
            Panel::Agenda => s.agenda.iter().map(|i| Row::Item(i.id)).collect(),
            Panel::Queue => s.queue.iter().map(|e| Row::Entry(e.id)).collect(),
            Panel::Mindsets => s.mindsets().map(|m| Row::Mindset(m.id)).collect(),
            Panel::Notes => s
                .notes()
                .filter(|n| self.role.sees_private() || !n.private)
                .map(|n| Row::Note(n.id))
                .collect(),
            Panel::Decisions => s
                .decisions()
                .map(|d| Row::Decision(d.id))
                .chain(s.conclusions().map(|c| Row::Conclusion(c.id)))
                .collect(),
            Panel::Actions => s.actions().map(|a| Row::Action(a.id)).collect(),
        }
    }

    fn selected_row(&self, panel: Panel) -> Option<Row> {
        self.rows(panel).get(self.selected(panel)).copied()
    }

    fn scroll_to_end(&mut self, panel: Panel) {
        self.sel[panel.index()] = self.rows(panel).len().saturating_sub(1);
    }

    fn clamp_selection(&mut self) {
        for p in Panel::ALL {
            let n = self.rows(p).len();
            let s = &mut self.sel[p.index()];
            *s = (*s).min(n.saturating_sub(1));
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: false,
        });
    }

    fn complain(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: true,
        });
    }

    /// Why a command did not go through, in the screen's language.
    pub fn refusal_text(&self, r: &Refusal) -> String {
        match r {
            Refusal::Rule(e) => super::words::refusal(self.lang, e),
            Refusal::Failed(text) => text.clone(),
        }
    }

    /// Runs a command; says what happened. True when it went through.
    fn run(&mut self, cmd: Command, now: DateTime<Utc>) -> bool {
        let undo = matches!(cmd, Command::Undo);
        match self.port.execute(cmd, now) {
            Ok(_) => {
                let w = self.words();
                self.say(if undo { w.undone } else { w.saved });
                if let Some(n) = self.port.take_notice() {
                    self.complain(n);
                }
                self.clamp_selection();
                true
            }
            Err(refusal) => {
                self.complain(self.refusal_text(&refusal));
                false
            }
        }
    }

    /// Handles one key at time `now`.
    pub fn handle_key(&mut self, ev: KeyEvent, now: DateTime<Utc>) {
        if ev.kind == ratatui::crossterm::event::KeyEventKind::Release {
            return;
        }
        self.flash = None;
        if let Some(top) = self.overlays.pop() {
            self.handle_overlay(top, ev, now);
            return;
        }
        let Some(action) = self.keymap.op(Key::of(ev)) else {
            return;
        };
        self.act(action, now);
    }

    fn handle_overlay(&mut self, top: Overlay, ev: KeyEvent, now: DateTime<Utc>) {
        let key = Key::of(ev);
        match top {
            // ↑↓ PgUp PgDn turn the pages of a help too long for the
            // screen; any other key closes it.
            Overlay::Help(page) => {
                let turn = match (ev.code, self.keymap.op(key)) {
                    (KeyCode::Up | KeyCode::PageUp, _) | (_, Some(Op::Up)) => -1,
                    (KeyCode::Down | KeyCode::PageDown, _) | (_, Some(Op::Down)) => 1,
                    _ => return,
                };
                self.overlays.push(Overlay::Help(page.wrapping_add(turn)));
            }
            Overlay::Exported(paths) => {
                if matches!(self.keymap.op(key), Some(Op::Quit)) {
                    self.quit = true;
                }
                self.overlays.push(Overlay::Exported(paths));
                if self.keymap.op(key) == Some(Op::Cancel) {
                    self.overlays.pop();
                }
            }
            Overlay::Confirm(c) => match ev.code {
                KeyCode::Char('y' | 'Y') => self.confirmed(c, now),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => {}
                _ => self.overlays.push(Overlay::Confirm(c)),
            },
            Overlay::Form(mut form) => match form.handle(ev, self.port.session()) {
                Outcome::Editing => self.overlays.push(Overlay::Form(form)),
                Outcome::Cancel => {}
                Outcome::Submit => self.submit(form, now),
            },
            Overlay::Picker(p) => self.handle_picker(p, ev, now),
            Overlay::Kind(code) => {
                let kind = match ev.code {
                    KeyCode::Enter | KeyCode::Char('t' | 'T') => Some(SpeakKind::Topic),
                    KeyCode::Char('r' | 'R') => Some(SpeakKind::Reply),
                    KeyCode::Char('c' | 'C') => Some(SpeakKind::Clarify),
                    KeyCode::Char('p' | 'P') => Some(SpeakKind::PointOfOrder),
                    KeyCode::Esc => return,
                    _ => None,
                };
                match kind {
                    Some(kind) => {
                        if self.run(
                            Command::RaiseHand {
                                participant: code,
                                kind,
                            },
                            now,
                        ) {
                            let newest = self
                                .session()
                                .queue
                                .iter()
                                .enumerate()
                                .max_by_key(|(_, e)| e.id.0)
                                .map(|(i, _)| i);
                            self.sel[Panel::Queue.index()] = newest.unwrap_or(0);
                        }
                    }
                    None => self.overlays.push(Overlay::Kind(code)),
                }
            }
            Overlay::Participants(sel) => self.handle_participants(sel, ev, now),
        }
    }

    fn handle_picker(&mut self, mut p: Picker, ev: KeyEvent, now: DateTime<Utc>) {
        let matches: Vec<String> = suggestions(self.session(), p.query.value(), usize::MAX)
            .iter()
            .map(|m| m.code.clone())
            .collect();
        match ev.code {
            KeyCode::Esc => return,
            KeyCode::Up => p.sel = p.sel.saturating_sub(1),
            KeyCode::Down => p.sel = (p.sel + 1).min(matches.len().saturating_sub(1)),
            KeyCode::Enter => {
                let Some(code) = matches.get(p.sel).cloned() else {
                    self.complain(self.words().no_match);
                    self.overlays.push(Overlay::Picker(p));
                    return;
                };
                match p.purpose {
                    PickFor::RaiseHand => self.overlays.push(Overlay::Kind(code)),
                    PickFor::CallSpeaker => {
                        self.run(Command::CallSpeaker { participant: code }, now);
                    }
                }
                return;
            }
            KeyCode::Backspace => {
                p.query.handle(InputRequest::DeletePrevChar);
                p.sel = 0;
            }
            KeyCode::Char(c) => {
                p.query.handle(InputRequest::InsertChar(c));
                p.sel = 0;
            }
            _ => {}
        }
        self.overlays.push(Overlay::Picker(p));
    }

    fn handle_participants(&mut self, sel: usize, ev: KeyEvent, now: DateTime<Utc>) {
        let codes: Vec<String> = self
            .session()
            .participants()
            .map(|p| p.code.clone())
            .collect();
        let code = codes.get(sel).cloned();
        let action = self.keymap.op(Key::of(ev));
        let mut sel = sel;
        match (ev.code, action) {
            (KeyCode::Esc, _) | (_, Some(Op::Participants | Op::Cancel)) => return,
            (_, Some(Op::Quit)) => {
                self.act(Op::Quit, now);
                if self.quit {
                    return;
                }
            }
            (_, Some(Op::Help)) => {
                self.overlays.push(Overlay::Participants(sel));
                self.overlays.push(Overlay::Help(0));
                return;
            }
            (_, Some(Op::Up)) => sel = sel.saturating_sub(1),
            (_, Some(Op::Down)) => sel = (sel + 1).min(codes.len().saturating_sub(1)),
            (_, Some(Op::Add)) => {
                self.overlays.push(Overlay::Participants(sel));
                self.open_form(FormKind::AddParticipant);
                return;
            }
            (KeyCode::Enter | KeyCode::Char(' '), _) => {
                if let Some(code) = &code {
                    let present = self.session().participant(code).is_some_and(|p| p.present);
                    let participant = code.clone();
                    let cmd = if present {
                        Command::Absent { participant }
                    } else {
                        Command::Arrive { participant }
                    };
                    self.run(cmd, now);
                }
            }
            (KeyCode::Char('e'), _) | (_, Some(Op::Open)) => {
                if let Some(code) = code {
                    self.overlays.push(Overlay::Participants(sel));
                    self.open_form(FormKind::EditParticipant(code));
                    return;
                }
            }
            (_, Some(Op::Remove)) => {
                if let Some(code) = code {
                    let name = self.session().name_of(&code).to_owned();
                    self.overlays.push(Overlay::Participants(sel));
                    self.overlays.push(Overlay::Confirm(Confirm::Remove(
                        format!("{code} {name}"),
                        Box::new(Command::RemoveParticipant { participant: code }),
                    )));
                    return;
                }
            }
            _ => {}
        }
        let n = self.session().participants().count();
        self.overlays
            .push(Overlay::Participants(sel.min(n.saturating_sub(1))));
    }

    fn confirmed(&mut self, c: Confirm, now: DateTime<Utc>) {
        match c {
            Confirm::Quit => self.quit = true,
            Confirm::Remove(_, cmd) => {
                self.run(*cmd, now);
            }
            Confirm::End => {
                if self.run(Command::End, now) {
                    let out = self.out_dir.clone();
                    match self.port.export(&out) {
                        Ok(paths) => self.overlays.push(Overlay::Exported(paths)),
                        Err(e) => self.complain(e),
                    }
                }
            }
        }
    }

    /// What an action does in the main view.
    pub fn act(&mut self, op: Op, now: DateTime<Utc>) {
        let viewer = self.role == Role::Viewer;
        let s = self.session();
        let live = matches!(s.status, Status::Live | Status::Paused);
        let ended = s.status == Status::Ended;
        match op {
            Op::Help => self.overlays.push(Overlay::Help(0)),
            Op::Quit => {
                if live && !viewer {
                    self.overlays.push(Overlay::Confirm(Confirm::Quit));
                } else {
                    self.quit = true;
                }
            }
            Op::Cancel => {}
            Op::NextPanel => {
                self.focus = Panel::ALL[(self.focus.index() + 1) % Panel::ALL.len()];
            }
            Op::PrevPanel => {
                self.focus =
                    Panel::ALL[(self.focus.index() + Panel::ALL.len() - 1) % Panel::ALL.len()];
            }
            Op::Up => {
                let i = self.focus.index();
                self.sel[i] = self.sel[i].saturating_sub(1);
            }
            Op::Down => {
                let i = self.focus.index();
                let n = self.rows(self.focus).len();
                self.sel[i] = (self.sel[i] + 1).min(n.saturating_sub(1));
            }
            Op::SwitchLanguage => {
                self.lang = if self.lang == Language::Id {
                    Language::En
                } else {
                    Language::Id
                };
            }
            _ if viewer => {
                self.complain(super::words::refusal(
                    self.lang,
                    &crate::domain::DomainError::ReadOnly,
                ));
            }
            // After the end only corrections: say so before a form is typed in vain.
            Op::Add
            | Op::NewMindset
            | Op::NewNote
            | Op::NewDecision
            | Op::NewConclusion
            | Op::NewAction
                if ended =>
            {
                self.complain(self.words().correction_only);
            }
            Op::Open => self.open_selected(now),
            Op::Add => match self.focus {
                Panel::Agenda => self.open_form(FormKind::AddItem),
                Panel::Queue => self.act(Op::RaiseHand, now),
                Panel::Mindsets => self.open_form(FormKind::Mindset),
                Panel::Notes => self.open_form(FormKind::Note),
                Panel::Decisions => self.open_form(FormKind::Decision),
                Panel::Actions => self.open_form(FormKind::Action),
            },
            Op::Remove => self.ask_remove(),
            Op::MoveUp | Op::MoveDown => self.move_selected(op == Op::MoveUp, now),
            Op::StartPause => {
                let cmd = match s.status {
                    Status::Planned => Command::Start,
                    Status::Live => Command::Pause,
                    Status::Paused | Status::Ended => Command::Resume,
                };
                if self.run(cmd, now) {
                    self.sel[Panel::Agenda.index()] = self.active_index();
                }
            }
            Op::NextItem => {
                if self.run(Command::NextItem, now) {
                    self.sel[Panel::Agenda.index()] = self.active_index();
                }
            }
            Op::DeferItem => {
                if self.run(Command::DeferItem { item: None }, now) {
                    self.sel[Panel::Agenda.index()] = self.active_index();
                }
            }
            Op::StartItem | Op::SkipItem => match self.selected_row(Panel::Agenda) {
                Some(Row::Item(item)) if self.focus == Panel::Agenda => {
                    let cmd = if op == Op::StartItem {
                        Command::StartItem { item }
                    } else {
                        Command::SkipItem { item }
                    };
                    self.run(cmd, now);
                }
                _ => self.focus_hint(Panel::Agenda),
            },
            Op::RaiseHand => self.overlays.push(Overlay::Picker(Picker {
                purpose: PickFor::RaiseHand,
                query: Input::default(),
                sel: 0,
            })),
            Op::CallSpeaker => self.overlays.push(Overlay::Picker(Picker {
                purpose: PickFor::CallSpeaker,
                query: Input::default(),
                sel: 0,
            })),
            Op::CallNext => {
                self.run(Command::CallNext, now);
            }
            Op::FinishSpeaker => {
                self.run(Command::FinishSpeaker, now);
            }
            Op::NewMindset => self.open_form(FormKind::Mindset),
            Op::NewNote => self.open_form(FormKind::Note),
            Op::NewDecision => self.open_form(FormKind::Decision),
            Op::NewConclusion => self.open_form(FormKind::Conclusion),
            Op::NewAction => self.open_form(FormKind::Action),
            Op::ToggleDone | Op::DropAction => match self.selected_row(Panel::Actions) {
                Some(Row::Action(id)) if self.focus == Panel::Actions => {
                    let current = self
                        .session()
                        .actions
                        .get(id.0 as usize - 1)
                        .map(|a| a.status);
                    let status = match (op, current) {
                        (Op::DropAction, _) => ActionStatus::Dropped,
                        (_, Some(ActionStatus::Done)) => ActionStatus::Open,
                        _ => ActionStatus::Done,
                    };
                    self.run(Command::SetActionStatus { action: id, status }, now);
                }
                _ => self.focus_hint(Panel::Actions),
            },
            Op::Participants => self.overlays.push(Overlay::Participants(0)),
            Op::Undo => {
                self.run(Command::Undo, now);
            }
            Op::End => {
                if self.role == Role::Facilitator {
                    self.overlays.push(Overlay::Confirm(Confirm::End));
                } else {
                    self.complain(super::words::refusal(
                        self.lang,
                        &crate::domain::DomainError::FacilitatorEnds,
                    ));
                }
            }
        }
    }

    fn focus_hint(&mut self, panel: Panel) {
        let w = self.words();
        let name = match panel {
            Panel::Agenda => w.agenda,
            Panel::Queue => w.queue,
            Panel::Mindsets => w.mindsets,
            Panel::Notes => w.notes,
            Panel::Decisions => w.decisions,
            Panel::Actions => w.actions,
        };
        self.complain(format!(
            "{} → {name} ({})",
            self.keymap.hint(Op::NextPanel),
            w.nothing_selected
        ));
    }

    fn open_selected(&mut self, now: DateTime<Utc>) {
        let Some(row) = self.selected_row(self.focus) else {
            self.complain(self.words().nothing_selected);
            return;
        };
        let kind = match row {
            Row::Item(id) => FormKind::EditItem(id),
            Row::Entry(id) => {
                if let Some(code) = self
                    .session()
                    .queue
                    .iter()
                    .find(|e| e.id == id)
                    .map(|e| e.code.clone())
                {
                    self.run(Command::CallSpeaker { participant: code }, now);
                }
                return;
            }
            Row::Mindset(id) => FormKind::EditMindset(id),
            Row::Note(id) => FormKind::EditNote(id),
            Row::Decision(id) => FormKind::EditDecision(id),
            Row::Conclusion(id) => FormKind::EditConclusion(id),
            Row::Action(id) => FormKind::EditAction(id),
        };
        self.open_form(kind);
    }

    fn ask_remove(&mut self) {
        let Some(row) = self.selected_row(self.focus) else {
            self.complain(self.words().nothing_selected);
            return;
        };
        let s = self.session();
        let (label, cmd) = match row {
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
        };
        self.overlays
            .push(Overlay::Confirm(Confirm::Remove(label, Box::new(cmd))));
    }

    fn move_selected(&mut self, up: bool, now: DateTime<Utc>) {
        let i = self.selected(self.focus);
        let n = self.rows(self.focus).len();
        let to = if up {
            i.checked_sub(1)
        } else {
            Some(i + 1).filter(|t| *t < n)
        };
        let (Some(to), Some(row)) = (to, self.selected_row(self.focus)) else {
            return;
        };
        let cmd = match row {
            Row::Item(item) => Command::MoveAgendaItem { item, to: to + 1 },
            Row::Entry(entry) => Command::MoveQueueEntry { entry, to: to + 1 },
            _ => return,
        };
        if self.run(cmd, now) {
            self.sel[self.focus.index()] = to;
        }
    }

    /// Opens a form, filled in for edits.
    pub fn open_form(&mut self, kind: FormKind) {
        let w = self.words();
        let s = self.session();
        let note_kinds = vec![
            w.note_observation,
            w.note_quote,
            w.note_insight,
            w.note_concern,
        ];
        let yes_no = vec![w.no, w.yes];
        let (title, fields) = match &kind {
            FormKind::Mindset => (w.form_mindset, mindset_fields(w, "", "", "", "")),
            FormKind::EditMindset(id) => {
                let Some(m) = s.mindsets.get(id.0 as usize - 1) else {
                    return;
                };
                let values: Vec<&str> = m.values.iter().map(|v| v.name_id()).collect();
                (
                    w.form_mindset,
                    mindset_fields(
                        w,
                        &m.from,
                        &m.to,
                        &values.join(", "),
                        m.participant.as_deref().unwrap_or(""),
                    ),
                )
            }
            FormKind::Note => (
                w.form_note,
                vec![
                    Field::text(w.field_text, "", true),
                    Field::choice(w.field_kind, note_kinds, 0),
                    Field::participant(w.field_participant, "", false),
                ],
            ),
            FormKind::EditNote(id) => {
                let Some(n) = s.notes.get(id.0 as usize - 1) else {
                    return;
                };
                (
                    w.form_note,
                    vec![
                        Field::text(w.field_text, &n.text, true),
                        Field::choice(w.field_kind, note_kinds, note_kind_index(n.kind)),
                        Field::participant(
                            w.field_participant,
                            n.participant.as_deref().unwrap_or(""),
                            false,
                        ),
                        Field::choice(w.field_private, yes_no, usize::from(n.private)),
                    ],
                )
            }
            FormKind::Decision => (w.form_decision, vec![Field::text(w.field_text, "", true)]),
            FormKind::Conclusion => (w.form_conclusion, vec![Field::text(w.field_text, "", true)]),
            FormKind::EditDecision(id) => {
                let Some(d) = s.decisions.get(*id as usize - 1) else {
                    return;
                };
                (
                    w.form_decision,
                    vec![Field::text(w.field_text, &d.text, true)],
                )
            }
            FormKind::EditConclusion(id) => {
                let Some(c) = s.conclusions.get(*id as usize - 1) else {
                    return;
                };
                (
                    w.form_conclusion,
                    vec![Field::text(w.field_text, &c.text, true)],
                )
            }
            FormKind::Action => (w.form_action, action_fields(w, "", "", "")),
            FormKind::EditAction(id) => {
                let Some(a) = s.actions.get(id.0 as usize - 1) else {
                    return;
                };
                let pic = a
                    .pic
                    .as_ref()
                    .map(|p| p.code.clone().unwrap_or_else(|| p.text.clone()))
                    .unwrap_or_default();
                let due = a.due.map(|d| d.to_string()).unwrap_or_default();
                (w.form_action, action_fields(w, &a.what, &pic, &due))
            }
            FormKind::AddItem => (w.form_item, item_fields(w, "", "10", "")),
            FormKind::EditItem(id) => {
                let Some(it) = s.item(*id) else { return };
                (
                    w.form_item,
                    item_fields(
                        w,
                        &it.title,
                        &it.minutes.to_string(),
                        it.owner.as_deref().unwrap_or(""),
                    ),
                )
            }
            FormKind::AddParticipant => (w.form_participant, participant_fields(w, None)),
            FormKind::EditParticipant(code) => {
                let Some(p) = s.participant(code) else { return };
                (w.form_participant, participant_fields(w, Some(p)))
            }
        };
        let title = match &kind {
            FormKind::EditParticipant(code) => format!("{title} {code}"),
            _ => title.to_owned(),
        };
        self.overlays
            .push(Overlay::Form(Box::new(Form::new(kind, title, fields))));
    }

    /// Checks a submitted form, runs its command, and keeps it open with the
    /// reasons if anything is refused.
    fn submit(&mut self, mut form: Box<Form<FormKind>>, now: DateTime<Utc>) {
        let w = self.words();
        if !form.check_required(w.required) {
            self.overlays.push(Overlay::Form(form));
            return;
        }
        let Some(cmd) = self.command_of(&mut form, now) else {
            self.overlays.push(Overlay::Form(form));
            return;
        };
        match self.port.execute(cmd, now) {
            Ok(_) => {
                self.say(w.saved);
                let hidden_here = !self.role.sees_private()
                    && form.kind == FormKind::Note
                    && self.session().notes.last().is_some_and(|n| n.private);
                if hidden_here {
                    self.say(format!("{} — {}", w.saved, w.saved_private));
                }
                if let Some(n) = self.port.take_notice() {
                    self.complain(n);
                }
                let panel = match form.kind {
                    FormKind::Mindset => Some(Panel::Mindsets),
                    FormKind::Note => Some(Panel::Notes),
                    FormKind::Decision | FormKind::Conclusion => Some(Panel::Decisions),
                    FormKind::Action => Some(Panel::Actions),
                    FormKind::AddItem => Some(Panel::Agenda),
                    _ => None,
                };
                if form.kind == FormKind::AddParticipant {
                    // The walk-in scrolls into view on the participants screen.
                    let last = self.session().participants().count().saturating_sub(1);
                    if let Some(Overlay::Participants(sel)) = self.overlays.last_mut() {
                        *sel = last;
                    }
                }
                if let Some(p) = panel {
                    if matches!(form.kind, FormKind::Decision) {
                        self.sel[p.index()] = self.session().decisions().count().saturating_sub(1);
                    } else {
                        self.scroll_to_end(p);
                    }
                }
                self.clamp_selection();
            }
            Err(refusal) => {
                form.error = Some(self.refusal_text(&refusal));
                self.overlays.push(Overlay::Form(form));
            }
        }
    }

    /// The command a form stands for, or `None` with the reasons set on its fields.
    fn command_of(&self, form: &mut Form<FormKind>, now: DateTime<Utc>) -> Option<Command> {
        let s = self.session();
        let values: Vec<String> = form.fields.iter().map(|f| f.value().to_owned()).collect();
        let v = |i: usize| values.get(i).cloned().unwrap_or_default();
        let opt = |text: String| Some(text).filter(|t| !t.is_empty());
        let cmd = match form.kind.clone() {
            FormKind::Mindset | FormKind::EditMindset(_) => {
                let core_values = match parse_values(&v(2)) {
                    Ok(vals) => vals,
                    Err(e) => {
                        form.refuse(2, e);
                        return None;
                    }
                };
                let participant = self.participant_of(form, 3)?;
                match form.kind {
                    FormKind::EditMindset(mindset) => Command::EditMindset {
                        mindset,
                        from: Some(v(0)),
                        to: Some(v(1)),
                        values: Some(core_values),
                        participant: Some(participant.unwrap_or_default()),
                    },
                    _ => Command::AddMindset {
                        from: v(0),
                        to: v(1),
                        values: core_values,
                        participant,
                        item: None,
                    },
                }
            }
            FormKind::Note => Command::AddNote {
                text: v(0),
                kind: note_kind_at(form.field(1).choice),
                participant: self.participant_of(form, 2)?,
                private: None,
                item: None,
            },
            FormKind::EditNote(note) => Command::EditNote {
                note,
                text: Some(v(0)),
                kind: Some(note_kind_at(form.field(1).choice)),
                participant: Some(self.participant_of(form, 2)?.unwrap_or_default()),
                private: Some(form.field(3).choice == 1),
            },
            FormKind::Decision => Command::AddDecision {
                text: v(0),
                item: None,
            },
            FormKind::Conclusion => Command::AddConclusion {
                text: v(0),
                item: None,
            },
            FormKind::EditDecision(decision) => Command::EditDecision {
                decision,
                text: v(0),
            },
            FormKind::EditConclusion(conclusion) => Command::EditConclusion {
                conclusion,
                text: v(0),
            },
            FormKind::Action | FormKind::EditAction(_) => {
                let due = v(2);
                if !due.is_empty()
                    && let Err(e) = parse_due(&due, s.info.zone.date_of(now))
                {
                    form.refuse(2, super::words::refusal(self.lang, &e));
                    return None;
                }
                // A PIC that the suggestions narrow to one participant is
                // that participant (as the field showed); anything else is
                // kept as typed.
                let typed_pic = v(1);
                let pic = match suggestions(s, &typed_pic, 2).as_slice() {
                    [one] if !typed_pic.is_empty() => one.code.clone(),
                    _ => typed_pic,
                };
                match form.kind {
                    FormKind::EditAction(action) => Command::EditAction {
                        action,
                        what: Some(v(0)),
                        pic: Some(pic),
                        due: Some(due),
                    },
                    _ => Command::AddAction {
                        what: v(0),
                        pic: opt(pic),
                        due: opt(due),
                        item: None,
                        origin: None,
                    },
                }
            }
            FormKind::AddItem | FormKind::EditItem(_) => {
                let Ok(minutes) = v(1).parse::<u32>() else {
                    form.refuse(1, self.words().not_a_number);
                    return None;
                };
                match form.kind {
                    FormKind::EditItem(item) => Command::EditAgendaItem {
                        item,
                        title: Some(v(0)),
                        minutes: Some(minutes),
                        owner: Some(v(2)),
                        questions: None,
                    },
                    _ => Command::AddAgendaItem {
                        title: v(0),
                        minutes,
                        owner: opt(v(2)),
                        questions: vec![],
                        position: None,
                        origin: None,
                    },
                }
            }
            FormKind::AddParticipant => Command::AddParticipant {
                name: v(0),
                position: opt(v(1)),
                unit: opt(v(2)),
                code: None,
                nip: opt(v(3)),
                consent: form.field(4).choice == 1,
                present: true,
            },
            FormKind::EditParticipant(code) => Command::EditParticipant {
                participant: code,
                name: Some(v(0)),
                position: Some(v(1)),
                unit: Some(v(2)),
                nip: Some(v(3)),
                consent: Some(form.field(4).choice == 1),
            },
        };
        Some(cmd)
    }

    /// The participant code a participant field names (`Some(None)` when
    /// empty), or `None` with the field's reason set.
    #[allow(clippy::option_option)] // outer: refused or not; inner: named or empty
    fn participant_of(&self, form: &mut Form<FormKind>, i: usize) -> Option<Option<String>> {
        let typed = form.field(i).value().to_owned();
        if typed.is_empty() {
            return Some(None);
        }
        let s = self.session();
        if let Ok(p) = s.find_participant(&typed) {
            return Some(Some(p.code.clone()));
        }
        let matches = suggestions(s, &typed, 2);
        if let [one] = matches.as_slice() {
            return Some(Some(one.code.clone()));
        }
        let reason = match s.find_participant(&typed) {
            Err(e) => super::words::refusal(self.lang, &e),
            Ok(_) => String::new(),
        };
        form.refuse(i, reason);
        None
    }
}

fn mindset_fields(w: &Words, from: &str, to: &str, values: &str, participant: &str) -> Vec<Field> {
    vec![
        Field::text(w.field_from, from, true),
        Field::text(w.field_to, to, true),
        Field::text(w.field_values, values, false).hint(w.values_hint),
        Field::participant(w.field_participant, participant, false),
    ]
}

fn action_fields(w: &Words, what: &str, pic: &str, due: &str) -> Vec<Field> {
    vec![
        Field::text(w.field_what, what, true),
        Field::participant(w.field_pic, pic, true),
        Field::text(w.field_due, due, false).hint(w.due_hint),
    ]
}

fn item_fields(w: &Words, title: &str, minutes: &str, owner: &str) -> Vec<Field> {
    vec![
        Field::text(w.field_title, title, true),
        Field::text(w.field_minutes, minutes, true),
        Field::text(w.field_owner, owner, false),
    ]
}

fn participant_fields(w: &Words, p: Option<&crate::domain::Participant>) -> Vec<Field> {
    let get = |f: fn(&crate::domain::Participant) -> Option<&str>| p.and_then(f).unwrap_or("");
    vec![
        Field::text(w.field_name, p.map_or("", |p| p.name.as_str()), true),
        Field::text(w.field_position, get(|p| p.position.as_deref()), false),
        Field::text(w.field_unit, get(|p| p.unit.as_deref()), false),
        Field::text(w.field_nip, get(|p| p.nip.as_deref()), false),
        Field::choice(
            w.field_consent,
            vec![w.no, w.yes],
            usize::from(p.is_some_and(|p| p.consent)),
        ),
    ]
}

const NOTE_KINDS: [NoteKind; 4] = [
    NoteKind::Observation,
    NoteKind::Quote,
    NoteKind::Insight,
    NoteKind::Concern,
];

fn note_kind_at(i: usize) -> NoteKind {
    NOTE_KINDS[i.min(NOTE_KINDS.len() - 1)]
}

fn note_kind_index(k: NoteKind) -> usize {
    NOTE_KINDS.iter().position(|x| *x == k).unwrap_or(0)
}

/// BerAKHLAK values typed as a list: `adaptif, kolaboratif` or `Ad Ko`.
pub fn parse_values(text: &str) -> Result<Vec<CoreValue>, String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::parse::<CoreValue>)
        .collect()
}
