//! A template offered for import (a file chosen, a link opened): what it is, its
//! fingerprint, and what importing it would do. Nothing is written until the user says so,
//! and nothing is overwritten silently.

use ballot_core::library::ImportPlan;
use ballot_core::Section;
use yew::prelude::*;

use crate::app::{with_stamp, ViewProps};
use crate::state::{Action, Offer, Source, View};

#[component]
pub fn ImportView(ViewProps { studio }: &ViewProps) -> Html {
    let t = studio.t;
    let View::Import(offer) = &studio.view else {
        return html! {};
    };
    let back = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| studio.dispatch(Action::ToLibrary))
    };
    let import = |replace: bool| {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| {
            with_stamp(&studio, |stamp| Action::Import { replace, stamp })
        })
    };
    let from = |source: &Source| match source {
        Source::File => t.from_file,
        Source::Link => t.from_link,
    };
    match &**offer {
        Offer::Refused { source, problems } => html! {
            <section class="import" aria-labelledby="import-title">
                <h1 id="import-title">{ t.import_refused_title }</h1>
                <p>{ from(source) }</p>
                <ul class="problems" role="alert">
                    { for problems.iter().map(|p| html! { <li>{ ballot_ui::text::coded(p) }</li> }) }
                </ul>
                <p>
                    { t.import_refused_hint }
                    if *source == Source::File { { t.import_refused_file_hint } }
                </p>
                <div class="actions"><button class="primary" onclick={back}>{ t.back_to_library }</button></div>
            </section>
        },
        Offer::Ready {
            source,
            template,
            fingerprint,
            plan,
        } => {
            let spec = template.spec();
            let used = &studio.context.used;
            html! {
                <section class="import" aria-labelledby="import-title">
                    <h1 id="import-title">{ t.import_title }</h1>
                    <p>{ from(source) }</p>
                    <article class="card" aria-label={t.import_preview}>
                        <h2>{ &spec.title }</h2>
                        <p>{ &spec.issuer }</p>
                        if let Some(link) = &spec.round {
                            <p class="round">{ (t.summary_round)(link.number, &link.title) }</p>
                        }
                        <ul>
                            { for spec.sections.iter().enumerate().map(|(i, s)| {
                                let round = (spec.round.as_ref())
                                    .and_then(|l| l.sections.get(i))
                                    .map(t.summary_taken);
                                // Every name as it will be printed, so a wrong or missing one
                                // is seen before the import (a note or role in brackets).
                                let punct = crate::platform::lang().punct();
                                let with = |name: &str, extra: &str| punct.noted(name, extra);
                                let (summary, names): (String, Vec<String>) = match s {
                                    Section::Recommendation(r) => (
                                        match r.election {
                                            Some(contest) => (t.summary_election)(&r.title, r.candidates.len(), r.max_marks, contest),
                                            None => (t.summary_recommendation)(&r.title, r.candidates.len(), r.max_marks, r.write_in_slots),
                                        },
                                        r.candidates.iter().map(|c| with(&c.name, &c.note)).collect(),
                                    ),
                                    Section::Evaluation(e) => (
                                        (t.summary_evaluation)(&e.title, e.subjects.len(), &e.levels),
                                        e.subjects.iter().map(|x| with(&x.name, &x.role)).collect(),
                                    ),
                                };
                                html! {
                                    <li>
                                        { summary }
                                        if !names.is_empty() { <p class="name-list">{ (t.summary_names)(&names) }</p> }
                                        if let Some(round) = round { <p class="name-list">{ round }</p> }
                                    </li>
                                }
                            }) }
                        </ul>
                        if !spec.categories.is_empty() {
                            <p>{ (t.summary_categories)(&spec.categories) }</p>
                        }
                        <p class="fingerprint big">{ t.fingerprint_label }{ " " }<strong>{ fingerprint }</strong></p>
                        <p class="hint">{ t.import_compare_hint }</p>
                    </article>
                    { match plan {
                        ImportPlan::AlreadyThere { id } => {
                            let name = studio.library.get(id).map(|e| e.name.clone()).unwrap_or_default();
                            html! {
                                <>
                                    <p class="notice-inline" role="status">{ (t.import_already_there)(&name) }</p>
                                    <div class="actions"><button class="primary" onclick={back}>{ t.back_to_library }</button></div>
                                </>
                            }
                        }
                        ImportPlan::SameTitle { id, local_fingerprint, fingerprint } => {
                            let local = studio.library.get(id);
                            let name = local.map(|e| e.name.clone()).unwrap_or_default();
                            let replaceable = local.is_some_and(|e| !e.edits_make_new_version(used));
                            html! {
                                <div class="conflict" role="alert">
                                    <p>{ (t.import_same_title)(&name) }</p>
                                    <table class="compare">
                                        <tr><th scope="row">{ t.import_local }</th><td>{ local_fingerprint.clone().unwrap_or_else(|| t.fingerprint_pending.to_string()) }</td></tr>
                                        <tr><th scope="row">{ t.import_incoming }</th><td>{ fingerprint }</td></tr>
                                    </table>
                                    <div class="actions">
                                        <button class="primary" onclick={import(false)}>{ t.import_keep_both }</button>
                                        if replaceable {
                                            <button class="danger" onclick={import(true)}>{ t.import_replace }</button>
                                        }
                                        <button onclick={back}>{ t.cancel }</button>
                                    </div>
                                    if !replaceable {
                                        <p class="hint">{ t.import_no_replace }</p>
                                    }
                                </div>
                            }
                        }
                        ImportPlan::New { .. } => html! {
                            <div class="actions">
                                <button class="primary" onclick={import(false)}>{ t.import_confirm }</button>
                                <button onclick={back}>{ t.cancel }</button>
                            </div>
                        },
                    } }
                </section>
            }
        }
    }
}
