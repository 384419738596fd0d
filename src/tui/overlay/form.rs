//! An entry form on screen: its keys (through `tui::form`) and its drawing —
//! labels, values (a long text shows its last six lines), suggestions for a
//! participant field, the reasons for refused fields. What the fields mean
//! is in `tui::forms`; running the command is the app's.
//! Must not know a particular form's fields.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Position;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Confirm, Outcome, Overlay, boxed, centered};
use crate::domain::Command;
use crate::tui::app::App;
use crate::tui::form::{self, Field, FieldKind, Form, field_suggestions};
use crate::tui::forms::{self, Cx, FormKind};
use crate::tui::port::Port;
use crate::tui::theme::Theme;
use crate::tui::view::text::{fit, speaker_label, spread, width, wrap};

/// Keys edit the form; `Enter` submits, `Esc` throws it away (asking
/// first when something was typed).
pub fn key<P: Port>(f: &mut Form<FormKind>, app: &App<P>, ev: KeyEvent) -> Outcome {
    match f.handle(ev, app.session()) {
        form::Outcome::Editing => Outcome::Stay,
        form::Outcome::Cancel if f.changed() => Outcome::Open(Overlay::Confirm(Confirm::Discard)),
        form::Outcome::Cancel => Outcome::Close,
        form::Outcome::Submit => Outcome::Submit,
    }
}

/// Column widths of a form `bw` wide.
struct Widths {
    label: usize,
    text: usize,
}

/// The form, scrolled so its end shows, with the cursor in its field.
#[allow(clippy::cast_possible_truncation)] // line counts and widths fit the screen
pub fn draw<P: Port>(app: &App<P>, f: &Form<FormKind>, now: DateTime<Utc>, frame: &mut Frame<'_>) {
    let w = app.words();
    let t = &app.theme;
    let area = frame.area();
    let bw = area.width.saturating_sub(4).min(100);
    let label = f.fields.iter().map(|x| width(x.label)).max().unwrap_or(8) + 2;
    let widths = Widths {
        label,
        text: (bw as usize).saturating_sub(label + 3).max(10),
    };
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    for (i, field) in f.fields.iter().enumerate() {
        let focused = i == f.focus;
        if let Some(at) = field_lines(app, field, focused, &widths, &mut lines) {
            cursor = Some(at);
        }
        if field.kind == FieldKind::Due {
            due_line(app, field, now, &widths, &mut lines);
        }
    }
    if let Some(e) = &f.error {
        lines.push(Line::raw(""));
        for l in wrap(&format!("⚠ {e}"), bw.saturating_sub(2) as usize) {
            lines.push(Line::styled(l, t.error));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(w.form_hint, t.key));
    let rect = centered(area, bw, lines.len() as u16 + 2);
    let inner = boxed(frame, rect, &f.title, t);
    let overflow = lines.len().saturating_sub(inner.height as usize);
    frame.render_widget(Paragraph::new(lines).scroll((overflow as u16, 0)), inner);
    if let Some((x, y)) = cursor
        && y >= overflow
    {
        let pos = Position::new(inner.x + x as u16, inner.y + (y - overflow) as u16);
        if inner.contains(pos) {
            frame.set_cursor_position(pos);
        }
    }
}

/// Appends one field's lines; returns where the cursor goes when the field
/// is focused and takes text.
fn field_lines<P: Port>(
    app: &App<P>,
    field: &Field,
    focused: bool,
    wd: &Widths,
    lines: &mut Vec<Line<'static>>,
) -> Option<(usize, usize)> {
    let t = &app.theme;
    let label_style = if focused { t.focus } else { t.title };
    let label = format!("{}{}", field.label, if field.required { "*" } else { "" });
    let value_lines = values(field, focused, wd.text);
    // Show at most 6 lines of a long text, ending at the cursor's line.
    let shown_from = value_lines.len().saturating_sub(6);
    let listed = matches!(field.kind, FieldKind::Choice(_) | FieldKind::Checks { .. });
    let style = if field.input.value().is_empty() && !listed {
        t.dim
    } else {
        t.base
    };
    for (k, v) in value_lines.iter().enumerate().skip(shown_from) {
        let lab = if k == shown_from {
            spread(&label, "", wd.label)
        } else {
            " ".repeat(wd.label)
        };
        lines.push(Line::from(vec![
            Span::styled(lab, label_style),
            Span::raw(" "),
            Span::styled(v.clone(), style),
        ]));
    }
    let cursor = (focused && !listed).then(|| {
        let last = value_lines.last().map_or(0, |l| width(l));
        (wd.label + 1 + last, lines.len().saturating_sub(1))
    });
    if let FieldKind::Participant { .. } = field.kind
        && focused
    {
        suggestion_line(app, field, wd, lines);
    }
    if let Some(e) = &field.error {
        for l in wrap(&format!("⚠ {e}"), wd.text) {
            lines.push(Line::styled(
                format!("{}{l}", " ".repeat(wd.label + 1)),
                t.error,
            ));
        }
    }
    cursor
}

/// A field's value as lines: a choice's options with the chosen one in
/// brackets, a text wrapped, an empty unfocused text its hint.
fn values(field: &Field, focused: bool, text_w: usize) -> Vec<String> {
    if let FieldKind::Choice(options) = &field.kind {
        let shown: Vec<String> = options
            .iter()
            .enumerate()
            .map(|(k, o)| {
                if k == field.choice {
                    format!("[{o}]")
                } else {
                    (*o).to_owned()
                }
            })
            .collect();
        let mut out = vec![format!("← {} →", shown.join(" "))];
        // A choice's hint says what the choice means, under it.
        out.extend(field.hint.map(|h| wrap(h, text_w)).unwrap_or_default());
        return out;
    }
    if let FieldKind::Checks { options, on, at } = &field.kind {
        let shown: Vec<String> = options
            .iter()
            .enumerate()
            .map(|(k, o)| {
                let tick = if on[k] { "☑" } else { "☐" };
                let cursor = if focused && k == *at { "›" } else { "" };
                format!("{cursor}{tick} {} {o}", k + 1)
            })
            .collect();
        // Wrapped between options, never inside one.
        let mut out: Vec<String> = vec![String::new()];
        for item in shown {
            let last = out.last_mut().map_or(0, |l| width(l));
            if last > 0 && last + 2 + width(&item) > text_w {
                out.push(String::new());
            }
            if let Some(line) = out.last_mut() {
                if !line.is_empty() {
                    line.push_str("  ");
                }
                line.push_str(&fit(&item, text_w));
            }
        }
        if focused {
            out.extend(field.hint.map(|h| wrap(h, text_w)).unwrap_or_default());
        }
        return out;
    }
    let v = field.input.value();
    if v.is_empty() && !focused {
        vec![field.hint.unwrap_or("").to_owned()]
    } else {
        wrap(v, text_w)
    }
}

/// The date a due field's text stands for, under it ("→ Kamis, 31
/// Desember 2026"), or, while it is empty, an example a week from today.
fn due_line<P: Port>(
    app: &App<P>,
    field: &Field,
    now: DateTime<Utc>,
    wd: &Widths,
    lines: &mut Vec<Line<'static>>,
) {
    let s = app.session();
    let today = s.info.zone.date_of(now);
    let typed = field.value();
    let text = if typed.is_empty() {
        let Ok(week) = crate::domain::parse_due("+7h", today) else {
            return;
        };
        let example = crate::i18n::date_long(week, app.lang);
        crate::i18n::fill(app.words().due_example, &[&example])
    } else {
        match crate::domain::parse_due(typed, today) {
            Ok(day) => format!("→ {}", crate::i18n::date_long(day, app.lang)),
            Err(_) => return,
        }
    };
    lines.push(Line::styled(
        format!("{}{}", " ".repeat(wd.label + 1), fit(&text, wd.text)),
        app.theme.dim,
    ));
}

/// The participants a participant field's text suggests, under it.
fn suggestion_line<P: Port>(
    app: &App<P>,
    field: &Field,
    wd: &Widths,
    lines: &mut Vec<Line<'static>>,
) {
    let t: &Theme = &app.theme;
    let free = matches!(field.kind, FieldKind::Participant { free: true });
    let s = field_suggestions(app.session(), field.value(), free, 5);
    if s.is_empty() {
        return;
    }
    let w = app.words();
    let names: Vec<String> = s
        .iter()
        .map(|p| {
            format!(
                "{} {}",
                p.code,
                speaker_label(w, app.session(), &p.code, 32)
            )
        })
        .collect();
    // Without a pick by ↑↓, `Enter` takes the first: it is highlighted.
    let room = wd.text.saturating_sub(3);
    let first = fit(&names[0], room);
    let rest = if names.len() > 1 {
        fit(
            &format!(" · {}", names[1..].join(" · ")),
            room.saturating_sub(width(&first)),
        )
    } else {
        String::new()
    };
    // A PIC takes a suggestion only when it is the one left (else it is
    // kept as typed), so only then is it highlighted.
    let taken = !free || names.len() == 1;
    let first_style = if taken && field.suggestion.is_none() && field.value() != s[0].code {
        t.selected
    } else {
        t.dim
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{}↑↓ ", " ".repeat(wd.label + 1)), t.dim),
        Span::styled(first, first_style),
        Span::styled(rest, t.dim),
    ]));
}

impl<P: Port> App<P> {
    /// Checks a submitted form, runs its command, and keeps it open with the
    /// reasons if anything is refused.
    pub(crate) fn submit(&mut self, mut form: Box<Form<FormKind>>, now: DateTime<Utc>) {
        let w = self.words();
        if !form.check_required(w.required) {
            self.overlays.push(Overlay::Form(form));
            return;
        }
        let cx = Cx {
            session: self.session(),
            lang: self.lang,
            now,
        };
        let Some(mut cmd) = forms::command(&mut form, &cx) else {
            self.overlays.push(Overlay::Form(form));
            return;
        };
        // A new agenda item goes after the selected row, never before the
        // running item (not at the end, after the closing).
        let mut inserted = None;
        if let Command::AddAgendaItem { position, .. } = &mut cmd
            && position.is_none()
        {
            *position = self.insert_position();
            inserted = *position;
        }
        match self.port.execute(cmd, now) {
            Ok(_) => {
                self.saved(&form.kind);
                if let Some(at) = inserted {
                    self.sel[crate::tui::app::Panel::Agenda.index()] = at - 1;
                }
            }
            Err(refusal) => {
                form.error = Some(self.refusal_text(&refusal));
                self.overlays.push(Overlay::Form(form));
            }
        }
    }

    /// Says a form's record was saved and brings it into view.
    fn saved(&mut self, kind: &FormKind) {
        let w = self.words();
        self.say(w.saved);
        let hidden_here = !self.role.sees_private()
            && *kind == FormKind::Note
            && self.session().notes.last().is_some_and(|n| n.private);
        if hidden_here {
            self.say(format!("{} — {}", w.saved, w.saved_private));
        }
        if let Some(n) = self.port.take_notice() {
            self.complain(crate::i18n::outcome::notice(self.lang, &n));
        }
        if *kind == FormKind::AddParticipant {
            // The walk-in scrolls into view on the participants screen.
            let last = self.session().participants().count().saturating_sub(1);
            if let Some(Overlay::Participants(sel)) = self.overlays.last_mut() {
                *sel = last;
            }
        }
        if let Some(p) = forms::lands_in(kind) {
            // The row just added: a decision sits before the conclusions.
            self.sel[p.index()] = if *kind == FormKind::Decision {
                self.session().decisions().count().saturating_sub(1)
            } else {
                self.rows(p).len().saturating_sub(1)
            };
        }
        self.clamp_selection();
    }
}
