//! The kop's emblem as a picture in the page header: a PNG as it is; an
//! SVG as Word 2016+ takes it, an `asvg:svgBlip` pointing at the SVG part
//! inside a blip that points at a PNG for older readers (fgd draws no
//! raster of it: the fallback is one transparent pixel, so an older Word
//! shows no emblem). Sized from the image's own width and height (a PNG's
//! IHDR, an SVG's width/height or viewBox), 20 mm wide.

use std::fmt::Write as _;

use crate::domain::Emblem;

/// One transparent pixel: the PNG that stands in for an SVG emblem.
const BLANK_PNG: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0b, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x60, 0x00, 0x02, 0x00,
    0x00, 0x05, 0x00, 0x01, 0xe9, 0xfa, 0xdc, 0xd8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44,
    0xae, 0x42, 0x60, 0x82,
];

/// The extension Word 2016+ reads an SVG picture from.
const SVG_EXT: &str = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";

/// The emblem's width on the page: 20 mm in EMU.
const WIDTH_EMU: u64 = 720_000;
/// Its greatest height: the kop's, about 28 mm.
const MAX_HEIGHT_EMU: u64 = 1_000_000;

/// The emblem ready to embed: its media parts (name under `word/media/`
/// and bytes, the first the one the blip points at) and its size in EMU.
pub(super) struct Picture {
    pub media: Vec<(&'static str, Vec<u8>)>,
    pub svg: bool,
    pub cx: u64,
    pub cy: u64,
}

/// The emblem as a picture; `None` if it is neither a readable PNG nor SVG.
pub(super) fn picture(e: &Emblem) -> Option<Picture> {
    if !e.is_valid() {
        return None;
    }
    let bytes = decode64(&e.base64)?;
    let (svg, (w, h)) = match e.media_type.as_str() {
        "image/png" => (false, png_size(&bytes)?),
        "image/svg+xml" => (true, svg_size(std::str::from_utf8(&bytes).ok()?)),
        _ => return None,
    };
    let (cx, cy) = fit(w, h);
    let media = if svg {
        vec![("image1.png", BLANK_PNG.to_vec()), ("image2.svg", bytes)]
    } else {
        vec![("image1.png", bytes)]
    };
    Some(Picture { media, svg, cx, cy })
}

/// 20 mm wide, the height as the image's; scaled down to the kop's height.
fn fit(w: f64, h: f64) -> (u64, u64) {
    let ratio = if w > 0.0 && h > 0.0 { h / w } else { 1.0 };
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a positive size of some millimetres in EMU"
    )]
    let cy = (WIDTH_EMU as f64 * ratio).round() as u64;
    if cy > MAX_HEIGHT_EMU {
        (WIDTH_EMU * MAX_HEIGHT_EMU / cy, MAX_HEIGHT_EMU)
    } else {
        (WIDTH_EMU, cy.max(1))
    }
}

/// The picture as an inline drawing run; its blip points at relationship
/// `rId1` (the PNG) and, for an SVG, `rId2`.
pub(super) fn drawing(out: &mut String, p: &Picture) {
    let (cx, cy) = (p.cx, p.cy);
    let _ = write!(
        out,
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
<wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>\
<wp:docPr id=\"1\" name=\"Lambang\"/><wp:cNvGraphicFramePr>\
<a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/>\
</wp:cNvGraphicFramePr><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\
<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
<pic:nvPicPr><pic:cNvPr id=\"1\" name=\"Lambang\"/><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></pic:cNvPicPr></pic:nvPicPr>\
<pic:blipFill><a:blip r:embed=\"rId1\">"
    );
    if p.svg {
        let _ = write!(
            out,
            "<a:extLst><a:ext uri=\"{SVG_EXT}\">\
<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"rId2\"/>\
</a:ext></a:extLst>"
        );
    }
    let _ = write!(
        out,
        "</a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
</wp:inline></w:drawing></w:r>"
    );
}

/// A PNG's width and height from its IHDR.
fn png_size(b: &[u8]) -> Option<(f64, f64)> {
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    (w > 0 && h > 0).then_some((f64::from(w), f64::from(h)))
}

/// An SVG's width and height: its root's `width` and `height` (their
/// numbers, any unit), else its `viewBox`; square when neither is given.
fn svg_size(svg: &str) -> (f64, f64) {
    let Some(at) = svg.find("<svg") else {
        return (1.0, 1.0);
    };
    let root = &svg[at..];
    let root = &root[..root.find('>').unwrap_or(root.len())];
    let number = |v: &str| -> Option<f64> {
        let end = v
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(v.len());
        v[..end].parse().ok().filter(|n: &f64| *n > 0.0)
    };
    if let (Some(w), Some(h)) = (
        attr(root, "width").and_then(number),
        attr(root, "height").and_then(number),
    ) {
        return (w, h);
    }
    let view: Vec<f64> = attr(root, "viewBox")
        .unwrap_or("")
        .split([' ', ','])
        .filter_map(|n| n.parse().ok())
        .collect();
    match view[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => (w, h),
        _ => (1.0, 1.0),
    }
}

/// The value of attribute `name` in a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + name.len()..].trim_start();
        if before.is_some_and(char::is_whitespace)
            && let Some(v) = after.strip_prefix('=')
        {
            let v = v.trim_start();
            let q = v.chars().next()?;
            let v = &v[1..];
            return v.find(q).map(|end| &v[..end]);
        }
        rest = &rest[i + name.len()..];
    }
    None
}

/// Standard base64, padding optional; `None` on a stray character.
fn decode64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes().filter(|c| *c != b'=') {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_svg_is_sized_by_width_and_height_or_its_view_box() {
        let s = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" stroke-width="3" width="120px" height='144'>"#;
        assert_eq!(svg_size(s), (120.0, 144.0));
        let s = r#"<svg viewBox="0 0 50 100" xmlns="http://www.w3.org/2000/svg">"#;
        assert_eq!(svg_size(s), (50.0, 100.0));
        assert_eq!(svg_size("<svg>"), (1.0, 1.0));
    }

    #[test]
    fn a_tall_emblem_is_scaled_to_the_kops_height() {
        assert_eq!(fit(100.0, 100.0), (720_000, 720_000));
        assert_eq!(fit(100.0, 200.0), (500_000, 1_000_000));
    }

    #[test]
    fn the_blank_fallback_is_a_one_pixel_png() {
        assert_eq!(png_size(BLANK_PNG), Some((1.0, 1.0)));
    }
}
