//! Small components and view functions: plain data in, callbacks out. Only `pin_dialog`
//! reads the app state. Stateless pieces shown once per step are plain functions returning
//! `Html`: each `#[component]` adds its own lifecycle code to the wasm.

pub mod category_picker;
pub mod dialog;
pub mod evaluation_form;
pub mod notice;
pub mod pin_dialog;
pub mod recommendation_form;
pub mod results_tables;
pub mod review;
