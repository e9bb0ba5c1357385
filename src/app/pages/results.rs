//! The count of one template's ballots, combined and per voter category.

use ballot_core::tally::SectionTally;
use ballot_core::Section;
use yew::prelude::*;

use crate::app::components::results_tables::{EvaluationResult, RecommendationResult};
use crate::app::state::{Action, Page};
use crate::app::AppHandle;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub app: AppHandle,
    pub index: usize,
}

/// Which part of the tally is shown: all categories added up, or one of them.
#[derive(Clone, Copy, PartialEq)]
enum View {
    Combined,
    Category(Option<u16>),
}

#[component]
pub fn ResultsPage(ResultsProps { app, index }: &ResultsProps) -> Html {
    let view = use_state(|| View::Combined);
    let t = app.lang.texts();
    let (Some(entry), Some(tally)) = (app.entries.get(*index), app.tallies.get(*index)) else {
        return html! {};
    };
    let spec = entry.template.spec();
    let home = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Open(Page::Home)))
    };

    // Tabs: 合计, each category, and 未分类 when ballots without a category exist.
    let mut tabs: Vec<(View, String)> = vec![(View::Combined, t.all_categories.to_string())];
    if !spec.categories.is_empty() {
        for (i, name) in spec.categories.iter().enumerate() {
            if let Ok(i) = u16::try_from(i) {
                tabs.push((View::Category(Some(i)), name.clone()));
            }
        }
        if tally.part(None).is_some_and(|p| p.total() > 0) {
            tabs.push((View::Category(None), t.uncategorised.to_string()));
        }
    }
    let part = match *view {
        View::Combined => tally.combined(),
        View::Category(c) => tally.part(c).cloned().unwrap_or_else(|| tally.combined()),
    };

    html! {
        <main class="page results">
            <header class="form-header">
                <button class="link" onclick={home}>{ "‹ " }{ t.back_home }</button>
                <h1>{ t.results_heading }</h1>
                <p class="meta">{ &spec.title }{ " · " }{ (t.template_header)(&spec.issuer, &entry.fingerprint) }</p>
            </header>
            if tabs.len() > 1 {
                <div class="tabs" role="tablist">
                    { for tabs.into_iter().map(|(v, label)| {
                        let selected = *view == v;
                        let set = view.setter();
                        html! {
                            <button role="tab" aria-selected={if selected { "true" } else { "false" }}
                                class={classes!(selected.then_some("on"))}
                                onclick={Callback::from(move |_| set.set(v))}>{ label }</button>
                        }
                    }) }
                </div>
            }
            <p class="totals" aria-live="polite">{ (t.totals)(part.total(), part.valid, part.blank, part.void) }</p>
            if part.total() == 0 {
                <p>{ t.no_ballots_yet }</p>
            } else {
                { for entry.template.sections().iter().zip(&part.sections).map(|pair| match pair {
                    (Section::Recommendation(s), SectionTally::Recommendation(r)) => html! {
                        <RecommendationResult spec={s.clone()} tally={r.clone()} />
                    },
                    (Section::Evaluation(s), SectionTally::Evaluation(e)) => html! {
                        <EvaluationResult spec={s.clone()} tally={e.clone()} />
                    },
                    _ => html! {},
                }) }
            }
        </main>
    }
}
