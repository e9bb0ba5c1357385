//! Where the results module draws: an empty element handed to it (see `platform::report`).
//! The module draws the tables, 公布 mode, the printed report and the CSV export and answers
//! their buttons, so none of that code is in the first load.

use yew::prelude::*;

use crate::platform::report;

#[derive(Properties, PartialEq)]
pub struct ReportViewProps {
    /// The module's JSON input (see `platform::report::input`).
    pub input: AttrValue,
    /// "page" (results screen) or "board" (counting board, with 正 strokes).
    pub mode: &'static str,
    /// Shown, with the reason, when the module cannot be loaded.
    pub failed: &'static str,
}

#[component]
pub fn ReportView(props: &ReportViewProps) -> Html {
    let host = use_node_ref();
    {
        let (host, failed) = (host.clone(), props.failed);
        use_effect_with((props.input.clone(), props.mode), move |(input, mode)| {
            if let Some(el) = host.cast::<web_sys::Element>() {
                report::show(&el, input, mode, failed);
            }
        });
    }
    // The module owns the children; Yew never renders any.
    html! { <div class="report-host" ref={host}></div> }
}
