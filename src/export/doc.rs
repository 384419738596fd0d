//! The minutes as a document of neutral blocks: which sections there are, in
//! which order, with which numbers, and what each holds (paragraphs, lists,
//! tables with their columns and cells, a talk-time chart, the sign-off, the
//! attendance sheet). Made by [`super::minutes`]; laid out by a renderer
//! (`md.rs`, `html.rs`) that knows blocks and its own syntax, never a section.
//!
//! Must not escape or format anything for a file format, and must not know
//! the session: texts are kept as given, tagged by what they are ([`Span`]).

use crate::domain::{Emblem, Language, Paper};

/// The whole minutes as blocks.
#[derive(Debug, Clone)]
pub struct Document {
    /// Title, letterhead and the facts of the meeting.
    pub head: Head,
    /// The numbered sections, in order.
    pub sections: Vec<Section>,
    /// The closing line of the document ("made with fgd · id").
    pub footer: Vec<Span>,
}

/// The head of the document.
#[derive(Debug, Clone)]
pub struct Head {
    /// The minutes' language.
    pub lang: Language,
    /// `NOTULEN`.
    pub doc_title: &'static str,
    /// The meeting's title.
    pub title: String,
    /// The office's kop.
    pub kop: Option<Kop>,
    /// The paper it is laid out for.
    pub paper: Paper,
    /// When what it records last changed (a file's "created" property).
    pub made_at: chrono::DateTime<chrono::Utc>,
    /// "Halaman" and "dari": the page numbers, "Halaman 2 dari 9".
    pub page_of: (&'static str, &'static str),
    /// Label: value lines (kind, date, time, venue, chair …).
    pub fields: Vec<Field>,
    /// Remarks on the whole document (draft, anonymised, revised).
    pub remarks: Vec<&'static str>,
    /// A marking above everything ("INTERNAL — NOT FOR CIRCULATION").
    pub banner: Option<&'static str>,
}

/// The office's kop: emblem, the lines of government and agency (the last
/// the largest), the address and contacts, over a double rule.
#[derive(Debug, Clone)]
pub struct Kop {
    /// The emblem, when it is a PNG or SVG.
    pub emblem: Option<Emblem>,
    /// "PEMERINTAH KABUPATEN …", "BADAN …".
    pub lines: Vec<String>,
    /// The address line and the contacts line.
    pub contacts: Vec<String>,
}

/// One line of the head.
#[derive(Debug, Clone)]
pub struct Field {
    /// The label.
    pub label: &'static str,
    /// The value.
    pub value: FieldValue,
}

/// A head value: one line, or a numbered list of lines.
#[derive(Debug, Clone)]
pub enum FieldValue {
    /// One value.
    Line(Vec<Span>),
    /// Several texts, numbered.
    List(Vec<String>),
}

/// One section of the minutes.
#[derive(Debug, Clone)]
pub struct Section {
    /// A stable anchor ("participants", "sign-off").
    pub id: &'static str,
    /// "Lampiran" for an appendix, numbered apart.
    pub prefix: Option<&'static str>,
    /// Its number, given by [`super::minutes::number`].
    pub number: Option<u32>,
    /// Its title.
    pub title: &'static str,
    /// It starts a printed page of its own.
    pub new_page: bool,
    /// What it holds.
    pub blocks: Vec<Block>,
}

/// A piece of a section.
#[derive(Debug, Clone)]
pub enum Block {
    /// A paragraph, with an optional style class.
    Paragraph {
        /// Style class.
        class: Option<&'static str>,
        /// Its text.
        spans: Vec<Span>,
    },
    /// A subheading; `local` is its number inside the section, from which
    /// the numbering makes `number` ("3.2.").
    Heading {
        /// Number inside the section.
        local: Option<usize>,
        /// Full number, set by the numbering.
        number: Option<String>,
        /// Its text.
        title: Vec<Span>,
    },
    /// A table.
    Table(Table),
    /// A list.
    List(List),
    /// Blocks that belong together (the discussion of one agenda item).
    Group {
        /// Style class.
        class: &'static str,
        /// The blocks.
        blocks: Vec<Block>,
    },
    /// A horizontal bar chart of talk time.
    Chart(Chart),
    /// Where, when and who signs.
    SignOff(SignOff),
    /// The heading lines of an attendance sheet.
    SheetHead(SheetHead),
}

/// A table: column labels, rows of cells, an optional total row.
#[derive(Debug, Clone)]
pub struct Table {
    /// Style class.
    pub class: &'static str,
    /// The columns.
    pub columns: Vec<Column>,
    /// Rows, one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// A closing row of totals.
    pub total: Option<Vec<Cell>>,
}

/// A table column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Its label.
    pub label: &'static str,
    /// How its cells align.
    pub align: Align,
}

/// How a column's cells align.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Figures (digits, `:` and `%`) to the right, text to the left.
    ByContent,
    /// To the left.
    Left,
    /// To the right.
    Right,
}

impl Table {
    /// A table whose columns align by content, without a total row.
    pub fn new(class: &'static str, labels: Vec<&'static str>, rows: Vec<Vec<Cell>>) -> Table {
        Table {
            class,
            columns: labels
                .into_iter()
                .map(|label| Column {
                    label,
                    align: Align::ByContent,
                })
                .collect(),
            rows,
            total: None,
        }
    }
}

/// A table cell.
#[derive(Debug, Clone)]
pub enum Cell {
    /// Text.
    Spans(Vec<Span>),
    /// A line to sign on, for the line numbered so.
    Signature(usize),
}

/// A list.
#[derive(Debug, Clone)]
pub struct List {
    /// Numbered.
    pub ordered: bool,
    /// Style class.
    pub class: &'static str,
    /// The items.
    pub items: Vec<ListItem>,
}

/// One list item.
#[derive(Debug, Clone)]
pub struct ListItem {
    /// Style class.
    pub class: Option<String>,
    /// Its own number, instead of its position.
    pub value: Option<u32>,
    /// Its text.
    pub spans: Vec<Span>,
}

/// A bar chart: one bar per label.
#[derive(Debug, Clone)]
pub struct Chart {
    /// Caption.
    pub title: String,
    /// Style class of the bars.
    pub class: &'static str,
    /// Label and seconds, in order.
    pub bars: Vec<(String, i64)>,
}

/// The sign-off: place and date, and one signature per signer.
#[derive(Debug, Clone)]
pub struct SignOff {
    /// "Jakarta Pusat, 15 Januari 2027".
    pub place: String,
    /// The NIP label.
    pub nip_label: &'static str,
    /// Who signs.
    pub signers: Vec<Signature>,
    /// "Demikian notulen ini dibuat …", kept on the page of the signatures.
    pub closing: String,
    /// The "Mengetahui" signer, under the others.
    pub approver: Option<Signature>,
}

/// One signature.
#[derive(Debug, Clone)]
pub struct Signature {
    /// Role ("Pimpinan rapat").
    pub role: &'static str,
    /// Name, if known.
    pub name: Option<String>,
    /// NIP, if known.
    pub nip: Option<String>,
    /// Position, printed above the name.
    pub position: Option<String>,
    /// Rank (pangkat/golongan), printed under the name.
    pub rank: Option<String>,
}

/// What heads an attendance sheet.
#[derive(Debug, Clone)]
pub struct SheetHead {
    /// The meeting's title.
    pub title: String,
    /// Date label.
    pub date_label: &'static str,
    /// The date.
    pub date: String,
    /// Venue label.
    pub venue_label: &'static str,
    /// The venue.
    pub venue: Option<String>,
}

/// A piece of inline text, tagged by what it is so each format escapes
/// and styles it its own way.
#[derive(Debug, Clone)]
pub enum Span {
    /// A text from the session; may hold newlines.
    Text(String),
    /// A text from the session kept in one piece (codes, names, references).
    Plain(String),
    /// A word or figure of the minutes themselves (labels, dates, counts).
    Word(String),
    /// Emphasis.
    Em(Vec<Span>),
    /// Strong emphasis.
    Strong(Vec<Span>),
    /// A quotation.
    Quote(Vec<Span>),
    /// Strong words, each with its style class ("09.15" time, "kutipan" kind).
    Marks(Vec<(&'static str, String)>),
    /// A flagged word with its style class ("(lewat tenggat)" overdue).
    Flag {
        /// Style class.
        class: &'static str,
        /// The word.
        text: String,
    },
    /// The "revised" marker with its label ("direvisi 2 Des 2026 14.10").
    Revised(String),
}

impl Span {
    /// A word or figure.
    pub fn word(s: impl Into<String>) -> Span {
        Span::Word(s.into())
    }

    /// Appends the text of `spans` as it reads, without markup: marked
    /// words apart by a space, a revision mark in brackets.
    pub fn text_of(spans: &[Span], out: &mut String) {
        for s in spans {
            match s {
                Span::Text(t) | Span::Plain(t) | Span::Word(t) | Span::Flag { text: t, .. } => {
                    out.push_str(t);
                }
                Span::Em(inner) | Span::Strong(inner) | Span::Quote(inner) => {
                    Span::text_of(inner, out);
                }
                Span::Marks(marks) => {
                    for (i, (_, w)) in marks.iter().enumerate() {
                        if i > 0 {
                            out.push(' ');
                        }
                        out.push_str(w);
                    }
                }
                Span::Revised(label) => {
                    out.push_str(" (");
                    out.push_str(label);
                    out.push(')');
                }
            }
        }
    }
}

impl Cell {
    /// A cell of one word or figure.
    pub fn word(s: impl Into<String>) -> Cell {
        Cell::Spans(vec![Span::word(s)])
    }

    /// A cell of session text.
    pub fn text(s: &str) -> Cell {
        Cell::Spans(vec![Span::Text(s.to_owned())])
    }

    /// A cell of session text, or a dash.
    pub fn opt(s: Option<&str>) -> Cell {
        s.map_or_else(|| Cell::word("—"), Cell::text)
    }

    /// An empty cell.
    pub fn empty() -> Cell {
        Cell::Spans(Vec::new())
    }
}

impl Block {
    /// A paragraph without a class.
    pub fn para(spans: Vec<Span>) -> Block {
        Block::Paragraph { class: None, spans }
    }

    /// A paragraph of one word (e.g. "none").
    pub fn words(s: &str) -> Block {
        Block::para(vec![Span::word(s)])
    }
}
