//! The voter's screen: one ballot at a time, large and plain. It shows no counts, and it
//! is left only through the PIN ("工作人员"). Storing is the App's effect: confirming puts
//! the ballot in `AppState::pending`.

use ballot_core::ballot::{BallotContent, SectionMarks};
use ballot_core::Section;
use yew::prelude::*;

use crate::app::components::category_picker::category_picker;
use crate::app::components::dialog;
use crate::app::components::large_switch::large_switch;
use crate::app::components::rehearsal::test_banner;
use crate::app::components::review::review;
use crate::app::components::voice::{use_reading, VoiceSwitch};
use crate::app::send;
use crate::app::state::{Action, Intent, Stage};
use crate::app::state::{PinAction, VoteAction};
use crate::app::PageProps;
use crate::platform::page;
use ballot_ui::forms::evaluation::{evaluation_form, EvaluationForm};
use ballot_ui::forms::recommendation::{recommendation_form, RecommendationForm};

#[component]
pub fn VotePage(PageProps { app }: &PageProps) -> Html {
    let t = app.lang.texts();
    let b = app.lang.ballot();
    let draft = app.draft.clone();
    // Each new step starts at the top of the page.
    let step = draft
        .as_ref()
        .map(|d| d.stage.clone())
        .filter(|s| matches!(s, Stage::ChoosingCategory | Stage::Review | Stage::Recorded));
    use_effect_with(step, |step| {
        if step.is_some() {
            page::scroll_to_top();
        }
    });
    let session = draft.as_ref().and_then(|d| app.session(&d.session));
    // An unattended ballot: after the session's idle time 「还在投票吗？」, a minute later it
    // is discarded. Restarted by every tap (the draft's activity).
    let idle = draft.as_ref().zip(session).and_then(|(d, s)| {
        let wait = if d.asked_idle {
            ballot_core::session::IDLE_ASK_MS
        } else {
            s.spec().idle_ms()
        };
        d.unattended_matters(s).then_some((d.activity, wait))
    });
    {
        let app = app.clone();
        use_effect_with(idle, move |idle| {
            let timer = idle.and_then(|(activity, wait)| {
                page::Timeout::after(wait, move || {
                    app.dispatch(Action::Vote(VoteAction::Idle { activity }))
                })
            });
            move || drop(timer)
        });
    }
    // 语音朗读: hooks come before the early return below, so they are called on every
    // render; without a ballot the voice is off.
    let reading = {
        let d = draft.as_ref();
        use_reading(
            d.is_some_and(|d| d.voice),
            d.map_or(Stage::Filling, |d| d.stage.clone()),
            d.is_some_and(|d| d.asked_idle),
            d.map_or(0, |d| d.activity),
            [b.voice_chosen, b.voice_unchosen, b.voice_on, b.voice_off],
        )
    };
    let (Some(draft), Some(session)) = (draft, session) else {
        return html! {};
    };
    let template = &session.template;
    let spec = template.spec();
    let tap = |make: fn() -> Action| send(app, move |_: MouseEvent| make());
    let staff = {
        let id = session.id().to_string();
        send(app, move |_: MouseEvent| PinAction::Ask {
            session: id.clone(),
            intent: Intent::LeaveVoting,
        })
    };

    let header = html! {
        <header class="form-header">
            <div class="staff-row">
                <span class="unit">{ session.spec().unit_label() }</span>
                { large_switch(app) }
                <VoiceSwitch on={draft.voice} label={b.voice_reading} none={b.voice_none}
                    on_toggle={send(app, VoteAction::Voice)} />
                <button class="link staff" onclick={staff}>{ b.staff }</button>
            </div>
            <h1>{ &spec.title }</h1>
            <p class="meta">{ (t.template_header)(&spec.issuer, &session.fingerprint) }</p>
            if session.record.test {
                { test_banner(b.session_test_banner) }
            }
        </header>
    };

    let body = match &draft.stage {
        Stage::ChoosingCategory => {
            let on_choose = send(app, |c: u16| VoteAction::ChooseCategory(Some(c)));
            html! {
                { category_picker(b.choose_category, template.categories(), on_choose) }
            }
        }
        Stage::Review => html! {
            { review(template, &draft.ballot, &draft.held.iter().map(|h| h.text.as_str()).collect::<Vec<_>>(), tap(|| Action::Vote(VoteAction::ConfirmSubmit)), tap(|| Action::Vote(VoteAction::BackToForm)), app.lang) }
        },
        Stage::Recorded => html! {
            <section class="recorded">
                <p class="big-check" aria-hidden="true">{ "✓" }</p>
                <h2>{ b.recorded_title }</h2>
                <button class="primary huge" onclick={tap(|| Action::Vote(VoteAction::NextVoter))}>{ b.recorded_next }</button>
            </section>
        },
        stage => {
            let BallotContent::Marked(marks) = &draft.ballot.content else {
                return html! {};
            };
            let busy = *stage == Stage::Storing;
            let category = draft
                .ballot
                .category
                .and_then(|c| template.categories().get(usize::from(c)));
            let sections = template.sections().iter().zip(marks).enumerate().map(|(i, pair)| {
                let refusal = draft.refusal.as_ref().filter(|(s, _)| *s == i).map(|(_, r)| (b.mark_refused)(r));
                match pair {
                    (Section::Recommendation(spec), SectionMarks::Recommendation(m)) => {
                        let app_t = app.clone();
                        let app_c = app.clone();
                        let app_w = app.clone();
                        html! {
                            { recommendation_form(RecommendationForm {
                                index: i,
                                spec,
                                marks: m,
                                symbol: template.spec().marking.symbol,
                                scheme: template.spec().marking.scheme,
                                refusal: refusal.as_deref(),
                                held: draft.held.iter().filter(|h| h.section == i)
                                    .map(|h| (h.slot, h.text.as_str(), (b.write_in_not_counted)(&(b.mark_refused)(&h.reason)))).collect(),
                                on_toggle: Callback::from(move |candidate| app_t.dispatch(Action::Vote(VoteAction::ToggleCandidate { section: i, candidate }))),
                                on_choose: Callback::from(move |(candidate, vote)| app_c.dispatch(Action::Vote(VoteAction::Choose { section: i, candidate, vote }))),
                                on_write_in: Callback::from(move |(slot, text)| app_w.dispatch(Action::Vote(VoteAction::SetWriteIn { section: i, slot, text }))),
                                lang: app.lang,
                            }) }
                        }
                    }
                    (Section::Evaluation(spec), SectionMarks::Evaluation(items)) => {
                        let app = app.clone();
                        html! {
                            { evaluation_form(EvaluationForm {
                                index: i,
                                spec,
                                ratings: items,
                                symbol: template.spec().marking.symbol,
                                lang: app.lang,
                                on_rate: Callback::from(move |(item, level)| app.dispatch(Action::Vote(VoteAction::Rate { section: i, item, level }))),
                            }) }
                        }
                    }
                    _ => html! {},
                }
            });
            html! {
                <>
                    if let Some(c) = category {
                        <p class="category-line">
                            { (b.your_category)(c) }
                            // Offered only where voters pick their own category.
                            if session.spec().voters_choose() {
                                { " " }
                                <button class="link" onclick={{
                                                                        send(app, move |_| VoteAction::ChooseCategory(None))
                                }}>{ b.change_category }</button>
                            }
                        </p>
                    }
                    if !spec.notes.is_empty() {
                        <p class="notes">{ &spec.notes }</p>
                    }
                    <fieldset class="sections" disabled={busy}>
                        { for sections }
                    </fieldset>
                    <button class="primary huge submit" disabled={busy} onclick={tap(|| Action::Vote(VoteAction::Submit))}>
                        { if busy { b.saving } else { b.submit } }
                    </button>
                    if *stage == Stage::NotRecorded {
                        { dialog::alert(b.not_recorded_title.into(), b.not_recorded_body.into(), b.back_to_edit, None, {
                                                        send(app, move |_| VoteAction::BackToForm)
                        }) }
                    }
                </>
            }
        }
    };

    // The marks of a voter who walked away are not shown to whoever comes next.
    let body = if draft.asked_idle {
        let answer = send(app, |_: bool| VoteAction::StillHere);
        dialog::alert(
            t.idle_title.into(),
            t.idle_body.into(),
            t.idle_continue,
            None,
            answer,
        )
    } else {
        body
    };
    html! {
        <main class="page vote" onfocusin={reading.onfocusin} onclick={reading.onclick}>
            { header }
            { body }
            // 「已投票」 for a screen reader: a live region is announced when its text changes,
            // so it is there from the first screen, not inserted with the message. Not shown:
            // the page says it in large type.
            <p role="status" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">
                if draft.stage == Stage::Recorded { { b.recorded_title } }
            </p>
        </main>
    }
}
