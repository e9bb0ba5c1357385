//! ballot-kit: the web app. A thin shell over `ballot-core`: `app` renders state and sends
//! intents; `platform` holds the browser glue (storage).

mod app;
mod platform;

fn main() {
    // 长辈版 as the device last chose it, before the first screen is drawn.
    ballot_ui::prefs::set_large(ballot_ui::prefs::large());
    // English is a chunk of its own: a device that chose it fetches it before the first
    // screen (Chinese if it cannot be fetched); a Chinese device never does.
    if ballot_ui::prefs::lang() == "en" {
        wasm_bindgen_futures::spawn_local(async { app::start(app::later::english().await) });
    } else {
        app::start(ballot_core::Lang::ZhCn);
    }
}

// See Cargo.toml: a smaller allocator than the default, for the first-load budget.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
