//! `DynamoDbStore`: persistent attributes in a DynamoDB table, compatible
//! with the ASK SDK's DynamoDB persistence adapter (feature `dynamodb`).
//!
//! # Item layout
//!
//! The ASK adapter's, so a table an ASK skill wrote works unchanged:
//!
//! ```text
//! { "id": {"S": "<user id>"}, "attributes": {"M": {…}}, "version": {"N": "7"} }
//! ```
//!
//! `id` and `attributes` are the ASK defaults and can be renamed like there
//! ([`DynamoDbStore::partition_key_name`], [`DynamoDbStore::attributes_name`]).
//! `version` is alexa-kit's addition ([`DynamoDbStore::version_name`]): every
//! save is a `PutItem` conditional on it, so a concurrent save is an
//! [`ErrorKind::Conflict`] instead of a lost update.
//!
//! An item written by an ASK adapter has no `version`: it loads as
//! [`Version::NEW`], and the first save writes it on condition
//! `attribute_not_exists(version) OR version = :0`. From then on the item is
//! versioned; nothing else changes, so migrating an ASK skill's table is
//! pointing the store at it.
//!
//! # Requests
//!
//! `GetItem` with `ConsistentRead`, conditional `PutItem` and `DeleteItem`,
//! over the DynamoDB JSON protocol, signed with SigV4. No `CreateTable`, ever:
//! the table belongs in the deployment (see `template.yml`).
//!
//! Each call runs [`within`](crate::https::Request::within) the request's
//! [`Invocation`]: it ends by the invocation's deadline (Lambda's remaining
//! time), and by the store's [`timeout`](DynamoDbStore::timeout) at the
//! latest, so it never outlives the request; a traced invocation's call
//! carries the X-Ray trace header and is reported as an X-Ray subsegment.
//!
//! # Errors
//!
//! | DynamoDB answer | [`ErrorKind`] |
//! | --- | --- |
//! | `ConditionalCheckFailedException` | `Conflict` |
//! | `ProvisionedThroughputExceededException`, `ThrottlingException`, `RequestLimitExceeded` (after two retries) | `Throttled` |
//! | `ResourceNotFoundException` (no such table) | `Storage` |
//! | `UnrecognizedClientException`, `InvalidSignatureException`, `AccessDeniedException`, expired token… | `Storage` |
//! | `ValidationException` (an item over 400 KB, …) | `Storage` |
//! | no answer in time | `Timeout` |
//! | anything else | `Service` |
//!
//! The DynamoDB error is the source: `err.downcast_ref::<DynamoDbError>()`.

mod sigv4;
mod value;

use std::time::{Duration, Instant, SystemTime};

use async_trait::async_trait;
use serde_json::{Map, Value, json};

use super::{Attributes, Loaded, Store, Version};
use crate::https::{Client, RETRY_BACKOFF, Request};
use crate::{Error, ErrorKind, Invocation, Result};
use sigv4::Credentials;

/// DynamoDB's limit on the size of one item.
pub const MAX_ITEM_SIZE: usize = 400 * 1024;

/// Persistent attributes in a DynamoDB table (see the [module docs](self)).
///
/// ```no_run
/// use alexa_kit::prelude::*;
/// use alexa_kit::store::DynamoDbStore;
///
/// # fn demo() -> alexa_kit::Result<()> {
/// // Region and credentials from Lambda's environment; the table from the template.
/// let store = DynamoDbStore::from_env("my-skill-attributes")?;
/// let skill = Skill::builder().persistence(store).build()?;
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct DynamoDbStore {
    table: String,
    key_name: String,
    attributes_name: String,
    version_name: String,
    region: String,
    credentials: Credentials,
    endpoint: Endpoint,
    timeout: Duration,
}

/// Where requests go.
#[derive(Debug, Clone, PartialEq)]
struct Endpoint {
    /// The URL requests are POSTed to.
    url: String,
    /// The authority as written in the URL: the `Host` header the HTTPS
    /// client sends, and so the host SigV4 signs.
    host: String,
    path: String,
}

impl Endpoint {
    fn parse(url: &str) -> Result<Endpoint> {
        let bad = |why: &str| {
            Error::new(
                ErrorKind::Config,
                format!("DynamoDB endpoint {url:?} is not usable: {why}"),
            )
        };
        let url = url.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| bad("it must start with http:// or https://"))?;
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        if host.is_empty() || host.contains(['?', '#', '@', ' ']) || path.contains(['?', '#', ' '])
        {
            return Err(bad("no host, or unexpected characters"));
        }
        Ok(Endpoint {
            url: format!("{url}{}", if path == "/" { "/" } else { "" }),
            host: host.to_owned(),
            path: path.to_owned(),
        })
    }
}

/// An error answer from DynamoDB: the source of the alexa-kit error.
///
/// ```
/// let e = alexa_kit::store::dynamodb::DynamoDbError {
///     status: 400,
///     code: "ResourceNotFoundException".into(),
///     message: "Requested resource not found".into(),
/// };
/// assert_eq!(e.to_string(), "DynamoDB answered 400 ResourceNotFoundException: Requested resource not found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DynamoDbError {
    /// The HTTP status.
    pub status: u16,
    /// The error code, e.g. `ConditionalCheckFailedException` (the part of
    /// `__type` after `#`).
    pub code: String,
    /// DynamoDB's message.
    pub message: String,
}

impl std::fmt::Display for DynamoDbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "DynamoDB answered {} {}: {}",
            self.status, self.code, self.message
        )
    }
}

impl std::error::Error for DynamoDbError {}

impl DynamoDbStore {
    /// The environment variable naming the table a skill on Lambda uses when
    /// it was given no store (`template.yml` sets it).
    ///
    /// ```
    /// assert_eq!(alexa_kit::store::DynamoDbStore::TABLE_ENV, "ALEXA_TABLE");
    /// ```
    pub const TABLE_ENV: &str = "ALEXA_TABLE";

    /// A store for `table`, configured from the standard AWS environment
    /// variables that Lambda sets: `AWS_REGION` (or `AWS_DEFAULT_REGION`),
    /// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`.
    /// `AWS_ENDPOINT_URL_DYNAMODB`, else `AWS_ENDPOINT_URL`, overrides the
    /// endpoint (plain `http://` allowed, for DynamoDB Local or moto).
    ///
    /// Fails with [`ErrorKind::Config`] when the region or credentials are
    /// missing. Makes no request.
    ///
    /// ```no_run
    /// let store = alexa_kit::store::DynamoDbStore::from_env("attributes")?;
    /// assert_eq!(store.table(), "attributes");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn from_env(table: impl Into<String>) -> Result<Self> {
        Self::from_vars(table, |name| std::env::var(name).ok())
    }

    /// Like [`from_env`](Self::from_env), reading the same variables through
    /// `vars`: for tests, or configuration kept elsewhere.
    ///
    /// ```
    /// let store = alexa_kit::store::DynamoDbStore::from_vars("attributes", |name| match name {
    ///     "AWS_REGION" => Some("eu-west-1".into()),
    ///     "AWS_ACCESS_KEY_ID" | "AWS_SECRET_ACCESS_KEY" => Some("local".into()),
    ///     "AWS_ENDPOINT_URL_DYNAMODB" => Some("http://127.0.0.1:8000".into()),
    ///     _ => None,
    /// })?;
    /// assert_eq!(store.table(), "attributes");
    /// let missing = alexa_kit::store::DynamoDbStore::from_vars("t", |_| None).unwrap_err();
    /// assert_eq!(missing.kind(), alexa_kit::ErrorKind::Config);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn from_vars(
        table: impl Into<String>,
        vars: impl Fn(&str) -> Option<String>,
    ) -> Result<Self> {
        let var = |name: &str| {
            vars(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let missing = |what: &str| {
            Error::new(
                ErrorKind::Config,
                format!("the DynamoDB store needs {what} in the environment (Lambda sets it)"),
            )
        };
        let region = var("AWS_REGION")
            .or_else(|| var("AWS_DEFAULT_REGION"))
            .ok_or_else(|| missing("AWS_REGION"))?;
        let credentials = Credentials {
            access_key_id: var("AWS_ACCESS_KEY_ID").ok_or_else(|| missing("AWS_ACCESS_KEY_ID"))?,
            secret_access_key: var("AWS_SECRET_ACCESS_KEY")
                .ok_or_else(|| missing("AWS_SECRET_ACCESS_KEY"))?,
            session_token: var("AWS_SESSION_TOKEN"),
        };
        let endpoint = match var("AWS_ENDPOINT_URL_DYNAMODB").or_else(|| var("AWS_ENDPOINT_URL")) {
            Some(url) => url,
            None => format!("https://dynamodb.{region}.amazonaws.com"),
        };
        Ok(DynamoDbStore {
            table: table.into(),
            key_name: "id".to_owned(),
            attributes_name: "attributes".to_owned(),
            version_name: "version".to_owned(),
            region,
            credentials,
            endpoint: Endpoint::parse(&endpoint)?,
            timeout: Duration::from_secs(3),
        })
    }

    /// The table's name.
    ///
    /// ```no_run
    /// let store = alexa_kit::store::DynamoDbStore::from_env("t")?;
    /// assert_eq!(store.table(), "t");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn table(&self) -> &str {
        &self.table
    }

    /// Renames the partition key attribute (default `id`, as in ASK's
    /// `partitionKeyName`).
    ///
    /// ```no_run
    /// let store = alexa_kit::store::DynamoDbStore::from_env("t")?.partition_key_name("userId");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn partition_key_name(mut self, name: impl Into<String>) -> Self {
        self.key_name = name.into();
        self
    }

    /// Renames the attribute holding the attributes map (default
    /// `attributes`, as in ASK's `attributesName`).
    ///
    /// ```no_run
    /// let store = alexa_kit::store::DynamoDbStore::from_env("t")?.attributes_name("data");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn attributes_name(mut self, name: impl Into<String>) -> Self {
        self.attributes_name = name.into();
        self
    }

    /// Renames the version attribute (default `version`).
    ///
    /// ```no_run
    /// let store = alexa_kit::store::DynamoDbStore::from_env("t")?.version_name("rev");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn version_name(mut self, name: impl Into<String>) -> Self {
        self.version_name = name.into();
        self
    }

    /// How long one call may take, retries included (default 3 s). The
    /// request's deadline ([`Invocation::deadline`]) ends it sooner when it
    /// comes first.
    ///
    /// ```no_run
    /// let store = alexa_kit::store::DynamoDbStore::from_env("t")?
    ///     .timeout(std::time::Duration::from_secs(1));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    fn key(&self, key: &str) -> Value {
        json!({ &self.key_name: { "S": key } })
    }

    /// The condition that the stored version is still `expected`.
    fn condition(&self, request: &mut Map<String, Value>, expected: Version) {
        let condition = if expected == Version::NEW {
            // A new key, or an item an ASK adapter wrote (no version yet).
            "attribute_not_exists(#v) OR #v = :v"
        } else {
            "#v = :v"
        };
        request.insert("ConditionExpression".into(), condition.into());
        request.insert(
            "ExpressionAttributeNames".into(),
            json!({ "#v": &self.version_name }),
        );
        request.insert(
            "ExpressionAttributeValues".into(),
            json!({ ":v": { "N": expected.get().to_string() } }),
        );
    }

    /// One call within `invocation` and the store's timeout, throttling
    /// retried twice with the HTTPS client's backoff (the client enforces
    /// the deadline and traces each attempt).
    async fn call(
        &self,
        operation: &str,
        request: &Value,
        invocation: &Invocation,
    ) -> Result<Value> {
        let body = serde_json::to_vec(request)?;
        let mut deadline = Instant::now() + self.timeout;
        if let Some(request_deadline) = invocation.deadline() {
            deadline = deadline.min(request_deadline);
        }
        let mut attempt = 0;
        loop {
            let remaining = deadline.saturating_duration_since(Instant::now());
            match self.send(operation, &body, remaining, invocation).await {
                Err(e) if e.kind() == ErrorKind::Throttled && attempt < 2 => {
                    tokio::time::sleep(RETRY_BACKOFF * (1 << attempt)).await;
                    attempt += 1;
                }
                other => return other,
            }
        }
    }

    async fn send(
        &self,
        operation: &str,
        body: &[u8],
        remaining: Duration,
        invocation: &Invocation,
    ) -> Result<Value> {
        let target = format!("DynamoDB_20120810.{operation}");
        let amz_date = sigv4::amz_date(SystemTime::now());
        let endpoint = &self.endpoint;
        let mut signed: Vec<(&str, &str)> = vec![
            ("content-type", "application/x-amz-json-1.0"),
            ("host", &endpoint.host),
            ("x-amz-date", &amz_date),
        ];
        if let Some(token) = &self.credentials.session_token {
            signed.push(("x-amz-security-token", token));
        }
        signed.push(("x-amz-target", &target));
        let authorization = sigv4::authorization(
            &self.credentials,
            &self.region,
            "dynamodb",
            &amz_date,
            &sigv4::Request {
                method: "POST",
                path: &endpoint.path,
                headers: &signed,
                body,
            },
        );
        let mut headers: Vec<(&str, &str)> = signed
            .iter()
            .filter(|(name, _)| *name != "host")
            .copied()
            .collect();
        headers.push(("authorization", &authorization));
        let (status, response) = self
            .post(operation, &headers, body, remaining, invocation)
            .await?;
        if status == 200 {
            return serde_json::from_slice(&response).map_err(|e| {
                Error::new(
                    ErrorKind::Service,
                    format!("DynamoDB {operation} answered JSON alexa-kit cannot read"),
                )
                .with_source(e)
            });
        }
        Err(self.error(operation, status, &response))
    }

    /// POSTs through the framework's HTTPS client (its keep-alive
    /// connection per host outlives the request). Only `GetItem` is retried
    /// there (on 5xx and a broken connection): a conditional write repeated
    /// after it took effect would report a false conflict.
    async fn post(
        &self,
        operation: &str,
        headers: &[(&str, &str)],
        body: &[u8],
        remaining: Duration,
        invocation: &Invocation,
    ) -> Result<(u16, Vec<u8>)> {
        let mut request = Request::post(&self.endpoint.url, body.to_vec())
            .allow_http()
            .idempotent(operation == "GetItem")
            .within(invocation)
            .timeout(remaining)
            .max_body(2 * MAX_ITEM_SIZE);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = Client::shared().request(request).await?;
        Ok((response.status, response.body))
    }

    /// A typed error from DynamoDB's error answer.
    fn error(&self, operation: &str, status: u16, body: &[u8]) -> Error {
        let parsed: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
        let text = |name: &str| parsed.get(name).and_then(Value::as_str);
        // JSON normally; an XML `ErrorResponse` from some front ends (and moto) on auth errors.
        let xml = |tag: &str| {
            let body = std::str::from_utf8(body).ok()?;
            let start = body.find(&format!("<{tag}>"))? + tag.len() + 2;
            let len = body[start..].find(&format!("</{tag}>"))?;
            Some(body[start..start + len].to_owned())
        };
        let code = text("__type")
            .map(|t| t.rsplit('#').next().unwrap_or(t).to_owned())
            .or_else(|| xml("Code"))
            .unwrap_or_default();
        let message = text("message")
            .or_else(|| text("Message"))
            .map(str::to_owned)
            .or_else(|| xml("Message"))
            .unwrap_or_default();
        let table = &self.table;
        let (kind, what) = match code.as_str() {
            "ConditionalCheckFailedException" => (
                ErrorKind::Conflict,
                "the persistent attributes changed since they were loaded (another session saved \
                 first); reload and retry"
                    .to_owned(),
            ),
            "ProvisionedThroughputExceededException"
            | "ThrottlingException"
            | "RequestLimitExceeded" => (
                ErrorKind::Throttled,
                format!("DynamoDB throttled {operation} on table `{table}`"),
            ),
            "ResourceNotFoundException" => (
                ErrorKind::Storage,
                format!(
                    "DynamoDB table `{table}` does not exist in {} (alexa-kit never creates \
                     tables at request time: deploy it with template.yml)",
                    self.region
                ),
            ),
            "UnrecognizedClientException"
            | "InvalidSignatureException"
            | "IncompleteSignatureException"
            | "MissingAuthenticationTokenException"
            | "ExpiredTokenException"
            | "InvalidClientTokenId"
            | "AccessDeniedException" => (
                ErrorKind::Storage,
                format!(
                    "DynamoDB refused the credentials for {operation} on table `{table}` \
                     (check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN and the \
                     function's permissions)"
                ),
            ),
            "ValidationException" | "ItemCollectionSizeLimitExceededException" => (
                ErrorKind::Storage,
                format!("DynamoDB rejected {operation} on table `{table}`"),
            ),
            _ if status == 401 || status == 403 => (
                ErrorKind::Storage,
                format!("DynamoDB refused access for {operation} on table `{table}`"),
            ),
            _ if status == 429 => (
                ErrorKind::Throttled,
                format!("DynamoDB throttled {operation} on table `{table}`"),
            ),
            _ => (
                ErrorKind::Service,
                format!("DynamoDB {operation} on table `{table}` failed"),
            ),
        };
        Error::new(kind, what).with_source(DynamoDbError {
            status,
            code,
            message,
        })
    }
}

#[async_trait(?Send)]
impl Store for DynamoDbStore {
    async fn load(&self, key: &str, invocation: &Invocation) -> Result<Loaded> {
        let request = json!({
            "TableName": &self.table,
            "Key": self.key(key),
            "ConsistentRead": true,
        });
        let response = self.call("GetItem", &request, invocation).await?;
        let Some(item) = response.get("Item").and_then(Value::as_object) else {
            return Ok(Loaded::default());
        };
        let attributes = match item.get(&self.attributes_name) {
            None => Attributes::new(),
            Some(value) => match value::from_attribute(value)? {
                Value::Object(map) => map,
                // ASK stores whatever the skill set; alexa-kit's attributes are a map.
                _ => {
                    return Err(Error::new(
                        ErrorKind::Storage,
                        format!(
                            "item `{key}` of table `{}` has an `{}` attribute that is not a map",
                            self.table, self.attributes_name
                        ),
                    ));
                }
            },
        };
        let version = match item.get(&self.version_name) {
            None => Version::NEW,
            Some(v) => v
                .get("N")
                .and_then(Value::as_str)
                .and_then(|n| n.parse::<u64>().ok())
                .map(Version::new)
                .ok_or_else(|| {
                    Error::new(
                        ErrorKind::Storage,
                        format!(
                            "item `{key}` of table `{}` has a `{}` attribute that is not a whole number",
                            self.table, self.version_name
                        ),
                    )
                })?,
        };
        Ok(Loaded {
            attributes,
            version,
        })
    }

    async fn save(
        &self,
        key: &str,
        attributes: &Attributes,
        expected: Version,
        invocation: &Invocation,
    ) -> Result<Version> {
        let next = expected.next();
        let mut item = Map::new();
        item.insert(self.key_name.clone(), json!({ "S": key }));
        item.insert(
            self.attributes_name.clone(),
            json!({ "M": value::to_map(attributes) }),
        );
        item.insert(
            self.version_name.clone(),
            json!({ "N": next.get().to_string() }),
        );
        let size = value::item_size(&item);
        if size > MAX_ITEM_SIZE {
            return Err(Error::new(
                ErrorKind::Storage,
                format!(
                    "the persistent attributes of `{key}` take about {size} bytes, more than \
                     DynamoDB's {MAX_ITEM_SIZE}-byte item limit; nothing was saved"
                ),
            ));
        }
        let mut request = Map::new();
        request.insert("TableName".into(), self.table.clone().into());
        request.insert("Item".into(), Value::Object(item));
        self.condition(&mut request, expected);
        self.call("PutItem", &Value::Object(request), invocation)
            .await
            .map_err(|e| with_key(e, key))?;
        Ok(next)
    }

    async fn delete(
        &self,
        key: &str,
        expected: Option<Version>,
        invocation: &Invocation,
    ) -> Result<()> {
        let mut request = Map::new();
        request.insert("TableName".into(), self.table.clone().into());
        request.insert("Key".into(), self.key(key));
        if let Some(expected) = expected {
            self.condition(&mut request, expected);
        }
        self.call("DeleteItem", &Value::Object(request), invocation)
            .await
            .map_err(|e| with_key(e, key))?;
        Ok(())
    }
}

/// A conflict names the key, as every store's does.
fn with_key(error: Error, key: &str) -> Error {
    if error.kind() == ErrorKind::Conflict {
        let source = error.downcast_ref::<DynamoDbError>().cloned();
        let conflict = super::conflict(key);
        match source {
            Some(source) => conflict.with_source(source),
            None => conflict,
        }
    } else {
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        let e = Endpoint::parse("http://127.0.0.1:8000").unwrap();
        assert_eq!(
            (e.url.as_str(), e.host.as_str(), e.path.as_str()),
            ("http://127.0.0.1:8000/", "127.0.0.1:8000", "/")
        );
        let e = Endpoint::parse("https://dynamodb.eu-west-1.amazonaws.com/").unwrap();
        assert_eq!(
            (e.url.as_str(), e.host.as_str()),
            (
                "https://dynamodb.eu-west-1.amazonaws.com/",
                "dynamodb.eu-west-1.amazonaws.com"
            )
        );
        let e = Endpoint::parse("http://localhost:4566/prefix").unwrap();
        assert_eq!(
            (e.url.as_str(), e.host.as_str(), e.path.as_str()),
            ("http://localhost:4566/prefix", "localhost:4566", "/prefix")
        );
        assert!(Endpoint::parse("localhost:8000").is_err());
        assert!(Endpoint::parse("http://").is_err());
        assert!(Endpoint::parse("http://a b").is_err());
    }
}
