//! Alexa's built-in slot types: whether spoken words fit one, and the value
//! Alexa sends for them (digits for numbers and ordinals, ISO 8601 for dates,
//! times and durations).

use super::lang::{self, Lang};
use super::numbers::Numbers;
use super::text::{self, Word};
use crate::slots::{Date, Day, Duration, days_from_civil, iso_week};

/// A language's tables, folded and ready to use.
#[derive(Debug)]
pub(crate) struct Language {
    pub numbers: Numbers,
    /// Folded phrases (words joined by spaces) per month, January first.
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    fillers: Vec<String>,
    relative: Vec<(String, &'static str)>,
    next_this_last: Vec<Vec<String>>,
    periods: Vec<Vec<String>>,
    date_marks: Option<[String; 3]>,
    units: Vec<(String, &'static str)>,
    articles: Vec<String>,
    time_words: Vec<(String, &'static str)>,
    /// Words a Japanese value is cut at (counters such as 月, 時, 分), longest first.
    marks: Vec<(String, ())>,
    pub launch: Vec<String>,
    pub one_shot: Vec<String>,
    pub wake: Vec<String>,
}

fn phrase(p: &str) -> String {
    text::key(&p.replace('_', " "))
}

fn groups(table: &str) -> Vec<Vec<String>> {
    table
        .split_whitespace()
        .map(|g| g.split('|').map(phrase).collect())
        .collect()
}

fn coded(table: &'static str) -> Vec<(String, &'static str)> {
    let mut v = Vec::new();
    for (w, c) in table.split_whitespace().filter_map(|e| e.split_once(':')) {
        longest_first(&mut v, (phrase(w), c));
    }
    v
}

/// Inserts `item` after every longer key: lists kept longest first for
/// matching, without a sort (each sort instance costs kilobytes of code).
pub(crate) fn longest_first<T>(list: &mut Vec<(String, T)>, item: (String, T)) {
    let at = list.partition_point(|(k, _)| k.len() >= item.0.len());
    list.insert(at, item);
}

impl Language {
    pub(crate) fn new(locale: &str) -> Self {
        let l: &Lang = lang::for_locale(locale);
        let date_marks = l.date_marks.map(|m| m.map(phrase));
        let mut marks: Vec<(String, ())> = Vec::new();
        if date_marks.is_some() {
            let tables = [l.duration_units, l.time_words];
            let words = tables.iter().flat_map(|t| t.split_whitespace());
            let words = words.filter_map(|e| e.split_once(':').map(|(w, _)| w));
            for w in words.chain(l.date_marks.iter().flatten().copied()) {
                longest_first(&mut marks, (phrase(w), ()));
            }
        }
        Language {
            numbers: Numbers::new(l),
            months: groups(l.months),
            weekdays: groups(l.weekdays),
            fillers: l.fillers.split_whitespace().map(phrase).collect(),
            relative: coded(l.relative),
            next_this_last: groups(l.next_this_last),
            periods: groups(l.periods),
            date_marks,
            units: coded(l.duration_units),
            articles: l.articles.split_whitespace().map(phrase).collect(),
            time_words: coded(l.time_words),
            marks,
            launch: l
                .launch
                .split_whitespace()
                .map(|p| p.replace('_', " "))
                .collect(),
            one_shot: l
                .one_shot
                .split_whitespace()
                .map(|p| p.replace('_', " "))
                .collect(),
            wake: l.wake.split_whitespace().map(phrase).collect(),
        }
    }

    /// The value Alexa sends when `words` fill a slot of the built-in `slot_type`,
    /// or `None` when they do not fit it. Types without a format (AMAZON.FirstName,
    /// AMAZON.SearchQuery, …) take any words as they are.
    pub(crate) fn fill(&self, slot_type: &str, words: &[Word], today: Day) -> Option<String> {
        let value = text::join_texts(words);
        match slot_type {
            "AMAZON.NUMBER" => self.numbers.cardinal(&value).map(|n| n.to_string()),
            "AMAZON.FOUR_DIGIT_NUMBER" => self.four_digits(words),
            "AMAZON.Ordinal" => self.numbers.ordinal(&value).map(|n| n.to_string()),
            "AMAZON.Month" => find(&self.months, &text::join_keys(words)).map(|_| value),
            "AMAZON.DayOfWeek" => find(&self.weekdays, &text::join_keys(words)).map(|_| value),
            "AMAZON.DATE" => self.date(words, today).map(|d| d.to_string()),
            "AMAZON.TIME" => self.time(words),
            "AMAZON.DURATION" => self.duration(words).map(|d| d.to_string()),
            _ => Some(value),
        }
    }

    /// How specific a fit is: formatted types over free text.
    pub(crate) fn is_free_text(slot_type: &str) -> bool {
        !matches!(
            slot_type,
            "AMAZON.NUMBER"
                | "AMAZON.FOUR_DIGIT_NUMBER"
                | "AMAZON.Ordinal"
                | "AMAZON.Month"
                | "AMAZON.DayOfWeek"
                | "AMAZON.DATE"
                | "AMAZON.TIME"
                | "AMAZON.DURATION"
        )
    }

    fn four_digits(&self, words: &[Word]) -> Option<String> {
        // Digit by digit keeps leading zeros: "zero four two one" = 0421.
        let digits: Option<String> = words
            .iter()
            .map(|w| {
                self.numbers
                    .cardinal(&w.text)
                    .filter(|n| *n < 10 || w.key.len() == 4)
                    .map(|n| n.to_string())
            })
            .collect();
        let value = text::join_texts(words);
        digits
            .filter(|d| d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
            .or_else(|| {
                self.numbers
                    .cardinal(&value)
                    .filter(|n| (1000..=9999).contains(n))
                    .map(|n| n.to_string())
            })
    }

    /// The meaningful parts of a value: fillers dropped, Japanese cut at its counters.
    fn parts(&self, words: &[Word]) -> Vec<String> {
        let mut out = Vec::new();
        if self.date_marks.is_some() {
            let joined: String = words.iter().map(|w| w.key.as_str()).collect();
            let mut rest = joined.as_str();
            let mut current = String::new();
            while let Some(c) = rest.chars().next() {
                if let Some((m, _)) = self
                    .marks
                    .iter()
                    .find(|(m, _)| rest.starts_with(m.as_str()))
                {
                    if !current.is_empty() {
                        out.push(std::mem::take(&mut current));
                    }
                    out.push(m.clone());
                    rest = &rest[m.len()..];
                } else {
                    current.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
            if !current.is_empty() {
                out.push(current);
            }
        } else {
            out.extend(words.iter().map(|w| w.key.clone()));
        }
        out.retain(|p| !self.fillers.contains(p));
        out
    }

    fn date(&self, words: &[Word], today: Day) -> Option<Date> {
        let joined = text::join_keys(words);
        if let Some((_, code)) = self.relative.iter().find(|(w, _)| *w == joined) {
            return relative(code, today);
        }
        let parts = self.parts(words);
        let phrase = parts.join(" ");
        if let Some((_, code)) = self.relative.iter().find(|(w, _)| *w == phrase) {
            return relative(code, today);
        }
        // next / this / last + week, weekend, month, year or a weekday.
        let which = parts
            .iter()
            .find_map(|p| self.next_this_last.iter().position(|g| g.contains(p)));
        let rest: Vec<&String> = parts
            .iter()
            .filter(|p| !self.next_this_last.iter().any(|g| g.contains(p)))
            .collect();
        let rest_phrase = rest
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let offset = match which {
            Some(0) => 1,
            Some(2) => -1,
            _ => 0,
        };
        let weekday = find(&self.weekdays, &joined).or_else(|| find(&self.weekdays, &rest_phrase));
        if let Some(wd) = weekday {
            let now = i64::from(today.weekday());
            let mut ahead = (wd as i64 - now).rem_euclid(7);
            if offset == 1 && ahead == 0 {
                ahead = 7;
            }
            if offset == -1 {
                ahead -= 7;
            }
            return Some(Date::Day(today.add_days(ahead)));
        }
        if which.is_some() {
            let code = match find(&self.periods, &rest_phrase)? {
                0 => "w",
                1 => "we",
                2 => "m",
                _ => "y",
            };
            return relative(&format!("{code}{offset}"), today);
        }
        // Japanese 1990年11月6日.
        if let Some([y, m, d]) = &self.date_marks {
            let field = |mark: &String| {
                let i = parts.iter().position(|p| p == mark)?;
                let n = self.numbers.cardinal(parts.get(i.checked_sub(1)?)?)?;
                Some(n)
            };
            let (year, month, day) = (field(y), field(m), field(d));
            if month.is_some() || day.is_some() || year.is_some() {
                return explicit(year, month, day, today);
            }
        }
        // A month name with a day before or after it and a year after it.
        let mi = (0..parts.len()).find_map(|i| {
            (i + 1..=parts.len().min(i + 2))
                .rev()
                .find_map(|j| find(&self.months, &parts[i..j].join(" ")).map(|m| (i, j, m)))
        });
        let num = |ps: &[String], ordinal: bool| {
            let v = ps.join(" ");
            if ps.is_empty() {
                None
            } else if ordinal {
                self.numbers.ordinal(&v)
            } else {
                self.numbers.cardinal(&v)
            }
        };
        match mi {
            Some((i, j, month)) => {
                let (before, after) = (&parts[..i], &parts[j..]);
                let month = Some(month as u64 + 1);
                if !before.is_empty() {
                    let day = num(before, true)?;
                    let year = if after.is_empty() {
                        None
                    } else {
                        Some(num(after, false)?)
                    };
                    return explicit(year, month, Some(day), today);
                }
                if after.is_empty() {
                    return explicit(None, month, None, today);
                }
                if let Some(y) = num(after, false).filter(|y| *y >= 1000) {
                    return explicit(Some(y), month, None, today);
                }
                (1..=after.len()).find_map(|k| {
                    let day = num(&after[..k], true).filter(|d| *d <= 31)?;
                    let year = if k == after.len() {
                        None
                    } else {
                        Some(num(&after[k..], false).filter(|y| *y >= 1000)?)
                    };
                    explicit(year, month, Some(day), today)
                })
            }
            None => num(&parts, false)
                .filter(|y| (1000..=9999).contains(y))
                .map(|y| Date::Year(y as i32)),
        }
    }

    fn time(&self, words: &[Word]) -> Option<String> {
        let mut parts = self.parts(words);
        // Two-word time phrases: "y media", "après midi".
        let mut i = 0;
        while i + 1 < parts.len() {
            let pair = format!("{} {}", parts[i], parts[i + 1]);
            if self.time_words.iter().any(|(w, _)| *w == pair) {
                parts[i] = pair;
                parts.remove(i + 1);
            }
            i += 1;
        }
        let code = |p: &String| {
            self.time_words
                .iter()
                .find(|(w, _)| w == p)
                .map(|(_, c)| *c)
        };
        let codes: Vec<Option<&str>> = parts.iter().map(code).collect();
        let numbers: Vec<&String> = parts
            .iter()
            .zip(&codes)
            .filter(|(_, c)| c.is_none())
            .map(|(p, _)| p)
            .collect();
        let has = |c: &str| codes.contains(&Some(c));
        let part = codes
            .iter()
            .flatten()
            .find(|c| matches!(**c, "MO" | "AF" | "EV" | "NI"));
        let fixed = codes.iter().flatten().find(|c| c.contains(':'));
        if numbers.is_empty() {
            return fixed.or(part).map(|c| (*c).to_owned());
        }
        // Hour and minutes: "five thirty", "17 uhr 30", "5時30分".
        let (mut hour, mut minute) = (None, 0u64);
        for k in 1..=numbers.len() {
            let h = self
                .numbers
                .cardinal(&join(&numbers[..k]))
                .filter(|h| *h <= 24);
            let m = if k == numbers.len() {
                Some(0)
            } else {
                self.numbers
                    .cardinal(&join(&numbers[k..]))
                    .filter(|m| *m < 60)
            };
            if let (Some(h), Some(m)) = (h, m) {
                hour = Some(h);
                minute = m;
                break;
            }
        }
        let mut hour = hour?;
        if has("half") || has("half-past") {
            minute = 30;
        }
        if has("quarter") || has("quarter-past") || has("quarter-to") {
            minute = 15;
        }
        if has("half-next") {
            hour = (hour + 23) % 24;
            minute = 30;
        }
        if (has("to") || has("quarter-to")) && minute > 0 {
            minute = 60 - minute;
            hour = (hour + 23) % 24;
        }
        let pm = has("pm") || matches!(part, Some(&"AF" | &"EV" | &"NI"));
        if pm && hour < 12 {
            hour += 12;
        }
        if has("am") && hour == 12 {
            hour = 0;
        }
        Some(format!("{:02}:{minute:02}", hour % 24))
    }

    fn duration(&self, words: &[Word]) -> Option<Duration> {
        let mut d = Duration::default();
        let mut pending: Vec<String> = Vec::new();
        let mut any = false;
        for p in self.parts(words) {
            let Some((_, unit)) = self.units.iter().find(|(w, _)| *w == p) else {
                pending.push(p);
                continue;
            };
            let article = pending.len() == 1 && self.articles.contains(&pending[0]);
            let n = if pending.is_empty() || article {
                1
            } else {
                let words: Vec<&str> = pending
                    .iter()
                    .map(String::as_str)
                    .filter(|w| !self.is_connector(w))
                    .collect();
                u32::try_from(self.numbers.cardinal(&words.join(" "))?).ok()?
            };
            pending.clear();
            any = true;
            let field = match *unit {
                "S" => &mut d.seconds,
                "M" => &mut d.minutes,
                "H" => &mut d.hours,
                "D" => &mut d.days,
                "W" => &mut d.weeks,
                "MO" => &mut d.months,
                _ => &mut d.years,
            };
            *field = field.saturating_add(n);
        }
        (any && pending.iter().all(|w| self.is_connector(w))).then_some(d)
    }

    fn is_connector(&self, word: &str) -> bool {
        self.numbers.cardinal(word).is_none() && self.numbers.is_connector(word)
    }
}

fn join(parts: &[&String]) -> String {
    parts
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The index of the group one of whose phrases is `phrase`.
fn find(groups: &[Vec<String>], phrase: &str) -> Option<usize> {
    groups.iter().position(|g| g.iter().any(|p| p == phrase))
}

fn relative(code: &str, today: Day) -> Option<Date> {
    if code == "now" {
        return Some(Date::PresentRef);
    }
    let split = code.find(|c: char| c == '-' || c.is_ascii_digit())?;
    let (kind, n) = code.split_at(split);
    let n: i64 = n.parse().ok()?;
    let t = today.days_since_epoch();
    Some(match kind {
        "d" => Date::Day(today.add_days(n)),
        "w" | "we" => {
            let (year, week) = iso_week(t + 7 * n);
            if kind == "w" {
                Date::Week { year, week }
            } else {
                Date::Weekend { year, week }
            }
        }
        "m" => {
            let months = i64::from(today.year) * 12 + i64::from(today.month) - 1 + n;
            Date::Month {
                year: months.div_euclid(12) as i32,
                month: months.rem_euclid(12) as u32 + 1,
            }
        }
        _ => Date::Year(today.year + n as i32),
    })
}

/// A date from its parts; without a year, the next such day from today on.
fn explicit(year: Option<u64>, month: Option<u64>, day: Option<u64>, today: Day) -> Option<Date> {
    let given = year.is_some();
    let year = year
        .map(|y| i32::try_from(y).ok())
        .unwrap_or(Some(today.year))?;
    let month = u32::try_from(month?).ok()?;
    let Some(day) = day else {
        return (1..=12)
            .contains(&month)
            .then_some(Date::Month { year, month });
    };
    let d = Day::new(year, month, u32::try_from(day).ok()?)?;
    if !given && d.days_since_epoch() < days_from_civil(today.year, today.month, today.day) {
        return Day::new(year + 1, d.month, d.day).map(Date::Day);
    }
    Some(Date::Day(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill(locale: &str, slot_type: &str, said: &str) -> Option<String> {
        let today = Day::new(2026, 11, 29).unwrap(); // a Sunday, ISO week 48
        Language::new(locale).fill(slot_type, &text::words(said), today)
    }

    #[test]
    fn dates_as_alexa_sends_them() {
        let cases = [
            ("en-US", "today", "2026-11-29"),
            ("en-US", "tomorrow", "2026-11-30"),
            ("en-US", "next monday", "2026-11-30"),
            ("en-US", "friday", "2026-12-04"),
            ("en-US", "last friday", "2026-11-27"),
            ("en-US", "this week", "2026-W48"),
            ("en-US", "next week", "2026-W49"),
            ("en-US", "this weekend", "2026-W48-WE"),
            ("en-US", "next month", "2026-12"),
            ("en-US", "last year", "2025"),
            ("en-US", "now", "PRESENT_REF"),
            ("en-US", "november sixth", "2027-11-06"),
            ("en-US", "the sixth of december", "2026-12-06"),
            ("en-US", "december sixth twenty twenty six", "2026-12-06"),
            ("en-US", "november nineteen ninety", "1990-11"),
            ("en-US", "nineteen ninety", "1990"),
            ("de-DE", "übermorgen", "2026-12-01"),
            ("de-DE", "am sechsten dezember", "2026-12-06"),
            (
                "es-ES",
                "el seis de diciembre de dos mil veintisiete",
                "2027-12-06",
            ),
            ("fr-FR", "la semaine prochaine", "2026-W49"),
            ("it-IT", "il mese prossimo", "2026-12"),
            ("ja-JP", "来週", "2026-W49"),
            ("ja-JP", "2027年1月2日", "2027-01-02"),
            ("hi-IN", "परसों", "2026-12-01"),
            ("ar-SA", "بعد غد", "2026-12-01"),
        ];
        for (locale, said, want) in cases {
            assert_eq!(
                fill(locale, "AMAZON.DATE", said).as_deref(),
                Some(want),
                "{locale} {said}"
            );
        }
        assert_eq!(fill("en-US", "AMAZON.DATE", "sing a song"), None);
    }

    #[test]
    fn times_and_durations_as_alexa_sends_them() {
        let times = [
            ("en-US", "five thirty pm", "17:30"),
            ("en-US", "noon", "12:00"),
            ("en-US", "half past five", "05:30"),
            ("en-US", "quarter to six", "05:45"),
            ("en-US", "seven in the evening", "19:00"),
            ("en-US", "in the morning", "MO"),
            ("de-DE", "halb sechs", "05:30"),
            ("de-DE", "siebzehn uhr dreißig", "17:30"),
            ("fr-FR", "dix-sept heures trente", "17:30"),
            ("es-ES", "las cinco y media de la tarde", "17:30"),
            ("ja-JP", "午後5時30分", "17:30"),
            ("hi-IN", "शाम", "EV"),
        ];
        for (locale, said, want) in times {
            assert_eq!(
                fill(locale, "AMAZON.TIME", said).as_deref(),
                Some(want),
                "{locale} {said}"
            );
        }
        let durations = [
            ("en-US", "five minutes", "PT5M"),
            ("en-US", "an hour and thirty minutes", "PT1H30M"),
            ("en-US", "two weeks", "P2W"),
            ("de-DE", "eine stunde", "PT1H"),
            ("nl-NL", "drie dagen", "P3D"),
            ("ja-JP", "2時間", "PT2H"),
            ("ar-SA", "خمس دقائق", "PT5M"),
        ];
        for (locale, said, want) in durations {
            assert_eq!(
                fill(locale, "AMAZON.DURATION", said).as_deref(),
                Some(want),
                "{locale} {said}"
            );
        }
        assert_eq!(fill("en-US", "AMAZON.DURATION", "five bananas"), None);
        assert_eq!(
            fill("en-US", "AMAZON.FOUR_DIGIT_NUMBER", "zero four two one").as_deref(),
            Some("0421")
        );
        assert_eq!(fill("en-US", "AMAZON.FOUR_DIGIT_NUMBER", "forty two"), None);
        assert_eq!(
            fill("en-US", "AMAZON.Month", "november").as_deref(),
            Some("november")
        );
        assert_eq!(fill("en-US", "AMAZON.Month", "nineteen"), None);
        assert_eq!(
            fill("ja-JP", "AMAZON.Month", "11月").as_deref(),
            Some("11月")
        );
        assert_eq!(
            fill("es-MX", "AMAZON.Ordinal", "primera").as_deref(),
            Some("1")
        );
        assert_eq!(
            fill("en-US", "AMAZON.DayOfWeek", "Friday").as_deref(),
            Some("friday")
        );
        assert_eq!(
            fill("en-US", "AMAZON.FirstName", "Ada").as_deref(),
            Some("ada")
        );
    }
}
