//! Small builders for the parts of directives that have many optional fields.

use serde_json::{Map, Value, json};

use crate::model::{AudioItem, AudioPlayerPlay, AudioStream, Directive, PlayBehavior};

/// An `AudioPlayer.Play` directive: stream URL, token, offset, queue behaviour
/// and the metadata screens show.
///
/// Pass it to [`ResponseBuilder::play`](super::ResponseBuilder::play); for the
/// common case there is [`ResponseBuilder::play_audio`](super::ResponseBuilder::play_audio).
///
/// ```
/// use alexa_kit::response::{AudioPlay, ResponseBuilder};
/// let r = ResponseBuilder::new()
///     .play(AudioPlay::new("https://x.test/2.mp3", "track-2")
///         .enqueue_after("track-1")
///         .title("Track 2", Some("The Band")))
///     .build()?;
/// let json = serde_json::to_value(&r)?;
/// assert_eq!(json["directives"][0]["playBehavior"], "ENQUEUE");
/// assert_eq!(json["directives"][0]["audioItem"]["stream"]["expectedPreviousToken"], "track-1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct AudioPlay {
    play: AudioPlayerPlay,
}

impl AudioPlay {
    /// Plays `url` (HTTPS) now, replacing everything (`REPLACE_ALL`), from the start.
    ///
    /// ```
    /// let p = alexa_kit::response::AudioPlay::new("https://x.test/a.mp3", "a");
    /// # let _ = p;
    /// ```
    pub fn new(url: impl Into<String>, token: impl Into<String>) -> Self {
        let play = AudioPlayerPlay {
            play_behavior: PlayBehavior::ReplaceAll,
            audio_item: AudioItem {
                stream: AudioStream {
                    url: url.into(),
                    token: token.into(),
                    ..AudioStream::default()
                },
                ..AudioItem::default()
            },
            ..AudioPlayerPlay::default()
        };
        AudioPlay { play }
    }

    /// Starts `ms` milliseconds into the stream (to resume after a pause).
    ///
    /// ```
    /// let p = alexa_kit::response::AudioPlay::new("https://x.test/a.mp3", "a").offset_ms(30_000);
    /// # let _ = p;
    /// ```
    pub fn offset_ms(mut self, ms: i64) -> Self {
        self.play.audio_item.stream.offset_in_milliseconds = ms;
        self
    }

    /// Queues the stream after the one playing now (`ENQUEUE`), whose token
    /// must be `expected_previous_token`.
    ///
    /// ```
    /// let p = alexa_kit::response::AudioPlay::new("https://x.test/b.mp3", "b").enqueue_after("a");
    /// # let _ = p;
    /// ```
    pub fn enqueue_after(mut self, expected_previous_token: impl Into<String>) -> Self {
        self.play.play_behavior = PlayBehavior::Enqueue;
        self.play.audio_item.stream.expected_previous_token = Some(expected_previous_token.into());
        self
    }

    /// Replaces the queue but lets the current stream finish (`REPLACE_ENQUEUED`).
    ///
    /// ```
    /// let p = alexa_kit::response::AudioPlay::new("https://x.test/b.mp3", "b").replace_enqueued();
    /// # let _ = p;
    /// ```
    pub fn replace_enqueued(mut self) -> Self {
        self.play.play_behavior = PlayBehavior::ReplaceEnqueued;
        self.play.audio_item.stream.expected_previous_token = None;
        self
    }

    /// Title and optional subtitle shown on screens.
    ///
    /// ```
    /// let p = alexa_kit::response::AudioPlay::new("https://x.test/b.mp3", "b").title("Song", None);
    /// # let _ = p;
    /// ```
    pub fn title(self, title: impl Into<String>, subtitle: Option<&str>) -> Self {
        let title = title.into();
        self.with_metadata(|meta| {
            meta.insert("title".into(), Value::String(title));
            if let Some(sub) = subtitle {
                meta.insert("subtitle".into(), Value::String(sub.to_owned()));
            }
        })
    }

    /// Album art: an image URL shown beside the title.
    ///
    /// ```
    /// let p = alexa_kit::response::AudioPlay::new("https://x.test/b.mp3", "b").art("https://x.test/art.png");
    /// # let _ = p;
    /// ```
    pub fn art(self, url: impl Into<String>) -> Self {
        let image = image(url.into());
        self.with_metadata(|meta| {
            meta.insert("art".into(), image);
        })
    }

    /// The background image.
    ///
    /// ```
    /// let p = alexa_kit::response::AudioPlay::new("https://x.test/b.mp3", "b")
    ///     .background_image("https://x.test/bg.png");
    /// # let _ = p;
    /// ```
    pub fn background_image(self, url: impl Into<String>) -> Self {
        let image = image(url.into());
        self.with_metadata(|meta| {
            meta.insert("backgroundImage".into(), image);
        })
    }

    /// Replaces the whole `metadata` object (for fields the helpers above lack).
    ///
    /// ```
    /// let p = alexa_kit::response::AudioPlay::new("https://x.test/b.mp3", "b")
    ///     .metadata(serde_json::json!({"title": "Song"}));
    /// # let _ = p;
    /// ```
    pub fn metadata(mut self, metadata: Value) -> Self {
        self.play.audio_item.metadata = Some(metadata);
        self
    }

    fn with_metadata(mut self, f: impl FnOnce(&mut Map<String, Value>)) -> Self {
        let mut map = match self.play.audio_item.metadata.take() {
            Some(Value::Object(map)) => map,
            _ => Map::new(),
        };
        f(&mut map);
        self.play.audio_item.metadata = Some(Value::Object(map));
        self
    }
}

fn image(url: String) -> Value {
    json!({ "sources": [{ "url": url }] })
}

impl From<AudioPlay> for Directive {
    fn from(play: AudioPlay) -> Directive {
        Directive::AudioPlayerPlay(play.play)
    }
}

impl From<AudioPlay> for AudioPlayerPlay {
    fn from(play: AudioPlay) -> AudioPlayerPlay {
        play.play
    }
}

/// A slot type and its values for `Dialog.UpdateDynamicEntities`.
///
/// ```
/// use alexa_kit::response::{EntityType, ResponseBuilder};
/// let airports = EntityType::new("AirportSlotType")
///     .value("LGA", "LaGuardia Airport", ["New York"]);
/// let r = ResponseBuilder::new().update_dynamic_entities([airports]).build()?;
/// let json = serde_json::to_value(&r)?;
/// assert_eq!(json["directives"][0]["types"][0]["values"][0]["name"]["synonyms"][0], "New York");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct EntityType {
    name: String,
    values: Vec<Value>,
}

impl EntityType {
    /// A slot type with no values yet, e.g. `"AirportSlotType"`.
    ///
    /// ```
    /// let t = alexa_kit::response::EntityType::new("DrinkType");
    /// # let _ = t;
    /// ```
    pub fn new(name: impl Into<String>) -> Self {
        EntityType {
            name: name.into(),
            values: Vec::new(),
        }
    }

    /// Adds a value with its id, its canonical name and synonyms.
    ///
    /// ```
    /// let t = alexa_kit::response::EntityType::new("DrinkType")
    ///     .value("TEA", "tea", ["chai", "cuppa"])
    ///     .value("COFFEE", "coffee", [] as [&str; 0]);
    /// # let _ = t;
    /// ```
    pub fn value<S: Into<String>>(
        mut self,
        id: impl Into<String>,
        name: impl Into<String>,
        synonyms: impl IntoIterator<Item = S>,
    ) -> Self {
        let synonyms: Vec<Value> = synonyms
            .into_iter()
            .map(|s| Value::String(s.into()))
            .collect();
        let mut name_obj = Map::new();
        name_obj.insert("value".into(), Value::String(name.into()));
        if !synonyms.is_empty() {
            name_obj.insert("synonyms".into(), Value::Array(synonyms));
        }
        self.values
            .push(json!({ "id": id.into(), "name": Value::Object(name_obj) }));
        self
    }
}

impl From<EntityType> for Value {
    fn from(t: EntityType) -> Value {
        json!({ "name": t.name, "values": t.values })
    }
}

/// What happens after a `Connections.StartConnection` task: `onCompletion`.
///
/// ```
/// assert_eq!(alexa_kit::response::OnCompletion::ResumeSession.as_str(), "RESUME_SESSION");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum OnCompletion {
    /// Come back to this skill with a `SessionResumedRequest` (the default).
    #[default]
    ResumeSession,
    /// Come back only if the task failed.
    SendErrorsOnly,
}

impl OnCompletion {
    /// The wire value.
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::OnCompletion::SendErrorsOnly.as_str(), "SEND_ERRORS_ONLY");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            OnCompletion::ResumeSession => "RESUME_SESSION",
            OnCompletion::SendErrorsOnly => "SEND_ERRORS_ONLY",
        }
    }
}
