//! The count of one session's ballots, combined and per voter category. Reached only
//! through the PIN, once the session is closed.

use yew::prelude::*;

use crate::app::components::results_tables::section_results;
use crate::app::pages::home::session_line;
use crate::app::state::Action;
use crate::app::AppHandle;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub app: AppHandle,
    pub id: AttrValue,
}

/// Which part of the tally is shown: all categories added up, or one of them.
#[derive(Clone, Copy, PartialEq)]
enum View {
    Combined,
    Category(Option<u16>),
}

#[component]
pub fn ResultsPage(ResultsProps { app, id }: &ResultsProps) -> Html {
    let view = use_state(|| View::Combined);
    let t = app.lang.texts();
    let Some(session) = app.session(id) else {
        return html! {};
    };
    let (template, tally) = (&session.template, &session.tally);
    let spec = template.spec();
    let back = {
        let app = app.clone();
        let id = id.to_string();
        Callback::from(move |_| app.dispatch(Action::Manage(id.clone())))
    };
    let turnout = session.turnout();

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
                <button class="link" onclick={back}>{ "‹ " }{ t.back_to_session }</button>
                <h1>{ t.results_heading }</h1>
                <p>{ &spec.title }{ " · " }{ session_line(session, t) }</p>
                <p class="meta">{ (t.template_header)(&spec.issuer, &session.fingerprint) }</p>
            </header>
            <p class="count">{ (t.turnout)(turnout) }</p>
            if turnout.exceeds_issued() {
                <p class="field-error" role="alert">{ (t.turnout_exceeds)(turnout) }</p>
            }
            if tabs.len() > 1 {
                <div class="tabs" role="tablist">
                    { for tabs.into_iter().map(|(v, label)| {
                        let selected = *view == v;
                        let set = view.setter();
                        html! {
                            <button role="tab" aria-selected={if selected { "true" } else { "false" }}
                                onclick={Callback::from(move |_| set.set(v))}>{ label }</button>
                        }
                    }) }
                </div>
            }
            <p class="totals" aria-live="polite">{ (t.totals)(part.total(), part.valid, part.blank, part.void) }</p>
            if part.total() == 0 {
                <p>{ t.no_ballots_yet }</p>
            } else {
                { section_results(template, &part, false, app.lang) }
            }
        </main>
    }
}
