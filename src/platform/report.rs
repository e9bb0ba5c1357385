//! The results module, loaded on demand (see `report/` and `report.js`). The app hands it one
//! JSON input (template, tally, figures) and gets HTML or a download back.

use ballot_core::count::Figures;
use ballot_core::{Tally, Template};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/platform/report.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn call(f: &str, input: &str, mode: &str) -> Result<JsValue, JsValue>;
}

/// The module's input (documented in `report/src/lib.rs`). The canonical template JSON is a
/// JSON object already, so it is inserted as it is.
pub fn input(
    template: &Template,
    fingerprint: &str,
    unit: &str,
    figures: &Figures,
    tally: &Tally,
) -> String {
    format!(
        r#"{{"template":{},"fingerprint":{},"unit":{},"figures":{},"tally":{}}}"#,
        template.canonical_json(),
        json(fingerprint),
        json(unit),
        json(figures),
        json(tally),
    )
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    // Plain data (strings, numbers, maps with string keys) always serializes.
    serde_json::to_string(v).unwrap_or_default()
}

/// Calls `f` of the module; an error is the module's message, or the loading failure's.
pub async fn run(f: &str, input: &str, mode: &str) -> Result<String, String> {
    match call(f, input, mode).await {
        Ok(v) => Ok(v.as_string().unwrap_or_default()),
        Err(e) => Err(e
            .as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_default()),
    }
}
