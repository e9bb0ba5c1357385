//! The device's ways of showing (长辈版, the screens' language): not records, so kept in `localStorage` (read at once,
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
    /// The screens' language tag: as this device last chose, else from the browser's
    /// language ("zh-CN" where it is Chinese, "en" where it is not).
    pub fn lang() -> String;
    /// Remembers the screens' language.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(tag: &str);
}
