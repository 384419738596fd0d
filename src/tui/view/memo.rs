//! What a panel shows, kept from one frame to the next: a key moves the
//! selection of one panel, and the other panels, whose every input is the
//! same, are not made again. The key of a panel's lines is everything
//! [`Cx`] gives its `lines` — the session by id, origin and the last event
//! that changed more than its clock (for a panel of records alone, the last
//! event that could change a record, so a turn on the floor keeps it too),
//! the words, the styles, who looks, the size, the selection and focus —
//! and, for a panel that shows time, the time it shows ([`ticks`]), so a
//! kept panel is exactly the panel that would be made; the guide's key is
//! what its functions take. Builds with debug assertions make a part again
//! on every hit and compare. Must not change state.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::layout::Rect;
use ratatui::text::Line;

use super::model::PanelModel;
use super::panels::Cx;
use crate::domain::{ItemId, Language, ScreenPanel, Seq, Session};
use crate::tui::app::{Panel, Role};
use crate::tui::theme::ThemeName;

/// What a part is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    /// The panel (`None`: the guide).
    panel: Option<Panel>,
    session: String,
    origin: u64,
    seq: Seq,
    lang: Language,
    theme: ThemeName,
    role: Role,
    cols: usize,
    height: usize,
    sel: usize,
    focused: bool,
    alone: bool,
    ticks: i64,
    chosen: Option<(ItemId, usize)>,
}

/// A panel's title and lines (shared: a kept panel is not copied).
pub type Lines = (String, Rc<[Line<'static>]>);

/// Parts of one kind, the least recently used first.
#[derive(Debug)]
struct Store<T>(RefCell<Vec<(Key, T)>>);

impl<T> Default for Store<T> {
    fn default() -> Self {
        Store(RefCell::new(Vec::new()))
    }
}

/// The most parts of a kind kept: each panel measured alone and made
/// whole, for a few selections and focuses, at a size or two (a banner
/// takes a line while paused; a resize).
const KEEP: usize = 64;

impl<T: Clone + PartialEq + std::fmt::Debug> Store<T> {
    /// The part kept under `key`, else made by `make` (and kept).
    fn get(&self, key: Key, seqs: (Seq, Seq), make: impl Fn() -> T) -> T {
        let mut kept = self.0.borrow_mut();
        // What a session state that has passed showed is never asked again.
        kept.retain(|(k, _)| {
            k.session == key.session
                && k.origin == key.origin
                && (k.seq == seqs.0 || k.seq == seqs.1)
        });
        if let Some(i) = kept.iter().position(|(k, _)| *k == key) {
            let entry = kept.remove(i);
            debug_assert_eq!(entry.1, make(), "kept {:?} differs from made", key.panel);
            let hit = entry.1.clone();
            kept.push(entry);
            return hit;
        }
        let fresh = make();
        if kept.len() >= KEEP {
            kept.remove(0);
        }
        kept.push((key, fresh.clone()));
        fresh
    }
}

/// The parts made since the session last changed.
#[derive(Debug, Default)]
pub struct Memo {
    lines: Store<Lines>,
    needs: Store<usize>,
    guide_needs: Store<(u16, u16)>,
    guides: Store<PanelModel>,
}

impl Memo {
    /// Panel `p`'s lines for `cx`: kept ones when every input is the same,
    /// else made by `make` (and kept).
    pub fn lines(&self, cx: &Cx<'_>, p: Panel, make: impl Fn() -> Lines) -> Lines {
        self.lines.get(key(cx, p), seqs(cx.s), make)
    }

    /// The lines panel `p` wants in `cx` (see [`Memo::lines`]).
    pub fn need(&self, cx: &Cx<'_>, p: Panel, make: impl Fn() -> usize) -> usize {
        self.needs.get(key(cx, p), seqs(cx.s), make)
    }

    /// The lines the guide wants in a column `cols` wide and `height` high.
    pub fn guide_need(
        &self,
        g: &GuideCx<'_>,
        cols: u16,
        height: u16,
        make: impl Fn() -> (u16, u16),
    ) -> (u16, u16) {
        self.guide_needs
            .get(g.key(cols.into(), height.into()), seqs(g.s), make)
    }

    /// The guide panel in `rect`.
    pub fn guide(&self, g: &GuideCx<'_>, rect: Rect, make: impl Fn() -> PanelModel) -> PanelModel {
        let key = g.key(rect.width.into(), rect.height.into());
        // Where is not part of what: kept without its place, placed anew.
        let unplaced = || PanelModel {
            rect: Rect::default(),
            ..make()
        };
        PanelModel {
            rect,
            ..self.guides.get(key, seqs(g.s), unplaced)
        }
    }
}

/// The session's numbers a kept part may carry: its content's and its
/// records' (older ones are never asked again).
fn seqs(s: &Session) -> (Seq, Seq) {
    (s.content_seq(), s.records_seq())
}

/// What the guide's functions take.
pub struct GuideCx<'a> {
    /// The session.
    pub s: &'a Session,
    /// Screen language.
    pub lang: Language,
    /// Styles.
    pub theme: ThemeName,
    /// Who looks.
    pub role: Role,
    /// The question stepped to.
    pub chosen: Option<(ItemId, usize)>,
}

impl GuideCx<'_> {
    fn key(&self, cols: usize, height: usize) -> Key {
        Key {
            panel: None,
            session: self.s.info.id.clone(),
            origin: self.s.origin(),
            seq: self.s.content_seq(),
            lang: self.lang,
            theme: self.theme,
            role: self.role,
            cols,
            height,
            sel: 0,
            focused: false,
            alone: false,
            ticks: 0,
            chosen: self.chosen,
        }
    }
}

fn key(cx: &Cx<'_>, panel: Panel) -> Key {
    Key {
        panel: Some(panel),
        session: cx.s.info.id.clone(),
        origin: cx.s.origin(),
        seq: if shows_records_only(cx.s, panel) {
            cx.s.records_seq()
        } else {
            cx.s.content_seq()
        },
        lang: cx.lang,
        theme: cx.t.name,
        role: cx.role,
        cols: cx.cols,
        height: cx.height,
        sel: cx.sel,
        focused: cx.focused,
        alone: cx.alone,
        ticks: ticks(cx, panel),
        chosen: None,
    }
}

/// Whether panel `p` shows records and nothing else of the session (so a
/// pause or a turn on the floor leaves it as it was): the notes, decisions
/// and actions, and the mindset shifts where they have their place (a
/// jury's, a bimtek's or a lab's panel there shows the agenda and floor).
fn shows_records_only(s: &Session, p: Panel) -> bool {
    match p {
        Panel::Notes | Panel::Decisions | Panel::Actions => true,
        Panel::Mindsets => super::kinds::place(s) == ScreenPanel::Mindsets,
        Panel::Agenda | Panel::Queue => false,
    }
}

/// The time panel `p` shows at `cx.now`, in the unit it shows it (each
/// panel's file says); nothing for the panels that show no time.
fn ticks(cx: &Cx<'_>, p: Panel) -> i64 {
    match p {
        Panel::Agenda => super::panels::agenda::ticks(cx),
        Panel::Queue => super::panels::queue::ticks(cx),
        Panel::Actions => super::panels::actions::ticks(cx),
        Panel::Mindsets | Panel::Notes | Panel::Decisions => 0,
    }
}
