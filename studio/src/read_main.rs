//! ballot-read: 拍照计票's module, fetched the first time a count's camera is turned on;
//! never part of the first load. It reads a photo or camera frame of a printed 读票版 ballot
//! and answers with the ballot it proposes (`ballot_core::omr::seen`), and it holds the
//! camera's page glue (`ballot_ui::camera`), so that none of it is in the app's first load:
//! the app calls these functions by name (`src/app/components/camera.rs`).

use wasm_bindgen::prelude::*;

fn main() {}

/// Starts the back camera in `video`; rejects with the browser's reason.
#[wasm_bindgen(js_name = startCamera)]
pub async fn start_camera(video: web_sys::Element) -> Result<JsValue, JsValue> {
    ballot_ui::camera::start_camera(&video, true).await
}

#[wasm_bindgen(js_name = stopCamera)]
pub fn stop_camera(video: web_sys::Element) {
    ballot_ui::camera::stop_camera(&video)
}

/// `[rgba, width, height]` of `video`'s current frame, at most `max_side` pixels a side;
/// null before the first frame.
#[wasm_bindgen(js_name = videoFrame)]
pub fn video_frame(video: web_sys::Element, max_side: u32) -> JsValue {
    ballot_ui::camera::video_frame(&video, max_side)
}

/// `[rgba, width, height]` of a photo file; rejects when it is not an image.
#[wasm_bindgen(js_name = imageFile)]
pub async fn image_file(file: JsValue, max_side: u32) -> Result<JsValue, JsValue> {
    ballot_ui::camera::image_file(&file, max_side).await
}

/// A promise resolved after `ms` milliseconds: the camera loop's pace.
#[wasm_bindgen]
pub async fn sleep(ms: u32) {
    ballot_ui::camera::sleep(ms).await
}

/// Draws `frame` with the boxes of `answer` (as [`read`] gave it) into `canvas`.
#[wasm_bindgen(js_name = showReading)]
pub fn show_reading(canvas: web_sys::Element, frame: JsValue, answer: &str) {
    ballot_ui::camera::show_reading(&canvas, &frame, answer)
}

/// The answer for one frame (`[rgba, width, height]`) as JSON
/// ([`ballot_core::omr::seen::Seen`]). `template` is the count's template as stored;
/// `category` the count's voter category, or a negative number for none; `test` whether the
/// count is a rehearsal (测试模式: only then is a test deck's sheet read).
#[wasm_bindgen]
pub fn read(frame: JsValue, template: &str, category: i32, test: bool) -> String {
    use ballot_core::omr::seen::{seen, NotSeen, Seen};
    use wasm_bindgen::JsCast;
    let answer = (|| {
        let parts: js_sys::Array = frame.dyn_into().ok()?;
        let rgba = parts
            .get(0)
            .dyn_into::<js_sys::Uint8ClampedArray>()
            .ok()?
            .to_vec();
        let w = usize::try_from(parts.get(1).as_f64()? as u32).ok()?;
        let h = usize::try_from(parts.get(2).as_f64()? as u32).ok()?;
        let img = ballot_core::omr::image::Gray::from_rgba(w, h, &rgba)?;
        let t = ballot_core::Template::parse(template).ok()?;
        let fingerprint = ballot_core::fingerprint(&t);
        Some(seen(
            &t,
            &fingerprint,
            u16::try_from(category).ok(),
            test,
            &img,
        ))
    })();
    // Pixels that are not an image, or a template that does not read: no sheet in view.
    let answer = answer.unwrap_or_else(|| Seen::not(NotSeen::NoSheet));
    serde_json::to_string(&answer).unwrap_or_default()
}

// See the app's main.rs: the smaller allocator.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
