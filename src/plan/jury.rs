//! A plan's jury: `[[criteria]]` (name, weight, max), `[[jurors]]` (name,
//! code `J1…`, NIP, position), `[scoring]` (`trimmed_mean`) and each agenda
//! item's `presenter`, checked into the session's [`Jury`] with
//! `FILE:LINE:COL` errors. Must not build commands or touch the store.

use serde::Deserialize;
use toml::Spanned;

use super::check::Checker;
use super::{PlanItem, PlanParticipant, RawItem};
use crate::domain::text::clean_line;
use crate::domain::{Criterion, Juror, Jury};

/// The most criteria and jurors a plan may list.
const MAX_JURY: usize = 50;

/// One `[[criteria]]` table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCriterion {
    name: Spanned<String>,
    weight: Option<Spanned<i64>>,
    max: Option<Spanned<i64>>,
}

/// One `[[jurors]]` table as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawJuror {
    name: Spanned<String>,
    code: Option<Spanned<String>>,
    nip: Option<Spanned<String>>,
    position: Option<Spanned<String>>,
}

/// The `[scoring]` table as written.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScoring {
    trimmed_mean: Option<bool>,
}

/// A code of 1–12 letters, digits, `-` or `_`.
fn plain_code(c: &str) -> bool {
    (1..=12).contains(&c.chars().count())
        && c.chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
}

impl Checker<'_> {
    /// A whole number in `range` or the default, with an error at its place.
    fn number(
        &mut self,
        v: Option<&Spanned<i64>>,
        what: &str,
        range: std::ops::RangeInclusive<u32>,
        default: u32,
    ) -> u32 {
        let Some(v) = v else { return default };
        match u32::try_from(*v.get_ref()) {
            Ok(n) if range.contains(&n) => n,
            _ => {
                let (lo, hi) = (range.start(), range.end());
                let msg = format!("{what} must be a whole number from {lo} to {hi}");
                self.at(v.span(), format!("{msg}, not {}", v.get_ref()));
                default
            }
        }
    }

    /// The jury of a plan; criteria without jurors (or the reverse) is an
    /// error at the first of them.
    pub(super) fn jury(
        &mut self,
        criteria: Vec<Spanned<RawCriterion>>,
        jurors: Vec<Spanned<RawJuror>>,
        scoring: &RawScoring,
    ) -> Jury {
        self.at_most(&criteria, "criteria", MAX_JURY);
        self.at_most(&jurors, "jurors", MAX_JURY);
        match (criteria.first(), jurors.first()) {
            (Some(c), None) => self.at(c.span(), "criteria need jurors: add [[jurors]] tables"),
            (None, Some(j)) => self.at(j.span(), "jurors need criteria: add [[criteria]] tables"),
            _ => {}
        }
        let criteria = criteria
            .into_iter()
            .map(|c| {
                let c = c.into_inner();
                Criterion {
                    name: self.required(&c.name, "criterion name"),
                    weight: self.number(c.weight.as_ref(), "weight", 0..=1000, 1),
                    max: self.number(c.max.as_ref(), "max", 1..=1000, 100),
                }
            })
            .collect();
        let mut out: Vec<Juror> = vec![];
        for (n, j) in (1..).zip(jurors) {
            let j = j.into_inner();
            let code = match j.code {
                None => format!("J{n}"),
                Some(c) => {
                    let v = clean_line(c.get_ref());
                    if !plain_code(&v) {
                        let m = format!(
                            "juror code `{v}` must be 1–12 letters, digits, `-` or `_`, like J1"
                        );
                        self.at(c.span(), m);
                    } else if out.iter().any(|o| o.code.eq_ignore_ascii_case(&v)) {
                        self.at(c.span(), format!("juror code {v} is used twice"));
                    }
                    v
                }
            };
            out.push(Juror {
                code,
                name: self.required(&j.name, "juror name"),
                nip: self.opt(j.nip, "juror nip"),
                position: self.opt(j.position, "juror position"),
            });
        }
        Jury {
            criteria,
            jurors: out,
            trimmed: scoring.trimmed_mean.unwrap_or(false),
        }
    }

    /// Each agenda item's presenter, checked (as [`Checker::presenter`]).
    pub(super) fn set_presenters(
        &mut self,
        agenda: &mut [PlanItem],
        presenters: Vec<Option<Spanned<String>>>,
        participants: &[PlanParticipant],
    ) {
        for (item, p) in agenda.iter_mut().zip(presenters) {
            item.presenter = self.presenter(p, participants);
        }
    }

    /// An agenda item's presenter: a participant's code (given or the one
    /// they will be assigned) or exact name, as their code.
    pub(super) fn presenter(
        &mut self,
        v: Option<Spanned<String>>,
        participants: &[PlanParticipant],
    ) -> Option<String> {
        let v = v?;
        let r = clean_line(v.get_ref());
        let codes = codes(participants);
        let found = codes
            .iter()
            .find(|c| c.eq_ignore_ascii_case(&r))
            .or_else(|| {
                let i = participants.iter().position(|p| p.name == r)?;
                codes.get(i)
            });
        if found.is_none() {
            let m = format!(
                "presenter `{r}` is no participant; give a participant's code (like P3) or exact name"
            );
            self.at(v.span(), m);
        }
        found.cloned()
    }
}

/// Takes each agenda item's `presenter` out of the raw plan, in order.
pub(super) fn presenters(agenda: &mut [Spanned<RawItem>]) -> Vec<Option<Spanned<String>>> {
    agenda
        .iter_mut()
        .map(|i| i.get_mut().presenter.take())
        .collect()
}

/// The codes the participants will have: given, or the next free `P<n>`.
fn codes(participants: &[PlanParticipant]) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for p in participants {
        let code = p.code.clone().unwrap_or_else(|| {
            let max = out
                .iter()
                .filter_map(|c| {
                    c.strip_prefix(['P', 'p'])
                        .and_then(|n| n.parse::<u64>().ok())
                })
                .max()
                .unwrap_or(0);
            format!("P{}", max.saturating_add(1))
        });
        out.push(code);
    }
    out
}

impl super::Plan {
    /// ", 3 jurors, 6 criteria" for a jury plan; empty otherwise.
    pub fn jury_summary(&self) -> String {
        if self.jury.is_empty() {
            return String::new();
        }
        let trimmed = if self.jury.trimmed {
            " (trimmed mean)"
        } else {
            ""
        };
        format!(
            ", {} jurors, {} criteria{trimmed}",
            self.jury.jurors.len(),
            self.jury.criteria.len()
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::parse;

    fn errors(src: &str) -> Vec<String> {
        parse(src, "p.toml")
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect()
    }

    const SLOT: &str =
        "[[participants]]\nname = \"Budi\"\n[[agenda]]\ntitle = \"A\"\nminutes = 5\n";

    #[test]
    fn a_jury_reads_with_its_defaults_and_presenters_by_code_or_name() {
        let src = format!(
            "title = \"KBK\"\n{SLOT}presenter = \"Budi\"\n[[agenda]]\ntitle = \"B\"\nminutes = 5\npresenter = \"p1\"\n\
             [[criteria]]\nname = \"Tema\"\n[[jurors]]\nname = \"Juri\"\n[[jurors]]\nname = \"Juri 2\"\ncode = \"K2\"\n\
             [scoring]\ntrimmed_mean = true\n"
        );
        let plan = parse(&src, "p.toml").unwrap();
        assert_eq!(
            (plan.jury.criteria[0].weight, plan.jury.criteria[0].max),
            (1, 100)
        );
        let codes: Vec<&str> = plan.jury.jurors.iter().map(|j| j.code.as_str()).collect();
        assert_eq!(codes, ["J1", "K2"]);
        assert!(plan.jury.trimmed);
        assert_eq!(plan.agenda[0].presenter.as_deref(), Some("P1"));
        assert_eq!(plan.agenda[1].presenter.as_deref(), Some("P1"));
        assert_eq!(plan.jury_summary(), ", 2 jurors, 1 criteria (trimmed mean)");
    }

    #[test]
    fn a_bad_jury_is_refused_at_its_place() {
        let e = errors(&format!(
            "title = \"KBK\"\n{SLOT}[[criteria]]\nname = \"Tema\"\n"
        ));
        assert!(
            e[0].starts_with("p.toml:7:1: criteria need jurors"),
            "{e:?}"
        );
        let e = errors(&format!(
            "title = \"KBK\"\n{SLOT}presenter = \"P7\"\n[[criteria]]\nname = \"Tema\"\nweight = -3\n\
             [[jurors]]\nname = \"A\"\ncode = \"J1\"\n[[jurors]]\nname = \"B\"\ncode = \"j1\"\n"
        ));
        assert!(
            e[0].starts_with("p.toml:7:13: presenter `P7` is no participant"),
            "{e:?}"
        );
        assert!(
            e[1].starts_with("p.toml:10:10: weight must be a whole number from 0 to 1000, not -3"),
            "{e:?}"
        );
        assert!(
            e[2].starts_with("p.toml:16:8: juror code j1 is used twice"),
            "{e:?}"
        );
    }
}
