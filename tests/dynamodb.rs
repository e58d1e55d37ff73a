//! The DynamoDB store against a real DynamoDB API: `moto_server` (PyPI
//! `moto[server]`, installed into `.venv` by `scripts/install-test-tools.sh`,
//! which `make test` runs), started on a free loopback port.
//!
//! Throttling cannot be provoked on moto; that case runs against a loopback
//! TLS server that answers DynamoDB's documented throttling error. So do the
//! request-context cases: a server that never answers (the call ends at the
//! invocation's deadline) and a traced call (its X-Ray subsegment).

#![cfg(feature = "dynamodb")]

mod support;

#[path = "support/moto.rs"]
mod moto;
mod store_contract;
#[path = "support/tls.rs"]
mod tls;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::block_on;

use alexa_kit::Transport;
use alexa_kit::prelude::*;
use alexa_kit::skill::PersistenceKey;
use alexa_kit::store::dynamodb::DynamoDbError;
use alexa_kit::store::{Attributes, DynamoDbStore, Store, Version};
use alexa_kit::testing::{self, Conversation, Device};
use moto::Moto;
use serde_json::json;
use store_contract::inv;

impl Moto {
    fn store(&self, table: &str) -> DynamoDbStore {
        store_at(&self.endpoint, table, "AKIDLOCAL")
    }
}

fn store_at(endpoint: &str, table: &str, access_key: &str) -> DynamoDbStore {
    let endpoint = endpoint.to_owned();
    let access_key = access_key.to_owned();
    DynamoDbStore::from_vars(table, move |name| match name {
        "AWS_REGION" => Some("eu-west-1".into()),
        "AWS_ACCESS_KEY_ID" => Some(access_key.clone()),
        "AWS_SECRET_ACCESS_KEY" => Some("secret".into()),
        "AWS_ENDPOINT_URL_DYNAMODB" => Some(endpoint.clone()),
        _ => None,
    })
    .expect("store")
}

/// Reads an item as stored, bypassing the store, through moto's own boto3.
fn raw_item(moto: &Moto, table: &str, key: &str) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = format!(
        "import boto3, json\n\
         c = boto3.client('dynamodb', endpoint_url='{}', region_name='eu-west-1', \
         aws_access_key_id='a', aws_secret_access_key='b')\n\
         print(json.dumps(c.get_item(TableName='{table}', Key={{'id': {{'S': '{key}'}}}}).get('Item')))",
        moto.endpoint
    );
    let out = Command::new(root.join(".venv/bin/python"))
        .args(["-c", &script])
        .output()
        .expect("python");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn put_raw_item(moto: &Moto, table: &str, item_json: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = format!(
        "import boto3, json\n\
         c = boto3.client('dynamodb', endpoint_url='{}', region_name='eu-west-1', \
         aws_access_key_id='a', aws_secret_access_key='b')\n\
         c.put_item(TableName='{table}', Item=json.loads('''{item_json}'''))",
        moto.endpoint
    );
    let out = Command::new(root.join(".venv/bin/python"))
        .args(["-c", &script])
        .output()
        .expect("python");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn dynamodb_on_moto() {
    let moto = Moto::start(&[]);
    moto.create_table("attributes", "id");
    let store = moto.store("attributes");

    // The whole store contract: new user, round trip (unicode, 2^63+1,
    // 12345678901234567890…), conflicts between two sessions, deletes.
    block_on(store_contract::check(&store, ""));

    // The item has the ASK adapter's layout, plus the version.
    block_on(async {
        let mut attributes = Attributes::new();
        attributes.insert("score".into(), json!(12345678901234567890_u64));
        store
            .save("amzn1.ask.account.L", &attributes, Version::NEW, &inv())
            .await
    })
    .expect("save");
    assert_eq!(
        raw_item(&moto, "attributes", "amzn1.ask.account.L"),
        json!({
            "id": {"S": "amzn1.ask.account.L"},
            "attributes": {"M": {"score": {"N": "12345678901234567890"}}},
            "version": {"N": "1"}
        })
    );

    ask_table_migrates(&moto, &store);
    item_over_400_kb_is_refused_and_nothing_is_written(&store);
    missing_table(&moto);
    renamed_attributes(&moto);
    skill_with_key_strategies(&moto);
}

/// An item written by an ASK adapter (no version) loads, and the first save
/// versions it; a concurrent ASK-style write after that is detected.
fn ask_table_migrates(moto: &Moto, store: &DynamoDbStore) {
    put_raw_item(
        moto,
        "attributes",
        r#"{"id": {"S": "amzn1.ask.account.ASK"}, "attributes": {"M": {"visits": {"N": "41"}, "tags": {"SS": ["a"]}}}}"#,
    );
    block_on(async {
        let loaded = store.load("amzn1.ask.account.ASK", &inv()).await?;
        assert_eq!(loaded.version, Version::NEW);
        assert_eq!(loaded.attributes["visits"], 41);
        assert_eq!(loaded.attributes["tags"], json!(["a"]));
        let mut attributes = loaded.attributes;
        attributes.insert("visits".into(), json!(42));
        let v1 = store
            .save("amzn1.ask.account.ASK", &attributes, Version::NEW, &inv())
            .await?;
        assert_eq!(v1, Version::new(1));
        // A second migration from the same unversioned load is a conflict.
        let err = store
            .save("amzn1.ask.account.ASK", &attributes, Version::NEW, &inv())
            .await
            .expect_err("conflict");
        assert_eq!(err.kind(), ErrorKind::Conflict);
        Ok::<_, Error>(())
    })
    .expect("migration");
}

fn item_over_400_kb_is_refused_and_nothing_is_written(store: &DynamoDbStore) {
    block_on(async {
        let key = "amzn1.ask.account.BIG";
        let mut small = Attributes::new();
        small.insert("note".into(), json!("small"));
        let v1 = store.save(key, &small, Version::NEW, &inv()).await?;
        let mut big = Attributes::new();
        big.insert("note".into(), json!("x".repeat(401 * 1024)));
        let err = store
            .save(key, &big, v1, &inv())
            .await
            .expect_err("too large");
        assert_eq!(err.kind(), ErrorKind::Storage, "{err}");
        assert!(err.to_string().contains("item limit"), "{err}");
        let loaded = store.load(key, &inv()).await?;
        assert_eq!((loaded.attributes, loaded.version), (small, v1));
        Ok::<_, Error>(())
    })
    .expect("big item");
}

fn missing_table(moto: &Moto) {
    let store = moto.store("no-such-table");
    let err = block_on(store.load("u", &inv())).expect_err("missing table");
    assert_eq!(err.kind(), ErrorKind::Storage, "{err}");
    assert!(err.to_string().contains("no-such-table"), "{err}");
    let source = err
        .downcast_ref::<DynamoDbError>()
        .expect("DynamoDB error as source");
    assert_eq!(source.code, "ResourceNotFoundException");
    let err = block_on(store.save("u", &Attributes::new(), Version::NEW, &inv()))
        .expect_err("missing table");
    assert_eq!(err.kind(), ErrorKind::Storage);
}

fn renamed_attributes(moto: &Moto) {
    moto.create_table("renamed", "userId");
    let store = moto
        .store("renamed")
        .partition_key_name("userId")
        .attributes_name("data")
        .version_name("rev");
    block_on(async {
        let mut attributes = Attributes::new();
        attributes.insert("k".into(), json!("v"));
        let v = store.save("u1", &attributes, Version::NEW, &inv()).await?;
        let loaded = store.load("u1", &inv()).await?;
        assert_eq!((loaded.attributes, loaded.version), (attributes, v));
        Ok::<_, Error>(())
    })
    .expect("renamed attributes");
}

/// A skill on DynamoDB: the user, device and person keys, and a conflict
/// between two sessions of the same user ending in the apology.
fn skill_with_key_strategies(moto: &Moto) {
    moto.create_table("skill", "id");
    let skill = |key: PersistenceKey| {
        Skill::builder()
            .persistence(moto.store("skill"))
            .persistence_key(key)
            .save_persistent_attributes_on_success()
            .intent("VisitIntent", async |cx: &mut Input| {
                let p = cx.persistent().await?;
                let n = p.get::<u64>("visits")?.unwrap_or(0) + 1;
                p.set("visits", n)?;
                let key = p.key().to_owned();
                Ok(cx.say(format!("{key} {n}")))
            })
            .build()
            .expect("skill")
    };
    block_on(async {
        let by_user = skill(PersistenceKey::UserId);
        let mut talk =
            Conversation::new(&by_user).device(Device::new().user_id("amzn1.ask.account.K"));
        assert_eq!(
            talk.intent("VisitIntent").await?.speech(),
            "amzn1.ask.account.K 1"
        );
        talk.end_session().await?;
        assert_eq!(
            talk.intent("VisitIntent").await?.speech(),
            "amzn1.ask.account.K 2"
        );

        let by_device = skill(PersistenceKey::DeviceId);
        let turn = by_device
            .handle(
                testing::intent("VisitIntent")
                    .device(Device::new().device_id("dev-1"))
                    .build(),
            )
            .await?;
        assert_eq!(
            turn.response.output_speech.expect("speech").text(),
            "<speak>dev-1 1</speak>"
        );

        let by_person = skill(PersistenceKey::PersonId);
        let turn = by_person
            .handle(
                testing::intent("VisitIntent")
                    .device(
                        Device::new()
                            .user_id("amzn1.ask.account.K")
                            .person_id("p-1"),
                    )
                    .build(),
            )
            .await?;
        assert_eq!(
            turn.response.output_speech.expect("speech").text(),
            "<speak>p-1 1</speak>"
        );
        // No recognised speaker: the user's record.
        let turn = by_person
            .handle(
                testing::intent("VisitIntent")
                    .device(Device::new().user_id("amzn1.ask.account.K"))
                    .build(),
            )
            .await?;
        assert_eq!(
            turn.response.output_speech.expect("speech").text(),
            "<speak>amzn1.ask.account.K 3</speak>"
        );
        Ok::<_, Error>(())
    })
    .expect("key strategies");

    // Two sessions of one user: the second loads before the first saves.
    let store = moto.store("skill");
    let racer = Skill::builder()
        .persistence(moto.store("skill"))
        .save_persistent_attributes_on_success()
        .intent("VisitIntent", async |cx: &mut Input| {
            cx.persistent().await?.set("who", "slow session")?;
            Ok(cx.say("saved"))
        })
        .response_interceptor(
            async move |_cx: &mut Input, _r: &mut alexa_kit::model::Response| {
                let loaded = store.load("amzn1.ask.account.R", &inv()).await?;
                let mut attributes = loaded.attributes;
                attributes.insert("who".into(), json!("fast session"));
                store
                    .save("amzn1.ask.account.R", &attributes, loaded.version, &inv())
                    .await?;
                Ok(())
            },
        )
        .build()
        .expect("skill");
    let turn = block_on(
        Conversation::new(&racer)
            .device(Device::new().user_id("amzn1.ask.account.R"))
            .intent("VisitIntent"),
    )
    .expect("turn");
    assert_ne!(
        turn.speech(),
        "saved",
        "the slow session must not win silently"
    );
    let item = raw_item(moto, "skill", "amzn1.ask.account.R");
    assert_eq!(item["attributes"]["M"]["who"]["S"], "fast session");
}

/// The example skill as a Lambda bootstrap on the Runtime API emulator, with
/// no store in its code: `ALEXA_TABLE` and the AWS variables
/// Lambda sets pick DynamoDB (here moto). Two invocations, the second
/// remembers the first; a missing table ends in the apology, not a crash.
#[test]
fn a_lambda_bootstrap_persists_to_dynamodb() {
    use alexa_kit::lambda::emulator::{Emulator, PostKind};
    let moto = Moto::start(&[]);
    moto.create_table("lambda-attributes", "id");
    let exe = std::env::current_exe().expect("test executable");
    let example = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target dir")
        .join("examples/persistent_counter");
    let event = r#"{"version":"1.0","session":{"new":true,"sessionId":"s","user":{"userId":"amzn1.ask.account.LAMBDA"}},"context":{"System":{"user":{"userId":"amzn1.ask.account.LAMBDA"}}},"request":{"type":"LaunchRequest","requestId":"r","locale":"en-US"}}"#;
    let run = |table: &str, n: usize| -> Vec<String> {
        let emulator = Emulator::start().expect("emulator");
        let mut child = Command::new(&example)
            .env("AWS_LAMBDA_RUNTIME_API", emulator.runtime_api())
            .env("ALEXA_TABLE", table)
            .env("AWS_REGION", "eu-west-1")
            .env("AWS_ACCESS_KEY_ID", "AKIDLOCAL")
            .env("AWS_SECRET_ACCESS_KEY", "secret")
            .env("AWS_SESSION_TOKEN", "token")
            .env("AWS_ENDPOINT_URL_DYNAMODB", &moto.endpoint)
            .stdout(Stdio::null())
            .spawn()
            .expect("spawn the example (cargo test --features dynamodb builds it)");
        let speech = (0..n)
            .map(|_| {
                let id = emulator.push(event);
                let post = emulator
                    .wait_for_result(&id, Duration::from_secs(20))
                    .expect("an answer");
                assert_eq!(post.kind, PostKind::Response);
                let json = post.json().expect("json");
                json["response"]["outputSpeech"]["ssml"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
        let _ = child.kill();
        let _ = child.wait();
        speech
    };
    assert_eq!(
        run("lambda-attributes", 2),
        [
            "<speak>Visit number 1.</speak>",
            "<speak>Visit number 2.</speak>"
        ]
    );
    // A fresh process (a new cold start) remembers too.
    assert_eq!(
        run("lambda-attributes", 1),
        ["<speak>Visit number 3.</speak>"]
    );
    let apology = run("missing-table", 1);
    assert!(
        !apology[0].contains("Visit") && apology[0].starts_with("<speak>"),
        "{apology:?}"
    );
}

/// Bad credentials, on a moto that checks them.
#[test]
fn bad_credentials_are_a_storage_error() {
    let moto = Moto::start(&[("INITIAL_NO_AUTH_ACTION_COUNT", "0")]);
    let store = store_at(&moto.endpoint, "attributes", "AKIDUNKNOWN");
    let err = block_on(store.load("u", &inv())).expect_err("unknown access key");
    assert_eq!(err.kind(), ErrorKind::Storage, "{err}");
    let source = err.downcast_ref::<DynamoDbError>().expect("source");
    assert!(
        [
            "UnrecognizedClientException",
            "InvalidClientTokenId",
            "InvalidSignatureException"
        ]
        .contains(&source.code.as_str()),
        "{source}"
    );
}

/// Over TLS (the framework's HTTPS client, a loopback server whose
/// certificate a generated CA signed): the request is a signed DynamoDB JSON
/// call and the answer's item is read. Throttling, which moto cannot produce,
/// is retried twice, then a typed `Throttled` error.
#[tokio::test]
async fn over_tls_signed_and_throttling_retried_then_typed() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    const THROTTLED: &str = r#"{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"The level of configured provisioned throughput for the table was exceeded."}"#;
    const ITEM: &str = r#"{"Item":{"id":{"S":"u"},"attributes":{"M":{"n":{"N":"12345678901234567890"}}},"version":{"N":"4"}}}"#;
    // Answers: the item; four throttled; the item again.
    let calls = AtomicUsize::new(0);
    let server = tls::Server::start(move |_seen| match calls.fetch_add(1, Ordering::SeqCst) {
        1..=4 => tls::Reply::json(400, THROTTLED),
        _ => tls::Reply::json(200, ITEM),
    })
    .await;
    let store = store_at(&server.url("/"), "attributes", "AKIDTLS");

    let loaded = store.load("u", &inv()).await.expect("over TLS");
    assert_eq!(loaded.version, Version::new(4));
    assert_eq!(loaded.attributes["n"].as_u64(), Some(12345678901234567890));
    let seen = &server.seen()[0];
    assert_eq!((seen.method.as_str(), seen.path.as_str()), ("POST", "/"));
    assert_eq!(
        seen.header("x-amz-target"),
        Some("DynamoDB_20120810.GetItem")
    );
    assert_eq!(
        seen.header("content-type"),
        Some("application/x-amz-json-1.0")
    );
    let authorization = seen.header("authorization").expect("signed");
    assert!(
        authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKIDTLS/")
            && authorization.contains("/eu-west-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature="),
        "{authorization}"
    );
    let body: serde_json::Value = serde_json::from_slice(&seen.body).expect("json body");
    assert_eq!(
        body,
        json!({"TableName": "attributes", "Key": {"id": {"S": "u"}}, "ConsistentRead": true})
    );

    // Three attempts, all throttled.
    let err = store.load("u", &inv()).await.expect_err("throttled");
    assert_eq!(err.kind(), ErrorKind::Throttled, "{err}");
    let source = err.downcast_ref::<DynamoDbError>().expect("source");
    assert_eq!(source.code, "ProvisionedThroughputExceededException");
    // Throttled once more, then answered: the retry makes it a success.
    assert_eq!(
        store.load("u", &inv()).await.expect("retried").version,
        Version::new(4)
    );
    assert_eq!(server.seen().len(), 6);
}

/// A call runs within the request: an invocation whose deadline is almost
/// over ends the call at that deadline with a typed `Timeout`, long before
/// the store's own timeout; an invocation already out of time sends nothing,
/// so a save writes nothing.
#[tokio::test]
async fn a_call_ends_at_the_invocation_deadline() {
    let server = tls::Server::start(|_| tls::Reply::Delay(Duration::from_secs(120))).await;
    let store =
        store_at(&server.url("/"), "attributes", "AKIDDEADLINE").timeout(Duration::from_secs(120));

    let almost_over =
        // The client keeps DEADLINE_MARGIN of the request's time for the
        // answer, so 1.25 s leaves it 1 s for the call itself.
        Invocation::new(Transport::Lambda)
            .with_deadline_in(alexa_kit::https::DEADLINE_MARGIN + Duration::from_secs(1));
    let started = Instant::now();
    let err = store
        .load("u", &almost_over)
        .await
        .expect_err("no answer before the deadline");
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    // Ended by the invocation's deadline, not by the store's 120 s (nor the
    // server's 120 s pause): the margin only absorbs a slow machine.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        server.seen().len(),
        1,
        "the GetItem was sent, then abandoned"
    );

    let spent = Invocation::new(Transport::Lambda).with_deadline_in(Duration::ZERO);
    let mut attributes = Attributes::new();
    attributes.insert("n".into(), 1.into());
    let err = store
        .save("u", &attributes, Version::NEW, &spent)
        .await
        .expect_err("out of time");
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    assert_eq!(server.seen().len(), 1, "no PutItem was sent");
}

/// A call within a traced invocation carries the X-Ray trace header (beside
/// its SigV4 signature) and reports an X-Ray subsegment to the daemon that
/// `AWS_XRAY_DAEMON_ADDRESS` names (a UDP socket on loopback, set up once per
/// test binary by `tls::trusted_ca`; no other test here makes a traced call).
#[tokio::test]
async fn traced_calls_carry_the_header_and_send_a_subsegment() {
    let daemon = tls::xray_daemon();
    let server = tls::Server::start(|_| tls::Reply::json(200, "{}")).await;
    let store = store_at(&server.url("/"), "attributes", "AKIDXRAY");
    let root = "1-5e1b4151-5ac6c58f3f0a0b1c2d3e4f51";
    let traced = Invocation::new(Transport::Test)
        .with_trace_id(format!("Root={root};Parent=53995c3f42cd8ad8;Sampled=1"));

    let loaded = store.load("u", &traced).await.expect("GetItem");
    assert_eq!(loaded.version, Version::NEW);
    let seen = &server.seen()[0];
    assert_eq!(
        seen.header("x-amz-target"),
        Some("DynamoDB_20120810.GetItem")
    );
    assert!(seen.header("authorization").is_some(), "still signed");
    let sent = seen.header("x-amzn-trace-id").expect("trace header");

    let mut buf = vec![0; 64 * 1024];
    let (n, _) = daemon.recv_from(&mut buf).expect("a subsegment within 5 s");
    let text = std::str::from_utf8(&buf[..n]).expect("UTF-8 datagram");
    let (header, doc) = text.split_once('\n').expect("header line");
    assert_eq!(header, r#"{"format":"json","version":1}"#);
    let doc: serde_json::Value = serde_json::from_str(doc).expect("JSON subsegment");
    assert_eq!(doc["type"], "subsegment");
    assert_eq!(doc["trace_id"], root);
    assert_eq!(doc["parent_id"], "53995c3f42cd8ad8");
    assert_eq!(doc["namespace"], "remote");
    assert_eq!(doc["http"]["request"]["method"], "POST");
    assert_eq!(doc["http"]["request"]["url"], server.url("/"));
    assert_eq!(doc["http"]["response"]["status"], 200);
    let id = doc["id"].as_str().expect("subsegment id");
    assert_eq!(sent, format!("Root={root};Parent={id};Sampled=1"));
}

/// `cx.persistent()` loads within the request's invocation: with a store
/// that never answers and little time left of the request, the handler gets a
/// `Timeout` at the request's deadline, not after the store's own timeout.
#[tokio::test]
async fn persistent_attributes_load_within_the_request() {
    let server = tls::Server::start(|_| tls::Reply::Delay(Duration::from_secs(120))).await;
    let store =
        store_at(&server.url("/"), "attributes", "AKIDSKILL").timeout(Duration::from_secs(120));
    let skill = Skill::builder()
        .persistence(store)
        .intent("VisitIntent", async |cx: &mut Input| {
            let outcome = cx.persistent().await.err().map(|e| e.kind());
            Ok(cx.say(format!("{outcome:?}")))
        })
        .build()
        .expect("skill");
    let event = serde_json::to_vec(&testing::intent("VisitIntent").build()).expect("event");
    let invocation =
        // The client keeps DEADLINE_MARGIN of the request's time for the
        // answer, so 1.25 s leaves it 1 s for the call itself.
        Invocation::new(Transport::Lambda)
            .with_deadline_in(alexa_kit::https::DEADLINE_MARGIN + Duration::from_secs(1));
    let started = Instant::now();
    let answer = skill
        .handle_bytes(&event, &invocation)
        .await
        .expect("answered");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    let answer: serde_json::Value = serde_json::from_slice(&answer).expect("JSON");
    assert_eq!(
        answer["response"]["outputSpeech"]["ssml"],
        "<speak>Some(Timeout)</speak>"
    );
    assert_eq!(server.seen().len(), 1);
}
