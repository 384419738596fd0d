//! Entry forms: fields in a fixed order, `Tab` / `Shift-Tab` between them
//! keeping what was typed, `Enter` submits, `Esc` cancels. Text fields take
//! every printable key. A refused value keeps the form open with the reason
//! next to its field.
//! Must not know what a form is for (`tui::forms`) or run anything.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::{Input, InputRequest};

use crate::domain::text::search_key;
use crate::domain::{Participant, Session, SpeakerRole};

/// What a field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text.
    Text,
    /// One of some options, changed with ←/→ or Space.
    Choice(Vec<&'static str>),
    /// A participant (code or name) with suggestions; `free` also allows any text (a PIC).
    Participant {
        /// Any text is allowed, not only participants.
        free: bool,
    },
    /// A due date, typed as text; the form shows the date it stands for.
    Due,
    /// Some of a list of options, each ticked or not: ←/→ move, `Space`
    /// ticks, a digit ticks that option at once.
    Checks {
        /// The options.
        options: Vec<&'static str>,
        /// Which are ticked.
        on: Vec<bool>,
        /// The option under the cursor.
        at: usize,
    },
}

/// One field.
#[derive(Debug, Clone)]
pub struct Field {
    /// Label.
    pub label: &'static str,
    /// Kind.
    pub kind: FieldKind,
    /// Text typed (text and participant fields).
    pub input: Input,
    /// Option chosen (choice fields).
    pub choice: usize,
    /// Must not be empty.
    pub required: bool,
    /// A hint shown when empty.
    pub hint: Option<&'static str>,
    /// Why the value was refused.
    pub error: Option<String>,
    /// Which suggestion ↑/↓ last filled in.
    pub suggestion: Option<usize>,
}

impl Field {
    /// A text field.
    pub fn text(label: &'static str, value: &str, required: bool) -> Field {
        Field {
            label,
            kind: FieldKind::Text,
            input: Input::new(value.to_owned()),
            choice: 0,
            required,
            hint: None,
            error: None,
            suggestion: None,
        }
    }

    /// A choice field.
    pub fn choice(label: &'static str, options: Vec<&'static str>, chosen: usize) -> Field {
        Field {
            kind: FieldKind::Choice(options),
            choice: chosen,
            ..Field::text(label, "", false)
        }
    }

    /// A checklist field, with the options ticked in `on`.
    pub fn checks(label: &'static str, options: Vec<&'static str>, on: Vec<bool>) -> Field {
        Field {
            kind: FieldKind::Checks { options, on, at: 0 },
            ..Field::text(label, "", false)
        }
    }

    /// What the field holds, as text (to tell whether it changed).
    pub fn state(&self) -> String {
        match &self.kind {
            FieldKind::Choice(_) => self.choice.to_string(),
            FieldKind::Checks { on, .. } => on.iter().map(|b| if *b { '1' } else { '0' }).collect(),
            _ => self.input.value().to_owned(),
        }
    }

    /// Puts back what [`Field::state`] gave (a draft brought back after a
    /// restart); a value the field cannot hold leaves it as it is.
    pub fn set_state(&mut self, state: &str) {
        match &mut self.kind {
            FieldKind::Choice(options) => {
                if let Some(i) = state.parse::<usize>().ok().filter(|i| *i < options.len()) {
                    self.choice = i;
                }
            }
            FieldKind::Checks { on, .. } => {
                if state.len() == on.len() {
                    for (tick, c) in on.iter_mut().zip(state.chars()) {
                        *tick = c == '1';
                    }
                }
            }
            _ => self.input = Input::new(state.to_owned()),
        }
    }

    /// A checklist's ticked options, by index.
    pub fn ticked(&self) -> Vec<usize> {
        match &self.kind {
            FieldKind::Checks { on, .. } => (0..on.len()).filter(|i| on[*i]).collect(),
            _ => Vec::new(),
        }
    }

    /// A due-date field (the form echoes the real date next to it).
    pub fn due(label: &'static str, value: &str) -> Field {
        Field {
            kind: FieldKind::Due,
            ..Field::text(label, value, false)
        }
    }

    /// A participant field.
    pub fn participant(label: &'static str, value: &str, free: bool) -> Field {
        Field {
            kind: FieldKind::Participant { free },
            ..Field::text(label, value, false)
        }
    }

    /// With a hint.
    #[must_use]
    pub fn hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    /// The text typed, trimmed.
    pub fn value(&self) -> &str {
        self.input.value().trim()
    }
}

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Still editing.
    Editing,
    /// `Enter`: check and submit.
    Submit,
    /// `Esc`: throw away.
    Cancel,
}

/// A form on screen.
#[derive(Debug, Clone)]
pub struct Form<K> {
    /// What it is for.
    pub kind: K,
    /// Title.
    pub title: String,
    /// Fields in order.
    pub fields: Vec<Field>,
    /// The field with the cursor.
    pub focus: usize,
    /// A reason not tied to one field.
    pub error: Option<String>,
    /// What the text fields held when the form opened (to tell whether
    /// `Esc` would throw typed text away).
    pub initial: Vec<String>,
}

impl<K> Form<K> {
    /// A form with the cursor in the first field.
    pub fn new(kind: K, title: impl Into<String>, fields: Vec<Field>) -> Form<K> {
        let initial = fields.iter().map(Field::state).collect();
        Form {
            kind,
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            initial,
        }
    }

    /// Whether some text was typed or changed since the form opened.
    pub fn changed(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, was)| f.state() != *was)
    }

    /// The field at `i`.
    pub fn field(&self, i: usize) -> &Field {
        &self.fields[i.min(self.fields.len().saturating_sub(1))]
    }

    /// Marks required fields left empty; true when none is.
    pub fn check_required(&mut self, required: &'static str) -> bool {
        let mut ok = true;
        for f in &mut self.fields {
            if f.required
                && matches!(
                    f.kind,
                    FieldKind::Text | FieldKind::Participant { .. } | FieldKind::Due
                )
                && f.value().is_empty()
            {
                f.error = Some(required.to_owned());
                ok = false;
            }
        }
        if !ok {
            self.focus = self
                .fields
                .iter()
                .position(|f| f.error.is_some())
                .unwrap_or(self.focus);
        }
        ok
    }

    /// Sets a field's error and moves the cursor there.
    pub fn refuse(&mut self, field: usize, reason: impl Into<String>) {
        if let Some(f) = self.fields.get_mut(field) {
            f.error = Some(reason.into());
            self.focus = field;
        }
    }

    /// Handles a key; `session` feeds participant suggestions.
    pub fn handle(&mut self, key: KeyEvent, session: &Session) -> Outcome {
        let n = self.fields.len();
        match key.code {
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Enter => {
                for f in &mut self.fields {
                    f.error = None;
                }
                self.error = None;
                return Outcome::Submit;
            }
            KeyCode::Tab => self.focus = (self.focus + 1) % n.max(1),
            KeyCode::BackTab => self.focus = (self.focus + n.max(1) - 1) % n.max(1),
            _ => {
                let Some(field) = self.fields.get_mut(self.focus) else {
                    return Outcome::Editing;
                };
                edit(field, key, session);
            }
        }
        Outcome::Editing
    }
}

/// A key on a checklist: ←/→ (↑/↓) move, `Space` ticks, a digit ticks
/// that option.
fn check(options: usize, on: &mut [bool], at: &mut usize, key: KeyEvent) {
    let n = options.max(1);
    match key.code {
        KeyCode::Left | KeyCode::Up => *at = (*at + n - 1) % n,
        KeyCode::Right | KeyCode::Down => *at = (*at + 1) % n,
        KeyCode::Char(' ') => {
            if let Some(b) = on.get_mut(*at) {
                *b = !*b;
            }
        }
        KeyCode::Char(c) => {
            let picked = c.to_digit(10).and_then(|d| usize::try_from(d).ok());
            if let Some(i) = picked
                .and_then(|d| d.checked_sub(1))
                .filter(|i| *i < options)
            {
                *at = i;
                on[i] = !on[i];
            }
        }
        _ => {}
    }
}

fn edit(field: &mut Field, key: KeyEvent, session: &Session) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if let FieldKind::Checks { options, on, at } = &mut field.kind {
        check(options.len(), on, at, key);
        return;
    }
    if let FieldKind::Choice(options) = &field.kind {
        let n = options.len().max(1);
        match key.code {
            KeyCode::Left | KeyCode::Up => field.choice = (field.choice + n - 1) % n,
            KeyCode::Right | KeyCode::Down | KeyCode::Char(' ') => {
                field.choice = (field.choice + 1) % n;
            }
            KeyCode::Char(c) => {
                let c = c.to_lowercase().next().unwrap_or(c);
                if let Some(i) = options.iter().position(|o| o.to_lowercase().starts_with(c)) {
                    field.choice = i;
                }
            }
            _ => {}
        }
        return;
    }
    if matches!(field.kind, FieldKind::Participant { .. })
        && matches!(key.code, KeyCode::Up | KeyCode::Down)
    {
        let free = matches!(field.kind, FieldKind::Participant { free: true });
        let matches = field_suggestions(session, field.value(), free, 50);
        if matches.is_empty() {
            return;
        }
        let next = match (field.suggestion, key.code) {
            (None, KeyCode::Down) => 0,
            (None, _) => matches.len() - 1,
            (Some(i), KeyCode::Down) => (i + 1) % matches.len(),
            (Some(i), _) => (i + matches.len() - 1) % matches.len(),
        };
        let code = matches[next].code.clone();
        field.input = Input::new(code);
        field.suggestion = Some(next);
        return;
    }
    let req = match key.code {
        KeyCode::Char('w') if ctrl => Some(InputRequest::DeletePrevWord),
        KeyCode::Char('u') if ctrl => Some(InputRequest::DeleteLine),
        KeyCode::Char(c) if !ctrl => Some(InputRequest::InsertChar(c)),
        KeyCode::Backspace => Some(InputRequest::DeletePrevChar),
        KeyCode::Delete => Some(InputRequest::DeleteNextChar),
        KeyCode::Left => Some(InputRequest::GoToPrevChar),
        KeyCode::Right => Some(InputRequest::GoToNextChar),
        KeyCode::Home => Some(InputRequest::GoToStart),
        KeyCode::End => Some(InputRequest::GoToEnd),
        _ => None,
    };
    if let Some(req) = req {
        field.input.handle(req);
        field.suggestion = None;
        field.error = None;
    }
}

/// Participants matching what was typed: a P-code or its number, or part of
/// a name, case- and diacritics-insensitive; codes that match exactly first,
/// then, as well as they match, those present before those absent.
pub fn suggestions<'a>(session: &'a Session, typed: &str, limit: usize) -> Vec<&'a Participant> {
    ranked(session, typed, limit, false)
}

/// Whether a participant has spoken (a finished turn, or the floor now).
pub fn has_spoken(session: &Session, code: &str) -> bool {
    session.talk.contains_key(code) || session.speaking.as_ref().is_some_and(|s| s.code == code)
}

/// [`suggestions`], with those who have not spoken yet before the others
/// when `quiet_first` (to draw them out).
fn ranked<'a>(
    session: &'a Session,
    typed: &str,
    limit: usize,
    quiet_first: bool,
) -> Vec<&'a Participant> {
    let q = search_key(typed.trim());
    let digits = q.strip_prefix('p').unwrap_or(&q);
    let by_number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    let mut out: Vec<(u8, &Participant)> = session
        .participants()
        .filter_map(|p| {
            let code = search_key(&p.code);
            let rank = if q.is_empty() {
                2
            } else if code == q || (by_number && code.strip_prefix('p') == Some(digits)) {
                0
            } else if by_number
                && code
                    .strip_prefix('p')
                    .is_some_and(|c| c.starts_with(digits))
            {
                1
            } else if search_key(&p.name)
                .split_whitespace()
                .any(|w| w.starts_with(&q))
            {
                2
            } else if search_key(&p.name).contains(&q)
                || search_key(p.unit.as_deref().unwrap_or("")).contains(&q)
            {
                3
            } else {
                return None;
            };
            Some((rank, p))
        })
        .collect();
    out.sort_by_key(|(rank, p)| {
        let spoken = quiet_first && has_spoken(session, &p.code);
        (*rank, !p.present, spoken)
    });
    out.into_iter().take(limit).map(|(_, p)| p).collect()
}

/// A speaker a picker or a speaker field offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Speaker code: `P3`, `N1`, `F`.
    pub code: String,
    /// Name.
    pub name: String,
    /// A participant's unit.
    pub unit: Option<String>,
    /// Role.
    pub role: SpeakerRole,
}

/// Speakers matching what was typed: the participants as [`suggestions`]
/// ranks them, then the resource persons and the chair (by code, or part of
/// their name); a guest's code typed in full first.
pub fn speaker_suggestions(session: &Session, typed: &str, limit: usize) -> Vec<Suggestion> {
    speakers(session, typed, limit, false)
}

/// [`speaker_suggestions`] with the participants who have not spoken yet
/// first (the `C` picker: to draw out those who haven't spoken).
pub fn quiet_first_suggestions(session: &Session, typed: &str, limit: usize) -> Vec<Suggestion> {
    speakers(session, typed, limit, true)
}

fn speakers(session: &Session, typed: &str, limit: usize, quiet_first: bool) -> Vec<Suggestion> {
    let q = search_key(typed.trim());
    let people = ranked(session, typed, limit, quiet_first)
        .into_iter()
        .map(|p| Suggestion {
            code: p.code.clone(),
            name: p.name.clone(),
            unit: p.unit.clone(),
            role: SpeakerRole::Participant,
        });
    let guests = session.guests().into_iter().filter(|g| {
        let (code, name) = (search_key(&g.code), search_key(g.name));
        session.participant(&g.code).is_none()
            && (q.is_empty() || code.starts_with(&q) || name.contains(&q))
    });
    let (exact, guests): (Vec<_>, Vec<_>) = guests
        .map(|g| Suggestion {
            code: g.code,
            name: g.name.to_owned(),
            unit: None,
            role: g.role,
        })
        .partition(|g| search_key(&g.code) == q);
    // A guest's code typed in full (`F`, `N2`) comes first.
    exact
        .into_iter()
        .chain(people)
        .chain(guests)
        .take(limit)
        .collect()
}

/// What a participant field suggests: participants only for a PIC (`free`),
/// every speaker otherwise.
pub fn field_suggestions(
    session: &Session,
    typed: &str,
    free: bool,
    limit: usize,
) -> Vec<Suggestion> {
    if free {
        suggestions(session, typed, limit)
            .into_iter()
            .map(|p| Suggestion {
                code: p.code.clone(),
                name: p.name.clone(),
                unit: p.unit.clone(),
                role: SpeakerRole::Participant,
            })
            .collect()
    } else {
        speaker_suggestions(session, typed, limit)
    }
}
