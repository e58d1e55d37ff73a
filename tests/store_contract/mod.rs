//! The `Store` contract, checked against every store (memory, file, DynamoDB on moto).

use alexa_kit::store::{Attributes, Store, Version};
use alexa_kit::{ErrorKind, Invocation, Transport};
use serde_json::json;

/// A test request's context (no deadline, no trace) for direct store calls.
pub fn inv() -> Invocation {
    Invocation::new(Transport::Test)
}

/// Attributes that are easy to get wrong: unicode, integers beyond i64 and
/// beyond f64's exact range, floats (within DynamoDB's range, 1e-130 to 1e126),
/// nesting, empty values.
pub fn tricky_attributes() -> Attributes {
    let value = json!({
        "name": "Zoë 😀 — 東京 \"quoted\" \\ back",
        "empty": "",
        "big_u64": 12345678901234567890_u64,
        "two_pow_63_plus_1": 9223372036854775809_u64,
        "min_i64": i64::MIN,
        "max_u64": u64::MAX,
        "negative": -42,
        "zero": 0,
        "float": 0.1,
        "tiny": 2.5e-130,
        "precise": 0.30000000000000004,
        "huge": 1.5e125,
        "flag": true,
        "nothing": null,
        "list": [1, "two", [3.5], {"four": 4}, null, false],
        "nested": {"deeper": {"deepest": [9007199254740993_u64]}},
        "empty_list": [],
        "empty_map": {}
    });
    match value {
        serde_json::Value::Object(map) => map,
        _ => unreachable!("a JSON object literal"),
    }
}

/// Runs the whole contract against `store`, using keys that start with `prefix`.
pub async fn check(store: &dyn Store, prefix: &str) {
    let key = format!("{prefix}amzn1.ask.account.contract");

    // A new key.
    let loaded = store.load(&key, &inv()).await.expect("load a new key");
    assert!(loaded.attributes.is_empty());
    assert_eq!(loaded.version, Version::NEW);

    // Round trip, exact numbers and unicode included.
    let tricky = tricky_attributes();
    let v1 = store
        .save(&key, &tricky, Version::NEW, &inv())
        .await
        .expect("first save");
    assert_ne!(v1, Version::NEW);
    let loaded = store.load(&key, &inv()).await.expect("load after save");
    assert_eq!(loaded.attributes, tricky);
    assert_eq!(loaded.version, v1);
    assert_eq!(
        loaded.attributes["two_pow_63_plus_1"].as_u64(),
        Some(9223372036854775809)
    );
    assert_eq!(
        loaded.attributes["big_u64"].as_u64(),
        Some(12345678901234567890)
    );
    assert_eq!(loaded.attributes["min_i64"].as_i64(), Some(i64::MIN));

    // Two sessions loaded the same version: the second save is a conflict and writes nothing.
    let mut first = loaded.attributes.clone();
    first.insert("winner".into(), json!("first"));
    let mut second = loaded.attributes.clone();
    second.insert("winner".into(), json!("second"));
    let v2 = store
        .save(&key, &first, v1, &inv())
        .await
        .expect("first session saves");
    let err = store
        .save(&key, &second, v1, &inv())
        .await
        .expect_err("second session conflicts");
    assert_eq!(err.kind(), ErrorKind::Conflict, "{err}");
    let loaded = store.load(&key, &inv()).await.expect("load after conflict");
    assert_eq!(loaded.attributes["winner"], "first");
    assert_eq!(loaded.version, v2);
    // A save from NEW over an existing item is a conflict too.
    let err = store
        .save(&key, &second, Version::NEW, &inv())
        .await
        .expect_err("stale NEW");
    assert_eq!(err.kind(), ErrorKind::Conflict);

    // Delete: stale version refused, right version removes, a missing key is fine.
    let err = store
        .delete(&key, Some(v1), &inv())
        .await
        .expect_err("stale delete");
    assert_eq!(err.kind(), ErrorKind::Conflict);
    store.delete(&key, Some(v2), &inv()).await.expect("delete");
    let loaded = store.load(&key, &inv()).await.expect("load after delete");
    assert!(loaded.attributes.is_empty());
    assert_eq!(loaded.version, Version::NEW);
    store
        .delete(&key, None, &inv())
        .await
        .expect("delete a missing key");
    // A save after a delete starts again from NEW; a save from the old version conflicts.
    let err = store
        .save(&key, &first, v2, &inv())
        .await
        .expect_err("save after delete from old version");
    assert_eq!(err.kind(), ErrorKind::Conflict);
    store
        .save(&key, &first, Version::NEW, &inv())
        .await
        .expect("save after delete");
    store
        .delete(&key, None, &inv())
        .await
        .expect("unconditional delete");
    assert!(
        store
            .load(&key, &inv())
            .await
            .expect("load")
            .attributes
            .is_empty()
    );

    // Keys are independent, whatever characters they hold.
    let odd = format!("{prefix}../ключ/😀 with spaces");
    let mut one = Attributes::new();
    one.insert("k".into(), json!(1));
    store
        .save(&odd, &one, Version::NEW, &inv())
        .await
        .expect("odd key");
    assert_eq!(
        store.load(&odd, &inv()).await.expect("odd key").attributes,
        one
    );
    assert!(
        store
            .load(&format!("{prefix}other"), &inv())
            .await
            .expect("other")
            .attributes
            .is_empty()
    );
}
