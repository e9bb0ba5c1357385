//! The user interface: one reducer state (`state`), pages, and small components.
//! Pages get the state handle as a prop; components get plain data and callbacks.

mod components;
mod pages;
pub mod state;

use ballot_core::samples;
use yew::prelude::*;

use crate::platform::{page, storage};
use state::{AppState, Page};

/// The app state and its dispatcher.
pub type AppHandle = UseReducerHandle<AppState>;

#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub app: AppHandle,
}

#[component]
pub fn App() -> Html {
    let app = use_reducer(|| {
        let (stored, damaged) = storage::load_all();
        AppState::new(samples::all(), stored, damaged)
    });
    use_effect_with(app.lang, |lang| {
        page::set_title_and_lang(lang.texts().app_title, lang.tag())
    });
    match app.page {
        Page::Home => html! { <pages::home::HomePage {app} /> },
        Page::Vote(_) => html! { <pages::vote::VotePage {app} /> },
        Page::Results(i) => html! { <pages::results::ResultsPage {app} index={i} /> },
    }
}
