//! After a restart each panel shows the rows it showed (break 14 of issue
//! 17): a panel whose rows are not in the order they were recorded in — the
//! decisions panel lists decisions before conclusions, the queue puts a
//! point of order first — opened at its last row after a restart while it
//! had followed the newest row before, so the facilitator came back to
//! other rows than they left.

use crate::tui_support::{Fx, Setup, region};
use fgd::domain::SpeakKind;
use fgd::tui::app::Panel;
use ratatui::crossterm::event::KeyCode;

fn panel_at(fx: &Fx, panel: Panel, w: u16, h: u16) -> String {
    let area = ratatui::layout::Rect::new(0, 0, w, h);
    let model = fgd::tui::view::model::build(&fx.app, fx.now, area);
    let p = model.panels.iter().find(|p| p.panel == panel).unwrap();
    region(&fx.buffer(w, h), p.rect)
}

/// Types `n` decisions (`d`) or conclusions (`c`), a second apart.
fn typed(fx: &mut Fx, key: char, n: usize, word: &str) {
    for i in 1..=n {
        fx.wait(1);
        fx.ch(key);
        fx.typed(&format!("{word} nomor {i}"));
        fx.enter();
    }
}

/// The panels at 80×24 and 120×34, before and after a reopen.
fn same_after_reopen(fx: Fx, panels: &[Panel]) {
    let sizes = [(80, 24), (120, 34)];
    let before: Vec<String> = sizes
        .iter()
        .flat_map(|&(w, h)| panels.iter().map(move |&p| (p, w, h)))
        .map(|(p, w, h)| panel_at(&fx, p, w, h))
        .collect();
    let fx = fx.reopen();
    let after: Vec<String> = sizes
        .iter()
        .flat_map(|&(w, h)| panels.iter().map(move |&p| (p, w, h)))
        .map(|(p, w, h)| panel_at(&fx, p, w, h))
        .collect();
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b, a, "the panel after a restart");
    }
}

#[test]
fn the_decisions_panel_shows_the_same_rows_after_a_restart() {
    for (conclusions_first, decisions_after) in [(8, 1), (3, 2), (0, 6)] {
        let mut fx = Fx::id();
        fx.start();
        typed(&mut fx, 'd', 2, "Keputusan awal");
        typed(&mut fx, 'c', conclusions_first, "Kesimpulan");
        typed(&mut fx, 'd', decisions_after, "Keputusan");
        let shown = panel_at(&fx, Panel::Decisions, 80, 24);
        assert!(
            shown.contains(&format!("Keputusan nomor {decisions_after}")),
            "the newest decision is in view: {shown}"
        );
        same_after_reopen(fx, &[Panel::Decisions]);
    }
    // The other way round: a conclusion last.
    let mut fx = Fx::id();
    fx.start();
    typed(&mut fx, 'd', 7, "Keputusan");
    typed(&mut fx, 'c', 1, "Kesimpulan");
    same_after_reopen(fx, &[Panel::Decisions]);
}

#[test]
fn the_queue_shows_the_same_rows_after_a_restart() {
    let mut fx = Setup::id().build();
    fx.start();
    // More hands than the queue shows at 80×24, the newest a point of order.
    let mut hands: Vec<(String, char)> = (1..=11).map(|n| (format!("{n}"), 't')).collect();
    hands.push(("12".into(), 'p'));
    for (code, kind) in &hands {
        fx.wait(1);
        super::keys::raise(&mut fx, code, KeyCode::Char(*kind));
    }
    assert_eq!(fx.s().queue.len(), 12, "every hand is up");
    assert_eq!(
        fx.s().queue[0].kind,
        SpeakKind::PointOfOrder,
        "the point of order goes first, so the newest row is not the last"
    );
    same_after_reopen(fx, &[Panel::Queue]);
}
