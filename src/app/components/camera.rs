//! 拍照计票: the phone's camera reads each printed 读票版 ballot held under it. The reader
//! is a module of its own (`ballot-read`), fetched the first time the camera is turned on.
//!
//! The camera stays on. A ballot is taken when two frames in a row show the same ballot in
//! the same place (held still); its reading is then drawn on its picture and put on the pad
//! (`CountAction::CameraRead`), where the counter checks it, decides what the reader left
//! open, and enters it with 下一张 as any ballot. Until then no other reading is taken. After
//! a ballot is entered, the next reading is taken only once the sheet has left the view or
//! another ballot is under the camera: the same sheet is never read twice.
//!
//! No picture is kept: the frame drawn is replaced by the next, and the images of what the
//! counter decides go with the ballot on the pad.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ballot_core::omr::propose::Proposal;
use ballot_core::omr::seen::{NotSeen, Seen};
use ballot_ui::modules::Module;
use wasm_bindgen::{JsCast, JsValue};

use yew::prelude::*;

use crate::app::state::{Action, CountAction};
use crate::app::AppHandle;

/// Frames are read at most this many pixels a side: a 12 mm box is then some 30 pixels.
const MAX_SIDE: u32 = 1280;
/// How far the sheet's corners may move between two frames of a ballot held still, as a
/// share of the picture.
const STILL: f32 = 0.015;

#[derive(Properties, PartialEq)]
pub struct CameraProps {
    pub app: AppHandle,
    /// The count's template as stored, and its voter category: what the reader reads.
    pub template: AttrValue,
    pub category: Option<u16>,
    /// A count in 测试模式: only it reads a test deck's sheets.
    pub test: bool,
    /// Whether a ballot the camera read is on the pad.
    pub drafting: bool,
    /// Whether the pad takes a reading (`Counting::takes_reading`). A reading sent while a
    /// step is being stored is not taken (the reducer waits for it); the loop reads again.
    pub free: bool,
    /// The number the next ballot entered gets: it moves on when a ballot is entered.
    pub next_seq: u32,
    /// 关闭相机: the page stops showing the panel.
    pub on_close: Callback<()>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Camera {
    Off,
    Starting,
    On,
}

/// What the reading loop and the view share.
#[derive(Default)]
struct Shared {
    /// The view is gone: every loop ends.
    gone: Cell<bool>,
    /// Each start of the camera is a new run; a loop of an earlier run ends.
    run: Cell<u32>,
    /// A ballot the camera read is on the pad (the app's state, as last drawn).
    drafting: Cell<bool>,
    /// The pad is free for a reading (as last drawn).
    free: Cell<bool>,
    /// The next ballot's number (as last drawn), and what it was when the last reading was
    /// put on the pad.
    next_seq: Cell<u32>,
    taken_at: Cell<u32>,
    /// The last ballot put on the pad: the next is taken only once it has left the view.
    taken: RefCell<Option<Proposal>>,
    /// The ballot under the camera has not left the view since it was taken.
    waiting_gap: Cell<bool>,
    /// The read module, once loaded.
    reader: RefCell<Option<Reader>>,
    /// What the status line says now, as the loop last set it.
    said: RefCell<String>,
}

/// The read module (`studio/src/read_main.rs`): the reader and the camera's page glue,
/// called by name, so that none of it is in the app's first load.
#[derive(Clone, PartialEq)]
struct Reader(Module);

impl Reader {
    async fn load() -> Result<Reader, JsValue> {
        Ok(Reader(Module::load(ballot_ui::modules::READ).await?))
    }

    fn call(&self, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
        self.0.call(name, args)
    }

    async fn wait(&self, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
        self.0.wait(name, args).await
    }

    async fn sleep(&self, ms: u32) {
        let _ = self.wait("sleep", &[&ms.into()]).await;
    }

    fn stop(&self, video: &web_sys::Element) {
        let _ = self.call("stopCamera", &[video]);
    }

    /// `[rgba, width, height]` of the current frame, or null.
    fn frame(&self, video: &web_sys::Element) -> JsValue {
        self.call("videoFrame", &[video, &MAX_SIDE.into()])
            .unwrap_or(JsValue::NULL)
    }

    /// The module's answer for one frame, as JSON and read.
    fn answer(
        &self,
        frame: &JsValue,
        template: &str,
        category: Option<u16>,
        test: bool,
    ) -> Option<(String, Seen)> {
        let category = JsValue::from(category.map_or(-1, i32::from));
        let args = [frame, &template.into(), &category, &JsValue::from(test)];
        let json = (self.call("read", &args).ok()?).as_string()?;
        let seen = serde_json::from_str(&json).ok()?;
        Some((json, seen))
    }

    fn show(&self, canvas: &web_sys::Element, frame: &JsValue, json: &str) {
        let _ = self.call("showReading", &[canvas, frame, &json.into()]);
    }
}

/// What a rejected promise or a thrown error says.
fn reason(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default()
}

#[component]
pub fn CameraPanel(props: &CameraProps) -> Html {
    let b = props.app.lang.ballot();
    let video = use_node_ref();
    let picture = use_node_ref();
    let photo = use_node_ref();
    let camera = use_state(|| Camera::Off);
    let status = use_state(|| None::<String>);
    // The picture with its reading is shown while its ballot is on the pad.
    let shown = use_state(|| false);
    let shared = use_memo((), |_| Shared::default());
    {
        let shared = shared.clone();
        let (shown, status) = (shown.clone(), status.clone());
        use_effect_with(
            (props.drafting, props.free, props.next_seq),
            move |&(drafting, free, next_seq)| {
                shared.free.set(free);
                shared.next_seq.set(next_seq);
                let was = shared.drafting.replace(drafting);
                if was && !drafting {
                    // Entered: the next reading waits for the sheet to leave. Dropped (清空本张):
                    // the same sheet may be read again. 「已读出」 no longer holds either way;
                    // the loop says what it sees next.
                    shared.waiting_gap.set(next_seq != shared.taken_at.get());
                    shown.set(false);
                    status.set(None);
                    shared.said.replace(String::new());
                }
            },
        );
    }
    {
        let (shared, video) = (shared.clone(), video.clone());
        use_effect_with((), move |_| {
            move || {
                shared.gone.set(true);
                if let (Some(v), Some(r)) =
                    (video.cast::<web_sys::Element>(), &*shared.reader.borrow())
                {
                    r.stop(&v);
                }
            }
        });
    }
    let dispatch = props.app.dispatcher();
    // Shows a reading and puts its ballot on the pad.
    let take = {
        let (dispatch, picture, shown, shared) = (
            dispatch.clone(),
            picture.clone(),
            shown.clone(),
            shared.clone(),
        );
        Rc::new(
            move |reader: &Reader, frame: &JsValue, json: &str, seen: Seen| {
                let Some(proposal) = seen.proposal else {
                    return;
                };
                if let Some(c) = picture.cast::<web_sys::Element>() {
                    reader.show(&c, frame, json);
                }
                shown.set(true);
                shared.taken.replace(Some(proposal.clone()));
                shared.taken_at.set(shared.next_seq.get());
                dispatch.dispatch(Action::Count(CountAction::CameraRead {
                    proposal,
                    images: seen.images,
                }));
            },
        )
    };
    let start = {
        let (video, camera, status, shared, take) = (
            video.clone(),
            camera.clone(),
            status.clone(),
            shared.clone(),
            take.clone(),
        );
        let (template, category, test) = (props.template.clone(), props.category, props.test);
        Rc::new(move || {
            let Some(v) = video.cast::<web_sys::Element>() else {
                return;
            };
            let (camera, status, shared, take, template) = (
                camera.clone(),
                status.clone(),
                shared.clone(),
                take.clone(),
                template.clone(),
            );
            camera.set(Camera::Starting);
            status.set(Some(b.camera_starting.to_string()));
            let run = shared.run.get().wrapping_add(1);
            shared.run.set(run);
            wasm_bindgen_futures::spawn_local(async move {
                let reader = match Reader::load().await {
                    Ok(reader) => reader,
                    Err(e) => {
                        camera.set(Camera::Off);
                        status.set(Some((b.camera_unavailable)(&reason(&e))));
                        return;
                    }
                };
                shared.reader.replace(Some(reader.clone()));
                if let Err(e) = reader.wait("startCamera", &[&v]).await {
                    camera.set(Camera::Off);
                    status.set(Some((b.camera_failed)(&reason(&e))));
                    return;
                }
                camera.set(Camera::On);
                let mut last: Option<Seen> = None;
                let say = |text: &str| {
                    if *shared.said.borrow() != text {
                        shared.said.replace(text.to_string());
                        status.set(Some(text.to_string()));
                    }
                };
                while !shared.gone.get() && shared.run.get() == run {
                    let frame = reader.frame(&v);
                    if frame.is_null() {
                        // No frame yet.
                        reader.sleep(200).await;
                        continue;
                    }
                    if shared.drafting.get() || !shared.free.get() {
                        // A reading on the pad, or the counter's own taps: nothing is read
                        // over them.
                        say(if shared.drafting.get() {
                            b.camera_done
                        } else {
                            b.camera_busy
                        });
                        last = None;
                        reader.sleep(250).await;
                        continue;
                    }
                    let Some((json, seen)) = reader.answer(&frame, &template, category, test)
                    else {
                        reader.sleep(250).await;
                        continue;
                    };
                    if seen.proposal.is_none() {
                        if seen.not == Some(NotSeen::NoSheet) {
                            shared.waiting_gap.set(false);
                        }
                        say((b.camera_not_seen)(seen.not.unwrap_or(NotSeen::NoSheet)));
                        last = None;
                    } else if shared.waiting_gap.get() && *shared.taken.borrow() == seen.proposal {
                        say(b.camera_next);
                        last = None;
                    } else if last.as_ref().is_some_and(|l| l.steady_with(&seen, STILL)) {
                        shared.waiting_gap.set(false);
                        say(b.camera_done);
                        take(&reader, &frame, &json, seen);
                        last = None;
                        // The reducer takes it only on an empty pad with nothing being
                        // stored: if it did not, the loop reads on.
                        reader.sleep(400).await;
                        continue;
                    } else {
                        say(b.camera_hold);
                        last = Some(seen);
                    }
                    reader.sleep(150).await;
                }
            });
        })
    };
    // Turned on as soon as it is shown (the counter tapped 拍照计票).
    {
        let start = start.clone();
        use_effect_with((), move |_| start());
    }
    // Closing the panel unmounts it: the camera stops and the loop ends.
    let stop = props.on_close.reform(|_: MouseEvent| ());
    let retry = {
        let start = start.clone();
        Callback::from(move |_: MouseEvent| start())
    };
    let choose_photo = {
        let photo = photo.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = photo.cast::<web_sys::HtmlInputElement>() {
                i.set_value("");
                i.click();
            }
        })
    };
    let on_photo = {
        let (status, take) = (status.clone(), take.clone());
        let (template, category, test) = (props.template.clone(), props.category, props.test);
        Callback::from(move |e: Event| {
            let Some(file) = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .and_then(|i| i.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            let (status, take, template) = (status.clone(), take.clone(), template.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let reader = match Reader::load().await {
                    Ok(reader) => reader,
                    Err(e) => {
                        status.set(Some((b.camera_unavailable)(&reason(&e))));
                        return;
                    }
                };
                let Ok(frame) = reader.wait("imageFile", &[&file, &MAX_SIDE.into()]).await else {
                    status.set(Some(b.camera_not_photo.to_string()));
                    return;
                };
                match reader.answer(&frame, &template, category, test) {
                    Some((json, seen)) if seen.proposal.is_some() => {
                        status.set(Some(b.camera_done.to_string()));
                        take(&reader, &frame, &json, seen);
                    }
                    Some((_, seen)) => status.set(Some(
                        (b.camera_not_seen)(seen.not.unwrap_or(NotSeen::NoSheet)).to_string(),
                    )),
                    None => status.set(Some(b.camera_not_photo.to_string())),
                }
            });
        })
    };
    let on = *camera != Camera::Off;
    // The live view while looking for a ballot; the ballot's picture with its reading
    // while it is on the pad.
    let live = on && !(*shown && props.drafting);
    html! {
        <section class="camera-count" aria-label={b.camera_start}>
            <div class="camera" hidden={!live}>
                <video ref={video} aria-label={b.camera_view} playsinline=true></video>
            </div>
            <canvas ref={picture} class="reading" role="img" aria-label={b.camera_picture}
                hidden={!(*shown && props.drafting)}></canvas>
            if let Some(s) = &*status {
                <p class="camera-status" role="status">{ s }</p>
            }
            <div class="actions">
                <button onclick={stop}>{ b.camera_stop }</button>
                if !on {
                    <button class="primary" onclick={retry}>{ b.camera_start }</button>
                }
                <button onclick={choose_photo}>{ b.camera_photo }</button>
                <input ref={photo} type="file" accept="image/*" hidden=true onchange={on_photo} />
            </div>
        </section>
    }
}
