//! Section "Hasil Penilaian" of a jury session: the criteria with their
//! weights, the ranking (ties marked), and per presenter each criterion's
//! scores by juror and their mean, with each juror's weighted total. Before
//! `announce_scores` it says only that the scores are not announced, so a
//! draft exported mid-session shows none. Gathers the facts for this
//! section and the berita acara (`berita_acara.rs`). Must not number or lay
//! out.

use crate::domain::{Session, decimal};
use crate::export::doc::{Block, Cell, Span, Table};
use crate::export::model::{Builder, Minutes, Signer};
use crate::i18n::{self, jury::JuryWords};

/// A criterion of the sheet.
#[derive(Debug, Clone)]
pub struct CriterionRow {
    /// Name.
    pub name: String,
    /// Weight.
    pub weight: u32,
    /// Highest score.
    pub max: u32,
}

/// One presenter's place and scores.
#[derive(Debug, Clone)]
pub struct RankRow {
    /// "1", or "1 (seri)" for a tie.
    pub rank: String,
    /// Name (a code when anonymised).
    pub name: String,
    /// Unit / OPD.
    pub unit: Option<String>,
    /// Total, "85,50".
    pub total: String,
    /// Per criterion: its name, "J1 80 · J2 75", the mean.
    pub criteria: Vec<(String, String, String)>,
    /// "Nilai berbobot per juri: J1 80,00 · J2 78,00".
    pub per_juror: String,
    /// "2 nilai kosong dihitung 0", when some were left empty.
    pub incomplete: Option<String>,
}

/// The results of a jury session.
#[derive(Debug, Clone)]
pub struct ScoreResults {
    /// Announced: otherwise nothing else is filled.
    pub announced: bool,
    /// The criteria.
    pub criteria: Vec<CriterionRow>,
    /// How totals were made.
    pub method: &'static str,
    /// Best first.
    pub ranking: Vec<RankRow>,
    /// The berita acara's opening line.
    pub opening: String,
    /// "Wairasa, 10 Desember 2026".
    pub place_date: String,
    /// Every juror, to sign.
    pub jurors: Vec<Signer>,
}

/// "J1 80 · J2 75 · J3 —" for one presenter and criterion.
fn by_juror(s: &Session, presenter: &str, criterion: u32) -> String {
    s.info
        .jury
        .jurors
        .iter()
        .map(|j| {
            let v = s.score_of(&j.code, presenter, criterion);
            format!("{} {}", j.code, v.map_or("—".into(), |v| v.to_string()))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

impl Builder<'_> {
    fn rank_rows(&self, w: &JuryWords) -> Vec<RankRow> {
        let jury = &self.s.info.jury;
        let sep = w.sep();
        self.s
            .standings()
            .into_iter()
            .map(|st| {
                let p = self.participant(&st.presenter);
                let criteria = (1u32..)
                    .zip(&jury.criteria)
                    .zip(&st.criteria)
                    .map(|((n, c), mean)| {
                        let scores = by_juror(self.s, &st.presenter, n);
                        (c.name.clone(), scores, decimal(*mean, sep))
                    })
                    .collect();
                let per_juror = jury
                    .jurors
                    .iter()
                    .zip(&st.jurors)
                    .map(|(j, t)| {
                        format!("{} {}", j.code, t.map_or("—".into(), |t| decimal(t, sep)))
                    })
                    .collect::<Vec<_>>()
                    .join(" · ");
                RankRow {
                    rank: if st.tied {
                        format!("{} ({})", st.rank, w.tie)
                    } else {
                        st.rank.to_string()
                    },
                    name: p.map_or_else(|| st.presenter.clone(), |p| p.name.clone()),
                    unit: p.and_then(|p| p.unit.clone()),
                    total: decimal(st.total, sep),
                    criteria,
                    per_juror: w.per_juror_of(&per_juror),
                    incomplete: (st.missing > 0).then(|| w.incomplete_of(st.missing)),
                }
            })
            .collect()
    }

    pub(in crate::export) fn scores(&self) -> Option<ScoreResults> {
        let jury = &self.s.info.jury;
        if !jury.is_active() {
            return None;
        }
        let w = i18n::jury::words(self.lang());
        let announced = self.s.scores_announced();
        let ranking = if announced { self.rank_rows(w) } else { vec![] };
        let info = &self.s.info;
        let date = i18n::date(self.s.date(), self.lang());
        let venue = info
            .venue
            .clone()
            .unwrap_or_else(|| self.l.place_blank.to_owned());
        Some(ScoreResults {
            announced,
            criteria: jury
                .criteria
                .iter()
                .map(|c| CriterionRow {
                    name: c.name.clone(),
                    weight: c.weight,
                    max: c.max,
                })
                .collect(),
            method: if jury.trimmed {
                w.trimmed_note
            } else {
                w.method_note
            },
            // "Pada hari ini Rabu, 2 Desember 2026": a berita acara names the day.
            opening: w.berita_acara_of(
                &i18n::date_long(self.s.date(), self.lang()),
                &venue,
                &info.title,
                ranking.len(),
            ),
            ranking,
            place_date: self.l.place_date(info.place.as_deref(), &date),
            jurors: jury
                .jurors
                .iter()
                .map(|j| Signer {
                    name: j.name.clone(),
                    nip: j.nip.clone(),
                    position: j.position.clone(),
                    rank: None,
                })
                .collect(),
        })
    }
}

/// The ranking table: rank, presenter, unit, total.
pub(super) fn ranking_table(w: &'static JuryWords, r: &ScoreResults) -> Block {
    let rows = r
        .ranking
        .iter()
        .map(|row| {
            vec![
                Cell::word(&row.rank),
                Cell::text(&row.name),
                Cell::opt(row.unit.as_deref()),
                Cell::word(&row.total),
            ]
        })
        .collect();
    Block::Table(Table::new(
        "ranking",
        vec![w.rank, w.presenter, w.unit, w.total],
        rows,
    ))
}

/// The criteria, the ranking and each presenter's scores.
pub fn blocks(m: &Minutes) -> Vec<Block> {
    let w = i18n::jury::words(m.labels.lang);
    let Some(r) = &m.scores else {
        return vec![Block::words(m.labels.none)];
    };
    if !r.announced {
        return vec![Block::words(w.not_announced)];
    }
    let criteria = r
        .criteria
        .iter()
        .zip(1..)
        .map(|(c, n): (&CriterionRow, u32)| {
            vec![
                Cell::word(n.to_string()),
                Cell::text(&c.name),
                Cell::word(c.weight.to_string()),
                Cell::word(c.max.to_string()),
            ]
        })
        .collect();
    let mut out = vec![
        Block::words(w.criteria_note),
        Block::Table(Table::new(
            "criteria",
            vec![m.labels.no, w.criterion, w.weight, w.max],
            criteria,
        )),
        Block::words(r.method),
        ranking_table(w, r),
    ];
    for (local, row) in (1..).zip(&r.ranking) {
        out.push(Block::Heading {
            local: Some(local),
            number: None,
            title: vec![Span::Plain(row.name.clone())],
        });
        let rows = row
            .criteria
            .iter()
            .map(|(name, scores, mean)| {
                vec![Cell::text(name), Cell::word(scores), Cell::word(mean)]
            })
            .collect();
        out.push(Block::Table(Table::new(
            "scores",
            vec![w.criterion, w.juror_scores, w.mean],
            rows,
        )));
        let mut line = vec![Span::word(format!("{}: {}. ", w.total, row.total))];
        line.push(Span::word(row.per_juror.clone()));
        if let Some(i) = &row.incomplete {
            line.push(Span::Flag {
                class: "incomplete",
                text: format!(" ({i})"),
            });
        }
        out.push(Block::para(line));
    }
    out
}
