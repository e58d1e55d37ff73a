//! [`Ssml`]: a small builder for the markup Alexa supports.

use std::fmt;

use super::escape_into;

/// Something that can be the content of an SSML element.
///
/// Strings (`&str`, `String`, `&String`) are **text** and get escaped; an
/// [`Ssml`] fragment is **markup** and is inserted as it is. That is how
/// elements nest.
///
/// ```
/// use alexa_kit::response::ssml::{Emphasis, Ssml};
/// let inner = Ssml::new().text("very ").emphasis(Emphasis::Strong, "good");
/// let outer = Ssml::new().sentence(inner).sentence("R&B");
/// assert_eq!(outer.as_str(), r#"<s>very <emphasis level="strong">good</emphasis></s><s>R&amp;B</s>"#);
/// ```
pub trait SsmlContent {
    /// Appends this content to `out`, as SSML.
    ///
    /// ```
    /// use alexa_kit::response::ssml::SsmlContent;
    /// let mut out = String::new();
    /// "a < b".write_ssml(&mut out);
    /// assert_eq!(out, "a &lt; b");
    /// ```
    fn write_ssml(&self, out: &mut String);
}

impl SsmlContent for str {
    fn write_ssml(&self, out: &mut String) {
        escape_into(self, out);
    }
}

impl SsmlContent for &str {
    fn write_ssml(&self, out: &mut String) {
        escape_into(self, out);
    }
}

impl SsmlContent for String {
    fn write_ssml(&self, out: &mut String) {
        escape_into(self, out);
    }
}

impl SsmlContent for &String {
    fn write_ssml(&self, out: &mut String) {
        escape_into(self, out);
    }
}

impl SsmlContent for Ssml {
    fn write_ssml(&self, out: &mut String) {
        out.push_str(&self.buf);
    }
}

impl SsmlContent for &Ssml {
    fn write_ssml(&self, out: &mut String) {
        out.push_str(&self.buf);
    }
}

/// Builds SSML markup, escaping text and attribute values as it goes.
///
/// The result is a fragment (no `<speak>` root): pass it to
/// [`ResponseBuilder::speak`](crate::response::ResponseBuilder::speak), which
/// wraps it, or call [`to_speak`](Self::to_speak).
///
/// ```
/// use alexa_kit::response::ssml::{InterpretAs, Ssml};
/// use alexa_kit::response::ResponseBuilder;
///
/// let code = Ssml::new().text("Your code is ").say_as(InterpretAs::Digits, "4711");
/// let response = ResponseBuilder::new().speak(code).build()?;
/// assert_eq!(response.output_speech.unwrap().text(),
///     r#"<speak>Your code is <say-as interpret-as="digits">4711</say-as></speak>"#);
/// # Ok::<(), alexa_kit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[must_use]
pub struct Ssml {
    buf: String,
}

impl Ssml {
    /// An empty fragment.
    ///
    /// ```
    /// assert!(alexa_kit::response::ssml::Ssml::new().is_empty());
    /// ```
    pub fn new() -> Self {
        Ssml::default()
    }

    /// Whether nothing has been added yet.
    ///
    /// ```
    /// assert!(!alexa_kit::response::ssml::Ssml::new().text("x").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Appends text, escaped.
    ///
    /// ```
    /// let s = alexa_kit::response::ssml::Ssml::new().text("Fish & Chips");
    /// assert_eq!(s.as_str(), "Fish &amp; Chips");
    /// ```
    pub fn text(mut self, text: &str) -> Self {
        escape_into(text, &mut self.buf);
        self
    }

    /// Appends trusted markup as it is (for example a Fluent message, which
    /// is author-written and may itself contain SSML).
    ///
    /// ```
    /// let s = alexa_kit::response::ssml::Ssml::new().markup("<s>Hi</s>");
    /// assert_eq!(s.as_str(), "<s>Hi</s>");
    /// ```
    pub fn markup(mut self, markup: &str) -> Self {
        self.buf.push_str(markup);
        self
    }

    /// A pause of `ms` milliseconds: `<break time="…ms"/>` (Alexa allows at most 10 s).
    ///
    /// ```
    /// let s = alexa_kit::response::ssml::Ssml::new().pause_ms(750);
    /// assert_eq!(s.as_str(), r#"<break time="750ms"/>"#);
    /// ```
    pub fn pause_ms(mut self, ms: u32) -> Self {
        use fmt::Write as _;
        let _ = write!(self.buf, "<break time=\"{ms}ms\"/>");
        self
    }

    /// A pause of a given strength: `<break strength="…"/>`.
    ///
    /// ```
    /// use alexa_kit::response::ssml::{BreakStrength, Ssml};
    /// assert_eq!(Ssml::new().pause(BreakStrength::Strong).as_str(), r#"<break strength="strong"/>"#);
    /// ```
    pub fn pause(mut self, strength: BreakStrength) -> Self {
        self.buf.push_str("<break strength=\"");
        self.buf.push_str(strength.as_str());
        self.buf.push_str("\"/>");
        self
    }

    /// `<emphasis level="…">`.
    ///
    /// ```
    /// use alexa_kit::response::ssml::{Emphasis, Ssml};
    /// assert_eq!(Ssml::new().emphasis(Emphasis::Reduced, "psst").as_str(),
    ///     r#"<emphasis level="reduced">psst</emphasis>"#);
    /// ```
    pub fn emphasis(self, level: Emphasis, content: impl SsmlContent) -> Self {
        self.element("emphasis", &[("level", level.as_str())], content)
    }

    /// `<say-as interpret-as="…">`.
    ///
    /// ```
    /// use alexa_kit::response::ssml::{InterpretAs, Ssml};
    /// assert_eq!(Ssml::new().say_as(InterpretAs::SpellOut, "abc").as_str(),
    ///     r#"<say-as interpret-as="spell-out">abc</say-as>"#);
    /// ```
    pub fn say_as(self, interpret_as: InterpretAs, content: impl SsmlContent) -> Self {
        self.element(
            "say-as",
            &[("interpret-as", interpret_as.as_str())],
            content,
        )
    }

    /// `<say-as interpret-as="date" format="…">`, e.g. format `"dmy"` or `"md"`.
    ///
    /// ```
    /// use alexa_kit::response::ssml::Ssml;
    /// assert_eq!(Ssml::new().say_as_date("dmy", "01-02-2024").as_str(),
    ///     r#"<say-as interpret-as="date" format="dmy">01-02-2024</say-as>"#);
    /// ```
    pub fn say_as_date(self, format: &str, content: impl SsmlContent) -> Self {
        self.element(
            "say-as",
            &[("interpret-as", "date"), ("format", format)],
            content,
        )
    }

    /// `<lang xml:lang="…">`: words in another language, e.g. `"fr-FR"`.
    ///
    /// ```
    /// use alexa_kit::response::ssml::Ssml;
    /// assert_eq!(Ssml::new().lang("fr-FR", "Bonjour").as_str(), r#"<lang xml:lang="fr-FR">Bonjour</lang>"#);
    /// ```
    pub fn lang(self, locale: &str, content: impl SsmlContent) -> Self {
        self.element("lang", &[("xml:lang", locale)], content)
    }

    /// `<voice name="…">`: an Amazon Polly voice, e.g. `"Hans"`.
    ///
    /// ```
    /// use alexa_kit::response::ssml::Ssml;
    /// assert_eq!(Ssml::new().voice("Hans", "Hallo").as_str(), r#"<voice name="Hans">Hallo</voice>"#);
    /// ```
    pub fn voice(self, name: &str, content: impl SsmlContent) -> Self {
        self.element("voice", &[("name", name)], content)
    }

    /// `<prosody rate pitch volume>`.
    ///
    /// ```
    /// use alexa_kit::response::ssml::{Prosody, Ssml};
    /// let s = Ssml::new().prosody(Prosody::new().rate("slow").volume("+6dB"), "calm");
    /// assert_eq!(s.as_str(), r#"<prosody rate="slow" volume="+6dB">calm</prosody>"#);
    /// ```
    pub fn prosody(self, prosody: Prosody, content: impl SsmlContent) -> Self {
        let mut attrs: [(&str, &str); 3] = [("", ""); 3];
        let mut n = 0;
        for (name, value) in [
            ("rate", &prosody.rate),
            ("pitch", &prosody.pitch),
            ("volume", &prosody.volume),
        ] {
            if let Some(v) = value {
                attrs[n] = (name, v.as_str());
                n += 1;
            }
        }
        self.element("prosody", &attrs[..n], content)
    }

    /// `<audio src="…"/>`: an HTTPS MP3 clip (48 kbps; at most 240 s per response).
    ///
    /// ```
    /// use alexa_kit::response::ssml::Ssml;
    /// assert_eq!(Ssml::new().audio("https://x.test/a.mp3?a=1&b=2").as_str(),
    ///     r#"<audio src="https://x.test/a.mp3?a=1&amp;b=2"/>"#);
    /// ```
    pub fn audio(mut self, src: &str) -> Self {
        self.buf.push_str("<audio src=\"");
        escape_into(src, &mut self.buf);
        self.buf.push_str("\"/>");
        self
    }

    /// `<p>`: a paragraph.
    ///
    /// ```
    /// use alexa_kit::response::ssml::Ssml;
    /// assert_eq!(Ssml::new().paragraph("One.").as_str(), "<p>One.</p>");
    /// ```
    pub fn paragraph(self, content: impl SsmlContent) -> Self {
        self.element("p", &[], content)
    }

    /// `<s>`: a sentence.
    ///
    /// ```
    /// use alexa_kit::response::ssml::Ssml;
    /// assert_eq!(Ssml::new().sentence("One").as_str(), "<s>One</s>");
    /// ```
    pub fn sentence(self, content: impl SsmlContent) -> Self {
        self.element("s", &[], content)
    }

    /// `<sub alias="…">`: say `alias` instead of the content.
    ///
    /// ```
    /// use alexa_kit::response::ssml::Ssml;
    /// assert_eq!(Ssml::new().sub("magnesium", "Mg").as_str(), r#"<sub alias="magnesium">Mg</sub>"#);
    /// ```
    pub fn sub(self, alias: &str, content: impl SsmlContent) -> Self {
        self.element("sub", &[("alias", alias)], content)
    }

    /// `<phoneme alphabet="…" ph="…">`: an exact pronunciation.
    ///
    /// ```
    /// use alexa_kit::response::ssml::{Alphabet, Ssml};
    /// assert_eq!(Ssml::new().phoneme(Alphabet::Ipa, "pɪˈkɑːn", "pecan").as_str(),
    ///     r#"<phoneme alphabet="ipa" ph="pɪˈkɑːn">pecan</phoneme>"#);
    /// ```
    pub fn phoneme(self, alphabet: Alphabet, ph: &str, content: impl SsmlContent) -> Self {
        self.element(
            "phoneme",
            &[("alphabet", alphabet.as_str()), ("ph", ph)],
            content,
        )
    }

    /// `<amazon:effect name="whispered">`.
    ///
    /// ```
    /// use alexa_kit::response::ssml::Ssml;
    /// assert_eq!(Ssml::new().whisper("secret").as_str(),
    ///     r#"<amazon:effect name="whispered">secret</amazon:effect>"#);
    /// ```
    pub fn whisper(self, content: impl SsmlContent) -> Self {
        self.element("amazon:effect", &[("name", "whispered")], content)
    }

    /// `<amazon:emotion name="…" intensity="…">` (not available in every locale).
    ///
    /// ```
    /// use alexa_kit::response::ssml::{Emotion, Intensity, Ssml};
    /// assert_eq!(Ssml::new().emotion(Emotion::Excited, Intensity::High, "Yes!").as_str(),
    ///     r#"<amazon:emotion name="excited" intensity="high">Yes!</amazon:emotion>"#);
    /// ```
    pub fn emotion(
        self,
        emotion: Emotion,
        intensity: Intensity,
        content: impl SsmlContent,
    ) -> Self {
        self.element(
            "amazon:emotion",
            &[
                ("name", emotion.as_str()),
                ("intensity", intensity.as_str()),
            ],
            content,
        )
    }

    /// `<amazon:domain name="…">`: a speaking style (availability varies by locale and voice).
    ///
    /// ```
    /// use alexa_kit::response::ssml::{Domain, Ssml};
    /// assert_eq!(Ssml::new().domain(Domain::News, "Today…").as_str(),
    ///     r#"<amazon:domain name="news">Today…</amazon:domain>"#);
    /// ```
    pub fn domain(self, domain: Domain, content: impl SsmlContent) -> Self {
        self.element("amazon:domain", &[("name", domain.as_str())], content)
    }

    /// The markup built so far (a fragment, without `<speak>`).
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::ssml::Ssml::new().text("a").as_str(), "a");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.buf
    }

    /// The fragment as a `String`.
    ///
    /// ```
    /// let s: String = alexa_kit::response::ssml::Ssml::new().text("a").into_string();
    /// assert_eq!(s, "a");
    /// ```
    pub fn into_string(self) -> String {
        self.buf
    }

    /// The markup wrapped in `<speak>…</speak>`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::ssml::Ssml::new().text("a").to_speak(), "<speak>a</speak>");
    /// ```
    pub fn to_speak(&self) -> String {
        let mut out = String::with_capacity(self.buf.len() + 15);
        out.push_str("<speak>");
        out.push_str(&self.buf);
        out.push_str("</speak>");
        out
    }

    fn element(mut self, name: &str, attrs: &[(&str, &str)], content: impl SsmlContent) -> Self {
        self.buf.push('<');
        self.buf.push_str(name);
        for (attr, value) in attrs {
            self.buf.push(' ');
            self.buf.push_str(attr);
            self.buf.push_str("=\"");
            escape_into(value, &mut self.buf);
            self.buf.push('"');
        }
        self.buf.push('>');
        content.write_ssml(&mut self.buf);
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
        self
    }
}

impl fmt::Display for Ssml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.buf)
    }
}

impl From<Ssml> for String {
    fn from(ssml: Ssml) -> String {
        ssml.buf
    }
}

/// `rate`, `pitch` and `volume` of a `<prosody>` element; values as Alexa
/// accepts them (`"x-slow"`, `"150%"`, `"+10%"`, `"loud"`, `"-6dB"`, …).
///
/// ```
/// let p = alexa_kit::response::ssml::Prosody::new().pitch("low");
/// assert_eq!(p, alexa_kit::response::ssml::Prosody::new().pitch("low"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[must_use]
pub struct Prosody {
    rate: Option<String>,
    pitch: Option<String>,
    volume: Option<String>,
}

impl Prosody {
    /// No attributes yet.
    ///
    /// ```
    /// let p = alexa_kit::response::ssml::Prosody::new();
    /// # let _ = p;
    /// ```
    pub fn new() -> Self {
        Prosody::default()
    }

    /// Speaking rate: `x-slow`, `slow`, `medium`, `fast`, `x-fast` or a percentage.
    ///
    /// ```
    /// let p = alexa_kit::response::ssml::Prosody::new().rate("90%");
    /// # let _ = p;
    /// ```
    pub fn rate(mut self, rate: impl Into<String>) -> Self {
        self.rate = Some(rate.into());
        self
    }

    /// Pitch: `x-low` … `x-high` or a relative percentage such as `+10%`.
    ///
    /// ```
    /// let p = alexa_kit::response::ssml::Prosody::new().pitch("+10%");
    /// # let _ = p;
    /// ```
    pub fn pitch(mut self, pitch: impl Into<String>) -> Self {
        self.pitch = Some(pitch.into());
        self
    }

    /// Volume: `silent`, `x-soft` … `x-loud` or decibels such as `+6dB`.
    ///
    /// ```
    /// let p = alexa_kit::response::ssml::Prosody::new().volume("x-loud");
    /// # let _ = p;
    /// ```
    pub fn volume(mut self, volume: impl Into<String>) -> Self {
        self.volume = Some(volume.into());
        self
    }
}

macro_rules! ssml_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident => $s:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name { $( $(#[$vmeta])* $variant, )* }

        impl $name {
            /// The attribute value Alexa expects.
            ///
            /// ```
            #[doc = concat!("use alexa_kit::response::ssml::", stringify!($name), ";")]
            #[doc = concat!("assert!(!", stringify!($name), "::", ssml_enum!(@first $($variant)*), ".as_str().is_empty());")]
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $( $name::$variant => $s, )* }
            }
        }
    };
    (@first $first:ident $($rest:ident)*) => { stringify!($first) };
}

ssml_enum! {
    /// `<emphasis level>`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::ssml::Emphasis::Strong.as_str(), "strong");
    /// ```
    pub enum Emphasis {
        /// Louder and slower.
        Strong => "strong",
        /// The default emphasis.
        Moderate => "moderate",
        /// Softer and faster.
        Reduced => "reduced",
    }
}

ssml_enum! {
    /// `<break strength>`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::ssml::BreakStrength::XWeak.as_str(), "x-weak");
    /// ```
    pub enum BreakStrength {
        /// No pause (removes a pause that would otherwise happen).
        None => "none",
        /// The shortest pause.
        XWeak => "x-weak",
        /// A short pause.
        Weak => "weak",
        /// As after a comma.
        Medium => "medium",
        /// As after a sentence.
        Strong => "strong",
        /// As after a paragraph.
        XStrong => "x-strong",
    }
}

ssml_enum! {
    /// `<say-as interpret-as>`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::ssml::InterpretAs::Telephone.as_str(), "telephone");
    /// ```
    pub enum InterpretAs {
        /// Spell letter by letter.
        Characters => "characters",
        /// Spell letter by letter.
        SpellOut => "spell-out",
        /// A cardinal number.
        Cardinal => "cardinal",
        /// A cardinal number.
        Number => "number",
        /// An ordinal number (1st).
        Ordinal => "ordinal",
        /// Digit by digit.
        Digits => "digits",
        /// A fraction (3/20).
        Fraction => "fraction",
        /// A measurement (10 km).
        Unit => "unit",
        /// A date (see [`Ssml::say_as_date`] for a format).
        Date => "date",
        /// A duration (1'21").
        Time => "time",
        /// A telephone number.
        Telephone => "telephone",
        /// A street address.
        Address => "address",
        /// A speechcon.
        Interjection => "interjection",
        /// Bleeped out.
        Expletive => "expletive",
    }
}

ssml_enum! {
    /// `<phoneme alphabet>`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::ssml::Alphabet::XSampa.as_str(), "x-sampa");
    /// ```
    pub enum Alphabet {
        /// The International Phonetic Alphabet.
        Ipa => "ipa",
        /// X-SAMPA.
        XSampa => "x-sampa",
    }
}

ssml_enum! {
    /// `<amazon:emotion name>`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::ssml::Emotion::Disappointed.as_str(), "disappointed");
    /// ```
    pub enum Emotion {
        /// Happy, enthusiastic.
        Excited => "excited",
        /// Sad, let down.
        Disappointed => "disappointed",
    }
}

ssml_enum! {
    /// `<amazon:emotion intensity>`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::ssml::Intensity::Medium.as_str(), "medium");
    /// ```
    pub enum Intensity {
        /// Slightly.
        Low => "low",
        /// Noticeably.
        Medium => "medium",
        /// Strongly.
        High => "high",
    }
}

ssml_enum! {
    /// `<amazon:domain name>`.
    ///
    /// ```
    /// assert_eq!(alexa_kit::response::ssml::Domain::LongForm.as_str(), "long-form");
    /// ```
    pub enum Domain {
        /// Casual, conversational.
        Conversational => "conversational",
        /// For long passages such as articles.
        LongForm => "long-form",
        /// For speaking over music.
        Music => "music",
        /// A newscaster's style.
        News => "news",
        /// Animated, fun.
        Fun => "fun",
    }
}
