//! The document and window around the app: title and language, the back button while
//! voters vote, and clock and time display (organiser actions only; ballots carry no time).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// Milliseconds since 1970, for the organiser's log.
pub fn now_ms() -> u64 {
    // Date.now() is a whole, non-negative number of ms well inside u64.
    js_sys::Date::now().max(0.0) as u64
}

/// A log time as the user's locale writes it, e.g. 「2026/11/22 09:05:13」.
pub fn format_time(ms: u64, lang_tag: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string(lang_tag, &JsValue::UNDEFINED))
}

/// While alive, the browser's back button stays on the voter screen: each "back" pops the
/// entry pushed here and is answered by pushing a new one.
pub struct HistoryGuard {
    window: web_sys::Window,
    on_pop: Closure<dyn FnMut()>,
}

impl HistoryGuard {
    pub fn hold() -> Option<HistoryGuard> {
        let window = web_sys::window()?;
        let history = window.history().ok()?;
        history.push_state_with_url(&JsValue::NULL, "", None).ok()?;
        let on_pop = Closure::<dyn FnMut()>::new(move || {
            let _ = history.push_state_with_url(&JsValue::NULL, "", None);
        });
        window
            .add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref())
            .ok()?;
        Some(HistoryGuard { window, on_pop })
    }
}

impl Drop for HistoryGuard {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("popstate", self.on_pop.as_ref().unchecked_ref());
    }
}

/// To the top of the page: a new step (review, thank-you, next voter) starts there, not
/// where the last tap left the scroll.
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves focus (and so the view) to the first field marked invalid, so a problem further
/// up a long form is not missed on a phone.
pub fn focus_first_invalid() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(el)) = document.query_selector("[aria-invalid=\"true\"]") {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// Where a key was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    TextField,
    /// A button has focus: Enter and Space are its own.
    Button,
    Page,
}

/// While alive, keys typed anywhere on the page go to `on_key(key, target)`; when it
/// returns true the key's default action is prevented. Keys with Ctrl, Alt or Meta, and
/// keys typed into an input method's composition (Chinese input), are left alone.
pub struct KeyListener {
    window: web_sys::Window,
    on_key: Closure<dyn FnMut(web_sys::KeyboardEvent)>,
}

impl KeyListener {
    pub fn hold(on_key: impl Fn(&str, KeyTarget) -> bool + 'static) -> Option<KeyListener> {
        let window = web_sys::window()?;
        let on_key =
            Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                if e.ctrl_key() || e.alt_key() || e.meta_key() || e.is_composing() {
                    return;
                }
                let target = match e.target() {
                    Some(t) if t.dyn_ref::<web_sys::HtmlInputElement>().is_some() => {
                        KeyTarget::TextField
                    }
                    Some(t) if t.dyn_ref::<web_sys::HtmlButtonElement>().is_some() => {
                        KeyTarget::Button
                    }
                    _ => KeyTarget::Page,
                };
                if on_key(&e.key(), target) {
                    e.prevent_default();
                }
            });
        window
            .add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())
            .ok()?;
        Some(KeyListener { window, on_key })
    }
}

impl Drop for KeyListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("keydown", self.on_key.as_ref().unchecked_ref());
    }
}

/// Calls `f` once after `ms` milliseconds, unless dropped first. The callback is owned by
/// the JS timer (dropping this only clears the timer), so a re-render that drops this
/// while or after `f` runs never frees a callback the browser still holds.
pub struct Timeout {
    window: web_sys::Window,
    handle: i32,
}

impl Timeout {
    pub fn after(ms: u64, f: impl FnOnce() + 'static) -> Option<Timeout> {
        let window = web_sys::window()?;
        let f = Closure::once_into_js(f);
        let ms = i32::try_from(ms).unwrap_or(i32::MAX);
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms)
            .ok()?;
        Some(Timeout { window, handle })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        self.window.clear_timeout_with_handle(self.handle);
    }
}

/// Loads the app again (fetching what could not be fetched before).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        // A reload refused leaves the page as it was; the button can be tapped again.
        let _ = w.location().reload();
    }
}
