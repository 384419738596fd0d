//! A jury session on every role's screen: no score, total or ranking is in
//! any role's view model or on any screen before `announce_scores` — the
//! score sheet (`N`, facilitator and notetaker only) is the one place —
//! and the ranking is there after it; the score sheet typed with Tab saves
//! each cell; `A` asks before announcing.

use fgd::domain::Command;
use fgd::tui::app::{Overlay, Role};
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use crate::tui_support::{Fx, Setup};

const KBK: &str = "kbk-gelar-budaya-kerja";

/// Every text of a role's view model at `w`×`h`.
fn model_text(fx: &Fx, w: u16, h: u16) -> String {
    let m = fgd::tui::view::model::build(&fx.app, fx.now, Rect::new(0, 0, w, h));
    let mut out = vec![
        m.header.to_string(),
        m.footer.to_string(),
        m.clock.title.clone(),
    ];
    out.extend(m.banner.iter().map(ToString::to_string));
    out.extend(m.clock.lines.iter().map(ToString::to_string));
    out.extend(m.clock.big.clone());
    for p in m.panels.iter().chain(m.questions.as_ref()) {
        out.push(p.title.clone());
        out.extend(p.lines.iter().map(ToString::to_string));
    }
    out.join("\n")
}

/// A live KBK at the first slot with P1 scored 97 on every cell by every
/// juror and P2 scored 88.
fn scored() -> Fx {
    let mut fx = Setup::id().plan(KBK).build();
    fx.exec(Command::Start);
    fx.exec(Command::NextItem);
    fx.exec(Command::NextItem);
    for (p, v) in [("P1", 97), ("P2", 88)] {
        for j in ["J1", "J2", "J3"] {
            for c in 1..=6 {
                fx.exec(Command::Score {
                    juror: j.into(),
                    presenter: p.into(),
                    criterion: c.to_string(),
                    value: v,
                });
            }
        }
    }
    fx
}

#[test]
fn no_score_is_on_any_role_s_screen_before_the_announcement() {
    let mut fx = scored();
    for role in [Role::Facilitator, Role::Notetaker, Role::Viewer] {
        fx.app.role = role;
        for (w, h) in [(80, 24), (120, 34), (200, 60)] {
            let text = model_text(&fx, w, h) + &fx.screen(w, h);
            for figure in ["97", "88", "Peringkat"] {
                assert!(
                    !text.contains(figure),
                    "{role:?} {w}×{h} shows {figure}:\n{text}"
                );
            }
            if h >= 34 {
                assert!(
                    text.contains("Nilai tersembunyi"),
                    "{role:?} {w}×{h}:\n{text}"
                );
            }
        }
    }
    fx.app.role = Role::Facilitator;
    fx.exec(Command::AnnounceScores);
    for role in [Role::Facilitator, Role::Notetaker, Role::Viewer] {
        fx.app.role = role;
        let text = model_text(&fx, 120, 34);
        assert!(
            text.contains("97,00") && text.contains("88,00"),
            "{role:?}:\n{text}"
        );
        let first = text.lines().position(|l| l.contains("97,00"));
        let second = text.lines().position(|l| l.contains("88,00"));
        assert!(first < second, "best first:\n{text}");
        let m = fgd::tui::view::model::build(&fx.app, fx.now, Rect::new(0, 0, 200, 60));
        let big = if role == Role::Notetaker {
            None
        } else {
            Some("P1 97,00".to_owned())
        };
        if big.is_some() {
            assert_eq!(m.clock.big, big, "{role:?}: the winner in big text");
        } else {
            assert_ne!(
                m.clock.big.as_deref(),
                Some("P1 97,00"),
                "the notetaker keeps the timer"
            );
        }
    }
}

#[test]
fn the_score_sheet_saves_each_cell_on_tab_and_a_asks_before_announcing() {
    let mut fx = Setup::id().plan(KBK).build();
    fx.exec(Command::Start);
    fx.exec(Command::NextItem);
    fx.exec(Command::NextItem);
    fx.ch('N');
    assert!(matches!(fx.app.overlays.last(), Some(Overlay::Scores(_))));
    let sheet = fx.screen(120, 34);
    assert!(sheet.contains("Lembar nilai — P1"), "{sheet}");
    fx.typed("85");
    fx.tab();
    fx.typed("90");
    fx.tab();
    fx.typed("101");
    fx.tab();
    let s = fx.s();
    assert_eq!(s.score_of("J1", "P1", 1), Some(85));
    assert_eq!(s.score_of("J1", "P1", 2), Some(90));
    assert_eq!(s.score_of("J1", "P1", 3), None, "above the max: refused");
    let sheet = fx.screen(120, 34);
    assert!(sheet.contains("85") && sheet.contains("90"), "{sheet}");
    fx.key(KeyCode::PageDown);
    assert!(fx.screen(120, 34).contains("Lembar nilai — P2"));
    fx.ch('A');
    fx.enter();
    assert!(!fx.s().scores_announced(), "Enter does not confirm");
    fx.ch('y');
    assert!(fx.s().scores_announced());
    assert!(
        matches!(fx.app.overlays.last(), Some(Overlay::Scores(_))),
        "the sheet stays"
    );
    fx.esc();
    assert!(fx.app.overlays.is_empty());
    assert!(fx.screen(120, 34).contains("Hasil Penilaian"));
}

#[test]
fn a_viewer_cannot_open_the_score_sheet() {
    let mut fx = scored();
    fx.app.role = Role::Viewer;
    fx.ch('N');
    assert!(fx.app.overlays.is_empty());
}

#[test]
fn the_decision_form_takes_vote_counts_and_refuses_anything_else() {
    let mut fx = Setup::id().build();
    fx.exec(Command::Start);
    fx.ch('d');
    fx.typed("Usulan disetujui");
    fx.tab();
    fx.typed("18/x");
    fx.enter();
    assert!(fx.s().decisions.is_empty(), "refused");
    let screen = fx.screen(120, 34);
    assert!(
        screen.contains("tiga angka"),
        "the reason beside the field:\n{screen}"
    );
    for _ in 0..4 {
        fx.key(KeyCode::Backspace);
    }
    fx.typed("18/2/1");
    fx.enter();
    let v = fx.s().decisions[0].votes.unwrap();
    assert_eq!((v.in_favour, v.against, v.abstain), (18, 2, 1));
    assert!(fx.screen(120, 34).contains("(18/2/1) Usulan disetujui"));
}

#[test]
fn a_bimtek_shows_its_resource_person_s_session_and_q_and_a() {
    let mut fx = Setup::id().plan("bimtek-budaya-kerja").build();
    fx.exec(Command::Start);
    fx.exec(Command::NextItem);
    fx.exec(Command::NextItem);
    fx.exec(Command::AddNote {
        text: "Cukup tiga sampai lima orang.".into(),
        kind: fgd::domain::NoteKind::Insight,
        participant: Some("N1".into()),
        private: None,
        item: None,
    });
    let screen = fx.screen(120, 34);
    assert!(screen.contains("Narasumber: N1 Dr. Hartono"), "{screen}");
    assert!(
        screen.contains("Materi (2,0 JP): Materi 1"),
        "90 minutes are 2 JP:\n{screen}"
    );
    assert!(
        screen.contains("• Cukup tiga sampai lima orang. (N1)"),
        "{screen}"
    );
}

#[test]
fn an_innovation_lab_adds_ideas_from_its_ideas_panel() {
    let mut fx = Setup::id().plan("labinov-diagnose-design").build();
    fx.exec(Command::Start);
    fx.exec(Command::AddIdea {
        title: "Izin usaha mikro satu hari".into(),
        problem: None,
        team: Some("DPMPTSP".into()),
        proposer: None,
        item: None,
    });
    fx.exec(Command::PrioritiseIdea { idea: 1, dots: 4 });
    while fx.app.focus != fgd::tui::app::Panel::Mindsets {
        fx.tab();
    }
    fx.ch('+');
    fx.typed("KTP-el jemput bola");
    fx.tab();
    fx.typed("Desa jauh");
    fx.tab();
    fx.typed("Disdukcapil");
    fx.tab();
    fx.enter();
    let s = fx.s();
    assert_eq!(s.ideas.len(), 2, "{:?}", fx.app.overlays);
    assert_eq!(s.ideas[1].team.as_deref(), Some("Disdukcapil"));
    let screen = fx.screen(120, 34);
    assert!(screen.contains("Ide inovasi (2)"), "{screen}");
    let first = screen.find("1. Izin usaha mikro").unwrap();
    let second = screen.find("2. KTP-el jemput bola").unwrap();
    assert!(first < second, "most dots first:\n{screen}");
    assert!(screen.contains("● 4"), "{screen}");
}

#[test]
fn p_on_an_action_fills_its_rencana_aksi_from_a_form() {
    let mut fx = Setup::id().plan("labinov-diagnose-design").build();
    fx.exec(Command::Start);
    fx.exec(Command::AddIdea {
        title: "Izin usaha mikro satu hari".into(),
        problem: None,
        team: None,
        proposer: None,
        item: None,
    });
    fx.exec(Command::AddAction {
        what: "Uji coba di dua kecamatan".into(),
        pic: Some("P1".into()),
        due: None,
        item: None,
        origin: None,
        carried: None,
    });
    while fx.app.focus != fgd::tui::app::Panel::Actions {
        fx.tab();
    }
    fx.ch('P');
    assert!(
        matches!(fx.app.overlays.last(), Some(Overlay::Form(_))),
        "{:?}",
        fx.app.overlays
    );
    // A number that is no number keeps the form open and changes nothing.
    fx.typed("satu");
    fx.enter();
    assert!(matches!(fx.app.overlays.last(), Some(Overlay::Form(_))));
    assert!(fx.s().actions[0].plan.is_none());
    for _ in 0.."satu".len() {
        fx.key(KeyCode::Backspace);
    }
    fx.typed("1");
    fx.tab();
    fx.typed("DPMPTSP");
    fx.tab();
    fx.typed("Izin terbit < 1 hari");
    fx.tab();
    fx.typed("2 petugas, tablet");
    fx.tab();
    fx.typed("Februari–Maret 2027");
    fx.enter();
    assert!(fx.app.overlays.is_empty(), "{:?}", fx.app.overlays);
    let plan = fx.s().actions[0].plan.clone().unwrap();
    assert_eq!(plan.idea, Some(1));
    assert_eq!(plan.team.as_deref(), Some("DPMPTSP"));
    assert_eq!(plan.indicator.as_deref(), Some("Izin terbit < 1 hari"));
    assert_eq!(plan.resources.as_deref(), Some("2 petugas, tablet"));
    assert_eq!(plan.schedule.as_deref(), Some("Februari–Maret 2027"));
    // Opened again, it shows the plan; an emptied field clears that part.
    fx.ch('P');
    fx.tab();
    for _ in 0.."DPMPTSP".len() {
        fx.key(KeyCode::Backspace);
    }
    fx.enter();
    let plan = fx.s().actions[0].plan.clone().unwrap();
    assert_eq!(plan.team, None);
    assert_eq!(plan.schedule.as_deref(), Some("Februari–Maret 2027"));
}

#[test]
fn a_plan_s_panels_override_what_its_kind_shows() {
    use fgd::domain::ScreenPanel;
    let not_yet = "Belum bicara";
    // An FGD shows mindset shifts and who has not yet spoken…
    let mut fgd = Setup::id().build();
    fgd.start();
    let screen = fgd.screen(120, 34);
    assert!(screen.contains("Perubahan Pola Pikir"), "{screen}");
    assert!(screen.contains(not_yet), "{screen}");
    // …unless its plan lists the ideas in their place and leaves it out.
    let mut fx = Setup::id()
        .panels(&[
            ScreenPanel::Agenda,
            ScreenPanel::Ideas,
            ScreenPanel::Actions,
        ])
        .build();
    fx.start();
    let screen = fx.screen(120, 34);
    assert!(screen.contains("Ide inovasi (0)"), "{screen}");
    assert!(!screen.contains("Perubahan Pola Pikir"), "{screen}");
    assert!(!screen.contains(not_yet), "{screen}");
    // `+` on that panel adds an idea, as in an innovation lab.
    while fx.app.focus != fgd::tui::app::Panel::Mindsets {
        fx.tab();
    }
    fx.ch('+');
    fx.typed("Antrean daring puskesmas");
    fx.tab();
    fx.tab();
    fx.tab();
    fx.enter();
    assert_eq!(fx.s().ideas.len(), 1, "{:?}", fx.app.overlays);
    // An innovation lab can ask for mindset shifts and who has not spoken.
    let mut lab = Setup::id()
        .plan("labinov-diagnose-design")
        .panels(&[ScreenPanel::Mindsets, ScreenPanel::NotYetSpoken])
        .build();
    lab.start();
    let screen = lab.screen(120, 34);
    assert!(screen.contains("Perubahan Pola Pikir"), "{screen}");
    assert!(!screen.contains("Ide inovasi"), "{screen}");
}
