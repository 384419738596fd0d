//! The key help (`?`): every op of the keymap with its keys and words,
//! grouped, in one column, two columns or pages as the screen allows, with
//! notes on picking and forms. ↑/↓/PgUp/PgDn turn its pages; any other key
//! closes it. The rows come from the keymap, the words from `i18n::keys`.
//! Must not run commands or hold words itself.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Outcome, boxed, centered};
use crate::domain::Status;
use crate::i18n::keys;
use crate::i18n::screen::{Words, fill};
use crate::tui::app::App;
use crate::tui::keymap::{Group, Key, Op};
use crate::tui::port::Port;
use crate::tui::theme::Theme;
use crate::tui::view::text::{fit, width, wrap};

/// A help row: group, keys, words.
type Row = (Group, String, &'static str);
/// Lines that stay together (a binding with its heading, a note).
type Block = Vec<Line<'static>>;

/// Turns the page on ↑/↓ (or the ops bound to them); any other key closes.
pub fn key<P: Port>(page: &mut i32, app: &App<P>, ev: KeyEvent) -> Outcome {
    let turn = match (ev.code, app.keymap.op(Key::of(ev))) {
        (KeyCode::Up | KeyCode::PageUp, _) | (_, Some(Op::Up)) => -1,
        (KeyCode::Down | KeyCode::PageDown, _) | (_, Some(Op::Down)) => 1,
        _ => return Outcome::Close,
    };
    *page = page.wrapping_add(turn);
    Outcome::Stay
}

/// What the help shows and how: rows, the widest keys, words and styles.
struct Help<'a> {
    rows: Vec<Row>,
    key_w: usize,
    w: &'a Words,
    t: &'a Theme,
}

impl Help<'_> {
    /// The bindings in `cols` columns, grouped under their headings: a
    /// block per binding, the heading in the block of the group's first
    /// binding. A text too long for its line is cut, or wrapped when `whole`.
    fn bindings(&self, cols: usize, whole: bool) -> Vec<Block> {
        let (w, t) = (self.w, self.t);
        let mut blocks: Vec<Block> = Vec::new();
        for (group, name) in [
            (Group::General, w.group_general),
            (Group::Session, w.group_session),
            (Group::Speakers, w.group_speakers),
            (Group::Record, w.group_record),
        ] {
            let mut heading = Some(Line::styled(name, t.title));
            for (_, keys, text) in self.rows.iter().filter(|(g, _, _)| *g == group) {
                let mut block: Block = heading.take().into_iter().collect();
                block.extend(self.binding(keys, text, cols, whole));
                blocks.push(block);
            }
        }
        blocks
    }

    /// One binding's lines: its keys padded to the widest, then its text.
    fn binding(&self, keys: &str, text: &str, cols: usize, whole: bool) -> Vec<Line<'static>> {
        let keys = if keys.is_empty() { "—" } else { keys };
        let pad = self.key_w.saturating_sub(width(keys));
        let text_w = cols.saturating_sub(self.key_w + 5);
        let texts = if whole {
            wrap(text, text_w)
        } else {
            vec![fit(text, text_w)]
        };
        texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let keys = if i == 0 {
                    format!("  {keys}{}  ", " ".repeat(pad))
                } else {
                    " ".repeat(self.key_w + 4)
                };
                Line::from(vec![Span::styled(keys, self.t.key), Span::raw(text)])
            })
            .collect()
    }
}

fn flat(blocks: Vec<Block>) -> Vec<Line<'static>> {
    blocks.into_iter().flatten().collect()
}

/// The help at `page` (used only when it needs pages).
#[allow(clippy::cast_possible_truncation)] // line counts fit the screen
pub fn draw<P: Port>(app: &App<P>, page: i32, frame: &mut Frame<'_>) {
    let w = app.words();
    let t = &app.theme;
    let area = frame.area();
    // Only what this terminal's role can do; after the end `End` rewrites
    // the minutes.
    let ended = app.session().status == Status::Ended;
    let mut rows = app
        .keymap
        .help_where(app.lang, |op| app.role.can_when(op, ended), &app.asks);
    if ended {
        let end = keys::help(Op::End, app.lang);
        for row in rows.iter_mut().filter(|r| r.2 == end) {
            row.2 = keys::help_rewrite(app.lang);
        }
    }
    let bw = area.width.saturating_sub(2).min(110);
    let notes = [w.help_raise, w.help_forms, w.help_close];
    // As tall as one column needs, else the whole height (for two columns
    // or pages).
    let one_column = rows.len()
        + 4
        + notes
            .iter()
            .map(|x| wrap(x, bw.saturating_sub(2) as usize).len())
            .sum::<usize>();
    let bh = u16::try_from(one_column + 2)
        .unwrap_or(u16::MAX)
        .min(area.height);
    let inner = boxed(frame, centered(area, bw, bh), w.help_title, t);
    let key_w = rows
        .iter()
        .map(|(_, k, _)| width(k))
        .max()
        .unwrap_or(4)
        .min(18);
    let help = Help { rows, key_w, w, t };
    let extras: Vec<Block> = notes
        .iter()
        .map(|extra| {
            wrap(extra, inner.width as usize)
                .into_iter()
                .map(|l| Line::styled(l, t.dim))
                .collect()
        })
        .collect();
    let h = inner.height as usize;
    let lines = flat(help.bindings(inner.width as usize, true));
    let extra_rows: usize = extras.iter().map(Vec::len).sum();
    let notes_rows: usize = extras[..2].iter().map(Vec::len).sum();
    // One column, else two (80×24 shows every binding this way) when they
    // hold every binding, whole, and the notes on picking and forms, else
    // pages. A text is wrapped, never cut.
    if lines.len() + extra_rows <= h {
        let used = lines.len();
        with_notes(lines, used, extras, inner, frame);
        return;
    }
    let (left, right) = split(help.bindings((inner.width / 2) as usize, true));
    let tall = left.len().max(right.len());
    if inner.width >= 60 && tall + notes_rows <= h {
        two_columns(left, right, inner, frame);
        with_notes(Vec::new(), tall, extras, inner, frame);
    } else {
        let blocks = help.bindings(inner.width as usize, true);
        pages(blocks, &extras[..2], page, &help, inner, frame);
    }
}

/// Blocks in two columns of about the same height, a block never split.
fn split(blocks: Vec<Block>) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let total: usize = blocks.iter().map(Vec::len).sum();
    let half = total.div_ceil(2);
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for block in blocks {
        if left.len() < half && right.is_empty() {
            left.extend(block);
        } else {
            right.extend(block);
        }
    }
    (left, right)
}

/// The bindings in two columns.
#[allow(clippy::cast_possible_truncation)] // line counts fit the screen
fn two_columns(
    left: Vec<Line<'static>>,
    right: Vec<Line<'static>>,
    inner: Rect,
    frame: &mut Frame<'_>,
) {
    let half_w = inner.width / 2;
    let cols = Rect {
        width: half_w,
        height: (left.len().max(right.len()) as u16).min(inner.height),
        ..inner
    };
    frame.render_widget(Paragraph::new(left), cols);
    frame.render_widget(
        Paragraph::new(right),
        Rect {
            x: inner.x + half_w,
            ..cols
        },
    );
}

/// `lines` (the bindings in one column, or none when they are drawn in two
/// already, `used` lines high) with the notes below as far as they fit
/// whole.
#[allow(clippy::cast_possible_truncation)] // line counts fit the screen
fn with_notes(
    mut lines: Vec<Line<'static>>,
    mut used: usize,
    extras: Vec<Block>,
    inner: Rect,
    frame: &mut Frame<'_>,
) {
    let h = inner.height as usize;
    for extra in extras {
        if used + extra.len() <= h {
            used += extra.len();
            lines.extend(extra);
        }
    }
    let top = (inner.height as usize).min(used.saturating_sub(lines.len())) as u16;
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y: inner.y + top,
            height: inner.height - top,
            ..inner
        },
    );
}

/// The help on pages of the inner height less a line for the page number
/// and the keys that turn it. A block (a binding, with its group's heading
/// when it is the first; a note) is not split across pages unless it is
/// taller than a page.
fn pages(
    bindings: Vec<Block>,
    notes: &[Block],
    page: i32,
    help: &Help<'_>,
    inner: Rect,
    frame: &mut Frame<'_>,
) {
    let room = (inner.height as usize).saturating_sub(1).max(1);
    let pages = paginate(bindings, notes, room);
    let n = i32::try_from(pages.len()).unwrap_or(i32::MAX).max(1);
    let shown = page.rem_euclid(n);
    let body = pages
        .into_iter()
        .nth(usize::try_from(shown).unwrap_or(0))
        .unwrap_or_default();
    frame.render_widget(
        Paragraph::new(body),
        Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        },
    );
    let hint = format!(
        "{} · {}",
        fill(help.w.help_pages, &[&(shown + 1), &n]),
        help.w.help_close
    );
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&hint, inner.width as usize), help.t.key)),
        Rect {
            y: inner.bottom().saturating_sub(1),
            height: 1.min(inner.height),
            ..inner
        },
    );
}

/// The blocks laid on pages of `room` lines, a blank line before each note.
fn paginate(bindings: Vec<Block>, notes: &[Block], room: usize) -> Vec<Block> {
    let mut pages: Vec<Block> = vec![];
    let mut current: Block = vec![];
    let blocks = bindings
        .into_iter()
        .map(|b| (b, false))
        .chain(notes.iter().map(|n| (n.clone(), true)));
    for (block, spaced) in blocks {
        let gap = usize::from(spaced && !current.is_empty());
        if !current.is_empty() && current.len() + gap + block.len() > room {
            pages.push(std::mem::take(&mut current));
        } else if gap > 0 {
            current.push(Line::raw(""));
        }
        for line in block {
            if current.len() == room {
                pages.push(std::mem::take(&mut current));
            }
            current.push(line);
        }
    }
    if !current.is_empty() {
        pages.push(current);
    }
    pages
}
