use yew::prelude::*;

/// A modal alert over the page (something went wrong); the page behind cannot be tapped.
pub fn alert(
    title: &'static str,
    body: &'static str,
    confirm: &'static str,
    on_confirm: Callback<MouseEvent>,
) -> Html {
    html! {
        <div class="overlay">
            <div class="dialog alert" role="alertdialog" aria-modal="true"
                aria-labelledby="dialog-title" aria-describedby="dialog-body">
                <h2 id="dialog-title">{ title }</h2>
                <p id="dialog-body">{ body }</p>
                <div class="actions">
                    <button class="primary" onclick={on_confirm}>{ confirm }</button>
                </div>
            </div>
        </div>
    }
}
