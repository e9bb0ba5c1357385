//! Sharing one template: its fingerprint to read out over the phone, the file, the link and
//! the link's QR code (or, for a template too large to scan, the advice to send the file).

use ballot_core::share;
use yew::prelude::*;

use crate::app::ViewProps;
use crate::platform;
use crate::state::{Action, View};
use ballot_core::qr;

#[component]
pub fn ShareView(ViewProps { studio }: &ViewProps) -> Html {
    let t = studio.t;
    let status = use_state(String::new);
    let entry = match &studio.view {
        View::Share(id) => studio.library.get(id),
        _ => None,
    };
    let template = entry.and_then(|e| e.template());
    // The link and its code, made once per template, not at each status message. (Hooks
    // first: none may be skipped by a return.)
    let made = use_memo(
        (
            entry.and_then(|e| e.fingerprint()).map(str::to_string),
            studio.context.app_url.clone(),
        ),
        |(_, url)| {
            let link = share::link(url, template?);
            let svg = (link.len() <= share::QR_MAX_CHARS)
                .then(|| qr::svg(&link))
                .flatten();
            Some((link, svg))
        },
    );
    let (Some(entry), Some(template), Some((link, svg))) = (entry, template, (*made).clone())
    else {
        return html! {};
    };
    let fingerprint = entry.fingerprint().unwrap_or_default();
    let download = {
        let status = status.clone();
        let name = (t.file_name)(&entry.name);
        // A file a person can read: the template's fields, indented. It reads back to the
        // same template, so to the same fingerprint.
        let text = serde_json::to_string_pretty(template.spec()).unwrap_or_default();
        Callback::from(move |_: MouseEvent| {
            match ballot_ui::files::save(&name, &text.as_str().into(), "application/json") {
                Ok(()) => status.set((t.file_saved)(&name)),
                Err(_) => status.set(t.file_not_saved.to_string()),
            }
        })
    };
    let copy = {
        let status = status.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let link = link.clone();
            wasm_bindgen_futures::spawn_local(async move {
                status.set(
                    if platform::copy(&link).await {
                        t.link_copied
                    } else {
                        t.link_not_copied
                    }
                    .to_string(),
                );
            });
        })
    };
    let back = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| studio.dispatch(Action::ToLibrary))
    };
    html! {
        <section class="share" aria-labelledby="share-title">
            <h1 id="share-title">{ (t.share_title)(&entry.name) }</h1>
            <p class="fingerprint big">{ t.fingerprint_label }{ " " }<strong>{ fingerprint }</strong></p>
            <p class="hint">{ t.fingerprint_hint }</p>
            <h2>{ t.share_file_heading }</h2>
            <p>{ t.share_file_hint }</p>
            <div class="actions"><button class="primary" onclick={download}>{ t.download_file }</button></div>
            <h2>{ t.share_link_heading }</h2>
            <div class="field">
                <label for="share-link">{ t.link_label }</label>
                <textarea id="share-link" readonly=true rows="4" value={link.clone()} />
            </div>
            <div class="actions"><button onclick={copy}>{ t.copy_link }</button></div>
            <p class="rk-status" role="status">{ (*status).clone() }</p>
            <h2>{ t.share_qr_heading }</h2>
            { match svg {
                Some(svg) => html! {
                    <figure class="qr">
                        <div class="qr-code" role="img" aria-label={(t.qr_label)(&entry.name)}>
                            { Html::from_html_unchecked(AttrValue::from(svg)) }
                        </div>
                        <figcaption>{ t.qr_hint }</figcaption>
                    </figure>
                },
                None => html! { <p class="field-error" role="alert">{ (t.qr_too_large)(link.len(), share::QR_MAX_CHARS) }</p> },
            } }
            <div class="actions"><button onclick={back}>{ t.back_to_library }</button></div>
        </section>
    }
}
