//! 语音朗读: the device's Chinese voice (Web Speech), for the voter screen. The JS half
//! (voice.js, copied to dist/voice/) is a module fetched when the voter screen is first
//! shown, not on the first load. It says what it is given and reads the screen's own words;
//! when to speak, and that nothing is spoken unless the voter asked, is the voter screen's
//! (src/app/components/voice.rs).

use wasm_bindgen::prelude::*;

use crate::modules::{Module, VOICE};

#[derive(Clone, PartialEq)]
pub struct Voice(Module);

impl Voice {
    pub async fn load() -> Result<Voice, JsValue> {
        Ok(Voice(Module::load(VOICE).await?))
    }

    fn call(&self, name: &str, args: &[&JsValue]) -> JsValue {
        self.0.call(name, args).unwrap_or(JsValue::UNDEFINED)
    }

    /// Whether this device has a Chinese voice.
    pub fn ready(&self) -> bool {
        self.call("voiceReady", &[]).is_truthy()
    }

    /// Calls `f` whenever the device's list of voices changes.
    pub fn watch(&self, f: &Closure<dyn FnMut()>) {
        self.call("watchVoices", &[f.as_ref()]);
    }

    pub fn unwatch(&self, f: &Closure<dyn FnMut()>) {
        self.call("unwatchVoices", &[f.as_ref()]);
    }

    /// Says `text`, cutting off what was being said.
    pub fn say(&self, text: &str) {
        self.call("say", &[&text.into()]);
    }

    /// Stops speaking.
    pub fn hush(&self) {
        self.call("hush", &[]);
    }

    /// The text of the elements `selector` finds, in the page's order.
    pub fn shown_text(&self, selector: &str) -> String {
        self.call("shownText", &[&selector.into()])
            .as_string()
            .unwrap_or_default()
    }

    /// What a control says: group, name, typed value, state (in the words given: chosen,
    /// unchosen, a switch on, off); after a tap, its section's count and refusal too.
    pub fn control_text(&self, el: &JsValue, after: bool, words: [&str; 4]) -> String {
        let [chosen, unchosen, on, off] = words.map(JsValue::from);
        self.call(
            "controlText",
            &[el, &after.into(), &chosen, &unchosen, &on, &off],
        )
        .as_string()
        .unwrap_or_default()
    }
}
