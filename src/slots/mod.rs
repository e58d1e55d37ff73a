//! Typed values of Alexa's built-in slot types, parsed from the strings Alexa sends.
//!
//! Alexa resolves what the user said into fixed formats: `AMAZON.DATE` gives
//! `2026-11-06`, `2026-W48`, `2026-W48-WE`, `2026-11`, `2026`, `201X`,
//! `2026-WI` or `PRESENT_REF`; `AMAZON.TIME` gives `17:30` or `MO`/`AF`/`EV`/`NI`;
//! `AMAZON.DURATION` gives ISO 8601 durations such as `PT1H30M`. Each type here
//! implements [`std::str::FromStr`], so a handler reads a slot with
//! [`Input::slot_as`](crate::skill::Input::slot_as):
//!
//! ```
//! use alexa_kit::prelude::*;
//! use alexa_kit::slots::{Date, Duration};
//!
//! let skill = Skill::builder()
//!     .intent("PlanIntent", async |cx: &mut Input| {
//!         // Ok(None) when the slot is empty; Err(InvalidRequest) when the value does not fit.
//!         let when: Option<Date> = cx.slot_as("when")?;
//!         let speech = match when {
//!             Some(Date::Day(day)) => format!("On the {} of month {}.", day.day, day.month),
//!             Some(other) => format!("Some time: {other}."),
//!             None => "When?".to_owned(),
//!         };
//!         Ok(cx.say(speech))
//!     })
//!     .build()?;
//! # let request = alexa_kit::testing::intent("PlanIntent").slot("when", "2026-11-06").build();
//! # let response = tokio::runtime::Builder::new_current_thread().build().unwrap()
//! #     .block_on(skill.handle(request))?;
//! # assert!(serde_json::to_string(&response)?.contains("On the 6 of month 11."));
//! # Ok::<(), alexa_kit::Error>(())
//! ```
//!
//! Every parser is total: a value that does not fit is a [`ParseError`],
//! never a panic. No date/time crate is used: the civil calendar arithmetic
//! (days since 1970, ISO weeks) is a few lines here.

mod date;
mod duration;
mod time;

pub use date::{Date, Day, Season};
pub use duration::Duration;
pub use time::{Time, TimeOfDay};

#[cfg(any(feature = "simulator", feature = "server"))]
pub(crate) use date::days_from_civil;
#[cfg(feature = "simulator")]
pub(crate) use date::iso_week;
#[cfg(any(feature = "services", feature = "dynamodb"))]
pub(crate) use date::utc;

use std::fmt;
use std::str::FromStr;

/// A slot value that does not fit its type.
///
/// ```
/// let err = "someday".parse::<alexa_kit::slots::Date>().unwrap_err();
/// assert_eq!(err.to_string(), "`someday` is not an AMAZON.DATE value");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    type_name: &'static str,
    value: String,
}

impl ParseError {
    pub(crate) fn new(type_name: &'static str, value: &str) -> Self {
        ParseError {
            type_name,
            value: value.chars().take(64).collect(),
        }
    }

    /// The slot type the value should have had, e.g. `AMAZON.DATE`.
    ///
    /// ```
    /// let err = "x".parse::<alexa_kit::slots::Month>().unwrap_err();
    /// assert_eq!(err.type_name(), "AMAZON.Month");
    /// ```
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not an {} value", self.value, self.type_name)
    }
}

impl std::error::Error for ParseError {}

/// `AMAZON.NUMBER`: Alexa sends digits (`42`, `-3`); `?` when it heard a number but not which.
///
/// ```
/// use alexa_kit::slots::Number;
/// assert_eq!("42".parse::<Number>()?, Number(42));
/// assert_eq!("-3".parse::<Number>()?.0, -3);
/// assert!("?".parse::<Number>().is_err());
/// # Ok::<(), alexa_kit::slots::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Number(pub i64);

impl FromStr for Number {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        s.trim()
            .parse()
            .map(Number)
            .map_err(|_| ParseError::new("AMAZON.NUMBER", s))
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// `AMAZON.Ordinal`: Alexa sends the digits of the ordinal (`6` for "sixth").
///
/// ```
/// use alexa_kit::slots::Ordinal;
/// assert_eq!("6".parse::<Ordinal>()?, Ordinal(6));
/// assert!("sixth".parse::<Ordinal>().is_err());
/// # Ok::<(), alexa_kit::slots::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ordinal(pub u32);

impl FromStr for Ordinal {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        s.trim()
            .parse()
            .map(Ordinal)
            .map_err(|_| ParseError::new("AMAZON.Ordinal", s))
    }
}

impl fmt::Display for Ordinal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// `AMAZON.Month`: a month, from the month name as spoken in any Alexa
/// language (`november`, `noviembre`, `11月`, `नवंबर`, `نوفمبر`) or its number.
///
/// ```
/// use alexa_kit::slots::Month;
/// assert_eq!("November".parse::<Month>()?, Month(11));
/// assert_eq!("novembre".parse::<Month>()?.number(), 11);
/// assert_eq!("11月".parse::<Month>()?, Month(11));
/// assert_eq!("3".parse::<Month>()?, Month(3));
/// assert!("13".parse::<Month>().is_err());
/// # Ok::<(), alexa_kit::slots::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub u8);

impl Month {
    /// 1 for January … 12 for December.
    ///
    /// ```
    /// assert_eq!(alexa_kit::slots::Month(2).number(), 2);
    /// ```
    pub fn number(self) -> u8 {
        self.0
    }
}

/// Month names of every Alexa language, January first; alternatives with `|`.
pub(crate) const MONTH_NAMES: [&str; 10] = [
    "january|jan february|feb march|mar april|apr may june|jun july|jul august|aug \
     september|sept|sep october|oct november|nov december|dec",
    "januar|jänner|jan februar|feber|feb märz|mär april|apr mai juni|jun juli|jul august|aug \
     september|sep oktober|okt november|nov dezember|dez",
    "enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre \
     diciembre",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "一月|1月 二月|2月 三月|3月 四月|4月 五月|5月 六月|6月 七月|7月 八月|8月 九月|9月 十月|10月 \
     十一月|11月 十二月|12月",
    "जनवरी फ़रवरी|फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर|सितम्बर अक्टूबर नवंबर|नवम्बर \
     दिसंबर|दिसम्बर",
    "يناير|كانون_الثاني فبراير|شباط مارس|آذار أبريل|إبريل|نيسان مايو|أيار يونيو|يونية|حزيران \
     يوليو|يولية|تموز أغسطس|آب سبتمبر|أيلول أكتوبر|تشرين_الأول نوفمبر|تشرين_الثاني ديسمبر|كانون_الأول",
];

impl FromStr for Month {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let err = || ParseError::new("AMAZON.Month", s);
        let t = s.trim().to_lowercase();
        if let Ok(n) = t.trim_end_matches('月').parse::<u8>() {
            return if (1..=12).contains(&n) {
                Ok(Month(n))
            } else {
                Err(err())
            };
        }
        let wanted = t.replace(' ', "_");
        MONTH_NAMES
            .iter()
            .find_map(|lang| {
                lang.split_whitespace()
                    .position(|group| group.split('|').any(|name| name == wanted))
            })
            .map(|i| Month(i as u8 + 1))
            .ok_or_else(err)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
