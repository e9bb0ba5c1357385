//! The count of one session's ballots, combined and per voter category, judged under the
//! template's result rules. Reached only through the PIN, once the session is closed. The
//! tables, 公布 mode, report and export come from the results module (loaded on demand).

use yew::prelude::*;

use crate::app::components::module_view::ModuleView;
use crate::app::components::rehearsal::test_banner;
use crate::app::pages::home::session_line;
use crate::app::send;
use crate::app::state::{Go, SessionAction};
use crate::app::AppHandle;
use crate::platform::module;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub app: AppHandle,
    pub id: AttrValue,
}

/// Corrections with their times as people read them.
#[component]
pub fn ResultsPage(ResultsProps { app, id }: &ResultsProps) -> Html {
    let t = app.lang.texts();
    // Shown only once this window holds the session, and so has counted its ballots.
    let Some((session, tally)) = app.session(id).and_then(|s| Some((s, s.tally()?))) else {
        return html! {};
    };
    let template = &session.template;
    let spec = template.spec();
    let back = {
        let id = id.to_string();
        send(app, move |_| Go::Manage(id.clone()))
    };
    let mut input = module::result_input(
        template,
        &session.fingerprint,
        session.record.spec.unit_label(),
        session.fixed_category(),
        session.turnout().figures(),
        tally,
    );
    input.corrections = module::timed(&session.log.corrections(session.spec()), app.lang.tag());
    input.batch = Some(id.to_string());
    input.test = session.record.test;
    let input = input.to_json();
    let all = tally.combined();
    let unsaved = app.unsaved_close.as_deref() == Some(id.as_str());
    let retry = {
        send(app, move |_: MouseEvent| SessionAction::RetryClose {
            now_ms: crate::platform::page::now_ms(),
        })
    };
    let exchange = {
        let id = id.to_string();
        send(app, move |_| Go::Exchange(Some(id.clone())))
    };

    html! {
        <main class="page results">
            <header class="form-header">
                <button class="link" onclick={back}>{ "‹ " }{ t.back_to_session }</button>
                <h1>{ t.results_heading }</h1>
                <p><bdi>{ &spec.title }</bdi>{ " · " }<bdi>{ session_line(session, t) }</bdi></p>
                <p class="meta">{ (t.template_header)(&spec.issuer, &session.fingerprint) }</p>
            </header>
            if session.record.test {
                { test_banner(app.lang.ballot().session_test_banner) }
            }
            if unsaved {
                <section class="notice" role="alert">
                    <p>{ (t.close_not_stored)(tally.total()) }</p>
                    if session.failures > 0 {
                        <p>{ (t.failures_alert)(session.failures) }</p>
                    }
                    if let Some(e) = app.notice {
                        <p>{ e.message(t) }</p>
                    }
                    <button class="primary" onclick={retry} disabled={app.pending.is_some()}>{ t.store_close }</button>
                </section>
            }
            <p class="totals" aria-live="polite">{ (t.totals)(all.total(), all.valid, all.blank, all.void) }</p>
            // A rehearsal's result is never sent (the desk refuses it too).
            if !unsaved && !session.record.test {
                <div class="actions"><button onclick={exchange}>{ t.send_results }</button></div>
            }
            <ModuleView module={crate::platform::module::RESULTS} input={AttrValue::from(input)} mode="page" failed={t.report_failed} lang={app.lang.tag()} />
        </main>
    }
}
