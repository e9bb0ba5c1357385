//! The running board of a paper count, as on the blackboard: per name the count as 正
//! characters and as a number; for an evaluation, the results table.

use ballot_core::count::zheng;
use ballot_core::tally::{Part, RecommendationTally, SectionTally};
use ballot_core::template::RecommendationSection;
use ballot_core::{Lang, Section, Template};
use yew::prelude::*;

use crate::app::components::results_tables::evaluation_result;

fn row(name: &str, n: u32) -> Html {
    html! {
        <tr>
            <th scope="row">{ name }</th>
            <td class="zheng" aria-hidden="true">{ zheng(n) }</td>
            <td class="num">{ n }</td>
        </tr>
    }
}

fn recommendation_board(
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
            <table class="board">
                <thead><tr>
                    <th scope="col">{ t.col_name }</th>
                    <th scope="col" aria-hidden="true">{ t.col_tally }</th>
                    <th scope="col" class="num">{ t.col_votes }</th>
                </tr></thead>
                <tbody>
                    { for spec.candidates.iter().zip(&tally.votes).map(|(c, &n)| row(&c.label(), n)) }
                </tbody>
                if !write_ins.is_empty() {
                    <tbody class="write-in-results">
                        <tr><th colspan="3" scope="rowgroup">{ t.write_ins_heading }</th></tr>
                        { for write_ins.iter().map(|&(name, n)| row(name, n)) }
                    </tbody>
                }
            </table>
        </section>
    }
}

/// The board of every section; the totals stand above it on the counting screen.
pub fn count_board(template: &Template, part: &Part, lang: Lang) -> Html {
    html! {
        { for template.sections().iter().zip(&part.sections).map(|pair| match pair {
            (Section::Recommendation(s), SectionTally::Recommendation(r)) => recommendation_board(s, r, lang),
            (Section::Evaluation(s), SectionTally::Evaluation(e)) => evaluation_result(s, e, lang),
            _ => html! {},
        }) }
    }
}
