//! Turning typed text into words, the same way for samples and utterances.
//!
//! Each word has two forms: `text`, what Alexa would send as a slot value
//! (lower case, curly apostrophes straightened, digits of any script as ASCII,
//! combining accents composed), and `key`, what matching compares (accents,
//! Arabic diacritics and hamza forms, Devanagari nukta and chandrabindu
//! folded). Punctuation separates words and is dropped, Devanagari danda
//! included. Japanese and Chinese characters have no spaces between words, so
//! each is a word of its own and punctuation between them just disappears:
//! `こんにちは、世界！` and `こんにちは世界` are the same words.

/// One word of normalized text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Word {
    pub text: String,
    pub key: String,
}

/// A Japanese or Chinese character: a word of its own.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3041..=0x3096 | 0x309D..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF
        | 0x3005..=0x3007 | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F)
}

/// Marks that belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962..=0x0963
        | 0x3099..=0x309A)
}

/// Digits of other scripts and full-width forms as ASCII; curly apostrophes straight.
fn unify(c: char) -> char {
    let n = c as u32;
    match n {
        0x0660..=0x0669 => char::from(b'0' + (n - 0x0660) as u8),
        0x06F0..=0x06F9 => char::from(b'0' + (n - 0x06F0) as u8),
        0x0966..=0x096F => char::from(b'0' + (n - 0x0966) as u8),
        0xFF01..=0xFF5E => char::from_u32(n - 0xFEE0).unwrap_or(c),
        _ => match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
            _ => c,
        },
    }
}

/// Latin letters with a diacritic, and the letter without it.
const LATIN: &str =
    "àaáaâaãaäaåaāaçcćcčcèeéeêeëeēeěeìiíiîiïiīiñnńnňnòoóoôoõoöoøoōoùuúuûuüuūuůuýyÿyšsžzřr";

/// Folds one lower-case character for comparison; `None` drops it.
fn fold(c: char) -> Option<char> {
    let n = c as u32;
    Some(match n {
        // Latin combining accents (decomposed input), Arabic diacritics, tatweel, nukta.
        0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x0640 | 0x093C => return None,
        // Arabic hamza and alef forms.
        0x0622 | 0x0623 | 0x0625 | 0x0671 => 'ا',
        0x0649 | 0x0626 => 'ي',
        0x0629 => 'ه',
        0x0624 => 'و',
        // Devanagari: chandrabindu as anusvara, precomposed nukta letters as their base.
        0x0901 => '\u{0902}',
        0x0958 => 'क',
        0x0959 => 'ख',
        0x095A => 'ग',
        0x095B => 'ज',
        0x095C => 'ड',
        0x095D => 'ढ',
        0x095E => 'फ',
        0x095F => 'य',
        _ => {
            let mut chars = LATIN.chars();
            while let (Some(accented), Some(base)) = (chars.next(), chars.next()) {
                if accented == c {
                    return Some(base);
                }
            }
            c
        }
    })
}

/// Composes a Latin letter and a combining accent, when there is such a letter.
fn compose(base: char, mark: char) -> Option<char> {
    const TABLE: [(char, &str, &str); 6] = [
        ('\u{0300}', "aeiou", "àèìòù"),
        ('\u{0301}', "aeiouyn", "áéíóúýń"),
        ('\u{0302}', "aeiou", "âêîôû"),
        ('\u{0303}', "aon", "ãõñ"),
        ('\u{0308}', "aeiouy", "äëïöüÿ"),
        ('\u{0327}', "c", "ç"),
    ];
    let (_, bases, composed) = TABLE.iter().find(|(m, _, _)| *m == mark)?;
    let i = bases.chars().position(|b| b == base)?;
    composed.chars().nth(i)
}

/// The words of `text`.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current = String::new();
    let flush = |current: &mut String, out: &mut Vec<Word>| {
        let word = current.trim_matches('\'');
        if !word.is_empty() {
            out.push(Word {
                key: word.chars().filter_map(fold).collect(),
                text: word.to_owned(),
            });
        }
        current.clear();
    };
    for c in text.chars().map(unify).flat_map(char::to_lowercase) {
        if is_cjk(c) {
            flush(&mut current, &mut out);
            current.push(c);
            flush(&mut current, &mut out);
        } else if is_mark(c) {
            // A voicing mark belongs to the kana before it; other marks to their letter.
            let target = if current.is_empty() {
                out.last_mut().map(|w| &mut w.text)
            } else {
                Some(&mut current)
            };
            if let Some(t) = target {
                match t.pop() {
                    Some(base) => match compose(base, c) {
                        Some(composed) => t.push(composed),
                        None => {
                            t.push(base);
                            t.push(c);
                        }
                    },
                    None => t.push(c),
                }
                if current.is_empty()
                    && let Some(w) = out.last_mut()
                {
                    w.key = w.text.chars().filter_map(fold).collect();
                }
            }
        } else if c.is_alphanumeric() || (c == '\'' && !current.is_empty()) {
            current.push(c);
        } else {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

/// The comparison keys of `text`, joined by spaces.
pub(crate) fn key(text: &str) -> String {
    join_keys(&words(text))
}

/// Joins words as Alexa writes a slot value: with spaces, except next to
/// Japanese and Chinese characters (`11月`, `午後5時`).
pub(crate) fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut last_cjk = false;
    for p in parts {
        let cjk = p.chars().next().is_some_and(is_cjk);
        if !(out.is_empty() || cjk || last_cjk) {
            out.push(' ');
        }
        out.push_str(p);
        last_cjk = p.chars().last().is_some_and(is_cjk);
    }
    out
}

/// The keys of `words`, joined as [`join`] does.
pub(crate) fn join_keys(words: &[Word]) -> String {
    join(words.iter().map(|w| w.key.as_str()))
}

/// The texts of `words`, joined as [`join`] does.
pub(crate) fn join_texts(words: &[Word]) -> String {
    join(words.iter().map(|w| w.text.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_each_script_the_same_way_for_samples_and_utterances() {
        assert_eq!(key("¡Hola, Mundo!"), "hola mundo");
        assert_eq!(key("こんにちは、世界！"), key("こんにちは世界"));
        assert_eq!(join_texts(&words("こんにちは、世界！")), "こんにちは世界");
        assert_eq!(key("नमस्ते दुनिया।"), "नमस्ते दुनिया");
        assert_eq!(key("مرحباً بالعالم"), key("مرحبا بالعالم"));
        assert_eq!(key("أهلا"), key("اهلا"));
        assert_eq!(key("what’s up"), "what's up");
        assert_eq!(key("Cafe\u{301}"), key("café"));
        assert_eq!(words("Cafe\u{301}")[0].text, "café");
        assert_eq!(key("२५ ٢٥ ２５"), "25 25 25");
        assert_eq!(key("１１月"), "11月");
        assert_eq!(key("पाँच"), key("पांच"));
        assert_eq!(key("सड़क"), key("सड\u{093C}क"));
    }
}
