//! Hello world on `lambda_runtime`, answering a minimal Alexa response, with
//! its default tracing subscriber (the same job as alexa-kit's `init_logging`).

use lambda_runtime::{Error, LambdaEvent, service_fn};
use serde_json::{Value, json};

async fn handler(event: LambdaEvent<Value>) -> Result<Value, Error> {
    let intent = event.payload["request"]["intent"]["name"].as_str().unwrap_or("none");
    Ok(json!({
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "PlainText", "text": format!("Hello from the peer ({intent}).")},
            "shouldEndSession": true
        }
    }))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    lambda_runtime::tracing::init_default_subscriber();
    lambda_runtime::run(service_fn(handler)).await
}
