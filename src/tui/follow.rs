//! Every new row in view, from whichever terminal it came: a panel whose
//! selection sits on its newest row (the user has not moved it away) keeps
//! following the newest row when rows arrive. Must not draw.

use super::app::{App, Panel};
use super::port::Port;

impl<P: Port> App<P> {
    /// The panels whose selection is on their newest row (or that are
    /// empty): they follow what arrives.
    pub(crate) fn following(&self) -> [bool; 6] {
        let mut out = [false; 6];
        for p in Panel::ALL {
            out[p.index()] = p != Panel::Agenda && self.selected(p) == self.newest(p);
        }
        out
    }

    /// Moves the selection of each panel that was `following` to its newest
    /// row.
    pub(crate) fn follow_newest(&mut self, following: [bool; 6]) {
        for p in Panel::ALL {
            if following[p.index()] {
                self.sel[p.index()] = self.newest(p);
            }
        }
    }
}
