//! Stored records a device cannot use, each named precisely: which store, which key, what
//! is wrong. Reading a device's store never stops at one: every damaged record is reported,
//! skipped and left where it is, and every intact one stays usable (docs/storage.md).

/// The kind of record, by the object store it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    Session,
    Event,
    Ballot,
    Count,
    CountEntry,
    Template,
}

impl Store {
    /// Its object store's name (`idb.js`'s `STORES`).
    pub fn name(self) -> &'static str {
        match self {
            Store::Session => "sessions",
            Store::Event => "events",
            Store::Ballot => "ballots",
            Store::Count => "counts",
            Store::CountEntry => "count_entries",
            Store::Template => "templates",
        }
    }
}

/// What is wrong with a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Its checksum does not match: it changed after it was written (a damaged disk, a
    /// hand edit).
    Checksum,
    /// Not a record of its kind (no JSON, a wrong version, a key that does not match).
    Unreadable,
    /// It belongs to a session or count that is missing or itself damaged.
    Orphan,
    /// It reads, but its session's or count's rules refuse it (a ballot that does not fit
    /// the template, a step the count's log refuses).
    Refused,
}

/// One damaged record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    pub store: Store,
    pub key: String,
    pub problem: Problem,
}

impl Damage {
    pub fn new(store: Store, key: &str, problem: Problem) -> Damage {
        Damage {
            store,
            key: key.to_string(),
            problem,
        }
    }

    /// The session or count a log record belongs to: the part of its key before `/`.
    pub fn owner(&self) -> Option<&str> {
        self.key.split_once('/').map(|(id, _)| id)
    }

    /// A log record's place in its log, from 1 (its key's number plus one); none for a
    /// ballot, whose key says nothing of the order of voting.
    pub fn place(&self) -> Option<u32> {
        if !matches!(self.store, Store::Event | Store::CountEntry) {
            return None;
        }
        let n = self.key.split_once('/')?.1.parse::<u32>().ok()?;
        n.checked_add(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_record_is_placed_by_its_key_and_a_ballot_is_not() {
        let d = Damage::new(Store::CountEntry, "abc/00000011", Problem::Checksum);
        assert_eq!(d.owner(), Some("abc"));
        assert_eq!(d.place(), Some(12));
        let b = Damage::new(Store::Ballot, "abc/00000011", Problem::Refused);
        assert_eq!(b.place(), None);
        let s = Damage::new(Store::Session, "abc", Problem::Unreadable);
        assert_eq!((s.owner(), s.place()), (None, None));
        // The names of `idb.js`'s stores.
        let all = [
            Store::Session,
            Store::Event,
            Store::Ballot,
            Store::Count,
            Store::CountEntry,
            Store::Template,
        ];
        assert_eq!(
            all.map(Store::name),
            [
                "sessions",
                "events",
                "ballots",
                "counts",
                "count_entries",
                "templates"
            ]
        );
    }
}
