//! What a follow-up session takes over from the meeting before, arranged in
//! its plan's agenda: the series (and its next number), the open actions as
//! the content of the review item (the plan's `review = true` item, else the
//! first whose title says it reviews follow-ups, else one added first), the
//! deferred items after it and before the closing (one whose title equals a
//! standing item's is merged, not duplicated), and last meeting's walk-ins
//! invited again. Builds commands only; deciding them is the engine's.

use crate::domain::{ActionStatus, Carried, Command, ItemId, ItemStatus, Session};
use crate::domain::{is_closing_title, is_review_title};
use crate::plan::Plan;

/// Minutes planned for a review item the plan does not have.
const REVIEW_MINUTES: u32 = 15;

/// Arranges the follow-up of `prev` in `commands` (the plan's commands for
/// the new session: `create`, participants, agenda items in plan order).
pub fn arrange(commands: &mut Vec<Command>, plan: &Plan, prev: &Session) {
    for cmd in commands.iter_mut() {
        if let Command::Create { info } = cmd {
            info.series = Some(prev.info.series_id().to_owned());
            info.follow_up_date = Some(prev.date());
        }
    }
    commands.extend(walk_ins(plan, prev));
    let mut titles: Vec<String> = plan.agenda.iter().map(|i| norm(&i.title)).collect();
    let has_open = prev.actions().any(|a| a.status == ActionStatus::Open);
    let review = match plan
        .agenda
        .iter()
        .position(|i| i.review)
        .or_else(|| plan.agenda.iter().position(|i| is_review_title(&i.title)))
    {
        Some(index) => Some(item_id(index)),
        None if has_open => {
            let title = crate::i18n::series::words(prev.info.language).review_item;
            titles.insert(0, norm(title));
            commands.push(Command::AddAgendaItem {
                title: title.to_owned(),
                minutes: REVIEW_MINUTES,
                owner: None,
                questions: vec![],
                position: Some(1),
                origin: None,
                setup: crate::domain::schedule::ItemSetup::default(),
                presenter: None,
            });
            Some(item_id(plan.agenda.len()))
        }
        None => None,
    };
    commands.extend(deferred(prev, &mut titles));
    commands.extend(carried_actions(prev, review));
}

/// The id the item at plan index `index` gets in a fresh session.
fn item_id(index: usize) -> ItemId {
    ItemId(u32::try_from(index + 1).unwrap_or(u32::MAX))
}

/// A title as compared for merging: trimmed, lower case.
fn norm(title: &str) -> String {
    title.trim().to_lowercase()
}

/// `prev`'s deferred items, each before the closing item (or last), unless
/// a standing item has the same title; `titles` is the agenda's order.
fn deferred(prev: &Session, titles: &mut Vec<String>) -> Vec<Command> {
    let mut out = Vec::new();
    for item in prev
        .agenda
        .iter()
        .filter(|i| i.status == ItemStatus::Deferred)
    {
        let title = norm(&item.title);
        if titles.contains(&title) {
            continue;
        }
        let at = titles
            .iter()
            .rposition(|t| is_closing_title(t))
            .unwrap_or(titles.len());
        titles.insert(at, title);
        out.push(Command::AddAgendaItem {
            title: item.title.clone(),
            minutes: item.minutes,
            owner: item.owner.clone(),
            questions: item.questions.clone(),
            position: Some(at + 1),
            origin: Some(item.origin.clone().unwrap_or_else(|| prev.info.id.clone())),
            setup: item.setup.clone(),
            presenter: item.presenter.clone(),
        });
    }
    out
}

/// `prev`'s open actions, under the review item, each keeping where it
/// first came from and how it stood. A PIC linked to a participant is
/// carried by name, so it links again only to the same person.
fn carried_actions(prev: &Session, review: Option<ItemId>) -> Vec<Command> {
    prev.actions()
        .filter(|a| a.status == ActionStatus::Open)
        .map(|a| {
            let first = a.carried.as_ref();
            Command::AddAction {
                what: a.what.clone(),
                pic: a.pic.as_ref().map(|p| {
                    p.code
                        .as_deref()
                        .map_or_else(|| p.text.clone(), |c| prev.name_of(c).to_owned())
                }),
                due: a.due.map(|d| d.to_string()),
                item: review,
                origin: Some(a.origin.clone().unwrap_or_else(|| prev.info.id.clone())),
                carried: Some(Carried {
                    meeting: first.map_or_else(|| prev.info.meeting_number(), |c| c.meeting),
                    date: first.map_or_else(|| prev.date(), |c| c.date),
                    number: first.map_or(a.id.0, |c| c.number),
                    due: a.due,
                    note: a.latest_note().map(str::to_owned),
                }),
            }
        })
        .collect()
}

/// `prev`'s participants the plan does not invite (walk-ins, and walk-ins
/// invited again), invited to this meeting; they can be removed like anyone.
fn walk_ins(plan: &Plan, prev: &Session) -> Vec<Command> {
    let invited: Vec<String> = plan.participants.iter().map(|p| norm(&p.name)).collect();
    prev.participants
        .iter()
        .filter(|p| !p.removed && !invited.contains(&norm(&p.name)))
        .map(|p| Command::AddParticipant {
            name: p.name.clone(),
            position: p.position.clone(),
            unit: p.unit.clone(),
            code: None,
            nip: p.nip.clone(),
            consent: p.consent,
            present: false,
            carried: true,
        })
        .collect()
}
