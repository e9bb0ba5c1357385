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

/// This device's voice, as the voter screen knows it.
#[derive(Clone, PartialEq)]
enum Device {
    /// The voice module is being fetched.
    Loading,
    /// It could not be fetched (offline before it was ever cached).
    Unavailable,
    /// `chinese`: the device has a Chinese voice (looked at again when its voices change).
    Loaded { voice: Voice, chinese: bool },
}

/// The loaded voice and the listener for its device's voices, kept while the screen is up.
type Watching = Option<(Voice, Closure<dyn FnMut()>)>;

/// The words a control's state is said in (from the ballot catalogue): chosen, unchosen,
/// a switch on, off.
pub type StateWords = [&'static str; 4];

/// The switch, beside 长辈版: its state said by its role and a ✓, never by colour alone.
/// Where the device has no Chinese voice it says so (`none`) and cannot be turned on.
pub fn voice_switch(r: &Reading, label: &'static str, none: &'static str) -> Html {
    let on = r.on;
    let toggle = r.on_toggle.reform(move |_: MouseEvent| !on);
    html! {
        <button class="large-switch" role="switch" aria-checked={if on { "true" } else { "false" }}
            disabled={!r.available} onclick={toggle}>
            <span class="switch-box" aria-hidden="true">{ if on { "✓" } else { "" } }</span>
            { if r.available || r.loading { label } else { none } }
        </button>
    }
}

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

/// The voice's part of the voter screen: the switch's state, and the two listeners for the
/// page's wrapper (a control focused; a control tapped, said once the screen shows its new
/// state).
pub struct Reading {
    /// The voice is on: the voter turned it on and the device can speak.
    pub on: bool,
    pub available: bool,
    pub loading: bool,
    pub on_toggle: Callback<bool>,
    pub onfocusin: Callback<FocusEvent>,
    pub onclick: Callback<MouseEvent>,
}

/// `on`: the voter's switch; `stage` and `asked_idle`: what the screen shows; `activity`:
/// bumped by every tap of the voter, so a tapped control is said after the screen is drawn.
#[hook]
pub fn use_reading(
    on: bool,
    stage: Stage,
    asked_idle: bool,
    activity: u32,
    words: StateWords,
    on_toggle: Callback<bool>,
) -> Reading {
    let device = use_state(|| Device::Loading);
    {
        let device = device.clone();
        use_effect_with((), move |_| {
            let alive = Rc::new(Cell::new(true));
            let watching: Rc<RefCell<Watching>> = Rc::default();
            {
                let (alive, watching) = (alive.clone(), watching.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let Ok(voice) = Voice::load().await else {
                        device.set(Device::Unavailable);
                        return;
                    };
                    if !alive.get() {
                        return;
                    }
                    let chinese = voice.ready();
                    device.set(Device::Loaded {
                        voice: voice.clone(),
                        chinese,
                    });
                    let changed = {
                        let voice = voice.clone();
                        Closure::<dyn FnMut()>::new(move || {
                            device.set(Device::Loaded {
                                voice: voice.clone(),
                                chinese: voice.ready(),
                            })
                        })
                    };
                    voice.watch(&changed);
                    *watching.borrow_mut() = Some((voice, changed));
                });
            }
            move || {
                alive.set(false);
                if let Some((voice, changed)) = watching.borrow_mut().take() {
                    voice.unwatch(&changed);
                    voice.hush();
                }
            }
        });
    }
    let voice = match &*device {
        Device::Loaded {
            voice,
            chinese: true,
        } => Some(voice.clone()),
        _ => None,
    };
    let available = voice.is_some();
    let on = on && available;
    let tapped = use_mut_ref(|| None::<JsValue>);
    // The screen as it now is, when the voice is turned on or the screen changes; silence
    // when it is turned off, and when the voter screen is left.
    {
        let voice = voice.clone();
        use_effect_with((on, stage, asked_idle), move |(on, stage, asked_idle)| {
            if let Some(v) = &voice {
                match screen_parts(stage, *asked_idle) {
                    Some(parts) if *on => v.say(&v.shown_text(parts)),
                    _ => v.hush(),
                }
            }
            move || {
                if let Some(v) = voice {
                    v.hush();
                }
            }
        });
    }
    {
        let tapped = tapped.clone();
        let voice = voice.clone();
        use_effect_with(activity, move |_| {
            let target = tapped.borrow_mut().take();
            if let (Some(target), Some(v), true) = (target, voice, on) {
                let said = v.control_text(&target, true, words);
                if !said.is_empty() {
                    v.say(&said);
                }
            }
        });
    }
    let onfocusin = {
        let voice = voice.clone();
        Callback::from(move |e: FocusEvent| {
            if let (Some(target), Some(v), true) = (e.target(), &voice, on) {
                v.say(&v.control_text(&target.into(), false, words));
            }
        })
    };
    // Kept for the effect above, which says it only if it is a ballot's mark.
    let onclick = Callback::from(move |e: MouseEvent| {
        if on {
            *tapped.borrow_mut() = e.target().map(JsValue::from);
        }
    });
    Reading {
        on,
        available,
        loading: *device == Device::Loading,
        on_toggle,
        onfocusin,
        onclick,
    }
}
