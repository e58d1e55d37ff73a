//! `AMAZON.DATE` and the civil calendar arithmetic it needs.

use std::fmt;
use std::str::FromStr;

use super::ParseError;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// A moment in UTC, split into its calendar and clock fields.
#[cfg(any(feature = "services", feature = "dynamodb"))]
pub(crate) struct Utc {
    pub(crate) year: i32,
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) hour: u64,
    pub(crate) minute: u64,
    pub(crate) second: u64,
    /// Only the services' timestamps carry it.
    #[cfg_attr(not(feature = "services"), allow(dead_code))]
    pub(crate) millis: u32,
}

/// `time` in UTC (the epoch for a time before it): the fields the services'
/// and SigV4's timestamps are written from.
#[cfg(any(feature = "services", feature = "dynamodb"))]
pub(crate) fn utc(time: std::time::SystemTime) -> Utc {
    let since = time
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = since.as_secs();
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    Utc {
        year,
        month,
        day,
        hour: rest / 3600,
        minute: rest % 3600 / 60,
        second: rest % 60,
        millis: since.subsec_millis(),
    }
}

/// 0 = Monday … 6 = Sunday.
pub(crate) fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

#[cfg(feature = "simulator")]
/// The ISO 8601 week-numbering year and week of a day.
pub(crate) fn iso_week(days: i64) -> (i32, u32) {
    let thursday = days - i64::from(weekday(days)) + 3;
    let (year, _, _) = civil_from_days(thursday);
    let week = (thursday - days_from_civil(year, 1, 1)) / 7 + 1;
    (year, week as u32)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        days_from_civil(year + 1, 1, 1)
    } else {
        days_from_civil(year, month + 1, 1)
    };
    (next - days_from_civil(year, month, 1)) as u32
}

/// A calendar day.
///
/// ```
/// use alexa_kit::slots::Day;
/// let d: Day = "2026-11-06".parse()?;
/// assert_eq!((d.year, d.month, d.day), (2026, 11, 6));
/// assert_eq!(d.weekday(), 4); // a Friday (Monday is 0)
/// assert_eq!(d.add_days(30).to_string(), "2026-12-06");
/// # Ok::<(), alexa_kit::slots::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// The year, e.g. 2026.
    pub year: i32,
    /// 1 … 12.
    pub month: u32,
    /// 1 … 31.
    pub day: u32,
}

impl Day {
    /// The day if it exists in the calendar.
    ///
    /// ```
    /// use alexa_kit::slots::Day;
    /// assert!(Day::new(2026, 2, 29).is_none());
    /// assert!(Day::new(2028, 2, 29).is_some());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<Day> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Day { year, month, day })
    }

    /// Days since 1970-01-01.
    ///
    /// ```
    /// assert_eq!(alexa_kit::slots::Day::new(1970, 1, 2).unwrap().days_since_epoch(), 1);
    /// ```
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The day `days_since_epoch` days after 1970-01-01.
    ///
    /// ```
    /// use alexa_kit::slots::Day;
    /// assert_eq!(Day::from_days_since_epoch(0), Day::new(1970, 1, 1).unwrap());
    /// ```
    pub fn from_days_since_epoch(days: i64) -> Day {
        let (year, month, day) = civil_from_days(days);
        Day { year, month, day }
    }

    /// The day `n` days later (earlier when negative).
    ///
    /// ```
    /// use alexa_kit::slots::Day;
    /// assert_eq!(Day::new(2026, 12, 31).unwrap().add_days(1), Day::new(2027, 1, 1).unwrap());
    /// ```
    pub fn add_days(self, n: i64) -> Day {
        Day::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// 0 for Monday … 6 for Sunday.
    ///
    /// ```
    /// assert_eq!(alexa_kit::slots::Day::new(2026, 11, 29).unwrap().weekday(), 6);
    /// ```
    pub fn weekday(self) -> u32 {
        weekday(self.days_since_epoch())
    }

    /// Today in UTC, from the system clock.
    ///
    /// ```
    /// assert!(alexa_kit::slots::Day::today_utc().year >= 2025);
    /// ```
    pub fn today_utc() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Day::from_days_since_epoch((secs / 86_400) as i64)
    }
}

impl FromStr for Day {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let err = || ParseError::new("AMAZON.DATE", s);
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(err());
        };
        let num = |p: &str| p.parse::<u32>().ok().filter(|_| p.len() == 2);
        match (
            y.parse::<i32>().ok().filter(|_| y.len() == 4),
            num(m),
            num(d),
        ) {
            (Some(y), Some(m), Some(d)) => Day::new(y, m, d).ok_or_else(err),
            _ => Err(err()),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A season of `AMAZON.DATE` (`2026-WI`).
///
/// ```
/// use alexa_kit::slots::{Date, Season};
/// assert_eq!("2026-SU".parse::<Date>()?, Date::Season { year: 2026, season: Season::Summer });
/// # Ok::<(), alexa_kit::slots::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// `WI`.
    Winter,
    /// `SP`.
    Spring,
    /// `SU`.
    Summer,
    /// `FA`.
    Fall,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Winter => "WI",
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
        }
    }
}

/// `AMAZON.DATE`: every format Alexa sends.
///
/// ```
/// use alexa_kit::slots::{Date, Day};
/// assert_eq!("2026-11-06".parse::<Date>()?, Date::Day(Day::new(2026, 11, 6).unwrap()));
/// assert_eq!("2026-W48".parse::<Date>()?, Date::Week { year: 2026, week: 48 });
/// assert_eq!("2026-W48-WE".parse::<Date>()?, Date::Weekend { year: 2026, week: 48 });
/// assert_eq!("2026-11".parse::<Date>()?, Date::Month { year: 2026, month: 11 });
/// assert_eq!("2026".parse::<Date>()?, Date::Year(2026));
/// assert_eq!("201X".parse::<Date>()?, Date::Decade(2010));
/// assert_eq!("PRESENT_REF".parse::<Date>()?, Date::PresentRef);
/// // The first and last day a value covers:
/// let (first, last) = "2026-W48-WE".parse::<Date>()?.span().unwrap();
/// assert_eq!((first.to_string(), last.to_string()), ("2026-11-28".into(), "2026-11-29".into()));
/// assert!("2026-13".parse::<Date>().is_err());
/// # Ok::<(), alexa_kit::slots::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Date {
    /// `2026-11-06`.
    Day(Day),
    /// `2026-W48` (ISO week).
    Week {
        /// ISO week-numbering year.
        year: i32,
        /// 1 … 53.
        week: u32,
    },
    /// `2026-W48-WE`: the Saturday and Sunday of that ISO week.
    Weekend {
        /// ISO week-numbering year.
        year: i32,
        /// 1 … 53.
        week: u32,
    },
    /// `2026-11`.
    Month {
        /// The year.
        year: i32,
        /// 1 … 12.
        month: u32,
    },
    /// `2026`.
    Year(i32),
    /// `201X`: the first year of the decade.
    Decade(i32),
    /// `2026-WI`.
    Season {
        /// The year.
        year: i32,
        /// Which season.
        season: Season,
    },
    /// `PRESENT_REF`: "now".
    PresentRef,
}

impl Date {
    /// The first and last day this value covers (`None` for [`Date::PresentRef`]
    /// and seasons, whose days depend on the hemisphere).
    ///
    /// ```
    /// use alexa_kit::slots::Date;
    /// let (a, b) = "2026-02".parse::<Date>()?.span().unwrap();
    /// assert_eq!((a.day, b.day), (1, 28));
    /// # Ok::<(), alexa_kit::slots::ParseError>(())
    /// ```
    pub fn span(self) -> Option<(Day, Day)> {
        let week_start = |year: i32, week: u32| {
            let jan4 = days_from_civil(year, 1, 4);
            jan4 - i64::from(weekday(jan4)) + 7 * (i64::from(week) - 1)
        };
        let days =
            |a: i64, b: i64| Some((Day::from_days_since_epoch(a), Day::from_days_since_epoch(b)));
        match self {
            Date::Day(d) => Some((d, d)),
            Date::Week { year, week } => {
                let s = week_start(year, week);
                days(s, s + 6)
            }
            Date::Weekend { year, week } => {
                let s = week_start(year, week);
                days(s + 5, s + 6)
            }
            Date::Month { year, month } => {
                let s = days_from_civil(year, month, 1);
                days(s, s + i64::from(days_in_month(year, month)) - 1)
            }
            Date::Year(y) => days(days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)),
            Date::Decade(y) => days(days_from_civil(y, 1, 1), days_from_civil(y + 9, 12, 31)),
            Date::Season { .. } | Date::PresentRef => None,
        }
    }
}

impl FromStr for Date {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let err = || ParseError::new("AMAZON.DATE", s);
        let t = s.trim();
        if t == "PRESENT_REF" {
            return Ok(Date::PresentRef);
        }
        let year = |p: &str| p.parse::<i32>().ok().filter(|_| p.len() == 4);
        let two = |p: &str| p.parse::<u32>().ok().filter(|_| p.len() == 2);
        let parts: Vec<&str> = t.split('-').collect();
        let date = match parts.as_slice() {
            [y] if y.len() == 4 && y.ends_with('X') => {
                Date::Decade(y[..3].parse::<i32>().map_err(|_| err())? * 10)
            }
            [y] => Date::Year(year(y).ok_or_else(err)?),
            [y, w] if w.starts_with('W') && w.len() == 3 && two(&w[1..]).is_some() => Date::Week {
                year: year(y).ok_or_else(err)?,
                week: two(&w[1..])
                    .filter(|w| (1..=53).contains(w))
                    .ok_or_else(err)?,
            },
            [y, season @ ("WI" | "SP" | "SU" | "FA")] => Date::Season {
                year: year(y).ok_or_else(err)?,
                season: match *season {
                    "WI" => Season::Winter,
                    "SP" => Season::Spring,
                    "SU" => Season::Summer,
                    _ => Season::Fall,
                },
            },
            [y, m] => Date::Month {
                year: year(y).ok_or_else(err)?,
                month: two(m).filter(|m| (1..=12).contains(m)).ok_or_else(err)?,
            },
            [y, w, "WE"] if w.starts_with('W') => Date::Weekend {
                year: year(y).ok_or_else(err)?,
                week: two(&w[1..])
                    .filter(|w| (1..=53).contains(w))
                    .ok_or_else(err)?,
            },
            [_, _, _] => Date::Day(t.parse()?),
            _ => return Err(err()),
        };
        Ok(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Date::Day(d) => d.fmt(f),
            Date::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Date::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            Date::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Date::Year(y) => write!(f, "{y:04}"),
            Date::Decade(y) => write!(f, "{:03}X", y / 10),
            Date::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            Date::PresentRef => f.write_str("PRESENT_REF"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic_round_trips() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        #[cfg(feature = "simulator")]
        {
            assert_eq!(iso_week(days_from_civil(2026, 11, 29)), (2026, 48));
            assert_eq!(iso_week(days_from_civil(2021, 1, 3)), (2020, 53));
            assert_eq!(iso_week(days_from_civil(2024, 12, 30)), (2025, 1));
        }
        for s in [
            "2026-11-06",
            "2026-W48",
            "2026-W48-WE",
            "2026-11",
            "2026",
            "201X",
            "2026-WI",
            "PRESENT_REF",
        ] {
            assert_eq!(s.parse::<Date>().unwrap().to_string(), s);
        }
        for bad in [
            "",
            "2026-02-30",
            "2026-W60",
            "20X",
            "2026-11-6",
            "x-y-z",
            "2026-W48-XX",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }
}
