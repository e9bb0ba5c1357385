use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CategoryPickerProps {
    pub prompt: AttrValue,
    pub categories: Vec<String>,
    pub on_choose: Callback<u16>,
}

/// The voter's first step when a meeting counts categories apart: one big button each.
#[component]
pub fn CategoryPicker(p: &CategoryPickerProps) -> Html {
    html! {
        <section class="category-picker" aria-labelledby="category-prompt">
            <h2 id="category-prompt">{ &p.prompt }</h2>
            <div class="choices">
                { for p.categories.iter().enumerate().filter_map(|(i, name)| {
                    let i = u16::try_from(i).ok()?;
                    let on_choose = p.on_choose.clone();
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
