use yew::prelude::*;

/// A modal alert over the page; the page behind cannot be tapped. With `no`, it is a
/// question (yes or no) before a step that changes a count; without, it tells of something
/// that went wrong and has one button (`on_answer` gets `true`).
pub fn alert(
    title: AttrValue,
    body: AttrValue,
    yes: &'static str,
    no: Option<&'static str>,
    on_answer: Callback<bool>,
) -> Html {
    html! {
        <div class="overlay">
            <div class="dialog alert" role="alertdialog" aria-modal="true"
                aria-labelledby="dialog-title" aria-describedby="dialog-body">
                <h2 id="dialog-title">{ title }</h2>
                <p id="dialog-body">{ body }</p>
                <div class="actions">
                    if let Some(no) = no {
                        <button onclick={on_answer.reform(|_| false)}>{ no }</button>
                    }
                    <button class="primary" onclick={on_answer.reform(|_| true)}>{ yes }</button>
                </div>
            </div>
        </div>
    }
}
