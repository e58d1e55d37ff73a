//! A visit counter on `lambda_runtime` + `aws-sdk-dynamodb`: GetItem (consistent), then a PutItem
//! conditional on the version, in the ASK item layout; answers an Alexa response envelope.

use aws_sdk_dynamodb::types::AttributeValue;
use lambda_runtime::{Error, LambdaEvent, service_fn};
use serde_json::{Value, json};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Error> {
    let config = aws_config::load_from_env().await;
    let client = aws_sdk_dynamodb::Client::new(&config);
    let table = std::env::var("ALEXA_TABLE")?;
    let client = &client;
    let table = &table;
    lambda_runtime::run(service_fn(move |event: LambdaEvent<Value>| async move {
        let user = event.payload["context"]["System"]["user"]["userId"]
            .as_str()
            .unwrap_or("anonymous")
            .to_owned();
        let item = client
            .get_item()
            .table_name(table)
            .key("id", AttributeValue::S(user.clone()))
            .consistent_read(true)
            .send()
            .await?
            .item;
        let (visits, version) = match &item {
            Some(item) => {
                let n = |v: Option<&AttributeValue>| {
                    v.and_then(|v| v.as_n().ok()).and_then(|n| n.parse::<u64>().ok()).unwrap_or(0)
                };
                let visits = item
                    .get("attributes")
                    .and_then(|a| a.as_m().ok())
                    .and_then(|m| m.get("visits"));
                (n(visits), n(item.get("version")))
            }
            None => (0, 0),
        };
        let visits = visits + 1;
        client
            .put_item()
            .table_name(table)
            .item("id", AttributeValue::S(user))
            .item(
                "attributes",
                AttributeValue::M([("visits".to_owned(), AttributeValue::N(visits.to_string()))].into()),
            )
            .item("version", AttributeValue::N((version + 1).to_string()))
            .condition_expression("attribute_not_exists(#v) OR #v = :v")
            .expression_attribute_names("#v", "version")
            .expression_attribute_values(":v", AttributeValue::N(version.to_string()))
            .send()
            .await?;
        Ok::<Value, Error>(json!({
            "version": "1.0",
            "response": {
                "outputSpeech": {"type": "SSML", "ssml": format!("<speak>Visit number {visits}.</speak>")},
                "shouldEndSession": true
            }
        }))
    }))
    .await
}
