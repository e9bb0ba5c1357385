use ballot_core::ballot::LevelSet;
use ballot_core::template::{EvaluationSection, MarkSymbol};
use ballot_core::Lang;
use yew::prelude::*;

use crate::forms::mark::{mark, Mark};

/// What an evaluation section's view needs: borrowed, nothing cloned per tap.
pub struct EvaluationForm<'a> {
    pub spec: &'a EvaluationSection,
    /// One per item, in `EvaluationSection::items` order.
    pub ratings: &'a [LevelSet],
    pub symbol: MarkSymbol,
    /// (item, level) tapped.
    pub on_rate: Callback<(usize, usize)>,
    /// The section's position, to keep element ids unique.
    pub index: usize,
    pub lang: Lang,
}

/// A 民主测评 section on the voter's screen: each subject (or subject · dimension) with one
/// large button per level; one level per item.
pub fn evaluation_form(p: EvaluationForm) -> Html {
    let t = p.lang.ballot();
    html! {
        <section class="ballot-section evaluation" aria-labelledby={format!("section-{}", p.index)}>
            <h2 id={format!("section-{}", p.index)}>{ &p.spec.title }</h2>
            <p class="instructions">{ (t.evaluation_instructions)(p.symbol.glyph()) }</p>
            { for p.spec.items().enumerate().map(|(j, item)| {
                let name = t.item_label(&item);
                let chosen = p.ratings.get(j).copied().unwrap_or_default();
                let label_id = format!("item-{}-{j}", p.index);
                html! {
                    <div class="item" key={j} role="radiogroup" aria-labelledby={label_id.clone()}>
                        <p class="item-name" id={label_id}>
                            { name }
                            if !item.role.is_empty() { { " " }<small>{ item.role }</small> }
                        </p>
                        <div class="levels">
                            { for p.spec.levels.iter().enumerate().map(|(k, level)| {
                                let on = chosen.contains(k);
                                mark(Mark {
                                    key: k,
                                    role: "radio",
                                    on,
                                    glyph: p.symbol.glyph(),
                                    label: html! { { level } },
                                    name: None,
                                    shortcut: None,
                                    onclick: p.on_rate.reform(move |_| (j, k)),
                                })
                            }) }
                        </div>
                    </div>
                }
            }) }
        </section>
    }
}
