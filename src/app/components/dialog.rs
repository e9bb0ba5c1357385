use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub title: AttrValue,
    pub body: AttrValue,
    pub confirm: AttrValue,
    pub on_confirm: Callback<MouseEvent>,
    pub cancel: Option<AttrValue>,
    pub on_cancel: Callback<MouseEvent>,
    /// An alert (something went wrong) rather than a question.
    #[prop_or_default]
    pub alert: bool,
}

/// A modal question over the page; the page behind cannot be tapped.
#[component]
pub fn Dialog(p: &DialogProps) -> Html {
    let role = if p.alert { "alertdialog" } else { "dialog" };
    html! {
        <div class="overlay">
            <div class={classes!("dialog", p.alert.then_some("alert"))} {role} aria-modal="true"
                aria-labelledby="dialog-title" aria-describedby="dialog-body">
                <h2 id="dialog-title">{ &p.title }</h2>
                <p id="dialog-body">{ &p.body }</p>
                <div class="actions">
                    if let Some(cancel) = &p.cancel {
                        <button onclick={p.on_cancel.clone()}>{ cancel }</button>
                    }
                    <button class="primary" onclick={p.on_confirm.clone()}>{ &p.confirm }</button>
                </div>
            </div>
        </div>
    }
}
