//! The template library, editor, sharing and printed forms: the studio module draws them
//! (loaded on demand, see `platform::module`). It is told which templates this device has
//! recorded ballots with, so that those stay frozen.

use yew::prelude::*;

use crate::app::components::module_view::ModuleView;
use crate::app::state::Action;
use crate::app::{read_store, AppHandle};
use crate::platform::module;

fn category_of(tpl: &ballot_core::Template, c: Option<u16>) -> Option<&str> {
    c.and_then(|i| tpl.categories().get(usize::from(i)))
        .map(String::as_str)
}

/// A view function, not a component: it has no state of its own, and a component's
/// lifecycle code costs the first load about a kilobyte.
///
/// With `exchange`, the results desk instead (send, merge, cross-check): it gets every paper
/// count (their boards are public) and the session it was opened from, if any.
pub fn templates_page(app: &AppHandle, exchange: Option<Option<&str>>) -> Html {
    let t = app.lang.texts();
    let used = app.fingerprints_with_ballots();
    // The studio may have changed the library: the store is read again on the way out.
    let home = {
        let app = app.clone();
        let session = exchange.flatten().map(str::to_string);
        Callback::from(move |_: MouseEvent| {
            let then = match &session {
                Some(id) => Action::Manage(id.clone()),
                None => Action::GoHome,
            };
            read_store(app.clone(), Some(then))
        })
    };
    let back = if exchange.flatten().is_some() {
        t.back_to_session
    } else {
        t.back_home
    };
    let input = match exchange {
        None => module::studio_input(&used),
        Some(focus) => {
            let mut local: Vec<String> = app
                .sessions
                .iter()
                .filter(|s| Some(s.id()) == focus)
                .map(|s| {
                    let c = match s.spec().category {
                        ballot_core::session::CategoryRule::Fixed { index } => Some(index),
                        _ => None,
                    };
                    module::local(
                        &s.template,
                        &s.fingerprint,
                        &s.spec().unit_label(),
                        &s.turnout().figures(),
                        &s.tally,
                        s.id(),
                        category_of(&s.template, c),
                        None,
                    )
                })
                .collect();
            local.extend(app.counts.iter().map(|c| {
                module::local(
                    &c.template,
                    &c.fingerprint,
                    &c.spec().unit_label(),
                    &c.log.figures(),
                    c.log.tally(),
                    &c.record.id,
                    category_of(&c.template, c.spec().category),
                    Some(c.log.live().collect()),
                )
            }));
            module::exchange_input(&used, focus, &local)
        }
    };
    html! {
        <main class="page templates">
            <button class="link" onclick={home}>{ back }</button>
            <ModuleView module={module::STUDIO} input={AttrValue::from(input)}
                mode="" failed={t.studio_failed} />
        </main>
    }
}
