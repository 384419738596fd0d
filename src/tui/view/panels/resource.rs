//! The bimtek's session panel: the active item's resource person (with
//! their code `N…`), the title of the material and its length in JP (45
//! minutes), then the item's questions and answers as notes, newest last
//! (private ones only where the role sees them). Must not change state.

use ratatui::text::Line;

use super::Cx;
use crate::i18n::jury;
use crate::tui::view::text::{fit, wrap};

/// Minutes in one JP.
const JP_MINUTES: u32 = 45;

/// Title and visible lines.
pub fn lines(cx: &Cx<'_>) -> (String, Vec<Line<'static>>) {
    let w = jury::words(cx.lang);
    let s = cx.s;
    let mut lines = vec![];
    let Some(item) = s.active_item() else {
        return (w.resource_person.to_owned(), lines);
    };
    let owner = item.owner.as_deref().unwrap_or("—");
    let code = s
        .info
        .resource_persons
        .iter()
        .position(|p| p == owner)
        .map_or(String::new(), |i| format!("N{} ", i + 1));
    let head = format!("{}: {code}{owner}", w.resource_person);
    lines.push(Line::styled(fit(&head, cx.cols), cx.t.active));
    let tenths = (item.minutes * 10 + JP_MINUTES / 2) / JP_MINUTES;
    let sep = w.sep();
    let jp = format!("{}{sep}{} JP", tenths / 10, tenths % 10);
    lines.push(Line::raw(fit(
        &format!("{} ({jp}): {}", w.material, item.title),
        cx.cols,
    )));
    let notes: Vec<_> = s
        .notes()
        .filter(|n| n.item == Some(item.id) && (!n.private || cx.role.sees_private()))
        .collect();
    let mut qa: Vec<Line<'static>> = vec![];
    for n in notes {
        let who = n
            .participant
            .as_deref()
            .map_or(String::new(), |p| format!(" ({p})"));
        for (i, l) in wrap(&format!("{}{who}", n.text), cx.cols.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            qa.push(Line::raw(format!(
                "{}{l}",
                if i == 0 { "• " } else { "  " }
            )));
        }
    }
    let room = cx.height.saturating_sub(lines.len());
    let skip = qa.len().saturating_sub(room);
    lines.extend(qa.into_iter().skip(skip));
    (w.qa_title.to_owned(), lines)
}
