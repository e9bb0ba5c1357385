//! The XLSX module: the results module hands it the rows (JSON) and gets the file's bytes.

use ballot_report::export::Cell;
use wasm_bindgen::prelude::*;

fn main() {}

#[wasm_bindgen]
pub fn xlsx(rows: &str, sheet: &str) -> Result<Vec<u8>, JsValue> {
    let rows: Vec<Vec<Cell>> =
        serde_json::from_str(rows).map_err(|e| JsValue::from_str(&e.to_string()))?;
    ballot_report::xlsx::workbook(&rows, sheet).map_err(|e| JsValue::from_str(&e))
}
