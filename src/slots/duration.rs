//! `AMAZON.DURATION`.

use std::fmt;
use std::str::FromStr;

use super::ParseError;

/// `AMAZON.DURATION`: an ISO 8601 duration (`PT1H30M`, `P3D`, `P1W`, `P1Y2M`).
///
/// ```
/// use alexa_kit::slots::Duration;
/// let d: Duration = "PT1H30M".parse()?;
/// assert_eq!((d.hours, d.minutes), (1, 30));
/// assert_eq!(d.to_std(), Some(std::time::Duration::from_secs(5400)));
/// assert_eq!("P1Y2M".parse::<Duration>()?.to_std(), None); // months have no fixed length
/// assert_eq!(d.to_string(), "PT1H30M");
/// assert!("1 hour".parse::<Duration>().is_err());
/// # Ok::<(), alexa_kit::slots::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Duration {
    /// `nY`.
    pub years: u32,
    /// `nM` before `T`.
    pub months: u32,
    /// `nW`.
    pub weeks: u32,
    /// `nD`.
    pub days: u32,
    /// `nH`.
    pub hours: u32,
    /// `nM` after `T`.
    pub minutes: u32,
    /// `nS`.
    pub seconds: u32,
}

impl Duration {
    /// The duration as a [`std::time::Duration`], unless it counts years or
    /// months (which have no fixed length).
    ///
    /// ```
    /// let d: alexa_kit::slots::Duration = "P1W".parse()?;
    /// assert_eq!(d.to_std().unwrap().as_secs(), 7 * 86_400);
    /// # Ok::<(), alexa_kit::slots::ParseError>(())
    /// ```
    pub fn to_std(&self) -> Option<std::time::Duration> {
        if self.years != 0 || self.months != 0 {
            return None;
        }
        let secs = u64::from(self.weeks) * 604_800
            + u64::from(self.days) * 86_400
            + u64::from(self.hours) * 3_600
            + u64::from(self.minutes) * 60
            + u64::from(self.seconds);
        Some(std::time::Duration::from_secs(secs))
    }
}

impl FromStr for Duration {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        let err = || ParseError::new("AMAZON.DURATION", s);
        let rest = s.trim().strip_prefix('P').ok_or_else(err)?;
        let mut d = Duration::default();
        let (mut in_time, mut number, mut any) = (false, String::new(), false);
        for c in rest.chars() {
            match c {
                '0'..='9' => number.push(c),
                'T' if !in_time && number.is_empty() => in_time = true,
                _ => {
                    let n: u32 = number.parse().map_err(|_| err())?;
                    number.clear();
                    any = true;
                    let field = match (c, in_time) {
                        ('Y', false) => &mut d.years,
                        ('M', false) => &mut d.months,
                        ('W', false) => &mut d.weeks,
                        ('D', false) => &mut d.days,
                        ('H', true) => &mut d.hours,
                        ('M', true) => &mut d.minutes,
                        ('S', true) => &mut d.seconds,
                        _ => return Err(err()),
                    };
                    *field = n;
                }
            }
        }
        if !any || !number.is_empty() {
            return Err(err());
        }
        Ok(d)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        for (n, unit) in [
            (self.years, 'Y'),
            (self.months, 'M'),
            (self.weeks, 'W'),
            (self.days, 'D'),
        ] {
            if n != 0 {
                write!(f, "{n}{unit}")?;
            }
        }
        if self.hours != 0 || self.minutes != 0 || self.seconds != 0 {
            f.write_str("T")?;
            for (n, unit) in [(self.hours, 'H'), (self.minutes, 'M'), (self.seconds, 'S')] {
                if n != 0 {
                    write!(f, "{n}{unit}")?;
                }
            }
        }
        if *self == Duration::default() {
            f.write_str("T0S")?;
        }
        Ok(())
    }
}
