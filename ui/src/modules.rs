//! The modules fetched on demand (`modules.js`): the results module and its XLSX writer,
//! and the template studio. Each is handed an element to draw into, or (XLSX) called.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/modules.js")]
extern "C" {
    /// Draws module `path` into `host`; never throws. If the module cannot be loaded or
    /// refuses the input, `failed` (the app's message) and the reason are shown in `host`.
    pub fn show(path: &str, host: &web_sys::Element, input: &str, mode: &str, failed: &str);
    /// The module at `path`, fetched and initialised once (a promise of it).
    #[wasm_bindgen(catch)]
    pub async fn load(path: &str) -> Result<JsValue, JsValue>;
    /// Whether the app was opened with a shared template link (`#t1.…`).
    #[wasm_bindgen(js_name = sharedLink)]
    pub fn shared_link() -> bool;
    /// Registers the service worker; `on_update` runs when a newer build is waiting.
    #[wasm_bindgen(js_name = watchUpdates)]
    pub fn watch_updates(on_update: &Closure<dyn FnMut()>);
    /// Takes the waiting build: the page reloads into it.
    #[wasm_bindgen(js_name = applyUpdate)]
    pub fn apply_update();
}

pub const RESULTS: &str = "report/ballot-report.js";
pub const XLSX: &str = "report/ballot-xlsx.js";
pub const STUDIO: &str = "studio/ballot-studio.js";
pub const SCAN: &str = "studio/ballot-scan.js";
pub const READ: &str = "studio/ballot-read.js";
