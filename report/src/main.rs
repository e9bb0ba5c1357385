//! The wasm entry points of the results module. The app imports this module on demand and
//! calls [`render`] and [`download_csv`] with the JSON input described in `lib.rs`.

use ballot_report::{csv_out, render as layout, Input, Mode};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn main() {}

fn read(input: &str) -> Result<Input, JsValue> {
    Input::read(input).map_err(|e| JsValue::from_str(&e.message()))
}

/// The HTML of `mode` ("page", "board" or "announce"); an error message when the input is
/// not readable.
#[wasm_bindgen]
pub fn render(input: &str, mode: &str) -> Result<String, JsValue> {
    let mode = Mode::parse(mode).ok_or_else(|| JsValue::from_str("unknown mode"))?;
    let mut input = read(input)?;
    if input.date.is_empty() {
        input.date = today();
    }
    Ok(layout(&input, mode))
}

/// Saves the results as a CSV file (the browser's download).
#[wasm_bindgen]
pub fn download_csv(input: &str) -> Result<String, JsValue> {
    let mut input = read(input)?;
    if input.date.is_empty() {
        input.date = today();
    }
    let text = csv_out::csv(&input);
    let name = (ballot_core::i18n::report::ZH_CN.csv_name)(&input.template.spec().title);
    download(&name, &text, "text/csv;charset=utf-8")?;
    Ok(name)
}

/// 2026年11月22日, in the browser's time zone.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{}年{}月{}日",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

fn download(name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
