//! The plan's `panels` key: the panels the live view shows, overriding what
//! its kind shows. Names are checked here (an unknown one, one listed twice,
//! or two for the mindset panel's place are errors at `FILE:LINE:COL`).

use toml::Spanned;

use super::Checker;
use crate::domain::ScreenPanel;

/// The panels `raw` names, in order; the errors go to `c`.
pub(super) fn panels(c: &mut Checker, raw: &[Spanned<String>]) -> Vec<ScreenPanel> {
    let mut out: Vec<ScreenPanel> = vec![];
    for name in raw {
        let panel = match name.get_ref().parse::<ScreenPanel>() {
            Ok(p) => p,
            Err(e) => {
                c.at(name.span(), e);
                continue;
            }
        };
        let place = out.iter().find(|p| p.in_mindsets_place());
        if out.contains(&panel) {
            c.at(
                name.span(),
                format!(
                    "panel `{}` is listed twice; list it once",
                    name.get_ref().trim()
                ),
            );
        } else if let Some(other) = place.filter(|_| panel.in_mindsets_place()) {
            c.at(
                name.span(),
                format!(
                    "`{}` and `{}` both stand in the mindset panel's place; keep one of them",
                    serde_name(*other),
                    name.get_ref().trim()
                ),
            );
        } else {
            out.push(panel);
        }
    }
    out
}

/// The name a plan writes for `p`.
fn serde_name(p: ScreenPanel) -> String {
    serde_json::to_value(p)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
