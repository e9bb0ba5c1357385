//! The template library, editor, sharing and printed forms: the studio module draws them
//! (loaded on demand, see `platform::module`). It is told which templates this device has
//! recorded ballots with, so that those stay frozen.

use yew::prelude::*;

use crate::app::components::module_view::ModuleView;
use crate::app::state::Action;
use crate::app::state::Go;
use crate::app::{read_store, AppHandle};
use crate::platform::module;

/// Which page of the studio module.
#[derive(Clone, Copy, PartialEq)]
pub enum Studio<'a> {
    /// The template library.
    Library,
    /// The results desk (send, merge, cross-check): it reads the paper counts from the
    /// store itself (their boards are public) and gets the session it was opened from, if
    /// any.
    Desk(Option<&'a str>),
    /// This device's data: damaged records named, backup and restore. It reads the store
    /// itself.
    Data,
}

/// A view function, not a component: it has no state of its own, and a component's
/// lifecycle code costs the first load about a kilobyte.
pub fn templates_page(app: &AppHandle, page: Studio) -> Html {
    let exchange = match page {
        Studio::Desk(focus) => Some(focus),
        _ => None,
    };
    let t = app.lang.texts();
    let used = app.fingerprints_with_ballots();
    // The studio may have changed the library: the store is read again on the way out.
    let home = {
        let app = app.clone();
        let session = exchange.flatten().map(str::to_string);
        Callback::from(move |_: MouseEvent| {
            let then = match &session {
                Some(id) => Action::Go(Go::Manage(id.clone())),
                None => Action::Go(Go::Home),
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
        None if page == Studio::Data => module::studio_input(&used, module::StudioPage::Data),
        None => module::studio_input(&used, module::StudioPage::Library),
        Some(focus) => {
            // Held by this window, so its ballots are counted.
            let session = focus.and_then(|id| app.session(id)).and_then(|s| {
                let tally = s.tally()?;
                let mut r = module::result_input(
                    &s.template,
                    &s.fingerprint,
                    s.spec().unit_label(),
                    s.fixed_category(),
                    s.turnout().figures(),
                    tally,
                );
                r.batch = Some(s.id().to_string());
                r.test = s.record.test;
                Some(module::session_result(r))
            });
            module::exchange_input(&used, session)
        }
    };
    html! {
        <main class="page templates">
            <button class="link" onclick={home}>{ back }</button>
            <ModuleView module={module::STUDIO} input={AttrValue::from(input)}
                mode="" failed={t.studio_failed} lang={app.lang.tag()} />
        </main>
    }
}
