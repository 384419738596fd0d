//! Minutes and other files made from a session: no terminal code, no
//! storage engine. The facts of the minutes ([`model::Minutes`], built
//! purely from a `Session`, one file per section under `minutes/`) become a
//! document of neutral blocks ([`doc::Document`], sections numbered in
//! `minutes/mod.rs`) that `md.rs` and `html.rs` lay out; the actions go to
//! `actions.csv` and `actions.ics`, and the whole session to `session.json`.
//! [`write_all`] writes them atomically: the shared files (which hold no
//! private note) into `DIR/ID/`, `session.json` (lossless, so internal) and
//! the internal minutes into `DIR/ID/internal/`.

pub mod anonymize;
pub mod csv;
pub mod doc;
pub mod docx;
pub mod html;
pub mod ics;
pub mod json;
pub mod md;
pub mod minutes;
pub mod model;
pub mod pdf;
pub mod register;
pub mod xlsx;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::fmt;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::str::FromStr;

use thiserror::Error;

use crate::domain::{Language, Paper, Recorded, Session, replay};
use crate::store::{create_private_dir_all, owner, remove_temp_files, write_atomic};

pub use anonymize::anonymize;
pub use model::Minutes;

/// A file the export can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// `minutes.md`.
    Md,
    /// `minutes.html`.
    Html,
    /// `session.json`.
    Json,
    /// `actions.csv`.
    Csv,
    /// `actions.ics`.
    Ics,
    /// `minutes.docx`.
    Docx,
    /// `actions.xlsx`.
    Xlsx,
    /// `minutes.pdf`, printed by an installed browser; not in `all`.
    Pdf,
}

/// The names `--format` takes.
pub const FORMAT_NAMES: &str = "md, html, json, csv, ics, docx, xlsx, pdf, all";

/// A `--format` value that names no format.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("unknown format `{0}`; use one or more of {FORMAT_NAMES} (comma-separated)")]
pub struct UnknownFormat(pub String);

impl Format {
    /// Every format `all` means, in the order files are written (not the
    /// PDF, which needs a browser).
    pub const ALL: [Format; 7] = [
        Format::Md,
        Format::Html,
        Format::Json,
        Format::Csv,
        Format::Ics,
        Format::Docx,
        Format::Xlsx,
    ];

    /// Every format there is.
    pub const EVERY: [Format; 8] = [
        Format::Md,
        Format::Html,
        Format::Json,
        Format::Csv,
        Format::Ics,
        Format::Docx,
        Format::Xlsx,
        Format::Pdf,
    ];

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Ics => "ics",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
            Format::Pdf => "pdf",
        }
    }

    /// The file it is written to.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Md => "minutes.md",
            Format::Html => "minutes.html",
            Format::Json => "session.json",
            Format::Csv => "actions.csv",
            Format::Ics => "actions.ics",
            Format::Docx => "minutes.docx",
            Format::Xlsx => "actions.xlsx",
            Format::Pdf => "minutes.pdf",
        }
    }

    /// A comma-separated list (`md,html`, or `all`), without repeats, in
    /// the order of [`Format::ALL`].
    pub fn parse_list(list: &str) -> Result<Vec<Format>, UnknownFormat> {
        let mut out = Vec::new();
        for word in list.split(',').map(str::trim) {
            if word.eq_ignore_ascii_case("all") {
                out.extend(Format::ALL);
            } else {
                out.push(word.parse()?);
            }
        }
        out.sort();
        out.dedup();
        Ok(out)
    }
}

impl FromStr for Format {
    type Err = UnknownFormat;
    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        let t = s.trim().to_ascii_lowercase();
        Format::EVERY
            .into_iter()
            .find(|f| f.name() == t || (t == "markdown" && *f == Format::Md))
            .ok_or_else(|| UnknownFormat(s.trim().to_owned()))
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How to export.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The minutes' language; the session's when `None`.
    pub lang: Option<Language>,
    /// Name participants by code everywhere, and drop their NIPs.
    pub anonymize: bool,
    /// Also write the internal minutes (private notes included, marked
    /// internal) into `DIR/ID/internal/`; [`render_all`] renders the
    /// internal minutes instead of the shared ones.
    pub internal: bool,
    /// The paper to lay the minutes out for; the plan's when `None`.
    pub paper: Option<Paper>,
}

/// Who a file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Audience {
    /// Everyone: no private note, no resolvable attribution of a
    /// participant who did not consent. Written into `DIR/ID/`.
    Shared,
    /// The organisers: private notes included, marked internal. Written
    /// into `DIR/ID/internal/`.
    Internal,
}

/// The folder inside `DIR/ID/` that holds the internal files.
pub const INTERNAL_DIR: &str = "internal";

impl Format {
    /// Who the file of this format is for when written: `session.json` is
    /// lossless (private notes included), so internal; the others shared.
    pub fn audience(self) -> Audience {
        match self {
            Format::Json => Audience::Internal,
            Format::Md
            | Format::Html
            | Format::Csv
            | Format::Ics
            | Format::Docx
            | Format::Xlsx
            | Format::Pdf => Audience::Shared,
        }
    }

    /// Whether the file is text (UTF-8); the docx and xlsx are zip packages.
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Docx | Format::Xlsx | Format::Pdf)
    }

    /// Whether an internal variant of it exists (the minutes themselves).
    pub fn has_internal_minutes(self) -> bool {
        matches!(self, Format::Md | Format::Html | Format::Docx)
    }
}

/// Why an export failed.
#[derive(Debug, Error)]
pub enum ExportError {
    /// A session id that is not a plain file name.
    #[error("the session id `{0}` can't be used as a directory name")]
    BadId(String),
    /// A minutes folder another user could change (or a planted link).
    #[error(
        "{0}; minutes go only where no one else can change them: make it yours and \
         private (`chmod go-w`), or choose another with --out DIR"
    )]
    Unsafe(crate::store::owner::Unsafe),
    /// `minutes.pdf` could not be printed.
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    /// A directory or file could not be written.
    #[error("can't write {}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
}

/// The session to export, anonymised when asked, and the minutes' language.
struct Source<'a> {
    session: Cow<'a, Session>,
    log: Cow<'a, [Recorded]>,
    lang: Language,
    anonymize: bool,
    paper: Option<Paper>,
}

impl<'a> Source<'a> {
    fn new(session: &'a Session, log: &'a [Recorded], opts: Options) -> Source<'a> {
        let (session, log) = if opts.anonymize {
            let log = anonymize(log);
            (Cow::Owned(replay(&log)), Cow::Owned(log))
        } else {
            (Cow::Borrowed(session), Cow::Borrowed(log))
        };
        Source {
            lang: opts.lang.unwrap_or(session.info.language),
            anonymize: opts.anonymize,
            paper: opts.paper,
            session,
            log,
        }
    }

    /// One file made from the minutes model (and its document, made once
    /// for the formats that lay it out).
    fn render(&self, format: Format, minutes: &Minutes, doc: &OnceCell<doc::Document>) -> Vec<u8> {
        let doc = || doc.get_or_init(|| minutes::document(minutes));
        match format {
            Format::Json => json::render(&self.session, &self.log),
            Format::Md => md::render(doc()).into_bytes(),
            Format::Html | Format::Pdf => html::render(doc()).into_bytes(),
            Format::Docx => docx::render(doc()),
            Format::Xlsx => xlsx::render(minutes, &self.session),
            Format::Csv => csv::render(minutes).into_bytes(),
            Format::Ics => {
                ics::render(minutes, self.session.last_at.unwrap_or_default()).into_bytes()
            }
        }
    }

    /// The minutes model for `audience`, built once.
    fn minutes<'m>(&self, audience: Audience, cell: &'m OnceCell<Minutes>) -> &'m Minutes {
        cell.get_or_init(|| {
            let mut m = Minutes::build(
                &self.session,
                &self.log,
                model::View {
                    lang: self.lang,
                    anonymized: self.anonymize,
                    internal: audience == Audience::Internal,
                },
            );
            if let Some(p) = self.paper {
                m.paper = p;
            }
            m
        })
    }

    /// Makes each requested file (format and audience) and hands it to
    /// `sink`, giving back what the sink returned, in the order asked.
    /// `session.json` and `minutes.docx` (the slowest to make) are made on
    /// threads of their own (the docx from its own minutes model) while
    /// this one builds the minutes models and makes the others.
    fn produce<R: Send>(
        &self,
        outputs: &[(Format, Audience)],
        sink: impl Fn(Format, Audience, Vec<u8>) -> R + Sync,
    ) -> Vec<R> {
        let sink = &sink;
        let json_at = outputs.iter().position(|(f, _)| *f == Format::Json);
        let (json, mut made) = std::thread::scope(|scope| {
            let json = json_at.map(|i| {
                let audience = outputs[i].1;
                scope.spawn(move || {
                    let bytes = json::render(&self.session, &self.log);
                    sink(Format::Json, audience, bytes)
                })
            });
            let docx: Vec<_> = outputs
                .iter()
                .enumerate()
                .filter(|(_, (f, _))| *f == Format::Docx)
                .map(|(i, &(f, audience))| {
                    (
                        i,
                        scope.spawn(move || {
                            let (cell, doc) = (OnceCell::new(), OnceCell::new());
                            let bytes = self.render(f, self.minutes(audience, &cell), &doc);
                            sink(f, audience, bytes)
                        }),
                    )
                })
                .collect();
            let (shared, internal) = (OnceCell::new(), OnceCell::new());
            let (shared_doc, internal_doc) = (OnceCell::new(), OnceCell::new());
            let mut made = Vec::with_capacity(outputs.len());
            for (i, &(f, audience)) in outputs.iter().enumerate() {
                if matches!(f, Format::Json | Format::Docx) {
                    continue;
                }
                let (cell, doc) = match audience {
                    Audience::Shared => (&shared, &shared_doc),
                    Audience::Internal => (&internal, &internal_doc),
                };
                let bytes = self.render(f, self.minutes(audience, cell), doc);
                made.push((i, sink(f, audience, bytes)));
            }
            for (i, h) in docx {
                made.push((i, joined(h)));
            }
            let json = json.map(joined);
            (json, made)
        });
        if let (Some(i), Some(r)) = (json_at, json) {
            made.push((i, r));
        }
        made.sort_by_key(|(i, _)| *i);
        made.into_iter().map(|(_, r)| r).collect()
    }
}

/// What a scoped thread gave back; its panic goes on in this thread.
fn joined<R>(h: std::thread::ScopedJoinHandle<'_, R>) -> R {
    match h.join() {
        Ok(r) => r,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// Renders the requested formats in memory, in the order given: the
/// shared minutes, or with `opts.internal` the internal ones. Rendering
/// cannot fail; nothing is written.
pub fn render_all(
    session: &Session,
    log: &[Recorded],
    formats: &[Format],
    opts: Options,
) -> Vec<(Format, Vec<u8>)> {
    let outputs: Vec<(Format, Audience)> = formats
        .iter()
        .map(|&f| {
            if opts.internal && f.has_internal_minutes() {
                (f, Audience::Internal)
            } else {
                (f, Audience::Shared)
            }
        })
        .collect();
    Source::new(session, log, opts).produce(&outputs, |f, _, bytes| (f, bytes))
}

/// What [`write_all`] writes for `formats`: each format for its audience,
/// then, with `internal`, the internal minutes of the formats that have them.
pub fn outputs(formats: &[Format], internal: bool) -> Vec<(Format, Audience)> {
    let mut out: Vec<(Format, Audience)> = formats.iter().map(|&f| (f, f.audience())).collect();
    if internal {
        out.extend(
            formats
                .iter()
                .filter(|f| f.has_internal_minutes())
                .map(|&f| (f, Audience::Internal)),
        );
    }
    out
}

/// Whether a session id can name a directory: one plain path component,
/// not hidden, no separators, no control characters.
pub fn is_plain_name(id: &str) -> bool {
    let mut parts = Path::new(id).components();
    matches!(
        (parts.next(), parts.next()),
        (Some(Component::Normal(_)), None)
    ) && !id.starts_with('.')
        && !id.contains(['/', '\\'])
        && !id.chars().any(char::is_control)
        && id.len() <= 200
}

/// The directory a session's minutes go to: `dir/ID`.
pub fn minutes_dir(dir: &Path, id: &str) -> Result<PathBuf, ExportError> {
    if is_plain_name(id) {
        Ok(dir.join(id))
    } else {
        Err(ExportError::BadId(id.to_owned()))
    }
}

/// Writes the requested formats of `session` (whose event log is `log`):
/// the shared files into `dir/ID/`, `session.json` and (with
/// `opts.internal`) the internal minutes into `dir/ID/internal/` (both
/// created with mode 0700), each file atomically (temp file and rename, so
/// no file is ever half-written), and returns their paths in the order of
/// [`outputs`]. On an error, the files already written stay (each whole).
pub fn write_all(
    session: &Session,
    log: &[Recorded],
    dir: &Path,
    formats: &[Format],
    opts: Options,
) -> Result<Vec<PathBuf>, ExportError> {
    let out = minutes_dir(dir, &session.info.id)?;
    // Without a browser to print it, nothing is written.
    let browser = if formats.contains(&Format::Pdf) {
        Some(pdf::find_browser().ok_or(pdf::PdfError::NoBrowser)?)
    } else {
        None
    };
    let outputs = outputs(formats, opts.internal);
    let internal = out.join(INTERNAL_DIR);
    let dirs: &[&Path] = if outputs.iter().any(|(_, a)| *a == Audience::Internal) {
        &[&out, &internal]
    } else {
        &[&out]
    };
    for d in dirs {
        create_private_dir_all(d).map_err(|source| ExportError::Io {
            path: d.to_path_buf(),
            source,
        })?;
    }
    owner::check_parent(dir).map_err(ExportError::Unsafe)?;
    for d in dirs {
        owner::check_private(d).map_err(ExportError::Unsafe)?;
        // What a killed export left here (its process is gone).
        remove_temp_files(d);
    }
    Source::new(session, log, opts)
        .produce(&outputs, |format, audience, bytes| {
            let parent = match audience {
                Audience::Shared => &out,
                Audience::Internal => &internal,
            };
            let path = parent.join(format.file_name());
            if let (Format::Pdf, Some(browser)) = (format, &browser) {
                return pdf::make(browser, &bytes, &path)
                    .map(|()| path)
                    .map_err(ExportError::Pdf);
            }
            match write_atomic(&path, &bytes) {
                Ok(()) => Ok(path),
                Err(source) => Err(ExportError::Io { path, source }),
            }
        })
        .into_iter()
        .collect()
}

/// Writes every minutes file of `session` in its own language, shared and
/// internal, into `out/ID/` and `out/ID/internal/` and returns their
/// absolute paths (what the TUI shows after `E`).
pub fn write_minutes(session: &Session, log: &[Recorded], out: &Path) -> io::Result<Vec<PathBuf>> {
    let opts = Options {
        internal: true,
        ..Options::default()
    };
    let paths = write_all(session, log, out, &Format::ALL, opts).map_err(|e| match e {
        ExportError::Io { source, .. } => source,
        e @ (ExportError::BadId(_) | ExportError::Unsafe(_) | ExportError::Pdf(_)) => {
            io::Error::new(io::ErrorKind::InvalidInput, e)
        }
    })?;
    Ok(paths
        .into_iter()
        .map(|p| std::path::absolute(&p).unwrap_or(p))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_lists() {
        assert_eq!(Format::parse_list("all").unwrap(), Format::ALL.to_vec());
        assert_eq!(
            Format::parse_list("ics, md,md").unwrap(),
            vec![Format::Md, Format::Ics]
        );
        let err = Format::parse_list("md,odt").unwrap_err().to_string();
        assert!(err.contains("`odt`") && err.contains(FORMAT_NAMES), "{err}");
        assert!(!Format::parse_list("all").unwrap().contains(&Format::Pdf));
        assert_eq!(Format::parse_list("pdf").unwrap(), vec![Format::Pdf]);
        assert!(Format::parse_list("").is_err());
    }

    #[test]
    fn ids_must_be_plain_names() {
        let d = Path::new("/tmp/m");
        assert!(minutes_dir(d, "2026-11-23-pola").is_ok());
        for bad in ["../x", "a/b", "..", ".hidden", "", "/abs"] {
            assert!(minutes_dir(d, bad).is_err(), "{bad}");
        }
    }
}
