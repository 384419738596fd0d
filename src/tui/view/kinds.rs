//! Which panels a kind of session shows, in one place: a jury session (a
//! KBK show) shows the jury's panel where an FGD shows mindset shifts —
//! the slot's presenter and the score sheet's progress, then the ranking
//! once announced — and leaves "not yet spoken" out (presenters and jurors
//! speak in fixed slots); a bimtek shows its resource person's session
//! (who, the material, its JP) and its questions and answers there; an
//! innovation lab its ideas by priority (`+` on that panel adds one); an
//! FGD, a forum and the others stay as they are.
//! Must not change state or lay regions out (`layout.rs` does).

use super::model::PanelModel;
use super::panels::{Cx, ideas, ranking, resource};
use crate::domain::{Session, SessionKind};
use crate::tui::app::{App, Panel};
use crate::tui::port::Port;
use crate::tui::view::text::fit;

/// Whether "not yet spoken" means anything in this session.
pub fn counts_equity(s: &Session) -> bool {
    !s.is_jury()
}

/// Whether the mindset panel's place shows the innovation lab's ideas.
pub fn shows_ideas(s: &Session) -> bool {
    s.info.kind == SessionKind::Labinov && !s.is_jury()
}

/// Puts the kind's own panels in place of the ones it does not show.
pub fn choose<P: Port>(
    app: &App<P>,
    panels: &mut [PanelModel],
    now: chrono::DateTime<chrono::Utc>,
) {
    let s = app.session();
    let jury = s.is_jury();
    let labinov = shows_ideas(s);
    if !jury && !labinov && s.info.kind != SessionKind::Bimtek {
        return;
    }
    for p in panels.iter_mut().filter(|p| p.panel == Panel::Mindsets) {
        let cx = Cx {
            s,
            w: app.words(),
            t: &app.theme,
            lang: app.lang,
            role: app.role,
            now,
            cols: p.rect.width.saturating_sub(1) as usize,
            height: p.rect.height.saturating_sub(1) as usize,
            sel: 0,
            focused: false,
        };
        let (title, lines) = if jury {
            ranking::lines(&cx)
        } else if labinov {
            ideas::lines(&cx)
        } else {
            resource::lines(&cx)
        };
        p.title = fit(&title, (p.rect.width as usize).saturating_sub(3));
        p.lines = lines;
    }
}
