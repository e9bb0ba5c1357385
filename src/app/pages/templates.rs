//! The template library, editor, sharing and printed forms: the studio module draws them
//! (loaded on demand, see `platform::module`). It is told which templates this device has
//! recorded ballots with, so that those stay frozen.

use yew::prelude::*;

use crate::app::components::module_view::ModuleView;
use crate::app::state::Action;
use crate::app::{read_store, AppHandle};
use crate::platform::module;

/// A view function, not a component: it has no state of its own, and a component's
/// lifecycle code costs the first load about a kilobyte.
///
/// With `exchange`, the results desk instead (send, merge, cross-check): it reads the paper
/// counts from the store itself (their boards are public) and gets the session it was
/// opened from, if any.
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
            let session = focus.and_then(|id| app.session(id)).map(|s| {
                module::session_result(
                    &s.template,
                    &s.fingerprint,
                    &s.spec().unit_label(),
                    &s.turnout().figures(),
                    &s.tally,
                    s.id(),
                    s.fixed_category(),
                )
            });
            module::exchange_input(&used, session)
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
