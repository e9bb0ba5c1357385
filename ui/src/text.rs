//! Text as people type it.

/// `s` in Unicode's composed form (NFC), as the browser normalizes it: an e and a combining
/// accent become é, a compatibility ideograph pasted in becomes the common one it looks
/// like. Every text field of names, units and template texts passes what is typed through
/// here, so what the core compares reads as it is compared (`ballot_core::names`).
pub fn typed(s: String) -> String {
    if s.is_ascii() {
        return s;
    }
    String::from(js_sys::JsString::from(s.as_str()).normalize("NFC"))
}
