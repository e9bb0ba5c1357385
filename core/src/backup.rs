//! Backups: every template, session and count on a device in one file, and the plan for
//! bringing them back on another (or the same) device.
//!
//! A backup holds the device's records as they are stored (key and JSON, per object store;
//! docs/storage.md), so a restored session has the very same template text, hence the same
//! fingerprint, the same ballots and the same counts. Only intact records go in.
//!
//! Restoring never overwrites: records are only ever added. A session, a count or a
//! library template (a *group*: the record and every entry keyed under it) is restored
//! whole when the device lacks it; where the device has it, only records it lacks are
//! added, and only when every record both hold is the same; where one differs, the device
//! keeps its own and the group is left out of the restore, and said so.
//!
//! The file (`ballot-kit/backup`, version 1):
//!
//! ```json
//! { "format": "ballot-kit/backup", "version": 1, "checksum": "<32 hex>",
//!   "body": { "made_ms": 1795316400000,
//!             "stores": { "sessions": [["<key>", "<JSON>"], …], "events": […], … } } }
//! ```
//!
//! `checksum` is the first 128 bits of SHA-256 of `body`'s text as written. Errors B01–B06.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::count::StoredCount;
use crate::damage::{Damage, Problem, Store};
use crate::envelope::{self, Envelope};
use crate::library::Library;
use crate::session::StoredSession;

pub const FORMAT: &str = "ballot-kit/backup";
pub const VERSION: u32 = 1;

/// The object stores a backup holds, in this order ("device", this device's own setting,
/// is not one of them).
pub const STORES: [&str; 6] = [
    "sessions",
    "events",
    "ballots",
    "counts",
    "count_entries",
    "templates",
];

pub mod limits {
    /// A backup file: 64 MB, far above a device's real data (a ballot is about 100 bytes).
    pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
    /// A key: ids are 32 hex digits, keys at most `<id>/<32 hex>`.
    pub const KEY: usize = 80;
}

/// Why a backup file cannot be restored. Nothing is changed in any of these cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupError {
    /// B01: over [`limits::MAX_FILE_BYTES`].
    TooLarge,
    /// B02: not a backup at all (another file, or not JSON).
    NotBackup,
    /// B03: a backup from a newer version of the app.
    NewerVersion(u32),
    /// B04: the checksum does not match, or it is cut short: changed or damaged on the way.
    Damaged,
    /// B05: a key or store that is not of this app (a hand-made or tampered file).
    BadKey,
    /// B06: its checksum matches but a record in it cannot be used (made by a faulty tool,
    /// or edited with the checksum recomputed).
    BadRecord(Store),
}

impl BackupError {
    pub fn code(self) -> &'static str {
        match self {
            BackupError::TooLarge => "B01",
            BackupError::NotBackup => "B02",
            BackupError::NewerVersion(_) => "B03",
            BackupError::Damaged => "B04",
            BackupError::BadKey => "B05",
            BackupError::BadRecord(_) => "B06",
        }
    }
}

/// Records per store, each `(key, JSON)` in key order.
pub type Stores = BTreeMap<String, Vec<(String, String)>>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub made_ms: u64,
    pub stores: Stores,
}

/// The backup of `stores` (as the device reads them), with the damaged records left out
/// (`damaged`: what [`Device::read`] found). Returns the file's text.
pub fn make(stores: &Stores, damaged: &[Damage], made_ms: u64) -> String {
    let bad = |store: &str, key: &str| {
        damaged
            .iter()
            .any(|d| d.key == key && d.store.name() == store)
    };
    let stores: Stores = STORES
        .iter()
        .map(|&name| {
            let rows = stores.get(name).map(Vec::as_slice).unwrap_or_default();
            let kept = rows
                .iter()
                .filter(|(k, _)| !bad(name, k))
                .cloned()
                .collect();
            (name.to_string(), kept)
        })
        .collect();
    let body = Body { made_ms, stores };
    // Plain data (strings, numbers, maps with string keys) always serializes.
    let text = serde_json::to_string(&body).unwrap_or_default();
    envelope::write(FORMAT, VERSION, &text, None, None)
}

fn key_ok(key: &str) -> bool {
    let part = |p: &str| {
        !p.is_empty()
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    key.len() <= limits::KEY
        && match key.split_once('/') {
            Some((id, rest)) => part(id) && part(rest),
            None => part(key),
        }
}

/// Reads a backup file: its format, version and checksum, every key, and every record as
/// the device would read it (nothing in it may be damaged). Changes nothing.
pub fn read(text: &str) -> Result<Body, BackupError> {
    if text.len() > limits::MAX_FILE_BYTES {
        return Err(BackupError::TooLarge);
    }
    let text = text.trim_start_matches('\u{feff}');
    let e: Envelope = serde_json::from_str(text).map_err(|_| {
        let head: String = text.chars().take(200).collect();
        if head.contains(FORMAT) {
            BackupError::Damaged
        } else {
            BackupError::NotBackup
        }
    })?;
    if e.format != FORMAT {
        return Err(BackupError::NotBackup);
    }
    if e.version > VERSION {
        return Err(BackupError::NewerVersion(e.version));
    }
    if !e.intact(VERSION) {
        return Err(BackupError::Damaged);
    }
    let body: Body = serde_json::from_str(e.body.get()).map_err(|_| BackupError::Damaged)?;
    for (name, rows) in &body.stores {
        if !STORES.contains(&name.as_str()) || rows.iter().any(|(k, _)| !key_ok(k)) {
            return Err(BackupError::BadKey);
        }
        // Key order, no key twice: as a store lists them.
        if rows.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err(BackupError::BadKey);
        }
    }
    if let Some(d) = Device::read(&body.stores).damaged.first() {
        return Err(BackupError::BadRecord(d.store));
    }
    Ok(body)
}

/// A device's records read as the app and the studio read them, once: sessions with their
/// events and ballots, counts with their entries, the library, and every damaged record.
#[derive(Debug, Clone, PartialEq)]
pub struct Device {
    pub sessions: Vec<StoredSession>,
    pub counts: Vec<StoredCount>,
    pub library: Library,
    pub damaged: Vec<Damage>,
}

impl Device {
    /// A record with empty data is one whose checksum failed: the store's reader (`idb.js`)
    /// hands it over so, in its place.
    pub fn read(stores: &Stores) -> Device {
        let rows = |name: &str| stores.get(name).map(Vec::as_slice).unwrap_or_default();
        let (sessions, mut damaged) =
            crate::session::read_stored(rows("sessions"), rows("events"), rows("ballots"));
        let (counts, more) = crate::count::read_stored(rows("counts"), rows("count_entries"));
        damaged.extend(more);
        let library = Library::read(rows("templates"));
        damaged.extend(library.damaged.iter().cloned());
        for d in &mut damaged {
            if rows(d.store.name())
                .iter()
                .any(|(k, v)| *k == d.key && v.is_empty())
            {
                d.problem = Problem::Checksum;
            }
        }
        Device {
            sessions,
            counts,
            library,
            damaged,
        }
    }
}

/// What a group of records is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GroupKind {
    Session,
    Count,
    Template,
}

/// What the restore does with one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The device lacks it: restored whole.
    Added,
    /// The device has part of it: the records it lacks are added.
    Completed,
    /// The device has all of it already.
    Present,
    /// The device's differs: it keeps its own; nothing of this group is restored.
    Conflict,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: GroupKind,
    pub id: String,
    /// The records that would be added.
    pub adding: usize,
    pub outcome: Outcome,
}

/// The restore: the records to add, `(store, key, JSON)`, and what happens to each group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub add: Vec<(String, String, String)>,
    pub groups: Vec<Group>,
}

impl Plan {
    pub fn count(&self, kind: GroupKind, outcome: Outcome) -> usize {
        (self.groups.iter())
            .filter(|g| g.kind == kind && g.outcome == outcome)
            .count()
    }
}

fn group_of(store: &str, key: &str) -> Option<(GroupKind, String)> {
    let id = key.split_once('/').map_or(key, |(id, _)| id).to_string();
    let kind = match store {
        "sessions" | "events" | "ballots" => GroupKind::Session,
        "counts" | "count_entries" => GroupKind::Count,
        "templates" => GroupKind::Template,
        _ => return None,
    };
    Some((kind, id))
}

/// One group's records as [`plan`] finds them: missing on the device, the same, or
/// differing.
type Tracked = (Vec<(String, String, String)>, usize, bool);

/// What restoring `backup` onto a device holding `device` does. Pure: the caller writes
/// `add` (in one transaction, so that all of it or none is stored).
pub fn plan(device: &Stores, backup: &Body) -> Plan {
    // Per group: the records the device lacks, how many it holds the same, and whether one
    // differs.
    let mut groups: BTreeMap<(GroupKind, String), Tracked> = BTreeMap::new();
    for (store, rows) in &backup.stores {
        let on_device = device.get(store).map(Vec::as_slice).unwrap_or_default();
        for (key, value) in rows {
            let Some(group) = group_of(store, key) else {
                continue;
            };
            let entry = groups.entry(group).or_default();
            match on_device.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
                Ok(i) if on_device[i].1 == *value => entry.1 += 1,
                Ok(_) => entry.2 = true,
                Err(_) => entry.0.push((store.clone(), key.clone(), value.clone())),
            }
        }
    }
    let mut plan = Plan::default();
    for ((kind, id), (missing, same, differs)) in groups {
        let outcome = match (differs, missing.is_empty(), same) {
            (true, _, _) => Outcome::Conflict,
            (false, true, _) => Outcome::Present,
            (false, false, 0) => Outcome::Added,
            (false, false, _) => Outcome::Completed,
        };
        let adding = if outcome == Outcome::Conflict {
            0
        } else {
            missing.len()
        };
        if outcome != Outcome::Conflict {
            plan.add.extend(missing);
        }
        plan.groups.push(Group {
            kind,
            id,
            adding,
            outcome,
        });
    }
    plan
}

#[cfg(test)]
mod tests;
