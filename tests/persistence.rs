//! Persistent attributes through the public API: the memory and file stores
//! against the store contract, the skill's load/save/delete semantics, the
//! error path, key strategies, and the file store shared by two processes.

mod support;

mod store_contract;

use std::path::PathBuf;
use std::process::Command;
use support::block_on;

use alexa_kit::prelude::*;
use alexa_kit::skill::PersistenceKey;
use alexa_kit::store::{FileStore, MemoryStore, Store};
use alexa_kit::testing::{self, Conversation, Device};
use store_contract::inv;

/// The user id of the testing kit's default device.
const TEST_USER_ID: &str = "amzn1.ask.account.test";

/// A fresh directory under the target dir, removed first if a previous run left it.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("persistence-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Answers every error with its kind.
struct SayKind;

#[async_trait(?Send)]
impl ErrorHandler for SayKind {
    fn can_handle(&self, _cx: &Input, _error: &Error) -> bool {
        true
    }
    async fn handle(&self, cx: &mut Input, error: &Error) -> Result<ResponseBuilder> {
        Ok(cx.say(format!("error {}", error.kind())))
    }
}

/// Counts visits; optionally fails after setting the attribute.
fn counter(store: MemoryStore) -> Skill {
    Skill::builder()
        .persistence(store)
        .save_persistent_attributes_on_success()
        .intent("VisitIntent", async |cx: &mut Input| {
            let p = cx.persistent().await?;
            let n = p.get::<u64>("visits")?.unwrap_or(0) + 1;
            p.set("visits", n)?;
            Ok(cx.say(format!("{n}")))
        })
        .intent("BrokenIntent", async |cx: &mut Input| {
            cx.persistent().await?.set("visits", 999)?;
            Err(Error::new(ErrorKind::Handler, "boom"))
        })
        .intent("ForgetIntent", async |cx: &mut Input| {
            cx.persistent().await?.delete().await?;
            Ok(cx.say("forgotten"))
        })
        .build()
        .expect("skill")
}

#[test]
fn memory_store_keeps_the_contract() {
    block_on(store_contract::check(&MemoryStore::new(), ""));
}

#[test]
fn file_store_keeps_the_contract() {
    let dir = scratch("contract");
    block_on(store_contract::check(&FileStore::new(&dir), ""));
    // Files are whole JSON documents naming their key; no temporary file is left behind.
    for entry in std::fs::read_dir(&dir).expect("dir") {
        let name = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("utf-8");
        assert!(
            name == ".lock" || name.ends_with(".json"),
            "stray file {name}"
        );
    }
}

#[test]
fn a_conversation_remembers_the_user_across_sessions() {
    let store = MemoryStore::new();
    let skill = counter(store.clone());
    block_on(async {
        let mut talk = Conversation::new(&skill);
        assert_eq!(talk.intent("VisitIntent").await?.speech(), "1");
        talk.end_session().await?;
        assert_eq!(talk.intent("VisitIntent").await?.speech(), "2");
        // Another user starts from scratch.
        let mut other =
            Conversation::new(&skill).device(Device::new().user_id("amzn1.ask.account.other"));
        assert_eq!(other.intent("VisitIntent").await?.speech(), "1");
        Ok::<_, Error>(())
    })
    .expect("conversation");
    assert_eq!(store.get(TEST_USER_ID).expect("saved")["visits"], 2);
}

#[test]
fn the_default_test_store_is_kept_per_skill() {
    // No store given: Skill::handle uses a memory store of the skill's own.
    let skill = Skill::builder()
        .intent("VisitIntent", async |cx: &mut Input| {
            let p = cx.persistent().await?;
            let n = p.get::<u64>("visits")?.unwrap_or(0) + 1;
            p.set("visits", n)?;
            p.save().await?;
            Ok(cx.say(format!("{n}")))
        })
        .build()
        .expect("skill");
    block_on(async {
        let mut talk = Conversation::new(&skill);
        assert_eq!(talk.intent("VisitIntent").await?.speech(), "1");
        talk.end_session().await?;
        assert_eq!(talk.intent("VisitIntent").await?.speech(), "2");
        Ok::<_, Error>(())
    })
    .expect("conversation");
}

#[test]
fn nothing_is_saved_when_the_request_ends_in_the_apology() {
    let store = MemoryStore::new();
    let skill = counter(store.clone());
    block_on(async {
        let mut talk = Conversation::new(&skill);
        talk.intent("VisitIntent").await?;
        let turn = talk.intent("BrokenIntent").await?;
        assert!(turn.speech().contains("orry"), "apology: {}", turn.speech());
        Ok::<_, Error>(())
    })
    .expect("conversation");
    assert_eq!(store.get(TEST_USER_ID).expect("saved")["visits"], 1);
}

#[test]
fn a_conflict_on_save_ends_in_the_apology_and_keeps_the_other_write() {
    // A response interceptor stands in for a second session of the same user
    // that saves between this request's load and its save on success.
    let store = MemoryStore::new();
    let other = store.clone();
    let skill = Skill::builder()
        .persistence(store.clone())
        .save_persistent_attributes_on_success()
        .intent("SetIntent", async |cx: &mut Input| {
            cx.persistent().await?.set("who", "this session")?;
            Ok(cx.say("set"))
        })
        .response_interceptor(
            async move |cx: &mut Input, _r: &mut alexa_kit::model::Response| {
                let loaded = other.load(TEST_USER_ID, cx.invocation()).await?;
                let mut attributes = loaded.attributes;
                attributes.insert("who".into(), "the other session".into());
                other
                    .save(TEST_USER_ID, &attributes, loaded.version, cx.invocation())
                    .await?;
                Ok(())
            },
        )
        .error_handler(SayKind)
        .build()
        .expect("skill");
    let turn = block_on(Conversation::new(&skill).intent("SetIntent")).expect("turn");
    assert_eq!(turn.speech(), "error Conflict");
    assert_eq!(
        store.get(TEST_USER_ID).expect("saved")["who"],
        "the other session"
    );
}

#[test]
fn delete_forgets_the_user() {
    let store = MemoryStore::new();
    let skill = counter(store.clone());
    block_on(async {
        let mut talk = Conversation::new(&skill);
        talk.intent("VisitIntent").await?;
        assert_eq!(talk.intent("ForgetIntent").await?.speech(), "forgotten");
        talk.end_session().await?;
        assert_eq!(talk.intent("VisitIntent").await?.speech(), "1");
        Ok::<_, Error>(())
    })
    .expect("conversation");
}

fn keyed(store: MemoryStore, key: PersistenceKey) -> Skill {
    Skill::builder()
        .persistence(store)
        .persistence_key(key)
        .save_persistent_attributes_on_success()
        .intent("I", async |cx: &mut Input| {
            let key = cx.persistent().await?.key().to_owned();
            cx.persistent().await?.set("seen", true)?;
            Ok(cx.say(key))
        })
        .error_handler(SayKind)
        .build()
        .expect("skill")
}

#[test]
fn key_strategies() {
    let store = MemoryStore::new();
    let ask = |skill: &Skill, request: testing::RequestBuilder| {
        let envelope = skill.clone();
        block_on(async move { envelope.handle(request.build()).await })
            .expect("answer")
            .response
            .output_speech
            .expect("speech")
            .text()
            .to_owned()
    };
    let by_user = keyed(store.clone(), PersistenceKey::UserId);
    assert_eq!(
        ask(
            &by_user,
            testing::intent("I").device(Device::new().user_id("u1"))
        ),
        "<speak>u1</speak>"
    );

    let by_device = keyed(store.clone(), PersistenceKey::DeviceId);
    assert_eq!(
        ask(
            &by_device,
            testing::intent("I").device(Device::new().device_id("d1"))
        ),
        "<speak>d1</speak>"
    );
    // A request without the key's id: a typed error, answered by the error handler, nothing stored.
    let keyless = keyed(store.clone(), PersistenceKey::custom(|_| None));
    assert_eq!(
        ask(&keyless, testing::intent("I")),
        "<speak>error InvalidRequest</speak>"
    );

    let by_person = keyed(store.clone(), PersistenceKey::PersonId);
    assert_eq!(
        ask(
            &by_person,
            testing::intent("I").device(Device::new().user_id("u2").person_id("p1"))
        ),
        "<speak>p1</speak>"
    );
    assert_eq!(
        ask(
            &by_person,
            testing::intent("I").device(Device::new().user_id("u2"))
        ),
        "<speak>u2</speak>"
    );

    let custom = keyed(
        store.clone(),
        PersistenceKey::custom(|e| Some(format!("{}#{}", e.user_id()?, e.locale()?))),
    );
    assert_eq!(
        ask(
            &custom,
            testing::intent("I")
                .device(Device::new().user_id("u3"))
                .locale("de-DE")
        ),
        "<speak>u3#de-DE</speak>"
    );
    for key in ["u1", "d1", "p1", "u2", "u3#de-DE"] {
        assert_eq!(store.get(key).expect(key)["seen"], true);
    }
}

/// Two real processes increment one counter in one file store, retrying on
/// conflict: the final count must be exact.
#[test]
fn file_store_is_safe_with_two_processes() {
    const EACH: u64 = 150;
    let dir = scratch("two-processes");
    let exe = std::env::current_exe().expect("test binary");
    let children: Vec<_> = (0..2)
        .map(|_| {
            Command::new(&exe)
                .args([
                    "--exact",
                    "increment_child",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env("ALEXA_KIT_INCREMENT_DIR", &dir)
                .env("ALEXA_KIT_INCREMENT_TIMES", EACH.to_string())
                .spawn()
                .expect("spawn child")
        })
        .collect();
    for mut child in children {
        assert!(
            child.wait().expect("child").success(),
            "a child process failed"
        );
    }
    let loaded = block_on(FileStore::new(&dir).load("counter", &inv())).expect("load");
    assert_eq!(loaded.attributes["count"], 2 * EACH);
    assert_eq!(loaded.version.get(), 2 * EACH);
}

/// The child of `file_store_is_safe_with_two_processes`; does nothing when run alone.
#[test]
fn increment_child() {
    let Some(dir) = std::env::var_os("ALEXA_KIT_INCREMENT_DIR") else {
        return;
    };
    let times: u64 = std::env::var("ALEXA_KIT_INCREMENT_TIMES")
        .expect("times")
        .parse()
        .expect("a number");
    let store = FileStore::new(dir);
    block_on(async {
        let mut conflicts = 0;
        for _ in 0..times {
            loop {
                let loaded = store.load("counter", &inv()).await?;
                let mut attributes = loaded.attributes;
                let n = attributes
                    .get("count")
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0);
                attributes.insert("count".into(), (n + 1).into());
                match store
                    .save("counter", &attributes, loaded.version, &inv())
                    .await
                {
                    Ok(_) => break,
                    Err(e) if e.kind() == ErrorKind::Conflict => conflicts += 1,
                    Err(e) => return Err(e),
                }
            }
        }
        eprintln!(
            "child {}: {times} increments, {conflicts} conflicts",
            std::process::id()
        );
        Ok::<_, Error>(())
    })
    .expect("increments");
}

/// `target/<profile>/examples/<name>`, next to this test.
fn example_path(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    dir.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// Run locally with no store configured, a skill keeps its users in
/// `.alexa-kit/attributes/` of the working directory, from one run to the next.
#[test]
fn a_local_run_remembers_the_user_between_runs() {
    let dir = scratch("local-runs");
    std::fs::create_dir_all(&dir).expect("dir");
    let launch = r#"{"version":"1.0","session":{"new":true,"sessionId":"s","user":{"userId":"amzn1.ask.account.LOCAL"}},"context":{"System":{"user":{"userId":"amzn1.ask.account.LOCAL"}}},"request":{"type":"LaunchRequest","requestId":"r","locale":"en-US"}}"#;
    for expected in ["Visit number 1.", "Visit number 2."] {
        let out = support::run_with_input(
            Command::new(example_path("persistent_counter"))
                .args(["invoke", "-"])
                .current_dir(&dir),
            launch.as_bytes(),
        );
        let stdout = support::success_stdout(&out, "persistent_counter invoke");
        assert!(stdout.contains(expected), "{stdout}");
    }
    let file = dir.join(".alexa-kit/attributes/amzn1.ask.account.LOCAL.json");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("the user's file")).expect("json");
    assert_eq!(saved["attributes"]["visits"], 2);
    assert_eq!(saved["version"], 2);
}
