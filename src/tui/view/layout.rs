//! Where each region goes, by terminal size: two columns up to 149 columns,
//! three from 150 on; the big clock when there is room and an item is
//! active, two lines that say none is otherwise.
//! Must not know what a region shows.

use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal the live view fits in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal the live view fits in.
pub const MIN_HEIGHT: u16 = 16;

/// The narrowest left column of the two-column layout (from 80 columns on).
const LEFT_MIN: u16 = 42;

/// The clock's height without an active item: its title and a line saying so.
const IDLE_CLOCK: u16 = 2;

/// The regions of the live view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regions {
    /// Title, state and clocks.
    pub header: Rect,
    /// Paused / ended / not started / disconnected.
    pub banner: Rect,
    /// Active item timer.
    pub clock: Rect,
    /// Agenda.
    pub agenda: Rect,
    /// Guide questions of the active item.
    pub questions: Rect,
    /// Speaker queue.
    pub queue: Rect,
    /// Mindset changes.
    pub mindsets: Rect,
    /// Notes.
    pub notes: Rect,
    /// Decisions and conclusions.
    pub decisions: Rect,
    /// Action items.
    pub actions: Rect,
    /// Key hints or a message.
    pub footer: Rect,
}

/// Lays out `area`; `banner` reserves a line for a banner; `notes_first`
/// gives the notetaker's layout: notes (private ones included) and actions
/// first and largest, the agenda, clock and queue beside them, smaller;
/// `timer` says an agenda item is active (without one the clock needs two
/// lines).
pub fn regions(area: Rect, banner: bool, notes_first: bool, timer: bool) -> Regions {
    let [header, banner_rect, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::from(banner)),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let mut r = Regions {
        header,
        banner: banner_rect,
        footer,
        ..Regions::default()
    };
    let tall = body.height >= 30;
    if notes_first {
        notetaker(&mut r, body, area.width >= 150, timer);
    } else if area.width >= 150 {
        let [left, mid, right] = Layout::horizontal([
            Constraint::Percentage(30),
            Constraint::Percentage(32),
            Constraint::Percentage(38),
        ])
        .areas(body);
        [r.agenda, r.questions] =
            Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(left);
        [r.clock, r.queue] = Layout::vertical([
            Constraint::Length(match (timer, tall) {
                (false, _) => IDLE_CLOCK,
                (true, true) => 12,
                (true, false) => 4,
            }),
            Constraint::Min(3),
        ])
        .areas(mid);
        [r.mindsets, r.notes, r.decisions, r.actions] = Layout::vertical([
            Constraint::Ratio(1, 4),
            Constraint::Ratio(1, 4),
            Constraint::Ratio(1, 4),
            Constraint::Ratio(1, 4),
        ])
        .areas(right);
    } else {
        // 45 %, but at least 42 columns up to 80 (so agenda titles and queue
        // names show their first 30 characters before a cut, DESIGN §3).
        let left_w = (body.width * 45 / 100).max(LEFT_MIN.min(body.width / 2 + 2));
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_w), Constraint::Min(0)]).areas(body);
        [r.agenda, r.queue] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(left);
        let clock_h = match (timer, body.height >= 36) {
            (false, _) => IDLE_CLOCK,
            (true, true) => 10,
            (true, false) => 3,
        };
        let [clock, rest] =
            Layout::vertical([Constraint::Length(clock_h), Constraint::Min(4)]).areas(right);
        r.clock = clock;
        [r.mindsets, r.notes, r.decisions, r.actions] =
            Layout::vertical([Constraint::Ratio(1, 4); 4]).areas(rest);
    }
    r
}

/// The notetaker's layout: what they type into on the left, large; what
/// they follow (clock, agenda, queue) on the right, compact.
fn notetaker(r: &mut Regions, body: Rect, wide: bool, timer: bool) {
    let clock = Constraint::Length(if timer { 3 } else { IDLE_CLOCK });
    if wide {
        let [left, mid, right] = Layout::horizontal([
            Constraint::Percentage(40),
            Constraint::Percentage(30),
            Constraint::Percentage(30),
        ])
        .areas(body);
        [r.notes, r.mindsets] =
            Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(left);
        [r.actions, r.decisions] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(mid);
        [r.clock, r.agenda, r.queue] =
            Layout::vertical([clock, Constraint::Percentage(50), Constraint::Min(3)]).areas(right);
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .areas(body);
        [r.notes, r.actions, r.mindsets] = Layout::vertical([
            Constraint::Ratio(2, 4),
            Constraint::Ratio(1, 4),
            Constraint::Ratio(1, 4),
        ])
        .areas(left);
        [r.clock, r.agenda, r.queue, r.decisions] = Layout::vertical([
            clock,
            Constraint::Ratio(1, 3),
            Constraint::Ratio(1, 3),
            Constraint::Ratio(1, 3),
        ])
        .areas(right);
    }
}
