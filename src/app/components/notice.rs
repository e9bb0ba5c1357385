use yew::prelude::*;

/// A message that stays until dismissed.
///
/// A view function, not a component: it has no state, and each `#[component]` adds its
/// own lifecycle code to the wasm (the first-load budget counts every kilobyte).
pub fn notice(
    text: impl Into<AttrValue>,
    action: &'static str,
    on_action: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="notice" role="alert">
            <p>{ text.into() }</p>
            <button onclick={on_action}>{ action }</button>
        </div>
    }
}
