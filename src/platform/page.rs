//! The document around the app: title and language, from the i18n catalogue (index.html only
//! has a fallback for the moment before the app starts).

pub fn set_title_and_lang(title: &str, lang_tag: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    document.set_title(title);
    if let Some(root) = document.document_element() {
        // Failing to set an attribute leaves the fallback in place: nothing to report.
        let _ = root.set_attribute("lang", lang_tag);
    }
}
