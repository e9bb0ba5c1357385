//! Ballots stored in the browser.
//!
//! Append-only, one record per ballot, under a key made of the template fingerprint and a
//! random id: `bk1/b/<fingerprint>/<random hex>`. So
//! - recording a ballot writes one small record, whatever number are stored already;
//! - nothing records the order of voting: no time stamp, no counter, and keys are listed in
//!   the store's own order, not the order they were written;
//! - a damaged record spoils itself only.
//!
//! `localStorage` is synchronous: when `append` returns `Ok`, the record is in the store and
//! was read back, so the app may tell the voter it is recorded.

use ballot_core::Ballot;
use web_sys::Storage;

const PREFIX: &str = "bk1/b/";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all (disabled, private mode in some browsers).
    Unavailable,
    /// The write was refused (quota exceeded) or did not read back.
    WriteFailed,
}

fn local_storage() -> Result<Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// 128 random bits from the browser's CSPRNG, as hex.
fn random_id() -> Result<String, StorageError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(StorageError::Unavailable)?;
    let mut bytes = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| StorageError::Unavailable)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Stores one ballot of the template with this fingerprint. `Ok` only once it is stored.
pub fn append(fingerprint: &str, ballot: &Ballot) -> Result<(), StorageError> {
    let store = local_storage()?;
    let value = serde_json::to_string(ballot).map_err(|_| StorageError::WriteFailed)?;
    let key = format!("{PREFIX}{fingerprint}/{}", random_id()?);
    store
        .set_item(&key, &value)
        .map_err(|_| StorageError::WriteFailed)?;
    match store.get_item(&key) {
        Ok(Some(back)) if back == value => Ok(()),
        _ => Err(StorageError::WriteFailed),
    }
}

/// Every stored ballot: (fingerprint, ballot), and how many records could not be read.
pub fn load_all() -> (Vec<(String, Ballot)>, usize) {
    let Ok(store) = local_storage() else {
        return (Vec::new(), 0);
    };
    let len = store.length().unwrap_or(0);
    let mut ballots = Vec::new();
    let mut damaged = 0;
    for i in 0..len {
        let Some(key) = store.key(i).ok().flatten() else {
            continue;
        };
        let Some(rest) = key.strip_prefix(PREFIX) else {
            continue;
        };
        let Some((fingerprint, _id)) = rest.split_once('/') else {
            damaged += 1;
            continue;
        };
        match store
            .get_item(&key)
            .ok()
            .flatten()
            .and_then(|v| serde_json::from_str::<Ballot>(&v).ok())
        {
            Some(b) => ballots.push((fingerprint.to_string(), b)),
            None => damaged += 1,
        }
    }
    (ballots, damaged)
}
