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
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = loadAll)]
    async fn js_load_all() -> Result<JsValue, JsValue>;
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
}

impl StoreError {
    pub fn message(self, t: &Texts) -> &'static str {
        match self {
            StoreError::Unavailable => t.store_unavailable,
            StoreError::Full => t.store_full,
            StoreError::Failed => t.store_failed,
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
    js_write(op, store, key, value)
        .await
        .map(|_| ())
        .map_err(|e| error_of(&e))
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

/// Every store's `[[key, data], …]`, in the order of `STORES` in `idb.js`, then the
/// `[store, key]` of each record whose checksum failed.
pub async fn load_all() -> Result<js_sys::Array, StoreError> {
    let all = js_load_all().await.map_err(|e| error_of(&e))?;
    all.dyn_into::<js_sys::Array>()
        .map_err(|_| StoreError::Failed)
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
