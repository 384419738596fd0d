//! Jury scoring: weighted totals, the trimmed mean, ties shared, the
//! refusals of `score` and `announce_scores`, undo; and vote counts on a
//! decision (counts, never names).

use super::common::{Fx, add_participant, info};
use fgd::domain::{
    Command, Criterion, DomainError, Juror, Jury, SessionKind, Votes, decimal, replay,
};

fn juror(code: &str, name: &str) -> Juror {
    Juror {
        code: code.into(),
        name: name.into(),
        nip: None,
        position: None,
    }
}

/// A KBK session: criteria "Tema" (weight 40, max 100) and "Analisis"
/// (weight 60, max 50), `jurors` jurors, three presenters P1–P3, live.
fn jury(jurors: usize, trimmed: bool) -> Fx {
    let mut i = info();
    i.kind = SessionKind::Kbk;
    i.jury = Jury {
        criteria: vec![
            Criterion {
                name: "Tema".into(),
                weight: 40,
                max: 100,
            },
            Criterion {
                name: "Analisis penyebab".into(),
                weight: 60,
                max: 50,
            },
        ],
        jurors: (1..=jurors)
            .map(|n| juror(&format!("J{n}"), &format!("Juri {n}")))
            .collect(),
        trimmed,
    };
    let mut fx = Fx::with_info(i);
    for name in ["KBK Sasi", "KBK Cengkih", "KBK Masohi"] {
        fx.ok(add_participant(name));
    }
    fx.start();
    fx
}

fn score(j: &str, p: &str, c: &str, value: u32) -> Command {
    Command::Score {
        juror: j.into(),
        presenter: p.into(),
        criterion: c.into(),
        value,
    }
}

fn ranking(fx: &Fx) -> Vec<(String, String, u32, bool)> {
    fx.s.standings()
        .into_iter()
        .map(|s| (s.presenter, decimal(s.total, '.'), s.rank, s.tied))
        .collect()
}

#[test]
fn a_total_weights_each_criterion_scaled_to_100() {
    let mut fx = jury(2, false);
    // J1: Tema 80/100, Analisis 40/50 (= 80) → 80. J2: 60/100, 45/50 (= 90) → 0.4·60 + 0.6·90 = 78.
    fx.ok(score("J1", "P1", "tema", 80));
    fx.ok(score("J1", "P1", "2", 40));
    fx.ok(score("j2", "KBK Sasi", "Analisis", 45));
    fx.ok(score("Juri 2", "P1", "Tema", 60));
    let st = &fx.s.standings()[0];
    assert_eq!(st.jurors, vec![Some(8000), Some(7800)]);
    assert_eq!(decimal(st.total, ','), "79,00");
    assert_eq!(
        st.criteria,
        vec![7000, 4250],
        "means per criterion, raw scale"
    );
    assert_eq!(st.missing, 0);
    // A later score of the same cell replaces it.
    fx.ok(score("J1", "P1", "Tema", 100));
    assert_eq!(fx.s.standings()[0].jurors[0], Some(8800));
    assert_eq!(fx.s.scores.cells.len(), 4);
    fx.check();
}

#[test]
fn trimmed_mean_drops_the_highest_and_lowest_with_four_jurors() {
    let mut fx = jury(4, true);
    for (j, v) in [("J1", 100), ("J2", 80), ("J3", 70), ("J4", 10)] {
        fx.ok(score(j, "P1", "1", v));
        fx.ok(score(j, "P1", "2", v / 2));
    }
    let st = &fx.s.standings()[0];
    assert!(st.trimmed);
    assert_eq!(decimal(st.total, '.'), "75.00", "mean of 80 and 70");
    let mut plain = jury(4, false);
    for (j, v) in [("J1", 100), ("J2", 80), ("J3", 70), ("J4", 10)] {
        plain.ok(score(j, "P1", "1", v));
        plain.ok(score(j, "P1", "2", v / 2));
    }
    assert_eq!(decimal(plain.s.standings()[0].total, '.'), "65.00");
    // With three jurors the option does nothing.
    let mut three = jury(3, true);
    for (j, v) in [("J1", 100), ("J2", 80), ("J3", 30)] {
        three.ok(score(j, "P1", "1", v));
        three.ok(score(j, "P1", "2", v / 2));
    }
    let st = &three.s.standings()[0];
    assert!(!st.trimmed);
    assert_eq!(decimal(st.total, '.'), "70.00");
}

#[test]
fn equal_totals_share_a_rank_and_the_next_is_skipped() {
    let mut fx = jury(1, false);
    for (p, t, a) in [("P1", 80, 40), ("P2", 90, 30), ("P3", 80, 40)] {
        fx.ok(score("J1", p, "1", t));
        fx.ok(score("J1", p, "2", a));
    }
    // P1 = P3 = 80; P2 = 0.4·90 + 0.6·60 = 72.
    assert_eq!(
        ranking(&fx),
        vec![
            ("P1".into(), "80.00".into(), 1, true),
            ("P3".into(), "80.00".into(), 1, true),
            ("P2".into(), "72.00".into(), 3, false),
        ]
    );
}

#[test]
fn a_missing_cell_counts_as_zero_and_is_told() {
    let mut fx = jury(1, false);
    fx.ok(score("J1", "P2", "1", 100));
    let st = &fx.s.standings()[0];
    assert_eq!((st.total, st.missing), (4000, 1));
    assert_eq!(
        fx.s.standings().len(),
        1,
        "only presenters with a score rank"
    );
}

#[test]
fn scores_are_refused_plainly_and_change_nothing() {
    let mut fx = jury(2, false);
    assert_eq!(
        fx.err(score("J9", "P1", "1", 5)),
        DomainError::UnknownJuror("J9".into())
    );
    assert!(matches!(
        fx.err(score("J1", "P9", "1", 5)),
        DomainError::UnknownParticipant(_)
    ));
    assert_eq!(
        fx.err(score("J1", "P1", "nilai", 5)),
        DomainError::UnknownCriterion("nilai".into())
    );
    assert_eq!(
        fx.err(score("J1", "P1", "3", 5)),
        DomainError::UnknownCriterion("3".into())
    );
    assert_eq!(
        fx.err(score("J1", "P1", "analisis", 51)),
        DomainError::ScoreOutOfRange { value: 51, max: 50 }
    );
    assert_eq!(fx.err(Command::AnnounceScores), DomainError::NoScores);
    let mut plain = Fx::new();
    plain.ok(add_participant("Budi"));
    assert_eq!(plain.err(score("J1", "P1", "1", 5)), DomainError::NoJury);
    assert_eq!(plain.err(Command::AnnounceScores), DomainError::NoJury);
}

#[test]
fn after_the_announcement_scores_are_fixed_until_it_is_undone() {
    let mut fx = jury(1, false);
    fx.ok(score("J1", "P1", "1", 70));
    assert!(!fx.s.scores_announced());
    fx.ok(Command::AnnounceScores);
    assert!(fx.s.scores_announced());
    assert_eq!(
        fx.err(score("J1", "P1", "1", 90)),
        DomainError::ScoresAnnounced
    );
    assert_eq!(
        fx.err(Command::AnnounceScores),
        DomainError::ScoresAnnounced
    );
    fx.ok(Command::Undo);
    assert!(!fx.s.scores_announced());
    fx.ok(score("J1", "P1", "1", 90));
    fx.ok(Command::Undo);
    assert_eq!(
        fx.s.score_of("J1", "P1", 1),
        Some(70),
        "undo restores the old score"
    );
    assert_eq!(replay(&fx.log), fx.s);
    fx.check();
}

#[test]
fn a_scored_presenter_is_present() {
    let mut fx = jury(1, false);
    assert!(!fx.s.participants[1].present);
    fx.ok(score("J1", "P2", "1", 70));
    assert!(fx.s.participants[1].present);
}

#[test]
fn an_agenda_slot_names_its_presenter_by_code_or_name() {
    let mut fx = jury(1, false);
    fx.ok(Command::AddAgendaItem {
        title: "Penyajian 1".into(),
        minutes: 20,
        owner: None,
        questions: vec![],
        position: None,
        origin: None,
        presenter: Some("KBK Cengkih".into()),
        setup: fgd::domain::schedule::ItemSetup::default(),
    });
    assert_eq!(fx.s.agenda[0].presenter.as_deref(), Some("P2"));
    assert_eq!(fx.s.presenters(), vec!["P2"]);
    let refused = fx.err(Command::AddAgendaItem {
        title: "Penyajian 2".into(),
        minutes: 20,
        owner: None,
        questions: vec![],
        position: None,
        origin: None,
        presenter: Some("P7".into()),
        setup: fgd::domain::schedule::ItemSetup::default(),
    });
    assert!(matches!(refused, DomainError::UnknownParticipant(_)));
}

#[test]
fn a_decision_carries_vote_counts_never_names() {
    let mut fx = jury(1, false);
    fx.ok(Command::AddDecision {
        text: "Tata tertib disepakati".into(),
        item: None,
        votes: Some(Votes {
            in_favour: 18,
            against: 2,
            abstain: 2,
        }),
    });
    let v = fx.s.decisions[0].votes.unwrap();
    assert_eq!(
        (v.in_favour, v.against, v.abstain, v.total()),
        (18, 2, 2, 22)
    );
    let line = r#"{"cmd":"add_decision","text":"x","votes":{"for":3,"against":1}}"#;
    let cmd: Command = serde_json::from_str(line).unwrap();
    fx.ok(cmd);
    assert_eq!(fx.s.decisions[1].votes.unwrap().abstain, 0);
    let named = r#"{"cmd":"add_decision","text":"x","votes":{"for":3,"names":["Budi"]}}"#;
    assert!(serde_json::from_str::<Command>(named).is_err(), "no names");
    let huge = Votes {
        in_favour: 100_001,
        against: 0,
        abstain: 0,
    };
    assert!(matches!(
        fx.err(Command::AddDecision {
            text: "y".into(),
            item: None,
            votes: Some(huge)
        }),
        DomainError::TooManyVotes { .. }
    ));
    assert_eq!(replay(&fx.log), fx.s);
}

#[test]
fn bimtek_is_a_session_kind() {
    assert_eq!("bimtek".parse::<SessionKind>(), Ok(SessionKind::Bimtek));
    assert_eq!(
        "Bimbingan Teknis".parse::<SessionKind>(),
        Ok(SessionKind::Bimtek)
    );
}
