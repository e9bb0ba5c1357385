//! The durable store: IndexedDB through `idb.js`.
//!
//! Object stores, all append-only but `device` (see docs/storage.md):
//! - `sessions`: `<session id>` → the [`SessionRecord`] JSON, written once;
//! - `events`: `<session id>/<seq, 8 digits>` → one organiser action (close, reopen, 发出);
//! - `ballots`: `<session id>/<128 random bits, hex>` → one ballot's JSON, nothing else;
//! - `device`: `voting` → the session this device shows voters (overwritten; not a record);
//! - `counts`: `<count id>` → a paper count's [`CountRecord`](ballot_core::count::CountRecord) JSON, written once;
//! - `count_entries`: `<count id>/<key, 8 digits>` → one step of its log (a ballot read, a
//!   correction, a strike, new figures), with its time.
//!
//! A ballot key is random, and IndexedDB lists keys in key order, so the stored order is
//! unrelated to the order of voting; the record has no time and no counter. Each write is
//! one small transaction, whatever number of records exist, and completes only when the
//! browser has flushed it to disk (durability "strict").

use ballot_core::session::{hex, SessionEvent, SessionRecord};
use ballot_core::Ballot;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::state::{Dump, StoreError, Write};

#[wasm_bindgen(module = "/src/platform/idb.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = add)]
    async fn js_add(store: &str, key: &str, value: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = setDevice)]
    async fn js_set_device(key: &str, value: JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = deleteWithEntries)]
    async fn js_delete_with_entries(
        record_store: &str,
        entry_stores: &str,
        id: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = loadAll)]
    async fn js_load_all() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = askPersistence)]
    fn js_ask_persistence();
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

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|_| StoreError::Failed)
}

const VOTING: &str = "voting";

/// `<id>/<n, 8 digits>`: the key of a session event or a count's log entry; key order is
/// log order.
pub fn log_key(id: &str, n: u32) -> String {
    format!("{id}/{n:08}")
}

async fn add(store: &str, key: &str, value: &str) -> Result<(), StoreError> {
    js_add(store, key, value)
        .await
        .map(|_| ())
        .map_err(|e| error_of(&e))
}

async fn add_ballot(session: &str, ballot: &Ballot) -> Result<(), StoreError> {
    let key = format!("{session}/{}", hex(&random_bytes()?));
    add("ballots", &key, &json(ballot)?).await
}

async fn add_session(record: &SessionRecord) -> Result<(), StoreError> {
    add("sessions", &record.id, &json(record)?).await
}

async fn add_event(session: &str, seq: u32, event: &SessionEvent) -> Result<(), StoreError> {
    add("events", &log_key(session, seq), &json(event)?).await
}

async fn delete(record_store: &str, entry_stores: &str, id: &str) -> Result<(), StoreError> {
    js_delete_with_entries(record_store, entry_stores, id)
        .await
        .map(|_| ())
        .map_err(|e| error_of(&e))
}

/// Performs one write; `Ok` only once it is durably stored.
pub async fn perform(write: &Write) -> Result<(), StoreError> {
    match write {
        Write::Ballot { session, ballot } => add_ballot(session, ballot).await,
        Write::Session(record) => add_session(record).await,
        Write::Event {
            session,
            seq,
            event,
        } => add_event(session, *seq, event).await,
        Write::Voting(session) => {
            let value = session.as_deref().map_or(JsValue::NULL, JsValue::from_str);
            js_set_device(VOTING, value)
                .await
                .map(|_| ())
                .map_err(|e| error_of(&e))
        }
        Write::DeleteSession(id) => delete("sessions", "events,ballots", id).await,
        Write::Count(record) => add("counts", &record.id, &json(&**record)?).await,
        Write::CountEntry { count, key, entry } => {
            add("count_entries", &log_key(count, *key), &json(entry)?).await
        }
        Write::DeleteCount(id) => delete("counts", "count_entries", id).await,
    }
}

/// `[[key, value], …]` from JS; anything else in it is skipped.
fn pairs(list: JsValue) -> Vec<(String, String)> {
    let list: js_sys::Array = list.unchecked_into();
    list.iter()
        .filter_map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

/// Everything stored, still as raw records: reading them is the pure `AppState::loaded`.
pub async fn load_all() -> Result<Dump, StoreError> {
    js_ask_persistence();
    let all = js_load_all().await.map_err(|e| error_of(&e))?;
    if !all.is_array() {
        return Err(StoreError::Failed);
    }
    let all: js_sys::Array = all.unchecked_into();
    let voting = pairs(all.get(3))
        .into_iter()
        .find_map(|(k, v)| (k == VOTING).then_some(v));
    Ok(Dump {
        sessions: pairs(all.get(0)),
        events: pairs(all.get(1)),
        ballots: pairs(all.get(2)),
        voting,
        counts: pairs(all.get(4)),
        count_entries: pairs(all.get(5)),
    })
}
