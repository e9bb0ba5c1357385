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
pub fn templates_page(app: &AppHandle) -> Html {
    let t = app.lang.texts();
    let used = app.fingerprints_with_ballots();
    // The studio may have changed the library: the store is read again on the way out.
    let home = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| read_store(app.clone(), Some(Action::GoHome)))
    };
    html! {
        <main class="page templates">
            <button class="link" onclick={home}>{ t.back_home }</button>
            <ModuleView module={module::STUDIO} input={AttrValue::from(module::studio_input(&used))}
                mode="" failed={t.studio_failed} />
        </main>
    }
}
