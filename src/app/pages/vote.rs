//! The voter's screen: one ballot at a time, large and plain.

use ballot_core::ballot::{BallotContent, SectionMarks};
use ballot_core::{Ballot, Section, Template, Texts};
use yew::prelude::*;

use crate::app::components::category_picker::CategoryPicker;
use crate::app::components::dialog::Dialog;
use crate::app::components::evaluation_form::EvaluationForm;
use crate::app::components::recommendation_form::RecommendationForm;
use crate::app::state::{Action, Page, Stage};
use crate::app::PageProps;
use crate::platform::storage;

#[component]
pub fn VotePage(PageProps { app }: &PageProps) -> Html {
    let t = app.lang.texts();
    let draft = app.draft.clone();
    let entry = draft.as_ref().and_then(|d| app.entries.get(d.template));

    // Store a submitted ballot, then report back. The voter sees "recorded" only after this.
    {
        let app = app.clone();
        let storing = match draft.as_ref().map(|d| &d.stage) {
            Some(Stage::Storing(b)) => Some(b.clone()),
            _ => None,
        };
        let fingerprint = entry.map(|e| e.fingerprint.clone()).unwrap_or_default();
        use_effect_with(storing, move |storing| {
            if let Some(ballot) = storing {
                match storage::append(&fingerprint, ballot) {
                    Ok(()) => app.dispatch(Action::Stored),
                    Err(_) => app.dispatch(Action::StoreFailed),
                }
            }
        });
    }

    let (Some(draft), Some(entry)) = (draft, entry) else {
        return html! {};
    };
    let template = &entry.template;
    let spec = template.spec();
    let send = |make: fn() -> Action| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(make()))
    };

    let header = html! {
        <header class="form-header">
            <button class="link" onclick={send(|| Action::Open(Page::Home))}>{ "‹ " }{ t.back_home }</button>
            <h1>{ &spec.title }</h1>
            <p class="meta">{ (t.template_header)(&spec.issuer, &entry.fingerprint) }</p>
        </header>
    };

    let body = match &draft.stage {
        Stage::ChoosingCategory => {
            let app = app.clone();
            let on_choose =
                Callback::from(move |c: u16| app.dispatch(Action::ChooseCategory(Some(c))));
            html! {
                <CategoryPicker prompt={t.choose_category} categories={template.categories().to_vec()} {on_choose} />
            }
        }
        Stage::Recorded => html! {
            <section class="recorded" aria-live="polite">
                <p class="big-check" aria-hidden="true">{ "✓" }</p>
                <h2>{ t.recorded_title }</h2>
                <button class="primary huge" onclick={send(|| Action::NextVoter)}>{ t.recorded_next }</button>
            </section>
        },
        stage => {
            let BallotContent::Marked(marks) = &draft.ballot.content else {
                return html! {};
            };
            let busy = matches!(stage, Stage::Storing(_));
            let category = draft
                .ballot
                .category
                .and_then(|c| template.categories().get(usize::from(c)));
            let sections = template.sections().iter().zip(marks).enumerate().map(|(i, pair)| {
                let refusal = draft.refusal.as_ref().filter(|(s, _)| *s == i).map(|(_, r)| (t.mark_refused)(r));
                match pair {
                    (Section::Recommendation(spec), SectionMarks::Recommendation(m)) => {
                        let app_t = app.clone();
                        let app_w = app.clone();
                        html! {
                            <RecommendationForm
                                key={i}
                                index={i}
                                spec={spec.clone()}
                                marks={m.clone()}
                                symbol={template.spec().marking.symbol}
                                {refusal}
                                generation={draft.write_in_generation}
                                on_toggle={Callback::from(move |candidate| app_t.dispatch(Action::ToggleCandidate { section: i, candidate }))}
                                on_write_in={Callback::from(move |(slot, text)| app_w.dispatch(Action::SetWriteIn { section: i, slot, text }))}
                            />
                        }
                    }
                    (Section::Evaluation(spec), SectionMarks::Evaluation(items)) => {
                        let app = app.clone();
                        html! {
                            <EvaluationForm
                                key={i}
                                index={i}
                                spec={spec.clone()}
                                ratings={items.clone()}
                                symbol={template.spec().marking.symbol}
                                on_rate={Callback::from(move |(item, level)| app.dispatch(Action::Rate { section: i, item, level }))}
                            />
                        }
                    }
                    _ => html! {},
                }
            });
            html! {
                <>
                    if let Some(c) = category {
                        <p class="category-line">
                            { (t.your_category)(c) }{ " " }
                            <button class="link" onclick={{
                                let app = app.clone();
                                Callback::from(move |_| app.dispatch(Action::ChooseCategory(None)))
                            }}>{ t.change_category }</button>
                        </p>
                    }
                    if !spec.notes.is_empty() {
                        <p class="notes">{ &spec.notes }</p>
                    }
                    <fieldset class="sections" disabled={busy}>
                        { for sections }
                    </fieldset>
                    <button class="primary huge submit" disabled={busy} onclick={send(|| Action::Submit)}>
                        { if busy { t.saving } else { t.submit } }
                    </button>
                    if *stage == Stage::ConfirmBlank {
                        <Dialog title={t.blank_confirm_title} body={t.blank_confirm_body}
                            confirm={t.blank_confirm_yes} on_confirm={send(|| Action::ConfirmSubmit)}
                            cancel={Some(AttrValue::from(t.keep_filling))} on_cancel={send(|| Action::BackToForm)} />
                    }
                    if *stage == Stage::ConfirmUnrated {
                        <Dialog title={t.unrated_confirm_title}
                            body={(t.unrated_confirm_body)(&unrated_names(template, &draft.ballot, t))}
                            confirm={t.unrated_confirm_yes} on_confirm={send(|| Action::ConfirmSubmit)}
                            cancel={Some(AttrValue::from(t.keep_filling))} on_cancel={send(|| Action::BackToForm)} />
                    }
                    if *stage == Stage::NotRecorded {
                        <Dialog title={t.not_recorded_title} body={t.not_recorded_body} alert=true
                            confirm={t.dismiss} on_confirm={send(|| Action::BackToForm)}
                            cancel={None::<AttrValue>} on_cancel={Callback::noop()} />
                    }
                </>
            }
        }
    };

    html! {
        <main class="page vote">
            { header }
            { body }
        </main>
    }
}

/// The names of the items the voter left unrated, as printed on the form.
fn unrated_names(template: &Template, ballot: &Ballot, t: &Texts) -> Vec<String> {
    ballot
        .unrated_items()
        .into_iter()
        .filter_map(|(section, item)| match template.sections().get(section)? {
            Section::Evaluation(e) => Some(t.item_label(&e.items().nth(item)?)),
            Section::Recommendation(_) => None,
        })
        .collect()
}
