//! What each keymap [`Op`] does in the main view (no overlay open), by
//! family: looking around (every role), the rows of the focused panel, the
//! session and its agenda, the floor, the records. The one list of all ops
//! is [`App::act`]'s exhaustive match. Must not draw or know a form's
//! fields (`tui::forms`) or an overlay's keys (`tui::overlay`).

use chrono::{DateTime, Utc};

use super::app::{App, Panel, Role, Row};
use super::forms::{self, FormKind};
use super::keymap::Op;
use super::overlay::{Confirm, Overlay, PickFor, Picker};
use super::port::Port;
use crate::domain::{ActionStatus, Command, DomainError, Language, Status};

impl<P: Port> App<P> {
    /// What an op does in the main view.
    pub fn act(&mut self, op: Op, now: DateTime<Utc>) {
        let ended = self.session().status == Status::Ended;
        match op {
            Op::Help
            | Op::Quit
            | Op::Cancel
            | Op::NextPanel
            | Op::PrevPanel
            | Op::Up
            | Op::Down
            | Op::SwitchLanguage => self.look(op),
            _ if self.role == Role::Viewer => self.refuse(&DomainError::ReadOnly),
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
            Op::Open | Op::Add | Op::Remove | Op::MoveUp | Op::MoveDown => self.on_rows(op, now),
            Op::StartPause
            | Op::NextItem
            | Op::DeferItem
            | Op::StartItem
            | Op::SkipItem
            | Op::Participants
            | Op::SessionInfo
            | Op::Review
            | Op::Undo
            | Op::End => self.on_session(op, now),
            Op::NextQuestion | Op::CoverQuestion => self.on_guide(op, now),
            Op::RaiseHand | Op::CallNext | Op::CallSpeaker | Op::FinishSpeaker => {
                self.on_floor(op, now);
            }
            Op::NewMindset
            | Op::NewNote
            | Op::NewDecision
            | Op::NewConclusion
            | Op::NewAction
            | Op::ToggleDone
            | Op::DropAction
            | Op::ActionPlan => self.on_records(op, now),
            Op::ScoreSheet => self.open_score_sheet(),
        }
    }

    fn refuse(&mut self, e: &DomainError) {
        self.complain(crate::i18n::refusals::refusal(self.lang, e));
    }

    /// Ops every role has: help, quit, moving around, the language.
    fn look(&mut self, op: Op) {
        let live = matches!(self.session().status, Status::Live | Status::Paused);
        let n = Panel::ALL.len();
        let i = self.focus.index();
        match op {
            Op::Help => self.overlays.push(Overlay::Help(0)),
            Op::Quit if live && self.role != Role::Viewer => {
                self.overlays.push(Overlay::Confirm(Confirm::Quit));
            }
            Op::Quit => self.quit = true,
            Op::NextPanel => self.focus = Panel::ALL[(i + 1) % n],
            Op::PrevPanel => self.focus = Panel::ALL[(i + n - 1) % n],
            Op::Up => self.sel[i] = self.sel[i].saturating_sub(1),
            Op::Down => {
                let rows = self.rows(self.focus).len();
                self.sel[i] = (self.sel[i] + 1).min(rows.saturating_sub(1));
            }
            Op::SwitchLanguage => {
                self.lang = match self.lang {
                    Language::Id => Language::En,
                    Language::En => Language::Id,
                };
            }
            _ => {} // Cancel; other ops are routed elsewhere by `act`.
        }
    }

    /// Ops on the focused panel's rows: open, add, remove, move.
    fn on_rows(&mut self, op: Op, now: DateTime<Utc>) {
        match op {
            Op::Open => self.open_selected(now),
            Op::Add => match self.focus {
                Panel::Agenda => self.open_form(FormKind::AddItem),
                Panel::Queue => self.act(Op::RaiseHand, now),
                // An innovation lab's ideas stand where mindset shifts do.
                Panel::Mindsets if super::view::kinds::shows_ideas(self.session()) => {
                    self.open_form(FormKind::Idea);
                }
                Panel::Mindsets => self.open_form(FormKind::Mindset),
                Panel::Notes => self.open_form(FormKind::Note),
                Panel::Decisions => self.open_form(FormKind::Decision),
                Panel::Actions => self.open_form(FormKind::Action),
            },
            Op::Remove => self.ask_remove(),
            Op::MoveUp | Op::MoveDown => self.move_selected(op == Op::MoveUp, now),
            _ => {} // routed elsewhere by `act`
        }
    }

    /// Ops on the session and its agenda.
    fn on_session(&mut self, op: Op, now: DateTime<Utc>) {
        match op {
            Op::StartPause if self.session().status == Status::Planned && self.nobody_present() => {
                self.overlays.push(Overlay::Confirm(Confirm::StartEmpty));
            }
            Op::StartPause => {
                let cmd = match self.session().status {
                    Status::Planned => Command::Start,
                    Status::Live => Command::Pause,
                    Status::Paused | Status::Ended => Command::Resume,
                };
                self.request(cmd, now);
            }
            Op::NextItem => {
                self.request(Command::NextItem, now);
            }
            Op::DeferItem => {
                self.request(Command::DeferItem { item: None }, now);
            }
            Op::StartItem | Op::SkipItem => match self.selected_row(Panel::Agenda) {
                Some(Row::Item(item)) if self.focus == Panel::Agenda => {
                    if op == Op::StartItem {
                        self.start_item(item, now);
                    } else {
                        self.request(Command::SkipItem { item }, now);
                    }
                }
                _ => self.focus_hint(Panel::Agenda),
            },
            Op::Participants => self.overlays.push(Overlay::Participants(0)),
            Op::SessionInfo => self.open_form(FormKind::SessionInfo),
            Op::Review if self.session().carried_actions().next().is_none() => {
                self.complain(crate::i18n::series::words(self.words().lang).review_none);
            }
            Op::Review => self.overlays.push(Overlay::Review(0)),
            Op::Undo => {
                self.run(Command::Undo, now);
            }
            // Ended: the facilitator or the notetaker rewrites the minutes.
            Op::End if self.session().status == Status::Ended => {
                self.overlays.push(Overlay::Confirm(Confirm::Rewrite));
            }
            Op::End if self.role == Role::Facilitator => {
                self.overlays.push(Overlay::Confirm(Confirm::End));
            }
            Op::End => self.refuse(&DomainError::FacilitatorEnds),
            _ => {} // routed elsewhere by `act`
        }
    }

    /// A planned session has participants and none of them is marked
    /// present: `Space` asks before it starts.
    fn nobody_present(&self) -> bool {
        let mut people = self.session().participants().peekable();
        people.peek().is_some() && people.all(|p| !p.present)
    }

    /// Ops on the speaker queue and the floor.
    fn on_floor(&mut self, op: Op, now: DateTime<Utc>) {
        match op {
            Op::RaiseHand => self
                .overlays
                .push(Overlay::Picker(Picker::new(PickFor::RaiseHand))),
            Op::CallSpeaker => self
                .overlays
                .push(Overlay::Picker(Picker::new(PickFor::CallSpeaker))),
            Op::CallNext => {
                self.request(Command::CallNext, now);
            }
            Op::FinishSpeaker => {
                self.request(Command::FinishSpeaker, now);
            }
            _ => {} // routed elsewhere by `act`
        }
    }

    /// Ops that record: the entry forms and an action's status.
    fn on_records(&mut self, op: Op, now: DateTime<Utc>) {
        match op {
            Op::NewMindset => self.open_form(FormKind::Mindset),
            Op::NewNote => self.open_form(FormKind::Note),
            Op::NewDecision => self.open_form(FormKind::Decision),
            Op::NewConclusion => self.open_form(FormKind::Conclusion),
            Op::NewAction => self.open_form(FormKind::Action),
            Op::ActionPlan => match self.selected_row(Panel::Actions) {
                Some(Row::Action(id)) if self.focus == Panel::Actions => {
                    self.open_form(FormKind::ActionPlan(id));
                }
                _ => self.focus_hint(Panel::Actions),
            },
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
                    self.run(
                        Command::SetActionStatus {
                            action: id,
                            status,
                            note: None,
                            due: None,
                        },
                        now,
                    );
                }
                _ => self.focus_hint(Panel::Actions),
            },
            _ => {} // routed elsewhere by `act`
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
                    self.request(Command::CallSpeaker { participant: code }, now);
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
        let (label, cmd) = row.removal(self.session());
        let confirm = match row {
            Row::Entry(_) => Confirm::RemoveHand(label, Box::new(cmd)),
            _ => Confirm::Remove(label, Box::new(cmd)),
        };
        self.overlays.push(Overlay::Confirm(confirm));
    }

    /// `g` on an agenda item: while another item runs, starting this one
    /// finishes that one, so it asks first (saying which).
    fn start_item(&mut self, item: crate::domain::ItemId, now: DateTime<Utc>) {
        let cmd = Command::StartItem { item };
        match self.session().active_item() {
            Some(active) if active.id != item => {
                let title = active.title.clone();
                self.overlays
                    .push(Overlay::Confirm(Confirm::StartOther(title, Box::new(cmd))));
            }
            _ => {
                self.request(cmd, now);
            }
        }
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
        if matches!(row, Row::Item(_)) && self.crosses_active(i, to) {
            self.complain(self.words().stops_at_active);
            return;
        }
        let cmd = match row {
            Row::Item(item) => Command::MoveAgendaItem { item, to: to + 1 },
            Row::Entry(entry) => Command::MoveQueueEntry { entry, to: to + 1 },
            _ => return,
        };
        if self.run(cmd, now) {
            self.sel[self.focus.index()] = to;
        }
    }

    /// Whether moving the agenda row at `from` to `to` would move the
    /// running item or carry another across it (`K`/`J` stop there).
    fn crosses_active(&self, from: usize, to: usize) -> bool {
        let Some(active) = self
            .session()
            .agenda
            .iter()
            .position(|i| i.status == crate::domain::ItemStatus::Active)
        else {
            return false;
        };
        from == active || (from < active) != (to < active) || to == active
    }

    /// Where `+` on the agenda puts a new item (1-based): after the
    /// selected row, and never before the running item.
    pub(crate) fn insert_position(&self) -> Option<usize> {
        let agenda = &self.session().agenda;
        if agenda.is_empty() {
            return None;
        }
        let after_active = agenda
            .iter()
            .position(|i| i.status == crate::domain::ItemStatus::Active)
            .map_or(0, |a| a + 1);
        let after_selected = if self.focus == Panel::Agenda {
            self.selected(Panel::Agenda) + 1
        } else {
            after_active
        };
        Some(after_selected.max(after_active).min(agenda.len()) + 1)
    }

    /// Opens a form, filled in for edits (nothing opens when the record to
    /// edit is gone).
    pub fn open_form(&mut self, kind: FormKind) {
        if let Some(form) = forms::open(kind, self.session(), self.words()) {
            self.overlays.push(Overlay::Form(Box::new(form)));
        }
    }
}
