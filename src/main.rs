//! ballot-kit: the web app. A thin shell over `ballot-core`: `app` renders state and sends
//! intents; `platform` holds the browser glue (storage).

mod app;
mod platform;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
