//! ballot-studio: the template studio, a second Yew app the main app loads on demand (never
//! on the first load). The app hands it an element and a small JSON context (see
//! [`show`]); from then on the studio owns the element: the template library, the editor
//! with its live preview, sharing (file, link, QR code), import and printed blank forms.

mod app;
mod data;
mod exchange;
mod pages;
mod platform;
mod scanner;

mod state;

use wasm_bindgen::prelude::*;

fn main() {}

thread_local! {
    /// The studio on screen (one host at a time): destroyed before another is shown.
    static SHOWN: std::cell::RefCell<Option<yew::AppHandle<app::Root>>> =
        const { std::cell::RefCell::new(None) };
    /// Whether the studio's first subtree id has been used up (see [`show`]).
    static ID_TAKEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[yew::component]
fn Nothing() -> yew::Html {
    yew::Html::default()
}

/// Draws the studio into `host`. `context` is `{"used": ["7KQ2-M9XD", …]}`: the
/// fingerprints this device has recorded ballots with (those templates are frozen). The
/// app's address, for links, and a shared link the device was opened with come from the
/// address bar.
#[wasm_bindgen]
pub fn show(host: web_sys::Element, context: &str, _mode: &str, lang: &str) {
    platform::set_lang(ballot_core::Lang::from_tag(lang));
    let context = platform::read_context(context);
    // Two Yew apps share the page. Yew tells whose an event is by the subtree id branded on
    // each app's root element, and counts those ids from 1 in each wasm module: the app's
    // root is 1, and a studio whose root were 1 too would have its taps run the app's
    // handlers (its listener ids read in the app's registry). So the studio uses up id 1 on
    // an empty app before its first render; its roots are 2, 3, … from then on. (The app
    // makes no other subtree: it has no portals.)
    let Some(doc) = host.owner_document() else {
        return;
    };
    if !ID_TAKEN.replace(true) {
        if let Ok(spare) = doc.create_element("div") {
            yew::Renderer::<Nothing>::with_root(spare)
                .render()
                .destroy();
        }
    }
    let Ok(inner) = doc.create_element("div") else {
        return;
    };
    host.replace_children_with_node_1(&inner);
    SHOWN.with(|shown| {
        if let Some(old) = shown.borrow_mut().take() {
            old.destroy();
        }
        let handle =
            yew::Renderer::<app::Root>::with_root_and_props(inner, app::StudioProps { context })
                .render();
        *shown.borrow_mut() = Some(handle);
    });
}

// See the app's main.rs: the smaller allocator.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
