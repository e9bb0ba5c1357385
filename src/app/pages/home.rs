//! The start screen: the templates on this device.

use ballot_core::Section;
use yew::prelude::*;

use crate::app::components::notice::Notice;
use crate::app::state::{Action, Page};
use crate::app::PageProps;

#[component]
pub fn HomePage(PageProps { app }: &PageProps) -> Html {
    let t = app.lang.texts();
    let dismiss = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::DismissDamaged))
    };
    html! {
        <main class="page home">
            <header class="app-header">
                <h1>{ t.app_title }</h1>
                <p class="tagline">{ t.app_tagline }</p>
            </header>
            if app.damaged_records > 0 {
                <Notice text={(t.storage_damaged)(app.damaged_records)} action={t.dismiss} on_action={dismiss} />
            }
            <h2>{ t.templates_heading }</h2>
            if app.entries.is_empty() {
                <p>{ t.no_templates }</p>
            }
            <ul class="cards">
                { for app.entries.iter().enumerate().map(|(i, e)| {
                    let spec = e.template.spec();
                    let kinds: Vec<&str> = e.template.sections().iter().map(|s| match s {
                        Section::Evaluation(_) => t.kind_evaluation,
                        Section::Recommendation(_) => t.kind_recommendation,
                    }).collect();
                    let ballots = app.tallies.get(i).map_or(0, |x| x.total());
                    let open = |page: Page| {
                        let app = app.clone();
                        Callback::from(move |_| app.dispatch(Action::Open(page)))
                    };
                    let heading = format!("template-{i}");
                    html! {
                        <li key={e.fingerprint.clone()}>
                            <article class="card" aria-labelledby={heading.clone()}>
                                <h3 id={heading}>{ &spec.title }</h3>
                                <p class="meta">
                                    <span class="tag">{ kinds.join(" · ") }</span>
                                    { " " }{ (t.template_header)(&spec.issuer, &e.fingerprint) }
                                </p>
                                <p class="count">{ (t.ballots_recorded)(ballots) }</p>
                                <div class="actions">
                                    <button class="primary" onclick={open(Page::Vote(i))}>{ t.fill_in }</button>
                                    <button onclick={open(Page::Results(i))}>{ t.view_results }</button>
                                </div>
                            </article>
                        </li>
                    }
                }) }
            </ul>
        </main>
    }
}
