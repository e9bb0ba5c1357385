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

/// A question over the page before a step that changes a count: yes or no.
pub fn confirm(
    title: String,
    body: String,
    yes: &'static str,
    no: &'static str,
    on_answer: Callback<bool>,
) -> Html {
    let on_yes = on_answer.reform(|_: MouseEvent| true);
    let on_no = on_answer.reform(|_: MouseEvent| false);
    html! {
        <div class="overlay">
            <div class="dialog alert" role="alertdialog" aria-modal="true"
                aria-labelledby="dialog-title" aria-describedby="dialog-body">
                <h2 id="dialog-title">{ title }</h2>
                <p id="dialog-body">{ body }</p>
                <div class="actions">
                    <button onclick={on_no}>{ no }</button>
                    <button class="primary" onclick={on_yes}>{ yes }</button>
                </div>
            </div>
        </div>
    }
}
