//! The durable store: IndexedDB through `idb.js` (object stores and formats: docs/storage.md).
//! Every write is one transaction that resolves only once the browser has flushed it to
//! disk (durability "strict"); records are added, never overwritten.

use ballot_core::Texts;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/idb.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = write)]
    async fn js_write(
        op: &str,
        store: &str,
        key: &str,
        value: Option<String>,
        guard: Option<String>,
        sum: Option<String>,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = seed)]
    async fn js_seed(
        id: &str,
        value: &str,
        log_store: &str,
        records: u32,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = claim)]
    async fn js_claim(id: &str, on_busy: &js_sys::Function) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = release)]
    fn js_release(id: &str);
    #[wasm_bindgen(catch, js_name = loadShelf)]
    async fn js_load_shelf(ids: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = loadLogs)]
    async fn js_load_logs(ids: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = loadStore)]
    async fn js_load_store(store: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = persistence)]
    fn js_persistence() -> i32;
}

/// Why the store refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreError {
    /// No storage at all (disabled, some private modes, blocked by another tab).
    Unavailable,
    /// Quota exceeded: the device is full.
    Full,
    /// Any other failure of the write.
    Failed,
    /// Another window of this device holds the session or count: this one may not write it.
    Elsewhere,
    /// The session or count changed since this window read it (closed, deleted or added to
    /// elsewhere): nothing was written.
    Changed,
}

impl StoreError {
    pub fn message(self, t: &Texts) -> &'static str {
        match self {
            StoreError::Unavailable => t.store_unavailable,
            StoreError::Full => t.store_full,
            StoreError::Failed => t.store_failed,
            StoreError::Elsewhere => t.store_elsewhere,
            StoreError::Changed => t.store_changed,
        }
    }
}

fn error_of(e: &JsValue) -> StoreError {
    let name = js_sys::Reflect::get(e, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => StoreError::Full,
        "Unavailable" | "SecurityError" | "InvalidStateError" => StoreError::Unavailable,
        "Elsewhere" => StoreError::Elsewhere,
        "Changed" => StoreError::Changed,
        _ => StoreError::Failed,
    }
}

/// 128 bits from the browser's CSPRNG.
pub fn random_bytes() -> Result<[u8; 16], StoreError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(StoreError::Unavailable)?;
    let mut bytes = [0u8; 16];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| StoreError::Unavailable)?;
    Ok(bytes)
}

/// One write, as `idb.js` takes it: `add` a record, set the `device` marker, or `delete` a
/// record with its entries (then `value` names the entry stores). `Ok` once on disk.
pub async fn write(
    op: &str,
    store: &str,
    key: &str,
    value: Option<String>,
) -> Result<(), StoreError> {
    guarded_write(op, store, key, value, None, None).await
}

/// What a write to a session's or count's records depends on, checked by `idb.js` in the
/// write's own transaction: this window holds `id` ([`claim`]), `id`'s record is in
/// `record_store`, and the last key of its log in `log_store` is `head` (`""`: none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guard {
    pub id: String,
    pub record_store: &'static str,
    pub log_store: &'static str,
    pub head: String,
}

/// [`write`] under a guard: refused with [`StoreError::Elsewhere`] or
/// [`StoreError::Changed`], nothing written, when the state it was decided on has changed.
/// An `add` to a log stores `sum` (its text) as its session's or count's checkpoint in the
/// same transaction, or without one deletes it (`ballot_core::checkpoint`).
pub async fn guarded_write(
    op: &str,
    store: &str,
    key: &str,
    value: Option<String>,
    guard: Option<Guard>,
    sum: Option<String>,
) -> Result<(), StoreError> {
    let guard = guard.map(|g| {
        let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
        format!(
            "[{},{},{},{}]",
            quote(&g.id),
            quote(g.record_store),
            quote(g.log_store),
            quote(&g.head)
        )
    });
    js_write(op, store, key, value, guard, sum)
        .await
        .map(|_| ())
        .map_err(|e| error_of(&e))
}

/// Stores `value` as `id`'s first checkpoint if its header is there, it has none yet and
/// `log_store` still holds `records` of its records (`seed` in `idb.js`); a skipped seed is
/// `Ok`.
pub async fn seed(id: &str, value: &str, log_store: &str, records: u32) -> Result<(), StoreError> {
    js_seed(id, value, log_store, records)
        .await
        .map(|_| ())
        .map_err(|e| error_of(&e))
}

/// Claims session or count `id` for this window, device-wide; `Ok` once it is this
/// window's to write. While another window holds it, `on_busy` is called once and the claim
/// waits for it to let go. [`release`] gives it up (or the wait).
pub async fn claim(id: &str, on_busy: &js_sys::Function) -> Result<(), StoreError> {
    js_claim(id, on_busy)
        .await
        .map(|_| ())
        .map_err(|e| error_of(&e))
}

/// Gives up the claim on `id`, or the wait for it.
pub fn release(id: &str) {
    js_release(id)
}

/// `[[key, value], …]` from JS; anything else in it is skipped.
pub fn pairs(list: JsValue) -> Vec<(String, String)> {
    let Ok(list) = list.dyn_into::<js_sys::Array>() else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

fn stores(read: Result<JsValue, JsValue>) -> Result<Stores, StoreError> {
    let all = read.map_err(|e| error_of(&e))?;
    if !all.is_object() {
        return Err(StoreError::Failed);
    }
    Ok(Stores(all))
}

fn ids_json(ids: &[String]) -> String {
    serde_json::to_string(ids).unwrap_or_else(|_| "[]".into())
}

/// What the home screen needs, with the logs (`ballots`, `count_entries`) of `ids` only, in
/// one transaction (`loadShelf` in `idb.js`): [`Stores::pairs`] of a store,
/// [`Stores::corrupt`] for the records whose checksum failed.
pub async fn load_shelf(ids: &[String]) -> Result<Stores, StoreError> {
    stores(js_load_shelf(&ids_json(ids)).await)
}

/// The logs of `ids`: [`Stores::pairs`] of `ballots` and `count_entries`.
pub async fn load_logs(ids: &[String]) -> Result<Stores, StoreError> {
    stores(js_load_logs(&ids_json(ids)).await)
}

/// What [`load_shelf`] or [`load_logs`] read.
pub struct Stores(JsValue);

impl Stores {
    fn get(&self, name: &str) -> JsValue {
        js_sys::Reflect::get(&self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    /// The store's `(key, data)` pairs in key order; empty for a store not read.
    pub fn pairs(&self, store: &str) -> Vec<(String, String)> {
        pairs(self.get(store))
    }

    /// The `(store, key)` of each record whose checksum failed (left out of its store).
    pub fn corrupt(&self) -> Vec<(String, String)> {
        pairs(self.get("corrupt"))
    }
}

/// One store's records, in key order.
pub async fn load_store(store: &str) -> Result<Vec<(String, String)>, StoreError> {
    js_load_store(store)
        .await
        .map(pairs)
        .map_err(|e| error_of(&e))
}

/// Whether the browser keeps this site's data when space runs low or the site goes unused
/// (`Some(false)`: it may delete it), as it last answered: asked for at start when the
/// device holds a session or a count, and when the first is stored. `None`: not known.
pub fn persistence() -> Option<bool> {
    match js_persistence() {
        1 => Some(true),
        0 => Some(false),
        _ => None,
    }
}
