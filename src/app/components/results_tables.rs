//! The results tables: view functions over borrowed data (no props to clone, no component
//! lifecycle code in the wasm).

use ballot_core::tally::{EvaluationTally, RecommendationTally};
use ballot_core::template::{EvaluationSection, RecommendationSection};
use ballot_core::Lang;
use yew::prelude::*;

/// Votes per listed name in template order, then write-ins by votes.
pub fn recommendation_result(
    spec: &RecommendationSection,
    tally: &RecommendationTally,
    lang: Lang,
) -> Html {
    let t = lang.texts();
    let write_ins = tally.write_ins_by_votes();
    html! {
        <section class="result-section">
            <h3>{ &spec.title }</h3>
            <p class="meta">{ (t.section_counts)(tally.counted, tally.blank, tally.void) }</p>
            <table>
                <thead><tr><th scope="col">{ t.col_name }</th><th scope="col" class="num">{ t.col_votes }</th></tr></thead>
                <tbody>
                    { for spec.candidates.iter().zip(&tally.votes).map(|(c, v)| html! {
                        <tr><th scope="row">{ c.label() }</th><td class="num">{ v }</td></tr>
                    }) }
                </tbody>
                if !write_ins.is_empty() {
                    <tbody class="write-in-results">
                        <tr><th colspan="2" scope="rowgroup">{ t.write_ins_heading }</th></tr>
                        { for write_ins.iter().map(|&(name, v)| html! {
                            <tr><th scope="row">{ name }</th><td class="num">{ v }</td></tr>
                        }) }
                    </tbody>
                }
            </table>
        </section>
    }
}

/// One row per rated item: ballots per level, unrated, spoiled, void.
pub fn evaluation_result(spec: &EvaluationSection, tally: &EvaluationTally, lang: Lang) -> Html {
    let t = lang.texts();
    html! {
        <section class="result-section">
            <h3>{ &spec.title }</h3>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{ t.col_subject }</th>
                        { for spec.levels.iter().map(|l| html! { <th scope="col" class="num">{ l }</th> }) }
                        <th scope="col" class="num">{ t.col_unrated }</th>
                        <th scope="col" class="num">{ t.col_spoiled }</th>
                        <th scope="col" class="num">{ t.col_void }</th>
                    </tr></thead>
                    <tbody>
                        { for spec.items().zip(&tally.items).map(|(item, counts)| {
                            let mut name = t.item_label(&item);
                            if !item.role.is_empty() {
                                name = format!("{name}（{}）", item.role);
                            }
                            html! {
                                <tr>
                                    <th scope="row">{ name }</th>
                                    { for counts.levels.iter().map(|n| html! { <td class="num">{ n }</td> }) }
                                    <td class="num">{ counts.unrated }</td>
                                    <td class="num">{ counts.spoiled }</td>
                                    <td class="num">{ counts.void }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
