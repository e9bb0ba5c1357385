use yew::prelude::*;

/// The voter's first step when a meeting counts categories apart: one big button each.
pub fn category_picker(
    prompt: &'static str,
    categories: &[String],
    on_choose: Callback<u16>,
) -> Html {
    html! {
        <section class="category-picker" aria-labelledby="category-prompt">
            <h2 id="category-prompt">{ prompt }</h2>
            <div class="choices">
                { for categories.iter().enumerate().filter_map(|(i, name)| {
                    let i = u16::try_from(i).ok()?;
                    let on_choose = on_choose.clone();
                    Some(html! {
                        <button key={i} class="choice huge" onclick={Callback::from(move |_| on_choose.emit(i))}>
                            { name }
                        </button>
                    })
                }) }
            </div>
        </section>
    }
}
