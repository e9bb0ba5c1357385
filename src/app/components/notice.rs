use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub text: AttrValue,
    pub action: AttrValue,
    pub on_action: Callback<MouseEvent>,
}

/// A message that stays until dismissed.
#[component]
pub fn Notice(p: &NoticeProps) -> Html {
    html! {
        <div class="notice" role="alert">
            <p>{ &p.text }</p>
            <button onclick={p.on_action.clone()}>{ &p.action }</button>
        </div>
    }
}
