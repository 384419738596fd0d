//! Bad input typed on the screen: every form stays open with the reason.

use super::*;

// ---------------------------------------------------------------- the screen

/// A form opened with `keys`, then keys typed into it (`\t` is Tab, `\u{8}`
/// Backspace), then Enter.
struct FormCase {
    name: &'static str,
    keys: &'static str,
    typed: String,
    /// The reason shown in the form.
    says: &'static str,
}

fn form_cases() -> Vec<FormCase> {
    let f = |name, keys, typed: &str, says| FormCase {
        name,
        keys,
        typed: typed.to_owned(),
        says,
    };
    vec![
        f(
            "action due 2026-02-30",
            "a",
            "Susun SOP\tP1\t2026-02-30",
            "bad due date `2026-02-30`",
        ),
        f(
            "action due +d",
            "a",
            "Susun SOP\tP1\t+d",
            "bad due date `+d`",
        ),
        f(
            "action due 32/13/2026",
            "a",
            "Susun SOP\tP1\t32/13/2026",
            "bad due date `32/13/2026`",
        ),
        f("action without what", "a", "\tP1\t+7d", "required"),
        f("empty note", "o", "   ", "required"),
        f("empty decision", "d", "", "required"),
        f("empty conclusion", "c", "\t", "required"),
        f("mindset without to", "m", "dilayani\t", "required"),
        f(
            "mindset with an unknown participant",
            "m",
            "dilayani\tmelayani\t\tP99",
            "P99",
        ),
        f(
            "agenda item title too long",
            "+",
            &"x".repeat(501),
            "title is too long",
        ),
        f(
            "agenda item minutes not a number",
            "+",
            "Diskusi\tabc",
            "number",
        ),
        f(
            "agenda item of 0 minutes",
            "+",
            "Diskusi\t\u{8}\u{8}0",
            "between 1 and 1440, not 0",
        ),
        f("walk-in without a name", "p+", "\tKepala Seksi", "required"),
        f(
            "walk-in name too long",
            "p+",
            &"Budi ".repeat(120),
            "too long",
        ),
    ]
}

#[test]
fn every_bad_input_typed_on_the_screen_keeps_the_form_open_with_the_reason() {
    let mut fx = Fx::en();
    fx.start();
    let mut failures = vec![];
    for c in form_cases() {
        let events = fx.s().last_seq;
        fx.typed(c.keys);
        for ch in c.typed.chars() {
            match ch {
                '\t' => fx.tab(),
                '\u{8}' => fx.key(KeyCode::Backspace),
                ch => fx.ch(ch),
            }
        }
        fx.enter();
        let screen = fx.screen(200, 60);
        let open = matches!(
            fx.app.overlays.last(),
            Some(fgd::tui::app::Overlay::Form(_))
        );
        if !open {
            failures.push(format!("{}: the form closed", c.name));
        } else if !screen.contains(c.says) {
            failures.push(format!("{}: no {:?} on screen:\n{screen}", c.name, c.says));
        }
        if fx.s().last_seq != events {
            failures.push(format!("{}: something was stored", c.name));
        }
        // Esc throws the typed form away once `y` answers its question.
        while let Some(top) = fx.app.overlays.last() {
            if matches!(top, fgd::tui::app::Overlay::Confirm(_)) {
                fx.ch('y');
            } else {
                fx.esc();
            }
        }
    }
    // A terminal too small says so.
    let small = fx.screen(30, 6);
    if !small.contains("small") {
        failures.push(format!(
            "a 30×6 terminal does not say it is too small:\n{small}"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
