//! Random keys on random screens and sizes: the app never panics.

use super::*;

// ---------------------------------------------------------------- keys

/// Characters that printable keys bring: ASCII, wide, combining, emoji,
/// bidi overrides, controls, NUL.
pub(super) const CHARS: &[char] = &[
    'a',
    'q',
    'y',
    'n',
    'P',
    '1',
    '3',
    '9',
    '0',
    '+',
    '-',
    '7',
    'd',
    'w',
    ' ',
    ',',
    '.',
    ':',
    '/',
    '"',
    '\\',
    '|',
    '<',
    '&',
    '王',
    '明',
    '👩',
    '\u{1f3fd}',
    '\u{200d}',
    'e',
    '\u{301}',
    'é',
    'ß',
    '\u{202e}',
    '\u{2066}',
    '\u{0}',
    '\u{1b}',
    '\u{7}',
    '\u{9b}',
    '\u{85}',
    '\u{feff}',
    '\t',
    '\n',
    '\r',
    '\u{ad}',
    '\u{fffd}',
    '\u{10ffff}',
];

const SPECIAL: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Insert,
    KeyCode::F(1),
    KeyCode::F(2),
    KeyCode::F(12),
    KeyCode::Null,
    KeyCode::CapsLock,
];

/// A random key event, weighted towards keys that do something.
fn random_key(rng: &mut Rng, bound: &[KeyEvent]) -> KeyEvent {
    let mut ev = match rng.below(100) {
        0..=44 => *rng.pick(bound),
        45..=74 => KeyEvent::new(KeyCode::Char(*rng.pick(CHARS)), KeyModifiers::NONE),
        75..=94 => KeyEvent::new(*rng.pick(SPECIAL), KeyModifiers::NONE),
        _ => {
            let c = char::from_u32(rng.below(0x3_0000) as u32).unwrap_or('x');
            KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
        }
    };
    if rng.chance(1, 12) {
        ev.modifiers |= *rng.pick(&[
            KeyModifiers::CONTROL,
            KeyModifiers::ALT,
            KeyModifiers::SHIFT,
            KeyModifiers::SUPER,
        ]);
    }
    if rng.chance(1, 30) {
        ev.kind = *rng.pick(&[KeyEventKind::Release, KeyEventKind::Repeat]);
    }
    ev
}

/// Every key the default keymap binds, as an event.
fn bound_keys() -> Vec<KeyEvent> {
    DEFAULTS
        .iter()
        .flat_map(|b| b.keys.iter())
        .map(|k| {
            let mods = if k.ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(k.code, mods)
        })
        .collect()
}

/// A terminal size: often at the layout's edges, else anywhere in 1×1..250×80.
fn random_size(rng: &mut Rng) -> (u16, u16) {
    const W: &[u16] = &[1, 2, 10, 39, 40, 59, 60, 61, 79, 80, 149, 150, 200, 250];
    const H: &[u16] = &[1, 2, 3, 8, 15, 16, 17, 23, 24, 29, 30, 35, 36, 60, 80];
    if rng.chance(1, 2) {
        (*rng.pick(W), *rng.pick(H))
    } else {
        (rng.between(1, 250) as u16, rng.between(1, 80) as u16)
    }
}

/// The clock moves on between keys: mostly seconds, sometimes hours or days,
/// sometimes a step back (a corrected system clock).
fn tick(rng: &mut Rng, now: &mut DateTime<Utc>) {
    *now += match rng.below(200) {
        0 => Duration::days(rng.between(1, 400) as i64),
        1..=4 => Duration::hours(rng.between(1, 5) as i64),
        5..=7 => -Duration::seconds(rng.between(1, 600) as i64),
        _ => Duration::milliseconds(rng.below(8_000) as i64),
    };
}

/// How a run's screen is set up.
fn random_setup(rng: &mut Rng) -> (Fx, &'static str) {
    let base = if rng.chance(1, 2) {
        Setup::id()
    } else {
        Setup::en()
    };
    let role = *rng.pick(&[
        Role::Facilitator,
        Role::Facilitator,
        Role::Notetaker,
        Role::Viewer,
    ]);
    let base = base.theme(*rng.pick(&[
        ThemeName::Default,
        ThemeName::HighContrast,
        ThemeName::NoColor,
    ]));
    match rng.below(3) {
        0 => (base.role(role).build(), "planned"),
        1 => (Fx::busy(base.role(role)), "busy"),
        _ => {
            let mut fx = Fx::busy(base);
            fx.exec(Command::End);
            fx.app.role = role;
            (fx.reopen(), "ended")
        }
    }
}

/// One run: a fresh screen, `keys` random keys, a frame after each.
fn key_run(seed: u64, keys: u64, bound: &[KeyEvent]) -> u64 {
    let mut rng = Rng::new(seed);
    let (mut fx, state) = random_setup(&mut rng);
    let (mut w, mut h) = random_size(&mut rng);
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut recent: Vec<String> = Vec::new();
    let mut pressed = 0;
    let result = catch_unwind(AssertUnwindSafe(|| {
        while pressed < keys {
            if rng.chance(1, 25) {
                (w, h) = random_size(&mut rng);
                term.backend_mut().resize(w, h);
            }
            tick(&mut rng, &mut fx.now);
            // Now and then a burst of typing, as a paste would bring.
            let burst = if rng.chance(1, 60) {
                rng.between(20, 300)
            } else {
                1
            };
            let burst = burst.min(keys - pressed);
            for _ in 0..burst {
                let ev = random_key(&mut rng, bound);
                if recent.len() == 12 {
                    recent.remove(0);
                }
                recent.push(if ev.modifiers.is_empty() {
                    format!("{:?}", ev.code)
                } else {
                    format!("{:?}+{:?}", ev.code, ev.modifiers)
                });
                fx.app.handle_key(ev, fx.now);
                pressed += 1;
            }
            term.draw(|f| view::render(&fx.app, fx.now, f)).unwrap();
            if fx.app.quit {
                // As `fgd run` again after quitting.
                fx = fx.reopen();
            }
        }
        let last = fx.s().last_at.unwrap_or(fx.now);
        if let Err(e) = fx.s().check_invariants(last.max(fx.now)) {
            panic!("the session broke an invariant: {e}");
        }
    }));
    if let Err(panic) = result {
        eprintln!(
            "\nkey fuzz: a {state} session at {w}×{h}, after {pressed} keys; the last ones: {}\n\
             replay with FGD_FUZZ_SEED={seed:#x} FGD_FUZZ_KEYS={keys} cargo test --test bin fuzz::keys::\n",
            recent.join(" ")
        );
        resume_unwind(panic);
    }
    pressed
}

#[test]
fn random_keys_at_random_sizes_never_panic() {
    let total = env_u64("FGD_FUZZ_KEYS", 4_000);
    let runs = total.div_ceil(RUN_KEYS).max(1);
    let bound = bound_keys();
    let mut pressed = 0;
    for seed in seeds(0xF0CC_AC1A, runs) {
        pressed += key_run(seed, RUN_KEYS.min(total), &bound);
    }
    eprintln!("key fuzz: {pressed} keys in {runs} runs");
    assert!(pressed >= runs, "every run pressed keys");
}

#[test]
fn random_keys_on_the_home_screen_never_panic() {
    let total = env_u64("FGD_FUZZ_KEYS", 4_000) / 10;
    let runs = total.div_ceil(RUN_KEYS).max(1);
    let bound = bound_keys();
    for seed in seeds(0x40_4E5C, runs) {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::new(dir.path().join("data"));
        let mut rng = Rng::new(seed);
        let mut now = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap();
        // A saved session to resume and follow up.
        engine::create_from_plan(
            &data,
            &plan::parse(plan::bundled(tui_support::EN_PLAN).unwrap(), "en").unwrap(),
            None,
            now,
        )
        .unwrap();
        let lang = *rng.pick(&[Language::Id, Language::En]);
        let mut home = Home::new(
            &data,
            &[],
            lang,
            Theme::named(ThemeName::Default),
            Keymap::default(),
        );
        let (w, h) = random_size(&mut rng);
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        replayable("home screen fuzz", seed, "", || {
            for _ in 0..RUN_KEYS.min(total) {
                tick(&mut rng, &mut now);
                let ev = random_key(&mut rng, &bound);
                let mut create = |p: &plan::Plan, follow: Option<&str>| -> Result<String, String> {
                    let prev = match follow {
                        Some(id) => Some(
                            Engine::open(&data, id)
                                .map_err(|e| e.to_string())?
                                .session()
                                .clone(),
                        ),
                        None => None,
                    };
                    engine::create_from_plan(&data, p, prev.as_ref(), now)
                        .map(|e| e.session().info.id.clone())
                        .map_err(|e| e.to_string())
                };
                home.key(ev, &mut create);
                if rng.chance(1, 25) {
                    let (w, h) = random_size(&mut rng);
                    term.backend_mut().resize(w, h);
                }
                term.draw(|f| home.draw(f, now)).unwrap();
                if home.quit || home.choice.is_some() {
                    break;
                }
            }
        });
    }
}
