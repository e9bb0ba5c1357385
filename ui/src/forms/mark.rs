//! A mark button: a listed name or a level with its mark box, as the voter taps it on the
//! tablet and the counter taps it on the phone. One view for all three uses: every `html!`
//! site is its own code in the wasm. The chosen state is styled from `aria-checked`, so
//! the class is fixed (a class that changes costs Yew's class-set code).

use yew::prelude::*;

pub struct Mark {
    /// The list position (Yew's key).
    pub key: usize,
    /// "checkbox" (names, and levels on paper), or "radio" (one level per item).
    pub role: &'static str,
    pub on: bool,
    /// The mark drawn in the box when chosen (○ or √).
    pub glyph: &'static str,
    pub label: Html,
    /// The button's name where its label alone does not say it (a pad box's ○ or ×).
    pub name: Option<String>,
    /// The keyboard key that taps it, on the counter's pad.
    pub shortcut: Option<char>,
    pub onclick: Callback<MouseEvent>,
}

pub fn mark(m: Mark) -> Html {
    html! {
        <button key={m.key} class="mark" role={m.role} aria-label={m.name}
            aria-checked={if m.on { "true" } else { "false" }} onclick={m.onclick}>
            <span class="box" aria-hidden="true">{ if m.on { m.glyph } else { "" } }</span>
            <span class="label">{ m.label }</span>
            if let Some(k) = m.shortcut {
                <kbd aria-hidden="true">{ k }</kbd>
            }
        </button>
    }
}
