//! The camera and photos, as pixels (`camera.js`): for the studio's QR reader and a count's
//! ballot reader (拍照计票). Both readers are modules loaded on demand; this is only the
//! glue that hands them frames.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/camera.js")]
extern "C" {
    /// Starts the back camera in `video` (a `<video>`), at its best resolution when `hd`;
    /// rejects with the browser's reason.
    #[wasm_bindgen(catch, js_name = startCamera)]
    pub async fn start_camera(video: &web_sys::Element, hd: bool) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = stopCamera)]
    pub fn stop_camera(video: &web_sys::Element);
    /// `[rgba, width, height]` of the current frame, or null before the first.
    #[wasm_bindgen(js_name = videoFrame)]
    pub fn video_frame(video: &web_sys::Element, max_side: u32) -> JsValue;
    /// `[rgba, width, height]` of a photo file; rejects when it is not an image.
    #[wasm_bindgen(catch, js_name = imageFile)]
    pub async fn image_file(file: &JsValue, max_side: u32) -> Result<JsValue, JsValue>;
    pub async fn sleep(ms: u32);
    /// Draws a frame and a ballot reader's answer (its boxes) into `canvas`.
    #[wasm_bindgen(js_name = showReading)]
    pub fn show_reading(canvas: &web_sys::Element, frame: &JsValue, answer: &str);
}

/// What a rejected promise or a thrown error says.
pub fn reason(e: &JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default()
}
