//! The template library: every template on the device with its fingerprint and state, and
//! what can be done with each; new template, import from a file or a pasted link.

use ballot_core::library::{EntryState, LibraryEntry};
use ballot_core::Section;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::{with_stamp, ViewProps};
use crate::platform;
use crate::state::{Action, Source};

/// 「推荐 · 测评」: the kinds of a template's sections.
pub fn kinds(entry: &LibraryEntry, t: &ballot_core::i18n::studio::StudioTexts) -> String {
    let kinds: Vec<&str> = entry
        .spec
        .sections
        .iter()
        .map(|s| match s {
            Section::Evaluation(_) => t.kind_evaluation,
            Section::Recommendation(r) if r.election.is_some() => t.kind_election,
            Section::Recommendation(_) => t.kind_recommendation,
        })
        .collect();
    kinds.join(" · ")
}

#[component]
pub fn LibraryView(ViewProps { studio }: &ViewProps) -> Html {
    let t = studio.t;
    let file_input = use_node_ref();
    let link_text = use_state(String::new);
    let send = |make: fn() -> Action| {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| studio.dispatch(make()))
    };
    let choose_file = {
        let input = file_input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.set_value("");
                i.click();
            }
        })
    };
    let on_file = {
        let studio = studio.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let studio = studio.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let Some(text) = platform::read_chosen_file(
                    &input,
                    4 * ballot_core::template::limits::MAX_FILE_BYTES,
                )
                .await
                else {
                    return;
                };
                studio.dispatch(Action::Offer {
                    source: Source::File,
                    text,
                });
            });
        })
    };
    let on_link_input = {
        let link_text = link_text.clone();
        Callback::from(move |e: InputEvent| {
            link_text.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let open_link = {
        let studio = studio.clone();
        let link_text = link_text.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            studio.dispatch(Action::Offer {
                source: Source::Link,
                text: Ok((*link_text).clone()),
            });
        })
    };
    let used = &studio.context.used;
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title">{ t.library_title }</h1>
            <p class="lead">{ t.library_lead }</p>
            <div class="actions">
                <button class="primary" onclick={send(|| Action::NewTemplate)}>{ "+ " }{ t.new_template_button }</button>
                <button onclick={choose_file}>{ t.import_file }</button>
                <button onclick={send(|| Action::Scan)}>{ t.scan_button }</button>
                <input ref={file_input} type="file" accept=".json,application/json" hidden=true onchange={on_file} />
            </div>
            <form class="link-import" onsubmit={open_link}>
                <div class="field">
                    <label for="paste-link">{ t.paste_link_label }</label>
                    <input id="paste-link" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                        value={(*link_text).clone()} oninput={on_link_input} />
                </div>
                <button type="submit">{ t.open_link }</button>
            </form>
            if !studio.library.damaged.is_empty() {
                <p class="field-error" role="alert">{ (t.library_damaged)(studio.library.damaged.len()) }</p>
            }
            <ul class="cards">
                { for studio.library.entries.iter().map(|e| entry_card(studio, e, used)) }
            </ul>
        </section>
    }
}

fn entry_card(studio: &crate::app::StudioHandle, e: &LibraryEntry, used: &[String]) -> Html {
    let t = studio.t;
    let id = e.id.clone();
    let on = |make: fn(String) -> Action| {
        let studio = studio.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| studio.dispatch(make(id.clone())))
    };
    let copy = {
        let studio = studio.clone();
        let id = id.clone();
        Callback::from(move |_: MouseEvent| {
            let id = id.clone();
            with_stamp(&studio, |stamp| Action::Copy { id, stamp })
        })
    };
    let heading = format!("entry-{}", e.id);
    let ready = e.template().is_some();
    html! {
        <li key={e.id.clone()}>
            <article class="card template-card" aria-labelledby={heading.clone()}>
                <h2 id={heading}>{ &e.name }</h2>
                if e.name != e.spec.title {
                    <p class="title-line">{ (t.printed_title)(&e.spec.title) }</p>
                }
                <p>{ kinds(e, t) }{ " · " }{ &e.spec.issuer }</p>
                <p class="badges">
                    if e.is_built_in() { <span class="badge">{ t.badge_builtin }</span> }
                    if e.is_frozen(used) { <span class="badge">{ t.badge_frozen }</span> }
                </p>
                { match &e.state {
                    EntryState::Ready { fingerprint, .. } => html! {
                        <p class="fingerprint">{ t.fingerprint_label }{ " " }<strong>{ fingerprint }</strong></p>
                    },
                    EntryState::Draft(errors) => html! {
                        <p class="field-error">{ (t.draft_problems)(errors.len()) }</p>
                    },
                } }
                <div class="actions">
                    <button class="primary" onclick={on(Action::Edit)}>{ t.edit }</button>
                    <button onclick={copy}>{ t.copy }</button>
                    if ready {
                        <button onclick={on(Action::Share)}>{ t.share }</button>
                        <button onclick={on(Action::Print)}>{ t.print_blank }</button>
                    }
                    if !e.is_built_in() {
                        <button onclick={on(Action::AskRename)}>{ t.rename }</button>
                        <button class="danger" onclick={on(Action::AskDelete)}>{ t.delete }</button>
                    }
                </div>
            </article>
        </li>
    }
}
