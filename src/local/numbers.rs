//! Spoken numbers and ordinals, in every Alexa language, as Alexa sends them: digits.
//!
//! One mechanism for all languages: the words of a value are joined and cut
//! into the number words of [`Lang::numbers`] (so German and Dutch compounds
//! such as `zweiundvierzig` and Japanese `四十二` need no rules of their own),
//! then added up: a unit after a ten adds (`twenty five`), a unit before a ten
//! adds where the language says so (`zwei und vierzig`, `واحد وعشرون`), a
//! multiplier multiplies (`two hundred`, `四十`, `deux cents`), and anything
//! else is read digit by digit as people say years and codes (`nineteen
//! ninety` = 1990, `one two three` = 123).

use super::builtin::longest_first;
use super::lang::Lang;
use super::text;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Morph {
    Value(u64),
    /// Multiplies the small number before it (hundred, 十).
    Small(u64),
    /// Multiplies everything before it (thousand, 万).
    Big(u64),
    Connector,
}

/// A language's number words, ready to read numbers.
#[derive(Debug)]
pub(crate) struct Numbers {
    /// Longest first.
    morphs: Vec<(String, Morph)>,
    units_first: bool,
    /// (ending, (replacement, is a prefix)), longest first.
    ordinals: Vec<(String, (String, bool))>,
    inflections: Vec<(String, String)>,
}

fn fold(word: &str) -> String {
    text::key(&word.replace('_', " ")).replace(' ', "")
}

fn pairs(table: &str, sep: char) -> impl Iterator<Item = (&str, &str)> {
    table
        .split_whitespace()
        .map(move |e| e.split_once(sep).unwrap_or((e, "")))
}

impl Numbers {
    pub(crate) fn new(lang: &Lang) -> Self {
        let mut morphs: Vec<(String, Morph)> = Vec::new();
        let entries = pairs(lang.numbers, ':').filter_map(|(w, v)| {
            let m = if v == "&" {
                Morph::Connector
            } else if let Some(n) = v.strip_suffix('*') {
                Morph::Small(n.parse().ok()?)
            } else if let Some(n) = v.strip_suffix('^') {
                Morph::Big(n.parse().ok()?)
            } else {
                Morph::Value(v.parse().ok()?)
            };
            Some((fold(w), m))
        });
        for entry in entries {
            longest_first(&mut morphs, entry);
        }
        let mut ordinals: Vec<(String, (String, bool))> = Vec::new();
        for (e, r) in pairs(lang.ordinals, '>') {
            let entry = match e.strip_prefix('^') {
                Some(p) => (fold(p), (fold(r), true)),
                None => (fold(e), (fold(r), false)),
            };
            longest_first(&mut ordinals, entry);
        }
        let inflections = pairs(lang.inflections, '>')
            .map(|(e, r)| (fold(e), fold(r)))
            .collect();
        Numbers {
            morphs,
            units_first: lang.units_first,
            ordinals,
            inflections,
        }
    }

    /// A cardinal number (`twenty five`, `zweiundvierzig`, `25`).
    pub(crate) fn cardinal(&self, value: &str) -> Option<u64> {
        let joined: String = text::key(value).split(' ').collect();
        if joined.is_empty() {
            return None;
        }
        let mut morphs = Vec::new();
        if !self.segment(&joined, &mut morphs) {
            return None;
        }
        self.evaluate(&morphs)
    }

    /// An ordinal (`sixth`, `einundzwanzigste`, `vigésimo primero`, `第三`,
    /// `6th`) or, as Alexa accepts for AMAZON.Ordinal, a cardinal.
    pub(crate) fn ordinal(&self, value: &str) -> Option<u64> {
        if let Some(n) = self.cardinal(value) {
            return Some(n);
        }
        let key = text::key(value);
        let mut changed = false;
        let words: Vec<String> = key
            .split(' ')
            .map(|w| match self.ordinal_word(w) {
                Some(c) => {
                    changed = true;
                    c
                }
                None => w.to_owned(),
            })
            .collect();
        if changed && let Some(n) = self.cardinal(&words.join(" ")) {
            return Some(n);
        }
        // 6th, 1st, 6e, 6º, 21ª
        let digits: String = key.chars().take_while(char::is_ascii_digit).collect();
        let rest = &key[digits.len()..];
        if !digits.is_empty()
            && !key.contains(' ')
            && rest.chars().count() <= 3
            && rest
                .chars()
                .all(|c| c.is_alphabetic() || c == 'º' || c == 'ª')
        {
            return digits.parse().ok();
        }
        None
    }

    /// The cardinal form of one ordinal word, if it is one: of all the ways
    /// to rewrite its ending (`sechste` = `sechs`+`te`, not `sech`+`ste`), the
    /// first that reads as a number.
    fn ordinal_word(&self, word: &str) -> Option<String> {
        let rewrites = |w: String| {
            self.ordinals.iter().filter_map(move |(e, (r, prefix))| {
                let out = if *prefix {
                    w.strip_prefix(e.as_str()).map(|rest| format!("{r}{rest}"))
                } else {
                    w.strip_suffix(e.as_str()).map(|stem| format!("{stem}{r}"))
                };
                out.filter(|o| !o.is_empty())
            })
        };
        let inflected = self.inflections.iter().filter_map(|(e, r)| {
            word.strip_suffix(e.as_str())
                .map(|stem| format!("{stem}{r}"))
        });
        let mut candidates = std::iter::once(word.to_owned())
            .chain(inflected)
            .flat_map(rewrites);
        candidates.find(|c| self.cardinal(c).is_some())
    }

    /// Whether `word` (folded) joins number words (`and`, `und`, `y`).
    pub(crate) fn is_connector(&self, word: &str) -> bool {
        self.morphs
            .iter()
            .any(|(w, m)| *m == Morph::Connector && w == word)
    }

    /// Cuts `s` into number words, longest first, backtracking.
    fn segment(&self, s: &str, out: &mut Vec<Morph>) -> bool {
        if s.is_empty() {
            return !out.is_empty();
        }
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            let Ok(n) = s[..digits].parse() else {
                return false;
            };
            out.push(Morph::Value(n));
            if self.segment(&s[digits..], out) {
                return true;
            }
            out.pop();
            return false;
        }
        for (word, morph) in &self.morphs {
            if let Some(rest) = s.strip_prefix(word.as_str()) {
                out.push(*morph);
                if self.segment(rest, out) {
                    return true;
                }
                out.pop();
            }
        }
        false
    }

    fn evaluate(&self, morphs: &[Morph]) -> Option<u64> {
        let (mut total, mut section, mut pending) = (0u64, 0u64, None::<u64>);
        let mut any = false;
        for m in morphs {
            match *m {
                Morph::Value(v) => {
                    any = true;
                    pending = Some(match pending {
                        None => v,
                        Some(p) => self.combine(p, v)?,
                    });
                }
                Morph::Small(n) => {
                    any = true;
                    section = section.checked_add(pending.take().unwrap_or(1).checked_mul(n)?)?;
                }
                Morph::Big(n) => {
                    any = true;
                    let before = section.checked_add(pending.take().unwrap_or(0))?;
                    total = total.checked_add(before.max(1).checked_mul(n)?)?;
                    section = 0;
                }
                Morph::Connector => {}
            }
        }
        if !any {
            return None;
        }
        total
            .checked_add(section)?
            .checked_add(pending.unwrap_or(0))
    }

    /// Two numbers said one after the other.
    fn combine(&self, p: u64, v: u64) -> Option<u64> {
        let place = 10u64.pow(p.trailing_zeros_decimal());
        let adds = (p >= 10 && v < place.min(100)) // twenty five, doscientos cincuenta, 2020 + 6
            || ((p == 60 || p == 80) && v < 20) // soixante-douze, quatre-vingt-dix
            || (self.units_first && p < 10 && v.is_multiple_of(10) && (10..100).contains(&v)); // zwei und vierzig
        if adds {
            return p.checked_add(v);
        }
        // Digit by digit: nineteen ninety, one two three.
        let digits = v.checked_ilog10().unwrap_or(0) + 1;
        p.checked_mul(10u64.checked_pow(digits)?)?.checked_add(v)
    }
}

trait DecimalZeros {
    fn trailing_zeros_decimal(self) -> u32;
}

impl DecimalZeros for u64 {
    fn trailing_zeros_decimal(self) -> u32 {
        let (mut n, mut z) = (self, 0);
        while n != 0 && n % 10 == 0 {
            n /= 10;
            z += 1;
        }
        z
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::local::lang::for_locale;

    #[test]
    fn reads_numbers_in_every_language() {
        let cases: &[(&str, &str, u64)] = &[
            ("en", "twenty five", 25),
            ("en", "two hundred and five", 205),
            ("en", "nineteen ninety", 1990),
            ("en", "twenty twenty six", 2026),
            ("en", "two thousand twenty six", 2026),
            ("en", "one two three", 123),
            ("en", "42", 42),
            ("de", "zweiundvierzig", 42),
            ("de", "neunzehnhundertneunzig", 1990),
            ("de", "zweitausendsechsundzwanzig", 2026),
            ("es", "veinticinco", 25),
            ("es", "mil novecientos noventa", 1990),
            ("es", "cincuenta y cinco", 55),
            ("fr", "quatre-vingt-dix", 90),
            ("fr", "soixante-douze", 72),
            ("fr", "vingt et un", 21),
            ("fr", "mille neuf cent quatre-vingt-dix", 1990),
            ("it", "ventitré", 23),
            ("it", "ventotto", 28),
            ("it", "millenovecentonovanta", 1990),
            ("nl", "tweeënveertig", 42),
            ("nl", "negentienhonderdnegentig", 1990),
            ("pt", "vinte e cinco", 25),
            ("pt", "mil novecentos e noventa", 1990),
            ("ja", "四十二", 42),
            ("ja", "二千二十六", 2026),
            ("ja", "千九百九十", 1990),
            ("hi", "पच्चीस", 25),
            ("hi", "दो हज़ार छब्बीस", 2026),
            ("hi", "उन्नीस सौ नब्बे", 1990),
            ("ar", "خمسة وعشرون", 25),
            ("ar", "ثلاثة عشر", 13),
            ("ar", "ألف وتسعمائة وتسعون", 1990),
            ("ar", "٢٥", 25),
        ];
        for (lang, words, n) in cases {
            let numbers = Numbers::new(for_locale(lang));
            assert_eq!(numbers.cardinal(words), Some(*n), "{lang} {words}");
        }
        let en = Numbers::new(for_locale("en"));
        assert_eq!(en.cardinal("sing me a song"), None);
        let huge = "nine hundred ninety nine million ".repeat(4) + "18446744073709551615 99";
        assert_eq!(en.cardinal(&huge), None);
        assert_eq!(en.cardinal("sixth"), None);
    }

    #[test]
    fn reads_ordinals_in_every_language() {
        let cases: &[(&str, &str, u64)] = &[
            ("en", "sixth", 6),
            ("en", "twenty first", 21),
            ("en", "twentieth", 20),
            ("en", "6th", 6),
            ("de", "sechsten", 6),
            ("de", "einundzwanzigste", 21),
            ("de", "erster", 1),
            ("es", "primera", 1),
            ("es", "vigésimo primero", 21),
            ("fr", "premier", 1),
            ("fr", "vingt et unième", 21),
            ("fr", "quatrième", 4),
            ("it", "ventunesimo", 21),
            ("it", "terza", 3),
            ("nl", "eenentwintigste", 21),
            ("nl", "derde", 3),
            ("pt", "vigésimo primeiro", 21),
            ("ja", "第三", 3),
            ("ja", "三番目", 3),
            ("hi", "पाँचवाँ", 5),
            ("hi", "पहला", 1),
            ("ar", "الحادي والعشرون", 21),
            ("ar", "الثالث", 3),
            ("ar", "الأولى", 1),
        ];
        for (lang, words, n) in cases {
            let numbers = Numbers::new(for_locale(lang));
            assert_eq!(numbers.ordinal(words), Some(*n), "{lang} {words}");
        }
    }
}
