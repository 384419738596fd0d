//! The action register (`fgd actions`): every action of a series (or of
//! all sessions) once, with its latest status across the meetings, its PIC,
//! due date, origin meeting (number and date), the meetings it stayed on the
//! list, its latest progress note and an overdue mark. Gathered from the
//! sessions' states (read from their `session.json` backups, so a live
//! session is never opened), rendered as a text table, JSON, CSV, xlsx
//! (`xlsx.rs`) or printable HTML (`html.rs`). Must not read files or know
//! the store.

mod html;
mod xlsx;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{ActionItem, ActionStatus, Language, Outcome, Session};
use crate::i18n::{self, series::Words};

pub use xlsx::XlsxError;

/// One action of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The series it belongs to.
    pub series: String,
    /// The session it was first recorded in.
    pub origin: String,
    /// That meeting's number in the series.
    pub meeting: u32,
    /// That meeting's day.
    pub date: NaiveDate,
    /// Its number in that meeting.
    pub number: u32,
    /// What is to be done.
    pub what: String,
    /// Who (the PIC's name, or the text as typed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pic: Option<String>,
    /// Its latest due date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Its latest status.
    pub status: ActionStatus,
    /// What its latest review made of it, when it was carried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Its latest progress note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The meetings (numbers) it was on the list of.
    pub meetings: Vec<u32>,
    /// The session that holds its latest status.
    pub latest: String,
    /// Open and due before the register's day.
    pub overdue: bool,
}

/// Which actions to keep.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    /// Only open ones.
    pub open: bool,
    /// Only overdue ones.
    pub overdue: bool,
}

/// The register of `sessions` as of `today`: each action once, in the
/// order of its origin meeting and number.
pub fn build(sessions: &[Session], today: NaiveDate, filter: Filter) -> Vec<Row> {
    let mut order: Vec<&Session> = sessions.iter().collect();
    order.sort_by(|a, b| {
        (
            a.info.series_id(),
            a.info.meeting_number(),
            a.date(),
            &a.info.id,
        )
            .cmp(&(
                b.info.series_id(),
                b.info.meeting_number(),
                b.date(),
                &b.info.id,
            ))
    });
    let mut rows: Vec<Row> = Vec::new();
    let mut at: HashMap<(String, String, u32), usize> = HashMap::new();
    for s in order {
        for a in s.actions() {
            let row = row_of(s, a, today);
            let key = (row.series.clone(), row.origin.clone(), row.number);
            if let Some(&i) = at.get(&key) {
                let meetings = std::mem::take(&mut rows[i].meetings);
                rows[i] = Row { meetings, ..row };
                let n = s.info.meeting_number();
                if !rows[i].meetings.contains(&n) {
                    rows[i].meetings.push(n);
                }
            } else {
                at.insert(key, rows.len());
                rows.push(row);
            }
        }
    }
    rows.retain(|r| {
        (!filter.open || r.status == ActionStatus::Open) && (!filter.overdue || r.overdue)
    });
    rows
}

/// The row of action `a` as session `s` has it.
fn row_of(s: &Session, a: &ActionItem, today: NaiveDate) -> Row {
    let carried = a.carried.as_ref();
    let pic = a.pic.as_ref().map(|p| match p.code.as_deref() {
        Some(code) => s.name_of(code).to_owned(),
        None => p.text.clone(),
    });
    Row {
        series: s.info.series_id().to_owned(),
        origin: a.origin.clone().unwrap_or_else(|| s.info.id.clone()),
        meeting: carried.map_or_else(|| s.info.meeting_number(), |c| c.meeting),
        date: carried.map_or_else(|| s.date(), |c| c.date),
        number: carried.map_or(a.id.0, |c| c.number),
        what: a.what.clone(),
        pic,
        due: a.due,
        status: a.status,
        outcome: a.outcome(),
        note: a.latest_note().map(str::to_owned),
        meetings: vec![s.info.meeting_number()],
        latest: s.info.id.clone(),
        overdue: a.is_overdue(today),
    }
}

/// A register ready to render: its rows and how it is headed.
#[derive(Debug, Clone)]
pub struct Register {
    /// The series it is of, if one.
    pub series: Option<String>,
    /// The one session it is of (`--session`), if so.
    pub session: Option<String>,
    /// The day it is as of.
    pub today: NaiveDate,
    /// Its language.
    pub lang: Language,
    /// Its rows.
    pub rows: Vec<Row>,
}

impl Register {
    fn words(&self) -> &'static Words {
        i18n::series::words(self.lang)
    }

    /// The heading line: "Seri obsesi" or "Semua sesi".
    fn scope(&self) -> String {
        let w = self.words();
        match (&self.session, &self.series) {
            (Some(id), _) => i18n::fill(w.register_session, &[id]),
            (None, Some(s)) => i18n::fill(w.register_of, &[s]),
            (None, None) => w.register_all.to_owned(),
        }
    }

    /// "pertemuan ke-2, 5 Januari 2027".
    fn origin_text(&self, r: &Row) -> String {
        let date = i18n::date(r.date, self.lang);
        i18n::fill(self.words().meeting_of, &[&r.meeting, &date])
    }

    /// The status, with what the review made of it and the overdue mark.
    fn status_text(&self, r: &Row) -> String {
        let w = self.words();
        let mut s = match r.outcome {
            Some(o @ (Outcome::InProgress | Outcome::Extended)) => {
                i18n::pick(self.lang, i18n::series::outcome(o)).to_owned()
            }
            _ => i18n::pick(self.lang, i18n::common::action_status(r.status)).to_owned(),
        };
        if r.overdue {
            s = format!("{s} ({})", w.overdue);
        }
        s
    }

    /// "1, 2, 3".
    fn meetings_text(r: &Row) -> String {
        let list: Vec<String> = r.meetings.iter().map(u32::to_string).collect();
        list.join(", ")
    }

    /// The cells of each row, as text: no, what, PIC, from, due, status,
    /// meetings, note.
    fn cells(&self) -> Vec<[String; 8]> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                [
                    (i + 1).to_string(),
                    r.what.clone(),
                    r.pic.clone().unwrap_or_default(),
                    self.origin_text(r),
                    r.due.map(|d| i18n::date(d, self.lang)).unwrap_or_default(),
                    self.status_text(r),
                    Self::meetings_text(r),
                    r.note.clone().unwrap_or_default(),
                ]
            })
            .collect()
    }

    /// The column labels, in the order of [`Register::cells`].
    fn labels(&self) -> [&'static str; 8] {
        let w = self.words();
        [
            w.col_no,
            w.col_what,
            w.col_pic,
            w.col_origin,
            w.col_due,
            w.col_status,
            w.col_open_in,
            w.col_note,
        ]
    }

    /// A plain text table for a terminal: one action a line, columns
    /// separated by two spaces (what and note cut to 40 characters).
    pub fn table(&self) -> String {
        let w = self.words();
        let mut out = format!("{} · {}\n", w.register_title, self.scope());
        if self.rows.is_empty() {
            out.push_str(w.register_empty);
            out.push('\n');
            return out;
        }
        let mut lines: Vec<[String; 8]> = vec![self.labels().map(str::to_owned)];
        lines.extend(self.cells().into_iter().map(|mut c| {
            for i in [1, 7] {
                c[i] = cut(&c[i], 40);
            }
            c
        }));
        let widths: Vec<usize> = (0..8)
            .map(|i| {
                lines
                    .iter()
                    .map(|l| l[i].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        for l in &lines {
            let cells: Vec<String> = l
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out
    }

    /// JSON: the scope, the day and every row.
    pub fn json(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct Out<'a> {
            format: &'static str,
            series: Option<&'a str>,
            as_of: NaiveDate,
            actions: &'a [Row],
        }
        let out = Out {
            format: "fgd-actions",
            series: self.series.as_deref(),
            as_of: self.today,
            actions: &self.rows,
        };
        let mut bytes = serde_json::to_vec_pretty(&out).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    /// CSV: UTF-8 with a byte-order mark, a header row, formulas
    /// neutralised (as `actions.csv`).
    pub fn csv(&self) -> String {
        let mut out = String::from('\u{feff}');
        super::csv::row(&mut out, &self.labels());
        for c in self.cells() {
            let cells: Vec<&str> = c.iter().map(String::as_str).collect();
            super::csv::row(&mut out, &cells);
        }
        out
    }

    /// Printable HTML, laid out as the minutes are.
    pub fn html(&self) -> String {
        html::render(self)
    }

    /// An Excel workbook with real dates.
    pub fn xlsx(&self) -> Result<Vec<u8>, XlsxError> {
        xlsx::render(self)
    }
}

/// `s` cut to `max` characters with `…`.
fn cut(s: &str, max: usize) -> String {
    let s = s.replace('\n', " ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A file format of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A text table on standard output.
    Table,
    /// `register.json`.
    Json,
    /// `register.csv`.
    Csv,
    /// `register.xlsx`.
    Xlsx,
    /// `register.html`.
    Html,
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Kind, String> {
        match s.trim().to_lowercase().as_str() {
            "table" => Ok(Kind::Table),
            "json" => Ok(Kind::Json),
            "csv" => Ok(Kind::Csv),
            "xlsx" => Ok(Kind::Xlsx),
            "html" => Ok(Kind::Html),
            other => Err(format!(
                "unknown register format `{other}`; use one of: table, json, csv, xlsx, html"
            )),
        }
    }
}

/// Writes the register in `kind` (not `Table`) as `dir/SCOPE/register.EXT`
/// (the directory made private, the file written atomically) and returns
/// its path. `scope` names the folder: the series, the session, or `all`.
pub fn write(
    r: &Register,
    kind: Kind,
    dir: &std::path::Path,
    scope: &str,
) -> Result<std::path::PathBuf, super::ExportError> {
    use super::ExportError;
    let (name, bytes) = match kind {
        Kind::Table => ("register.txt", r.table().into_bytes()),
        Kind::Json => ("register.json", r.json()),
        Kind::Csv => ("register.csv", r.csv().into_bytes()),
        Kind::Html => ("register.html", r.html().into_bytes()),
        Kind::Xlsx => (
            "register.xlsx",
            r.xlsx().map_err(|e| ExportError::Io {
                path: dir.join(scope).join("register.xlsx"),
                source: std::io::Error::other(e.to_string()),
            })?,
        ),
    };
    let out = super::minutes_dir(dir, scope)?;
    crate::store::create_private_dir_all(&out).map_err(|source| ExportError::Io {
        path: out.clone(),
        source,
    })?;
    crate::store::owner::check_parent(dir).map_err(ExportError::Unsafe)?;
    crate::store::owner::check_private(&out).map_err(ExportError::Unsafe)?;
    let path = out.join(name);
    crate::store::write_atomic(&path, &bytes).map_err(|source| ExportError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}
