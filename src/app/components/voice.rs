//! 语音朗读 (voice reading) on the voter screen: with the voter's switch on, the device's
//! Chinese voice says the ballot's title and instructions, each name or level as it is
//! focused or tapped with its new state and the section's count, the review, and 「已投票」.
//! The voice's JS is a module fetched when the voter screen is first shown
//! (`ballot_ui::voice`), never on the first load.
//!
//! Invariant: nothing is spoken unless the voter of this ballot turned the switch on. The
//! switch is the draft's (`Draft::voice`): every new ballot starts with it off (the next
//! voter, a ballot cleared when left unattended), and whatever is being said stops when it
//! goes off or the voter screen is left.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ballot_ui::voice::Voice;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::app::state::Stage;

thread_local! {
    /// The voice module, once fetched (kept for the app's lifetime: it is small).
    static VOICE: RefCell<Option<Voice>> = const { RefCell::new(None) };
}

/// The voice, if it is fetched and the device has a Chinese voice now.
fn voice() -> Option<Voice> {
    VOICE.with(|v| v.borrow().clone()).filter(Voice::ready)
}

/// This device's voice, as the switch knows it.
#[derive(Clone, Copy, PartialEq)]
enum Device {
    /// The voice module is being fetched.
    Loading,
    /// Fetched: whether the device has a Chinese voice (looked at again when its voices
    /// change). Not fetched (offline before it was ever cached): none.
    Chinese(bool),
}

/// The words a control's state is said in (from the ballot catalogue): chosen, unchosen,
/// a switch on, off.
pub type StateWords = [&'static str; 4];

#[derive(Properties, PartialEq)]
pub struct SwitchProps {
    /// The voter's choice (`Draft::voice`).
    pub on: bool,
    pub label: &'static str,
    /// What the switch says where the device has no Chinese voice.
    pub none: &'static str,
    pub on_toggle: Callback<bool>,
}

/// The switch, beside 长辈版: its state said by its role and a ✓, never by colour alone.
/// Where the device has no Chinese voice it says so and cannot be turned on.
///
/// A component of its own: the voice module arriving, or the device's voices changing,
/// redraws the switch alone. Redrawing the voter screen would set its write-in cells back
/// to the ballot's text and lose what a voter is typing (a cell's text reaches the ballot
/// when it is left).
#[component]
pub fn VoiceSwitch(p: &SwitchProps) -> Html {
    let device = use_state(|| match voice() {
        Some(_) => Device::Chinese(true),
        None => Device::Loading,
    });
    {
        let device = device.clone();
        use_effect_with((), move |_| {
            let alive = Rc::new(Cell::new(true));
            let watching: Rc<RefCell<Watching>> = Rc::default();
            {
                let (alive, watching) = (alive.clone(), watching.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = match VOICE.with(|v| v.borrow().clone()) {
                        Some(v) => Ok(v),
                        None => Voice::load().await,
                    };
                    let Ok(v) = loaded else {
                        device.set(Device::Chinese(false));
                        return;
                    };
                    VOICE.with(|slot| *slot.borrow_mut() = Some(v.clone()));
                    if !alive.get() {
                        return;
                    }
                    device.set(Device::Chinese(v.ready()));
                    let changed = {
                        let v = v.clone();
                        Closure::<dyn FnMut()>::new(move || device.set(Device::Chinese(v.ready())))
                    };
                    v.watch(&changed);
                    *watching.borrow_mut() = Some((v, changed));
                });
            }
            move || {
                alive.set(false);
                if let Some((v, changed)) = watching.borrow_mut().take() {
                    v.unwatch(&changed);
                }
            }
        });
    }
    let available = *device == Device::Chinese(true);
    let on = p.on && available;
    let toggle = p.on_toggle.reform(move |_: MouseEvent| !on);
    html! {
        <button class="large-switch" role="switch" aria-checked={if on { "true" } else { "false" }}
            disabled={!available} onclick={toggle}>
            <span class="switch-box" aria-hidden="true">{ if on { "✓" } else { "" } }</span>
            { if available || *device == Device::Loading { p.label } else { p.none } }
        </button>
    }
}

/// The loaded voice and the listener for its device's voices, kept while the switch is up.
type Watching = Option<(Voice, Closure<dyn FnMut()>)>;

/// What the screen says when it changes, while the voice is on: the parts of the page the
/// voter needs to hear first, in the page's order. Nothing while the ballot is being
/// stored: 「已投票」 comes next.
fn screen_parts(stage: &Stage, asked_idle: bool) -> Option<&'static str> {
    if asked_idle {
        return Some(".dialog");
    }
    Some(match stage {
        Stage::ChoosingCategory => ".vote h1, .category-picker",
        Stage::Filling => {
            ".vote h1, .vote .category-line, .vote .notes, .ballot-section h2, .ballot-section .instructions, .ballot-section .counter"
        }
        Stage::Storing => return None,
        Stage::Review => ".review",
        Stage::Recorded => ".recorded h2",
        Stage::NotRecorded => ".dialog",
    })
}

/// The voice's part of the voter screen: the two listeners for the page's wrapper (a
/// control focused; a control tapped, said once the screen shows its new state).
pub struct Reading {
    pub onfocusin: Callback<FocusEvent>,
    pub onclick: Callback<MouseEvent>,
}

/// `on`: the voter's switch; `stage` and `asked_idle`: what the screen shows; `activity`:
/// bumped by every tap of the voter, so a tapped control is said after the screen is drawn.
/// Nothing is said without the voice (`voice()`), whatever `on` says.
#[hook]
pub fn use_reading(
    on: bool,
    stage: Stage,
    asked_idle: bool,
    activity: u32,
    words: StateWords,
) -> Reading {
    let tapped = use_mut_ref(|| None::<JsValue>);
    // The screen as it now is, when the voice is turned on or the screen changes; silence
    // when it is turned off, and when the voter screen is left.
    use_effect_with((on, stage, asked_idle), |(on, stage, asked_idle)| {
        if let Some(v) = voice() {
            match screen_parts(stage, *asked_idle) {
                Some(parts) if *on => v.say(&v.shown_text(parts)),
                _ => v.hush(),
            }
        }
        || {
            if let Some(v) = VOICE.with(|v| v.borrow().clone()) {
                v.hush();
            }
        }
    });
    {
        let tapped = tapped.clone();
        use_effect_with(activity, move |_| {
            let target = tapped.borrow_mut().take();
            if let (Some(target), Some(v), true) = (target, voice(), on) {
                let said = v.control_text(&target, true, words);
                if !said.is_empty() {
                    v.say(&said);
                }
            }
        });
    }
    let onfocusin = Callback::from(move |e: FocusEvent| {
        if let (Some(target), true) = (e.target(), on) {
            if let Some(v) = voice() {
                v.say(&v.control_text(&target.into(), false, words));
            }
        }
    });
    // Kept for the effect above, which says it only if it is a ballot's mark.
    let onclick = Callback::from(move |e: MouseEvent| {
        if on {
            *tapped.borrow_mut() = e.target().map(JsValue::from);
        }
    });
    Reading { onfocusin, onclick }
}
