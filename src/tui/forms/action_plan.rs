//! The rencana aksi form of an innovation lab's action: the idea it carries
//! out (its number), the team or OPD, the indicator of success, the
//! resources and the schedule, filled from the action's plan. Owns its
//! fields and its command (`plan_action`); not the widget or the running of
//! the command.

use super::{Cx, Filled, FormKind, text};
use crate::domain::{ActionId, Command, Session};
use crate::i18n::{jury, screen::Words};
use crate::tui::form::{Field, Form};

const IDEA: usize = 0;
const TEAM: usize = 1;
const INDICATOR: usize = 2;
const RESOURCES: usize = 3;
const SCHEDULE: usize = 4;

/// The form of action `id`, filled from its plan; `None` when the action is
/// not there.
pub fn open(w: &Words, s: &Session, id: ActionId) -> Option<Filled> {
    let action = s.actions.get((id.0 as usize).checked_sub(1)?)?;
    let plan = action.plan.clone().unwrap_or_default();
    let j = jury::words(w.lang);
    let idea = plan.idea.map(|n| n.to_string()).unwrap_or_default();
    let or_empty = |t: Option<String>| t.unwrap_or_default();
    let fields = vec![
        Field::text(j.idea, &idea, false).hint(j.idea_no_hint),
        Field::text(j.unit, &or_empty(plan.team), false),
        Field::text(j.indicator, &or_empty(plan.indicator), false),
        Field::text(j.resources, &or_empty(plan.resources), false),
        Field::text(j.schedule, &or_empty(plan.schedule), false),
    ];
    debug_assert_eq!(fields.len(), SCHEDULE + 1);
    Some((format!("{} #{}", j.action_plan, id.0), fields))
}

/// Sets the rencana aksi: an emptied text clears it, an empty idea keeps
/// the one chosen before; a number that is no number keeps the form open.
pub fn command(form: &mut Form<FormKind>, cx: &Cx<'_>, id: ActionId) -> Option<Command> {
    let typed = text(form, IDEA);
    let idea = if typed.is_empty() {
        None
    } else if let Ok(n) = typed.trim_start_matches('#').parse::<u32>() {
        Some(n)
    } else {
        form.refuse(IDEA, crate::i18n::screen::words(cx.lang).not_a_number);
        return None;
    };
    Some(Command::PlanAction {
        action: id,
        idea,
        team: Some(text(form, TEAM)),
        indicator: Some(text(form, INDICATOR)),
        resources: Some(text(form, RESOURCES)),
        schedule: Some(text(form, SCHEDULE)),
    })
}
