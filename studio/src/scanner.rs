//! Reading QR codes: with the camera (a phone held up to another device's screen), or from
//! a photo of the code. The reader (rqrr) is a module of its own, fetched the first time.
//! Each code read is handed to `on_code`; with `once` the camera stops after the first one,
//! otherwise it keeps reading (a result may come as several codes) until stopped.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlVideoElement};
use yew::prelude::*;

use ballot_ui::camera::{image_file, reason, sleep, start_camera, stop_camera};

/// Frames for the QR reader: enough for a code held up to the camera.
const MAX_SIDE: u32 = 800;

fn video_frame(video: &HtmlVideoElement) -> JsValue {
    ballot_ui::camera::video_frame(video, MAX_SIDE)
}

/// The text of a QR code in `[rgba, width, height]`, read by the scan module.
async fn decode(pixels: &JsValue) -> Result<Option<String>, JsValue> {
    let module = ballot_ui::modules::load(ballot_ui::modules::SCAN).await?;
    let decode: js_sys::Function = js_sys::Reflect::get(&module, &"decode".into())?.dyn_into()?;
    let parts: js_sys::Array = pixels.clone().dyn_into()?;
    let text = decode.call3(&JsValue::NULL, &parts.get(0), &parts.get(1), &parts.get(2))?;
    Ok(text.as_string())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Camera {
    Off,
    Starting,
    Scanning,
}

#[derive(Properties, PartialEq)]
pub struct ScannerProps {
    pub on_code: Callback<String>,
    /// Stop after the first code.
    #[prop_or_default]
    pub once: bool,
}

#[component]
pub fn Scanner(props: &ScannerProps) -> Html {
    let t = crate::platform::lang().studio();
    let once = props.once;
    let video = use_node_ref();
    let photo = use_node_ref();
    let camera = use_state(|| Camera::Off);
    let message = use_state(|| None::<String>);
    // Set when the view goes away: the scanning loop ends and the camera is stopped.
    let alive = use_memo((), |_| Rc::new(Cell::new(true)));
    {
        let (alive, video) = (alive.clone(), video.clone());
        use_effect_with((), move |_| {
            move || {
                alive.set(false);
                if let Some(v) = video.cast::<HtmlVideoElement>() {
                    stop_camera(&v);
                }
            }
        });
    }
    let start = {
        let (video, camera, message, alive, on_code) = (
            video.clone(),
            camera.clone(),
            message.clone(),
            alive.clone(),
            props.on_code.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(v) = video.cast::<HtmlVideoElement>() else {
                return;
            };
            let (camera, message, alive, on_code) = (
                camera.clone(),
                message.clone(),
                alive.clone(),
                on_code.clone(),
            );
            camera.set(Camera::Starting);
            message.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = start_camera(&v, false).await {
                    camera.set(Camera::Off);
                    message.set(Some((t.camera_failed)(&reason(&e))));
                    return;
                }
                camera.set(Camera::Scanning);
                let mut last = String::new();
                while alive.get() && v.src_object().is_some() {
                    let frame = video_frame(&v);
                    if !frame.is_null() {
                        match decode(&frame).await {
                            Ok(Some(text)) if once => {
                                stop_camera(&v);
                                on_code.emit(text);
                                return;
                            }
                            // The same code stays in view for many frames: once is enough.
                            Ok(Some(text)) if text != last => {
                                last = text.clone();
                                on_code.emit(text);
                            }
                            Ok(Some(_)) => {}
                            Ok(None) => {}
                            Err(e) => {
                                stop_camera(&v);
                                camera.set(Camera::Off);
                                message.set(Some((t.scan_failed)(&reason(&e))));
                                return;
                            }
                        }
                    }
                    sleep(250).await;
                }
            });
        })
    };
    let stop = {
        let (video, camera) = (video.clone(), camera.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(v) = video.cast::<HtmlVideoElement>() {
                stop_camera(&v);
            }
            camera.set(Camera::Off);
        })
    };
    let choose_photo = {
        let photo = photo.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = photo.cast::<HtmlInputElement>() {
                i.set_value("");
                i.click();
            }
        })
    };
    let on_photo = {
        let (message, on_code) = (message.clone(), props.on_code.clone());
        Callback::from(move |e: Event| {
            let Some(file) = e
                .target_dyn_into::<HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            let (message, on_code) = (message.clone(), on_code.clone());
            message.set(Some(t.scan_reading.to_string()));
            wasm_bindgen_futures::spawn_local(async move {
                let read = match image_file(&file, MAX_SIDE).await {
                    Ok(pixels) => decode(&pixels).await,
                    Err(_) => {
                        message.set(Some(t.photo_unreadable.to_string()));
                        return;
                    }
                };
                match read {
                    Ok(Some(text)) => {
                        message.set(None);
                        on_code.emit(text);
                    }
                    Ok(None) => message.set(Some(t.no_code_in_photo.to_string())),
                    Err(e) => message.set(Some((t.scan_failed)(&reason(&e)))),
                }
            });
        })
    };
    let on = *camera != Camera::Off;
    html! {
        <div class="scanner">
            <div class="camera" hidden={!on}>
                <video ref={video} aria-label={t.camera_label} playsinline=true></video>
            </div>
            <p role="status">
                { match *camera {
                    Camera::Starting => t.camera_starting,
                    Camera::Scanning => t.camera_scanning,
                    Camera::Off => "",
                } }
            </p>
            if let Some(m) = &*message {
                <p class="field-error" role="alert">{ m }</p>
            }
            <div class="actions">
                if on {
                    <button onclick={stop}>{ t.camera_stop }</button>
                } else {
                    <button class="primary" onclick={start}>{ t.camera_start }</button>
                }
                <button onclick={choose_photo}>{ t.scan_photo }</button>
                <input ref={photo} type="file" accept="image/*" hidden=true onchange={on_photo} />
            </div>
        </div>
    }
}
