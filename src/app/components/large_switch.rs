//! 长辈版 (large text, 适老化): one switch, on the home screen and the voter screen. The
//! choice is the device's (`AppState::large`, applied and remembered by the App); the
//! styles are in styles/app.css (`:root[data-large]`).

use yew::prelude::*;

use crate::app::state::Action;
use crate::app::{send, AppHandle};

/// The switch: its state said by its role and a ✓ in its box, never by colour alone.
pub fn large_switch(app: &AppHandle) -> Html {
    let on = app.large;
    html! {
        <button class="large-switch" role="switch" aria-checked={if on { "true" } else { "false" }}
            onclick={send(app, move |_: MouseEvent| Action::Large(!on))}>
            <span class="switch-box" aria-hidden="true">{ if on { "✓" } else { "" } }</span>
            { app.lang.texts().large_mode }
        </button>
    }
}
