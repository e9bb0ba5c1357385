//! The results module, loaded on demand (see `report/` and `report.js`). The app hands it an
//! element and one JSON input (template, tally, figures); the module draws into the element
//! and answers its buttons.

use ballot_core::count::Figures;
use ballot_core::{Tally, Template};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/platform/report.js")]
extern "C" {
    /// Draws the results into `host` (see `report.js`); never throws.
    pub fn show(host: &web_sys::Element, input: &str, mode: &str, failed: &str);
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
