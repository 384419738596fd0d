//! Duplicate keys in a JSON text: serde_json keeps the last of two equal
//! keys without a word, so `{"cmd":"add_note","text":"a","text":"b"}` would
//! store "b" while the sender may have meant "a". `fgd apply` refuses such a
//! line; this finds the first repeated key, at any depth. Owns only that.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// The first key given twice in one object of `json` (at any depth), if any;
/// `None` also for text that is not JSON (reported elsewhere).
pub fn first_duplicate(json: &str) -> Option<String> {
    match serde_json::from_str::<Walk>(json) {
        Ok(Walk(found)) => found,
        Err(_) => None,
    }
}

/// A JSON value walked for repeated keys; holds the first found.
struct Walk(Option<String>);

impl<'de> Deserialize<'de> for Walk {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Walk, D::Error> {
        d.deserialize_any(WalkVisitor)
    }
}

struct WalkVisitor;

impl<'de> Visitor<'de> for WalkVisitor {
    type Value = Walk;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Walk, E> {
        Ok(Walk(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Walk, E> {
        Ok(Walk(None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Walk, A::Error> {
        let mut found = None;
        while let Some(Walk(inner)) = seq.next_element::<Walk>()? {
            found = found.or(inner);
        }
        Ok(Walk(found))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Walk, A::Error> {
        let mut seen = HashSet::new();
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            if found.is_some() {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let Walk(inner) = map.next_value::<Walk>()?;
            if seen.insert(key.clone()) {
                found = inner;
            } else {
                found = Some(key);
            }
        }
        Ok(Walk(found))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_repeated_keys_at_any_depth() {
        assert_eq!(first_duplicate(r#"{"cmd":"start"}"#), None);
        assert_eq!(
            first_duplicate(r#"{"cmd":"add_note","text":"a","text":"b"}"#).as_deref(),
            Some("text")
        );
        assert_eq!(
            first_duplicate(r#"{"cmd":"add_decision","votes":{"for":1,"for":2}}"#).as_deref(),
            Some("for")
        );
        assert_eq!(first_duplicate(r#"[{"a":1},{"a":2}]"#), None);
        assert_eq!(first_duplicate("not json"), None);
    }
}
