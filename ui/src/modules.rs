//! The modules fetched on demand (`modules.js`): the results module and its XLSX writer,
//! and the template studio. Each is handed an element to draw into, or (XLSX) called.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/modules.js")]
extern "C" {
    /// Draws module `path` into `host`, its words in `lang` (a `Lang` tag); never throws. If
    /// the module cannot be loaded or refuses the input, `failed` (the app's message) and
    /// the reason are shown in `host`.
    pub fn show(
        path: &str,
        host: &web_sys::Element,
        input: &str,
        mode: &str,
        failed: &str,
        lang: &str,
    );
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
pub const VOICE: &str = "voice/voice.js";

/// A module loaded on demand, its functions called by name: none of its glue is in the
/// app's first load.
#[derive(Clone, PartialEq)]
pub struct Module(JsValue);

impl Module {
    pub async fn load(path: &str) -> Result<Module, JsValue> {
        Ok(Module(load(path).await?))
    }

    pub fn call(&self, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
        let f: js_sys::Function = js_sys::Reflect::get(&self.0, &name.into())?.dyn_into()?;
        f.apply(&JsValue::NULL, &args.iter().copied().collect())
    }

    /// A function that returns a promise, awaited.
    pub async fn wait(&self, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
        let promise: js_sys::Promise = self.call(name, args)?.dyn_into()?;
        wasm_bindgen_futures::JsFuture::from(promise).await
    }
}
