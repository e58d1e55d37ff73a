//! The Reminders API: `/v1/alerts/reminders[/{alertToken}]`.

use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{Services, encode_segment};
use crate::https::Method;
use crate::{Error, ErrorKind, Result};

/// The permission scope of the Reminders API.
const SCOPE: &str = "alexa::alerts:reminders:skill:readwrite";

/// The skill's reminders for this user; reach it with
/// [`Services::reminders`]. Needs the permission
/// `alexa::alerts:reminders:skill:readwrite`; without it (the API answers
/// 401) the call fails with
/// [`ErrorKind::PermissionDenied`](crate::ErrorKind::PermissionDenied).
///
/// ```
/// use std::time::Duration;
/// use alexa_kit::prelude::*;
/// use alexa_kit::services::ReminderRequest;
/// let skill = Skill::builder()
///     .intent("RemindMeIntent", async |cx: &mut Input| {
///         let tea = ReminderRequest::after(Duration::from_secs(300), cx.locale(), "Your tea is ready.");
///         let created = cx.services().reminders().create(&tea).await?;
///         let all = cx.services().reminders().list().await?;
///         Ok(cx.say(format!("{} reminder, {}", all.alerts.len(), created.status.unwrap_or_default())))
///     })
///     .build()?;
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let mut talk = alexa_kit::testing::Conversation::new(&skill).services(alexa_kit::local::StandIn::new());
/// talk.intent("RemindMeIntent").await?.assert_says("1 reminder, ON");
/// # Ok::<(), alexa_kit::Error>(())
/// # }).unwrap();
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Reminders<'a> {
    pub(super) api: Services<'a>,
}

impl Reminders<'_> {
    /// Creates a reminder; the answer carries its `alert_token`.
    pub async fn create(self, reminder: &ReminderRequest) -> Result<Reminder> {
        let body = serde_json::to_value(reminder)?;
        self.send(Method::POST, "/v1/alerts/reminders".to_owned(), Some(&body))
            .await
    }

    /// One reminder by its token (`None` if the API answers 204).
    pub async fn get(self, alert_token: &str) -> Result<Option<Reminder>> {
        self.api.get(path(alert_token), &[SCOPE]).await
    }

    /// Replaces a reminder.
    pub async fn update(self, alert_token: &str, reminder: &ReminderRequest) -> Result<Reminder> {
        let body = serde_json::to_value(reminder)?;
        self.send(Method::PUT, path(alert_token), Some(&body)).await
    }

    /// Deletes a reminder.
    pub async fn delete(self, alert_token: &str) -> Result<()> {
        self.api
            .send(Method::DELETE, path(alert_token), None, &[SCOPE])
            .await?;
        Ok(())
    }

    /// The skill's reminders for this user.
    pub async fn list(self) -> Result<ReminderList> {
        Ok(self
            .api
            .get("/v1/alerts/reminders".to_owned(), &[SCOPE])
            .await?
            .unwrap_or_default())
    }

    async fn send(self, method: Method, path: String, body: Option<&Value>) -> Result<Reminder> {
        self.api
            .send(method, path, body, &[SCOPE])
            .await?
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Service,
                    "the Reminders API answered without a reminder",
                )
            })?
            .json()
    }
}

fn path(alert_token: &str) -> String {
    format!("/v1/alerts/reminders/{}", encode_segment(alert_token))
}

/// A reminder to create or update.
///
/// ```
/// use std::time::Duration;
/// use alexa_kit::services::ReminderRequest;
/// let r = ReminderRequest::after(Duration::from_secs(60), "en-US", "Stretch!");
/// let json = serde_json::to_value(&r)?;
/// assert_eq!(json["trigger"]["type"], "SCHEDULED_RELATIVE");
/// assert_eq!(json["trigger"]["offsetInSeconds"], 60);
/// assert_eq!(json["alertInfo"]["spokenInfo"]["content"][0]["text"], "Stretch!");
/// assert_eq!(json["pushNotification"]["status"], "ENABLED");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderRequest {
    /// When the skill asked, ISO 8601 (`2026-11-29T21:00:00.000`).
    pub request_time: String,
    /// When the reminder goes off.
    pub trigger: Trigger,
    /// What Alexa says.
    pub alert_info: AlertInfo,
    /// Whether the Alexa app shows a notification.
    pub push_notification: PushNotification,
}

impl ReminderRequest {
    /// A reminder `after` from now that says `text` in `locale`.
    ///
    /// ```
    /// let r = alexa_kit::services::ReminderRequest::after(std::time::Duration::from_secs(90), "de-DE", "Tee!");
    /// assert_eq!(r.trigger.offset_in_seconds, Some(90));
    /// ```
    pub fn after(after: Duration, locale: &str, text: &str) -> Self {
        ReminderRequest::new(
            Trigger {
                kind: "SCHEDULED_RELATIVE".to_owned(),
                offset_in_seconds: Some(after.as_secs()),
                ..Trigger::default()
            },
            locale,
            text,
        )
    }

    /// A reminder at a local time (`2026-12-24T18:00:00`) in `time_zone`
    /// (the device's when `None`) that says `text` in `locale`.
    ///
    /// ```
    /// let r = alexa_kit::services::ReminderRequest::at("2026-12-24T18:00:00", Some("Europe/Berlin"), "de-DE", "Bescherung!");
    /// assert_eq!(r.trigger.kind, "SCHEDULED_ABSOLUTE");
    /// assert_eq!(r.trigger.time_zone_id.as_deref(), Some("Europe/Berlin"));
    /// ```
    pub fn at(local_time: &str, time_zone: Option<&str>, locale: &str, text: &str) -> Self {
        ReminderRequest::new(
            Trigger {
                kind: "SCHEDULED_ABSOLUTE".to_owned(),
                scheduled_time: Some(local_time.to_owned()),
                time_zone_id: time_zone.map(str::to_owned),
                ..Trigger::default()
            },
            locale,
            text,
        )
    }

    fn new(trigger: Trigger, locale: &str, text: &str) -> Self {
        ReminderRequest {
            request_time: iso8601(SystemTime::now()),
            trigger,
            alert_info: AlertInfo {
                spoken_info: SpokenInfo {
                    content: vec![SpokenText {
                        locale: locale.to_owned(),
                        text: text.to_owned(),
                        ssml: None,
                    }],
                },
            },
            push_notification: PushNotification {
                status: "ENABLED".to_owned(),
            },
        }
    }
}

/// When a reminder goes off.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Trigger {
    /// `SCHEDULED_ABSOLUTE` or `SCHEDULED_RELATIVE`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Local time of an absolute reminder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_time: Option<String>,
    /// Seconds from now of a relative reminder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset_in_seconds: Option<u64>,
    /// IANA time zone of an absolute reminder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone_id: Option<String>,
    /// Recurrence rules, as the API defines them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Value>,
}

/// What Alexa says when a reminder goes off.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AlertInfo {
    /// The spoken text per locale.
    #[serde(default)]
    pub spoken_info: SpokenInfo,
}

/// The spoken texts of a reminder.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SpokenInfo {
    /// One text per locale.
    #[serde(default)]
    pub content: Vec<SpokenText>,
}

/// A reminder's text in one locale.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SpokenText {
    /// The locale, e.g. `en-US`.
    #[serde(default)]
    pub locale: String,
    /// The text.
    #[serde(default)]
    pub text: String,
    /// SSML instead of the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ssml: Option<String>,
}

/// Whether the Alexa app shows a notification: `ENABLED` or `DISABLED`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PushNotification {
    /// `ENABLED` or `DISABLED`.
    #[serde(default)]
    pub status: String,
}

/// A reminder as the API returns it.
///
/// ```
/// let r: alexa_kit::services::Reminder = serde_json::from_str(
///     r#"{"alertToken":"a1","status":"ON","version":"1","href":"/v1/alerts/reminders/a1"}"#)?;
/// assert_eq!(r.alert_token.as_deref(), Some("a1"));
/// assert_eq!(r.other["href"], "/v1/alerts/reminders/a1");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// The reminder's id.
    pub alert_token: Option<String>,
    /// When it was created.
    pub created_time: Option<String>,
    /// When it was last changed.
    pub updated_time: Option<String>,
    /// `ON`, `COMPLETED`…
    pub status: Option<String>,
    /// The API's version counter.
    pub version: Option<String>,
    /// When it goes off.
    pub trigger: Option<Trigger>,
    /// What Alexa says.
    pub alert_info: Option<AlertInfo>,
    /// The notification setting.
    pub push_notification: Option<PushNotification>,
    /// Every other field, as sent.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The answer of [`Reminders::list`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderList {
    /// The reminders.
    #[serde(default)]
    pub alerts: Vec<Reminder>,
    /// How many there are, as the API sent it (a string or a number).
    pub total_count: Option<Value>,
}

/// `2026-11-29T21:00:00.000` (UTC) for `time`.
pub(crate) fn iso8601(time: SystemTime) -> String {
    let t = crate::slots::utc(time);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}",
        t.year, t.month, t.day, t.hour, t.minute, t.second, t.millis
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::UNIX_EPOCH;

    #[test]
    fn request_times_are_iso8601() {
        assert_eq!(iso8601(UNIX_EPOCH), "1970-01-01T00:00:00.000");
        let t = UNIX_EPOCH + Duration::from_millis(1_796_000_000_123);
        assert_eq!(iso8601(t), "2026-11-30T00:53:20.123");
        let leap = UNIX_EPOCH + Duration::from_secs(951_782_400); // 2000-02-29
        assert_eq!(iso8601(leap), "2000-02-29T00:00:00.000");
    }
}
