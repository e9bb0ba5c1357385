//! A stand-in for the browser's store and its locks, for the reducer's native tests: the
//! records as `db.rs` and `idb.js` write them, each guarded write checked as `idb.js` checks
//! it, and one lock per session or count, as Web Locks give them to one window at a time.
//! Several windows ([`Tab`]) share one [`Device`].

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use ballot_core::checkpoint::{CountSum, SessionSum};
use ballot_core::fingerprint::hex;
use ballot_core::pin::{Kdf, Pin, PinGuard};
use sha2::{Digest, Sha256};

use yew::Reducible;

use super::{Action, AppState, Claim, Dump, Seed, StoreError, Sum, Write};
use crate::app::state::{PinAction, StoreEvent};

/// One device: its stored records and who holds which lock.
#[derive(Debug, Default)]
pub struct Records {
    pub stores: BTreeMap<&'static str, BTreeMap<String, String>>,
    pub voting: Option<String>,
    pub pin_guard: Option<String>,
    /// Kept as they were seeded: the library, a shared link, checksum failures.
    pub templates: Vec<(String, String)>,
    pub shared_link: bool,
    pub corrupt: usize,
    /// Session or count id → the tab holding it.
    pub locks: BTreeMap<String, u32>,
    next_ballot: u64,
}

pub type Device = Rc<RefCell<Records>>;

/// The browser's PBKDF2 as the tests stand it in: the same PIN and derivation give the same
/// output, another of either another (the reducer only compares outputs).
pub fn derive(pin: &str, kdf: &Kdf) -> String {
    let text = format!("{}\0{}\0{pin}", kdf.salt, kdf.iterations);
    hex(&Sha256::digest(text.as_bytes()))
}

/// A stored PIN as a new session has it.
pub fn pin(pin: &str) -> Pin {
    let kdf = Kdf::new([1; 16]);
    Pin::from_derived(&kdf, &derive(pin, &kdf))
}

const STORES: [&str; 6] = [
    "sessions",
    "events",
    "ballots",
    "counts",
    "count_entries",
    "checkpoints",
];

pub fn device(dump: Dump) -> Device {
    let mut r = Records {
        voting: dump.voting,
        pin_guard: dump.pin_guard,
        templates: dump.templates,
        shared_link: dump.shared_link,
        corrupt: dump.corrupt,
        ..Records::default()
    };
    for (name, rows) in STORES.into_iter().zip([
        dump.sessions,
        dump.events,
        dump.ballots,
        dump.counts,
        dump.count_entries,
        dump.checkpoints,
    ]) {
        r.stores.insert(name, rows.into_iter().collect());
    }
    Rc::new(RefCell::new(r))
}

impl Records {
    /// Every record, as a device's data page reads them.
    pub fn all(&self) -> Dump {
        let mut dump = self.dump(None);
        let mut ids = super::ids(&dump.sessions);
        ids.extend(super::ids(&dump.counts));
        ids.retain(|id| !dump.read_in_full(id));
        let (ballots, entries) = self.logs(&ids);
        dump.add_logs(ids, ballots, entries);
        dump
    }

    /// What `db::load` reads: the home screen's stores and checkpoints, the logs of
    /// `subject` and, in a second read, of every session or count whose checkpoint cannot
    /// be used.
    pub fn dump(&self, subject: Option<&str>) -> Dump {
        let rows = |name: &str| -> Vec<(String, String)> {
            (self.stores.get(name).into_iter().flatten())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        let full: Vec<String> = subject.map(str::to_string).into_iter().collect();
        let (ballots, count_entries) = self.logs(&full);
        let mut dump = Dump {
            sessions: rows("sessions"),
            events: rows("events"),
            ballots,
            voting: self.voting.clone(),
            pin_guard: self.pin_guard.clone(),
            counts: rows("counts"),
            count_entries,
            checkpoints: rows("checkpoints"),
            full,
            templates: self.templates.clone(),
            shared_link: self.shared_link,
            corrupt: self.corrupt,
        };
        let lacking = dump.lacking();
        let (ballots, entries) = self.logs(&lacking);
        dump.add_logs(lacking, ballots, entries);
        dump
    }

    /// The ballots and count entries of `ids`, each in key order.
    #[allow(clippy::type_complexity)]
    fn logs(&self, ids: &[String]) -> (Vec<(String, String)>, Vec<(String, String)>) {
        let of = |store: &str| -> Vec<(String, String)> {
            let mut out = Vec::new();
            for id in ids {
                let prefix = format!("{id}/");
                out.extend(
                    (self.stores.get(store).into_iter().flatten())
                        .filter(|(k, _)| k.starts_with(&prefix))
                        .map(|(k, v)| (k.clone(), v.clone())),
                );
            }
            out
        };
        (of("ballots"), of("count_entries"))
    }

    fn store(&mut self, name: &'static str) -> &mut BTreeMap<String, String> {
        self.stores.entry(name).or_default()
    }

    /// The guard of `idb.js`: `id`'s record is there and its log's last key is `after - 1`.
    fn check(&self, record: &str, log: &str, id: &str, after: u32) -> Result<(), StoreError> {
        let exists = self.stores.get(record).is_some_and(|s| s.contains_key(id));
        let prefix = format!("{id}/");
        let head = (self.stores.get(log).into_iter().flatten())
            .filter(|(k, _)| k.starts_with(&prefix))
            .map(|(k, _)| k.clone())
            .next_back()
            .unwrap_or_default();
        let expected = after
            .checked_sub(1)
            .map(|n| format!("{id}/{n:08}"))
            .unwrap_or_default();
        if exists && head == expected {
            Ok(())
        } else {
            Err(StoreError::Changed)
        }
    }

    fn add(&mut self, store: &'static str, key: String, value: String) -> Result<(), StoreError> {
        let s = self.store(store);
        if s.contains_key(&key) {
            return Err(StoreError::Failed);
        }
        s.insert(key, value);
        Ok(())
    }

    /// A checkpoint, overwritten (`sumUp` in `idb.js`).
    fn put_sum(&mut self, id: &str, sum: Sum) {
        self.store("checkpoints")
            .insert(id.to_string(), sum.encode());
    }

    /// A first checkpoint (`seed` in `idb.js`): only if `id`'s header (or copy) is there, it has no
    /// checkpoint and its log holds exactly the records it was counted from.
    pub fn seed(&mut self, seed: &Seed) {
        let header = if seed.log == "ballots" {
            "sessions"
        } else {
            "counts"
        };
        let copy = ballot_core::header::copy_key(&seed.id);
        let headers = self.stores.get(header);
        if !headers.is_some_and(|s| s.contains_key(&seed.id) || s.contains_key(&copy)) {
            return;
        }
        let prefix = format!("{}/", seed.id);
        let rows = (self.stores.get(seed.log).into_iter().flatten())
            .filter(|(k, _)| k.starts_with(&prefix))
            .count();
        let has = (self.stores.get("checkpoints")).is_some_and(|s| s.contains_key(&seed.id));
        if !has && rows == seed.records as usize {
            self.put_sum(&seed.id, seed.sum);
        }
    }

    /// A header and its copy, both or neither.
    fn header(&mut self, store: &'static str, id: &str, value: String) -> Result<(), StoreError> {
        let copy = ballot_core::header::copy_key(id);
        if self.store(store).contains_key(&copy) {
            return Err(StoreError::Failed);
        }
        self.add(store, id.to_string(), value.clone())?;
        self.add(store, copy, value)
    }

    /// One write, as `db.rs` plans it and `idb.js` performs it.
    pub fn apply(&mut self, write: &Write) -> Result<(), StoreError> {
        let json = |v: &dyn erased::Json| v.json();
        match write {
            Write::Ballot {
                session,
                ballot,
                after,
                sum,
            } => {
                self.check("sessions", "events", session, *after)?;
                self.next_ballot += 1;
                let key = format!("{session}/{:032x}", self.next_ballot);
                self.add("ballots", key, json(ballot))?;
                self.put_sum(session, Sum::Session(*sum));
                Ok(())
            }
            Write::Session(record) => {
                self.header("sessions", &record.id, json(&**record))?;
                self.put_sum(&record.id, Sum::Session(SessionSum::opened()));
                Ok(())
            }
            Write::Event {
                session,
                seq,
                event,
            } => {
                self.check("sessions", "events", session, *seq)?;
                self.add("events", format!("{session}/{seq:08}"), json(event))
            }
            Write::Count(record) => {
                self.header("counts", &record.id, json(&**record))?;
                let sum = Sum::Count(CountSum::opened(record.figures));
                self.put_sum(&record.id, sum);
                Ok(())
            }
            Write::CountEntry {
                count,
                key,
                entry,
                sum,
            } => {
                self.check("counts", "count_entries", count, *key)?;
                self.add("count_entries", format!("{count}/{key:08}"), json(entry))?;
                self.put_sum(count, Sum::Count(*sum));
                Ok(())
            }
            Write::Checkpoint { id, sum, after } => {
                match sum {
                    Sum::Session(_) => self.check("sessions", "events", id, *after)?,
                    Sum::Count(_) => self.check("counts", "count_entries", id, *after)?,
                }
                self.put_sum(id, *sum);
                Ok(())
            }
            Write::PinGuard(guard) => {
                self.pin_guard = Some(json(guard));
                Ok(())
            }
            Write::Voting(v) => {
                self.voting = v.clone();
                Ok(())
            }
        }
    }
}

mod erased {
    /// serde_json for the few record types, behind one object-safe call.
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).expect("json")
        }
    }
}

/// One window of the app on a device.
pub struct Tab {
    pub id: u32,
    pub state: Rc<AppState>,
    pub device: Device,
}

impl Tab {
    /// A window opened on `device`: its store read, its page's claim settled.
    pub fn open(device: &Device, id: u32) -> Tab {
        let dump = device.borrow().dump(None);
        let state = Rc::new(AppState::new(ballot_core::samples::all()))
            .reduce(Action::Store(StoreEvent::Loaded(Ok(dump))));
        let mut tab = Tab {
            id,
            state,
            device: Rc::clone(device),
        };
        tab.settle();
        tab
    }

    /// A window's first read of `device`, before any of its effects ran.
    pub fn open_unsettled(device: &Device) -> Tab {
        let dump = device.borrow().dump(None);
        Tab {
            id: u32::MAX,
            state: Rc::new(AppState::new(ballot_core::samples::all()))
                .reduce(Action::Store(StoreEvent::Loaded(Ok(dump)))),
            device: Rc::clone(device),
        }
    }

    /// What the App's claim effect does: the lock taken when free (or released when the
    /// page shows no session or count any more), then the store read.
    pub fn settle(&mut self) {
        // The first checkpoints the App's effect stores, whenever they are asked for.
        for seed in self.state.seeds.iter() {
            self.device.borrow_mut().seed(seed);
        }
        // The PIN the browser derives (one at a time, as the App's effect runs them).
        while let Some(d) = self.state.deriving.clone() {
            self.state = Rc::clone(&self.state).reduce(Action::Pin(PinAction::Derived {
                round: d.round,
                derived: Some(derive(&d.pin, &d.kdf)),
            }));
        }
        for _ in 0..4 {
            let key = self.state.claim_key();
            let mut d = self.device.borrow_mut();
            let me = self.id;
            d.locks
                .retain(|id, tab| *tab != me || key.as_ref().is_some_and(|(k, _)| k == id));
            let Some((id, round)) = key else { return };
            if matches!(self.state.claim, Claim::Held(_)) {
                return;
            }
            match d.locks.get(&id) {
                Some(&other) if other != me => {
                    drop(d);
                    self.state = Rc::clone(&self.state)
                        .reduce(Action::Store(StoreEvent::ClaimBusy { round }));
                    return;
                }
                _ => {
                    if self.state.pending.is_some() {
                        return;
                    }
                    d.locks.insert(id.clone(), me);
                    let dump = d.dump(Some(&id));
                    drop(d);
                    self.state =
                        Rc::clone(&self.state).reduce(Action::Store(StoreEvent::Claimed {
                            round,
                            dump: Ok(dump),
                        }));
                }
            }
        }
    }

    /// Lets go of every lock, as a closed window does.
    pub fn close(self) {
        let me = self.id;
        self.device.borrow_mut().locks.retain(|_, tab| *tab != me);
    }

    pub fn act(&mut self, action: Action) {
        self.state = Rc::clone(&self.state).reduce(action);
        self.settle();
    }

    /// Performs the pending write on the device (`fail`: the disk refuses it instead).
    pub fn write(&mut self, fail: Option<StoreError>) {
        let Some(pending) = self.state.pending.clone() else {
            return;
        };
        let result = match fail {
            Some(e) => Err(e),
            None => self.device.borrow_mut().apply(&pending.write),
        };
        if pending.reset_pin_guard {
            let _ = self
                .device
                .borrow_mut()
                .apply(&Write::PinGuard(PinGuard::default()));
        }
        self.act(Action::Store(StoreEvent::Written {
            seq: pending.seq,
            result,
        }));
    }
}
