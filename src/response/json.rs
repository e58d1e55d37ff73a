//! Writes the response envelope's JSON: serde_json's compact output, byte
//! for byte, with less work per string.
//!
//! serde_json checks every byte of every string it writes against its
//! escape table, struct field names included; an answer is mostly short
//! strings, so that was about half of the time spent writing one. Here a
//! string is checked 16 bytes at a time for what JSON must escape (`"`,
//! `\` and control characters: the bytes serde_json escapes) and, when it
//! holds none, copied as it is. serde_json writes the rest: strings that
//! need escapes, numbers (so floats keep its exact form), and anything
//! this writer refuses (a map key that is not a string, serde_json's raw
//! values), in which case [`to_writer`]'s caller writes the whole value with
//! serde_json instead.

use serde::Serialize;
use serde::ser::{self, Impossible};

type Error = serde_json::Error;

/// Appends the compact JSON of `value` to `out`; on an error `out` may hold
/// part of it.
pub(crate) fn to_writer(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) -> Result<(), Error> {
    value.serialize(&mut Writer { out })
}

fn refuse() -> Error {
    ser::Error::custom("left to serde_json")
}

/// The name serde_json gives its raw values' struct (`serde_json::value::RawValue`).
const RAW_VALUE: &str = "$serde_json::private::RawValue";

struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl Writer<'_> {
    fn string(&mut self, s: &str) -> Result<(), Error> {
        if crate::model::plain_end(s.as_bytes(), 0) == s.len() {
            self.out.reserve(s.len() + 2);
            self.out.push(b'"');
            self.out.extend_from_slice(s.as_bytes());
            self.out.push(b'"');
            Ok(())
        } else {
            serde_json::to_writer(&mut *self.out, s)
        }
    }

    fn by_serde_json(&mut self, value: &(impl Serialize + ?Sized)) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, value)
    }

    /// `{"variant":` for the enum forms written as one-key objects.
    fn variant_key(&mut self, variant: &str) -> Result<(), Error> {
        self.out.push(b'{');
        self.string(variant)?;
        self.out.push(b':');
        Ok(())
    }

    fn open(&mut self, bracket: u8) -> Compound<'_> {
        self.out.push(bracket);
        Compound {
            writer: Writer {
                out: &mut *self.out,
            },
            first: true,
            close_variant: false,
        }
    }
}

macro_rules! numbers {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, v: $ty) -> Result<(), Error> {
            self.by_serde_json(&v)
        }
    )*};
}

impl<'a, 'b> ser::Serializer for &'a mut Writer<'b> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    numbers! {
        serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128, serialize_f32: f32, serialize_f64: f64
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.by_serde_json(&serde_json::Value::from(v))
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.string(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant_key(variant)?;
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b'['))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant_key(variant)?;
        let mut compound = self.open(b'[');
        compound.close_variant = true;
        Ok(compound)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b'{'))
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        if name == RAW_VALUE {
            return Err(refuse());
        }
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant_key(variant)?;
        let mut compound = self.open(b'{');
        compound.close_variant = true;
        Ok(compound)
    }
}

/// An array or object being written.
struct Compound<'a> {
    writer: Writer<'a>,
    first: bool,
    /// Also closes the `{"variant":` around it.
    close_variant: bool,
}

impl Compound<'_> {
    /// The comma before every element or member but the first.
    fn next(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.writer.out.push(b',');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.next();
        value.serialize(&mut self.writer)
    }

    /// A struct's field. Its name comes from the derive of one of
    /// alexa-kit's response types (this writer writes nothing else): a Rust
    /// identifier or its camelCase, which needs no escape. So it is written
    /// as it is, checked only in debug builds.
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        debug_assert_eq!(
            crate::model::plain_end(key.as_bytes(), 0),
            key.len(),
            "{key}"
        );
        let out = &mut *self.writer.out;
        out.reserve(key.len() + 4);
        if !std::mem::take(&mut self.first) {
            out.push(b',');
        }
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.push(b'"');
        out.push(b':');
        value.serialize(&mut self.writer)
    }

    fn close(self, bracket: u8) -> Result<(), Error> {
        self.writer.out.push(bracket);
        if self.close_variant {
            self.writer.out.push(b'}');
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']')
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']')
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']')
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.next();
        key.serialize(MapKey(&mut self.writer))?;
        self.writer.out.push(b':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut self.writer)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}')
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}')
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}')
    }
}

/// A map key: strings are written here; serde_json also writes numbers and
/// `bool`s as keys (quoted), which are left to it.
struct MapKey<'r, 'a>(&'r mut Writer<'a>);

macro_rules! refused {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, _v: $ty) -> Result<(), Error> {
            Err(refuse())
        }
    )*};
}

impl ser::Serializer for MapKey<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.string(v)
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.0.string(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.0.string(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    refused! {
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_f32: f32,
        serialize_f64: f64, serialize_bytes: &[u8]
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(refuse())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Error> {
        Err(refuse())
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(refuse())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(refuse())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(refuse())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(refuse())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(refuse())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(refuse())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(refuse())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(refuse())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(refuse())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(refuse())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn same(value: &(impl Serialize + ?Sized)) {
        let mut ours = Vec::new();
        to_writer(&mut ours, value).expect("writes");
        let theirs = serde_json::to_vec(value).expect("serde_json writes");
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn writes_what_serde_json_writes() {
        same(&json!({
            "s": "plain", "e": "quote \" backslash \\ newline \n tab \t nul \u{0} del \u{7f} é 🎉 </script>",
            "n": [0, -1, 1.5, 1e300, 0.1, u64::MAX, i64::MIN, -0.0], "b": [true, false, null],
            "o": {}, "a": [], "nested": {"k\"ey": [{"x": [[]]}]}
        }));
        same("a string that is longer than sixteen bytes, with a \u{1f} late");
        same(&'"');
        #[derive(Serialize)]
        enum E {
            Unit,
            New(u8),
            Tuple(u8, &'static str),
            Struct { a: Option<u8>, b: () },
        }
        same(&[
            E::Unit,
            E::New(1),
            E::Tuple(2, "t"),
            E::Struct { a: None, b: () },
        ]);
        #[derive(Serialize)]
        struct Newtype(&'static str);
        #[derive(Serialize)]
        struct Unit;
        same(&(Newtype("n"), Unit, 'c', (1u8, "two")));
        same(&std::collections::BTreeMap::from([("k", 1), ("\u{1}", 2)]));
    }

    #[test]
    fn writes_random_values_as_serde_json_does() {
        use crate::model::scan_tests::{Rng, json};
        let mut rng = Rng(0x51ed_270b_27a9_3c4d);
        for _ in 0..3_000 {
            let mut text = String::new();
            json(&mut rng, 0, &mut text);
            // Control characters and quotes inside strings too, as session
            // attributes may hold anything a previous answer stored.
            // (`q` and `z` are in no JSON literal.)
            let text = text.replace('q', "\\u0001").replace('z', "\\\"");
            let value: Value = serde_json::from_str(&text).expect("the generator writes JSON");
            same(&value);
        }
    }

    #[test]
    fn refuses_keys_serde_json_writes_otherwise() {
        let map = std::collections::BTreeMap::from([(1, "one")]);
        assert!(to_writer(&mut Vec::new(), &map).is_err());
        assert!(serde_json::to_vec(&map).is_ok());
    }

    #[test]
    fn writes_every_response_fixture_as_serde_json_does() {
        let mut seen = 0;
        for text in crate::model::scan_tests::fixtures("alexa-responses") {
            let Ok(value) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            same(&value);
            if let Ok(envelope) = serde_json::from_value::<crate::model::ResponseEnvelope>(value) {
                same(&envelope);
                seen += 1;
            }
        }
        assert!(seen > 10, "only {seen} response fixtures");
    }
}
