//! One reader for every enum of plain named values (○ / √, void_ballot / void_section, …).
//!
//! serde's derive compiles a separate reader for each such enum (for the five here, 0.6 KB
//! brotli on the first load, measured: docs/size.md);
//! [`read_by_name!`] makes them share one: it reads a string and looks it up. Writing stays
//! with serde's derive (with the same names); the round trip of every variant is tested
//! where each enum is defined.

use serde::{Deserialize, Deserializer};

/// The string a named value is read from.
pub(crate) fn name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d)
}

/// A list of strings. One reader shared by every such field: serde's derive would inline a
/// copy of the list reader into each field that has one (about 0.4 KB of wasm each).
#[inline(never)]
pub(crate) fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Vec::<String>::deserialize(d)
}

/// Implements `Deserialize` for an enum of unit variants, each read from its name.
macro_rules! read_by_name {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const NAMES: &[&str] = &[$($name),+];
                match $crate::unit_enum::name(d)?.as_str() {
                    $($name => Ok($ty::$variant),)+
                    other => Err(<D::Error as serde::de::Error>::unknown_variant(other, NAMES)),
                }
            }
        }
    };
}
pub(crate) use read_by_name;
