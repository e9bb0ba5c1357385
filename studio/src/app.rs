//! The studio's root: its state, the effects that read and write the store, and the view
//! on screen. Views get the state handle; the pieces below them get data and callbacks.

use ballot_ui::idb;
use yew::prelude::*;

use crate::pages;
use crate::platform;
use crate::state::{Action, Ask, Context, Load, Notice, Studio, View, Write};

pub type StudioHandle = UseReducerHandle<Studio>;

#[derive(Properties, PartialEq)]
pub struct StudioProps {
    pub context: Context,
}

#[derive(Properties, PartialEq)]
pub struct ViewProps {
    pub studio: StudioHandle,
}

const STYLE: &str = include_str!("studio.css");

/// Dispatches `make(stamp)` with a fresh id and time, or tells why there is none.
pub fn with_stamp(studio: &StudioHandle, make: impl FnOnce(crate::state::Stamp) -> Action) {
    match platform::stamp() {
        Ok(stamp) => studio.dispatch(make(stamp)),
        Err(e) => studio.dispatch(Action::Failed(e)),
    }
}

/// The studio's root: the results desk when the app asked for it, else the template
/// library.
#[component]
pub fn Root(props: &StudioProps) -> Html {
    if props.context.data {
        html! {
            <div class="studio">
                <style>{ STYLE }</style>
                <crate::data::DataApp />
            </div>
        }
    } else if props.context.exchange {
        let context = std::rc::Rc::new(props.context.clone());
        html! {
            <div class="studio">
                <style>{ STYLE }</style>
                <crate::exchange::view::DeskApp {context} />
            </div>
        }
    } else {
        html! { <StudioApp context={props.context.clone()} /> }
    }
}

#[component]
pub fn StudioApp(props: &StudioProps) -> Html {
    let studio =
        use_reducer(|| Studio::new(crate::platform::lang().studio(), props.context.clone()));
    let t = studio.t;

    {
        let studio = studio.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                studio.dispatch(Action::Loaded(idb::load_store("templates").await));
            });
        });
    }

    // Perform the write the reducer asked for, then report. Keyed by its number.
    {
        let studio = studio.clone();
        let seq = studio.pending.as_ref().map(|p| p.seq);
        use_effect_with(seq, move |_| {
            if let Some(p) = studio.pending.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match &p.write {
                        Write::Put(record) => match serde_json::to_string(record) {
                            Ok(json) => {
                                let key = ballot_core::library::record_key(&record.id, record.rev);
                                idb::write("add", "templates", &key, Some(json)).await
                            }
                            Err(_) => Err(idb::StoreError::Failed),
                        },
                        // The record store and the entry store are the same: every revision
                        // `<id>/…` goes in one transaction.
                        Write::Delete(id) => {
                            idb::write("delete", "templates", id, Some("templates".into())).await
                        }
                    };
                    studio.dispatch(Action::Written { seq: p.seq, result });
                });
            }
        });
    }

    // A shared link is offered once: leaving the offer forgets it, and each new view starts
    // at its top.
    let importing = matches!(studio.view, View::Import(_));
    let view_kind = std::mem::discriminant(&studio.view);
    use_effect_with((importing, view_kind), |(importing, _)| {
        if !importing {
            platform::forget_link();
        }
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    let body = match (&studio.load, &studio.view) {
        (Load::Loading, _) => html! { <p class="loading" role="status">{ t.loading }</p> },
        (Load::Failed(e), _) => html! {
            <p class="field-error" role="alert">{ e.message(crate::platform::lang().texts()) }</p>
        },
        (Load::Ready, View::Library) => {
            html! { <pages::library::LibraryView studio={studio.clone()} /> }
        }
        (Load::Ready, View::Edit(_)) => {
            html! { <pages::editor::EditorView studio={studio.clone()} /> }
        }
        (Load::Ready, View::Share(_)) => {
            html! { <pages::share::ShareView studio={studio.clone()} /> }
        }
        (Load::Ready, View::Print { .. }) => {
            html! { <pages::print::PrintView studio={studio.clone()} /> }
        }
        (Load::Ready, View::Import(_)) => {
            html! { <pages::import::ImportView studio={studio.clone()} /> }
        }
        (Load::Ready, View::Scan) => html! { <pages::scan::ScanView studio={studio.clone()} /> },
    };

    let notice = studio.notice.as_ref().map(|n| {
        let text = match n {
            Notice::Saved(name) => (t.saved)(name),
            Notice::SavedDraft(name) => (t.saved_draft)(name),
            Notice::Deleted(name) => (t.deleted)(name),
            Notice::Imported(name) => (t.imported)(name),
            Notice::Store(e) => e.message(crate::platform::lang().texts()).to_string(),
        };
        let alert = matches!(n, Notice::Store(_) | Notice::SavedDraft(_));
        let dismiss = {
            let studio = studio.clone();
            Callback::from(move |_: MouseEvent| studio.dispatch(Action::DismissNotice))
        };
        notice_box(&text, alert, dismiss)
    });

    html! {
        <div class="studio">
            <style>{ STYLE }</style>
            { for notice }
            { body }
            if let Some(ask) = &studio.ask {
                { ask_dialog(&studio, ask) }
            }
        </div>
    }
}

/// A message at the top, until dismissed: read out at once when `alert`, else politely.
pub fn notice_box(text: &str, alert: bool, dismiss: Callback<MouseEvent>) -> Html {
    html! {
        <div class="notice" role={if alert { "alert" } else { "status" }}>
            <p>{ ballot_ui::text::coded(text) }</p>
            <button onclick={dismiss}>{ crate::platform::lang().studio().dismiss }</button>
        </div>
    }
}

/// The question on screen: delete, rename, or leave the editor without saving.
fn ask_dialog(studio: &StudioHandle, ask: &Ask) -> Html {
    let t = studio.t;
    let answer = |yes: bool| {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| {
            with_stamp(&studio, |stamp| Action::Answer { yes, stamp })
        })
    };
    let name_of = |id: &str| {
        studio
            .library
            .get(id)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    };
    let (title, body, yes, danger) = match ask {
        Ask::Delete(id) => (
            t.delete_title.to_string(),
            html! { <p id="ask-body">{ (t.delete_body)(&name_of(id)) }</p> },
            t.delete,
            true,
        ),
        Ask::Discard => (
            t.discard_title.to_string(),
            html! { <p id="ask-body">{ t.discard_body }</p> },
            t.discard,
            true,
        ),
        Ask::Rename { name, .. } => {
            let oninput = {
                let studio = studio.clone();
                Callback::from(move |e: InputEvent| {
                    studio.dispatch(Action::RenameText(
                        e.target_unchecked_into::<web_sys::HtmlInputElement>()
                            .value(),
                    ))
                })
            };
            (
                t.rename_title.to_string(),
                html! {
                    <div class="field" id="ask-body">
                        <label for="rename-name">{ t.field_name }</label>
                        <input id="rename-name" type="text" value={name.clone()} {oninput} autocomplete="off" />
                    </div>
                },
                t.rename,
                false,
            )
        }
    };
    html! {
        <div class="overlay">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="ask-title"
                aria-describedby="ask-body" data-danger={danger.then_some("")}>
                <h2 id="ask-title">{ title }</h2>
                { body }
                <div class="actions">
                    <button onclick={answer(false)}>{ t.cancel }</button>
                    <button class={if danger { "danger" } else { "primary" }} onclick={answer(true)}>{ yes }</button>
                </div>
            </div>
        </div>
    }
}
