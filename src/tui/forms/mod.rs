//! The entry forms of the live view, one file per form: each declares its
//! fields by name, fills them from its record for an edit and turns them
//! into a domain `Command`. This module owns the list of forms
//! ([`FormKind`]) and dispatches to them; the form widget (keys, fields) is
//! `tui::form`, running the command and drawing are `tui::overlay::form`.
//! Nothing here runs a command or touches the port.

pub mod action;
pub mod action_plan;
pub mod conclusion;
pub mod decision;
pub mod idea;
pub mod item;
pub mod mindset;
pub mod note;
pub mod participant;
pub mod review;
pub mod session;

use chrono::{DateTime, Utc};

use super::app::Panel;
use super::form::{Field, Form, speaker_suggestions};
use crate::domain::{ActionId, Command, ItemId, Language, MindsetId, NoteId, Session};
use crate::i18n::screen::Words;

pub use mindset::parse_values;

/// What a form is for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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
    /// Correct the session's header.
    SessionInfo,
    /// A carried action is in progress: its note.
    ReviewProgress(ActionId),
    /// A carried action is extended: its new due date and note.
    ReviewExtend(ActionId),
    /// New innovation idea.
    Idea,
    /// An action's rencana aksi.
    ActionPlan(ActionId),
}

/// A form's title and fields, in the order of its field names.
pub type Filled = (String, Vec<Field>);

/// What turning a form into a command reads: the session, the screen's
/// language and the time of the key.
pub struct Cx<'a> {
    /// The session.
    pub session: &'a Session,
    /// The screen's language (for the reasons shown on refused fields).
    pub lang: Language,
    /// Now (relative due dates count from it).
    pub now: DateTime<Utc>,
}

/// A form of `kind`, empty for a new record and filled from the record for
/// an edit; `None` when the record to edit is not there.
pub fn open(kind: FormKind, s: &Session, w: &Words) -> Option<Form<FormKind>> {
    let (title, fields) = match &kind {
        FormKind::Mindset => mindset::new(w),
        FormKind::EditMindset(id) => mindset::edit(w, s, *id)?,
        FormKind::Note => note::new(w),
        FormKind::EditNote(id) => note::edit(w, s, *id)?,
        FormKind::Decision => decision::new(w),
        FormKind::EditDecision(id) => decision::edit(w, s, *id)?,
        FormKind::Conclusion => conclusion::new(w),
        FormKind::EditConclusion(id) => conclusion::edit(w, s, *id)?,
        FormKind::Action => action::new(w),
        FormKind::EditAction(id) => action::edit(w, s, *id)?,
        FormKind::AddItem => item::new(w),
        FormKind::EditItem(id) => item::edit(w, s, *id)?,
        FormKind::AddParticipant => participant::new(w),
        FormKind::EditParticipant(code) => participant::edit(w, s, code)?,
        FormKind::SessionInfo => session::open(w, s),
        FormKind::ReviewProgress(id) => review::progress(w, s, *id)?,
        FormKind::ReviewExtend(id) => review::extend(w, s, *id)?,
        FormKind::Idea => idea::new(w),
        FormKind::ActionPlan(id) => action_plan::open(w, s, *id)?,
    };
    Some(Form::new(kind, title, fields))
}

/// The command a form stands for, or `None` with the reasons set on its
/// fields.
pub fn command(form: &mut Form<FormKind>, cx: &Cx<'_>) -> Option<Command> {
    match form.kind.clone() {
        FormKind::Mindset => mindset::command(form, cx, None),
        FormKind::EditMindset(id) => mindset::command(form, cx, Some(id)),
        FormKind::Note => note::add(form, cx),
        FormKind::EditNote(id) => note::change(form, cx, id),
        FormKind::Decision => decision::command(form, cx, None),
        FormKind::EditDecision(id) => decision::command(form, cx, Some(id)),
        FormKind::Conclusion => Some(conclusion::command(form, None)),
        FormKind::EditConclusion(id) => Some(conclusion::command(form, Some(id))),
        FormKind::Action => action::command(form, cx, None),
        FormKind::EditAction(id) => action::command(form, cx, Some(id)),
        FormKind::AddItem => item::command(form, cx, None),
        FormKind::EditItem(id) => item::command(form, cx, Some(id)),
        FormKind::AddParticipant => Some(participant::add(form)),
        FormKind::EditParticipant(code) => Some(participant::change(form, code)),
        FormKind::SessionInfo => session::command(form, cx),
        FormKind::ReviewProgress(id) => review::command(form, cx, id, false),
        FormKind::ReviewExtend(id) => review::command(form, cx, id, true),
        FormKind::Idea => Some(idea::command(form, cx.session)),
        FormKind::ActionPlan(id) => action_plan::command(form, cx, id),
    }
}

/// The panel a new record of this form lands in (scrolled to it after
/// saving); `None` for edits and participants.
pub fn lands_in(kind: &FormKind) -> Option<Panel> {
    match kind {
        FormKind::Mindset | FormKind::Idea => Some(Panel::Mindsets),
        FormKind::Note => Some(Panel::Notes),
        FormKind::Decision | FormKind::Conclusion => Some(Panel::Decisions),
        FormKind::Action => Some(Panel::Actions),
        FormKind::AddItem => Some(Panel::Agenda),
        FormKind::EditItem(_)
        | FormKind::EditMindset(_)
        | FormKind::EditNote(_)
        | FormKind::EditDecision(_)
        | FormKind::EditConclusion(_)
        | FormKind::EditAction(_)
        | FormKind::AddParticipant
        | FormKind::EditParticipant(_)
        | FormKind::SessionInfo
        | FormKind::ReviewProgress(_)
        | FormKind::ReviewExtend(_)
        | FormKind::ActionPlan(_) => None,
    }
}

/// The text typed in field `i`, trimmed.
fn text(form: &Form<FormKind>, i: usize) -> String {
    form.field(i).value().to_owned()
}

/// `Some(text)` unless it is empty.
fn given(text: String) -> Option<String> {
    Some(text).filter(|t| !t.is_empty())
}

/// The participant code a participant field names (`Some(None)` when
/// empty), or `None` with the field's reason set.
#[allow(clippy::option_option)] // outer: refused or not; inner: named or empty
fn participant_of(form: &mut Form<FormKind>, i: usize, cx: &Cx<'_>) -> Option<Option<String>> {
    let typed = text(form, i);
    if typed.is_empty() {
        return Some(None);
    }
    let s = cx.session;
    let typed = p_code(&typed);
    if let Ok(code) = s.find_speaker(&typed) {
        return Some(Some(code));
    }
    // `Enter` takes the highlighted (first) suggestion, as the field shows it.
    if let Some(first) = speaker_suggestions(s, &typed, 1).first() {
        return Some(Some(first.code.clone()));
    }
    let reason = match s.find_speaker(&typed) {
        Err(e) => crate::i18n::refusals::refusal(cx.lang, &e),
        Ok(_) => String::new(),
    };
    form.refuse(i, reason);
    None
}

/// A bare number typed in a participant field is a P-code: `6` → `P6`.
pub(crate) fn p_code(typed: &str) -> String {
    if !typed.is_empty() && typed.bytes().all(|b| b.is_ascii_digit()) {
        format!("P{typed}")
    } else {
        typed.to_owned()
    }
}
