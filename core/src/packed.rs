//! A 唱票 count's ballots in reading order, as a results file carries them ([`PaperBallots`]):
//! each distinct ballot once, and the reading order as indices into them.
//!
//! Paper ballots repeat: a 推荐票 of seven names has at most a few hundred different
//! markings, whatever the number of ballots. Written one by one as JSON, a count of
//! 100 000 ballots is 5 MB, over the 4 MB a results file may be, and every reader has to
//! parse, checksum and judge each of them. Packed, it is each distinct ballot once (`kinds`)
//! and one or two characters per ballot (`order`): about 200 KB, and a reader judges each
//! distinct ballot once (docs/results.md, "The ballots of a 唱票 count").
//!
//! ```json
//! "ballots": {"kinds": [{"c":0,"b":{"m":[{"r":{"m":[0,3]}}]}}, …], "order": "AABAC…"}
//! ```
//!
//! - `kinds`: every distinct ballot, in the order it was first read.
//! - `order`: every ballot in reading order, each as `w` base64url characters (`A`–`Z`,
//!   `a`–`z`, `0`–`9`, `-`, `_`: the digits 0–63, most significant first), the index of its
//!   kind; `w` is the fewest characters that number every kind (1 up to 64 kinds, 2 up to
//!   4 096, 3 up to 262 144).
//!
//! Invariants (every constructor keeps them, the reader refuses anything else):
//! - **One text per list.** Kinds are distinct and in order of first reading, and each is
//!   read at least once, so the same ballots in the same order are always written the same
//!   way, and the signed digest ([`PaperBallots::digest`]) is a function of the list.
//! - `iter()` gives back exactly the list it was made from, in order.
//!
//! Files of version 2 and before carry the ballots as a plain JSON list; they are still
//! read, and their digest stays the one their device signed: SHA-256 of that list's JSON
//! ([`Written::List`]).

use std::cell::OnceCell;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

use crate::ballot::Ballot;
use crate::fingerprint::hex;
use crate::tally::{Tally, TallyError};
use crate::template::Template;

/// The base64url digits, in order of value.
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// At most this many characters per index: 64³ = 262 144 kinds (a file of 4 MB holds fewer).
const MAX_WIDTH: usize = 3;

/// What a packed digest is over, before the kinds' JSON, a newline and the order.
const PACKED_DIGEST: &str = "ballot-kit/ballots/2\n";

/// How the file this list was read from wrote it, which decides its signed digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// Versions 1 and 2: a plain JSON list, digest SHA-256 of the list's JSON.
    List,
    /// Version 3 on: packed, digest SHA-256 of [`PACKED_DIGEST`], the kinds' JSON, a
    /// newline and the order.
    Packed,
}

/// A 唱票 count's ballots in reading order (see the module comment).
#[derive(Clone)]
pub struct PaperBallots {
    /// Distinct, in order of first reading.
    kinds: Vec<Ballot>,
    /// Indices into `kinds`, one per ballot, in reading order; each kind at least once.
    order: Vec<u32>,
    written: Written,
    /// [`PaperBallots::digest`], made once: every check of a signature asks for it.
    digest: OnceCell<String>,
}

impl PartialEq for PaperBallots {
    fn eq(&self, o: &Self) -> bool {
        self.kinds == o.kinds && self.order == o.order && self.written == o.written
    }
}

impl Eq for PaperBallots {}

impl fmt::Debug for PaperBallots {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PaperBallots")
            .field("kinds", &self.kinds)
            .field("order", &self.order)
            .field("written", &self.written)
            .finish()
    }
}

impl Default for PaperBallots {
    fn default() -> Self {
        PaperBallots::from_parts(Vec::new(), Vec::new(), Written::Packed)
    }
}

impl<'a> FromIterator<&'a Ballot> for PaperBallots {
    /// Packs ballots given in reading order.
    fn from_iter<I: IntoIterator<Item = &'a Ballot>>(ballots: I) -> Self {
        let mut index: HashMap<&Ballot, u32> = HashMap::new();
        let mut kinds: Vec<&Ballot> = Vec::new();
        let order = ballots
            .into_iter()
            .map(|b| {
                *index.entry(b).or_insert_with(|| {
                    kinds.push(b);
                    (kinds.len() - 1) as u32
                })
            })
            .collect();
        PaperBallots::from_parts(kinds.into_iter().cloned().collect(), order, Written::Packed)
    }
}

impl PaperBallots {
    fn from_parts(kinds: Vec<Ballot>, order: Vec<u32>, written: Written) -> PaperBallots {
        PaperBallots {
            kinds,
            order,
            written,
            digest: OnceCell::new(),
        }
    }

    /// Ballots as a file of version 2 or before listed them.
    fn listed(list: Vec<Ballot>) -> PaperBallots {
        PaperBallots {
            written: Written::List,
            ..list.iter().collect()
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The `i`-th ballot read.
    pub fn get(&self, i: usize) -> Option<&Ballot> {
        let k = *self.order.get(i)?;
        self.kinds.get(k as usize)
    }

    /// The ballots in reading order.
    pub fn iter(&self) -> impl Iterator<Item = &Ballot> + '_ {
        // Every index is below kinds.len() (checked by every constructor).
        self.order
            .iter()
            .filter_map(|&k| self.kinds.get(k as usize))
    }

    /// How many different ballots there are.
    pub fn kinds(&self) -> usize {
        self.kinds.len()
    }

    pub fn written(&self) -> Written {
        self.written
    }

    /// The tally of these ballots: each distinct ballot judged once, counted as often as it
    /// was read. Fails on a ballot that does not fit the template.
    pub fn tally(&self, template: &Template) -> Result<Tally, TallyError> {
        let mut times = vec![0u32; self.kinds.len()];
        for &k in &self.order {
            if let Some(n) = times.get_mut(k as usize) {
                *n = n.saturating_add(1);
            }
        }
        let mut tally = Tally::empty(template);
        for (b, n) in self.kinds.iter().zip(times) {
            let checked = crate::check::check(template, b)?;
            tally.add_checked_times(&checked, n);
        }
        Ok(tally)
    }

    /// What a count's signed statement carries for its ballots: SHA-256 (hex) of them as
    /// [`PaperBallots::written`] says.
    pub fn digest(&self) -> &str {
        self.digest.get_or_init(|| match self.written {
            Written::List => {
                let list: Vec<&Ballot> = self.iter().collect();
                hex(&Sha256::digest(json(&list).as_bytes()))
            }
            Written::Packed => {
                let mut h = Sha256::new();
                h.update(PACKED_DIGEST.as_bytes());
                h.update(json(&self.kinds).as_bytes());
                h.update(b"\n");
                h.update(self.order_text().as_bytes());
                hex(&h.finalize())
            }
        })
    }

    /// Characters per index for this many kinds.
    fn width(kinds: usize) -> usize {
        let mut w = 1;
        let mut reach = 64usize;
        while reach < kinds {
            w += 1;
            reach = reach.saturating_mul(64);
        }
        w
    }

    fn order_text(&self) -> String {
        let w = PaperBallots::width(self.kinds.len());
        let mut out = Vec::with_capacity(self.order.len() * w);
        for &k in &self.order {
            for place in (0..w).rev() {
                out.push(DIGITS[(k as usize >> (6 * place)) & 63]);
            }
        }
        // Only base64url digits were pushed.
        String::from_utf8(out).unwrap_or_default()
    }

    /// Reads a packed list, refusing any text that is not the one text of its list.
    fn unpack(kinds: Vec<Ballot>, order: &str) -> Result<PaperBallots, &'static str> {
        let w = PaperBallots::width(kinds.len());
        if w > MAX_WIDTH {
            return Err("too many kinds");
        }
        if order.len() % w != 0 {
            return Err("order cut short");
        }
        let mut value = [0u8; 256];
        value.fill(u8::MAX);
        for (v, &d) in DIGITS.iter().enumerate() {
            value[usize::from(d)] = v as u8;
        }
        let mut indices = Vec::with_capacity(order.len() / w);
        // The next kind not read yet: kinds are in order of first reading.
        let mut next = 0u32;
        for chunk in order.as_bytes().chunks(w) {
            let mut k = 0u32;
            for &c in chunk {
                let v = value[usize::from(c)];
                if v == u8::MAX {
                    return Err("not a base64url digit");
                }
                k = (k << 6) | u32::from(v);
            }
            if k > next || k as usize >= kinds.len() {
                return Err("kind out of order");
            }
            if k == next {
                next += 1;
            }
            indices.push(k);
        }
        if next as usize != kinds.len() {
            return Err("a kind never read");
        }
        let mut seen: HashMap<&Ballot, ()> = HashMap::with_capacity(kinds.len());
        if kinds.iter().any(|b| seen.insert(b, ()).is_some()) {
            return Err("a kind twice");
        }
        Ok(PaperBallots::from_parts(kinds, indices, Written::Packed))
    }
}

fn json<T: Serialize + ?Sized>(value: &T) -> String {
    // Ballots are plain data: they always serialize.
    serde_json::to_string(value).unwrap_or_default()
}

impl Serialize for PaperBallots {
    /// Always packed: what this version writes.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PaperBallots", 2)?;
        st.serialize_field("kinds", &self.kinds)?;
        st.serialize_field("order", &self.order_text())?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for PaperBallots {
    /// A packed list (version 3 on) or a plain list (before).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Reader;
        impl<'de> Visitor<'de> for Reader {
            type Value = PaperBallots;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("ballots")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<PaperBallots, A::Error> {
                let mut list = Vec::new();
                while let Some(b) = seq.next_element::<Ballot>()? {
                    list.push(b);
                }
                Ok(PaperBallots::listed(list))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PaperBallots, A::Error> {
                let (mut kinds, mut order): (Option<Vec<Ballot>>, Option<String>) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "kinds" if kinds.is_none() => kinds = Some(map.next_value()?),
                        "order" if order.is_none() => order = Some(map.next_value()?),
                        _ => return Err(de::Error::custom("unknown or repeated field")),
                    }
                }
                let (Some(kinds), Some(order)) = (kinds, order) else {
                    return Err(de::Error::custom("kinds and order needed"));
                };
                PaperBallots::unpack(kinds, &order).map_err(de::Error::custom)
            }
        }
        d.deserialize_any(Reader)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    fn ballots(t: &Template, n: u16) -> Vec<Ballot> {
        (0..n)
            .map(|i| {
                let mut b = Ballot::empty(t, Some(0));
                b.toggle_paper_mark(t, 0, i % 5);
                b
            })
            .collect()
    }

    fn packed(kinds: &str, order: &str) -> Result<PaperBallots, String> {
        serde_json::from_str(&format!(r#"{{"kinds":{kinds},"order":"{order}"}}"#))
            .map_err(|e| e.to_string())
    }

    const A: &str = r#"{"c":0,"b":{"m":[{"r":{"m":[0]}}]}}"#;
    const B: &str = r#"{"c":0,"b":{"m":[{"r":{"m":[1]}}]}}"#;

    #[test]
    fn packs_each_distinct_ballot_once_in_order_of_first_reading() {
        let t = samples::recommendation();
        let list = ballots(&t, 12);
        let p: PaperBallots = list.iter().collect();
        assert_eq!(p.kinds(), 5);
        assert_eq!(p.len(), 12);
        assert!(p.iter().eq(list.iter()));
        assert_eq!(p.get(6), Some(&list[6]));
        assert_eq!(p.get(12), None);
        let text = json(&p);
        assert!(text.ends_with(r#","order":"ABCDEABCDEAB"}"#), "{text}");
        let back: PaperBallots = serde_json::from_str(&text).expect("reads");
        assert_eq!(back, p);
        assert_eq!(back.digest(), p.digest());
    }

    #[test]
    fn width_grows_with_the_kinds() {
        assert_eq!(PaperBallots::width(0), 1);
        assert_eq!(PaperBallots::width(64), 1);
        assert_eq!(PaperBallots::width(65), 2);
        assert_eq!(PaperBallots::width(4096), 2);
        assert_eq!(PaperBallots::width(4097), 3);
        // 70 kinds: two characters each, the 65th kind is "BA".
        let t = samples::evaluation();
        let list: Vec<Ballot> = (0..70u16)
            .map(|i| {
                let mut b = Ballot::empty(&t, None);
                for item in 0..4 {
                    if i >> item & 1 == 1 {
                        b.rate(&t, 0, item, usize::from(i / 16 % 3));
                    }
                }
                b
            })
            .collect();
        let p: PaperBallots = list.iter().collect();
        let back: PaperBallots = serde_json::from_str(&json(&p)).expect("reads");
        assert!(back.iter().eq(list.iter()));
    }

    #[test]
    fn tallies_as_one_by_one() {
        let t = samples::recommendation();
        let list = ballots(&t, 40);
        let p: PaperBallots = list.iter().collect();
        assert_eq!(p.tally(&t), Tally::of(&t, &list));
    }

    #[test]
    fn refuses_every_other_text_of_a_list() {
        let two = format!("[{A},{B}]");
        assert!(packed(&two, "ABAB").is_ok());
        for (kinds, order, why) in [
            (two.as_str(), "BA", "kind out of order"),
            (two.as_str(), "AC", "kind out of order"),
            (two.as_str(), "AA", "a kind never read"),
            (two.as_str(), "A", "a kind never read"),
            (two.as_str(), "A=", "not a base64url digit"),
            (&format!("[{A},{A}]"), "AB", "a kind twice"),
            ("[]", "A", "kind out of order"),
        ] {
            let e = packed(kinds, order).expect_err(order);
            assert!(e.contains(why), "{kinds} {order}: {e}");
        }
        assert!(packed("[]", "").is_ok_and(|p| p.is_empty()));
    }

    #[test]
    fn a_list_keeps_the_digest_its_device_signed() {
        let t = samples::recommendation();
        let list = ballots(&t, 7);
        let read: PaperBallots = serde_json::from_str(&json(&list)).expect("reads a list");
        assert_eq!(read.written(), Written::List);
        assert!(read.iter().eq(list.iter()));
        assert_eq!(read.digest(), hex(&Sha256::digest(json(&list).as_bytes())));
        let packed: PaperBallots = list.iter().collect();
        assert_ne!(
            read.digest(),
            packed.digest(),
            "a digest says how it was written"
        );
    }
}
