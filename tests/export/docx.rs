//! `minutes.docx` as a package of OOXML parts, read back with quick-xml:
//! every part well-formed and every property list in the schema's order;
//! head rows that repeat and rows that never split; text that survives
//! exactly; the emblem (SVG with its PNG fallback, or PNG); page fields;
//! and LibreOffice's pages.

use std::collections::BTreeMap;
use std::io::Read;

use fgd::domain::{Command, NoteId};
use fgd::export::{self, Format, Options};
use quick_xml::events::Event;

use crate::export_support::fixed;

/// The child order of each property list, from ECMA-376's `wml.xsd`
/// (`CT_PPrBase`, `EG_RPrBase`, `CT_TblPrBase`, `CT_TrPrBase`,
/// `CT_TcPrBase`, `CT_SectPr`), with the children fgd may write.
const ORDERS: [(&str, &[&str]); 6] = [
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:widowControl",
            "w:numPr",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:spacing",
            "w:ind",
            "w:jc",
            "w:outlineLvl",
            "w:rPr",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:color", "w:sz", "w:szCs",
            "w:u", "w:lang",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblW",
            "w:jc",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
        ],
    ),
    (
        "w:trPr",
        &["w:cantSplit", "w:trHeight", "w:tblHeader", "w:jc"],
    ),
    (
        "w:tcPr",
        &[
            "w:tcW",
            "w:gridSpan",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:vAlign",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:pgNumType",
            "w:cols",
            "w:titlePg",
            "w:docGrid",
        ],
    ),
];

pub(super) fn render(fx: &crate::common::Fx) -> Vec<u8> {
    export::render_all(&fx.s, &fx.log, &[Format::Docx], Options::default())
        .into_iter()
        .next()
        .unwrap()
        .1
}

/// Every part of the package by name.
fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        out.insert(f.name().unwrap().into_owned(), b);
    }
    out
}

fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        parts
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .unwrap()
}

/// An element as read: its name, attributes, and its direct children's
/// names.
#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<String>,
    /// Index of the parent in the list.
    parent: Option<usize>,
}

/// Every element of a part in document order; a parse error fails.
fn elements(name: &str, xml: &str) -> Vec<El> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out: Vec<El> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    loop {
        let (e, empty) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(_)) => {
                stack.pop();
                continue;
            }
            Ok(Event::Eof) => break,
            Ok(Event::Text(t)) => {
                t.xml10_content()
                    .unwrap_or_else(|e| panic!("{name}: bad text: {e}"));
                continue;
            }
            Err(e) => panic!("{name} is not well-formed XML: {e}"),
            Ok(_) => continue,
        };
        let tag = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
        let attrs = e
            .attributes()
            .map(|a| {
                let a = a.unwrap_or_else(|err| panic!("{name}: bad attribute: {err}"));
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect();
        let parent = stack.last().copied();
        if let Some(p) = parent {
            out[p].children.push(tag.clone());
        }
        out.push(El {
            name: tag,
            attrs,
            children: vec![],
            parent,
        });
        if !empty {
            stack.push(out.len() - 1);
        }
    }
    assert!(stack.is_empty(), "{name}: unclosed elements");
    out
}

/// Each paragraph's text exactly: `w:t` as written, `w:br` a newline,
/// `w:tab` a tab.
fn paragraphs(xml: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut out, mut cur, mut in_t) = (Vec::new(), String::new(), false);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push(std::mem::take(&mut cur)),
            Event::Empty(e) if e.name().as_ref() == b"w:br" => cur.push('\n'),
            Event::Empty(e) if e.name().as_ref() == b"w:tab" => cur.push('\t'),
            Event::Text(t) if in_t => cur.push_str(&t.xml10_content().unwrap()),
            Event::GeneralRef(r) if in_t => {
                let n = r.decode().unwrap();
                let s = quick_xml::escape::resolve_predefined_entity(&n)
                    .map(str::to_owned)
                    .or_else(|| r.resolve_char_ref().unwrap().map(String::from))
                    .unwrap();
                cur.push_str(&s);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn every_part_is_well_formed_and_every_property_list_in_the_schemas_order() {
    let mut fx = fixed();
    fx.s.info.letterhead = Some(Box::new(letterhead(
        "image/svg+xml",
        &base64(SVG.as_bytes()),
    )));
    let p = parts(&render(&fx));
    for want in [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/app.xml",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/header1.xml",
        "word/_rels/header1.xml.rels",
        "word/footer1.xml",
    ] {
        assert!(p.contains_key(want), "no {want} in {:?}", p.keys());
    }
    let mut checked = 0;
    for (name, bytes) in &p {
        if !(crate::export_support::xml_part(name, "")
            || name.to_ascii_lowercase().ends_with(".rels"))
        {
            continue;
        }
        let xml = std::str::from_utf8(bytes).unwrap();
        for el in elements(name, xml) {
            let Some((_, order)) = ORDERS.iter().find(|(n, _)| *n == el.name) else {
                continue;
            };
            let at: Vec<usize> = el
                .children
                .iter()
                .map(|c| {
                    order
                        .iter()
                        .position(|o| o == c)
                        .unwrap_or_else(|| panic!("{name}: {c} is not expected in {}", el.name))
                })
                .collect();
            assert!(
                at.windows(2).all(|w| w[0] < w[1]),
                "{name}: {} children out of the schema's order: {:?}",
                el.name,
                el.children
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} property lists checked");
}

#[test]
fn every_head_row_repeats_every_row_stays_whole_and_headings_keep_with_next() {
    let fx = fixed();
    let p = parts(&render(&fx));
    let els = elements("word/document.xml", &text(&p, "word/document.xml"));
    let has = |i: usize, child: &str| els[i].children.iter().any(|c| c == child);
    // The property list of element `i` (its child named so).
    let props = |i: usize, name: &str| {
        els.iter()
            .position(|e| e.parent == Some(i) && e.name == name)
    };
    let mut bordered = 0;
    let mut widths: Vec<Vec<u32>> = vec![];
    for (t, _) in els.iter().enumerate().filter(|(_, e)| e.name == "w:tbl") {
        let tbl_pr = props(t, "w:tblPr").expect("a tblPr");
        let rows: Vec<usize> = (0..els.len())
            .filter(|&r| els[r].parent == Some(t) && els[r].name == "w:tr")
            .collect();
        for (n, &r) in rows.iter().enumerate() {
            let tr_pr = props(r, "w:trPr").expect("every row has a trPr");
            assert!(
                has(tr_pr, "w:cantSplit"),
                "row {n} of table at {t} may split"
            );
            let head = has(tr_pr, "w:tblHeader");
            if has(tbl_pr, "w:tblBorders") {
                assert_eq!(head, n == 0, "head row marks of table at {t}, row {n}");
            }
        }
        if has(tbl_pr, "w:tblBorders") {
            bordered += 1;
            // Columns as wide as their content: they fill the text's width,
            // and a title column is wider than a number column.
            let grid: Vec<u32> = (0..els.len())
                .filter(|&g| els[g].name == "w:gridCol")
                .filter(|&g| els[g].parent.and_then(|p| els[p].parent) == Some(t))
                .map(|g| els[g].attrs["w:w"].parse().unwrap())
                .collect();
            widths.push(grid);
            // The head row's paragraphs are kept with the first row.
            let first = rows[0];
            for (c, _) in els.iter().enumerate().filter(|(_, e)| e.name == "w:pPr") {
                let para = els[c].parent.unwrap();
                let cell = els[para].parent.unwrap();
                if els[cell].parent == Some(first) {
                    assert!(has(c, "w:keepNext"), "a head cell of table at {t}");
                }
            }
        }
    }
    assert!(bordered >= 5, "only {bordered} bordered tables");
    let total: u32 = widths[0].iter().sum();
    assert!(
        widths.iter().all(|g| g.iter().sum::<u32>() == total),
        "{widths:?}"
    );
    assert!(
        widths
            .iter()
            .all(|g| g.iter().max() >= Some(&(2 * g.iter().min().unwrap()))),
        "every bordered table has a column at least twice as wide as another: {widths:?}"
    );
    let mut headings = 0;
    for (i, e) in els.iter().enumerate().filter(|(_, e)| e.name == "w:pStyle") {
        if e.attrs["w:val"].starts_with("Heading") {
            headings += 1;
            assert!(has(e.parent.unwrap(), "w:keepNext"), "a heading at {i}");
        }
    }
    assert!(headings > 10, "{headings} headings");
}

#[test]
fn long_texts_urls_and_markup_survive_exactly_and_controls_are_dropped() {
    let mut fx = fixed();
    let middle: String = (0..4_998)
        .map(|i| match i % 11 {
            0 => ' ',
            5 => 'é',
            _ => char::from(b'a' + u8::try_from(i % 26).unwrap()),
        })
        .collect();
    let long = format!("A{middle}Z");
    assert_eq!(long.chars().count(), 5_000);
    fx.ok(Command::EditNote {
        note: NoteId(3),
        text: Some(long.clone()),
        kind: None,
        participant: None,
        private: None,
    });
    let url = format!(
        "https://data.sendangrejo.go.id/{}?a=1&b=<2>",
        "x".repeat(260)
    );
    assert!(url.len() >= 300);
    let action = fx.s.actions().next().map(|a| a.id).unwrap();
    fx.ok(Command::EditAction {
        action,
        what: Some(url.clone()),
        pic: None,
        due: None,
    });
    let p = parts(&render(&fx));
    let body = paragraphs(&text(&p, "word/document.xml"));
    assert!(
        body.iter().any(|p| p.contains(&long)),
        "the 5,000-character note not kept whole"
    );
    assert!(
        body.iter().any(|p| p.contains(&url)),
        "the URL not kept whole"
    );

    // Past the domain, straight into the state: the writer's own guard.
    let markup = "Tarif <b>Rp 5.000</b> & \"gratis\"  'dua spasi'";
    fx.s.notes[2].text = format!("{markup}\u{0}\u{7}\u{1b}\u{85}\u{fffe}\tsetelah tab");
    let p = parts(&render(&fx));
    let body = paragraphs(&text(&p, "word/document.xml"));
    assert!(
        body.iter()
            .any(|p| p.contains(&format!("{markup}\tsetelah tab"))),
        "markup not kept exactly: {:?}",
        body.iter().find(|p| p.contains("Tarif"))
    );
}

/// A 120×144 emblem as SVG.
const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="144" viewBox="0 0 120 144"><path d="M4 4 H116 V80 L60 140 L4 80 Z" fill="#1d4e89"/></svg>"##;

/// A 2×3 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x03, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xf1,
    0x4d, 0x00, 0x00, 0x00, 0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
    0x44, 0x50, 0x1a, 0x00, 0x33, 0xf6, 0x07, 0xf9, 0xfd, 0x7e, 0x9b, 0x84, 0x00, 0x00, 0x00, 0x00,
    0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

fn base64(b: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in b.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            if k <= c.len() {
                out.push(char::from(A[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn letterhead(media_type: &str, b64: &str) -> fgd::domain::Letterhead {
    fgd::domain::Letterhead {
        lines: vec![
            "Pemerintah Kabupaten Sendangrejo".into(),
            "Badan Perencanaan Pembangunan Daerah".into(),
        ],
        address: Some("Jalan Merdeka Nomor 5, Sendangrejo".into()),
        emblem: Some(fgd::domain::Emblem {
            media_type: media_type.into(),
            base64: b64.into(),
        }),
        ..fgd::domain::Letterhead::default()
    }
}

/// The target of relationship `id` in a rels part.
fn target(rels: &str, id: &str) -> String {
    elements("rels", rels)
        .into_iter()
        .find(|e| e.name == "Relationship" && e.attrs["Id"] == id)
        .unwrap_or_else(|| panic!("no relationship {id} in {rels}"))
        .attrs["Target"]
        .clone()
}

/// The header's pictures: (blip target, SVG target if any, cx, cy).
fn emblem_of(p: &BTreeMap<String, Vec<u8>>) -> (String, Option<String>, u64, u64) {
    let header = text(p, "word/header1.xml");
    let rels = text(p, "word/_rels/header1.xml.rels");
    let els = elements("word/header1.xml", &header);
    let blip = els.iter().find(|e| e.name == "a:blip").expect("a blip");
    let svg = els.iter().find(|e| e.name == "asvg:svgBlip").map(|s| {
        let ext = &els[s.parent.unwrap()];
        assert_eq!(ext.attrs["uri"], "{96DAC541-7B7A-43D3-8B79-37D633B846F1}");
        target(&rels, &s.attrs["r:embed"])
    });
    let extent = els.iter().find(|e| e.name == "wp:extent").unwrap();
    (
        target(&rels, &blip.attrs["r:embed"]),
        svg,
        extent.attrs["cx"].parse().unwrap(),
        extent.attrs["cy"].parse().unwrap(),
    )
}

#[test]
fn an_svg_emblem_is_an_svg_blip_over_a_png_fallback_sized_as_drawn() {
    let mut fx = fixed();
    fx.s.info.letterhead = Some(Box::new(letterhead(
        "image/svg+xml",
        &base64(SVG.as_bytes()),
    )));
    let p = parts(&render(&fx));
    let (fallback, svg, cx, cy) = emblem_of(&p);
    let svg = svg.expect("an asvg:svgBlip");
    assert_eq!(
        p[&format!("word/{svg}")],
        SVG.as_bytes(),
        "the SVG as given"
    );
    assert!(
        svg.starts_with("media/")
            && std::path::Path::new(&svg)
                .extension()
                .is_some_and(|e| e == "svg"),
        "{svg}"
    );
    let png = &p[&format!("word/{fallback}")];
    assert!(png.starts_with(b"\x89PNG"), "the fallback is a PNG");
    assert_eq!((cx, cy), (720_000, 864_000), "120×144 at 20 mm wide");
    assert!(
        text(&p, "[Content_Types].xml").contains("Extension=\"svg\" ContentType=\"image/svg+xml\"")
    );
}

#[test]
fn a_png_emblem_is_embedded_as_it_is() {
    let mut fx = fixed();
    fx.s.info.letterhead = Some(Box::new(letterhead("image/png", &base64(PNG))));
    let p = parts(&render(&fx));
    let (image, svg, cx, cy) = emblem_of(&p);
    assert_eq!(svg, None);
    assert_eq!(p[&format!("word/{image}")], PNG);
    // 2×3 is taller than the kop allows at 20 mm: scaled to its height.
    assert_eq!(cy, 1_000_000);
    assert_eq!(cx, 666_666);
}

#[test]
fn the_footer_numbers_the_pages_with_page_fields() {
    let p = parts(&render(&fixed()));
    let footer = text(&p, "word/footer1.xml");
    let els = elements("word/footer1.xml", &footer);
    let kinds: Vec<&str> = els
        .iter()
        .filter(|e| e.name == "w:fldChar")
        .map(|e| e.attrs["w:fldCharType"].as_str())
        .collect();
    assert_eq!(
        kinds,
        ["begin", "separate", "end", "begin", "separate", "end"]
    );
    let instr: Vec<String> = paragraphs_of_instr(&footer);
    assert_eq!(instr, ["PAGE", "NUMPAGES"]);
    let lines = paragraphs(&footer);
    assert!(lines[0].starts_with("Halaman ") && lines[0].contains(" dari "));
}

fn paragraphs_of_instr(xml: &str) -> Vec<String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut out, mut inside) = (Vec::new(), false);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"w:instrText" => inside = true,
            Event::End(e) if e.name().as_ref() == b"w:instrText" => inside = false,
            Event::Text(t) if inside => out.push(t.xml10_content().unwrap().trim().to_owned()),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}
