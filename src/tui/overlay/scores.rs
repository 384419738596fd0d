//! The score sheet (lembar nilai): one presenter at a time, the criteria
//! down and the jurors across, typed fast — digits into the cell, `Tab` /
//! `Shift-Tab` save it and move down a juror's column (then to the next
//! juror), `Enter` saves it, `PgUp` / `PgDn` change presenter, `A` asks
//! to announce the scores, `Esc` closes. Opens on the active slot's presenter. The only screen that shows
//! a score before the announcement; only the facilitator's and the
//! notetaker's terminals open it. Runs commands only through the
//! [`Outcome`].

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Confirm, Outcome, Overlay, boxed, centered};
use crate::domain::{Command, Session};
use crate::i18n::jury;
use crate::tui::app::{App, Role};
use crate::tui::port::Port;
use crate::tui::view::text::{fit, width};

/// Where the sheet stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    /// Which presenter (index into [`Session::presenters`]).
    pub presenter: usize,
    /// Which cell: juror-major (a juror's column, criteria down).
    pub cell: usize,
    /// Digits typed into the cell, not yet saved.
    pub typed: String,
}

impl Sheet {
    /// A sheet on the active slot's presenter, else the first.
    pub fn open(s: &Session) -> Sheet {
        let active = s.active_item().and_then(|i| i.presenter.as_deref());
        let presenter = active
            .and_then(|p| s.presenters().iter().position(|c| *c == p))
            .unwrap_or(0);
        Sheet {
            presenter,
            ..Sheet::default()
        }
    }

    /// The juror's and the criterion's index of the cell.
    fn at(&self, s: &Session) -> (usize, usize) {
        let n = s.info.jury.criteria.len().max(1);
        (self.cell / n, self.cell % n)
    }

    /// The command that saves the typed cell, if anything was typed.
    fn save(&mut self, s: &Session) -> Option<Command> {
        let typed = std::mem::take(&mut self.typed);
        let value = typed.parse::<u32>().ok()?;
        let presenter = s.presenters().get(self.presenter)?.to_string();
        let (j, c) = self.at(s);
        Some(Command::Score {
            juror: s.info.jury.jurors.get(j)?.code.clone(),
            presenter,
            criterion: (c + 1).to_string(),
            value,
        })
    }
}

/// What a key does on the score sheet.
pub fn key<P: Port>(sheet: &mut Sheet, app: &App<P>, ev: KeyEvent) -> Outcome {
    let s = app.session();
    let cells = s.info.jury.criteria.len() * s.info.jury.jurors.len();
    let presenters = s.presenters().len();
    let save_and = |sheet: &mut Sheet, next: usize| {
        let cmd = sheet.save(s);
        sheet.cell = next;
        cmd.map_or(Outcome::Stay, Outcome::RunKeep)
    };
    match ev.code {
        KeyCode::Esc => Outcome::Close,
        KeyCode::Char(c) if c.is_ascii_digit() && sheet.typed.len() < 4 => {
            sheet.typed.push(c);
            Outcome::Stay
        }
        KeyCode::Backspace => {
            sheet.typed.pop();
            Outcome::Stay
        }
        KeyCode::Tab | KeyCode::Down => save_and(sheet, (sheet.cell + 1) % cells.max(1)),
        KeyCode::BackTab | KeyCode::Up => {
            save_and(sheet, (sheet.cell + cells.max(1) - 1) % cells.max(1))
        }
        KeyCode::Enter => save_and(sheet, sheet.cell),
        KeyCode::PageDown | KeyCode::Right if presenters > 0 => {
            sheet.typed.clear();
            sheet.presenter = (sheet.presenter + 1) % presenters;
            Outcome::Stay
        }
        KeyCode::PageUp | KeyCode::Left if presenters > 0 => {
            sheet.typed.clear();
            sheet.presenter = (sheet.presenter + presenters - 1) % presenters;
            Outcome::Stay
        }
        KeyCode::Char('?') => Outcome::Open(Overlay::Help(0)),
        KeyCode::Char('A') if s.scores_announced() => {
            Outcome::Refuse(jury::words(app.lang).already_announced)
        }
        KeyCode::Char('A') => Outcome::Open(Overlay::Confirm(Confirm::Announce)),
        _ => Outcome::Stay,
    }
}

/// The grid of one presenter: criteria down, jurors across, the cell being
/// typed marked.
pub fn draw<P: Port>(app: &App<P>, sheet: &Sheet, frame: &mut Frame<'_>) {
    let w = jury::words(app.lang);
    let t = &app.theme;
    let s = app.session();
    let area = frame.area();
    let rows = u16::try_from(s.info.jury.criteria.len()).unwrap_or(u16::MAX);
    let rect = centered(
        area,
        area.width.saturating_sub(4).min(100),
        rows.saturating_add(8).min(area.height.saturating_sub(2)),
    );
    let presenters = s.presenters();
    let who = presenters.get(sheet.presenter).map_or(String::new(), |p| {
        format!(
            "{p} {} ({}/{})",
            s.name_of(p),
            sheet.presenter + 1,
            presenters.len()
        )
    });
    let inner = boxed(frame, rect, &format!("{} — {who}", w.sheet_title), t);
    let cols = inner.width as usize;
    let jury = &s.info.jury;
    let mut lines = vec![];
    if !jury.is_active() || presenters.is_empty() {
        lines.push(Line::raw(fit(w.sheet_empty, cols)));
        frame.render_widget(Paragraph::new(lines), inner);
        return;
    }
    let cell_w = 7;
    let name_w = cols.saturating_sub(cell_w * jury.jurors.len() + 1).max(8);
    let mut head = String::new();
    for j in &jury.jurors {
        let _ = write!(head, "{:>cell_w$}", fit(&j.code, cell_w - 1));
    }
    lines.push(Line::styled(
        format!("{:name_w$}{head}", fit(w.criterion, name_w)),
        t.title,
    ));
    let (cj, cc) = sheet.at(s);
    let presenter = presenters[sheet.presenter];
    for (c, crit) in jury.criteria.iter().enumerate() {
        let label = fit(
            &format!("{}. {} ({}·{})", c + 1, crit.name, crit.weight, crit.max),
            name_w - 1,
        );
        let pad = " ".repeat(name_w.saturating_sub(width(&label)));
        let mut spans = vec![Span::raw(format!("{label}{pad}"))];
        for (j, juror) in jury.jurors.iter().enumerate() {
            let here = (j, c) == (cj, cc);
            let crit_no = u32::try_from(c + 1).unwrap_or(u32::MAX);
            let stored = s.score_of(&juror.code, presenter, crit_no);
            let text = if here && !sheet.typed.is_empty() {
                format!("{}_", sheet.typed)
            } else {
                stored.map_or("·".into(), |v| v.to_string())
            };
            let style = if here { t.selected } else { t.base };
            spans.push(Span::styled(format!("{text:>cell_w$}"), style));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    let filled = s
        .scores
        .cells
        .iter()
        .filter(|c| c.presenter == presenter)
        .count();
    let all = jury.criteria.len() * jury.jurors.len();
    lines.push(Line::raw(fit(&w.scores_state_of(filled, all), cols)));
    if !s.scores_announced() {
        lines.push(Line::styled(fit(w.sheet_hidden, cols), t.dim));
    }
    lines.push(Line::styled(fit(w.sheet_hint, cols), t.key));
    frame.render_widget(Paragraph::new(lines), inner);
}

impl<P: Port> App<P> {
    /// Opens the score sheet of a jury session (not on a viewer's terminal).
    pub(crate) fn open_score_sheet(&mut self) {
        let s = self.session();
        if !s.is_jury() {
            self.complain(jury::words(self.lang).sheet_empty);
        } else if self.role != Role::Viewer {
            let sheet = Sheet::open(s);
            self.overlays.push(Overlay::Scores(Box::new(sheet)));
        }
    }
}
