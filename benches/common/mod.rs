//! A small timing harness shared by the benches: samples with median, p99
//! and max, ratios against a baseline, a plain-text table, and a line that
//! says which machine ran it. No dependencies on purpose: each budget is a
//! ratio measured side by side, interleaved, in one run, which matters more
//! on a noisy 2-core machine than a statistics engine does.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

/// Whether `FGD_BENCH_QUICK` asks for a short run (fewer iterations, no
/// very large fixtures).
/// The data directory of a run (`FGD_BENCH_DIR` picks the file system) and
/// the run's header: title, machine, directory, mode.
pub fn start(title: &str) -> std::io::Result<tempfile::TempDir> {
    let builder = || {
        let mut b = tempfile::Builder::new();
        b.prefix("fgd-bench-");
        b
    };
    let root = match std::env::var_os("FGD_BENCH_DIR") {
        Some(dir) => builder().tempdir_in(dir)?,
        None => builder().tempdir()?,
    };
    println!("{title}");
    println!("machine: {}", machine());
    println!("data:    {}", root.path().display());
    println!(
        "mode:    {}\n",
        if quick() {
            "quick (FGD_BENCH_QUICK)"
        } else {
            "full"
        }
    );
    Ok(root)
}

pub fn quick() -> bool {
    std::env::var("FGD_BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Timings of one thing.
#[derive(Debug, Clone, Default)]
pub struct Samples {
    sorted: bool,
    times: Vec<Duration>,
}

impl Samples {
    /// No samples yet.
    pub fn new() -> Samples {
        Samples::default()
    }

    /// Adds one timing.
    pub fn push(&mut self, d: Duration) {
        self.times.push(d);
        self.sorted = false;
    }

    /// Runs `f` once, adds its time, and gives back its result.
    pub fn time<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.push(start.elapsed());
        out
    }

    /// How many timings.
    pub fn len(&self) -> usize {
        self.times.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.times.is_empty()
    }

    /// The `q` quantile (0.0 ..= 1.0), nearest rank; zero without samples.
    pub fn quantile(&mut self, q: f64) -> Duration {
        if !self.sorted {
            self.times.sort_unstable();
            self.sorted = true;
        }
        let n = self.times.len();
        if n == 0 {
            return Duration::ZERO;
        }
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let rank = ((q.clamp(0.0, 1.0) * n as f64).ceil() as usize).clamp(1, n);
        self.times[rank - 1]
    }

    /// The median.
    pub fn median(&mut self) -> Duration {
        self.quantile(0.5)
    }

    /// The 99th percentile.
    pub fn p99(&mut self) -> Duration {
        self.quantile(0.99)
    }

    /// The slowest.
    pub fn max(&mut self) -> Duration {
        self.quantile(1.0)
    }
}

/// Milliseconds with three decimals: `1.234`.
pub fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

/// `a / b` as `1.23×`.
pub fn ratio(a: Duration, b: Duration) -> String {
    if b.is_zero() {
        return "–".to_owned();
    }
    format!("{:.2}×", a.as_secs_f64() / b.as_secs_f64())
}

/// A plain-text table: first column left-aligned, the others right-aligned.
#[derive(Debug, Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headings.
    pub fn new(header: &[&str]) -> Table {
        Table {
            rows: vec![header.iter().map(|h| (*h).to_owned()).collect()],
        }
    }

    /// Adds a row.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// The table as text, with a rule under the heading.
    pub fn render(&self) -> String {
        let cols = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let width: Vec<usize> = (0..cols)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| s.chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for (i, row) in self.rows.iter().enumerate() {
            let mut line = String::new();
            for (c, w) in width.iter().enumerate() {
                let cell = row.get(c).map_or("", String::as_str);
                let pad = w.saturating_sub(cell.chars().count());
                if c == 0 {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                } else {
                    line.push_str("  ");
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
            if i == 0 {
                let total = width.iter().sum::<usize>() + 2 * width.len().saturating_sub(1);
                out.push_str(&"-".repeat(total));
                out.push('\n');
            }
        }
        out
    }
}

/// Cores, CPU model and memory of this machine, from `/proc` where there is one.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, std::num::NonZero::get);
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU", |(_, m)| m.trim())
        .to_owned();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|kib| kib.parse::<u64>().ok())
        .map_or_else(
            || "unknown memory".to_owned(),
            |kib| {
                #[allow(clippy::cast_precision_loss)]
                let gib = kib as f64 / (1024.0 * 1024.0);
                format!("{gib:.1} GiB RAM")
            },
        );
    let mut out = String::new();
    let _ = write!(
        out,
        "{cores} cores, {model}, {mem_gib}, {} {}",
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    out
}

/// Bytes under `dir`, recursively (0 where unreadable).
pub fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .map(|e| match e.metadata() {
                Ok(m) if m.is_dir() => dir_size(&e.path()),
                Ok(m) => m.len(),
                Err(_) => 0,
            })
            .sum()
    })
}

/// `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
