//! The results of a session or a count, drawn by the results module (loaded on demand), with
//! the meeting's actions: 公布结果 (full screen, very large type), 打印报告单 (the signed
//! form; print CSS shows only it) and 导出 CSV.

use yew::prelude::*;

use crate::platform::report;
use ballot_core::Lang;

#[derive(Properties, PartialEq)]
pub struct ResultsPanelProps {
    /// The module's JSON input (see `platform::report::input`).
    pub input: AttrValue,
    /// "page" (results screen) or "board" (counting board, with 正 strokes).
    pub mode: &'static str,
    pub lang: Lang,
}

/// What the module returned for one (input, mode): its HTML, or why it could not.
type Drawn = Option<Result<AttrValue, String>>;

#[component]
pub fn ResultsPanel(props: &ResultsPanelProps) -> Html {
    let t = props.lang.texts();
    let drawn = use_state(|| Drawn::None);
    let announce = use_state(|| Drawn::None);
    let saved = use_state(|| Option::<Result<String, String>>::None);
    {
        let drawn = drawn.clone();
        use_effect_with((props.input.clone(), props.mode), move |(input, mode)| {
            let (input, mode) = (input.clone(), *mode);
            wasm_bindgen_futures::spawn_local(async move {
                let html = report::run("render", &input, mode).await;
                drawn.set(Some(html.map(AttrValue::from)));
            });
        });
    }
    let on_announce = {
        let (announce, input) = (announce.clone(), props.input.clone());
        Callback::from(move |_: MouseEvent| {
            let (announce, input) = (announce.clone(), input.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let html = report::run("render", &input, "announce").await;
                announce.set(Some(html.map(AttrValue::from)));
            });
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            // Printing is the browser's dialog; nothing to do if it is refused.
            let _ = w.print();
        }
    });
    let on_csv = {
        let (saved, input) = (saved.clone(), props.input.clone());
        Callback::from(move |_: MouseEvent| {
            let (saved, input) = (saved.clone(), input.clone());
            wasm_bindgen_futures::spawn_local(async move {
                saved.set(Some(report::run("download_csv", &input, "").await));
            });
        })
    };
    let close = {
        let announce = announce.clone();
        Callback::from(move |_: MouseEvent| announce.set(None))
    };
    let body = match &*drawn {
        None => html! { <p role="status">{ t.loading }</p> },
        Some(Err(e)) => html! { <p class="field-error" role="alert">{ (t.report_failed)(e) }</p> },
        Some(Ok(h)) => Html::from_html_unchecked(h.clone()),
    };
    html! {
        <div class="results-panel">
            <div class="actions">
                <button onclick={on_announce}>{ t.announce }</button>
                <button onclick={on_print}>{ t.print_report }</button>
                <button onclick={on_csv}>{ t.export_csv }</button>
            </div>
            if let Some(r) = &*saved {
                <p role="status">{ match r { Ok(name) => (t.file_saved)(name), Err(e) => (t.report_failed)(e) } }</p>
            }
            { body }
            if let Some(shown) = &*announce {
                <div class="announce-layer" role="dialog" aria-modal="true" aria-label={t.announce}>
                    <button onclick={close}>{ t.close_announce }</button>
                    { match shown {
                        Ok(h) => Html::from_html_unchecked(h.clone()),
                        Err(e) => html! { <p class="field-error" role="alert">{ (t.report_failed)(e) }</p> },
                    } }
                </div>
            }
        </div>
    }
}
