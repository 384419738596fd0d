//! A bordered table's column widths from its content, as a browser lays out
//! an HTML table: each column at least its longest word, the room beyond
//! that shared by how much text each column holds, so a title column is
//! wide and a number column narrow. Must not write XML.

use crate::export::doc::{Cell, Span, Table};

/// Characters a column is measured in at most: a long text wraps anyway,
/// and one URL must not take the page.
const LONGEST_TEXT: usize = 60;
/// The longest word a column must hold unbroken, at most.
const LONGEST_WORD: usize = 18;
/// Twips of a character in the table's type (10 pt), and a cell's margins.
const CHAR: u32 = 110;
const MARGINS: u32 = 230;

/// The widths of `t`'s columns, in twips, summing to `total`.
pub(super) fn widths(t: &Table, total: u32) -> Vec<u32> {
    let n = t.columns.len().max(1);
    let mut word = vec![1usize; n];
    let mut text = vec![1usize; n];
    let mut measure = |i: usize, s: &str| {
        if i >= n {
            return;
        }
        let longest = s.split_whitespace().map(|w| w.chars().count()).max();
        word[i] = word[i].max(longest.unwrap_or(0).min(LONGEST_WORD));
        text[i] = text[i].max(s.chars().count().min(LONGEST_TEXT));
    };
    for (i, c) in t.columns.iter().enumerate() {
        measure(i, c.label);
    }
    for row in t.rows.iter().chain(t.total.iter()) {
        for (i, c) in row.iter().enumerate() {
            measure(i, &cell_text(c));
        }
    }
    let twips = |chars: usize| u32::try_from(chars).unwrap_or(u32::MAX / CHAR) * CHAR + MARGINS;
    let least: Vec<u32> = word.iter().map(|&w| twips(w)).collect();
    let most: Vec<u32> = text.iter().map(|&w| twips(w)).collect();
    let least_sum: u32 = least.iter().sum();
    if least_sum >= total {
        // Not even the words fit: shares of the words.
        return share(&least, total);
    }
    // Each its longest word, the rest by the text it holds beyond it.
    let more: Vec<u32> = most.iter().zip(&least).map(|(m, l)| m - l).collect();
    let extra = share(&more, total - least_sum);
    least.iter().zip(extra).map(|(l, e)| l + e).collect()
}

/// `total` split in proportion to `weights` (evenly when they are all 0),
/// the rounding left to the last.
fn share(weights: &[u32], total: u32) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum();
    let n = u64::try_from(weights.len().max(1)).unwrap_or(1);
    let mut out: Vec<u32> = weights
        .iter()
        .map(|&w| {
            let part = (u64::from(total) * u64::from(w))
                .checked_div(sum)
                .unwrap_or(u64::from(total) / n);
            u32::try_from(part).unwrap_or(0)
        })
        .collect();
    let given: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += total.saturating_sub(given);
    }
    out
}

/// A cell's text as it reads.
fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Spans(spans) => {
            let mut s = String::new();
            Span::text_of(spans, &mut s);
            s
        }
        Cell::Signature(no) => format!("{no}. ……………"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::doc::{Align, Column};

    fn column(label: &'static str) -> Column {
        Column {
            label,
            align: Align::ByContent,
        }
    }

    #[test]
    fn a_title_column_is_wide_a_number_column_narrow_and_all_fill_the_width() {
        let t = Table {
            class: "agenda",
            columns: vec![column("No."), column("Acara"), column("Status")],
            rows: vec![vec![
                Cell::text("1"),
                Cell::text(
                    "Sesi 2 — Culture set: membangun nilai-nilai organisasi dan budaya kerja BerAKHLAK",
                ),
                Cell::text("selesai"),
            ]],
            total: None,
        };
        let w = widths(&t, 9000);
        assert_eq!(w.iter().sum::<u32>(), 9000);
        assert!(w[1] > 2 * w[2] && w[2] > w[0], "{w:?}");
        // Each column holds its longest word.
        assert!(w[0] >= 3 * CHAR && w[2] >= 7 * CHAR, "{w:?}");
    }

    #[test]
    fn too_narrow_for_the_words_shares_by_the_words() {
        let t = Table {
            class: "x",
            columns: vec![column("Satu"), column("Duaduaduadua")],
            rows: vec![],
            total: None,
        };
        let w = widths(&t, 1000);
        assert_eq!(w.iter().sum::<u32>(), 1000);
        assert!(w[1] > w[0]);
    }
}
