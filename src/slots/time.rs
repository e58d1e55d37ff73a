//! `AMAZON.TIME`.

use std::fmt;
use std::str::FromStr;

use super::ParseError;

/// A part of the day Alexa sends instead of a clock time.
///
/// ```
/// use alexa_kit::slots::{Time, TimeOfDay};
/// assert_eq!("EV".parse::<Time>()?, Time::Part(TimeOfDay::Evening));
/// # Ok::<(), alexa_kit::slots::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// `MO`.
    Morning,
    /// `AF`.
    Afternoon,
    /// `EV`.
    Evening,
    /// `NI`.
    Night,
}

/// `AMAZON.TIME`: a clock time (`17:30`, `05:00`, or `17:30:15`) or a part of the day.
///
/// ```
/// use alexa_kit::slots::Time;
/// assert_eq!("17:30".parse::<Time>()?, Time::At { hour: 17, minute: 30 });
/// assert_eq!("NI".parse::<Time>()?.to_string(), "NI");
/// assert!("25:00".parse::<Time>().is_err());
/// # Ok::<(), alexa_kit::slots::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Time {
    /// A clock time, 24-hour.
    At {
        /// 0 … 23.
        hour: u32,
        /// 0 … 59.
        minute: u32,
    },
    /// A part of the day.
    Part(TimeOfDay),
}

impl FromStr for Time {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let err = || ParseError::new("AMAZON.TIME", s);
        let t = s.trim();
        let part = match t {
            "MO" => Some(TimeOfDay::Morning),
            "AF" => Some(TimeOfDay::Afternoon),
            "EV" => Some(TimeOfDay::Evening),
            "NI" => Some(TimeOfDay::Night),
            _ => None,
        };
        if let Some(p) = part {
            return Ok(Time::Part(p));
        }
        let mut fields = t.split(':');
        let two = |p: Option<&str>, max: u32| {
            p.filter(|p| p.len() == 2)
                .and_then(|p| p.parse::<u32>().ok())
                .filter(|n| *n <= max)
        };
        let hour = two(fields.next(), 23).ok_or_else(err)?;
        let minute = two(fields.next(), 59).ok_or_else(err)?;
        match fields.next() {
            None => {}
            Some(sec) if two(Some(sec), 59).is_some() => {}
            Some(_) => return Err(err()),
        }
        if fields.next().is_some() {
            return Err(err());
        }
        Ok(Time::At { hour, minute })
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Time::At { hour, minute } => write!(f, "{hour:02}:{minute:02}"),
            Time::Part(p) => f.write_str(match p {
                TimeOfDay::Morning => "MO",
                TimeOfDay::Afternoon => "AF",
                TimeOfDay::Evening => "EV",
                TimeOfDay::Night => "NI",
            }),
        }
    }
}
