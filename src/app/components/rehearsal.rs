//! 测试模式: a rehearsal (a tablet session or a paper count) says so in words on every
//! screen it has. Only later pages draw it, so its style comes with it, not in the first
//! load's CSS.

use yew::prelude::*;

const STYLE: &str = ".test-banner { font-weight: 700; color: var(--red); border: 3px solid var(--red); border-radius: 8px; padding: 4px 10px; margin: 4px 0; }";

/// The banner of a rehearsal's screens.
pub fn test_banner(text: &'static str) -> Html {
    html! {
        <>
            <style>{ STYLE }</style>
            <p class="test-banner" role="note">{ text }</p>
        </>
    }
}
