use yew::prelude::*;

/// A message that stays until dismissed.
pub fn notice(
    text: impl Into<AttrValue>,
    action: &'static str,
    on_action: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="notice" role="alert">
            <p>{ ballot_ui::text::coded(&text.into()) }</p>
            <button onclick={on_action}>{ action }</button>
        </div>
    }
}
