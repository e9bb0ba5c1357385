//! The data page: what this device holds, every damaged record named precisely, a backup
//! to a file, and a restore from one (core: `ballot_core::backup`). It reads the store
//! itself, so the first-load app carries none of this.

use std::rc::Rc;

use ballot_core::backup::{self, Plan, Stores};
use ballot_core::damage::Damage;
use ballot_core::i18n::data::ZH_CN;
use ballot_core::library::Origin;
use ballot_ui::idb::{self, StoreError};
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
}

impl Held {
    fn read(stores: Stores) -> Held {
        let device = backup::Device::read(&stores);
        let label =
            |id: &str, unit: String, title: &str| (id.to_string(), format!("{unit} · {title}"));
        let mut owners: Vec<(String, String)> = (device.sessions.iter())
            .map(|s| {
                label(
                    &s.record.id,
                    s.record.spec.unit_label(),
                    &s.template.spec().title,
                )
            })
            .collect();
        owners.extend(device.counts.iter().map(|c| {
            label(
                &c.record.id,
                c.record.spec.unit_label(),
                &c.template.spec().title,
            )
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
            owners,
            damaged: device.damaged,
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

async fn read_device() -> Result<Held, StoreError> {
    let mut stores = Stores::new();
    for name in backup::STORES {
        stores.insert(name.to_string(), idb::load_store(name).await?);
    }
    Ok(Held::read(stores))
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

#[component]
pub fn DataApp() -> Html {
    let t = &ZH_CN;
    let held = use_state(|| None::<Result<Rc<Held>, StoreError>>);
    let message = use_state(|| None::<Said>);
    let plan = use_state(|| None::<Rc<Plan>>);
    let reads = use_state(|| 0u32);
    let file_input = use_node_ref();
    {
        let held = held.clone();
        use_effect_with(*reads, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                held.set(Some(read_device().await.map(Rc::new)));
            });
        });
    }
    let app_texts = ballot_core::Lang::ZhCn.texts();
    let Some(state) = (*held).clone() else {
        return html! { <p role="status">{ app_texts.loading }</p> };
    };
    let h = match state {
        Ok(h) => h,
        Err(e) => {
            return html! { <p class="field-error" role="alert">{ e.message(app_texts) }</p> };
        }
    };

    let on_backup = {
        let h = h.clone();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let now = js_sys::Date::now().max(0.0) as u64;
            let text = backup::make(&h.stores, &h.damaged, now);
            let name = (t.file_name)(&stamp());
            let kept = h.records().saturating_sub(h.damaged.len());
            message.set(Some(
                match ballot_ui::files::save(&name, &text.as_str().into(), "application/json") {
                    Ok(()) => Said::Done((t.backup_saved)(&name, kept, h.damaged.len())),
                    Err(_) => Said::Refused(t.backup_not_saved.to_string()),
                },
            ));
        })
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
        let message = message.clone();
        let plan = plan.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let (h, message, plan) = (h.clone(), message.clone(), plan.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(text) =
                    platform::read_chosen_file(&input, backup::limits::MAX_FILE_BYTES).await
                else {
                    return;
                };
                // The same file may be chosen again after a change.
                input.set_value("");
                let refused = |text: String| {
                    plan.set(None);
                    message.set(Some(Said::Refused(format!("{}{text}", t.restore_refused))));
                };
                let text = match text {
                    Ok(text) => text,
                    Err(FileError::NotText) => return refused(t.file_not_text.into()),
                    Err(FileError::Unreadable) => return refused(t.file_unreadable.into()),
                    Err(FileError::TooLarge(_)) => {
                        return refused((t.backup_error)(backup::BackupError::TooLarge))
                    }
                };
                match backup::read(&text) {
                    Ok(body) => {
                        message.set(None);
                        plan.set(Some(Rc::new(backup::plan(&h.stores, &body))));
                    }
                    Err(e) => refused((t.backup_error)(e)),
                }
            });
        })
    };
    let on_restore = {
        let message = message.clone();
        let plan = plan.clone();
        let reads = reads.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(p) = (*plan).clone() else {
                return;
            };
            let (message, plan, reads) = (message.clone(), plan.clone(), reads.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let rows = serde_json::to_string(&p.add).unwrap_or_default();
                let result = idb::write("restore", "", "", Some(rows)).await;
                plan.set(None);
                message.set(Some(match result {
                    Ok(()) => Said::Done((t.restored)(p.add.len())),
                    Err(e) => {
                        Said::Refused(format!("{}{}", t.restore_refused, e.message(app_texts)))
                    }
                }));
                reads.set(*reads + 1);
            });
        })
    };

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
            <h2>{ t.backup_heading }</h2>
            <p>{ t.backup_hint }</p>
            <button class="primary" onclick={on_backup}>{ t.backup_button }</button>
            <h2>{ t.restore_heading }</h2>
            <p>{ t.restore_hint }</p>
            <button onclick={choose}>{ t.restore_file }</button>
            <input ref={file_input} type="file" accept=".json,application/json" hidden=true onchange={on_file} />
            if let Some(p) = &*plan {
                <p role="status">{ (t.restore_plan)(p) }</p>
                if p.add.is_empty() {
                    <p>{ t.restore_nothing }</p>
                } else {
                    <button class="primary" onclick={on_restore}>{ (t.restore_button)(p.add.len()) }</button>
                }
            }
        </section>
    }
}
