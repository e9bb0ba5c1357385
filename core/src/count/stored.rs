//! Reading the counts stored on a device: each count's record and its log entries, as the
//! store lists them. Pure, so the app (at start) and the results desk (which reads the
//! counts itself rather than have the first-load app hand them over) read them alike.

use super::{CountEntry, CountLog, CountRecord};
use crate::damage::{Damage, Problem, Store};
use crate::template::Template;

/// One stored count, its log replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCount {
    pub record: CountRecord,
    pub template: Template,
    pub log: CountLog,
    /// The number the next log entry is stored under: one past the highest stored, damaged
    /// records included, so a key is never tried twice.
    pub next_key: u32,
    /// Steps of its log that could not be read or applied: the count shown may then differ
    /// from the paper (a ballot, a correction, a strike or new figures left out), and the
    /// counting screen says so.
    pub unreadable: u32,
}

/// The counts in `records` (key, JSON), newest first, each with its entries from `entries`
/// replayed in key order (keys are `<id>/<n, 8 digits>`, so key order is log order). What
/// cannot be used is named in the second value, skipped and left in the store; the rest
/// stands.
pub fn read_stored(
    records: &[(String, String)],
    entries: &[(String, String)],
) -> (Vec<StoredCount>, Vec<Damage>) {
    let (mut counts, mut damaged) = read_headers(records);
    replay(&mut counts, entries, &mut damaged);
    (counts, damaged)
}

/// The counts in `records`, as [`read_stored`], their logs not read (nothing replayed): the
/// app's home screen, which shows them from their checkpoints.
pub fn read_headers(records: &[(String, String)]) -> (Vec<StoredCount>, Vec<Damage>) {
    let mut damaged = Vec::new();
    let mut counts: Vec<StoredCount> = Vec::new();
    let headers = crate::header::read(
        records,
        |id, json| {
            let record = serde_json::from_str::<CountRecord>(json)
                .ok()
                .filter(|r| r.v == 1 && r.id == id)?;
            let template = Template::parse(&record.template).ok()?;
            Some((record, template))
        },
        |key, problem| damaged.push(Damage::new(Store::Count, key, problem)),
    );
    for (record, template) in headers {
        // Newest first (a binary search, not a sort: sorts cost wasm size).
        let at = counts.partition_point(|c| c.record.opened_ms >= record.opened_ms);
        let log = CountLog::new(&template, record.figures);
        counts.insert(
            at,
            StoredCount {
                record,
                template,
                log,
                next_key: 0,
                unreadable: 0,
            },
        );
    }
    (counts, damaged)
}

/// Replays `entries` (key, JSON; in key order) into the counts of `counts` they belong to;
/// what cannot be used is named in `damaged`, as [`read_stored`] does.
pub fn replay(counts: &mut [StoredCount], entries: &[(String, String)], damaged: &mut Vec<Damage>) {
    for (key, value) in entries {
        let place = key
            .split_once('/')
            .and_then(|(id, n)| Some((id, n.parse::<u32>().ok()?)));
        let count = place.and_then(|(id, n)| {
            let c = counts.iter_mut().find(|c| c.record.id == id)?;
            c.next_key = c.next_key.max(n.saturating_add(1));
            Some(c)
        });
        let entry = serde_json::from_str::<CountEntry>(value);
        let problem = match (count, entry) {
            (Some(c), Ok(entry)) => match c.log.apply(&c.template, entry) {
                Ok(_) => continue,
                Err(_) => {
                    c.unreadable += 1;
                    Problem::Refused
                }
            },
            (None, _) => Problem::Orphan,
            (Some(c), Err(_)) => {
                c.unreadable += 1;
                Problem::Unreadable
            }
        };
        damaged.push(Damage::new(Store::CountEntry, key, problem));
    }
}
