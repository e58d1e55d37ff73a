//! A strict JSON reader for the envelope's top level, its `session` and an
//! `IntentRequest`: a serde [`Deserializer`] that reads what those are made
//! of (objects, arrays, plain strings, literals) itself, and hands anything rarer to
//! serde_json, token by token.
//!
//! Why: on a small event, serde_json spent about half of its time finding
//! where each string ends, a few bytes at a time. Here a string's end is
//! found 16 bytes at a time with the CPU's vector compares (SSE2 on x86_64,
//! NEON on aarch64), and a string without escapes is borrowed from the
//! event as it is.
//!
//! What it reads is a matter of package size: each model type read with
//! both this reader and serde_json (which still reads it for error
//! messages) is compiled twice. `Session` costs about 31 KB of hello-world
//! binary for about 1,900 of 20,000 instructions per small request; an
//! `IntentRequest` that starts with its `type` (every turn of a
//! conversation, see [`Reader::tagged`]) 54 KB for 2,000 more. The other
//! request types would cost about 90 KB more, and `context` 141 KB, so
//! serde_json reads those (measured on x86_64, release,
//! `--no-default-features`).
//!
//! One rule keeps it honest: **whatever this reader accepts, serde_json
//! accepts with the same value.**
//! * Strings holding an escape or a control character, numbers (other than
//!   plain unsigned integers read by `deserialize_any`), `char`s, bytes,
//!   enums written as objects and serde_json's raw values are read by
//!   serde_json itself, from the token's text; the token's end is found
//!   with the envelope scanner.
//! * The grammar around them is checked here as serde_json checks it:
//!   commas, colons, `true`/`false`/`null`, no trailing comma, nothing
//!   after the value.
//! * What this reader refuses, [`RequestEnvelope::from_slice`] parses again
//!   with serde_json, which says what is wrong (or, for a shape this
//!   reader does not take, such as a map with integer keys, reads it).
//!
//! Its errors carry no position: they are never shown.
//!
//! [`RequestEnvelope::from_slice`]: super::RequestEnvelope::from_slice

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::scan::{self, MAX_DEPTH, MAX_VALUES};
use super::tagged::Rest;

/// serde_json's error type, so that what serde_json reads for this reader
/// passes through unchanged.
type Error = serde_json::Error;

/// Reads `T` from the JSON text `text`, all of it: the tests' way to compare
/// the reader with serde_json.
#[cfg(test)]
fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Error> {
    let mut reader = Reader::new(text);
    let value = reader.value()?;
    reader.end()?;
    Ok(value)
}

/// What every refusal says; [`RequestEnvelope::from_slice`](super::RequestEnvelope::from_slice)
/// asks serde_json for the message users see.
fn invalid() -> Error {
    de::Error::custom("not JSON this reader takes")
}

/// serde_json's name for its raw-value newtype (`serde_json::value::RawValue`).
const RAW_VALUE: &str = "$serde_json::private::RawValue";

/// Lets serde_json read `token`, a whole JSON value, with `read`.
fn by_serde_json<'de, T>(
    token: &'de str,
    read: impl FnOnce(&mut serde_json::Deserializer<serde_json::de::StrRead<'de>>) -> Result<T, Error>,
) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(token);
    let value = read(&mut de)?;
    de.end()?;
    Ok(value)
}

/// A string as found: its text when plain, or the whole quoted token when it
/// holds an escape or a control character (serde_json decodes or refuses it).
enum Str<'de> {
    Plain(&'de str),
    Token(&'de str),
}

/// A position in JSON text. Besides serde's [`Deserializer`], it walks an
/// object member by member for [`RequestEnvelope::from_slice`], which reads
/// the envelope's top level in one pass: the parts it parses with serde, the
/// others ([`skip`](Self::skip)) matched with the envelope scanner.
///
/// [`Deserializer`]: serde::Deserializer
/// [`RequestEnvelope::from_slice`]: super::RequestEnvelope::from_slice
pub(crate) struct Reader<'de> {
    text: &'de str,
    pos: usize,
    /// Arrays and objects open around `pos`.
    depth: usize,
    /// The values and object keys passed so far, bounded by [`MAX_VALUES`]
    /// (an array's elements, too, so never fewer than the scanner counts).
    values: usize,
    /// Whether the next [`next_member`](Self::next_member) is the first.
    first: bool,
}

impl<'de> Reader<'de> {
    pub(crate) fn new(text: &'de str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
            values: 0,
            first: true,
        }
    }

    /// One value read with serde.
    pub(crate) fn value<T: Deserialize<'de>>(&mut self) -> Result<T, Error> {
        T::deserialize(&mut *self)
    }

    /// At `{`: enters the object whose members [`next_member`](Self::next_member) walks.
    pub(crate) fn begin_object(&mut self) -> Result<(), Error> {
        if self.peek() != Some(b'{') {
            return Err(invalid());
        }
        self.count()?;
        self.enter()?;
        self.first = true;
        Ok(())
    }

    /// The next member's key, its `:` passed, or `None` after the object's `}`.
    /// A key with an escape is decoded by serde_json.
    pub(crate) fn next_member(&mut self) -> Result<Option<std::borrow::Cow<'de, str>>, Error> {
        let mut first = self.first;
        let more = self.more(&mut first, b'}')?;
        self.first = first;
        if !more {
            return self.close(b'}').map(|()| None);
        }
        let key = self.key()?;
        Ok(Some(match key {
            Str::Plain(s) => std::borrow::Cow::Borrowed(s),
            Str::Token(t) => std::borrow::Cow::Owned(serde_json::from_str(t)?),
        }))
    }

    /// Checks that only whitespace is left.
    pub(crate) fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(invalid()),
        }
    }

    /// One more value or key.
    #[inline]
    fn count(&mut self) -> Result<(), Error> {
        self.add(1)
    }

    /// `n` more values or keys.
    #[inline]
    fn add(&mut self, n: usize) -> Result<(), Error> {
        self.values += n;
        if self.values > MAX_VALUES {
            return Err(invalid());
        }
        Ok(())
    }

    /// An object key (counted) and its colon.
    #[inline]
    fn key(&mut self) -> Result<Str<'de>, Error> {
        if self.peek() != Some(b'"') {
            return Err(invalid());
        }
        self.count()?;
        let key = self.string()?;
        if self.peek() != Some(b':') {
            return Err(invalid());
        }
        self.pos += 1;
        Ok(key)
    }

    /// Skips whitespace; the next byte.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(self.pos) {
            self.pos += 1;
        }
        bytes.get(self.pos).copied()
    }

    /// Skips whitespace and counts the value that starts at the next byte.
    #[inline]
    fn peek_value(&mut self) -> Result<Option<u8>, Error> {
        self.count()?;
        Ok(self.peek())
    }

    /// Moves past `word` (`null`, `true`, `false`), which must be next.
    fn literal(&mut self, word: &str) -> Result<(), Error> {
        if self.text.as_bytes()[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(invalid())
        }
    }

    /// At a `"`: moves past the string.
    #[inline(always)]
    fn string(&mut self) -> Result<Str<'de>, Error> {
        let bytes = self.text.as_bytes();
        let start = self.pos + 1;
        let stop = plain_end(bytes, start);
        match bytes.get(stop) {
            Some(b'"') => {
                self.pos = stop + 1;
                // Both ends are next to ASCII quotes, so on char boundaries.
                Ok(Str::Plain(&self.text[start..stop]))
            }
            Some(_) => {
                let end = string_end(bytes, stop).ok_or_else(invalid)?;
                let token = &self.text[self.pos..end];
                self.pos = end;
                Ok(Str::Token(token))
            }
            None => Err(invalid()),
        }
    }

    /// At an object whose first member is `"type": tag`: reads its other
    /// members with `read` (a second `type` is refused, as in every tagged
    /// union) and moves past it. `Ok(None)`, the reader unmoved, for any
    /// other value.
    pub(crate) fn tagged<T>(
        &mut self,
        tag: &str,
        read: impl FnOnce(Rest<'de, Members<'_, 'de>>) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        if self.peek() != Some(b'{') {
            return Ok(None);
        }
        let (pos, values) = (self.pos, self.values);
        self.count()?;
        self.enter()?;
        let tagged = self.peek() == Some(b'"')
            && matches!(self.key()?, Str::Plain("type"))
            && self.peek_value()? == Some(b'"')
            && matches!(self.string()?, Str::Plain(t) if t == tag);
        if !tagged {
            (self.pos, self.values) = (pos, values);
            self.depth -= 1;
            return Ok(None);
        }
        let value = read(Rest::after_type(Members {
            reader: self,
            first: false,
        }))?;
        self.close(b'}')?;
        Ok(Some(value))
    }

    /// Moves past the value that starts here, matching only its brackets and
    /// strings with the envelope scanner (see [`scan::value_end`]); returns
    /// its text, for whoever reads it (serde_json, or nobody yet).
    pub(crate) fn skip(&mut self) -> Result<&'de str, Error> {
        self.peek();
        let (end, values) = scan::value_end(
            self.text,
            self.pos,
            self.depth,
            self.text.len() > MAX_VALUES,
        )
        .map_err(|_| invalid())?;
        self.add(values)?;
        let token = &self.text[self.pos..end];
        self.pos = end;
        Ok(token)
    }

    /// Moves past a number's bytes; returns them (serde_json checks them).
    fn number(&mut self) -> &'de str {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = bytes.get(self.pos) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    /// One more array or object open.
    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(invalid());
        }
        self.pos += 1;
        Ok(())
    }

    /// At `[`: the array's elements to `visitor`, then its `]`.
    fn seq<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        self.enter()?;
        let value = visitor.visit_seq(Elements {
            reader: self,
            first: true,
        })?;
        self.close(b']')?;
        Ok(value)
    }

    /// At `{`: the object's members to `visitor`, then its `}`.
    fn map<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Error> {
        self.enter()?;
        let value = visitor.visit_map(Members {
            reader: self,
            first: true,
        })?;
        self.close(b'}')?;
        Ok(value)
    }

    /// Expects the closing bracket, which a visitor that stopped early did
    /// not reach (serde_json refuses such trailing elements too).
    fn close(&mut self, bracket: u8) -> Result<(), Error> {
        if self.peek() != Some(bracket) {
            return Err(invalid());
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(())
    }

    /// After a `,` or the opening bracket: whether another element or member
    /// follows, checking the commas between them.
    #[inline]
    fn more(&mut self, first: &mut bool, closer: u8) -> Result<bool, Error> {
        match self.peek() {
            Some(b) if b == closer => return Ok(false),
            Some(b',') if !*first => {
                self.pos += 1;
                // No trailing comma.
                if self.peek() == Some(closer) {
                    return Err(invalid());
                }
            }
            Some(_) if *first => {}
            _ => return Err(invalid()),
        }
        *first = false;
        Ok(true)
    }
}

/// The number methods: serde_json reads the number token with the same
/// method (so `f32` keeps serde_json's exact single-precision parse).
macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.peek_value()? {
                Some(b'-' | b'0'..=b'9') => by_serde_json(self.number(), |de| de.$method(visitor)),
                _ => Err(invalid()),
            }
        }
    )*};
}

/// The methods serde_json answers from the value's text.
macro_rules! whole_value {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            by_serde_json(self.skip()?, |de| de.$method(visitor))
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek_value()? {
            Some(b'n') => {
                self.literal("null")?;
                visitor.visit_unit()
            }
            Some(b't') => {
                self.literal("true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.literal("false")?;
                visitor.visit_bool(false)
            }
            Some(b'"') => match self.string()? {
                Str::Plain(s) => visitor.visit_borrowed_str(s),
                Str::Token(t) => by_serde_json(t, |de| de.deserialize_any(visitor)),
            },
            Some(b'[') => self.seq(visitor),
            Some(b'{') => self.map(visitor),
            Some(b'-' | b'0'..=b'9') => {
                let number = self.number();
                match plain_u64(number) {
                    Some(n) => visitor.visit_u64(n),
                    None => by_serde_json(number, |de| de.deserialize_any(visitor)),
                }
            }
            _ => Err(invalid()),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b't' | b'f') => self.deserialize_any(visitor),
            _ => Err(invalid()),
        }
    }

    numbers! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    }

    whole_value! { deserialize_char deserialize_bytes deserialize_byte_buf }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek_value()? {
            Some(b'"') => match self.string()? {
                Str::Plain(s) => visitor.visit_borrowed_str(s),
                Str::Token(t) => by_serde_json(t, |de| de.deserialize_str(visitor)),
            },
            _ => Err(invalid()),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'n') => {
                self.count()?;
                self.literal("null")?;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek() {
            Some(b'n') => self.deserialize_any(visitor),
            _ => Err(invalid()),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == RAW_VALUE {
            by_serde_json(self.skip()?, |de| {
                de.deserialize_newtype_struct(name, visitor)
            })
        } else {
            visitor.visit_newtype_struct(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek_value()? {
            Some(b'[') => self.seq(visitor),
            _ => Err(invalid()),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.peek_value()? {
            Some(b'{') => self.map(visitor),
            _ => Err(invalid()),
        }
    }

    /// As serde_json: an object, or an array of the fields in order.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.peek_value()? {
            Some(b'{') => self.map(visitor),
            Some(b'[') => self.seq(visitor),
            _ => Err(invalid()),
        }
    }

    /// A unit variant written as a plain string here; anything else by serde_json.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        if self.peek() == Some(b'"') {
            let start = self.pos;
            if let Str::Plain(s) = self.string()? {
                self.count()?;
                return visitor.visit_enum(BorrowedStrDeserializer::new(s));
            }
            self.pos = start;
        }
        by_serde_json(self.skip()?, |de| {
            de.deserialize_enum(name, variants, visitor)
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }
}

/// An array's elements.
struct Elements<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Elements<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if !self.reader.more(&mut self.first, b']')? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// An object's members.
pub(crate) struct Members<'r, 'de> {
    reader: &'r mut Reader<'de>,
    first: bool,
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let reader = &mut *self.reader;
        if !reader.more(&mut self.first, b'}')? {
            return Ok(None);
        }
        // Keys are strings: a seed that wants a number or a bool from one
        // (serde_json's map keys allow it) is refused here and read by
        // serde_json on the second pass.
        match reader.key()? {
            Str::Plain(s) => seed.deserialize(BorrowedStrDeserializer::new(s)),
            Str::Token(t) => by_serde_json(t, |de| seed.deserialize(de)),
        }
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(&mut *self.reader)
    }
}

/// `text` as a `u64` when it is one in JSON's plainest form: digits, no
/// leading zero, at most 19 of them (so no overflow). serde_json gives such
/// a number to `visit_u64` too.
fn plain_u64(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 19 || (bytes[0] == b'0' && bytes.len() > 1) {
        return None;
    }
    bytes.iter().try_fold(0u64, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + u64::from(b - b'0'))
    })
}

/// From `at` inside a string, past its closing quote: the index after it,
/// skipping escaped bytes; `None` when the text ends first.
fn string_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    loop {
        at += memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
        if bytes[at] == b'"' {
            return Some(at + 1);
        }
        at += 2;
    }
}

/// The index of the first byte from `at` that ends the plain part of a
/// JSON string (or `bytes.len()`): `"`, `\` or a control character (which
/// JSON strings may not hold raw).
#[inline]
pub(crate) fn plain_end(bytes: &[u8], at: usize) -> usize {
    control_or(bytes, at, b'"', b'\\')
}

/// The index of the first byte from `at` that is a control character
/// (below 0x20), `a` or `b` (or `bytes.len()`): 16 bytes at a time with
/// SSE2 or NEON (in every x86_64 and aarch64 target's baseline), 8 at a
/// time in a `u64` below that and for the tail. [`plain_end`], and the SSML
/// check's search for characters XML forbids.
#[inline]
#[cfg_attr(
    not(any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        all(target_arch = "aarch64", target_feature = "neon")
    )),
    allow(unused_mut)
)]
pub(crate) fn control_or(bytes: &[u8], mut at: usize, a: u8, b: u8) -> usize {
    #[cfg(any(
        all(target_arch = "x86_64", target_feature = "sse2"),
        all(target_arch = "aarch64", target_feature = "neon")
    ))]
    while at + 16 <= bytes.len() {
        // SAFETY: the vector unit is present (`cfg` above); the load reads
        // bytes `at..at + 16`, inside `bytes`, and takes any alignment.
        let first = unsafe {
            #[cfg(target_arch = "x86_64")]
            {
                use std::arch::x86_64::{
                    __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_movemask_epi8,
                    _mm_or_si128, _mm_set1_epi8,
                };
                let v = _mm_loadu_si128(bytes.as_ptr().add(at).cast::<__m128i>());
                let is_a = _mm_cmpeq_epi8(v, _mm_set1_epi8(a as i8));
                let is_b = _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
                // max(v, 0x1f) == 0x1f: v is at most 0x1f, unsigned.
                let limit = _mm_set1_epi8(0x1f);
                let control = _mm_cmpeq_epi8(_mm_max_epu8(v, limit), limit);
                let mask = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(is_a, is_b), control));
                (mask != 0).then(|| mask.trailing_zeros())
            }
            #[cfg(target_arch = "aarch64")]
            {
                use std::arch::aarch64::{
                    vceqq_u8, vcleq_u8, vdupq_n_u8, vget_lane_u64, vld1q_u8, vorrq_u8,
                    vreinterpret_u64_u8, vreinterpretq_u16_u8, vshrn_n_u16,
                };
                let v = vld1q_u8(bytes.as_ptr().add(at));
                let is_a = vceqq_u8(v, vdupq_n_u8(a));
                let is_b = vceqq_u8(v, vdupq_n_u8(b));
                let control = vcleq_u8(v, vdupq_n_u8(0x1f));
                let hits = vorrq_u8(vorrq_u8(is_a, is_b), control);
                // Four bits per byte (a shift-right-and-narrow of each
                // 16-bit pair): NEON has no byte movemask.
                let nibbles = vshrn_n_u16::<4>(vreinterpretq_u16_u8(hits));
                let mask = vget_lane_u64::<0>(vreinterpret_u64_u8(nibbles));
                (mask != 0).then(|| mask.trailing_zeros() / 4)
            }
        };
        if let Some(i) = first {
            return at + i as usize;
        }
        at += 16;
    }
    control_or_words(bytes, at, a, b)
}

/// [`control_or`] 8 bytes at a time in a `u64`.
#[inline]
fn control_or_words(bytes: &[u8], mut at: usize, a: u8, b: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte below `n`; exact for the lowest such byte,
    // which is the one wanted (a borrow may mark bytes above it too).
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    while let Some(word) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        let hits = below(w ^ (ONES * u64::from(a)), 1)
            | below(w ^ (ONES * u64::from(b)), 1)
            | below(w, 0x20);
        if hits != 0 {
            return at + (hits.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    control_or_bytes(bytes, at, a, b)
}

/// [`control_or`] a byte at a time: the reference for the faster
/// versions, and the last few bytes.
fn control_or_bytes(bytes: &[u8], at: usize, a: u8, b: u8) -> usize {
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest
        .iter()
        .position(|&c| c < 0x20 || c == a || c == b)
        .unwrap_or(rest.len())
}

/// `bytes` as UTF-8 text, or the offset of the first byte that is not
/// UTF-8. Events are mostly ASCII: that part is checked 32 bytes at a time
/// (SSE2 or NEON; byte by byte elsewhere), and `std::str::from_utf8` checks
/// the rest, from the first block holding a byte above 0x7F.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, usize> {
    let ascii = ascii_prefix(bytes);
    match std::str::from_utf8(&bytes[ascii..]) {
        // SAFETY: `bytes[..ascii]` is ASCII, so `ascii` is a character
        // boundary, and `bytes[ascii..]` is UTF-8: all of `bytes` is.
        Ok(_) => Ok(unsafe { std::str::from_utf8_unchecked(bytes) }),
        Err(e) => Err(ascii + e.valid_up_to()),
    }
}

/// A length of `bytes` that is all ASCII, 32 bytes at a time: up to the
/// block holding the first byte above 0x7F, or the whole.
#[cfg(any(
    all(target_arch = "x86_64", target_feature = "sse2"),
    all(target_arch = "aarch64", target_feature = "neon")
))]
fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut at = 0;
    while at + 32 <= bytes.len() {
        // SAFETY: the vector unit is present (`cfg` above); the loads read
        // bytes `at..at + 32`, inside `bytes`, and take any alignment.
        let high = unsafe {
            #[cfg(target_arch = "x86_64")]
            {
                use std::arch::x86_64::{
                    __m128i, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
                };
                let p = bytes.as_ptr().add(at).cast::<__m128i>();
                _mm_movemask_epi8(_mm_or_si128(_mm_loadu_si128(p), _mm_loadu_si128(p.add(1)))) != 0
            }
            #[cfg(target_arch = "aarch64")]
            {
                use std::arch::aarch64::{vld1q_u8, vmaxvq_u8, vorrq_u8};
                let p = bytes.as_ptr().add(at);
                vmaxvq_u8(vorrq_u8(vld1q_u8(p), vld1q_u8(p.add(16)))) > 0x7F
            }
        };
        if high {
            return at;
        }
        at += 32;
    }
    if bytes[at..].is_ascii() {
        bytes.len()
    } else {
        at
    }
}

#[cfg(not(any(
    all(target_arch = "x86_64", target_feature = "sse2"),
    all(target_arch = "aarch64", target_feature = "neon")
)))]
fn ascii_prefix(_bytes: &[u8]) -> usize {
    0
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::scan::tests::{Rng, fixtures, json};
    use serde_json::Value;

    /// What serde_json makes of `text` as `T`, and what this reader makes of it.
    fn both<'de, T: Deserialize<'de> + PartialEq + std::fmt::Debug>(
        text: &'de str,
    ) -> (Option<T>, Option<T>) {
        (serde_json::from_str(text).ok(), from_str(text).ok())
    }

    /// The rule: what this reader accepts, serde_json accepts the same.
    fn agrees<'de, T: Deserialize<'de> + PartialEq + std::fmt::Debug>(text: &'de str) -> bool {
        match both::<T>(text) {
            (expected, Some(ours)) => {
                assert_eq!(expected.as_ref(), Some(&ours), "{text:?}");
                true
            }
            (_, None) => false,
        }
    }

    #[test]
    fn utf8_agrees_with_std() {
        let mut rng = Rng(0x005e_ed0f_07f8);
        let pieces: [&[u8]; 6] = [
            b"plain ascii text, ",
            "é".as_bytes(),
            "日本".as_bytes(),
            &[0xFF],
            &[0xE6, 0x97],
            b"\"{}",
        ];
        for _ in 0..20_000 {
            let mut bytes = Vec::new();
            for _ in 0..rng.below(12) {
                let kinds = if rng.below(4) == 0 { 6 } else { 3 };
                let piece = pieces[rng.below(kinds)];
                for _ in 0..rng.below(4) + 1 {
                    bytes.extend_from_slice(piece);
                }
            }
            let expected = std::str::from_utf8(&bytes).map_err(|e| e.valid_up_to());
            assert_eq!(utf8(&bytes), expected, "{bytes:?}");
            let ascii = ascii_prefix(&bytes);
            assert!(bytes[..ascii].is_ascii() && (ascii == bytes.len()) == bytes.is_ascii());
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a":[1,-2,3.5,1e3,"x",true,false,null,{}],"b":{"c":"d\"e\u00e9\n"}}"#,
            " [ ] ",
            r#""plain""#,
            "18446744073709551615",
            "18446744073709551616",
            "-0",
            "0",
            r#"{"k\u0041":1,"k":2,"k":3}"#,
        ] {
            assert!(agrees::<Value>(text), "{text}");
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        for text in [
            "",
            " ",
            "[1,]",
            "[,1]",
            "[1 2]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{,}",
            "{\"a\":1\"b\":2}",
            "{1:2}",
            "nul",
            "nulll",
            "tru",
            "[true false]",
            "01",
            "1.",
            "-",
            "+1",
            "1e",
            "[1]]",
            "{\"a\":1}}",
            "\"a\u{1}b\"",
            "\"\\x\"",
            "\"\\u12\"",
            "\"abc",
            "[",
            "{",
            "[1,",
            "\"a\"\"b\"",
            "{\"a\":}",
            "[-]",
            "NaN",
            "[1]x",
        ] {
            assert_eq!(both::<Value>(text).0, None, "serde_json reads {text:?}");
            assert_eq!(both::<Value>(text).1, None, "this reader read {text:?}");
        }
    }

    #[test]
    fn reads_typed_structs_like_serde_json() {
        use crate::model::{Request, Session};
        let session = r#"{"new":true,"sessionId":"s\u0031","application":{"applicationId":"a"},
            "attributes":{"n":[1,{"x":null}],"f":0.1},"user":{"userId":"u","accessToken":null},"extra":[{}]}"#;
        assert!(agrees::<Session>(session));
        let request = r#"{"type":"IntentRequest","requestId":"r","timestamp":"2026-01-01T00:00:00Z",
            "locale":"de-DE","dialogState":"STARTED","intent":{"name":"I","confirmationStatus":"NONE",
            "slots":{"s":{"name":"s","value":"v","resolutions":{"resolutionsPerAuthority":[]}}}}}"#;
        assert!(agrees::<Request>(request));
        // A struct as an array of its fields, as serde_json takes it.
        assert!(agrees::<crate::model::Application>(r#"["a"]"#));
        // Not a string where one is expected.
        assert_eq!(both::<Session>(r#"{"sessionId":1}"#), (None, None));
        assert_eq!(both::<Session>(r#"{"new":true,"new":false}"#), (None, None));
    }

    #[test]
    fn reads_numbers_and_enums_with_serde_json() {
        assert!(agrees::<f32>("16777217"));
        assert!(agrees::<f64>("1.5e125"));
        assert!(agrees::<i8>("-128"));
        assert_eq!(both::<u8>("256"), (None, None));
        assert!(agrees::<char>(r#""\u00e9""#));
        #[derive(Debug, PartialEq, Deserialize)]
        enum E {
            A,
            B(u8),
        }
        assert!(agrees::<E>(r#""A""#));
        assert!(agrees::<E>(r#"{"B":7}"#));
        assert_eq!(both::<E>(r#""B""#), (None, None));
    }

    /// `text` with one byte, chosen by `rng`, changed to one that matters to
    /// JSON (only where a character is one byte, so it stays UTF-8).
    pub(crate) fn mutated(rng: &mut Rng, text: &str) -> String {
        let mut bytes = text.as_bytes().to_vec();
        for _ in 0..4 {
            let at = rng.below(bytes.len().max(1));
            if bytes.get(at).is_some_and(u8::is_ascii) {
                bytes[at] = b"\"\\{}[],: 0-.etfnu\x01"[rng.below(18)];
                break;
            }
        }
        String::from_utf8(bytes).expect("ASCII for ASCII")
    }

    #[test]
    fn agrees_with_serde_json_on_random_and_broken_json() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let (mut accepted, mut refused) = (0, 0);
        for _ in 0..4_000 {
            let mut text = String::new();
            json(&mut rng, 0, &mut text);
            let cut = text
                .char_indices()
                .map(|(i, _)| i)
                .nth(rng.below(text.chars().count().max(1)))
                .unwrap_or(0);
            for text in [
                text.clone(),
                text[..cut].to_owned(),
                mutated(&mut rng, &text),
            ] {
                if agrees::<Value>(&text) {
                    accepted += 1;
                } else {
                    refused += 1;
                }
            }
        }
        // Both kinds were tried, many times.
        assert!(
            accepted > 4_000 && refused > 2_000,
            "{accepted} read, {refused} refused"
        );
    }

    #[test]
    fn agrees_with_serde_json_on_broken_alexa_requests() {
        use crate::model::{Request, Session};
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let (mut files, mut accepted) = (0, 0);
        for text in fixtures("alexa-requests") {
            let (Some(session), Some(request)) = (
                scan::find(&text, &["session"]),
                scan::find(&text, &["request"]),
            ) else {
                continue;
            };
            files += 1;
            assert!(agrees::<Option<Session>>(session), "{session}");
            assert!(agrees::<Request>(request), "{request}");
            for _ in 0..200 {
                accepted += usize::from(agrees::<Option<Session>>(&mutated(&mut rng, session)));
                accepted += usize::from(agrees::<Request>(&mutated(&mut rng, request)));
            }
        }
        assert!(
            files > 10 && accepted > files * 100,
            "{files} files, {accepted} read"
        );
    }

    #[test]
    fn control_or_finds_what_a_byte_loop_finds() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        const ALPHABET: &[u8] = b"\"\\ a0\x00\x1f\x20\x7f\xc3\xa9\x1e\xef\xbf";
        for _ in 0..20_000 {
            let len = (next() % 70) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
                .collect();
            // Mostly plain bytes, so the vector loop runs.
            let bytes: Vec<u8> = bytes
                .into_iter()
                .map(|b| if next() % 8 == 0 { b } else { b'a' })
                .collect();
            for at in 0..=len {
                // A JSON string's end, and the SSML check's suspects.
                for (a, b) in [(b'"', b'\\'), (0xEF, 0xEF)] {
                    assert_eq!(
                        control_or(&bytes, at, a, b),
                        control_or_bytes(&bytes, at, a, b),
                        "{bytes:?} {at} {a:#x} {b:#x}"
                    );
                }
                assert_eq!(plain_end(&bytes, at), control_or(&bytes, at, b'"', b'\\'));
            }
        }
    }
}
