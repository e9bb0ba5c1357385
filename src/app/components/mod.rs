//! Small components: plain data in, callbacks out. Only `pin_dialog` reads the app state.

pub mod category_picker;
pub mod dialog;
pub mod evaluation_form;
pub mod notice;
pub mod pin_dialog;
pub mod recommendation_form;
pub mod results_tables;
pub mod review;
