//! Checkpoints: what a session's ballots or a count's log add up to, stored with each of
//! their writes, so that the home screen of a device holding 60 000 ballots is read from a
//! few small records rather than from every ballot (issue 21, docs/storage.md).
//!
//! A checkpoint is derived, never evidence. Invariants, kept by the store (`idb.js`):
//! - it is written (`checkpoints`/`<id>`, overwritten) in the same transaction as the
//!   ballot or count step it sums up, so a checkpoint that is there is the sum of the log
//!   as of the log's last write;
//! - any other write into a log (a restore, an undelete on the data page) deletes it in its
//!   own transaction, and so does removing the session or count for good.
//!
//! And by the app: a session or count is shown from its checkpoint only on the home
//! screen. Every page of one session or count reads its records first (when the window
//! claims it), counts them again and compares ([`SessionSum`] / [`CountSum`] of the
//! recount against the stored one): the recount is what is shown, and a checkpoint that is
//! missing, damaged or different is written anew; one that was there and disagrees is also
//! reported to the organiser. So a damaged or forged checkpoint can change what the home
//! screen says until the session or count is opened, and never a result.

use crate::figures::Figures;

/// A session's ballots: how many records are stored under it, and how many of them count
/// (`Tally::total`), as the session's page shows them. The others (`records - filled`) are
/// the ones that could not be read or that its rules refuse: damaged records, counted on the
/// home screen as if they had been read.
///
/// Stored as text, `s1 <records> <filled>`: a checkpoint is read for every session at every
/// start, and this reader is a few hundred bytes of wasm where serde's is several KB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionSum {
    pub records: u32,
    pub filled: u32,
}

/// A count's log: the key its next step is stored under, the ballots that stand, the steps
/// that could not be read or applied, the figures and whether it is deleted, as its card on
/// the home screen (and its count of damaged records) shows them.
///
/// Stored as text, `c1 <next_key> <live> <damaged> <due> <present> <issued> <returned>
/// <deleted_ms>`, `-` for a figure not known or a count not deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountSum {
    pub next_key: u32,
    pub live: u32,
    pub damaged: u32,
    pub figures: Figures,
    pub deleted_ms: Option<u64>,
}

impl SessionSum {
    pub fn new(records: u32, filled: u32) -> SessionSum {
        SessionSum { records, filled }
    }

    /// A new session's: no ballot yet. Stored with its header.
    pub fn opened() -> SessionSum {
        SessionSum::new(0, 0)
    }

    /// As stored.
    pub fn encode(&self) -> String {
        format!("s1 {} {}", self.records, self.filled)
    }

    /// A stored checkpoint of this kind and version, or `None` (another version, a damaged
    /// record, a count's: the records are read instead).
    pub fn decode(text: &str) -> Option<SessionSum> {
        let mut f = fields(text, "s1")?;
        let sum = SessionSum::new(number(f.next()?)?, number(f.next()?)?);
        f.next().is_none().then_some(sum)
    }
}

impl CountSum {
    pub fn new(
        next_key: u32,
        live: u32,
        damaged: u32,
        figures: Figures,
        deleted_ms: Option<u64>,
    ) -> CountSum {
        CountSum {
            next_key,
            live,
            damaged,
            figures,
            deleted_ms,
        }
    }

    /// A new count's: no step yet, the figures it was started with. Stored with its header.
    pub fn opened(figures: Figures) -> CountSum {
        CountSum::new(0, 0, 0, figures, None)
    }

    /// As stored.
    pub fn encode(&self) -> String {
        fn known<T: std::fmt::Display>(n: Option<T>) -> String {
            n.map_or_else(|| "-".into(), |n| n.to_string())
        }
        let f = &self.figures;
        format!(
            "c1 {} {} {} {} {} {} {} {}",
            self.next_key,
            self.live,
            self.damaged,
            known(f.due),
            known(f.present),
            known(f.issued),
            known(f.returned),
            known(self.deleted_ms)
        )
    }

    /// A stored checkpoint of this kind and version, or `None` (see [`SessionSum::decode`]).
    pub fn decode(text: &str) -> Option<CountSum> {
        let mut f = fields(text, "c1")?;
        let next_key = number(f.next()?)?;
        let live = number(f.next()?)?;
        let damaged = number(f.next()?)?;
        let mut figure = || maybe(f.next()?);
        let figures = Figures {
            due: figure()?,
            present: figure()?,
            issued: figure()?,
            returned: figure()?,
        };
        let deleted_ms = maybe(f.next()?)?;
        f.next()
            .is_none()
            .then_some(CountSum::new(next_key, live, damaged, figures, deleted_ms))
    }
}

/// The fields after the tag, when `text` starts with it.
fn fields<'a>(text: &'a str, tag: &str) -> Option<std::str::SplitAsciiWhitespace<'a>> {
    let mut f = text.split_ascii_whitespace();
    (f.next()? == tag).then_some(f)
}

/// Digits only (`str::parse` also takes a leading `+`): one text for one number.
fn number<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| s.parse().ok())
        .flatten()
}

/// `-` for none, or a number.
fn maybe<T: std::str::FromStr>(s: &str) -> Option<Option<T>> {
    if s == "-" {
        Some(None)
    } else {
        number(s).map(Some)
    }
}

/// The stored checkpoint (text) of `id` in `stored` (key, text; in key order).
fn find<'a>(stored: &'a [(String, String)], id: &str) -> Option<&'a str> {
    let at = stored.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok()?;
    Some(stored.get(at)?.1.as_str())
}

/// Session `id`'s checkpoint in `stored`, when there is one this app can use.
pub fn session(stored: &[(String, String)], id: &str) -> Option<SessionSum> {
    find(stored, id).and_then(SessionSum::decode)
}

/// Count `id`'s checkpoint in `stored`, when there is one this app can use.
pub fn count(stored: &[(String, String)], id: &str) -> Option<CountSum> {
    find(stored, id).and_then(CountSum::decode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_reads_back_as_written() {
        let s = SessionSum::new(3, 2);
        assert_eq!(s.encode(), "s1 3 2");
        assert_eq!(SessionSum::decode(&s.encode()), Some(s));
        let figures = Figures {
            returned: Some(40),
            ..Figures::default()
        };
        let c = CountSum::new(7, 5, 1, figures, None);
        assert_eq!(c.encode(), "c1 7 5 1 - - - 40 -");
        assert_eq!(CountSum::decode(&c.encode()), Some(c));
        let all = Figures {
            due: Some(1),
            present: Some(2),
            issued: Some(3),
            returned: Some(4),
        };
        let deleted = CountSum::new(9, 0, 0, all, Some(1_700_000_000_000));
        assert_eq!(CountSum::decode(&deleted.encode()), Some(deleted));
    }

    #[test]
    fn another_version_kind_or_damage_is_not_read() {
        for bad in [
            "s2 3 2",
            "c1 7 5 0 - - - 40 -",
            "s1 3",
            "s1 3 2 1",
            "s1 3 -2",
            "s1 +3 2",
            "s1 3 x",
            "s1 99999999999 2",
            "",
            "{\"v\":1,\"records\":3,\"filled\":2}",
        ] {
            assert_eq!(SessionSum::decode(bad), None, "{bad}");
        }
        for bad in [
            "s1 3 2",
            "c1 7 5 0 - - - 40",
            "c1 7 5 0 - - - 40 - -",
            "c1 7 5 0 - - - - x",
            "c1 7 5 - - - 40 -",
        ] {
            assert_eq!(CountSum::decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn found_by_id_in_key_order() {
        let stored = vec![
            ("a1".to_string(), "s1 1 1".to_string()),
            ("b2".to_string(), "s1 2 2".to_string()),
        ];
        assert_eq!(
            find(&stored, "b2").and_then(SessionSum::decode),
            Some(SessionSum::new(2, 2))
        );
        assert_eq!(find(&stored, "c3"), None);
    }
}
