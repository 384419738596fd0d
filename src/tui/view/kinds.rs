//! Which panels a kind of session shows, in one place: a jury session (a
//! KBK show) shows the jury's panel where an FGD shows mindset shifts —
//! the slot's presenter and the score sheet's progress, then the ranking
//! once announced — and leaves "not yet spoken" out (presenters and jurors
//! speak in fixed slots); a bimtek shows its resource person's session
//! (who, the material, its JP) and its questions and answers there; an
//! innovation lab its ideas by priority (`+` on that panel adds one); an
//! FGD, a forum and the others stay as they are. A plan's `panels` key
//! overrides the kind: the panel it lists for the mindset panel's place
//! (mindsets, jury, resource, ideas), and "not yet spoken" only if listed.
//! Must not change state or lay regions out (`layout.rs` does).

use ratatui::text::Line;

use super::model::ClockModel;
use super::panels::{Cx, ideas, ranking, resource};
use crate::domain::{ScreenPanel, Session, SessionKind, decimal};
use crate::i18n::jury;
use crate::tui::app::{App, Role};
use crate::tui::port::Port;
use crate::tui::view::text::fit;

/// Whether "not yet spoken" means anything in this session: the plan's
/// `panels` say, else its kind does.
pub fn counts_equity(s: &Session) -> bool {
    s.info
        .screen
        .map_or(!s.is_jury(), |screen| screen.not_yet_spoken)
}

/// The panel in the mindset panel's place: the one the plan's `panels`
/// list, else the kind's (a jury's, a bimtek's resource person, an
/// innovation lab's ideas, or the mindset shifts).
pub fn place(s: &Session) -> ScreenPanel {
    if let Some(screen) = s.info.screen {
        return screen.place;
    }
    if s.is_jury() {
        ScreenPanel::Jury
    } else if s.info.kind == SessionKind::Labinov {
        ScreenPanel::Ideas
    } else if s.info.kind == SessionKind::Bimtek {
        ScreenPanel::Resource
    } else {
        ScreenPanel::Mindsets
    }
}

/// Once a jury's scores are announced, the projector's and the viewer's
/// clock shows the winner in big text, and the first places below it.
pub fn big<P: Port>(app: &App<P>, clock: &mut ClockModel) {
    let s = app.session();
    if !s.is_jury() || !s.scores_announced() || app.role == Role::Notetaker {
        return;
    }
    let w = jury::words(app.lang);
    let standings = s.standings();
    let Some(first) = standings.first() else {
        return;
    };
    let cols = clock.rect.width as usize;
    w.ranking_title.clone_into(&mut clock.title);
    clock.big = (clock.rect.height >= 8 && clock.rect.width >= 24)
        .then(|| format!("{} {}", first.presenter, decimal(first.total, w.sep())));
    clock.lines = standings
        .iter()
        .take(2)
        .map(|st| {
            let text = format!("{}. {} {}", st.rank, st.presenter, s.name_of(&st.presenter));
            Line::styled(fit(&text, cols), app.theme.active)
        })
        .collect();
    clock.ratio = 0.0;
    clock.over = false;
}

/// Whether the mindset panel's place shows the innovation lab's ideas.
pub fn shows_ideas(s: &Session) -> bool {
    place(s) == ScreenPanel::Ideas
}

/// What the mindset panel's place shows in a session of this kind: the
/// jury's panel, a bimtek's resource person's session, an innovation lab's
/// ideas; `None` where it shows the mindset shifts. The layout measures and
/// draws the panel through this, so the kind's panel gets its room.
pub fn mindsets_place(cx: &Cx<'_>) -> Option<(String, Vec<Line<'static>>)> {
    match place(cx.s) {
        ScreenPanel::Jury => Some(ranking::lines(cx)),
        ScreenPanel::Ideas => Some(ideas::lines(cx)),
        ScreenPanel::Resource => Some(resource::lines(cx)),
        _ => None,
    }
}
