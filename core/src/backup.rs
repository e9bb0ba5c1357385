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
//! A backup holds every ballot so far and each session's PIN hash: it must not leak, and it
//! must not be a way to add ballots. So the file (version 2) is **encrypted** with a
//! passphrase chosen when it is made (AES-256-GCM, the key from PBKDF2-HMAC-SHA256 with
//! [`PASSPHRASE_ITERATIONS`], about a second on a phone; WebCrypto does both) and its
//! content is **signed** by the device that made it ([`crate::exchange::seal`]):
//!
//! ```json
//! { "format": "ballot-kit/backup", "version": 2,
//!   "lock": { "kdf": "PBKDF2-SHA256", "iterations": 600000, "salt": "<b64>",
//!             "cipher": "AES-256-GCM", "iv": "<b64>" },
//!   "data": "<b64 of the encrypted content>" }
//! ```
//!
//! The content, once decrypted, is
//!
//! ```json
//! { "format": "ballot-kit/backup", "version": 2, "checksum": "<32 hex>",
//!   "body": { "made_ms": 1795316400000,
//!             "stores": { "sessions": [["<key>", "<JSON>"], …], "events": […], … } },
//!   "seal": { "key": "…", "sig": "…" } }
//! ```
//!
//! `checksum` is the first 128 bits of SHA-256 of `body`'s text as written; `seal` signs
//! `ballot-kit/backup/2\n` followed by that text. Version 1 files (the content alone, neither
//! encrypted nor signed) are still read. What a restore may do depends on who signed
//! ([`Provenance`]): records are added to a session or count the device already has only
//! from a backup this very device signed, and, for a session, with its PIN. Errors B01–B09.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::count::StoredCount;
use crate::damage::{Damage, Problem, Store};
use crate::envelope::{self, Envelope};
use crate::exchange::seal::{Seal, Signer};
use crate::library::Library;
use crate::session::StoredSession;

pub const FORMAT: &str = "ballot-kit/backup";
pub const VERSION: u32 = 2;

/// PBKDF2 iterations of a backup's passphrase: about a second in a phone's WebCrypto.
pub const PASSPHRASE_ITERATIONS: u32 = 600_000;
/// The shortest passphrase accepted (B09 otherwise).
pub const PASSPHRASE_MIN_CHARS: usize = 8;

/// What the content's signature is over: this line, then the body's text.
const SIGNED: &str = "ballot-kit/backup/2\n";

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
    /// B07: the passphrase does not open it (or the encrypted data was changed).
    WrongPassphrase,
    /// B08: its signature does not match: changed after it was made.
    SignatureBroken,
    /// B09: a passphrase shorter than [`PASSPHRASE_MIN_CHARS`], or its repetition differs.
    PassphraseWeak,
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
            BackupError::WrongPassphrase => "B07",
            BackupError::SignatureBroken => "B08",
            BackupError::PassphraseWeak => "B09",
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
/// (`damaged`: what [`Device::read`] found), unsigned and not encrypted: what a version 1
/// file was. A device signs [`body_text`]'s text and locks [`content`].
pub fn make(stores: &Stores, damaged: &[Damage], made_ms: u64) -> String {
    content(&make_body(stores, damaged, made_ms), None)
}

/// The content of a backup: `body` under its checksum, with the device's seal.
pub fn content(body: &str, seal: Option<&Seal>) -> String {
    let seal = seal.map(|s| serde_json::to_string(s).unwrap_or_default());
    envelope::write(FORMAT, VERSION, body, seal.as_deref(), None)
}

/// What the device signs for a backup with this body text.
pub fn to_sign(body: &str) -> Vec<u8> {
    let mut m = SIGNED.as_bytes().to_vec();
    m.extend_from_slice(body.as_bytes());
    m
}

/// The passphrase as typed twice, checked.
pub fn passphrase(typed: &str, repeat: &str) -> Result<String, BackupError> {
    if typed.chars().count() < PASSPHRASE_MIN_CHARS || typed != repeat {
        return Err(BackupError::PassphraseWeak);
    }
    Ok(typed.to_string())
}

/// How a backup's content is locked: the key from the passphrase by PBKDF2-HMAC-SHA256
/// (`salt` and `iterations`), AES-256-GCM with `iv`; salt and iv are base64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub cipher: String,
    pub iv: String,
}

impl Lock {
    pub fn new(salt: String, iv: String) -> Lock {
        Lock {
            kdf: "PBKDF2-SHA256".into(),
            iterations: PASSPHRASE_ITERATIONS,
            salt,
            cipher: "AES-256-GCM".into(),
            iv,
        }
    }

    fn supported(&self) -> bool {
        self.kdf == "PBKDF2-SHA256"
            && self.cipher == "AES-256-GCM"
            && (1_000..=10_000_000).contains(&self.iterations)
            && self.salt.len() <= 64
            && self.iv.len() <= 64
    }
}

/// An encrypted backup file, as written and read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locked {
    pub format: String,
    pub version: u32,
    pub lock: Lock,
    /// The encrypted content, base64.
    pub data: String,
}

/// The file of an encrypted backup.
pub fn locked(lock: Lock, data: String) -> String {
    let file = Locked {
        format: FORMAT.into(),
        version: VERSION,
        lock,
        data,
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Whether `text` is an encrypted backup (then its lock and data, to decrypt with the
/// passphrase), or something [`open`] reads as it is (`Ok(None)`).
pub fn read_locked(text: &str) -> Result<Option<Locked>, BackupError> {
    if text.len() > limits::MAX_FILE_BYTES {
        return Err(BackupError::TooLarge);
    }
    let text = text.trim_start_matches('\u{feff}');
    if !text.contains("\"lock\"") {
        return Ok(None);
    }
    let file: Locked = match serde_json::from_str(text) {
        Ok(f) => f,
        // Not a locked file after all: read as content (and refused there if broken).
        Err(_) => return Ok(None),
    };
    if file.format != FORMAT {
        return Err(BackupError::NotBackup);
    }
    if file.version > VERSION {
        return Err(BackupError::NewerVersion(file.version));
    }
    if !file.lock.supported() {
        return Err(BackupError::Damaged);
    }
    Ok(Some(file))
}

/// A backup's content as read: its body, its seal, and the body's text (what the seal is
/// over).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub body: Body,
    pub seal: Option<Seal>,
    body_text: String,
}

impl Opened {
    /// What the seal must verify against.
    pub fn to_sign(&self) -> Vec<u8> {
        to_sign(&self.body_text)
    }
}

/// Who made a backup, as far as this device can tell: the signature's key once checked,
/// and this device's own key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    pub signer: Signer,
    pub own: Option<String>,
}

impl Provenance {
    /// Made and signed by this very device.
    pub fn own(&self) -> bool {
        matches!((&self.signer, &self.own), (Signer::Device(k), Some(o)) if k == o)
    }
}

/// The body's text of a backup of `stores`, damaged records left out: what the device signs
/// ([`to_sign`]) and puts in [`content`].
pub fn make_body(stores: &Stores, damaged: &[Damage], made_ms: u64) -> String {
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
    serde_json::to_string(&body).unwrap_or_default()
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

/// Reads a backup's content (a version 1 file, or a version 2 file decrypted): its format,
/// version and checksum, its seal's shape, every key, and every record as the device would
/// read it (nothing in it may be damaged). Changes nothing.
pub fn open(text: &str) -> Result<Opened, BackupError> {
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
    if !e.intact_in(1..=VERSION) {
        return Err(BackupError::Damaged);
    }
    let body: Body = serde_json::from_str(e.body.get()).map_err(|_| BackupError::Damaged)?;
    let seal = e.seal().map_err(|()| BackupError::Damaged)?;
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
    Ok(Opened {
        body,
        seal,
        body_text: e.body.get().to_string(),
    })
}

/// [`open`]'s body alone.
pub fn read(text: &str) -> Result<Body, BackupError> {
    open(text).map(|o| o.body)
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
    /// The device has it and lacks records the backup holds, but the backup was not signed
    /// by this device: nothing is added to what the device holds.
    Foreign,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: GroupKind,
    pub id: String,
    /// The records that would be added.
    pub adding: usize,
    /// Of those, per store: exactly what would be added (ballots, events, count steps).
    pub adding_by_store: Vec<(String, usize)>,
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

/// What restoring `backup`, made by `made_by`, onto a device holding `device` does. Pure:
/// the caller writes `add` (in one transaction, so that all of it or none is stored), and
/// asks for the PIN of each session completed ([`Outcome::Completed`]) first.
pub fn plan(device: &Stores, backup: &Body, made_by: &Provenance) -> Plan {
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
            // Records added to what the device holds: only from its own backup.
            (false, false, _) if kind != GroupKind::Template && !made_by.own() => Outcome::Foreign,
            (false, false, _) => Outcome::Completed,
        };
        let adds = matches!(outcome, Outcome::Added | Outcome::Completed);
        let mut adding_by_store: Vec<(String, usize)> = Vec::new();
        if adds {
            for (store, _, _) in &missing {
                match adding_by_store.iter_mut().find(|(s, _)| s == store) {
                    Some((_, n)) => *n += 1,
                    None => adding_by_store.push((store.clone(), 1)),
                }
            }
        }
        let adding = if adds { missing.len() } else { 0 };
        if adds {
            plan.add.extend(missing);
        }
        plan.groups.push(Group {
            kind,
            id,
            adding,
            adding_by_store,
            outcome,
        });
    }
    plan
}

#[cfg(test)]
mod tests;
