//! The results tables: view functions over borrowed data (no props to clone, no component
//! lifecycle code in the wasm).

use ballot_core::tally::{EvaluationTally, Part, RecommendationTally, SectionTally};
use ballot_core::template::{EvaluationSection, RecommendationSection};
use ballot_core::{Lang, Section, Template, Texts};
use yew::prelude::*;

/// One row of a recommendation table: the name, on the counting board its count in 正
/// strokes as on a blackboard, and the number.
fn name_row(name: &str, n: u32, zheng: bool) -> Html {
    html! {
        <tr>
            <th scope="row">{ name }</th>
            if zheng { <td class="zheng" aria-hidden="true">{ ballot_core::count::zheng(n) }</td> }
            <td class="num">{ n }</td>
        </tr>
    }
}

/// Votes per listed name in template order, then write-ins by votes.
fn recommendation_result(
    spec: &RecommendationSection,
    tally: &RecommendationTally,
    zheng: bool,
    t: &Texts,
) -> Html {
    let write_ins = tally.write_ins_by_votes();
    html! {
        <section class="result-section">
            <h3>{ &spec.title }</h3>
            <p class="meta">{ (t.section_counts)(tally.counted, tally.blank, tally.void) }</p>
            <table>
                <thead><tr>
                    <th scope="col">{ t.col_name }</th>
                    if zheng { <th scope="col" aria-hidden="true">{ t.col_tally }</th> }
                    <th scope="col" class="num">{ t.col_votes }</th>
                </tr></thead>
                <tbody>
                    { for spec.candidates.iter().zip(&tally.votes).map(|(c, &v)| name_row(&c.label(), v, zheng)) }
                </tbody>
                if !write_ins.is_empty() {
                    <tbody class="write-in-results">
                        <tr><th colspan={if zheng { "3" } else { "2" }} scope="rowgroup">{ t.write_ins_heading }</th></tr>
                        { for write_ins.iter().map(|&(name, v)| name_row(name, v, zheng)) }
                    </tbody>
                }
            </table>
        </section>
    }
}

/// The results of every section of a part of the tally: the results screen of a session,
/// and the counting board of a paper count (`zheng`: with the 正 column).
pub fn section_results(template: &Template, part: &Part, zheng: bool, lang: Lang) -> Html {
    let t = lang.texts();
    html! {
        { for template.sections().iter().zip(&part.sections).map(|pair| match pair {
            (Section::Recommendation(s), SectionTally::Recommendation(r)) => recommendation_result(s, r, zheng, t),
            (Section::Evaluation(s), SectionTally::Evaluation(e)) => evaluation_result(s, e, lang),
            _ => html! {},
        }) }
    }
}

/// One row per rated item: ballots per level, unrated, spoiled, void.
fn evaluation_result(spec: &EvaluationSection, tally: &EvaluationTally, lang: Lang) -> Html {
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
