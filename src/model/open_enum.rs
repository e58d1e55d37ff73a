//! `open_enum!`: string enums that keep values they do not know.
//!
//! Alexa adds values to its enums (dialog states, confirmation statuses,
//! viewport modes…) without notice; a request carrying a new one must still
//! parse, so every such enum keeps an unknown value in `Other` instead of
//! failing.

/// Declares a string enum that keeps values it does not know in `Other`.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
            /// A value alexa-kit does not know, kept as sent.
            Other(String),
        }

        impl $name {
            /// The value as it appears on the wire.
            ///
            /// ```
            #[doc = concat!("use alexa_kit::model::", stringify!($name), ";")]
            #[doc = concat!("assert_eq!(", stringify!($name), "::Other(\"NEW\".into()).as_str(), \"NEW\");")]
            /// ```
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Other(s) => s,
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<$name, E> {
                        Ok(match s {
                            $( $wire => $name::$variant, )*
                            _ => $name::Other(s.to_owned()),
                        })
                    }
                }
                deserializer.deserialize_str(V)
            }
        }
    };
}
