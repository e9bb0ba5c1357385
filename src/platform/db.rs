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

use ballot_core::checkpoint::{CountSum, SessionSum};
use ballot_core::fingerprint::hex;
use ballot_core::header::copy_key;
use ballot_core::pin::PinGuard;
pub use ballot_ui::idb::random_bytes;
use ballot_ui::idb::{self, Guard};

use crate::app::state::{Dump, Pending, StoreError, Sum, Write};

fn json<T: serde::Serialize>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|_| StoreError::Failed)
}

const VOTING: &str = "voting";
const PIN_GUARD: &str = "pin";

/// `<id>/<n, 8 digits>`: the key of a session event or a count's log entry; key order is
/// log order.
pub fn log_key(id: &str, n: u32) -> String {
    format!("{id}/{n:08}")
}

/// One write, as the JS half takes it: `add` a record, set a `device` setting, or `delete`
/// a record with its entries (then `value` names the entry stores); with the guard its
/// transaction checks first.
struct Plan {
    op: &'static str,
    store: &'static str,
    key: String,
    value: Option<String>,
    guard: Option<Guard>,
    /// An add to a log: the checkpoint stored with it (`ballot_core::checkpoint`).
    sum: Option<String>,
}

fn add(store: &'static str, key: String, value: String) -> Plan {
    Plan {
        op: "add",
        store,
        key,
        value: Some(value),
        guard: None,
        sum: None,
    }
}

/// A session's or count's header, stored twice in one transaction (`ballot_core::header`),
/// with its first checkpoint (nothing in its log yet), so that opening it writes nothing.
fn header(store: &'static str, id: &str, value: String, sum: String) -> Result<Plan, StoreError> {
    let row = |key: String| (store, key, value.as_str());
    let rows = [
        row(id.to_string()),
        row(copy_key(id)),
        ("checkpoints", id.to_string(), sum.as_str()),
    ];
    Ok(Plan {
        op: "addAll",
        store,
        key: id.to_string(),
        value: Some(json(&rows)?),
        guard: None,
        sum: None,
    })
}

fn device(key: &str, value: Option<String>) -> Plan {
    Plan {
        op: "device",
        store: "device",
        key: key.into(),
        value,
        guard: None,
        sum: None,
    }
}

impl Plan {
    /// Only if `id`'s record is still in `record_store` and its log in `log_store` has
    /// `after` keys (the last one `after - 1`), as the reducer saw it.
    fn guarded(
        mut self,
        record_store: &'static str,
        log_store: &'static str,
        id: &str,
        after: u32,
    ) -> Plan {
        self.guard = Some(Guard {
            id: id.to_string(),
            record_store,
            log_store,
            head: after
                .checked_sub(1)
                .map(|n| log_key(id, n))
                .unwrap_or_default(),
        });
        self
    }

    fn summing(mut self, sum: String) -> Plan {
        self.sum = Some(sum);
        self
    }
}

/// What to write, decided up front, so that a write is one call to the JS half.
fn plan(write: &Write) -> Result<Plan, StoreError> {
    Ok(match write {
        // The key's random part: the store's order says nothing of the voting order.
        Write::Ballot {
            session,
            ballot,
            after,
            sum,
        } => add(
            "ballots",
            format!("{session}/{}", hex(&random_bytes()?)),
            json(ballot)?,
        )
        .guarded("sessions", "events", session, *after)
        .summing(sum.encode()),
        Write::Session(record) => header(
            "sessions",
            &record.id,
            json(&**record)?,
            SessionSum::opened().encode(),
        )?,
        Write::Event {
            session,
            seq,
            event,
        } => add("events", log_key(session, *seq), json(event)?)
            .guarded("sessions", "events", session, *seq),
        Write::Voting(session) => device(VOTING, session.clone()),
        Write::PinGuard(guard) => device(PIN_GUARD, Some(json(guard)?)),
        Write::Count(record) => header(
            "counts",
            &record.id,
            json(&**record)?,
            CountSum::opened(record.figures).encode(),
        )?,
        Write::CountEntry {
            count,
            key,
            entry,
            sum,
        } => add("count_entries", log_key(count, *key), json(entry)?)
            .guarded("counts", "count_entries", count, *key)
            .summing(sum.encode()),
        Write::Checkpoint { id, sum, after } => {
            let (record_store, log_store) = match sum {
                Sum::Session(_) => ("sessions", "events"),
                Sum::Count(_) => ("counts", "count_entries"),
            };
            Plan {
                op: "checkpoint",
                store: "checkpoints",
                key: id.clone(),
                value: Some(sum.encode()),
                guard: None,
                sum: None,
            }
            .guarded(record_store, log_store, id, *after)
        }
    })
}

/// Performs one write; `Ok` only once it is durably stored. Then, when a right PIN was
/// entered for it, clears the device's wrong PINs (whatever the write's outcome: the PIN
/// was right).
pub async fn perform(pending: &Pending) -> Result<(), StoreError> {
    let p = plan(&pending.write)?;
    let result = idb::guarded_write(p.op, p.store, &p.key, p.value, p.guard, p.sum).await;
    if pending.reset_pin_guard {
        let cleared = json(&PinGuard::default())?;
        // Not stored (a full disk): the count of wrong PINs stays on the safe side.
        let _ = idb::write("device", "device", PIN_GUARD, Some(cleared)).await;
    }
    result
}

/// What the home screen needs, and every record of `subject` (the session or count on
/// screen) and of each session or count whose checkpoint cannot be used, still as raw
/// records: reading them is the pure `AppState::loaded` / `claimed`.
///
/// Two reads when checkpoints are missing (sessions from before them, after a restore): a
/// session or count not held is only shown on its card, and every write is guarded in its
/// own transaction, so the two snapshots cannot lose or move anything.
pub async fn load(subject: Option<&str>) -> Result<Dump, StoreError> {
    let full: Vec<String> = subject.map(str::to_string).into_iter().collect();
    let all = idb::load_shelf(&full).await?;
    let device = all.pairs("device");
    let setting = |name: &str| {
        device
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    };
    let mut dump = Dump {
        sessions: all.pairs("sessions"),
        events: all.pairs("events"),
        ballots: all.pairs("ballots"),
        voting: setting(VOTING),
        pin_guard: setting(PIN_GUARD),
        counts: all.pairs("counts"),
        count_entries: all.pairs("count_entries"),
        checkpoints: all.pairs("checkpoints"),
        full,
        templates: all.pairs("templates"),
        shared_link: crate::platform::module::shared_link(),
        // Records as the studio's data page counts them: the device's own settings (not
        // records, never backed up) are not among them.
        corrupt: all
            .corrupt()
            .iter()
            .filter(|(store, _)| store != "device")
            .count(),
    };
    let lacking = dump.lacking();
    if !lacking.is_empty() {
        let logs = idb::load_logs(&lacking).await?;
        dump.add_logs(lacking, logs.pairs("ballots"), logs.pairs("count_entries"));
    }
    Ok(dump)
}
