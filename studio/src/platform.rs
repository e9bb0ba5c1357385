//! Browser glue of the studio: the context, files in and out, the clipboard, printing, the
//! address bar. Every failure comes back as a value; nothing here panics.

use ballot_ui::idb::{random_bytes, StoreError};
use wasm_bindgen::JsValue;

use ballot_core::exchange::{Kind, Received};
use ballot_core::handover::{ResultInput, StudioInput, StudioPage};

use crate::state::{Context, FileError, Stamp};

thread_local! {
    /// The screens' language, as the app said when it showed the studio (`show`).
    static LANG: std::cell::Cell<ballot_core::Lang> = std::cell::Cell::default();
}

/// The screens' language: the studio is shown in one host at a time, each time with the
/// app's language (`show` sets it before the first render).
pub fn lang() -> ballot_core::Lang {
    LANG.get()
}

pub fn set_lang(lang: ballot_core::Lang) {
    LANG.set(lang);
}

/// Reads the context the app hands over ([`StudioInput`]; unreadable, it is left empty and
/// the library shows), and from the address bar the app's address and a shared link, if any.
pub fn read_context(json: &str) -> Context {
    let location = web_sys::window().map(|w| w.location());
    let hash = location
        .as_ref()
        .and_then(|l| l.hash().ok())
        .unwrap_or_default();
    let link = hash
        .strip_prefix('#')
        .filter(|h| h.starts_with(ballot_core::share::PREFIX))
        .map(str::to_string);
    let app_url = location
        .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
        .unwrap_or_default();
    let input = StudioInput::read(json);
    let page = input.as_ref().map(|i| i.page);
    let (used, local) = input.map(|i| (i.used, i.local)).unwrap_or_default();
    Context {
        used,
        app_url,
        link,
        exchange: page == Some(StudioPage::Exchange),
        data: page == Some(StudioPage::Data),
        local: local.into_iter().filter_map(local_result).collect(),
    }
}

/// The tablet session the app hands over (`platform/module.rs` in the app): the results
/// module's input with its `batch` and `kind`. The app's own record, but read as carefully
/// as a file: one that does not fit is left out.
fn local_result(r: ResultInput) -> Option<Received> {
    let template = r.template.check().ok()?;
    let batch = r.batch?;
    // A rehearsal's result (测试模式) never reaches a file, a merge or a cross-check.
    if r.kind != Some(Kind::Tablet) || r.test {
        return None;
    }
    let r = Received::of_tablet(&template, &batch, r.unit, r.category, r.figures, r.tally);
    // Checked like a received file (shape, against the template).
    ballot_core::exchange::read(&r.file(), |_| None).ok()
}

/// A fresh random id and the time.
pub fn stamp() -> Result<Stamp, StoreError> {
    Ok(Stamp {
        id: ballot_core::fingerprint::hex(&random_bytes()?),
        now_ms: js_sys::Date::now() as u64,
    })
}

/// The text of the first file chosen in a file input: UTF-8 (with or without a BOM), or
/// [`FileError::NotText`], never a text with the bad bytes replaced.
pub async fn read_chosen_file(
    input: &web_sys::HtmlInputElement,
    limit: usize,
) -> Option<Result<String, FileError>> {
    let file = input.files().and_then(|f| f.get(0))?;
    // A file far above the limit is not read into memory at all.
    let bytes = file.size() as usize;
    if bytes > limit {
        return Some(Err(FileError::TooLarge(bytes)));
    }
    let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
        return Some(Err(FileError::Unreadable));
    };
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Some(String::from_utf8(bytes).map_err(|_| FileError::NotText))
}

/// Copies text to the clipboard; `false` where the browser does not allow it.
pub async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        // The print dialog not opening leaves the page as it was.
        let _ = w.print();
    }
}

/// Removes a shared template link from the address bar (once it is imported or declined),
/// so that a reload does not offer it again.
pub fn forget_link() {
    let Some(w) = web_sys::window() else {
        return;
    };
    let hash = w.location().hash().unwrap_or_default();
    if hash.starts_with(&format!("#{}", ballot_core::share::PREFIX)) {
        if let (Ok(history), Ok(path)) = (w.history(), w.location().pathname()) {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ballot_core::{samples, Tally};

    fn handed(test: bool) -> ResultInput {
        let t = &samples::all()[1];
        let mut r = ResultInput::new(
            t.spec().clone(),
            ballot_core::fingerprint::fingerprint(t),
            "长乐居民区".into(),
            Tally::empty(t),
        );
        r.batch = Some("s1".into());
        r.kind = Some(Kind::Tablet);
        r.test = test;
        r
    }

    /// The desk takes the tablet session the app hands over, but never a rehearsal's: a
    /// result of 测试模式 can reach no file, merge or cross-check, whoever hands it over.
    #[test]
    fn the_desk_takes_a_handed_session_but_not_a_rehearsal() {
        assert!(local_result(handed(false)).is_some());
        assert!(local_result(handed(true)).is_none());
    }
}
