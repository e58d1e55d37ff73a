//! Any bytes into the hello-world skill's `handle_bytes`, as the Lambda loop
//! calls it: a response Alexa accepts (at most 24 KB, valid SSML) or an
//! invocation error, never a panic.

#![no_main]

#[path = "../../examples/hello_world/skill.rs"]
#[allow(dead_code)]
mod skill;

use alexa_kit::Skill;
use alexa_kit::Invocation;
use alexa_kit::response::ssml;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static SKILL: Skill = skill::builder().build().expect("the hello-world skill builds");
    static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
}

fuzz_target!(|data: &[u8]| {
    let answer = SKILL.with(|skill| {
        RUNTIME.with(|rt| rt.block_on(skill.handle_bytes(data, &Invocation::default())))
    });
    match answer {
        Ok(bytes) => {
            assert!(bytes.len() <= alexa_kit::response::MAX_RESPONSE_BYTES);
            let json: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON out");
            for speech in [
                &json["response"]["outputSpeech"]["ssml"],
                &json["response"]["reprompt"]["outputSpeech"]["ssml"],
            ] {
                if let Some(markup) = speech.as_str() {
                    ssml::validate(markup).expect("speakable SSML");
                }
            }
        }
        Err(err) => assert!(err.to_string().len() < 8 * 1024 + 64),
    }
});
