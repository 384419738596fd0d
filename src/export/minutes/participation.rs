//! Section "participation": talk time and turns per participant and per
//! unit (with a bar chart of each), and who has not spoken. Gathers the
//! figures from the session and makes the section's blocks. Must not number
//! or lay out.

use std::collections::HashMap;

use crate::export::doc::{Block, Cell, Chart, Span, Table};
use crate::export::model::{Builder, Minutes, clock, percent};

/// Talk time and turns.
#[derive(Debug, Clone)]
pub struct Participation {
    /// Per participant, in order.
    pub people: Vec<TalkRow>,
    /// Per unit, most talk first.
    pub units: Vec<UnitRow>,
    /// Seconds of talk in all.
    pub total_secs: i64,
    /// Present participants who have not spoken.
    pub not_spoken: Vec<String>,
    /// Resource persons and the chair who spoke, apart from the shares.
    pub guests: Vec<TalkRow>,
}

/// One participant's talk.
#[derive(Debug, Clone)]
pub struct TalkRow {
    /// Code.
    pub code: String,
    /// Name, or the code when anonymised.
    pub label: String,
    /// Unit.
    pub unit: Option<String>,
    /// Seconds.
    pub secs: i64,
    /// Turns.
    pub turns: u32,
    /// Arrival time, "09.05".
    pub arrived: Option<String>,
}

/// One unit's talk.
#[derive(Debug, Clone)]
pub struct UnitRow {
    /// Unit name (or the "no unit" label).
    pub unit: String,
    /// Participants of the unit.
    pub people: usize,
    /// Seconds.
    pub secs: i64,
    /// Turns.
    pub turns: u32,
}

impl Builder<'_> {
    pub(in crate::export) fn participation(&self) -> Participation {
        let stats = self.s.talk_stats(self.now);
        let mut people = Vec::with_capacity(stats.len());
        let mut units: Vec<UnitRow> = Vec::new();
        let mut unit_index: HashMap<String, usize> = HashMap::new();
        // As `Session::not_yet_spoken`: once anyone is marked present, only
        // those present count; a turn in progress counts as a turn.
        let anyone_present = self
            .s
            .participants()
            .any(|p| p.present && !p.by_taking_part);
        let mut not_spoken = Vec::new();
        for st in stats {
            let Some(p) = self.participant(&st.code) else {
                continue;
            };
            if st.turns == 0 && (p.present || !anyone_present) {
                not_spoken.push(self.named(p));
            }
            // An invitee who did not come is no bar of 0:00.
            if st.turns == 0 && !p.present && anyone_present {
                continue;
            }
            // A unit that would name its one participant (anonymised) is
            // "—", apart from the participants without a unit.
            let shown = self.unit_of(p);
            let unit = match (&shown, &p.unit) {
                (Some(u), _) => u.clone(),
                (None, Some(_)) => "—".to_owned(),
                (None, None) => self.l.no_unit.to_owned(),
            };
            let i = *unit_index.entry(unit.clone()).or_insert_with(|| {
                units.push(UnitRow {
                    unit,
                    people: 0,
                    secs: 0,
                    turns: 0,
                });
                units.len() - 1
            });
            units[i].people += 1;
            units[i].secs += st.secs;
            units[i].turns += st.turns;
            people.push(TalkRow {
                code: p.code.clone(),
                label: self.named(p),
                unit: shown,
                secs: st.secs,
                turns: st.turns,
                arrived: p.arrived_at.map(|at| self.time(at)),
            });
        }
        // Most talk first; a stable sort keeps first-seen order among equals.
        units.sort_by_key(|u| std::cmp::Reverse(u.secs));
        Participation {
            total_secs: people.iter().map(|p| p.secs).sum(),
            people,
            units,
            not_spoken,
            guests: self.guest_talk(),
        }
    }

    fn guest_talk(&self) -> Vec<TalkRow> {
        self.s
            .guest_talk_stats(self.now)
            .into_iter()
            .map(|st| TalkRow {
                label: self.guest(&st.code).unwrap_or_else(|| st.code.clone()),
                code: st.code,
                unit: None,
                secs: st.secs,
                turns: st.turns,
                arrived: None,
            })
            .collect()
    }
}

/// "Label:" strong, then a value.
fn strong_label(label: &str) -> Span {
    Span::Strong(vec![Span::word(format!("{label}:"))])
}

/// The total, per person and per unit (chart and table each), and who has
/// not spoken.
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let l = m.labels;
    let p = &m.participation;
    let mut out = vec![
        Block::para(vec![
            strong_label(l.talk_total),
            Span::word(format!(" {}", clock(p.total_secs))),
        ]),
        heading(l.per_person),
    ];
    if p.people.is_empty() {
        out.push(Block::words(l.none));
    } else {
        out.extend(people(m));
    }
    // Per unit only where some unit has several people: otherwise it
    // would repeat the table per person.
    if p.units.iter().any(|u| u.people > 1) {
        out.push(heading(l.per_unit));
        out.extend(units(m));
    }
    let mut spans = vec![strong_label(l.not_spoken), Span::word(" ")];
    if p.not_spoken.is_empty() {
        spans.push(Span::word("—"));
    }
    // Names hold commas ("Drs. A, M.M."): they are parted by semicolons.
    for (i, n) in p.not_spoken.iter().enumerate() {
        if i > 0 {
            spans.push(Span::word("; "));
        }
        spans.push(Span::Plain(n.clone()));
    }
    out.push(Block::para(spans));
    if !p.guests.is_empty() {
        out.push(heading(l.guests_talk));
        out.push(guests(m));
    }
    out
}

/// The resource persons' and the chair's turns and talk time.
fn guests(m: &Minutes) -> Block {
    let l = m.labels;
    let rows = m
        .participation
        .guests
        .iter()
        .map(|r| {
            vec![
                Cell::Spans(vec![Span::Plain(r.code.clone())]),
                Cell::text(&r.label),
                Cell::word(r.turns.to_string()),
                Cell::word(clock(r.secs)),
            ]
        })
        .collect();
    Block::Table(Table::new(
        "talk-guests",
        vec![l.code, l.name, l.turns, l.talk_time],
        rows,
    ))
}

fn heading(title: &str) -> Block {
    Block::Heading {
        local: None,
        number: None,
        title: vec![Span::word(title)],
    }
}

fn people(m: &Minutes) -> [Block; 2] {
    let l = m.labels;
    let p = &m.participation;
    let bars = p
        .people
        .iter()
        .map(|r| {
            let label = if r.label == r.code {
                r.code.clone()
            } else {
                format!("{} {}", r.code, r.label)
            };
            (label, r.secs)
        })
        .collect();
    let mut columns = vec![l.code];
    if !m.anonymized {
        columns.push(l.name);
    }
    columns.extend([l.unit, l.arrived, l.turns, l.talk_time, l.share]);
    let rows = p
        .people
        .iter()
        .map(|r| {
            let mut row = vec![Cell::Spans(vec![Span::Plain(r.code.clone())])];
            if !m.anonymized {
                row.push(Cell::text(&r.label));
            }
            row.extend([
                Cell::opt(r.unit.as_deref()),
                Cell::word(r.arrived.clone().unwrap_or_else(|| "—".to_owned())),
                Cell::word(r.turns.to_string()),
                Cell::word(clock(r.secs)),
                Cell::word(percent(r.secs, p.total_secs)),
            ]);
            row
        })
        .collect();
    [
        Block::Chart(Chart {
            title: l.chart_title(false).to_owned(),
            class: "bar",
            bars,
        }),
        Block::Table(Table::new("talk", columns, rows)),
    ]
}

fn units(m: &Minutes) -> [Block; 2] {
    let l = m.labels;
    let p = &m.participation;
    let rows = p
        .units
        .iter()
        .map(|u| {
            vec![
                Cell::text(&u.unit),
                Cell::word(u.people.to_string()),
                Cell::word(u.turns.to_string()),
                Cell::word(clock(u.secs)),
                Cell::word(percent(u.secs, p.total_secs)),
            ]
        })
        .collect();
    [
        Block::Chart(Chart {
            title: l.chart_title(true).to_owned(),
            class: "unitbar",
            bars: p.units.iter().map(|u| (u.unit.clone(), u.secs)).collect(),
        }),
        Block::Table(Table::new(
            "talk-units",
            vec![l.unit, l.people, l.turns, l.talk_time, l.share],
            rows,
        )),
    ]
}
