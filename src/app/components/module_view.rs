//! Where a module loaded on demand draws: an empty element handed to it (see
//! `platform::module`). The results module draws the tables, 公布 mode, the printed report
//! and the exports; the studio the template library, editor, sharing and printed forms.
//! Each answers its own buttons, so none of that code is in the first load.

use yew::prelude::*;

use crate::platform::module;

#[derive(Properties, PartialEq)]
pub struct ModuleViewProps {
    /// Which module: `module::RESULTS` or `module::STUDIO`.
    pub module: &'static str,
    /// The module's JSON input (see `platform::module`).
    pub input: AttrValue,
    /// For the results module: "page" (results screen) or "board" (counting board).
    pub mode: &'static str,
    /// Shown, with the reason, when the module cannot be loaded.
    pub failed: &'static str,
    /// The screens' language (`Lang::tag`).
    pub lang: &'static str,
}

#[component]
pub fn ModuleView(props: &ModuleViewProps) -> Html {
    let host = use_node_ref();
    {
        let (host, module, failed) = (host.clone(), props.module, props.failed);
        use_effect_with(
            (props.input.clone(), props.mode, props.lang),
            move |(input, mode, lang)| {
                if let Some(el) = host.cast::<web_sys::Element>() {
                    module::show(module, &el, input, mode, failed, lang);
                }
            },
        );
    }
    // The module owns the children; Yew never renders any.
    html! { <div class="report-host" ref={host}></div> }
}
