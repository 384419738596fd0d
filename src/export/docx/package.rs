//! The parts around the body that make a `.docx` package: the named styles
//! an office can restyle, the settings, `[Content_Types].xml`, the
//! relationships, the document's properties (dated by the session, so the
//! same session always gives the same file), and the zip that holds them.

use std::fmt::Write as _;
use std::io::Write as _;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The namespaces of the body, header and footer parts.
pub(super) const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"";

const DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// A paragraph style: `CT_Style` in its order (name, basedOn, next,
/// qFormat, pPr, rPr); `ppr` and `rpr` already in theirs.
fn style(out: &mut String, id: &str, name: &str, ppr: &str, rpr: &str) {
    let _ = write!(
        out,
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>\
<w:basedOn w:val=\"Normal\"/>"
    );
    if id.starts_with("Heading") {
        out.push_str("<w:next w:val=\"Normal\"/>");
    }
    out.push_str("<w:qFormat/>");
    if !ppr.is_empty() {
        let _ = write!(out, "<w:pPr>{ppr}</w:pPr>");
    }
    let _ = write!(out, "<w:rPr>{rpr}</w:rPr></w:style>");
}

/// `word/styles.xml`: Times New Roman 11 pt, and the named styles the
/// document uses ("Heading 1", "Heading 2", "Title", "Kop" …).
pub(super) fn styles() -> String {
    let mut out = String::with_capacity(4 * 1024);
    out.push_str(DECL);
    out.push_str(
        "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>\
<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>",
    );
    let bold =
        |size: u16| format!("<w:b/><w:bCs/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
    let plain = |size: u16| format!("<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
    let centre = "<w:jc w:val=\"center\"/>";
    style(
        &mut out,
        "Heading1",
        "Heading 1",
        "<w:keepNext/><w:outlineLvl w:val=\"0\"/>",
        &bold(24),
    );
    style(
        &mut out,
        "Heading2",
        "Heading 2",
        "<w:keepNext/><w:outlineLvl w:val=\"1\"/>",
        &bold(22),
    );
    style(&mut out, "Judul", "Title", centre, &bold(28));
    style(&mut out, "Kop", "Kop", centre, &bold(26));
    style(&mut out, "KopKontak", "Kop Kontak", centre, &plain(19));
    style(
        &mut out,
        "Kecil",
        "Kecil",
        "",
        &format!("<w:color w:val=\"555555\"/>{}", plain(15)),
    );
    style(&mut out, "Tabel", "Isi Tabel", "", &plain(20));
    out.push_str("</w:styles>");
    out
}

/// `word/settings.xml`: Word 2013+ layout (not compatibility mode).
const SETTINGS: &str = "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"840\"/><w:compat>\
<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>\
</w:compat></w:settings>";

fn content_types(header: bool) -> String {
    let mut out = String::from(DECL);
    out.push_str(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Default Extension=\"png\" ContentType=\"image/png\"/>\
<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>",
    );
    let mut over = |part: &str, kind: &str| {
        let _ = write!(
            out,
            "<Override PartName=\"/{part}\" ContentType=\"{kind}\"/>"
        );
    };
    over("word/document.xml", &format!("{WML}.document.main+xml"));
    over("word/styles.xml", &format!("{WML}.styles+xml"));
    over("word/settings.xml", &format!("{WML}.settings+xml"));
    if header {
        over("word/header1.xml", &format!("{WML}.header+xml"));
    }
    over("word/footer1.xml", &format!("{WML}.footer+xml"));
    over(
        "docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    over(
        "docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    );
    out.push_str("</Types>");
    out
}

/// A relationships part: (id, type, target), the type under the office
/// document's namespace unless it is a full URI.
fn rels(list: &[(&str, &str, &str)]) -> String {
    let mut out = String::from(DECL);
    out.push_str(
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for (id, kind, target) in list {
        let kind = if kind.starts_with("http") {
            (*kind).to_owned()
        } else {
            format!("{REL}/{kind}")
        };
        let _ = write!(
            out,
            "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{target}\"/>"
        );
    }
    out.push_str("</Relationships>");
    out
}

fn core(stamp: &str) -> String {
    format!(
        "{DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dcterms:created xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:created>\
<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{stamp}</dcterms:modified>\
<cp:revision>1</cp:revision></cp:coreProperties>"
    )
}

const APP: &str = "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"><Application>fgd</Application></Properties>";

/// What goes into the package besides the fixed parts.
pub(super) struct Parts {
    pub document: String,
    pub header: Option<String>,
    pub footer: String,
    /// The header's media, under `word/media/`, `rId1`, `rId2` … in order.
    pub media: Vec<(&'static str, Vec<u8>)>,
    pub made_at: chrono::DateTime<chrono::Utc>,
}

/// The package, zipped (deflate), every entry dated by the session.
pub(super) fn zip(p: &Parts) -> zip::result::ZipResult<Vec<u8>> {
    let stamp = p.made_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut doc_rels = vec![
        ("rId1", "styles", "styles.xml"),
        ("rId2", "settings", "settings.xml"),
        ("rId3", "footer", "footer1.xml"),
    ];
    if p.header.is_some() {
        doc_rels.push(("rId4", "header", "header1.xml"));
    }
    let media_rels: Vec<(String, String)> = p
        .media
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (format!("rId{}", i + 1), format!("media/{name}")))
        .collect();
    let header_rels: Vec<(&str, &str, &str)> = media_rels
        .iter()
        .map(|(id, target)| (id.as_str(), "image", target.as_str()))
        .collect();
    let mut files: Vec<(String, &[u8])> = Vec::new();
    let types = content_types(p.header.is_some());
    let root = rels(&[
        ("rId1", "officeDocument", "word/document.xml"),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        ("rId3", "extended-properties", "docProps/app.xml"),
    ]);
    let doc_rels = rels(&doc_rels);
    let header_rels = rels(&header_rels);
    let core = core(&stamp);
    let app = format!("{DECL}{APP}");
    let styles = styles();
    let settings = format!("{DECL}{SETTINGS}");
    files.push(("[Content_Types].xml".into(), types.as_bytes()));
    files.push(("_rels/.rels".into(), root.as_bytes()));
    files.push(("docProps/core.xml".into(), core.as_bytes()));
    files.push(("docProps/app.xml".into(), app.as_bytes()));
    files.push(("word/document.xml".into(), p.document.as_bytes()));
    files.push(("word/_rels/document.xml.rels".into(), doc_rels.as_bytes()));
    files.push(("word/styles.xml".into(), styles.as_bytes()));
    files.push(("word/settings.xml".into(), settings.as_bytes()));
    files.push(("word/footer1.xml".into(), p.footer.as_bytes()));
    if let Some(h) = &p.header {
        files.push(("word/header1.xml".into(), h.as_bytes()));
        if !p.media.is_empty() {
            files.push(("word/_rels/header1.xml.rels".into(), header_rels.as_bytes()));
        }
    }
    for (name, bytes) in &p.media {
        files.push((format!("word/media/{name}"), bytes));
    }
    write_zip(&files, p.made_at)
}

fn write_zip(
    files: &[(String, &[u8])],
    at: chrono::DateTime<chrono::Utc>,
) -> zip::result::ZipResult<Vec<u8>> {
    use chrono::{Datelike, Timelike};
    let part = |v: u32| u8::try_from(v).unwrap_or(0);
    let when = zip::DateTime::from_date_and_time(
        u16::try_from(at.year()).unwrap_or(1980),
        part(at.month()),
        part(at.day()),
        part(at.hour()),
        part(at.minute()),
        part(at.second()),
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(when);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(256 * 1024)));
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
