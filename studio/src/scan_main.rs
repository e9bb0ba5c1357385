//! ballot-scan: reads QR codes from the pixels of a camera frame or a photo (rqrr, through
//! `ballot_core::qr`). A module of its own, about 90 KB, fetched by the studio the first
//! time a code is scanned; never part of the first load or of the studio itself.

use wasm_bindgen::prelude::*;

fn main() {}

/// The text of the first QR code found in an RGBA image (a canvas's `ImageData`), if any.
#[wasm_bindgen]
pub fn decode(rgba: &[u8], width: u32, height: u32) -> Option<String> {
    let (w, h) = (usize::try_from(width).ok()?, usize::try_from(height).ok()?);
    ballot_core::qr::read_rgba(rgba, w, h).into_iter().next()
}

// See the app's main.rs: the smaller allocator.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
