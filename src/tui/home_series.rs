//! The home screen's series: the saved sessions grouped so that a series'
//! meetings sit together (the series with the newest meeting first, its
//! meetings newest first, each marked with its number), and `N` on any of
//! them to make the series' next meeting — dated today, titled from the
//! plan that names the series (or, without one, the plan chosen next).
//! Must not open the store; a session is made through the `Create` given.

use std::collections::HashMap;

use super::home::{Choice, Create, Home};
use crate::domain::Language;
use crate::i18n::{self, series};
use crate::store::Meta;

/// Orders `sessions` (already in the order of last use) by series: a
/// series sits where its most recently used meeting sits, its meetings from
/// the last to the first; a session alone keeps its place.
pub fn group(sessions: &mut [Meta]) {
    let mut rank: HashMap<String, usize> = HashMap::new();
    for (i, m) in sessions.iter().enumerate() {
        rank.entry(m.series_id().to_owned()).or_insert(i);
    }
    // A stable sort: sessions of one rank keep their order of last use
    // once their meeting numbers are equal.
    sessions.sort_by_key(|m| {
        (
            rank.get(m.series_id()).copied(),
            std::cmp::Reverse(m.meeting),
        )
    });
}

/// "↳ ke-2 " before a later meeting of a series, "" for a first one.
pub fn mark(m: &Meta, lang: Language) -> String {
    if m.meeting > 1 {
        let w = series::words(lang);
        format!("↳ {} ", i18n::fill(w.meeting_value, &[&m.meeting]))
    } else {
        String::new()
    }
}

/// `N` on the selected session: the next meeting of its series, from the
/// plan that names the series; without one, the plans are offered with the
/// series' last meeting to follow up.
pub fn next_meeting(home: &mut Home, create: &mut Create<'_>) {
    let Some(selected) = home.sessions.get(home.sel[0]) else {
        return;
    };
    let series_id = selected.series_id().to_owned();
    let Some(last) = home
        .sessions
        .iter()
        .filter(|m| m.series_id() == series_id)
        .max_by_key(|m| (m.meeting, m.date))
        .map(|m| m.id.clone())
    else {
        return;
    };
    let plan = home.plans.iter().find_map(|o| {
        o.plan
            .as_ref()
            .ok()
            .filter(|p| p.series.as_deref() == Some(series_id.as_str()))
            .cloned()
    });
    if let Some(plan) = plan {
        match create(&plan, Some(&last)) {
            Ok(id) => home.choice = Some(Choice::Open(id)),
            Err(e) => home.flash = Some((e, true)),
        }
    } else {
        let w = series::words(home.lang);
        home.follow_up = Some(last);
        home.focus = 1;
        home.flash = Some((i18n::fill(w.home_pick_plan, &[&series_id]), false));
    }
}
