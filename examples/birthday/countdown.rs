//! The calendar side of the birthday skill: which day it is for the user, how
//! many days remain until their next birthday, and how old they turn.
//!
//! Plain functions over [`jiff`] civil dates, so that they are tested without
//! a conversation. `jiff` with its bundled time-zone database was chosen by
//! measurement (see the README): it adds about 150 KB to a compressed
//! bootstrap where `chrono-tz` adds about 190 KB, and it needs no
//! `/usr/share/zoneinfo` on Lambda.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};

/// A birthday as the user gave it; what the skill keeps as persistent attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Birthday {
    /// 1 to 12.
    pub month: i8,
    /// 1 to 31.
    pub day: i8,
    /// Four digits.
    pub year: i16,
}

impl Birthday {
    /// The birthday if it is a real date that is not after `today`.
    pub fn checked(self, today: Date) -> Option<Birthday> {
        let date = Date::new(self.year, self.month, self.day).ok()?;
        (date <= today).then_some(self)
    }

    /// The day it is celebrated in `year`: 29 February falls on 28 February
    /// in common years.
    fn in_year(self, year: i16) -> Option<(Date, bool)> {
        match Date::new(year, self.month, self.day) {
            Ok(date) => Some((date, false)),
            Err(_) if (self.month, self.day) == (2, 29) => {
                Date::new(year, 2, 28).ok().map(|d| (d, true))
            }
            Err(_) => None,
        }
    }
}

/// What to tell the user on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Countdown {
    /// It is the birthday; the user turns `age` today.
    Today {
        /// The age reached today.
        age: i16,
        /// A 29 February birthday celebrated on 28 February.
        moved: bool,
    },
    /// `days` (at least 1) remain; the user will turn `age`.
    Ahead {
        /// Whole days until the next birthday.
        days: i32,
        /// The age on that day.
        age: i16,
        /// A 29 February birthday counted to 28 February.
        moved: bool,
    },
}

/// Counts from `today` to the next celebration of `birthday`, or `None` for a
/// date that does not exist or lies beyond jiff's range (year 9999).
pub fn countdown(birthday: Birthday, today: Date) -> Option<Countdown> {
    let (this_year, moved) = birthday.in_year(today.year())?;
    let (next, moved) = if this_year >= today {
        (this_year, moved)
    } else {
        birthday.in_year(today.year().checked_add(1)?)?
    };
    let age = next.year() - birthday.year;
    if next == today {
        return Some(Countdown::Today { age, moved });
    }
    let days = today.until(next).ok()?.get_days();
    Some(Countdown::Ahead { days, age, moved })
}

/// The civil date at `now` in the IANA time zone `zone` (as the Alexa settings
/// API names it). An unknown zone is an error, so that the caller can log it
/// and count in UTC.
pub fn today_in(zone: &str, now: Timestamp) -> Result<Date, jiff::Error> {
    Ok(now.to_zoned(TimeZone::get(zone)?).date())
}

/// The civil date at `now` in UTC.
pub fn today_utc(now: Timestamp) -> Date {
    now.to_zoned(TimeZone::UTC).date()
}

/// When the user spoke: the request's `timestamp` (ISO 8601 or epoch
/// milliseconds), or `None` if it is missing or malformed.
pub fn request_time(timestamp: Option<&alexa_kit::model::Timestamp>) -> Option<Timestamp> {
    match timestamp? {
        alexa_kit::model::Timestamp::Iso(text) => text.parse().ok(),
        alexa_kit::model::Timestamp::EpochMillis(ms) => Timestamp::from_millisecond(*ms).ok(),
    }
}
