//! Where each region goes, by terminal size and by what each region's
//! content needs: two columns up to 149 columns, three from 150 on; in each
//! column the regions share the height by need, in the order of what the
//! room needs ([`priority`]), the big clock takes only what is left, and
//! the room to spare goes to the column's last region.
//! Which panels a screen shows, column by column, comes from one function
//! ([`columns`]). Must not know what a region shows, only how many lines it
//! wants.

use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal the live view fits in.
pub const MIN_WIDTH: u16 = 60;
/// The smallest terminal the live view fits in.
pub const MIN_HEIGHT: u16 = 16;

/// The narrowest left column of the two-column layout (from 80 columns on).
const LEFT_MIN: u16 = 42;

/// The fewest lines a region gets while there is room: its title and a row.
const FLOOR: u16 = 2;

/// A region of the live view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The active item's timer.
    Clock,
    /// The active item's guide questions.
    Guide,
    /// The agenda.
    Agenda,
    /// The floor and the speaker queue.
    Queue,
    /// Mindset changes.
    Mindsets,
    /// Notes.
    Notes,
    /// Decisions and conclusions.
    Decisions,
    /// Action items.
    Actions,
}

/// What the room needs first gets its lines first: the active item and its
/// guide questions, the floor, the agenda, then the latest records.
pub fn priority(slot: Slot) -> u8 {
    match slot {
        Slot::Clock => 0,
        Slot::Guide => 1,
        Slot::Queue => 2,
        Slot::Agenda => 3,
        Slot::Mindsets => 4,
        Slot::Actions => 5,
        Slot::Notes => 6,
        Slot::Decisions => 7,
    }
}

/// The regions of each column, top to bottom, for the notetaker's layout
/// (`notes_first`) or the projector's, in two or three (`wide`) columns.
/// The one place a screen chooses its panels.
pub fn columns(notes_first: bool, wide: bool) -> &'static [&'static [Slot]] {
    use Slot::{Actions, Agenda, Clock, Decisions, Guide, Mindsets, Notes, Queue};
    match (notes_first, wide) {
        (false, false) => &[
            &[Agenda, Queue, Decisions],
            &[Clock, Guide, Mindsets, Notes, Actions],
        ],
        (false, true) => &[
            &[Agenda, Guide],
            &[Clock, Queue],
            &[Mindsets, Notes, Decisions, Actions],
        ],
        (true, false) => &[
            &[Notes, Actions, Mindsets],
            &[Clock, Guide, Agenda, Queue, Decisions],
        ],
        (true, true) => &[
            &[Notes, Mindsets],
            &[Actions, Decisions],
            &[Clock, Guide, Agenda, Queue],
        ],
    }
}

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

impl Regions {
    fn slot_mut(&mut self, slot: Slot) -> &mut Rect {
        match slot {
            Slot::Clock => &mut self.clock,
            Slot::Guide => &mut self.questions,
            Slot::Agenda => &mut self.agenda,
            Slot::Queue => &mut self.queue,
            Slot::Mindsets => &mut self.mindsets,
            Slot::Notes => &mut self.notes,
            Slot::Decisions => &mut self.decisions,
            Slot::Actions => &mut self.actions,
        }
    }
}

/// Lays out `area`; `banner` reserves a line for a banner; `notes_first`
/// gives the notetaker's layout (what they type into first and largest);
/// `need` says how many lines a region's content wants in a column's rect,
/// its title included, and how many it would take when there is room to
/// spare (the big clock, every guide question; 0: no more).
pub fn regions(
    area: Rect,
    banner: bool,
    notes_first: bool,
    need: &dyn Fn(Slot, Rect) -> (u16, u16),
) -> Regions {
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
    let wide = area.width >= 150;
    let cols = columns(notes_first, wide);
    let rects: Vec<Rect> = match (notes_first, wide) {
        (false, true) => Layout::horizontal([
            Constraint::Percentage(30),
            Constraint::Percentage(32),
            Constraint::Percentage(38),
        ])
        .split(body)
        .to_vec(),
        (true, true) => Layout::horizontal([
            Constraint::Percentage(40),
            Constraint::Percentage(30),
            Constraint::Percentage(30),
        ])
        .split(body)
        .to_vec(),
        (true, false) => {
            Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
                .split(body)
                .to_vec()
        }
        (false, false) => {
            // 45 %, but at least 42 columns up to 80 (so agenda titles and
            // queue names show their first 30 characters before a cut).
            let left_w = (body.width * 45 / 100).max(LEFT_MIN.min(body.width / 2 + 2));
            Layout::horizontal([Constraint::Length(left_w), Constraint::Min(0)])
                .split(body)
                .to_vec()
        }
    };
    for (slots, rect) in cols.iter().zip(rects) {
        let wants: Vec<(u16, u16)> = slots.iter().map(|s| need(*s, rect)).collect();
        let heights = share(rect.height, slots, &wants);
        let mut y = rect.y;
        for (slot, h) in slots.iter().zip(heights) {
            *r.slot_mut(*slot) = Rect {
                y,
                height: h,
                ..rect
            };
            y += h;
        }
    }
    r
}

/// The heights of `slots` in `total` lines, given what each wants and would
/// take with room to spare: each its title and a row while there is room,
/// then what each wants in [`priority`] order, then what each would take
/// (the big clock last), and what is left to the last.
fn share(total: u16, slots: &[Slot], wants: &[(u16, u16)]) -> Vec<u16> {
    let mut got = vec![0u16; slots.len()];
    let mut left = total;
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&i| priority(slots[i]));
    for &i in &order {
        let give = FLOOR.min(left);
        got[i] = give;
        left -= give;
    }
    for &i in &order {
        let want = wants[i].0.max(FLOOR);
        let give = want.saturating_sub(got[i]).min(left);
        got[i] += give;
        left -= give;
    }
    // Then the rest of what some want (all the guide questions, the older
    // rows), shared evenly so each kind of record keeps its latest rows in
    // view; the big clock last: it takes only what the content leaves.
    let content: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| slots[i] != Slot::Clock)
        .collect();
    left = share_evenly(left, &content, wants, &mut got);
    for &i in order.iter().filter(|&&i| slots[i] == Slot::Clock) {
        let more = wants[i].1.saturating_sub(got[i]);
        // Big digits come whole or not at all.
        if more <= left {
            got[i] += more;
            left -= more;
        }
    }
    // What is left goes to the column's last region: the panels sit
    // together under each other, the room to spare at the bottom.
    if let Some(last) = got.last_mut() {
        *last += left;
    }
    got
}

/// Gives `left` lines to the slots `order` names, each up to what it would
/// take (`wants[i].1`), in even shares (the first in `order` get the odd
/// lines); returns what no slot wanted.
fn share_evenly(mut left: u16, order: &[usize], wants: &[(u16, u16)], got: &mut [u16]) -> u16 {
    loop {
        let hungry: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| wants[i].1 > got[i])
            .collect();
        let n = u16::try_from(hungry.len()).unwrap_or(u16::MAX);
        if n == 0 || left == 0 {
            return left;
        }
        let each = (left / n).max(1);
        for i in hungry {
            let give = (wants[i].1 - got[i]).min(each).min(left);
            got[i] += give;
            left -= give;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_gives_each_its_need_in_priority_order_and_the_rest_to_the_last() {
        let slots = columns(false, false)[1];
        assert_eq!(
            slots,
            [
                Slot::Clock,
                Slot::Guide,
                Slot::Mindsets,
                Slot::Notes,
                Slot::Actions
            ]
        );
        // What each wants, and would take with room to spare.
        let needs = [(3, 9), (5, 7), (3, 5), (4, 10), (4, 4)];
        // Everything, the big clock, and 5 lines more for the last.
        assert_eq!(share(40, slots, &needs), [9, 7, 5, 10, 9]);
        // Short: what each wants, then the guide's other questions; no big
        // clock (it would not come whole).
        assert_eq!(share(20, slots, &needs), [3, 6, 3, 4, 4]);
        assert_eq!(share(30, slots, &needs), [3, 7, 5, 10, 5]);
        // Too short for every title: the lowest priority goes first.
        assert_eq!(share(8, slots, &needs), [2, 2, 2, 0, 2]);
        // Records of every kind with more rows than fit share the room:
        // none takes the column because it comes first.
        let slots = columns(false, true)[2];
        let busy = [(5, 60), (3, 60), (2, 60), (3, 60)];
        assert_eq!(share(58, slots, &busy), [17, 14, 13, 14]);
    }
}
