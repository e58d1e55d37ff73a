//! A structural scan of JSON text: where each value ends, without building it.
//!
//! [`RequestEnvelope::from_slice`](super::RequestEnvelope::from_slice) reads
//! the event in one pass with alexa-kit's reader (`read.rs`), which calls
//! this scan for the parts it does not parse (`context` until it is read,
//! members the model does not know, and the tokens it hands to serde_json).
//! When that pass refuses an event, the careful path scans the whole event
//! with this first, then parses the parts. Below the top level, the scan
//! only matches brackets and strings: the rest of the grammar is checked by
//! serde when a part is parsed, so a part nobody reads costs one pass of
//! vector compares over 64-byte blocks (see [`Block`]), about 7 bytes per
//! nanosecond on the build machine.
//!
//! It also bounds what a parse can cost, whatever the event's shape: no more
//! than [`MAX_VALUES`] values (object keys count too) and no deeper than
//! [`MAX_DEPTH`]. Lambda events are at most 6 MB, and a 6 MB event of tiny
//! values (`[0,0,0,…]`, `[{"a":0},…]`) would take 50–100 times its size once
//! parsed into `serde_json::Value`s; with the cap, whatever the event, a parse
//! allocates a few tens of MB at most.

/// The most values an event may hold, counted as commas, colons and opening
/// brackets (so about one per value and one per object key).
/// Alexa's events hold a few hundred; session attributes are bounded by the
/// 24 KB response that set them. The worst shape at the bound, `[{"a":0},…]`
/// in session attributes, peaks at about 40 MB in the hello-world bootstrap
/// (`cargo bench --bench memory`); a one-key object costs a whole B-tree node.
pub(crate) const MAX_VALUES: usize = 50_000;

/// The deepest nesting accepted, the same as serde_json's recursion limit.
pub(crate) const MAX_DEPTH: usize = 128;

/// Why a scan stopped.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ScanError {
    /// Not JSON, at this byte offset; serde's message says more.
    Syntax(usize),
    /// More than [`MAX_VALUES`] values.
    TooManyValues,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

/// A position in JSON text, and the number of values passed so far.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    values: usize,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            values: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn syntax<T>(&self) -> Result<T, ScanError> {
        Err(ScanError::Syntax(self.pos))
    }

    pub(crate) fn whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// Skips whitespace and expects `byte`.
    fn expect(&mut self, byte: u8) -> Result<(), ScanError> {
        self.whitespace();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.syntax()
        }
    }

    fn count(&mut self) -> Result<(), ScanError> {
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(ScanError::TooManyValues);
        }
        Ok(())
    }

    /// Counts the bytes set in `counted` (see [`Block::counted`]).
    fn add(&mut self, counted: u64) -> Result<(), ScanError> {
        self.values += counted.count_ones() as usize;
        if self.values > MAX_VALUES {
            return Err(ScanError::TooManyValues);
        }
        Ok(())
    }

    /// At a `"`: moves past the closing quote; returns the string with its
    /// quotes and whether it holds an escape.
    fn string(&mut self) -> Result<(&'a str, bool), ScanError> {
        if self.peek() != Some(b'"') {
            return self.syntax();
        }
        let start = self.pos;
        let mut at = start + 1;
        let mut escaped = false;
        loop {
            at = next_quote_or_backslash(self.bytes, at);
            match self.bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    self.count()?;
                    // Both ends are ASCII quotes, so on char boundaries.
                    return Ok((&self.text[start..=at], escaped));
                }
                // A backslash escapes the next byte (`\"`, `\\`, `\uXXXX`…).
                Some(_) if at + 1 < self.bytes.len() => {
                    escaped = true;
                    at += 2;
                }
                _ => {
                    self.pos = self.bytes.len();
                    return self.syntax();
                }
            }
        }
    }

    /// Moves past a number, `true`, `false` or `null` (or anything else up to
    /// the next structural byte: serde checks scalars when the part is read).
    fn scalar(&mut self) -> Result<(), ScanError> {
        let start = self.pos;
        while let Some(&b) = self.bytes.get(self.pos) {
            if matches!(
                b,
                b',' | b':' | b'{' | b'[' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
            ) {
                break;
            }
            self.pos += 1;
        }
        if self.pos == start {
            return self.syntax();
        }
        self.count()
    }

    /// An object key and its colon.
    fn key(&mut self) -> Result<(&'a str, bool), ScanError> {
        self.whitespace();
        let key = self.string()?;
        self.expect(b':')?;
        Ok(key)
    }

    /// Skips whitespace and one value; returns the value's text.
    #[cfg(test)]
    fn value(&mut self) -> Result<&'a str, ScanError> {
        self.value_at_depth(0)
    }

    /// Skips whitespace and one value already `outer` containers deep; returns the value's text.
    ///
    /// Inside arrays and objects only brackets and strings are matched, and
    /// commas, colons and openings counted (at least one per value
    /// or key of valid JSON), 64 bytes at a time: see [`Block`].
    fn value_at_depth(&mut self, outer: usize) -> Result<&'a str, ScanError> {
        self.value_counting::<true>(outer)
    }

    /// [`value_at_depth`](Self::value_at_depth); without `COUNT`, the
    /// commas, colons and openings inside arrays and objects are not
    /// counted, for text too short to hold [`MAX_VALUES`] of them.
    fn value_counting<const COUNT: bool>(&mut self, outer: usize) -> Result<&'a str, ScanError> {
        self.whitespace();
        let start = self.pos;
        match self.peek() {
            Some(b'"') => {
                self.string()?;
                return Ok(&self.text[start..self.pos]);
            }
            Some(b'{' | b'[') => {}
            _ => {
                self.scalar()?;
                return Ok(&self.text[start..self.pos]);
            }
        }
        // The closing bracket expected at each depth.
        let mut closers = [0u8; MAX_DEPTH];
        let mut depth = 0usize;
        let bytes = self.bytes;
        let mut carry = Carry::default();
        let mut at = start;
        while at < bytes.len() {
            let block = Block::at::<COUNT>(bytes, at, &mut carry);
            let mut brackets = block.brackets;
            while brackets != 0 {
                let bit = brackets.trailing_zeros();
                brackets &= brackets - 1;
                let here = at + bit as usize;
                // What this block counts up to here: the cap is reported
                // first whenever it was passed before an error or the end.
                let so_far = block.counted & (u64::MAX >> (63 - bit));
                match bytes[here] {
                    open @ (b'{' | b'[') => {
                        let Some(closer) = closers.get_mut(outer + depth) else {
                            self.add(so_far)?;
                            self.pos = here + 1;
                            return Err(ScanError::TooDeep);
                        };
                        *closer = open + 2; // `{` + 2 = `}`, `[` + 2 = `]`
                        depth += 1;
                    }
                    close if depth == 0 || closers[outer + depth - 1] != close => {
                        self.add(so_far)?;
                        self.pos = here;
                        return self.syntax();
                    }
                    _ if depth == 1 => {
                        self.add(so_far)?;
                        self.pos = here + 1;
                        // Both ends are ASCII brackets, so on char boundaries.
                        return Ok(&self.text[start..=here]);
                    }
                    _ => depth -= 1,
                }
            }
            self.add(block.counted)?;
            at += 64;
        }
        self.pos = bytes.len();
        self.syntax()
    }

    /// Walks the members of the object that starts here (after whitespace),
    /// calling `member(key, value_text)` for each; `key` is unescaped only
    /// when it holds an escape. Stops early when `member` returns `false`.
    pub(crate) fn members(
        &mut self,
        depth: usize,
        mut member: impl FnMut(std::borrow::Cow<'a, str>, &'a str) -> bool,
    ) -> Result<(), ScanError> {
        self.expect(b'{')?;
        self.count()?;
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            let (quoted, escaped) = self.key()?;
            let key = if escaped {
                // Escapes in keys are rare: let serde decode them.
                match serde_json::from_str::<String>(quoted) {
                    Ok(k) => std::borrow::Cow::Owned(k),
                    Err(_) => return self.syntax(),
                }
            } else {
                std::borrow::Cow::Borrowed(&quoted[1..quoted.len() - 1])
            };
            let value = self.value_at_depth(depth + 1)?;
            if !member(key, value) {
                return Ok(());
            }
            self.whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return self.syntax(),
            }
        }
    }

    /// Checks that only whitespace is left.
    pub(crate) fn end(&mut self) -> Result<(), ScanError> {
        self.whitespace();
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            self.syntax()
        }
    }
}

/// Which of a 64-byte block's bytes matter to [`Scanner::value_at_depth`],
/// one bit per byte (bit `i` is byte `i` of the block), found with the CPU's
/// 16-byte vector compares (SSE2 on x86_64, NEON on aarch64: both always
/// present there) instead of a byte at a time, as simdjson finds its
/// structural characters.
struct Block {
    /// Brackets outside strings.
    brackets: u64,
    /// What counts towards [`MAX_VALUES`]: commas, colons and opening
    /// brackets outside strings.
    counted: u64,
}

/// What one block passes to the next: whether its first byte is inside a
/// string, and whether it is escaped by a backslash at the end of the last.
#[derive(Default)]
struct Carry {
    in_string: u64,
    escaped: u64,
}

impl Block {
    /// The block of `bytes` at `at` (zeros past the end, which are none of
    /// the bytes that matter).
    fn at<const COUNT: bool>(bytes: &[u8], at: usize, carry: &mut Carry) -> Block {
        let rest = &bytes[at..];
        let mut padded;
        let chunk: &[u8; 64] = match rest.first_chunk() {
            Some(chunk) => chunk,
            None => {
                padded = [0u8; 64];
                padded[..rest.len()].copy_from_slice(rest);
                &padded
            }
        };
        let found = Found::of::<COUNT>(chunk);
        let escaped = escaped(found.backslash, &mut carry.escaped);
        let quotes = found.quote & !escaped;
        // Set from each string's opening quote up to (not including) its
        // closing one.
        let inside = prefix_xor(quotes) ^ carry.in_string;
        carry.in_string = ((inside as i64) >> 63) as u64;
        Block {
            brackets: (found.open | found.close) & !inside,
            counted: if COUNT {
                (found.separator | found.open) & !inside
            } else {
                0
            },
        }
    }
}

/// Bit `i` set when byte `i` follows a backslash that is not itself
/// escaped; `carry` is 1 when byte 0 is such a byte, and is set for the next
/// block. Backslashes are rare in Alexa's events: a short loop over them.
fn escaped(backslash: u64, carry: &mut u64) -> u64 {
    let mut escaped = *carry;
    *carry = 0;
    let mut escaping = backslash & !escaped;
    while escaping != 0 {
        let bit = escaping.trailing_zeros();
        if bit == 63 {
            *carry = 1;
            break;
        }
        let next = 1u64 << (bit + 1);
        escaped |= next;
        // An escaped backslash escapes nothing.
        escaping &= !next;
        escaping &= escaping - 1;
    }
    escaped
}

/// Bit `i` is the XOR of bits `0..=i` of `x`: between quote pairs.
/// Written out: at `opt-level = "s"` a loop over the shifts stays a loop.
fn prefix_xor(mut x: u64) -> u64 {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    x
}

/// The bytes of a block, one mask per kind.
#[derive(Debug, Default, PartialEq, Eq)]
struct Found {
    quote: u64,
    backslash: u64,
    /// `{` and `[`.
    open: u64,
    /// `}` and `]`.
    close: u64,
    /// `,` and `:`.
    separator: u64,
}

impl Found {
    /// A byte at a time: the reference for the vector versions, and what
    /// other CPUs use.
    #[cfg_attr(any(target_arch = "x86_64", target_arch = "aarch64"), allow(dead_code))]
    fn of_bytes(chunk: &[u8; 64]) -> Found {
        let mut found = Found::default();
        for (i, &b) in chunk.iter().enumerate() {
            let mask = match b {
                b'"' => &mut found.quote,
                b'\\' => &mut found.backslash,
                b'{' | b'[' => &mut found.open,
                b'}' | b']' => &mut found.close,
                b',' | b':' => &mut found.separator,
                _ => continue,
            };
            *mask |= 1 << i;
        }
        found
    }

    #[cfg(not(any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        all(target_arch = "aarch64", target_feature = "neon")
    )))]
    fn of<const COUNT: bool>(chunk: &[u8; 64]) -> Found {
        Found::of_bytes(chunk)
    }

    /// The masks from `mask(fold, byte)`, the bits of the block's bytes equal
    /// to `byte`, with bit 5 of each byte set first when `fold`: `[` and `]`
    /// are `{` and `}` with bit 5 clear, so one compare finds both, and no
    /// other byte maps onto them.
    #[cfg_attr(
        not(any(target_arch = "x86_64", target_arch = "aarch64")),
        allow(dead_code)
    )]
    fn from_masks<const COUNT: bool>(mask: impl Fn(bool, u8) -> u64) -> Found {
        Found {
            quote: mask(false, b'"'),
            backslash: mask(false, b'\\'),
            open: mask(true, b'{'),
            close: mask(true, b'}'),
            separator: if COUNT {
                mask(false, b',') | mask(false, b':')
            } else {
                0
            },
        }
    }

    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    fn of<const COUNT: bool>(chunk: &[u8; 64]) -> Found {
        use std::arch::x86_64::{
            __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
            _mm_set1_epi8,
        };
        // SAFETY: SSE2 is present (`cfg` above: part of every x86_64
        // target's baseline); each load reads 16 of `chunk`'s 64 bytes, and
        // `_mm_loadu_si128` takes any alignment. Written out lane by lane:
        // at `opt-level = "s"` a loop over the lanes stays a loop.
        unsafe {
            let p = chunk.as_ptr().cast::<__m128i>();
            let v = [
                _mm_loadu_si128(p),
                _mm_loadu_si128(p.add(1)),
                _mm_loadu_si128(p.add(2)),
                _mm_loadu_si128(p.add(3)),
            ];
            let bit5 = _mm_set1_epi8(0x20);
            let folded = [
                _mm_or_si128(v[0], bit5),
                _mm_or_si128(v[1], bit5),
                _mm_or_si128(v[2], bit5),
                _mm_or_si128(v[3], bit5),
            ];
            Found::from_masks::<COUNT>(|fold, byte| {
                let v = if fold { &folded } else { &v };
                let b = _mm_set1_epi8(byte as i8);
                let lane = |x| u64::from(_mm_movemask_epi8(_mm_cmpeq_epi8(x, b)) as u16);
                lane(v[0]) | lane(v[1]) << 16 | lane(v[2]) << 32 | lane(v[3]) << 48
            })
        }
    }

    /// As on x86_64; NEON has no byte movemask, so each compare result is
    /// weighed by its bit and summed pairwise (simdjson's way).
    #[cfg(all(target_arch = "aarch64", target_feature = "neon"))]
    fn of<const COUNT: bool>(chunk: &[u8; 64]) -> Found {
        use std::arch::aarch64::{
            uint8x16_t, vandq_u8, vceqq_u8, vdupq_n_u8, vgetq_lane_u64, vld1q_u8, vorrq_u8,
            vpaddq_u8, vreinterpretq_u64_u8,
        };
        const WEIGHTS: [u8; 16] = [1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128];
        // SAFETY: NEON is present (`cfg` above: part of every aarch64
        // target's baseline); each load reads 16 of `chunk`'s 64 bytes, or
        // the 16 of `WEIGHTS`.
        unsafe {
            let p = chunk.as_ptr();
            let v = [
                vld1q_u8(p),
                vld1q_u8(p.add(16)),
                vld1q_u8(p.add(32)),
                vld1q_u8(p.add(48)),
            ];
            let weights = vld1q_u8(WEIGHTS.as_ptr());
            let bit5 = vdupq_n_u8(0x20);
            let folded: [uint8x16_t; 4] = v.map(|x| vorrq_u8(x, bit5));
            Found::from_masks::<COUNT>(|fold, byte| {
                let v = if fold { &folded } else { &v };
                let b = vdupq_n_u8(byte);
                let w = |x| vandq_u8(vceqq_u8(x, b), weights);
                let low = vpaddq_u8(w(v[0]), w(v[1]));
                let high = vpaddq_u8(w(v[2]), w(v[3]));
                let both = vpaddq_u8(low, high);
                vgetq_lane_u64::<0>(vreinterpretq_u64_u8(vpaddq_u8(both, both)))
            })
        }
    }
}

/// The index of the first `"` or `\\` in `bytes` from `at` (or `bytes.len()`).
fn next_quote_or_backslash(bytes: &[u8], at: usize) -> usize {
    let rest = bytes.get(at..).unwrap_or_default();
    at + memchr::memchr2(b'"', b'\\', rest).unwrap_or(rest.len())
}

/// Where the value that starts at `at` in `text` (after whitespace) ends,
/// `depth` containers deep, and how many values it counts towards
/// [`MAX_VALUES`]: brackets and strings matched as in
/// [`Scanner::value_at_depth`], the rest left to whoever reads it.
///
/// Without `count`, only strings and scalars are counted: for text shorter
/// than [`MAX_VALUES`] bytes, which cannot hold more (each counted byte is
/// one of its own), so a small event skips the work.
pub(crate) fn value_end(
    text: &str,
    at: usize,
    depth: usize,
    count: bool,
) -> Result<(usize, usize), ScanError> {
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: at,
        values: 0,
    };
    if count {
        scanner.value_counting::<true>(depth)?;
    } else {
        scanner.value_counting::<false>(depth)?;
    }
    Ok((scanner.pos, scanner.values))
}

/// The raw text of the value at `path` (object keys) inside the JSON value
/// `text`, if every step is an object holding the key. The first of
/// duplicate keys wins.
pub(crate) fn find<'a>(text: &'a str, path: &[&str]) -> Option<&'a str> {
    let mut here = text;
    for step in path {
        let mut found = None;
        Scanner::new(here)
            .members(0, |key, value| {
                if key == *step {
                    found = Some(value);
                }
                found.is_none()
            })
            .ok()?;
        here = found?;
    }
    Some(here)
}

/// The string at `path`, borrowed from `text`, when it holds no escape.
/// `Err(())` when there is something at `path` that needs serde to read it.
pub(crate) fn find_plain_str<'a>(text: &'a str, path: &[&str]) -> Result<Option<&'a str>, ()> {
    match find(text, path) {
        None | Some("null") => Ok(None),
        Some(value) => match value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
            Some(inner) if !inner.contains('\\') => Ok(Some(inner)),
            _ => Err(()),
        },
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn skip(text: &str) -> Result<(&str, usize), ScanError> {
        let mut s = Scanner::new(text);
        let v = s.value()?;
        s.end()?;
        Ok((v, s.values))
    }

    #[test]
    fn finds_the_end_of_every_kind_of_value() {
        // (text, commas + colons + openings)
        for (text, values) in [
            ("0", 1),
            (" -1.5e+3 ", 1),
            ("true", 1),
            ("null", 1),
            (r#""a\"b\\""#, 1),
            ("[]", 1),
            ("{}", 1),
            (r#"[1,[2,{"a":[]}],"x"]"#, 8),
            (r#"{"a":{"b":"}"},"c":[{}]}"#, 8),
            ("\t[ 1 , { \"k\" : null } ]\n", 4),
        ] {
            let (v, n) = skip(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(v, text.trim(), "{text}");
            assert_eq!(n, values, "{text}");
        }
    }

    #[test]
    fn finds_string_ends_at_every_offset() {
        for len in 0..40 {
            for escape_at in 0..=len {
                let body: String = (0..len)
                    .map(|i| if i == escape_at { "\\\"" } else { "é" })
                    .collect();
                let text = format!("[\"{body}\",[\"]\"]]");
                assert_eq!(skip(&text), Ok((text.as_str(), 3)), "{text}");
                let open = format!("[\"{body}]");
                assert!(skip(&open).is_err(), "{open}");
            }
        }
    }

    #[test]
    fn refuses_unmatched_brackets_and_strings() {
        for text in [
            "",
            "[",
            "[[]",
            "[}",
            "{]",
            "[{]}",
            "\"open",
            "\"ends in a backslash\\",
            "[\"ends in a backslash\\]",
            "[1]]",
            ",",
            "]",
        ] {
            assert!(
                matches!(skip(text), Err(ScanError::Syntax(_))),
                "{text}: {:?}",
                skip(text)
            );
        }
    }

    #[test]
    fn bounds_depth_and_count() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(skip(&deep).is_ok());
        let deeper = format!("[{deep}]");
        assert_eq!(skip(&deeper).err(), Some(ScanError::TooDeep));
        // `[0,0,…]` with n zeros counts n: one opening, n - 1 commas.
        let just = format!("[{}0]", "0,".repeat(MAX_VALUES - 1));
        assert_eq!(skip(&just).map(|(_, n)| n), Ok(MAX_VALUES));
        let many = format!("[{}0]", "0,".repeat(MAX_VALUES));
        assert_eq!(skip(&many).err(), Some(ScanError::TooManyValues));
        let pairs = format!("{{{}\"k\":0}}", "\"k\":0,".repeat(MAX_VALUES / 2));
        assert_eq!(skip(&pairs).err(), Some(ScanError::TooManyValues));
    }

    #[test]
    fn finds_values_by_path() {
        let ctx = r#"{"Viewport":{"x":[1,{"System":2}]},"System":{"application":
            {"applicationId":"amzn1.ask.skill.1"},"user":{"userId":"a\"b"}},"k\u0065y":3}"#;
        assert_eq!(
            find_plain_str(ctx, &["System", "application", "applicationId"]),
            Ok(Some("amzn1.ask.skill.1"))
        );
        assert_eq!(find_plain_str(ctx, &["System", "user", "userId"]), Err(()));
        assert_eq!(
            find_plain_str(ctx, &["System", "device", "deviceId"]),
            Ok(None)
        );
        assert_eq!(find(ctx, &["key"]), Some("3"));
        assert_eq!(find(ctx, &["Viewport", "x", "System"]), None);
    }

    /// The text of every `.json` file under `tests/fixtures/<dir>`,
    /// subfolders included.
    pub(crate) fn fixtures(dir: &str) -> Vec<String> {
        fn walk(dir: &std::path::Path, texts: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("fixtures dir").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, texts);
                } else if path.extension().is_some_and(|e| e == "json") {
                    texts.push(std::fs::read_to_string(&path).expect("fixture"));
                }
            }
        }
        let mut texts = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(dir),
            &mut texts,
        );
        texts
    }

    /// A small deterministic generator (xorshift), so that failures repeat.
    pub(crate) struct Rng(pub(crate) u64);

    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        pub(crate) fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// The bytes that matter to the scan, and some that do not.
    const ALPHABET: &[u8] = b"\"\\{}[],: a0\x00\x7f\x20\xc3\xa9";

    #[test]
    fn vector_compares_find_what_a_byte_loop_finds() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let chunk: [u8; 64] = std::array::from_fn(|_| match rng.below(4) {
                0 => rng.next() as u8,
                _ => ALPHABET[rng.below(ALPHABET.len())],
            });
            assert_eq!(
                Found::of::<true>(&chunk),
                Found::of_bytes(&chunk),
                "{chunk:?}"
            );
        }
    }

    #[test]
    fn escapes_follow_odd_runs_of_backslashes() {
        let mut rng = Rng(7);
        for _ in 0..20_000 {
            // Runs of backslashes, often, across a block boundary too.
            let (a, b) = (rng.next() & rng.next(), rng.next() | rng.next());
            let mut carry = rng.next() & 1;
            let mut reference_carry = carry;
            for backslash in [a, b] {
                let got = escaped(backslash, &mut carry);
                let mut want = 0u64;
                let mut escaping = reference_carry == 1;
                reference_carry = 0;
                for i in 0..64 {
                    if escaping {
                        want |= 1 << i;
                        escaping = false;
                    } else if backslash & (1 << i) != 0 {
                        escaping = true;
                    }
                }
                if escaping {
                    reference_carry = 1;
                }
                assert_eq!(got, want, "{backslash:064b}");
                assert_eq!(carry, reference_carry, "{backslash:064b}");
            }
        }
    }

    /// The scan this module did a byte at a time before [`Block`]: the
    /// reference for containers.
    fn byte_at_a_time(text: &str) -> Result<(usize, usize), ScanError> {
        let bytes = text.as_bytes();
        let mut values = 0usize;
        let count = |values: &mut usize| {
            *values += 1;
            if *values > MAX_VALUES {
                return Err(ScanError::TooManyValues);
            }
            Ok(())
        };
        let mut closers = Vec::new();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            at += 1;
            match b {
                b'"' => {
                    while at < bytes.len() && bytes[at] != b'"' {
                        at += if bytes[at] == b'\\' { 2 } else { 1 };
                    }
                    if at >= bytes.len() {
                        break;
                    }
                    at += 1;
                }
                b',' | b':' => count(&mut values)?,
                b'{' | b'[' => {
                    count(&mut values)?;
                    if closers.len() == MAX_DEPTH {
                        return Err(ScanError::TooDeep);
                    }
                    closers.push(b + 2);
                }
                b'}' | b']' => {
                    if closers.pop() != Some(b) {
                        return Err(ScanError::Syntax(at - 1));
                    }
                    if closers.is_empty() {
                        return Ok((at, values));
                    }
                }
                _ => {}
            }
        }
        Err(ScanError::Syntax(bytes.len()))
    }

    /// Random valid JSON: containers, strings with escapes and non-ASCII,
    /// numbers, literals, whitespace.
    /// Random JSON text, with whitespace, escapes and non-ASCII characters.
    pub(crate) fn json(rng: &mut Rng, depth: usize, out: &mut String) {
        let space = |rng: &mut Rng, out: &mut String| {
            if rng.below(4) == 0 {
                out.push_str(&" \n\t\r"[..1 + rng.below(4)]);
            }
        };
        let string = |rng: &mut Rng, out: &mut String| {
            out.push('"');
            let most = if rng.below(8) == 0 { 150 } else { 12 };
            for _ in 0..rng.below(most) {
                match rng.below(12) {
                    0 => out.push_str("\\\\"),
                    1 => out.push_str("\\\""),
                    2 => out.push_str("\\u00e9"),
                    3 => out.push_str("{]:,"),
                    4 => out.push('é'),
                    _ => out.push(char::from(b'a' + rng.below(26) as u8)),
                }
            }
            out.push('"');
        };
        space(rng, out);
        match if depth > 6 {
            2 + rng.below(3)
        } else {
            rng.below(5)
        } {
            0 => {
                out.push('[');
                for i in 0..rng.below(6) {
                    if i > 0 {
                        out.push(',');
                    }
                    json(rng, depth + 1, out);
                }
                space(rng, out);
                out.push(']');
            }
            1 => {
                out.push('{');
                for i in 0..rng.below(6) {
                    if i > 0 {
                        out.push(',');
                    }
                    space(rng, out);
                    string(rng, out);
                    space(rng, out);
                    out.push(':');
                    json(rng, depth + 1, out);
                }
                space(rng, out);
                out.push('}');
            }
            2 => string(rng, out),
            3 => out.push_str(["0", "-1.5e3", "true", "false", "null"][rng.below(5)]),
            _ => out.push_str(&rng.next().to_string()),
        }
        space(rng, out);
    }

    #[test]
    fn agrees_with_a_byte_at_a_time_scan_on_any_json() {
        let mut rng = Rng(42);
        let mut compared = 0;
        while compared < 3_000 {
            let mut text = String::new();
            json(&mut rng, 0, &mut text);
            let trimmed = text.trim_start();
            if !trimmed.starts_with(['[', '{']) {
                continue;
            }
            compared += 1;
            let offset = text.len() - trimmed.len();
            // Whole, and cut short at a random byte (a char boundary).
            let mut cut = rng.below(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            for case in [&text[..], &text[..cut.max(offset)]] {
                let mut scanner = Scanner::new(case);
                let got = scanner.value().map(|v| (offset + v.len(), scanner.values));
                let want = byte_at_a_time(&case[offset..])
                    .map(|(end, n)| (offset + end, n))
                    .map_err(|e| match e {
                        ScanError::Syntax(_) => ScanError::Syntax(0),
                        other => other,
                    });
                let got = got.map_err(|e| match e {
                    ScanError::Syntax(_) => ScanError::Syntax(0),
                    other => other,
                });
                assert_eq!(got, want, "{case}");
                // Uncounted, the same end (these texts are short of the cap).
                let uncounted = value_end(case, 0, 0, false).map(|(end, _)| end);
                assert_eq!(
                    uncounted.map_err(|_| ()),
                    want.map(|(end, _)| end).map_err(|_| ()),
                    "{case}"
                );
            }
        }
    }

    #[test]
    fn any_bytes_end_in_a_value_or_an_error() {
        let mut rng = Rng(3);
        for _ in 0..20_000 {
            let len = rng.below(300);
            let bytes: Vec<u8> = (0..len)
                .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                .collect();
            let text = String::from_utf8_lossy(&bytes);
            let mut scanner = Scanner::new(&text);
            if let Ok(v) = scanner.value() {
                assert!(text.trim_start().starts_with(v), "{text}");
            }
        }
    }
}
