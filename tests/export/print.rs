//! The HTML minutes as a browser lays them out and prints them, with real
//! layout: headless Chromium. A session with a 300-character URL in an
//! action and a 5,000-character note is laid out at the width of the
//! printed page's text (A4 and F4); a script measures every word's box and
//! every element's box and the body's computed font size, and writes what
//! it found into the DOM that `--dump-dom` prints. Then the minutes are
//! printed to PDF with `fgd export --format pdf`'s own path and the PDF's
//! text must hold "Halaman 1 dari N" … (read with `pdftotext` from
//! poppler-utils). Skipped, saying so, where no browser is installed.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use fgd::domain::{Command, Paper};
use fgd::export::{self, Format, Options};

use crate::export_support::fixed;

/// The printed page's text width in CSS pixels (96 per inch): the paper
/// less the stylesheet's side margins, 22 mm and 18 mm.
fn text_width_px(paper: Paper) -> u32 {
    let (w, _) = paper.size_mm();
    (w - 40) * 9_600 / 2_540
}

/// The fixed session with the long texts that once broke the printout.
fn long_texts() -> crate::common::Fx {
    let mut fx = fixed();
    let url = format!(
        "https://satudata.example.go.id/dataset/{}?unduh=1",
        "integrasi-layanan-kependudukan-".repeat(9)
    );
    assert!(url.len() >= 300, "{}", url.len());
    let sentence = "Peserta menguraikan hambatan koordinasi lintas perangkat daerah secara rinci. ";
    let mut note_text = sentence.repeat(5_000 / sentence.len() + 1);
    note_text.truncate(4_950);
    note_text.push(' ');
    note_text.push_str(&"x".repeat(50));
    assert!(note_text.chars().count() >= 5_000);
    // The session has ended: the long texts come in as corrections of a
    // public note of item 3 and of an action, as they would after the end.
    let note =
        fx.s.notes()
            .find(|n| !n.private && n.item.is_some())
            .map(|n| n.id)
            .unwrap();
    fx.ok(Command::EditNote {
        note,
        text: Some(note_text),
        kind: None,
        participant: None,
        private: None,
    });
    let action = fx.s.actions().nth(1).map(|a| a.id).unwrap();
    fx.ok(Command::EditAction {
        action,
        what: Some(format!("Unggah data ke {url}")),
        pic: None,
        due: None,
    });
    fx
}

fn html_of(fx: &crate::common::Fx, paper: Paper) -> String {
    let files = export::render_all(
        &fx.s,
        &fx.log,
        &[Format::Html],
        Options {
            paper: Some(paper),
            ..Options::default()
        },
    );
    String::from_utf8(files.into_iter().next().unwrap().1).unwrap()
}

/// Measures the laid-out page: every text's line boxes and every element's
/// box against the viewport, the body's computed font size.
const MEASURE: &str = r"<style>@media screen { body { max-width: none !important; margin: 0 !important; padding: 0 !important; } }</style>
<script>
addEventListener('load', () => {
  const width = document.documentElement.clientWidth;
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let words = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.trim()) continue;
    const r = document.createRange();
    r.selectNodeContents(n);
    for (const box of r.getClientRects()) {
      words++;
      if (box.left < -0.5 || box.right > width + 0.5) out.push('text ' + Math.round(box.right) + ': ' + n.textContent.slice(0, 40));
    }
  }
  for (const el of document.body.querySelectorAll('*')) {
    const b = el.getBoundingClientRect();
    if (b.width && (b.left < -0.5 || b.right > width + 0.5)) out.push('<' + el.tagName + '> ' + Math.round(b.right));
  }
  const m = document.createElement('pre');
  m.id = 'measured';
  m.textContent = JSON.stringify({
    width, words, scroll: document.documentElement.scrollWidth,
    font: getComputedStyle(document.body).fontSize, outside: out.slice(0, 20), count: out.length,
  });
  document.body.appendChild(m);
});
</script>
";

fn chromium(browser: &Path, args: &[&str], work: &Path) -> std::process::Output {
    let mut cmd = Process::new(browser);
    cmd.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--hide-scrollbars",
    ])
    .arg(format!(
        "--user-data-dir={}",
        work.join("profile").display()
    ))
    .args(args);
    #[cfg(unix)]
    if rustix::process::geteuid().is_root() {
        cmd.arg("--no-sandbox");
    }
    cmd.output().unwrap()
}

fn browser_or_skip(what: &str) -> Option<PathBuf> {
    let b = fgd::export::pdf::find_browser();
    if b.is_none() {
        eprintln!("skipped {what}: no Chromium-family browser on PATH (apt-get install chromium)");
    }
    b
}

#[test]
fn every_word_stays_inside_the_page_at_full_size_on_a4_and_f4() {
    let Some(browser) = browser_or_skip("the layout check") else {
        return;
    };
    let fx = long_texts();
    let dir = tempfile::tempdir().unwrap();
    for paper in [Paper::A4, Paper::F4] {
        let html = html_of(&fx, paper).replace("</body>", &format!("{MEASURE}</body>"));
        let page = dir.path().join(format!("{}.html", paper.name()));
        std::fs::write(&page, html).unwrap();
        let width = text_width_px(paper);
        let out = chromium(
            &browser,
            &[
                &format!("--window-size={width},1200"),
                "--run-all-compositor-stages-before-draw",
                "--virtual-time-budget=5000",
                "--dump-dom",
                &format!("file://{}", page.display()),
            ],
            dir.path(),
        );
        let dom = String::from_utf8_lossy(&out.stdout);
        let doc = scraper::Html::parse_document(&dom);
        let sel = scraper::Selector::parse("pre#measured").unwrap();
        let measured = doc
            .select(&sel)
            .next()
            .unwrap_or_else(|| {
                panic!(
                    "no measurement in the DOM: {}",
                    String::from_utf8_lossy(&out.stderr)
                )
            })
            .text()
            .collect::<String>();
        let m: serde_json::Value = serde_json::from_str(&measured).unwrap();
        let name = paper.name();
        assert_eq!(m["width"].as_u64(), Some(u64::from(width)), "{name}: {m}");
        assert!(m["words"].as_u64().unwrap() > 200, "{name}: {m}");
        assert_eq!(
            m["count"].as_u64(),
            Some(0),
            "{name}: outside the page: {m}"
        );
        assert!(
            m["scroll"].as_u64().unwrap() <= u64::from(width),
            "{name}: the page scrolls sideways: {m}"
        );
        // 11 pt at 96 px per inch: the body text is not scaled down.
        let font: f64 = m["font"]
            .as_str()
            .unwrap()
            .trim_end_matches("px")
            .parse()
            .unwrap();
        assert!(
            (font - 11.0 * 96.0 / 72.0).abs() < 0.05,
            "{name}: body {font}px"
        );
    }
}

#[test]
fn the_printed_pdf_numbers_its_pages_and_keeps_the_long_url() {
    let Some(_) = browser_or_skip("the PDF check") else {
        return;
    };
    if Process::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("skipped the PDF check: no pdftotext (apt-get install poppler-utils)");
        return;
    }
    let fx = long_texts();
    let dir = tempfile::tempdir().unwrap();
    for paper in [Paper::A4, Paper::F4] {
        let out = dir.path().join(paper.name());
        let paths = export::write_all(
            &fx.s,
            &fx.log,
            &out,
            &[Format::Pdf],
            Options {
                paper: Some(paper),
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(paths.len(), 1);
        let pdf = &paths[0];
        assert!(pdf.ends_with("minutes.pdf"));
        let leftovers: Vec<_> = std::fs::read_dir(pdf.parent().unwrap())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .filter(|n| n.to_string_lossy().starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
        let text = Process::new("pdftotext")
            .args(["-layout"])
            .arg(pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        let pages = text.matches('\u{c}').count().max(1);
        assert!(pages >= 3, "{pages} pages");
        for n in [1, pages] {
            let want = format!("Halaman {n} dari {pages}");
            assert!(text.contains(&want), "{}: no {want:?}", paper.name());
        }
        assert!(!text.contains("file://"), "a browser footer");
        let joined: String = text.split_whitespace().collect();
        assert!(
            joined.contains("integrasi-layanan-kependudukan-integrasi-layanan"),
            "the URL is printed whole"
        );
        let size = Process::new("pdfinfo").arg(pdf).output().unwrap();
        let info = String::from_utf8_lossy(&size.stdout);
        let (w, h) = paper.size_mm();
        let pts = |mm: u32| (f64::from(mm) * 72.0 / 25.4).round();
        let line = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
        let nums: Vec<f64> = line
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        assert!(
            (nums[0].round() - pts(w)).abs() <= 1.0 && (nums[1].round() - pts(h)).abs() <= 1.0,
            "{}: {line}",
            paper.name()
        );
    }
}

#[test]
fn without_a_browser_pdf_is_refused_and_nothing_is_written() {
    let fgd = crate::bin_support::Fgd::new();
    let id = fgd.new_session(&["--plan", "sessions/obsesi-tupoksi.toml"]);
    let empty = fgd.data().join("no-browser-here");
    std::fs::create_dir(&empty).unwrap();
    let out = fgd.data().join("out");
    let r = fgd
        .cmd()
        .env("PATH", &empty)
        .args(["export", &id, "--format", "md,pdf", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no Chromium-family browser")
            && stderr.contains("print minutes.html to PDF"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing written");
    let r = fgd.run(&[
        "export",
        &id,
        "--paper",
        "a5",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("use a4 or f4"), "{}", r.stderr);
    assert!(!out.exists(), "nothing written");
}
