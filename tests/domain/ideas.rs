//! The innovation lab: ideas with their priority (dot votes), an action's
//! rencana aksi tied to an idea and a team, their refusals, undo and replay.

use super::common::{Fx, action, add_participant};
use fgd::domain::{ActionId, Command, DomainError, replay};

fn idea(title: &str, team: Option<&str>, proposer: Option<&str>) -> Command {
    Command::AddIdea {
        title: title.into(),
        problem: Some("Warga menempuh 60 km".into()),
        team: team.map(Into::into),
        proposer: proposer.map(Into::into),
        item: None,
    }
}

fn plan(action: u32, idea: Option<u32>, indicator: Option<&str>) -> Command {
    Command::PlanAction {
        action: ActionId(action),
        idea,
        team: None,
        indicator: indicator.map(Into::into),
        resources: Some("1 mobil".into()),
        schedule: None,
    }
}

#[test]
fn ideas_are_recorded_prioritised_and_planned() {
    let mut fx = Fx::new();
    fx.ok(add_participant("Debora Pelima"));
    fx.start();
    fx.ok(idea(
        "KTP-el jemput bola",
        Some("Disdukcapil"),
        Some("Debora Pelima"),
    ));
    fx.ok(idea("Izin satu hari", None, Some("Kepala DPMPTSP")));
    let s = &fx.s;
    assert_eq!(
        s.ideas[0].proposer.as_deref(),
        Some("P1"),
        "a participant by code"
    );
    assert!(s.participants[0].present, "the proposer took part");
    assert_eq!(
        s.ideas[1].proposer.as_deref(),
        Some("Kepala DPMPTSP"),
        "else as typed"
    );
    fx.ok(Command::PrioritiseIdea { idea: 1, dots: 7 });
    assert_eq!(fx.s.ideas[0].dots, 7);
    assert_eq!(
        fx.err(Command::PrioritiseIdea { idea: 1, dots: 7 }),
        DomainError::NothingToChange
    );
    fx.ok(action("Keliling 12 desa", Some("P1"), Some("+30d")));
    fx.ok(plan(1, Some(1), Some("300 KTP-el")));
    let p = fx.s.actions[0].plan.clone().unwrap();
    assert_eq!(
        (p.idea, p.indicator.as_deref()),
        (Some(1), Some("300 KTP-el"))
    );
    // What is not given is kept; an empty text clears it.
    fx.ok(Command::PlanAction {
        action: ActionId(1),
        idea: None,
        team: Some("Tim Disdukcapil".into()),
        indicator: Some(String::new()),
        resources: None,
        schedule: Some("Februari–April 2027".into()),
    });
    let p = fx.s.actions[0].plan.clone().unwrap();
    assert_eq!(p.idea, Some(1));
    assert_eq!(p.indicator, None);
    assert_eq!(p.resources.as_deref(), Some("1 mobil"));
    assert_eq!(p.team.as_deref(), Some("Tim Disdukcapil"));
    assert_eq!(replay(&fx.log), fx.s);
    fx.check();
}

#[test]
fn ideas_are_refused_plainly_and_undone() {
    let mut fx = Fx::new();
    fx.start();
    assert_eq!(fx.err(idea(" ", None, None)), DomainError::Empty("idea"));
    assert!(matches!(
        fx.err(Command::PrioritiseIdea { idea: 3, dots: 1 }),
        DomainError::UnknownRecord {
            what: "idea",
            id: 3
        }
    ));
    fx.ok(idea("Antrean daring", Some("Dinkes"), None));
    fx.ok(action("Uji coba", None, None));
    assert!(matches!(
        fx.err(plan(1, Some(2), None)),
        DomainError::UnknownRecord {
            what: "idea",
            id: 2
        }
    ));
    assert!(matches!(
        fx.err(plan(2, Some(1), None)),
        DomainError::UnknownRecord { .. }
    ));
    fx.ok(Command::PrioritiseIdea { idea: 1, dots: 3 });
    fx.ok(Command::Undo);
    assert_eq!(fx.s.ideas[0].dots, 0);
    fx.ok(Command::RemoveIdea { idea: 1 });
    assert_eq!(fx.s.ideas().count(), 0);
    fx.ok(Command::Undo);
    assert_eq!(fx.s.ideas().count(), 1);
    assert_eq!(replay(&fx.log), fx.s);
}
