//! Totals and ranking: each juror's weighted total of a presenter (the
//! criteria's scores scaled to 100 and weighted), the presenter's total as
//! the mean over the jurors who scored them (trimmed of the highest and the
//! lowest when the plan asks and at least four did), and the ranking with
//! ties shown as ties (1, 1, 3). Everything is kept in hundredths of a
//! point, so equal totals compare equal. Reads only.

use super::super::session::Session;
use super::Jury;

/// A figure in hundredths of a point (8 550 is 85.50).
pub type Total = u64;

/// Where one presenter stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The presenter's participant code.
    pub presenter: String,
    /// The mean score of each criterion over the counted jurors, in
    /// hundredths, in the sheet's order.
    pub criteria: Vec<Total>,
    /// Each juror's weighted total (0–100, in hundredths), in the jury's
    /// order; `None` for a juror who gave this presenter no score.
    pub jurors: Vec<Option<Total>>,
    /// The presenter's total (0–100, in hundredths).
    pub total: Total,
    /// Rank from 1; tied presenters share it.
    pub rank: u32,
    /// Another presenter has the same total.
    pub tied: bool,
    /// Cells of the counted jurors left without a score (counted as 0).
    pub missing: usize,
    /// The highest and lowest juror totals were left out.
    pub trimmed: bool,
}

/// `x` rounded to hundredths.
fn hundredths(x: f64) -> Total {
    // Scores are 0..=max and totals 0..=100: small and never negative.
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "0 ≤ x ≤ 10⁹"
    )]
    let h = (x * 100.0).round().max(0.0) as Total;
    h
}

/// One juror's weighted total of a presenter on a 0–100 scale, or `None`
/// when the juror gave them no score; and how many cells they left empty.
fn juror_total(s: &Session, jury: &Jury, juror: &str, presenter: &str) -> (Option<f64>, usize) {
    let all_zero = jury.criteria.iter().all(|c| c.weight == 0);
    let weight = |w: u32| if all_zero { 1.0 } else { f64::from(w) };
    let sum: f64 = jury.criteria.iter().map(|c| weight(c.weight)).sum();
    let mut any = false;
    let mut missing = 0;
    let mut total = 0.0;
    for (n, c) in (1u32..).zip(&jury.criteria) {
        match s.score_of(juror, presenter, n) {
            Some(v) if c.max > 0 => {
                any = true;
                total += weight(c.weight) * f64::from(v) * 100.0 / f64::from(c.max);
            }
            Some(_) => any = true,
            None => missing += 1,
        }
    }
    if !any || sum <= 0.0 {
        return (None, 0);
    }
    (Some(total / sum), missing)
}

/// The standing of one presenter, rank not yet set.
fn standing(s: &Session, jury: &Jury, presenter: &str) -> Standing {
    let mut totals = vec![];
    let mut jurors = vec![];
    let mut missing = 0;
    let mut counted = vec![];
    for j in &jury.jurors {
        let (t, m) = juror_total(s, jury, &j.code, presenter);
        jurors.push(t.map(hundredths));
        if let Some(t) = t {
            totals.push(t);
            counted.push(j.code.as_str());
            missing += m;
        }
    }
    let trimmed = jury.trimmed && totals.len() >= 4;
    if trimmed {
        totals.sort_by(f64::total_cmp);
        totals.remove(0);
        totals.pop();
    }
    let mean = |xs: &[f64]| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / f64::from(u32::try_from(xs.len()).unwrap_or(u32::MAX))
        }
    };
    let criteria = (1u32..)
        .zip(&jury.criteria)
        .map(|(n, _)| {
            let values: Vec<f64> = counted
                .iter()
                .filter_map(|j| s.score_of(j, presenter, n))
                .map(f64::from)
                .collect();
            hundredths(mean(&values))
        })
        .collect();
    Standing {
        presenter: presenter.to_owned(),
        criteria,
        jurors,
        total: hundredths(mean(&totals)),
        rank: 0,
        tied: false,
        missing,
        trimmed,
    }
}

impl Session {
    /// Every presenter with at least one score, best first, ranked with
    /// ties shared (1, 1, 3); equal totals keep the agenda's order.
    pub fn standings(&self) -> Vec<Standing> {
        let jury = &self.info.jury;
        let mut out: Vec<Standing> = self
            .presenters()
            .into_iter()
            .map(|p| standing(self, jury, p))
            .filter(|st| st.jurors.iter().any(Option::is_some))
            .collect();
        out.sort_by_key(|st| std::cmp::Reverse(st.total));
        let totals: Vec<Total> = out.iter().map(|st| st.total).collect();
        for (i, st) in out.iter_mut().enumerate() {
            let first = totals.iter().position(|t| *t == st.total).unwrap_or(i);
            st.rank = u32::try_from(first + 1).unwrap_or(u32::MAX);
            st.tied = totals.iter().filter(|t| **t == st.total).count() > 1;
        }
        out
    }
}

/// A figure in hundredths as text with two decimals and `sep` before them
/// ("85,50" in Indonesian, "85.50" in English).
pub fn decimal(t: Total, sep: char) -> String {
    format!("{}{sep}{:02}", t / 100, t % 100)
}
