//! Scanning a template's QR code (see [`crate::scanner`]): whatever the code holds is offered
//! for import like a link, and refused like one when it is not a template link.

use yew::prelude::*;

use crate::app::ViewProps;
use crate::scanner::Scanner;
use crate::state::{Action, Source};

#[component]
pub fn ScanView(ViewProps { studio }: &ViewProps) -> Html {
    let t = studio.t;
    let on_code = {
        let studio = studio.clone();
        Callback::from(move |text: String| {
            studio.dispatch(Action::Offer {
                source: Source::Link,
                text: Ok(text),
            })
        })
    };
    let back = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| studio.dispatch(Action::ToLibrary))
    };
    html! {
        <section class="scan" aria-labelledby="scan-title">
            <h1 id="scan-title">{ t.scan_title }</h1>
            <p class="hint">{ t.scan_hint }</p>
            <Scanner {on_code} once=true />
            <div class="actions">
                <button onclick={back}>{ t.back_to_library }</button>
            </div>
        </section>
    }
}
