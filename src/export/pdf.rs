//! `minutes.pdf`: `minutes.html` printed by a Chromium-family browser found
//! on `PATH` (chromium, chromium-browser, google-chrome, msedge …), headless
//! and without the browser's own header and footer: the page numbers and
//! the paper come from the minutes' print stylesheet. Only on request
//! (`--format pdf`), never part of `all`: the browser is not fgd's.

use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use thiserror::Error;

/// The browsers tried, in order.
pub const BROWSERS: [&str; 7] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
    "microsoft-edge",
];

/// How long a print may take before it is given up.
const TIMEOUT: Duration = Duration::from_secs(120);

/// Why the PDF could not be made.
#[derive(Debug, Error)]
pub enum PdfError {
    /// No browser on `PATH`.
    #[error(
        "no Chromium-family browser found on PATH (chromium, google-chrome, msedge) to print \
         minutes.pdf; print minutes.html to PDF from any browser, or install one"
    )]
    NoBrowser,
    /// The browser could not be run.
    #[error("can't run {browser}: {source}")]
    Run {
        /// The browser.
        browser: PathBuf,
        /// The error.
        source: io::Error,
    },
    /// A working file could not be written.
    #[error("can't write {}: {source}", path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
    /// The browser ran but made no PDF.
    #[error(
        "{browser} did not print the minutes ({why}); print minutes.html to PDF from a browser instead"
    )]
    Failed {
        /// The browser.
        browser: PathBuf,
        /// What went wrong.
        why: String,
    },
}

/// The first Chromium-family browser on `PATH`.
pub fn find_browser() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| BROWSERS.iter().map(move |b| dir.join(b)))
        .find(|p| is_executable(p))
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

/// Prints the HTML minutes `html` to `target` with `browser`: the page is
/// written into a private working directory beside `target` (removed
/// after), the PDF to a temporary file renamed into place, so no PDF is
/// ever half-written.
pub fn make(browser: &Path, html: &[u8], target: &Path) -> Result<(), PdfError> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let pid = std::process::id();
    let work = dir.join(format!(".print.{pid}.tmp"));
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PdfError::Io { path, source }
    };
    crate::store::create_private_dir_all(&work).map_err(io_err(&work))?;
    let page = work.join("minutes.html");
    let partial = dir.join(format!(".minutes.pdf.{pid}.tmp"));
    let result = std::fs::write(&page, html)
        .map_err(io_err(&page))
        .and_then(|()| print(browser, &page, &partial, &work.join("profile")))
        .and_then(|()| std::fs::rename(&partial, target).map_err(io_err(target)));
    let _ = std::fs::remove_dir_all(&work);
    let _ = std::fs::remove_file(&partial);
    result
}

/// Prints `html` to `pdf` with `browser`; `work` is a private directory
/// for the browser's throwaway profile.
pub fn print(browser: &Path, html: &Path, pdf: &Path, work: &Path) -> Result<(), PdfError> {
    let failed = |why: String| PdfError::Failed {
        browser: browser.to_path_buf(),
        why,
    };
    let html = std::path::absolute(html).map_err(|e| failed(e.to_string()))?;
    let mut cmd = Command::new(browser);
    cmd.arg("--headless")
        .arg("--disable-gpu")
        .arg("--no-first-run")
        .arg("--disable-extensions")
        .arg("--no-pdf-header-footer")
        .arg(format!("--user-data-dir={}", work.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()));
    // Chromium refuses to run as root inside its sandbox.
    #[cfg(unix)]
    if rustix::process::geteuid().is_root() {
        cmd.arg("--no-sandbox");
    }
    cmd.arg(format!("file://{}", html.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().map_err(|source| PdfError::Run {
        browser: browser.to_path_buf(),
        source,
    })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(failed(format!("no answer in {} s", TIMEOUT.as_secs())));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(failed(e.to_string())),
        }
    };
    let made = std::fs::read(pdf).is_ok_and(|b| b.starts_with(b"%PDF"));
    if status.success() && made {
        Ok(())
    } else {
        Err(failed(format!("exit status {status}")))
    }
}
