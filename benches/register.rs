//! The register budget of DESIGN §5: `fgd actions` over a series of 100
//! sessions ≤ 200 ms. A weekly OBSESI series of 100 meetings is made with
//! the engine as `fgd new --follow-up` makes it (each meeting started, 40
//! notes, its carried actions reviewed — some done, some extended, some
//! dropped — five new actions, ended), so each `session.json` holds about
//! 150 events. Figures kept in BENCHMARKS.md.
//!
//! Measured, interleaved in one run:
//! - the `fgd` binary: `fgd actions --series obsesi --format json --out
//!   DIR` (process start, listing, reading 100 backups, the register, the
//!   file): the budgeted figure; its baseline `fgd list --series obsesi`
//!   (process start and the 100 `meta.json`);
//! - in process: the same steps through the library (list, read the
//!   backups' states, build, render json), and their baseline, reading the
//!   100 files and parsing them as JSON without building anything.
//!
//! `cargo bench --bench register`. `FGD_BENCH_QUICK=1` cuts the iterations.

mod common;

use std::error::Error;
use std::hint::black_box;
use std::process::Command as Process;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use fgd::domain::{ActionStatus, Actor, Command, NoteKind, Session};
use fgd::engine::{self, When};
use fgd::export::register::{self, Filter, Register};
use fgd::store::DataDir;

use common::{Samples, Table, ms, quick, ratio};

type Res<T> = Result<T, Box<dyn Error>>;

const BUDGET: Duration = Duration::from_millis(200);
const MEETINGS: usize = 100;

fn main() -> Res<()> {
    let quick = quick();
    let root = common::start("fgd actions (the register) benchmark")?;
    let data = DataDir::new(root.path().join("data"));
    let actions = make_series(&data)?;
    println!("series: {MEETINGS} meetings, {actions} action records\n");
    let out = root.path().join("out");
    let dir = out.to_str().ok_or("a non-UTF-8 temp dir")?;
    let bin = env!("CARGO_BIN_EXE_fgd");
    let run = |args: &[&str]| -> Res<()> {
        let o = Process::new(bin)
            .args(args)
            .env("FGD_DATA_DIR", data.root())
            .output()?;
        if !o.status.success() {
            return Err(String::from_utf8_lossy(&o.stderr).into_owned().into());
        }
        Ok(())
    };

    let (warm, iters) = if quick { (2, 15) } else { (5, 60) };
    let (mut cli, mut cli_base, mut lib, mut lib_base) = (
        Samples::new(),
        Samples::new(),
        Samples::new(),
        Samples::new(),
    );
    let mut rows = 0;
    for i in 0..warm + iters {
        let keep = i >= warm;
        let mut a = Samples::new();
        a.time(|| {
            run(&[
                "actions", "--series", "obsesi", "--format", "json", "--out", dir,
            ])
        })?;
        let mut b = Samples::new();
        b.time(|| run(&["list", "--series", "obsesi"]))?;
        let mut c = Samples::new();
        rows = c.time(|| in_process(&data))?;
        let mut d = Samples::new();
        d.time(|| parse_only(&data))?;
        if keep {
            cli.push(a.median());
            cli_base.push(b.median());
            lib.push(c.median());
            lib_base.push(d.median());
        }
    }
    println!("register: {rows} actions\n");

    report(&mut cli, &mut cli_base, &mut lib, &mut lib_base);
    Ok(())
}

/// The table of the four timings.
fn report(cli: &mut Samples, cli_base: &mut Samples, lib: &mut Samples, lib_base: &mut Samples) {
    let mut t = Table::new(&["what", "median ms", "p99 ms", "max ms", "vs"]);
    let (cli_med, cli_p99) = (cli.median(), cli.p99());
    let verdict = if cli_p99 <= BUDGET {
        "within budget".to_owned()
    } else {
        format!("over budget ({})", ratio(cli_p99, BUDGET))
    };
    t.row(vec![
        "fgd actions --format json (budget 200 ms)".into(),
        ms(cli_med),
        ms(cli_p99),
        ms(cli.max()),
        verdict,
    ]);
    let base_med = cli_base.median();
    t.row(vec![
        "  baseline: fgd list --series".into(),
        ms(base_med),
        ms(cli_base.p99()),
        ms(cli_base.max()),
        ratio(cli_med, base_med),
    ]);
    let lib_med = lib.median();
    let parse_med = lib_base.median();
    t.row(vec![
        "in process: list, read, build, json".into(),
        ms(lib_med),
        ms(lib.p99()),
        ms(lib.max()),
        String::new(),
    ]);
    t.row(vec![
        "  baseline: read + parse the 100 files".into(),
        ms(parse_med),
        ms(lib_base.p99()),
        ms(lib_base.max()),
        ratio(lib_med, parse_med),
    ]);
    print!("{}", t.render());
}

/// The library's register of the series; returns its number of rows.
fn in_process(data: &DataDir) -> Res<usize> {
    let metas = data.list()?;
    let mut sessions: Vec<Session> = Vec::with_capacity(metas.len());
    for m in metas.iter().filter(|m| m.series_id() == "obsesi") {
        let bytes = data.read_backup(&m.id)?;
        sessions.push(fgd::export::json::read_state(&bytes)?);
    }
    let today = fgd::domain::Zone::WIB.date_of(Utc::now());
    let r = Register {
        series: Some("obsesi".into()),
        session: None,
        today,
        lang: fgd::domain::Language::Id,
        rows: register::build(&sessions, today, Filter::default()),
    };
    black_box(r.json());
    Ok(r.rows.len())
}

/// Reads and parses every backup as JSON, building nothing.
fn parse_only(data: &DataDir) -> Res<()> {
    for m in data.list()? {
        let bytes = data.read_backup(&m.id)?;
        black_box(serde_json::from_slice::<serde::de::IgnoredAny>(&bytes)?);
    }
    Ok(())
}

/// A weekly series of [`MEETINGS`] meetings ending last week; returns how
/// many action records they hold.
fn make_series(data: &DataDir) -> Res<usize> {
    let plan = fgd::plan::parse(
        fgd::plan::bundled("obsesi-tupoksi").ok_or("no bundled OBSESI plan")?,
        "obsesi-tupoksi",
    )
    .map_err(|e| format!("{e:?}"))?;
    let weeks = i64::try_from(MEETINGS)? + 1;
    let first = Utc::now() - TimeDelta::weeks(weeks);
    let mut prev: Option<Session> = None;
    let mut records = 0;
    for m in 0..MEETINGS {
        let start = first + TimeDelta::weeks(i64::try_from(m)?);
        let day = fgd::domain::Zone::WIB.date_of(start);
        let mut e = engine::create_dated(data, &plan, prev.as_ref(), Some(day), start)
            .map_err(|e| e.to_string())?;
        meeting(&mut e, start, m)?;
        records += e.session().actions().count();
        prev = Some(e.session().clone());
    }
    Ok(records)
}

/// One meeting: start, notes, the review, new actions, end.
fn meeting(e: &mut engine::Engine, start: DateTime<Utc>, m: usize) -> Res<()> {
    let mut t = start;
    let mut run = |e: &mut engine::Engine, cmd: Command| -> Res<()> {
        t += TimeDelta::seconds(20);
        e.execute(cmd, When::At(t), Actor::Facilitator)
            .map_err(|r| format!("{r:?}"))?;
        Ok(())
    };
    run(e, Command::Start)?;
    for n in 0..40 {
        run(
            e,
            Command::AddNote {
                text: format!("Catatan {n} pertemuan {m}: pembagian tugas antar-seksi"),
                kind: NoteKind::Observation,
                participant: None,
                item: None,
                private: Some(false),
            },
        )?;
    }
    let carried: Vec<_> = e.session().carried_actions().map(|a| a.id).collect();
    for (i, id) in carried.into_iter().enumerate() {
        let (status, due) = match i % 4 {
            0 => (ActionStatus::Done, None),
            1 => (ActionStatus::Open, Some("+14d".to_owned())),
            2 => (ActionStatus::Dropped, None),
            _ => (ActionStatus::Open, None),
        };
        run(
            e,
            Command::SetActionStatus {
                action: id,
                status,
                note: Some(format!("kemajuan pertemuan {m}")),
                due,
            },
        )?;
    }
    for n in 0..5 {
        run(
            e,
            Command::AddAction {
                what: format!("Tindak lanjut {n} dari pertemuan {m}"),
                pic: Some(format!("P{}", n + 1)),
                due: Some("+7d".into()),
                item: None,
                origin: None,
                carried: None,
            },
        )?;
    }
    run(e, Command::End)?;
    Ok(())
}
