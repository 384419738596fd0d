//! Mutated `session.json` files: `fgd import` refuses them plainly, never panics.

use super::*;
use crate::fuzz::apply::{field_value, random_json};

// ---------------------------------------------------------------- session.json

/// A session.json of 150 events of the fixtures' large session.
fn session_file() -> Vec<u8> {
    let events = fgd::fixtures::large_session(150);
    json::render(&replay(&events), &events)
}

/// Every node of a JSON tree, by path.
fn paths(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                at.push(k.clone());
                paths(x, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                at.push(i.to_string());
                paths(x, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn node<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k).unwrap(),
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

/// A structural change: a node replaced, removed, duplicated or moved.
fn mutate_json(rng: &mut Rng, doc: &Value) -> Value {
    let mut doc = doc.clone();
    for _ in 0..rng.between(1, 3) {
        let mut all = vec![];
        paths(&doc, &mut vec![], &mut all);
        // Events hold most of the nodes; the header is worth hitting too.
        let path = all[rng.index(all.len())].clone();
        let Some((last, parent_path)) = path.split_last() else {
            continue;
        };
        let parent = node(&mut doc, parent_path);
        match (parent, rng.below(4)) {
            (Value::Object(m), 0) => {
                m.remove(last);
            }
            (Value::Array(a), 0) => {
                a.remove(last.parse::<usize>().unwrap());
            }
            (Value::Array(a), 1) => {
                let i = last.parse::<usize>().unwrap();
                let copy = a[i].clone();
                a.insert(rng.index(a.len() + 1), copy);
            }
            (Value::Array(a), 2) if a.len() > 1 => {
                let (i, j) = (rng.index(a.len()), rng.index(a.len()));
                a.swap(i, j);
            }
            (parent, _) => {
                let value = if rng.chance(1, 2) {
                    random_json(rng, 1)
                } else {
                    field_value(rng, last)
                };
                *node(parent, std::slice::from_ref(last)) = value;
            }
        }
    }
    doc
}

#[test]
fn random_session_files_give_errors_never_panics() {
    let inputs = env_u64("FGD_FUZZ_INPUTS", 1_000) / 4;
    let seed = seeds(0x5E55_1014, 1)[0];
    let mut rng = Rng::new(seed);
    let good = session_file();
    let doc: Value = serde_json::from_slice(&good).unwrap();
    assert!(json::import(&good).is_ok(), "the unchanged file imports");
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path());
    let mut imported = 0;
    for i in 0..inputs {
        let bytes = match i % 4 {
            0 => random_bytes(&mut rng),
            1 => {
                let text = String::from_utf8_lossy(&good).into_owned();
                mutate_text(
                    &mut rng,
                    &text,
                    &["{", "}", "\"", ":", ",", "[", "]", "null", "1e999"],
                )
                .into_bytes()
            }
            _ => serde_json::to_vec(&mutate_json(&mut rng, &doc)).unwrap(),
        };
        let id = replayable("session.json fuzz", seed, &format!("(input {i})"), || {
            let (session, events) = json::import(&bytes).ok()?;
            // What imports can be stored, and opens as the same session
            // (a few of them: each is a database on disk).
            if imported < 3 && !data.exists(&session.info.id) {
                let engine = Engine::create(&data, events, Utc::now()).unwrap();
                drop(engine);
                let opened = Engine::open(&data, &session.info.id).unwrap();
                assert_eq!(opened.session(), &session, "imported, stored, opened");
            }
            Some(session.info.id)
        });
        imported += usize::from(id.is_some());
    }
    eprintln!("session.json fuzz: {inputs} files, {imported} imported");
    assert!(imported > 0, "some changed files still import");
}
