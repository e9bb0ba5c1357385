//! The pieces pages are made of. Most are view functions: borrowed data in, callbacks out,
//! `Html` back. A `#[component]` is used only where a piece has state of its own
//! (`pin_dialog`: its field and focus); each component adds its own lifecycle code to the
//! wasm, and the first-load budget counts every kilobyte (`./scripts/bench`).

pub mod camera;
pub mod category_picker;
pub mod dialog;
pub mod form;
pub mod lang_switch;
pub mod large_switch;
pub mod module_view;
pub mod notice;
pub mod paper_pad;
pub mod pin_dialog;
pub mod rehearsal;
pub mod review;
pub mod voice;
