//! A form's typed text kept across a kill: after every key the open form's
//! fields (as `Field::state` gives them), which form it is and where the
//! cursor was go to the port ([`Port::keep_draft`]), and when the screen
//! opens again the same form comes back with them and a line that says so.
//! A form that was only opened, or has closed, keeps nothing. Must not know
//! a particular form's fields.

use serde::{Deserialize, Serialize};

use super::app::{App, Flash};
use super::form::{Field, Form};
use super::forms::{self, FormKind};
use super::overlay::Overlay;
use super::port::Port;

/// What was typed in a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Which form.
    pub kind: FormKind,
    /// Each field's state, in the form's order.
    pub fields: Vec<String>,
    /// The field with the cursor.
    pub focus: usize,
}

impl Draft {
    /// What was typed in `form`, if anything was.
    pub fn of(form: &Form<FormKind>) -> Option<Draft> {
        form.changed().then(|| Draft {
            kind: form.kind.clone(),
            fields: form.fields.iter().map(Field::state).collect(),
            focus: form.focus,
        })
    }

    /// The form opened anew over the session with what was typed; `None`
    /// when it no longer opens (its record went) or has other fields.
    pub fn form(&self, app: &App<impl Port>) -> Option<Form<FormKind>> {
        let mut form = forms::open(self.kind.clone(), app.session(), app.words())?;
        if form.fields.len() != self.fields.len() {
            return None;
        }
        for (field, state) in form.fields.iter_mut().zip(&self.fields) {
            field.set_state(state);
        }
        form.focus = self.focus.min(form.fields.len().saturating_sub(1));
        Some(form)
    }
}

impl<P: Port> App<P> {
    /// Hands the port what is typed in the open form (the topmost, under
    /// a question it may have asked), or that none is open.
    pub fn keep_draft(&mut self) {
        let draft = self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Form(f) => Some(Draft::of(f)),
            _ => None,
        });
        let bytes = draft.flatten().and_then(|d| serde_json::to_vec(&d).ok());
        self.port.keep_draft(bytes.as_deref());
    }

    /// Opens again the form this terminal had typed in when it stopped, if
    /// any, and says so.
    pub fn restore_draft(&mut self) {
        let Some(bytes) = self.port.draft() else {
            return;
        };
        let form = serde_json::from_slice::<Draft>(&bytes)
            .ok()
            .and_then(|d| d.form(self));
        if let Some(form) = form {
            self.overlays.push(Overlay::Form(Box::new(form)));
            self.flash = Some(Flash {
                text: self.words().draft_restored.to_owned(),
                error: false,
            });
        }
    }
}
