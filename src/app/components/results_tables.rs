use ballot_core::tally::{EvaluationTally, RecommendationTally};
use ballot_core::template::{EvaluationSection, RecommendationSection};
use ballot_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RecommendationResultProps {
    pub spec: RecommendationSection,
    pub tally: RecommendationTally,
    #[prop_or_default]
    pub lang: Lang,
}

/// Votes per listed name in template order, then write-ins by votes.
#[component]
pub fn RecommendationResult(p: &RecommendationResultProps) -> Html {
    let t = p.lang.texts();
    let mut write_ins: Vec<(&String, &u32)> = p.tally.write_ins.iter().collect();
    write_ins.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    html! {
        <section class="result-section">
            <h3>{ &p.spec.title }</h3>
            <p class="meta">{ (t.section_counts)(p.tally.counted, p.tally.blank, p.tally.void) }</p>
            <table>
                <thead><tr><th scope="col">{ t.col_name }</th><th scope="col" class="num">{ t.col_votes }</th></tr></thead>
                <tbody>
                    { for p.spec.candidates.iter().zip(&p.tally.votes).map(|(c, v)| html! {
                        <tr><th scope="row">{ c.label() }</th><td class="num">{ v }</td></tr>
                    }) }
                </tbody>
                if !write_ins.is_empty() {
                    <tbody class="write-in-results">
                        <tr><th colspan="2" scope="rowgroup">{ t.write_ins_heading }</th></tr>
                        { for write_ins.iter().map(|(name, v)| html! {
                            <tr><th scope="row">{ *name }</th><td class="num">{ **v }</td></tr>
                        }) }
                    </tbody>
                }
            </table>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct EvaluationResultProps {
    pub spec: EvaluationSection,
    pub tally: EvaluationTally,
    #[prop_or_default]
    pub lang: Lang,
}

/// One row per rated item: ballots per level, unrated, spoiled, void.
#[component]
pub fn EvaluationResult(p: &EvaluationResultProps) -> Html {
    let t = p.lang.texts();
    html! {
        <section class="result-section">
            <h3>{ &p.spec.title }</h3>
            <div class="table-scroll">
                <table>
                    <thead><tr>
                        <th scope="col">{ t.col_subject }</th>
                        { for p.spec.levels.iter().map(|l| html! { <th scope="col" class="num">{ l }</th> }) }
                        <th scope="col" class="num">{ t.col_unrated }</th>
                        <th scope="col" class="num">{ t.col_spoiled }</th>
                        <th scope="col" class="num">{ t.col_void }</th>
                    </tr></thead>
                    <tbody>
                        { for p.spec.items().zip(&p.tally.items).map(|(item, counts)| {
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
