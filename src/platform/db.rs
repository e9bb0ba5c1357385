//! What the app stores, and how: its writes as calls to the IndexedDB glue (`ballot_ui::idb`).
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

use ballot_core::session::hex;
pub use ballot_ui::idb::random_bytes;
use ballot_ui::idb::{self, pairs};
use wasm_bindgen::JsCast;

use crate::app::state::{Dump, StoreError, Write};

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|_| StoreError::Failed)
}

const VOTING: &str = "voting";

/// `<id>/<n, 8 digits>`: the key of a session event or a count's log entry; key order is
/// log order.
pub fn log_key(id: &str, n: u32) -> String {
    format!("{id}/{n:08}")
}

/// One write, as the JS half takes it: `add` a record, set the `device` marker, or
/// `delete` a record with its entries (then `value` names the entry stores).
struct Plan {
    op: &'static str,
    store: &'static str,
    key: String,
    value: Option<String>,
}

fn add(store: &'static str, key: String, value: String) -> Plan {
    Plan {
        op: "add",
        store,
        key,
        value: Some(value),
    }
}

fn delete(store: &'static str, entry_stores: &str, id: &str) -> Plan {
    Plan {
        op: "delete",
        store,
        key: id.to_string(),
        value: Some(entry_stores.to_string()),
    }
}

/// What to write, decided up front, so that a write is one call to the JS half.
fn plan(write: &Write) -> Result<Plan, StoreError> {
    Ok(match write {
        // The key's random part: the store's order says nothing of the voting order.
        Write::Ballot { session, ballot } => add(
            "ballots",
            format!("{session}/{}", hex(&random_bytes()?)),
            json(ballot)?,
        ),
        Write::Session(record) => add("sessions", record.id.clone(), json(&**record)?),
        Write::Event {
            session,
            seq,
            event,
        } => add("events", log_key(session, *seq), json(event)?),
        Write::Voting(session) => Plan {
            op: "device",
            store: "device",
            key: VOTING.into(),
            value: session.clone(),
        },
        Write::DeleteSession(id) => delete("sessions", "events,ballots", id),
        Write::Count(record) => add("counts", record.id.clone(), json(&**record)?),
        Write::CountEntry { count, key, entry } => {
            add("count_entries", log_key(count, *key), json(entry)?)
        }
        Write::DeleteCount(id) => delete("counts", "count_entries", id),
    })
}

/// Performs one write; `Ok` only once it is durably stored.
pub async fn perform(write: &Write) -> Result<(), StoreError> {
    let p = plan(write)?;
    idb::write(p.op, p.store, &p.key, p.value).await
}

/// Everything stored, still as raw records: reading them is the pure `AppState::loaded`.
pub async fn load_all() -> Result<Dump, StoreError> {
    let all = idb::load_all().await?;
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
        templates: pairs(all.get(6)),
        shared_link: crate::platform::module::shared_link(),
        corrupt: all
            .get(7)
            .dyn_into::<js_sys::Array>()
            .map_or(0, |a| a.length() as usize),
    })
}
