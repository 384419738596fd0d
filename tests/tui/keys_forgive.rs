//! Forms that forgive: due dates in the ways Indonesian offices write them,
//! each echoed as the real date next to the field before it is saved, and a
//! future example in the empty field.

use super::keys::{form_open, small};
use crate::tui_support::Fx;
use chrono::NaiveDate;

#[test]
fn a_due_date_is_echoed_as_the_real_date_and_saved_as_it() {
    let mut fx = Fx::id();
    fx.start();
    let today = fx.s().info.zone.date_of(fx.now);
    fx.ch('a');
    fx.typed("Susun SOP");
    fx.tab();
    fx.typed("P1");
    fx.tab();
    // Empty: an example a week from today.
    let week = today + chrono::Days::new(7);
    let screen = small(&fx);
    assert!(
        screen.contains(&format!(
            "mis. +7h → {}",
            fgd::i18n::date_long(week, fgd::domain::Language::Id)
        )),
        "{screen}"
    );
    fx.typed("31 Des 2030");
    let screen = small(&fx);
    assert!(screen.contains("→ Selasa, 31 Desember 2030"), "{screen}");
    fx.enter();
    assert!(!form_open(&fx));
    assert_eq!(fx.s().actions[0].due, NaiveDate::from_ymd_opt(2030, 12, 31));
}

#[test]
fn every_written_form_of_a_due_date_is_taken() {
    let mut fx = Fx::id();
    fx.start();
    let today = fx.s().info.zone.date_of(fx.now);
    let month = today.checked_add_months(chrono::Months::new(1)).unwrap();
    let cases = [
        ("31/12/2030", NaiveDate::from_ymd_opt(2030, 12, 31).unwrap()),
        ("31-12-2030", NaiveDate::from_ymd_opt(2030, 12, 31).unwrap()),
        ("+1b", month),
        ("+1bln", month),
        ("+7hr", today + chrono::Days::new(7)),
    ];
    for (n, (typed, day)) in cases.iter().enumerate() {
        fx.ch('a');
        fx.typed("Tugas");
        fx.tab();
        fx.tab();
        fx.typed(typed);
        fx.enter();
        assert!(!form_open(&fx), "{typed} refused: {}", small(&fx));
        assert_eq!(fx.s().actions[n].due, Some(*day), "{typed}");
    }
    // `+1m` is a month in English and a week in Indonesian: refused, saying how.
    fx.ch('a');
    fx.typed("Tugas");
    fx.tab();
    fx.tab();
    fx.typed("+1m");
    fx.enter();
    assert!(form_open(&fx));
    let screen = small(&fx);
    assert!(screen.contains("+2mg minggu"), "{screen}");
}
