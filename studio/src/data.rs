//! The data page: what this device holds, every damaged record named precisely, a backup
//! to a file, and a restore from one (core: `ballot_core::backup`). It reads the store
//! itself, so the first-load app carries none of this.
//!
//! A backup is encrypted with a passphrase and signed by this device; while a session is
//! open, making one needs that session's PIN. A restore that adds records to a session or
//! count this device holds needs a backup this device signed, the session's PIN, and the
//! session or count itself (its claim, as every writer of it takes: not while another
//! window has it open).

use std::rc::Rc;

use ballot_core::backup::{self, BackupError, GroupKind, Outcome, Plan, Provenance, Stores};
use ballot_core::count::StoredCount;
use ballot_core::damage::Damage;
use ballot_core::exchange::seal::{device_code, Seal, Signer};
use ballot_core::library::Origin;
use ballot_core::pin::{Pin, PinCheck};
use ballot_core::session::{Status, StoredSession};
use ballot_ui::idb::{self, StoreError};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::platform;
use crate::state::FileError;

/// What the device holds, read once per visit (and again after a restore).
#[derive(Debug, Clone, PartialEq, Default)]
struct Held {
    stores: Stores,
    damaged: Vec<Damage>,
    /// Session and count ids with the label a person knows them by.
    owners: Vec<(String, String)>,
    sessions: usize,
    ballots: usize,
    counts: usize,
    templates: usize,
    /// Sessions still taking ballots: a backup then needs each one's PIN.
    open: Vec<Holder>,
    /// Every session's PIN, and every count's that has one, for a restore that adds
    /// records to it.
    pins: Vec<Holder>,
    /// Deleted sessions and counts, kept for 30 days.
    deleted: Vec<Deleted>,
    /// Sessions and counts in 测试模式 (rehearsals), deleted or not: cleared in one action.
    tests: Vec<Deleted>,
}

/// A deleted session or count: restorable by one more entry in its log.
#[derive(Debug, Clone, PartialEq)]
struct Deleted {
    id: String,
    label: String,
    at_ms: u64,
    /// The record and log stores, the log's next key and its last key now (the guard).
    record_store: &'static str,
    log_store: &'static str,
    /// The other stores keyed under it (a purge removes them too).
    entry_stores: &'static str,
    next: u32,
    head: String,
}

impl Deleted {
    /// The log entry that restores it, `(key, JSON)`.
    fn undelete(&self, now_ms: u64) -> (String, String) {
        let key = format!("{}/{:08}", self.id, self.next);
        let value = if self.record_store == "sessions" {
            serde_json::to_string(&ballot_core::session::SessionEvent {
                at_ms: now_ms,
                kind: ballot_core::session::EventKind::Undeleted,
            })
        } else {
            serde_json::to_string(&ballot_core::count::CountEntry {
                at_ms: now_ms,
                op: ballot_core::count::CountOp::Deleted(false),
            })
        };
        (key, value.unwrap_or_default())
    }

    fn guard(&self) -> idb::Guard {
        idb::Guard {
            id: self.id.clone(),
            record_store: self.record_store,
            log_store: self.log_store,
            head: self.head.clone(),
        }
    }
}

/// A session with its label and PIN.
#[derive(Debug, Clone, PartialEq)]
struct Holder {
    id: String,
    label: String,
    pin: Pin,
}

impl Held {
    fn read(stores: Stores) -> Held {
        let device = backup::Device::read(&stores);
        let session_label = |s: &StoredSession| label(&s.record.spec.unit_label(), &s.template);
        let count_label = |c: &StoredCount| label(&c.record.spec.unit_label(), &c.template);
        let holder = |s: &StoredSession| Holder {
            id: s.record.id.clone(),
            label: session_label(s),
            pin: s.record.pin.clone(),
        };
        let open = (device.sessions.iter())
            .filter(|s| s.log.status() != Status::Closed)
            .map(holder)
            .collect();
        let mut pins: Vec<Holder> = device.sessions.iter().map(holder).collect();
        // A count started with a PIN is guarded the same way.
        pins.extend(device.counts.iter().filter_map(|c| {
            Some(Holder {
                id: c.record.id.clone(),
                label: count_label(c),
                pin: c.record.pin.clone()?,
            })
        }));
        let head = |store: &str, id: &str| {
            let prefix = format!("{id}/");
            stores
                .get(store)
                .and_then(|rows| rows.iter().rev().find(|(k, _)| k.starts_with(&prefix)))
                .map(|(k, _)| k.clone())
                .unwrap_or_default()
        };
        let deleted_of = |id: &str, label: String, at_ms, next, session: bool| {
            let (record_store, log_store, entry_stores) = if session {
                ("sessions", "events", "events,ballots")
            } else {
                ("counts", "count_entries", "count_entries")
            };
            Deleted {
                id: id.to_string(),
                label,
                at_ms,
                record_store,
                log_store,
                entry_stores,
                next,
                head: head(log_store, id),
            }
        };
        let mut deleted: Vec<Deleted> = (device.sessions.iter())
            .filter_map(|s| {
                let at = s.log.deleted_ms()?;
                Some(deleted_of(
                    &s.record.id,
                    session_label(s),
                    at,
                    s.next_event,
                    true,
                ))
            })
            .collect();
        let tests = (device.sessions.iter())
            .filter(|s| s.record.test)
            .map(|s| {
                let at = s.log.deleted_ms().unwrap_or(s.record.opened_ms);
                deleted_of(&s.record.id, session_label(s), at, s.next_event, true)
            })
            .chain((device.counts.iter()).filter(|c| c.record.test).map(|c| {
                let at = c.log.deleted_ms().unwrap_or(c.record.opened_ms);
                deleted_of(&c.record.id, count_label(c), at, c.next_key, false)
            }))
            .collect();
        deleted.extend(device.counts.iter().filter_map(|c| {
            let at = c.log.deleted_ms()?;
            Some(deleted_of(
                &c.record.id,
                count_label(c),
                at,
                c.next_key,
                false,
            ))
        }));
        Held {
            ballots: device
                .sessions
                .iter()
                .map(|s| s.tally.total() as usize)
                .sum(),
            sessions: device.sessions.len(),
            counts: device.counts.len(),
            templates: (device.library.entries.iter())
                .filter(|e| matches!(e.origin, Origin::Stored { .. }))
                .count(),
            owners: labels(&device),
            damaged: device.damaged,
            open,
            pins,
            deleted,
            tests,
            stores,
        }
    }

    fn owner(&self, d: &Damage) -> Option<&str> {
        let id = d.owner()?;
        self.owners
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, label)| label.as_str())
    }

    fn records(&self) -> usize {
        self.stores.values().map(Vec::len).sum()
    }
}

/// 「长乐居民区 · 推荐票」: how a person knows a session or count.
fn label(unit: &str, template: &ballot_core::Template) -> String {
    format!("{unit} · {}", template.spec().title)
}

/// Session, count and library template ids with the label a person knows them by.
fn labels(device: &backup::Device) -> Vec<(String, String)> {
    let mut owners: Vec<(String, String)> = (device.sessions.iter())
        .map(|s| {
            (
                s.record.id.clone(),
                label(&s.record.spec.unit_label(), &s.template),
            )
        })
        .collect();
    owners.extend(device.counts.iter().map(|c| {
        (
            c.record.id.clone(),
            label(&c.record.spec.unit_label(), &c.template),
        )
    }));
    owners.extend(
        device
            .library
            .entries
            .iter()
            .map(|e| (e.id.clone(), e.name.clone())),
    );
    owners
}

async fn read_device() -> Result<Held, StoreError> {
    let mut stores = Stores::new();
    for name in backup::STORES {
        stores.insert(name.to_string(), idb::load_store(name).await?);
    }
    Ok(Held::read(stores))
}

/// Removes for good what was deleted 30 days ago or more, each held by this window and
/// guarded (nothing was added to it meanwhile). How many were removed.
async fn purge(h: &Held, now_ms: u64) -> usize {
    let mut n = 0;
    for d in &h.deleted {
        if ballot_core::session::kept_days_left(d.at_ms, now_ms) > 0 {
            continue;
        }
        if remove(d).await == Some(true) {
            n += 1;
        }
    }
    n
}

/// Removes a session or count for good, with its log, held by this window and guarded
/// (nothing was added to it meanwhile): `None` when another window holds it, otherwise
/// whether it was removed.
async fn remove(d: &Deleted) -> Option<bool> {
    if !hold(&d.id).await {
        return None;
    }
    let done = idb::guarded_write(
        "delete",
        d.record_store,
        &d.id,
        Some(d.entry_stores.to_string()),
        Some(d.guard()),
        None,
    )
    .await;
    idb::release(&d.id);
    Some(done.is_ok())
}

/// Removes every session and count in 测试模式 for good, each held by this window and guarded (nothing
/// was added to it meanwhile): how many were removed, and how many are open elsewhere.
async fn clear_tests(h: &Held) -> (usize, usize) {
    let (mut removed, mut open) = (0, 0);
    for d in &h.tests {
        match remove(d).await {
            None => open += 1,
            Some(true) => removed += 1,
            Some(false) => {}
        }
    }
    (removed, open)
}

/// Restores a deleted session or count: one entry in its log, guarded, held by this window.
async fn undelete(d: &Deleted) -> Result<(), StoreError> {
    if !hold(&d.id).await {
        return Err(StoreError::Elsewhere);
    }
    let now = js_sys::Date::now().max(0.0) as u64;
    let (key, value) = d.undelete(now);
    // Without a checkpoint: the store deletes the log's, and the app reads the log until it
    // writes a new one.
    let done =
        idb::guarded_write("add", d.log_store, &key, Some(value), Some(d.guard()), None).await;
    idb::release(&d.id);
    done
}

/// 「20261202-0905」 from the browser's clock, for the file name.
fn stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}-{:02}{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// A message on the page: good news, or a refusal (shown as an alert).
#[derive(Debug, Clone, PartialEq)]
enum Said {
    Done(String),
    Refused(String),
}

fn said(s: &Said) -> Html {
    match s {
        Said::Done(text) => html! { <p class="notice-ok" role="status">{ text }</p> },
        Said::Refused(text) => html! { <p class="field-error" role="alert">{ text }</p> },
    }
}

/// Whether `typed` is `pin` (derived by the browser when the PIN is); `None`: the browser
/// cannot derive it.
async fn pin_ok(pin: &Pin, typed: &str) -> Option<bool> {
    match pin.check(typed) {
        PinCheck::Done(ok) => Some(ok),
        PinCheck::Derive(kdf) => {
            let derived =
                ballot_ui::device::derive(typed.trim(), &kdf.salt, kdf.iterations).await?;
            Some(pin.matches_derived(&derived))
        }
    }
}

/// The first holder whose typed PIN (in `typed`, by id) is wrong, or `Err` when the browser
/// cannot check.
async fn wrong_pin<'a>(
    holders: impl Iterator<Item = &'a Holder>,
    typed: &[(String, String)],
) -> Result<Option<&'a Holder>, ()> {
    for h in holders {
        let pin = typed
            .iter()
            .find(|(id, _)| *id == h.id)
            .map_or("", |(_, p)| p.as_str());
        match pin_ok(&h.pin, pin).await {
            Some(true) => {}
            Some(false) => return Ok(Some(h)),
            None => return Err(()),
        }
    }
    Ok(None)
}

/// A restore ready to confirm: the plan, who made the backup, labels of its groups.
#[derive(Debug, Clone, PartialEq)]
struct Restore {
    plan: Plan,
    made_by: Provenance,
    labels: Vec<(String, String)>,
}

impl Restore {
    fn label(&self, id: &str) -> String {
        let short: String = id.chars().take(8).collect();
        self.labels
            .iter()
            .find(|(i, _)| i == id)
            .map_or(short, |(_, l)| l.clone())
    }

    /// Sessions and counts the restore adds records to: their PINs are asked.
    fn completed(&self) -> impl Iterator<Item = &str> {
        self.plan
            .groups
            .iter()
            .filter(|g| g.kind != GroupKind::Template && g.outcome == Outcome::Completed)
            .map(|g| g.id.as_str())
    }
}

/// Takes the claim on a session or count (docs/storage.md), failing at once when another
/// window holds it.
async fn hold(id: &str) -> bool {
    let mine = id.to_string();
    let busy = wasm_bindgen::closure::Closure::once_into_js(move || idb::release(&mine));
    idb::claim(id, busy.unchecked_ref()).await.is_ok()
}

/// A text field's value, NFC as typed.
fn field_value(e: InputEvent) -> String {
    ballot_ui::text::typed(e.target_unchecked_into::<HtmlInputElement>().value())
}

/// PIN fields, one per session, shown as dots (not password fields: see the app's form).
fn pin_fields(
    holders: &[(String, String)],
    typed: &UseStateHandle<Vec<(String, String)>>,
    prefix: &str,
) -> Html {
    let t = crate::platform::lang().data();
    html! {
        { for holders.iter().map(|(id, label)| {
            let typed = typed.clone();
            let id_for = id.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let mut v = (*typed).clone();
                v.retain(|(i, _)| *i != id_for);
                v.push((id_for.clone(), field_value(e)));
                typed.set(v);
            });
            let dom = format!("{prefix}-{id}");
            html! {
                <div class="field">
                    <label for={dom.clone()}>{ (t.pin_for)(label) }</label>
                    <input id={dom} type="text" class="pin" inputmode="numeric" autocomplete="off"
                        spellcheck="false" maxlength="12" {oninput} />
                </div>
            }
        }) }
    }
}

#[component]
pub fn DataApp() -> Html {
    let t = crate::platform::lang().data();
    let held = use_state(|| None::<Result<Rc<Held>, StoreError>>);
    let message = use_state(|| None::<Said>);
    let restore = use_state(|| None::<Rc<Restore>>);
    let locked = use_state(|| None::<Rc<backup::Locked>>);
    let making = use_state(|| false);
    let clearing = use_state(|| false);
    let busy = use_state(|| false);
    let passphrase = use_state(String::new);
    let repeat = use_state(String::new);
    let pins = use_state(Vec::<(String, String)>::new);
    let reads = use_state(|| 0u32);
    let file_input = use_node_ref();
    {
        let (held, message) = (held.clone(), message.clone());
        use_effect_with(*reads, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let mut read = read_device().await;
                // What was deleted 30 days ago goes for good now, and is said so.
                if let Ok(h) = &read {
                    let now = js_sys::Date::now().max(0.0) as u64;
                    let n = purge(h, now).await;
                    if n > 0 {
                        message.set(Some(Said::Done((crate::platform::lang().data().purged)(n))));
                        read = read_device().await;
                    }
                }
                held.set(Some(read.map(Rc::new)));
            });
        });
    }
    let app_texts = crate::platform::lang().texts();
    let Some(state) = (*held).clone() else {
        return html! { <p role="status">{ app_texts.loading }</p> };
    };
    let h = match state {
        Ok(h) => h,
        Err(e) => {
            return html! { <p class="field-error" role="alert">{ e.message(app_texts) }</p> };
        }
    };
    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(field_value(e)))
    };
    let refused = |message: &UseStateHandle<Option<Said>>, why: String| {
        message.set(Some(Said::Refused(why)));
    };

    // 备份到文件: the passphrase (and open sessions' PINs) first.
    let start_backup = {
        let (making, message, pins) = (making.clone(), message.clone(), pins.clone());
        Callback::from(move |_: MouseEvent| {
            making.set(true);
            message.set(None);
            pins.set(Vec::new());
        })
    };
    let on_backup = {
        let h = h.clone();
        let (message, making, busy) = (message.clone(), making.clone(), busy.clone());
        let (passphrase, repeat, pins) = (passphrase.clone(), repeat.clone(), pins.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let pass = match backup::passphrase(&passphrase, &repeat) {
                Ok(p) => p,
                Err(e) => return refused(&message, (t.backup_error)(e)),
            };
            let (h, message, making, busy) =
                (h.clone(), message.clone(), making.clone(), busy.clone());
            let typed = (*pins).clone();
            busy.set(true);
            message.set(Some(Said::Done(t.making.to_string())));
            wasm_bindgen_futures::spawn_local(async move {
                let done = make_backup(&h, &pass, &typed).await;
                busy.set(false);
                if done.is_ok() {
                    making.set(false);
                }
                message.set(Some(match done {
                    Ok(said) | Err(said) => said,
                }));
            });
        })
    };
    let cancel_backup = {
        let making = making.clone();
        Callback::from(move |_: MouseEvent| making.set(false))
    };

    let choose = {
        let file_input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_input.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_file = {
        let h = h.clone();
        let (message, restore, locked, pins) = (
            message.clone(),
            restore.clone(),
            locked.clone(),
            pins.clone(),
        );
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let (h, message, restore, locked, pins) = (
                h.clone(),
                message.clone(),
                restore.clone(),
                locked.clone(),
                pins.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let Some(text) =
                    platform::read_chosen_file(&input, backup::limits::MAX_FILE_BYTES).await
                else {
                    return;
                };
                // The same file may be chosen again after a change.
                input.set_value("");
                restore.set(None);
                locked.set(None);
                pins.set(Vec::new());
                let refuse = |why: String| {
                    message.set(Some(Said::Refused(format!("{}{why}", t.restore_refused))));
                };
                let text = match text {
                    Ok(text) => text,
                    Err(FileError::NotText) => return refuse(t.file_not_text.into()),
                    Err(FileError::Unreadable) => return refuse(t.file_unreadable.into()),
                    Err(FileError::TooLarge(_)) => {
                        return refuse((t.backup_error)(BackupError::TooLarge))
                    }
                };
                match backup::read_locked(&text) {
                    Ok(Some(file)) => {
                        message.set(Some(Said::Done(t.restore_passphrase.to_string())));
                        locked.set(Some(Rc::new(file)));
                    }
                    Ok(None) => match plan_restore(&h, &text).await {
                        Ok(r) => {
                            message.set(None);
                            restore.set(Some(Rc::new(r)));
                        }
                        Err(e) => refuse((t.backup_error)(e)),
                    },
                    Err(e) => refuse((t.backup_error)(e)),
                }
            });
        })
    };
    let on_unlock = {
        let h = h.clone();
        let (message, restore, locked, passphrase, busy) = (
            message.clone(),
            restore.clone(),
            locked.clone(),
            passphrase.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(file) = (*locked).clone() else {
                return;
            };
            if *busy {
                return;
            }
            let (h, message, restore, locked, busy) = (
                h.clone(),
                message.clone(),
                restore.clone(),
                locked.clone(),
                busy.clone(),
            );
            let pass = (*passphrase).clone();
            busy.set(true);
            message.set(Some(Said::Done(t.opening.to_string())));
            wasm_bindgen_futures::spawn_local(async move {
                let l = &file.lock;
                let opened =
                    ballot_ui::device::unlock(&pass, &l.salt, &l.iv, l.iterations, &file.data)
                        .await;
                busy.set(false);
                let result = match opened {
                    None => Err(BackupError::WrongPassphrase),
                    Some(text) => plan_restore(&h, &text).await,
                };
                match result {
                    Ok(r) => {
                        message.set(None);
                        locked.set(None);
                        restore.set(Some(Rc::new(r)));
                    }
                    Err(e) => message.set(Some(Said::Refused(format!(
                        "{}{}",
                        t.restore_refused,
                        (t.backup_error)(e)
                    )))),
                }
            });
        })
    };
    let on_restore = {
        let h = h.clone();
        let (message, restore, reads, pins, busy) = (
            message.clone(),
            restore.clone(),
            reads.clone(),
            pins.clone(),
            busy.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(r) = (*restore).clone() else {
                return;
            };
            if *busy {
                return;
            }
            let (h, message, restore, reads, busy) = (
                h.clone(),
                message.clone(),
                restore.clone(),
                reads.clone(),
                busy.clone(),
            );
            let typed = (*pins).clone();
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = run_restore(&h, &r, &typed).await;
                busy.set(false);
                match result {
                    Ok(n) => {
                        restore.set(None);
                        message.set(Some(Said::Done((t.restored)(n))));
                        reads.set(*reads + 1);
                    }
                    Err(why) => {
                        message.set(Some(Said::Refused(format!("{}{why}", t.restore_refused))))
                    }
                }
            });
        })
    };
    let cancel_restore = {
        let (restore, locked) = (restore.clone(), locked.clone());
        Callback::from(move |_: MouseEvent| {
            restore.set(None);
            locked.set(None);
        })
    };

    let open_pins: Vec<(String, String)> = h
        .open
        .iter()
        .map(|o| (o.id.clone(), o.label.clone()))
        .collect();
    html! {
        <section class="data-page" aria-labelledby="data-title">
            <h1 id="data-title">{ t.title }</h1>
            <p>{ t.lead }</p>
            <p>{ (t.held)(h.sessions, h.ballots, h.counts, h.templates) }</p>
            if h.damaged.is_empty() {
                <p>{ t.no_damage }</p>
            } else {
                <div class="damaged" role="alert">
                    <h2>{ (t.damaged_heading)(h.damaged.len()) }</h2>
                    <ul>
                        { for h.damaged.iter().map(|d| html! {
                            <li>{ (t.damage_line)(d, h.owner(d)) }</li>
                        }) }
                    </ul>
                </div>
            }
            if let Some(m) = &*message {
                { said(m) }
            }
            if !h.deleted.is_empty() {
                { deleted_view(&h.deleted, &message, &reads) }
            }
            if !h.tests.is_empty() {
                { tests_view(&h, &clearing, &message, &reads) }
            }
            <h2>{ t.backup_heading }</h2>
            <p>{ t.backup_hint }</p>
            if *making {
                <form class="backup-form" onsubmit={on_backup}>
                    <p class="hint">{ t.passphrase_hint }</p>
                    <div class="field">
                        <label for="backup-pass">{ t.passphrase_label }</label>
                        <input id="backup-pass" type="text" class="pin" autocomplete="off" spellcheck="false"
                            oninput={text_input(&passphrase)} />
                    </div>
                    <div class="field">
                        <label for="backup-pass2">{ t.passphrase_repeat }</label>
                        <input id="backup-pass2" type="text" class="pin" autocomplete="off" spellcheck="false"
                            oninput={text_input(&repeat)} />
                    </div>
                    if !open_pins.is_empty() {
                        <p>{ (t.open_sessions_pins)(open_pins.len()) }</p>
                        { pin_fields(&open_pins, &pins, "backup-pin") }
                    }
                    <div class="actions">
                        <button type="button" onclick={cancel_backup}>{ t.cancel }</button>
                        <button type="submit" class="primary" disabled={*busy}>{ t.backup_button }</button>
                    </div>
                </form>
            } else {
                <button class="primary" onclick={start_backup}>{ t.backup_button }</button>
            }
            <h2>{ t.restore_heading }</h2>
            <p>{ t.restore_hint }</p>
            <button onclick={choose}>{ t.restore_file }</button>
            <input ref={file_input} type="file" accept=".json,application/json" hidden=true onchange={on_file} />
            if locked.is_some() {
                <form class="backup-form" onsubmit={on_unlock}>
                    <div class="field">
                        <label for="restore-pass">{ t.passphrase_label }</label>
                        <input id="restore-pass" type="text" class="pin" autocomplete="off" spellcheck="false"
                            oninput={text_input(&passphrase)} />
                    </div>
                    <div class="actions">
                        <button type="button" onclick={cancel_restore.clone()}>{ t.cancel }</button>
                        <button type="submit" class="primary" disabled={*busy}>{ t.open_backup }</button>
                    </div>
                </form>
            }
            if let Some(r) = &*restore {
                { restore_view(r, &h.pins, &pins, on_restore, cancel_restore, *busy) }
            }
        </section>
    }
}

/// The counts in 测试模式, cleared in one action (after a question).
fn tests_view(
    h: &Rc<Held>,
    clearing: &UseStateHandle<bool>,
    message: &UseStateHandle<Option<Said>>,
    reads: &UseStateHandle<u32>,
) -> Html {
    let t = crate::platform::lang().data();
    let n = h.tests.len();
    let ask = {
        let clearing = clearing.clone();
        Callback::from(move |_: MouseEvent| clearing.set(true))
    };
    let cancel = {
        let clearing = clearing.clone();
        Callback::from(move |_: MouseEvent| clearing.set(false))
    };
    let clear = {
        let (h, clearing, message, reads) =
            (h.clone(), clearing.clone(), message.clone(), reads.clone());
        Callback::from(move |_: MouseEvent| {
            let (h, clearing, message, reads) =
                (h.clone(), clearing.clone(), message.clone(), reads.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let (removed, open) = clear_tests(&h).await;
                clearing.set(false);
                message.set(Some(Said::Done((t.tests_cleared)(removed, open))));
                reads.set(*reads + 1);
            });
        })
    };
    html! {
        <section aria-labelledby="tests-title">
            <h2 id="tests-title">{ t.tests_heading }</h2>
            <p class="hint">{ (t.tests_hint)(n) }</p>
            if **clearing {
                <div role="alertdialog" aria-labelledby="tests-confirm">
                    <p id="tests-confirm">{ (t.tests_confirm)(n) }</p>
                    <div class="actions">
                        <button onclick={cancel}>{ t.cancel }</button>
                        <button class="danger" onclick={clear}>{ (t.tests_clear)(n) }</button>
                    </div>
                </div>
            } else {
                <button class="danger" onclick={ask}>{ (t.tests_clear)(n) }</button>
            }
        </section>
    }
}

/// Deleted sessions and counts, each with how long it is still kept and 恢复.
fn deleted_view(
    deleted: &[Deleted],
    message: &UseStateHandle<Option<Said>>,
    reads: &UseStateHandle<u32>,
) -> Html {
    let t = crate::platform::lang().data();
    let app_texts = crate::platform::lang().texts();
    let now = js_sys::Date::now().max(0.0) as u64;
    html! {
        <section aria-labelledby="deleted-title">
            <h2 id="deleted-title">{ t.deleted_heading }</h2>
            <p class="hint">{ t.deleted_hint }</p>
            <ul class="results-list">
                { for deleted.iter().map(|d| {
                    let left = ballot_core::session::kept_days_left(d.at_ms, now);
                    let when = String::from(
                        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(d.at_ms as f64))
                            .to_locale_string("zh-CN", &wasm_bindgen::JsValue::UNDEFINED),
                    );
                    let on_undelete = {
                        let (d, message, reads) = (d.clone(), message.clone(), reads.clone());
                        Callback::from(move |_: MouseEvent| {
                            let (d, message, reads) = (d.clone(), message.clone(), reads.clone());
                            wasm_bindgen_futures::spawn_local(async move {
                                message.set(Some(match undelete(&d).await {
                                    Ok(()) => Said::Done((t.undeleted)(&d.label)),
                                    Err(e) => Said::Refused(e.message(app_texts).to_string()),
                                }));
                                reads.set(*reads + 1);
                            });
                        })
                    };
                    html! {
                        <li>
                            <p><bdi>{ (t.deleted_line)(&d.label, &when, left) }</bdi></p>
                            <button aria-label={format!("{}{}{}", t.undelete, crate::platform::lang().punct().colon, d.label)} onclick={on_undelete}>{ t.undelete }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

fn restore_view(
    r: &Restore,
    guarded: &[Holder],
    pins: &UseStateHandle<Vec<(String, String)>>,
    on_restore: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
    busy: bool,
) -> Html {
    let t = crate::platform::lang().data();
    let made_by = match &r.made_by.signer {
        _ if r.made_by.own() => html! { <p class="notice-ok">{ t.made_by_own }</p> },
        Signer::Device(key) => {
            html! { <p class="field-error">{ (t.made_by)(&device_code(key)) }</p> }
        }
        _ => html! { <p class="field-error">{ t.made_unsigned }</p> },
    };
    let completed: Vec<&str> = r.completed().collect();
    let asked: Vec<(String, String)> = guarded
        .iter()
        .filter(|h| completed.contains(&h.id.as_str()))
        .map(|h| (h.id.clone(), h.label.clone()))
        .collect();
    html! {
        <div class="restore-plan">
            { made_by }
            <p role="status">{ (t.restore_plan)(&r.plan) }</p>
            <ul>
                { for r.plan.groups.iter().filter(|g| g.outcome != Outcome::Present).map(|g| html! {
                    <li><bdi>{ (t.group_line)(g.kind, &r.label(&g.id), g) }</bdi></li>
                }) }
            </ul>
            if r.plan.add.is_empty() {
                <p>{ t.restore_nothing }</p>
            } else {
                { pin_fields(&asked, pins, "restore-pin") }
                <div class="actions">
                    <button type="button" onclick={cancel}>{ t.cancel }</button>
                    <button class="primary" disabled={busy} onclick={on_restore}>{ (t.restore_button)(r.plan.add.len()) }</button>
                </div>
            }
        </div>
    }
}

/// Makes, signs, encrypts and saves a backup. The message to show either way.
async fn make_backup(h: &Held, passphrase: &str, typed: &[(String, String)]) -> Result<Said, Said> {
    let t = crate::platform::lang().data();
    match wrong_pin(h.open.iter(), typed).await {
        Ok(None) => {}
        Ok(Some(w)) => return Err(Said::Refused((t.pin_wrong_for)(&w.label))),
        Err(()) => return Err(Said::Refused(t.cannot_encrypt.to_string())),
    }
    let now = js_sys::Date::now().max(0.0) as u64;
    let body = backup::make_body(&h.stores, &h.damaged, now);
    let Ok((key, sig)) = ballot_ui::device::sign(&backup::to_sign(&body)).await else {
        return Err(Said::Refused(t.cannot_encrypt.to_string()));
    };
    let content = backup::content(&body, Some(&Seal { key, sig }));
    let Some((salt, iv, data)) =
        ballot_ui::device::lock(passphrase, &content, backup::PASSPHRASE_ITERATIONS).await
    else {
        return Err(Said::Refused(t.cannot_encrypt.to_string()));
    };
    let text = backup::locked(backup::Lock::new(salt, iv), data);
    let name = (t.file_name)(&stamp());
    let kept = h.records().saturating_sub(h.damaged.len());
    match ballot_ui::files::save(&name, &text.as_str().into(), "application/json") {
        Ok(()) => Ok(Said::Done((t.backup_saved)(&name, kept, h.damaged.len()))),
        Err(_) => Err(Said::Refused(t.backup_not_saved.to_string())),
    }
}

/// Reads a backup's content, checks its signature, and plans the restore.
async fn plan_restore(h: &Held, text: &str) -> Result<Restore, BackupError> {
    let opened = backup::open(text)?;
    let signer = match &opened.seal {
        None => Signer::Unsigned,
        Some(seal) => {
            let ok = ballot_ui::device::verify(&seal.key, &seal.sig, &opened.to_sign()).await;
            Signer::of(Some(seal), ok)
        }
    };
    if signer == Signer::Broken {
        return Err(BackupError::SignatureBroken);
    }
    let made_by = Provenance {
        signer,
        own: ballot_ui::device::key().await.ok(),
    };
    let mut labels = labels(&backup::Device::read(&opened.body.stores));
    labels.extend(h.owners.iter().cloned());
    Ok(Restore {
        plan: backup::plan(&h.stores, &opened.body, &made_by),
        made_by,
        labels,
    })
}

/// Restores: each session it adds records to with its PIN and held by this window, then
/// every record in one transaction. The number of records added, or why none was.
async fn run_restore(h: &Held, r: &Restore, typed: &[(String, String)]) -> Result<usize, String> {
    let t = crate::platform::lang().data();
    let app_texts = crate::platform::lang().texts();
    let completed: Vec<&str> = r.completed().collect();
    let asked = h.pins.iter().filter(|p| completed.contains(&p.id.as_str()));
    match wrong_pin(asked, typed).await {
        Ok(None) => {}
        Ok(Some(w)) => return Err((t.pin_wrong_for)(&w.label)),
        Err(()) => return Err(t.cannot_encrypt.to_string()),
    }
    // Every session or count records are added to: held by this window for the write.
    let added_to: Vec<&str> = r
        .plan
        .groups
        .iter()
        .filter(|g| g.outcome == Outcome::Completed && g.kind != GroupKind::Template)
        .map(|g| g.id.as_str())
        .collect();
    let mut held_ids = Vec::new();
    let mut refused = None;
    for id in &added_to {
        if hold(id).await {
            held_ids.push(*id);
        } else {
            refused = Some(app_texts.store_elsewhere.to_string());
            break;
        }
    }
    let result = match refused {
        Some(why) => Err(why),
        None => {
            let rows = serde_json::to_string(&r.plan.add).unwrap_or_default();
            idb::write("restore", "", "", Some(rows))
                .await
                .map(|()| r.plan.add.len())
                .map_err(|e| e.message(app_texts).to_string())
        }
    };
    for id in held_ids {
        idb::release(id);
    }
    result
}
