//! What `u` undid, told by its text: the record an undo changed, found by
//! comparing the records' texts before and after it ("diurungkan: tambah
//! catatan “Kepala dinas setuju…”"). Must not run commands or hold words.

use crate::domain::Session;

/// The texts of every record, by kind and number, with their removed mark.
pub(crate) struct Texts(Vec<Vec<(bool, String)>>);

/// The records' texts of `s` (taken before an undo).
pub(crate) fn texts(s: &Session) -> Texts {
    Texts(vec![
        s.notes
            .iter()
            .map(|n| (n.removed, n.text.clone()))
            .collect(),
        s.mindsets
            .iter()
            .map(|m| (m.removed, format!("{} → {}", m.from, m.to)))
            .collect(),
        s.decisions
            .iter()
            .map(|d| (d.removed, d.text.clone()))
            .collect(),
        s.conclusions
            .iter()
            .map(|c| (c.removed, c.text.clone()))
            .collect(),
        s.actions
            .iter()
            .map(|a| (a.removed, a.what.clone()))
            .collect(),
    ])
}

/// The text of the first record that differs between `before` and `after`
/// (as it was before, or as it is now when it is new), cut to 40 columns.
pub(crate) fn subject(before: &Texts, after: &Session) -> Option<String> {
    let after = texts(after);
    before.0.iter().zip(&after.0).find_map(|(was, now)| {
        let n = was.len().max(now.len());
        (0..n).find_map(|i| match (was.get(i), now.get(i)) {
            (Some(a), Some(b)) if a == b => None,
            (Some((_, text)), _) | (None, Some((_, text))) => {
                Some(crate::tui::view::text::fit(text, 40))
            }
            (None, None) => None,
        })
    })
}
