//! The device's ways of showing: not records, so kept in `localStorage` (read at once,
//! before the first screen is drawn; a choice lost in a crash costs one tap). The JS is in
//! idb.js, beside the store it is not.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/idb.js")]
extern "C" {
    /// Whether this device shows 长辈版 (large text), as it last chose.
    pub fn large() -> bool;
    /// Shows 长辈版 or not (`data-large` on the document: the app's styles) and remembers it.
    #[wasm_bindgen(js_name = setLarge)]
    pub fn set_large(on: bool);
}
