//! Offline stand-ins for Alexa's service APIs (feature `services`): a small
//! HTTP server on loopback that answers the settings, customer profile,
//! device address, reminders and progressive response APIs with values the
//! developer sets. The simulator and [`Conversation`](crate::testing::Conversation)
//! point `context.System.apiEndpoint` at it.

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Deserialize;
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use crate::model::{Device, RequestEnvelope, SystemState};
use crate::response::ssml;
use crate::services::{Address, DistanceUnits, PhoneNumber, TemperatureUnit};
use crate::{Error, ErrorKind, Result};

/// The `apiAccessToken` the stand-in hands out and expects.
const TOKEN: &str = "alexa-kit-local-token";
/// The device id of local requests.
const DEVICE_ID: &str = "amzn1.ask.device.local";
/// Largest request head and body the stand-in reads.
const MAX_REQUEST: usize = 256 * 1024;

/// What the stand-in answers: every value is optional ("not set" is HTTP 204,
/// as Alexa answers), `denied` lists permission scopes the user refused.
/// This is also the format of the simulator's `--services FILE` (JSON):
///
/// ```json
/// {
///   "timeZone": "Europe/Berlin", "distanceUnits": "METRIC", "temperatureUnit": "CELSIUS",
///   "name": "Ada Lovelace", "givenName": "Ada", "email": "ada@example.com",
///   "mobileNumber": { "countryCode": "+44", "phoneNumber": "7700900123" },
///   "address": { "addressLine1": "12 St James's Square", "city": "London", "postalCode": "SW1Y 4LB", "countryCode": "GB" },
///   "denied": ["alexa::profile:email:read"]
/// }
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Values {
    time_zone: Option<String>,
    distance_units: Option<DistanceUnits>,
    temperature_unit: Option<TemperatureUnit>,
    name: Option<String>,
    given_name: Option<String>,
    email: Option<String>,
    mobile_number: Option<PhoneNumber>,
    address: Option<Address>,
    #[serde(default)]
    denied: Vec<String>,
}

#[derive(Debug, Default)]
struct State {
    values: Values,
    reminders: BTreeMap<String, Value>,
    created: u64,
    spoken: Vec<String>,
    endpoint: Option<String>,
}

/// Alexa's service APIs on loopback, for the simulator and tests.
///
/// Set the values with the builder methods (or [`StandIn::from_file`]), hand
/// it to [`Conversation::services`](crate::testing::Conversation::services)
/// (the simulator makes its own from its flags). It starts serving on first
/// use, keeps reminders in memory and records progressive responses.
/// Clones share everything.
///
/// ```
/// use alexa_kit::local::StandIn;
/// use alexa_kit::services::TemperatureUnit;
/// let stand_in = StandIn::new()
///     .time_zone("America/Chicago")
///     .temperature_unit(TemperatureUnit::Fahrenheit)
///     .given_name("Grace")
///     .deny("alexa::profile:email:read");
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// assert!(stand_in.endpoint().await?.starts_with("http://127.0.0.1:"));
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// ```
#[derive(Debug, Clone, Default)]
pub struct StandIn {
    state: Arc<Mutex<State>>,
}

impl StandIn {
    /// A stand-in with nothing set: every setting and profile field is "not set".
    ///
    /// ```
    /// let _ = alexa_kit::local::StandIn::new();
    /// ```
    pub fn new() -> Self {
        StandIn::default()
    }

    /// A stand-in with the values of a JSON file (the format is in the
    /// module source and the README: `timeZone`, `distanceUnits`,
    /// `temperatureUnit`, `name`, `givenName`, `email`, `mobileNumber`,
    /// `address`, `denied`).
    ///
    /// ```
    /// let path = std::env::temp_dir().join("alexa-kit-doc-services.json");
    /// std::fs::write(&path, r#"{"timeZone":"Europe/Paris","denied":["alexa::profile:name:read"]}"#)?;
    /// let _stand_in = alexa_kit::local::StandIn::from_file(&path)?;
    /// assert!(alexa_kit::local::StandIn::from_file("/nonexistent.json".as_ref()).is_err());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn from_file(path: &Path) -> Result<Self> {
        let bad = |why: &str| {
            Error::new(
                ErrorKind::Config,
                format!("service values {}: {why}", path.display()),
            )
        };
        let text = std::fs::read(path).map_err(|e| bad("cannot read it").with_source(e))?;
        let values: Values =
            serde_json::from_slice(&text).map_err(|e| bad("not valid").with_source(e))?;
        let stand_in = StandIn::new();
        stand_in.state().values = values;
        Ok(stand_in)
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn set(self, f: impl FnOnce(&mut Values)) -> Self {
        f(&mut self.state().values);
        self
    }

    /// The device's time zone (Settings API).
    ///
    /// ```
    /// let _ = alexa_kit::local::StandIn::new().time_zone("Asia/Kolkata");
    /// ```
    #[must_use]
    pub fn time_zone(self, zone: &str) -> Self {
        self.set(|v| v.time_zone = Some(zone.to_owned()))
    }

    /// The device's distance units.
    ///
    /// ```
    /// let _ = alexa_kit::local::StandIn::new().distance_units(alexa_kit::services::DistanceUnits::Imperial);
    /// ```
    #[must_use]
    pub fn distance_units(self, units: DistanceUnits) -> Self {
        self.set(|v| v.distance_units = Some(units))
    }

    /// The device's temperature unit.
    ///
    /// ```
    /// let _ = alexa_kit::local::StandIn::new().temperature_unit(alexa_kit::services::TemperatureUnit::Celsius);
    /// ```
    #[must_use]
    pub fn temperature_unit(self, unit: TemperatureUnit) -> Self {
        self.set(|v| v.temperature_unit = Some(unit))
    }

    /// The account holder's full name.
    ///
    /// ```
    /// let _ = alexa_kit::local::StandIn::new().name("Ada Lovelace");
    /// ```
    #[must_use]
    pub fn name(self, name: &str) -> Self {
        self.set(|v| v.name = Some(name.to_owned()))
    }

    /// The account holder's given name.
    ///
    /// ```
    /// let _ = alexa_kit::local::StandIn::new().given_name("Ada");
    /// ```
    #[must_use]
    pub fn given_name(self, name: &str) -> Self {
        self.set(|v| v.given_name = Some(name.to_owned()))
    }

    /// The account holder's email address.
    ///
    /// ```
    /// let _ = alexa_kit::local::StandIn::new().email("ada@example.com");
    /// ```
    #[must_use]
    pub fn email(self, email: &str) -> Self {
        self.set(|v| v.email = Some(email.to_owned()))
    }

    /// The account holder's mobile number.
    ///
    /// ```
    /// use alexa_kit::services::PhoneNumber;
    /// let _ = alexa_kit::local::StandIn::new()
    ///     .mobile_number(PhoneNumber { country_code: "+1".into(), phone_number: "2065550100".into() });
    /// ```
    #[must_use]
    pub fn mobile_number(self, number: PhoneNumber) -> Self {
        self.set(|v| v.mobile_number = Some(number))
    }

    /// The device's address (the full one and its country and postal code).
    ///
    /// ```
    /// let home = alexa_kit::services::Address { city: Some("Osaka".into()), ..Default::default() };
    /// let _ = alexa_kit::local::StandIn::new().address(home);
    /// ```
    #[must_use]
    pub fn address(self, address: Address) -> Self {
        self.set(|v| v.address = Some(address))
    }

    /// Acts as if the user refused the permission `scope`: calls that need it
    /// answer 403 (401 for reminders), as Alexa does.
    ///
    /// ```
    /// let _ = alexa_kit::local::StandIn::new().deny("read::alexa:device:all:address");
    /// ```
    #[must_use]
    pub fn deny(self, scope: &str) -> Self {
        self.set(|v| v.denied.push(scope.to_owned()))
    }

    /// The progressive responses spoken since the last call, as plain text.
    ///
    /// ```
    /// assert!(alexa_kit::local::StandIn::new().take_spoken().is_empty());
    /// ```
    pub fn take_spoken(&self) -> Vec<String> {
        std::mem::take(&mut self.state().spoken)
    }

    /// The reminders the skill created and has not deleted, as the API
    /// would list them.
    ///
    /// ```
    /// assert!(alexa_kit::local::StandIn::new().reminders().is_empty());
    /// ```
    pub fn reminders(&self) -> Vec<Value> {
        self.state().reminders.values().cloned().collect()
    }

    /// The stand-in's base URL (`http://127.0.0.1:PORT`), starting the
    /// server on the current tokio runtime on first use.
    ///
    /// ```
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let s = alexa_kit::local::StandIn::new();
    /// assert_eq!(s.endpoint().await?, s.endpoint().await?);
    /// # Ok::<(), alexa_kit::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn endpoint(&self) -> Result<String> {
        if let Some(endpoint) = self.state().endpoint.clone() {
            return Ok(endpoint);
        }
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let endpoint = format!("http://{}", listener.local_addr()?);
        self.state().endpoint = Some(endpoint.clone());
        let me = self.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let me = me.clone();
                tokio::spawn(async move { me.serve(stream).await });
            }
        });
        Ok(endpoint)
    }

    /// Points `envelope` at this stand-in: its endpoint, its token and a device id.
    pub(crate) async fn attach(&self, envelope: &mut RequestEnvelope) -> Result<()> {
        let endpoint = self.endpoint().await?;
        let mut context = envelope.context().cloned().unwrap_or_default();
        let system = context
            .system
            .get_or_insert_with(|| Box::new(SystemState::default()));
        system.api_endpoint = Some(endpoint);
        system.api_access_token = Some(TOKEN.to_owned());
        system
            .device
            .get_or_insert_with(Device::default)
            .device_id
            .get_or_insert_with(|| DEVICE_ID.to_owned());
        envelope.set_context(Some(context));
        Ok(())
    }

    /// Answers HTTP/1.1 requests on one connection until it closes.
    async fn serve(&self, stream: TcpStream) {
        let mut stream = BufReader::new(stream);
        while let Some((method, path, authorized, body)) = read_request(&mut stream).await {
            let (status, body) = if authorized {
                self.answer(&method, &path, &body)
            } else {
                (
                    401,
                    Some(json!({"code": "UNAUTHORIZED", "message": "missing or wrong token"})),
                )
            };
            let body = body.map(|b| b.to_string()).unwrap_or_default();
            let head = format!(
                "HTTP/1.1 {status} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                if status < 300 { "OK" } else { "Error" },
                body.len()
            );
            let out = stream.get_mut();
            if out.write_all(head.as_bytes()).await.is_err()
                || out.write_all(body.as_bytes()).await.is_err()
            {
                return;
            }
        }
    }

    /// The API's answer to one call: a status and a JSON body.
    fn answer(&self, method: &str, path: &str, body: &[u8]) -> (u16, Option<Value>) {
        let mut state = self.state();
        let path = path.split('?').next().unwrap_or_default();
        let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
        let denied = |scope: &str, status: u16| {
            let refused = state.values.denied.iter().any(|d| d == scope);
            refused.then(|| {
                (status, Some(json!({"code": "ACCESS_DENIED", "message": "The authentication token does not have access to resource"})))
            })
        };
        let value = |v: Option<Value>| match v {
            Some(v) => (200, Some(v)),
            None => (204, None),
        };
        match (method, parts.as_slice()) {
            ("GET", ["v2", "devices", _, "settings", setting]) => {
                let v = &state.values;
                match *setting {
                    "System.timeZone" => value(v.time_zone.as_ref().map(|z| json!(z))),
                    "System.distanceUnits" => value(v.distance_units.as_ref().map(|u| json!(u))),
                    "System.temperatureUnit" => {
                        value(v.temperature_unit.as_ref().map(|u| json!(u)))
                    }
                    _ => not_found(),
                }
            }
            ("GET", ["v2", "accounts", "~current", "settings", field]) => {
                let v = &state.values;
                let (scope, found) = match *field {
                    "Profile.name" => (
                        "alexa::profile:name:read",
                        v.name.as_ref().map(|n| json!(n)),
                    ),
                    "Profile.givenName" => (
                        "alexa::profile:given_name:read",
                        v.given_name.as_ref().map(|n| json!(n)),
                    ),
                    "Profile.email" => (
                        "alexa::profile:email:read",
                        v.email.as_ref().map(|n| json!(n)),
                    ),
                    "Profile.mobileNumber" => (
                        "alexa::profile:mobile_number:read",
                        v.mobile_number.as_ref().map(|n| json!(n)),
                    ),
                    _ => return not_found(),
                };
                denied(scope, 403).unwrap_or_else(|| value(found))
            }
            ("GET", ["v1", "devices", _, "settings", "address", rest @ ..]) => {
                let address = state.values.address.clone();
                match rest {
                    [] => denied("read::alexa:device:all:address", 403)
                        .unwrap_or_else(|| value(address.map(|a| json!(a)))),
                    ["countryAndPostalCode"] => denied(
                        "read::alexa:device:all:address:country_and_postal_code",
                        403,
                    )
                    .unwrap_or_else(|| {
                        value(address.map(
                            |a| json!({"countryCode": a.country_code, "postalCode": a.postal_code}),
                        ))
                    }),
                    _ => not_found(),
                }
            }
            (_, ["v1", "alerts", "reminders", rest @ ..]) => {
                if let Some(refused) = denied("alexa::alerts:reminders:skill:readwrite", 401) {
                    return refused;
                }
                reminders(&mut state, method, rest, body)
            }
            ("POST", ["v1", "directives"]) => {
                let Ok(call) = serde_json::from_slice::<Value>(body) else {
                    return bad_request("not JSON");
                };
                let directive = &call["directive"];
                match (directive["type"].as_str(), directive["speech"].as_str()) {
                    (Some("VoicePlayer.Speak"), Some(speech)) => {
                        state.spoken.push(ssml::to_plain_text(speech));
                        (204, None)
                    }
                    _ => bad_request("Directive not valid"),
                }
            }
            _ => not_found(),
        }
    }
}

/// The Reminders API on the in-memory store.
fn reminders(state: &mut State, method: &str, rest: &[&str], body: &[u8]) -> (u16, Option<Value>) {
    let now = crate::services::iso8601(std::time::SystemTime::now());
    match (method, rest) {
        ("GET", []) => {
            let alerts: Vec<&Value> = state.reminders.values().collect();
            (
                200,
                Some(json!({"totalCount": alerts.len().to_string(), "alerts": alerts})),
            )
        }
        ("POST", []) | ("PUT", [_]) => {
            let Ok(Value::Object(mut reminder)) = serde_json::from_slice::<Value>(body) else {
                return bad_request("the reminder is not a JSON object");
            };
            if reminder.get("trigger").is_none() || reminder.get("alertInfo").is_none() {
                return bad_request("a reminder needs a trigger and alertInfo");
            }
            let (token, created, version) = match rest {
                [token] => match state.reminders.get(*token) {
                    Some(old) => {
                        let version = old["version"].as_str().and_then(|v| v.parse::<u64>().ok());
                        (
                            (*token).to_owned(),
                            old["createdTime"].clone(),
                            version.unwrap_or(1) + 1,
                        )
                    }
                    None => return not_found(),
                },
                _ => {
                    state.created += 1;
                    (format!("local-reminder-{}", state.created), json!(now), 1)
                }
            };
            reminder.insert("alertToken".into(), json!(token));
            reminder.insert("createdTime".into(), created);
            reminder.insert("updatedTime".into(), json!(now));
            reminder.insert("status".into(), json!("ON"));
            reminder.insert("version".into(), json!(version.to_string()));
            reminder.insert(
                "href".into(),
                json!(format!("/v1/alerts/reminders/{token}")),
            );
            let reminder = Value::Object(reminder);
            state.reminders.insert(token, reminder.clone());
            (if rest.is_empty() { 201 } else { 200 }, Some(reminder))
        }
        ("GET", [token]) => match state.reminders.get(*token) {
            Some(r) => (200, Some(r.clone())),
            None => not_found(),
        },
        ("DELETE", [token]) => match state.reminders.remove(*token) {
            Some(_) => (200, None),
            None => not_found(),
        },
        _ => not_found(),
    }
}

fn not_found() -> (u16, Option<Value>) {
    (
        404,
        Some(json!({"code": "NOT_FOUND", "message": "no such resource"})),
    )
}

fn bad_request(message: &str) -> (u16, Option<Value>) {
    (
        400,
        Some(json!({"code": "INVALID_REQUEST", "message": message})),
    )
}

/// Reads one request: method, path, whether it carries the stand-in's
/// token, and the body. `None` when the connection ends or misbehaves.
async fn read_request(
    stream: &mut BufReader<TcpStream>,
) -> Option<(String, String, bool, Vec<u8>)> {
    let mut line = String::new();
    let mut head_size = 0;
    let mut next_line = async |line: &mut String| {
        line.clear();
        let n = stream.read_line(line).await.ok()?;
        head_size += n;
        (n > 0 && head_size <= MAX_REQUEST).then_some(())
    };
    next_line(&mut line).await?;
    let mut words = line.split_whitespace();
    let (method, path) = (words.next()?.to_owned(), words.next()?.to_owned());
    let (mut length, mut authorized) = (0usize, false);
    loop {
        next_line(&mut line).await?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        let (name, value) = header.split_once(':')?;
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = value.parse().ok()?;
        } else if name.eq_ignore_ascii_case("authorization") {
            authorized = value == format!("Bearer {TOKEN}");
        }
    }
    if length > MAX_REQUEST {
        return None;
    }
    let mut body = vec![0; length];
    stream.read_exact(&mut body).await.ok()?;
    Some((method, path, authorized, body))
}
