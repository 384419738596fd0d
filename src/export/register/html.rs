//! The register as printable HTML: a [`Document`] of one table, rendered by
//! the minutes' own renderer (`export/html.rs`), so it prints as the minutes
//! do (A4, tables that repeat their header and wrap any text). Must not
//! escape anything itself.

use crate::export::doc::{Block, Cell, Document, Field, FieldValue, Head, Section, Span, Table};
use crate::i18n;

use super::Register;

/// Renders `r` as one self-contained HTML document.
pub fn render(r: &Register) -> String {
    crate::export::html::render(&document(r))
}

/// The register as a document: its head (scope, day) and one section.
pub fn document(r: &Register) -> Document {
    let w = r.words();
    let as_of = i18n::date(r.today, r.lang);
    let blocks = if r.rows.is_empty() {
        vec![Block::words(w.register_empty)]
    } else {
        let rows = r
            .cells()
            .into_iter()
            .map(|c| {
                c.into_iter()
                    .enumerate()
                    .map(|(i, s)| match i {
                        1 | 2 | 7 => Cell::text(&s),
                        _ => Cell::word(s),
                    })
                    .collect()
            })
            .collect();
        vec![Block::Table(Table::new(
            "register",
            r.labels().to_vec(),
            rows,
        ))]
    };
    Document {
        head: Head {
            lang: r.lang,
            doc_title: w.register_title,
            title: r.scope(),
            kop: None,
            paper: crate::domain::Paper::default(),
            made_at: r.today.and_time(chrono::NaiveTime::MIN).and_utc(),
            page_of: {
                let l = crate::i18n::minutes::labels(r.lang);
                (l.page, l.page_of)
            },
            fields: vec![Field {
                label: w.col_series,
                value: FieldValue::Line(vec![Span::word(i18n::fill(w.register_as_of, &[&as_of]))]),
            }],
            remarks: vec![],
            banner: None,
        },
        sections: vec![Section {
            id: "register",
            prefix: None,
            number: None,
            title: w.register_title,
            new_page: false,
            blocks,
        }],
        footer: vec![],
    }
}
