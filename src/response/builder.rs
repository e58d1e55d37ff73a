//! The response builder.

use serde_json::{Value, json};

use super::limits::{self, keeps_session_open};
use super::parts::{AudioPlay, EntityType, OnCompletion};
use super::ssml::wrap_speak;
use crate::Result;
use crate::model::{
    AplExecuteCommands, AplRenderDocument, AudioPlayerClearQueue, CanFulfill, CanFulfillIntent,
    CanFulfillSlot, Card, CardImage, ConnectionsSendRequest, ConnectionsStartConnection,
    DialogConfirmIntent, DialogConfirmSlot, DialogDelegate, DialogDelegateRequest,
    DialogElicitSlot, DialogUpdateDynamicEntities, Directive, Intent, OutputSpeech, PlayBehavior,
    Reprompt, Response, ShouldEndSession, VideoAppLaunch,
};

/// Builds a [`Response`]: speech, reprompt, cards, directives and session end.
///
/// Text given to [`speak`](Self::speak) and [`reprompt`](Self::reprompt) is
/// SSML markup (trusted text written by the skill author); wrap user data in
/// [`ssml::escape`](super::ssml::escape) first, or build the markup with
/// [`Ssml`](super::ssml::Ssml). [`build`](Self::build) checks what Alexa
/// would reject and returns a typed error.
///
/// # Session rules
///
/// `shouldEndSession` has three states ([`ShouldEndSession`]); the builder
/// starts with it absent and follows Alexa's rules:
///
/// * [`reprompt`](Self::reprompt) keeps the session open (a reprompt needs an open session).
/// * The dialog directives ([`delegate_dialog`](Self::delegate_dialog),
///   [`elicit_slot`](Self::elicit_slot), [`confirm_slot`](Self::confirm_slot),
///   [`confirm_intent`](Self::confirm_intent), [`delegate_request`](Self::delegate_request))
///   keep the session open; combined with [`end_session`](Self::end_session),
///   in either order, `build()` fails.
/// * A response with `VideoApp.Launch` never carries `shouldEndSession`:
///   `build()` removes it, whatever was set (as the Node.js SDK does).
/// * `Connections.SendRequest` for in-skill purchasing ([`buy`](Self::buy),
///   [`upsell`](Self::upsell), [`cancel_purchase`](Self::cancel_purchase)) hands
///   the user to Amazon's purchase flow: Alexa ends the session whatever the
///   field says, and the result comes back as a `Connections.Response` request.
///
/// ```
/// use alexa_kit::response::ResponseBuilder;
/// let response = ResponseBuilder::new()
///     .speak("Hello <break time=\"1s\"/> world")
///     .reprompt("Still there?")
///     .build()?;
/// assert_eq!(response.output_speech.unwrap().text(), "<speak>Hello <break time=\"1s\"/> world</speak>");
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use = "a ResponseBuilder does nothing until it is returned or built"]
pub struct ResponseBuilder {
    /// Boxed: a builder passes through several async functions by value
    /// between the handler and the JSON, and a pointer moves for free.
    response: Box<Response>,
    play_behavior: Option<PlayBehavior>,
}

impl ResponseBuilder {
    /// An empty response (no speech, `shouldEndSession` absent).
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().build()?;
    /// assert!(r.output_speech.is_none());
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    // ----- speech -------------------------------------------------------

    /// Sets the speech: SSML markup, wrapped in `<speak>` if it is not already.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().speak("Hi").build()?;
    /// assert_eq!(r.output_speech.unwrap().text(), "<speak>Hi</speak>");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn speak(mut self, ssml: impl Into<String>) -> Self {
        self.response.output_speech = Some(self.with_behavior(OutputSpeech::Ssml {
            ssml: wrap_speak(ssml.into()),
            play_behavior: None,
        }));
        self
    }

    /// Sets the speech as plain text (`type: PlainText`): no markup, no escaping needed.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().speak_text("Fish & Chips").build()?;
    /// assert_eq!(serde_json::to_value(&r)?["outputSpeech"],
    ///     serde_json::json!({"type": "PlainText", "text": "Fish & Chips"}));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn speak_text(mut self, text: impl Into<String>) -> Self {
        self.response.output_speech = Some(self.with_behavior(OutputSpeech::PlainText {
            text: text.into(),
            play_behavior: None,
        }));
        self
    }

    /// How the speech relates to what the device is already saying (`playBehavior`).
    ///
    /// Applies to the speech set before or after this call.
    ///
    /// ```
    /// use alexa_kit::model::PlayBehavior;
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .play_behavior(PlayBehavior::Enqueue)
    ///     .speak("And one more thing")
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["outputSpeech"]["playBehavior"], "ENQUEUE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn play_behavior(mut self, behavior: PlayBehavior) -> Self {
        self.play_behavior = Some(behavior);
        if let Some(speech) = self.response.output_speech.take() {
            self.response.output_speech = Some(self.with_behavior(speech));
        }
        self
    }

    fn with_behavior(&self, mut speech: OutputSpeech) -> OutputSpeech {
        if let Some(b) = self.play_behavior {
            match &mut speech {
                OutputSpeech::PlainText { play_behavior, .. }
                | OutputSpeech::Ssml { play_behavior, .. } => *play_behavior = Some(b),
            }
        }
        speech
    }

    /// Sets the reprompt (SSML) and keeps the session open (Alexa needs an open session to reprompt).
    ///
    /// ```
    /// use alexa_kit::model::ShouldEndSession;
    /// let r = alexa_kit::response::ResponseBuilder::new().speak("Hi").reprompt("Hello?").build()?;
    /// assert_eq!(r.should_end_session, ShouldEndSession::KeepOpen);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn reprompt(self, ssml: impl Into<String>) -> Self {
        self.set_reprompt(OutputSpeech::ssml(wrap_speak(ssml.into())))
    }

    /// Sets a plain-text reprompt and keeps the session open.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().reprompt_text("Hello?").build()?;
    /// assert_eq!(r.reprompt.unwrap().output_speech.unwrap().text(), "Hello?");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn reprompt_text(self, text: impl Into<String>) -> Self {
        self.set_reprompt(OutputSpeech::plain(text))
    }

    fn set_reprompt(mut self, speech: OutputSpeech) -> Self {
        match &mut self.response.reprompt {
            Some(reprompt) => reprompt.output_speech = Some(speech),
            None => self.response.reprompt = Some(Reprompt::new(speech)),
        }
        self.response.should_end_session = ShouldEndSession::KeepOpen;
        self
    }

    /// Adds a directive to the reprompt (for APL for Audio reprompts).
    ///
    /// ```
    /// let apla = serde_json::json!({"type": "Alexa.Presentation.APLA.RenderDocument", "token": "r"});
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .add_directive_to_reprompt(alexa_kit::model::Directive::Raw(apla))
    ///     .build()?;
    /// assert_eq!(r.reprompt.unwrap().directives.len(), 1);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn add_directive_to_reprompt(mut self, directive: impl Into<Directive>) -> Self {
        self.response
            .reprompt
            .get_or_insert_with(Reprompt::default)
            .directives
            .push(directive.into());
        self
    }

    // ----- session ------------------------------------------------------

    /// Ends the session after this response (`shouldEndSession: true`).
    ///
    /// ```
    /// use alexa_kit::model::ShouldEndSession;
    /// let r = alexa_kit::response::ResponseBuilder::new().end_session().build()?;
    /// assert_eq!(r.should_end_session, ShouldEndSession::End);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn end_session(self) -> Self {
        self.should_end_session(ShouldEndSession::End)
    }

    /// Keeps the session open and the microphone on (`shouldEndSession: false`).
    ///
    /// ```
    /// use alexa_kit::model::ShouldEndSession;
    /// let r = alexa_kit::response::ResponseBuilder::new().keep_session_open().build()?;
    /// assert_eq!(r.should_end_session, ShouldEndSession::KeepOpen);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn keep_session_open(self) -> Self {
        self.should_end_session(ShouldEndSession::KeepOpen)
    }

    /// Sets `shouldEndSession` to any of its three states; `Unset` leaves the
    /// key out (on screen devices the session stays open without listening).
    ///
    /// ```
    /// use alexa_kit::model::ShouldEndSession;
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .reprompt("Hm?")
    ///     .should_end_session(ShouldEndSession::Unset)
    ///     .build()?;
    /// assert!(!serde_json::to_string(&r)?.contains("shouldEndSession"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn should_end_session(mut self, state: ShouldEndSession) -> Self {
        self.response.should_end_session = state;
        self
    }

    // ----- cards --------------------------------------------------------

    /// Shows a `Simple` card in the Alexa app: a title and plain text
    /// (line breaks with `\n`).
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().simple_card("Horoscope", "A good day.").build()?;
    /// assert_eq!(serde_json::to_value(&r)?["card"],
    ///     serde_json::json!({"type": "Simple", "title": "Horoscope", "content": "A good day."}));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn simple_card(self, title: impl Into<String>, content: impl Into<String>) -> Self {
        self.card(Card::Simple {
            title: Some(title.into()),
            content: Some(content.into()),
        })
    }

    /// Shows a `Standard` card: a title and text, without an image.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().standard_card("Title", "Text").build()?;
    /// assert_eq!(serde_json::to_value(&r)?["card"]["text"], "Text");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn standard_card(self, title: impl Into<String>, text: impl Into<String>) -> Self {
        self.card(Card::Standard {
            title: Some(title.into()),
            text: Some(text.into()),
            image: None,
        })
    }

    /// Shows a `Standard` card with an image, as HTTPS URLs of a small
    /// (about 720×480) and a large (about 1200×800) version.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .standard_card_with_image("Title", "Text", "https://x.test/s.png", "https://x.test/l.png")
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["card"]["image"]["largeImageUrl"], "https://x.test/l.png");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn standard_card_with_image(
        self,
        title: impl Into<String>,
        text: impl Into<String>,
        small_image_url: impl Into<String>,
        large_image_url: impl Into<String>,
    ) -> Self {
        let image = CardImage {
            small_image_url: Some(small_image_url.into()),
            large_image_url: Some(large_image_url.into()),
            ..CardImage::default()
        };
        self.card(Card::Standard {
            title: Some(title.into()),
            text: Some(text.into()),
            image: Some(image),
        })
    }

    /// Asks the user, in the Alexa app, to link their account (`LinkAccount` card).
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().link_account_card().build()?;
    /// assert_eq!(serde_json::to_value(&r)?["card"], serde_json::json!({"type": "LinkAccount"}));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn link_account_card(self) -> Self {
        self.card(Card::LinkAccount)
    }

    /// Asks the user, in the Alexa app, to grant permissions (`AskForPermissionsConsent` card).
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .ask_for_permissions_consent_card(["read::alexa:device:all:address"])
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["card"]["permissions"][0], "read::alexa:device:all:address");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ask_for_permissions_consent_card<S: Into<String>>(
        self,
        permissions: impl IntoIterator<Item = S>,
    ) -> Self {
        self.card(Card::AskForPermissionsConsent {
            permissions: permissions.into_iter().map(Into::into).collect(),
        })
    }

    /// Sets any card.
    ///
    /// ```
    /// use alexa_kit::model::Card;
    /// let r = alexa_kit::response::ResponseBuilder::new().card(Card::LinkAccount).build()?;
    /// assert_eq!(r.card, Some(Card::LinkAccount));
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn card(mut self, card: Card) -> Self {
        self.response.card = Some(card);
        self
    }

    // ----- directives: the escape hatches ---------------------------------

    /// Adds any directive, applying the [session rules](Self#session-rules).
    ///
    /// ```
    /// use alexa_kit::model::{Directive, ShouldEndSession};
    /// let d: Directive = serde_json::from_str(r#"{"type":"Dialog.Delegate"}"#)?;
    /// let r = alexa_kit::response::ResponseBuilder::new().add_directive(d).build()?;
    /// assert_eq!(r.should_end_session, ShouldEndSession::KeepOpen);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_directive(mut self, directive: impl Into<Directive>) -> Self {
        let directive = directive.into();
        if keeps_session_open(&directive)
            && self.response.should_end_session == ShouldEndSession::Unset
        {
            self.response.should_end_session = ShouldEndSession::KeepOpen;
        }
        self.response.directives.push(directive);
        self
    }

    /// Adds a directive alexa-kit does not model, serialized exactly as given
    /// (it should have a `type`). The session rules apply to its `type` too.
    ///
    /// ```
    /// let light = serde_json::json!({"type": "GadgetController.SetLight", "version": 1});
    /// let r = alexa_kit::response::ResponseBuilder::new().add_raw_directive(light.clone()).build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0], light);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_raw_directive(self, directive: Value) -> Self {
        self.add_directive(Directive::Raw(directive))
    }

    // ----- Dialog ---------------------------------------------------------

    /// `Dialog.Delegate`: lets Alexa ask for the next slot using the dialog model.
    /// Send no speech with it. Keeps the session open.
    ///
    /// ```
    /// use alexa_kit::model::Intent;
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .delegate_dialog(Intent::new("OrderIntent").with_slot("drink", "tea"))
    ///     .build()?;
    /// assert_eq!(r.directives[0].type_name(), "Dialog.Delegate");
    /// let r = alexa_kit::response::ResponseBuilder::new().delegate_dialog(None).build()?;
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn delegate_dialog(self, updated_intent: impl Into<Option<Intent>>) -> Self {
        let d = DialogDelegate {
            updated_intent: updated(updated_intent),
            ..DialogDelegate::default()
        };
        self.add_directive(Directive::DialogDelegate(d))
    }

    /// `Dialog.ElicitSlot`: asks the user for `slot`; [`speak`](Self::speak) the question.
    /// Keeps the session open.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .speak("Which city?")
    ///     .elicit_slot("city", None)
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["slotToElicit"], "city");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn elicit_slot(
        self,
        slot: impl Into<String>,
        updated_intent: impl Into<Option<Intent>>,
    ) -> Self {
        let d = DialogElicitSlot {
            slot_to_elicit: slot.into(),
            updated_intent: updated(updated_intent),
            ..DialogElicitSlot::default()
        };
        self.add_directive(Directive::DialogElicitSlot(d))
    }

    /// `Dialog.ConfirmSlot`: asks the user to confirm `slot`; [`speak`](Self::speak) the question.
    /// Keeps the session open.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .speak("Tuesday, right?")
    ///     .confirm_slot("date", None)
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["slotToConfirm"], "date");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn confirm_slot(
        self,
        slot: impl Into<String>,
        updated_intent: impl Into<Option<Intent>>,
    ) -> Self {
        let d = DialogConfirmSlot {
            slot_to_confirm: slot.into(),
            updated_intent: updated(updated_intent),
            ..DialogConfirmSlot::default()
        };
        self.add_directive(Directive::DialogConfirmSlot(d))
    }

    /// `Dialog.ConfirmIntent`: asks the user to confirm the whole request;
    /// [`speak`](Self::speak) the question. Keeps the session open.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .speak("Order tea, right?")
    ///     .confirm_intent(None)
    ///     .build()?;
    /// assert_eq!(r.directives[0].type_name(), "Dialog.ConfirmIntent");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn confirm_intent(self, updated_intent: impl Into<Option<Intent>>) -> Self {
        let d = DialogConfirmIntent {
            updated_intent: updated(updated_intent),
            ..DialogConfirmIntent::default()
        };
        self.add_directive(Directive::DialogConfirmIntent(d))
    }

    /// `Dialog.UpdateDynamicEntities` with `REPLACE`: slot values for this session only.
    ///
    /// ```
    /// use alexa_kit::response::{EntityType, ResponseBuilder};
    /// let r = ResponseBuilder::new()
    ///     .update_dynamic_entities([EntityType::new("DrinkType").value("TEA", "tea", ["chai"])])
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["updateBehavior"], "REPLACE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn update_dynamic_entities(self, types: impl IntoIterator<Item = EntityType>) -> Self {
        let d = DialogUpdateDynamicEntities {
            update_behavior: "REPLACE".to_owned(),
            types: types.into_iter().map(Value::from).collect(),
            ..DialogUpdateDynamicEntities::default()
        };
        self.add_directive(Directive::DialogUpdateDynamicEntities(d))
    }

    /// `Dialog.UpdateDynamicEntities` with `CLEAR`: forgets this session's dynamic entities.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().clear_dynamic_entities().build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0],
    ///     serde_json::json!({"type": "Dialog.UpdateDynamicEntities", "updateBehavior": "CLEAR"}));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clear_dynamic_entities(self) -> Self {
        let d = DialogUpdateDynamicEntities {
            update_behavior: "CLEAR".to_owned(),
            ..DialogUpdateDynamicEntities::default()
        };
        self.add_directive(Directive::DialogUpdateDynamicEntities(d))
    }

    /// `Dialog.DelegateRequest`: hands the conversation to `target`
    /// (`"AMAZON.Conversations"` or `"skill"`) until `until` (`"EXPLICIT_RETURN"`
    /// or `"NEXT_TURN"`), optionally with the request to continue with.
    /// Keeps the session open.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .delegate_request("AMAZON.Conversations", "EXPLICIT_RETURN", None)
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["period"]["until"], "EXPLICIT_RETURN");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn delegate_request(
        self,
        target: impl Into<String>,
        until: &str,
        updated_request: Option<Value>,
    ) -> Self {
        let d = DialogDelegateRequest {
            target: target.into(),
            period: Some(json!({ "until": until })),
            updated_request,
            ..DialogDelegateRequest::default()
        };
        self.add_directive(Directive::DialogDelegateRequest(d))
    }

    /// Hands control from Alexa Conversations back to the skill's own
    /// `intent` (`Dialog.DelegateRequest` to `skill`, `EXPLICIT_RETURN`).
    ///
    /// ```
    /// use alexa_kit::model::Intent;
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .delegate_to_skill(Intent::new("OrderIntent"))
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["updatedRequest"]["intent"]["name"], "OrderIntent");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn delegate_to_skill(self, intent: Intent) -> Self {
        let request = match updated(intent).map(serde_json::to_value) {
            Some(Ok(intent)) => Some(json!({ "type": "IntentRequest", "intent": intent })),
            _ => None,
        };
        self.delegate_request("skill", "EXPLICIT_RETURN", request)
    }

    // ----- AudioPlayer and VideoApp ---------------------------------------

    /// `AudioPlayer.Play`: plays (or queues) a stream, configured with [`AudioPlay`].
    ///
    /// ```
    /// use alexa_kit::response::{AudioPlay, ResponseBuilder};
    /// let r = ResponseBuilder::new()
    ///     .play(AudioPlay::new("https://x.test/a.mp3", "ep-1").offset_ms(42_000))
    ///     .end_session()
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["audioItem"]["stream"]["offsetInMilliseconds"], 42_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn play(self, audio: AudioPlay) -> Self {
        self.add_directive(audio)
    }

    /// `AudioPlayer.Play` of `url` from the start, replacing everything (`REPLACE_ALL`).
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .play_audio("https://x.test/a.mp3", "ep-1")
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["playBehavior"], "REPLACE_ALL");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn play_audio(self, url: impl Into<String>, token: impl Into<String>) -> Self {
        self.play(AudioPlay::new(url, token))
    }

    /// `AudioPlayer.Stop`.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().stop_audio().build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0], serde_json::json!({"type": "AudioPlayer.Stop"}));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn stop_audio(self) -> Self {
        self.add_directive(Directive::AudioPlayerStop)
    }

    /// `AudioPlayer.ClearQueue` with `CLEAR_ALL`: clears the queue and stops playback.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().clear_audio_queue().build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["clearBehavior"], "CLEAR_ALL");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clear_audio_queue(self) -> Self {
        self.clear_queue("CLEAR_ALL")
    }

    /// `AudioPlayer.ClearQueue` with `CLEAR_ENQUEUED`: clears the queue, the
    /// current stream plays on.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().clear_enqueued_audio().build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["clearBehavior"], "CLEAR_ENQUEUED");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn clear_enqueued_audio(self) -> Self {
        self.clear_queue("CLEAR_ENQUEUED")
    }

    fn clear_queue(self, behavior: &str) -> Self {
        let d = AudioPlayerClearQueue {
            clear_behavior: behavior.to_owned(),
            ..AudioPlayerClearQueue::default()
        };
        self.add_directive(Directive::AudioPlayerClearQueue(d))
    }

    /// `VideoApp.Launch`: plays a video (HTTPS) on a screen device. The
    /// response will have no `shouldEndSession` (see the [session rules](Self#session-rules)).
    ///
    /// ```
    /// use alexa_kit::model::ShouldEndSession;
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .launch_video("https://x.test/v.mp4")
    ///     .end_session()
    ///     .build()?;
    /// assert_eq!(r.should_end_session, ShouldEndSession::Unset);
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn launch_video(self, source: impl Into<String>) -> Self {
        let mut d = VideoAppLaunch::default();
        d.video_item.source = source.into();
        self.add_directive(Directive::VideoAppLaunch(d))
    }

    /// `VideoApp.Launch` with a title and an optional subtitle.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .launch_video_titled("https://x.test/v.mp4", "Episode 1", Some("Pilot"))
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["videoItem"]["metadata"]["subtitle"], "Pilot");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn launch_video_titled(
        self,
        source: impl Into<String>,
        title: impl Into<String>,
        subtitle: Option<&str>,
    ) -> Self {
        let mut d = VideoAppLaunch::default();
        d.video_item.source = source.into();
        let mut meta = serde_json::Map::new();
        meta.insert("title".into(), Value::String(title.into()));
        if let Some(sub) = subtitle {
            meta.insert("subtitle".into(), Value::String(sub.to_owned()));
        }
        d.video_item.metadata = Some(Value::Object(meta));
        self.add_directive(Directive::VideoAppLaunch(d))
    }

    // ----- APL ------------------------------------------------------------

    /// `Alexa.Presentation.APL.RenderDocument`: shows an APL document (or a
    /// `{"type": "Link", "src": "doc://alexa/apl/documents/<name>"}`). Check
    /// that the device supports APL first.
    ///
    /// ```
    /// let doc = serde_json::json!({"type": "APL", "version": "2023.2", "mainTemplate": {"items": []}});
    /// let r = alexa_kit::response::ResponseBuilder::new().render_apl("main", doc).build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["token"], "main");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render_apl(self, token: impl Into<String>, document: Value) -> Self {
        let d = AplRenderDocument {
            token: token.into(),
            document,
            ..AplRenderDocument::default()
        };
        self.add_directive(Directive::AplRenderDocument(d))
    }

    /// `Alexa.Presentation.APL.RenderDocument` with data sources.
    ///
    /// ```
    /// let doc = serde_json::json!({"type": "APL", "version": "2023.2"});
    /// let data = serde_json::json!({"templateData": {"title": "Hi"}});
    /// let r = alexa_kit::response::ResponseBuilder::new().render_apl_with_data("main", doc, data).build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["datasources"]["templateData"]["title"], "Hi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render_apl_with_data(
        self,
        token: impl Into<String>,
        document: Value,
        datasources: Value,
    ) -> Self {
        let d = AplRenderDocument {
            token: token.into(),
            document,
            datasources: Some(datasources),
            ..AplRenderDocument::default()
        };
        self.add_directive(Directive::AplRenderDocument(d))
    }

    /// `Alexa.Presentation.APL.ExecuteCommands` on the document rendered with `token`.
    ///
    /// ```
    /// let cmds = serde_json::json!([{"type": "SpeakItem", "componentId": "t"}]);
    /// let r = alexa_kit::response::ResponseBuilder::new().execute_apl_commands("main", cmds).build()?;
    /// assert_eq!(r.directives[0].type_name(), "Alexa.Presentation.APL.ExecuteCommands");
    /// # Ok::<(), alexa_kit::Error>(())
    /// ```
    pub fn execute_apl_commands(self, token: impl Into<String>, commands: Value) -> Self {
        let d = AplExecuteCommands {
            token: token.into(),
            commands,
            ..AplExecuteCommands::default()
        };
        self.add_directive(Directive::AplExecuteCommands(d))
    }

    // ----- Connections ----------------------------------------------------

    /// `Connections.SendRequest` with any `name` and `payload`; `token` comes
    /// back in the `Connections.Response` request.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .send_request("Buy", serde_json::json!({"InSkillProduct": {"productId": "p"}}), "t")
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["name"], "Buy");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn send_request(
        self,
        name: impl Into<String>,
        payload: Value,
        token: impl Into<String>,
    ) -> Self {
        let d = ConnectionsSendRequest {
            name: name.into(),
            payload,
            token: token.into(),
            ..ConnectionsSendRequest::default()
        };
        self.add_directive(Directive::ConnectionsSendRequest(d))
    }

    /// Starts Amazon's purchase flow for an in-skill product (`Buy`).
    /// Alexa ends the session; speak nothing yourself.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().buy("amzn1.adg.product.x", "buy-x").build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["payload"]["InSkillProduct"]["productId"],
    ///     "amzn1.adg.product.x");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn buy(self, product_id: impl Into<String>, token: impl Into<String>) -> Self {
        let payload = json!({ "InSkillProduct": { "productId": product_id.into() } });
        self.send_request("Buy", payload, token)
    }

    /// Offers an in-skill product with your `message` first (`Upsell`).
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .upsell("amzn1.adg.product.x", "Want the expansion pack?", "up-x")
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["payload"]["upsellMessage"],
    ///     "Want the expansion pack?");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn upsell(
        self,
        product_id: impl Into<String>,
        message: impl Into<String>,
        token: impl Into<String>,
    ) -> Self {
        let payload = json!({
            "InSkillProduct": { "productId": product_id.into() },
            "upsellMessage": message.into(),
        });
        self.send_request("Upsell", payload, token)
    }

    /// Starts Amazon's cancellation or refund flow for a product (`Cancel`).
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().cancel_purchase("amzn1.adg.product.x", "c").build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["name"], "Cancel");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cancel_purchase(self, product_id: impl Into<String>, token: impl Into<String>) -> Self {
        let payload = json!({ "InSkillProduct": { "productId": product_id.into() } });
        self.send_request("Cancel", payload, token)
    }

    /// Asks the user by voice to grant a permission (`AskFor`), e.g.
    /// `"alexa::alerts:reminders:skill:readwrite"`.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .ask_for_permission("alexa::alerts:reminders:skill:readwrite", "")
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["payload"]["@type"],
    ///     "AskForPermissionsConsentRequest");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ask_for_permission(self, scope: impl Into<String>, token: impl Into<String>) -> Self {
        let payload = json!({
            "@type": "AskForPermissionsConsentRequest",
            "@version": "1",
            "permissionScope": scope.into(),
        });
        self.send_request("AskFor", payload, token)
    }

    /// `Connections.StartConnection`: starts a task such as
    /// `connection://AMAZON.PrintPDF/1` with its `input`.
    ///
    /// ```
    /// use alexa_kit::response::{OnCompletion, ResponseBuilder};
    /// let r = ResponseBuilder::new()
    ///     .start_connection("connection://AMAZON.PrintPDF/1",
    ///         Some(serde_json::json!({"title": "Recipe", "url": "https://x.test/r.pdf"})),
    ///         OnCompletion::ResumeSession, "print")
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["directives"][0]["onCompletion"], "RESUME_SESSION");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start_connection(
        self,
        uri: impl Into<String>,
        input: Option<Value>,
        on_completion: OnCompletion,
        token: impl Into<String>,
    ) -> Self {
        let d = ConnectionsStartConnection {
            uri: uri.into(),
            input,
            on_completion: Some(on_completion.as_str().to_owned()),
            token: Some(token.into()),
            ..ConnectionsStartConnection::default()
        };
        self.add_directive(Directive::ConnectionsStartConnection(d))
    }

    // ----- other answers --------------------------------------------------

    /// The answer to a `CanFulfillIntentRequest`.
    ///
    /// ```
    /// use alexa_kit::model::{CanFulfill, CanFulfillIntent};
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .can_fulfill_intent(CanFulfillIntent::new(CanFulfill::Yes))
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["canFulfillIntent"]["canFulfill"], "YES");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn can_fulfill_intent(mut self, answer: CanFulfillIntent) -> Self {
        self.response.can_fulfill_intent = Some(answer);
        self
    }

    /// Answers a `CanFulfillIntentRequest`: whether the skill can fulfil the
    /// intent (keeps per-slot answers given before).
    ///
    /// ```
    /// use alexa_kit::model::CanFulfill;
    /// let r = alexa_kit::response::ResponseBuilder::new().can_fulfill(CanFulfill::Maybe).build()?;
    /// assert_eq!(serde_json::to_value(&r)?["canFulfillIntent"]["canFulfill"], "MAYBE");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn can_fulfill(mut self, answer: CanFulfill) -> Self {
        match &mut self.response.can_fulfill_intent {
            Some(c) => c.can_fulfill = answer,
            None => self.response.can_fulfill_intent = Some(CanFulfillIntent::new(answer)),
        }
        self
    }

    /// Adds a per-slot answer to a `CanFulfillIntentRequest`: whether the skill
    /// understands the slot's value and can act on it. Without a
    /// [`can_fulfill`](Self::can_fulfill) call the intent answer is `NO`.
    ///
    /// ```
    /// use alexa_kit::model::CanFulfill;
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .can_fulfill(CanFulfill::Yes)
    ///     .can_fulfill_slot("city", CanFulfill::Yes, CanFulfill::Yes)
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["canFulfillIntent"]["slots"]["city"]["canUnderstand"], "YES");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn can_fulfill_slot(
        mut self,
        slot: impl Into<String>,
        can_understand: CanFulfill,
        can_fulfill: CanFulfill,
    ) -> Self {
        let answer = CanFulfillSlot {
            can_understand,
            can_fulfill: Some(can_fulfill),
        };
        self.response
            .can_fulfill_intent
            .get_or_insert_with(|| CanFulfillIntent::new(CanFulfill::No))
            .slots
            .insert(slot.into(), answer);
        self
    }

    /// The answer to a `Dialog.API.Invoked` request (Alexa Conversations).
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new()
    ///     .api_response(serde_json::json!({"orderStatus": "submitted"}))
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&r)?["apiResponse"]["orderStatus"], "submitted");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn api_response(mut self, value: Value) -> Self {
        self.response.api_response = Some(value);
        self
    }

    /// Records that this response triggered an A/B experiment.
    ///
    /// ```
    /// let r = alexa_kit::response::ResponseBuilder::new().trigger_experiment("exp-1").build()?;
    /// assert_eq!(serde_json::to_value(&r)?["experimentation"]["triggeredExperiments"][0], "exp-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn trigger_experiment(mut self, experiment_id: impl Into<String>) -> Self {
        let id = Value::String(experiment_id.into());
        let exp = self
            .response
            .experimentation
            .take()
            .and_then(|v| match v {
                Value::Object(map) => Some(map),
                _ => None,
            })
            .unwrap_or_default();
        let mut exp = exp;
        match exp.get_mut("triggeredExperiments") {
            Some(Value::Array(list)) => list.push(id),
            _ => {
                exp.insert("triggeredExperiments".into(), Value::Array(vec![id]));
            }
        }
        self.response.experimentation = Some(Value::Object(exp));
        self
    }

    // ----- result ---------------------------------------------------------

    /// The response as built so far, unchecked.
    ///
    /// ```
    /// let b = alexa_kit::response::ResponseBuilder::new().speak("Hi");
    /// assert!(b.response().output_speech.is_some());
    /// ```
    pub fn response(&self) -> &Response {
        &self.response
    }

    /// Applies the [session rules](Self#session-rules), checks the response
    /// against Alexa's limits (see the [module docs](super#limits)) and returns it.
    ///
    /// Cheap enough for every request: one linear pass over the speech, no
    /// allocation beyond a small tag stack.
    ///
    /// ```
    /// let long = "a".repeat(9000);
    /// let err = alexa_kit::response::ResponseBuilder::new().speak(long).build().unwrap_err();
    /// assert_eq!(err.kind(), alexa_kit::ErrorKind::InvalidResponse);
    /// ```
    pub fn build(self) -> Result<Response> {
        self.build_boxed().map(|response| *response)
    }
}

impl ResponseBuilder {
    /// The response as built, for the response interceptors, which run
    /// before it is [`build`](Self::build)t.
    pub(crate) fn response_mut(&mut self) -> &mut Response {
        &mut self.response
    }

    /// [`build`](Self::build), keeping the response boxed.
    pub(crate) fn build_boxed(mut self) -> Result<Box<Response>> {
        if self
            .response
            .directives
            .iter()
            .any(|d| d.type_name() == "VideoApp.Launch")
        {
            self.response.should_end_session = ShouldEndSession::Unset;
        }
        limits::check_response(&self.response)?;
        Ok(self.response)
    }
}

impl From<Response> for ResponseBuilder {
    fn from(response: Response) -> Self {
        ResponseBuilder {
            response: Box::new(response),
            play_behavior: None,
        }
    }
}

/// The intent as `updatedIntent`: slots keep name, value and confirmation;
/// entity-resolution results are dropped (they describe the user's words, and
/// Alexa does not take them back).
fn updated(intent: impl Into<Option<Intent>>) -> Option<Intent> {
    let mut intent = intent.into()?;
    for slot in intent.slots.values_mut() {
        slot.resolutions = None;
    }
    Some(intent)
}
