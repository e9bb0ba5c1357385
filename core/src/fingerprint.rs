//! A template's fingerprint: a short code two residential areas can read to each other over
//! the phone to know they use the identical template (统一表格选票).
//!
//! It is the first 40 bits of SHA-256 over the template's canonical JSON, written as eight
//! characters of Crockford base32 (no I, L, O, U: nothing to mishear) in two groups.

use sha2::{Digest, Sha256};

use crate::template::Template;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// E.g. `7KQ2-M9XD`. Equal templates have equal fingerprints; any change of content changes it.
pub fn fingerprint(template: &Template) -> String {
    short_code(&Sha256::digest(template.canonical_json().as_bytes()), 2)
}

/// Whether `text` is written as [`fingerprint`] writes one (`7KQ2-M9XD`).
pub fn is_fingerprint(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 9
        && b[4] == b'-'
        && (b.iter().enumerate()).all(|(i, c)| i == 4 || ALPHABET.contains(c))
}

/// The first `groups × 20` bits of `digest` as Crockford base32, in groups of four
/// characters joined by `-`: the form of every short code people compare by reading
/// (template fingerprints, 结果校验码, device codes). `groups` is at most 3.
pub(crate) fn short_code(digest: &[u8], groups: usize) -> String {
    let groups = groups.min(3);
    let bits = digest
        .iter()
        .take(8)
        .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    let mut out = String::with_capacity(groups * 5);
    for i in 0..groups * 4 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        let index = ((bits >> (59 - 5 * i)) & 31) as usize;
        out.push(char::from(ALPHABET[index]));
    }
    out
}

/// Lower-case hex of `bytes`: how digests, salts and random keys are written.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    #[test]
    fn is_stable_short_and_content_sensitive() {
        let t = samples::recommendation();
        let f = fingerprint(&t);
        assert_eq!(f.len(), 9);
        assert_eq!(&f[4..5], "-");
        assert!(f.chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
        assert_eq!(f, fingerprint(&samples::recommendation()));
        let mut spec = t.into_spec();
        spec.title.push('２');
        let changed = spec.check().expect("valid");
        assert_ne!(f, fingerprint(&changed));
    }
}
