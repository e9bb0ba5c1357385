//! The wasm entry points of the results module. The app imports this module on demand and
//! calls [`show`] with a host element and the JSON input described in `lib.rs`; from then on
//! the module owns that element: it draws the results and answers its buttons (公布结果,
//! 打印报告单, 导出 CSV). Keeping the buttons here keeps their code out of the first load.

use std::cell::RefCell;

use ballot_core::i18n::report::ReportTexts;
use ballot_core::Lang;
use ballot_report::{export, render, Input, Mode};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

fn main() {}

/// Loads the XLSX module (first use only) and writes the rows as a workbook.
async fn write_xlsx(rows: &str, sheet: &str) -> Result<JsValue, JsValue> {
    let module = ballot_ui::modules::load(ballot_ui::modules::XLSX).await?;
    let xlsx: js_sys::Function =
        js_sys::Reflect::get(&module, &JsValue::from_str("xlsx"))?.dyn_into()?;
    xlsx.call2(
        &JsValue::NULL,
        &JsValue::from_str(rows),
        &JsValue::from_str(sheet),
    )
}

thread_local! {
    /// The input of the results on screen (one host at a time).
    static CURRENT: RefCell<Option<Input>> = const { RefCell::new(None) };
    /// One click handler for the host and the 公布 layer, made once.
    static ON_CLICK: Closure<dyn Fn(Event)> = Closure::new(on_click);
    /// Escape closes the 公布 layer, as its button does.
    static ON_KEY: Closure<dyn Fn(web_sys::KeyboardEvent)> = Closure::new(on_key);
}

fn read(input: &str, lang: Lang) -> Result<Input, JsValue> {
    let mut input = Input::read(input).map_err(|e| JsValue::from_str(&e.message(lang)))?;
    input.lang = lang;
    if input.date.is_empty() {
        input.date = today(lang.report());
    }
    Ok(input)
}

/// Draws the results of `mode` ("page" or "board") into `host` and answers its buttons.
#[wasm_bindgen]
pub fn show(host: HtmlElement, input: &str, mode: &str, lang: &str) -> Result<(), JsValue> {
    let mode = Mode::parse(mode).ok_or_else(|| JsValue::from_str("unknown mode"))?;
    let input = read(input, Lang::from_tag(lang))?;
    host.set_inner_html(&render(&input, mode));
    ON_CLICK.with(|h| host.set_onclick(Some(h.as_ref().unchecked_ref())));
    if !input.codes.is_empty() {
        draw_codes(&host, &input.codes);
    } else if let Some(statement) = input.statement() {
        let (host, template) = (host.clone(), input.template.clone());
        wasm_bindgen_futures::spawn_local(async move {
            paper_codes(&host, statement, template).await;
        });
    }
    CURRENT.with(|c| *c.borrow_mut() = Some(input));
    Ok(())
}

/// The printed report's QR code(s): this result signed with the device's key (unsigned
/// when the browser cannot sign: the desk then says so), as a merged result of one.
async fn paper_codes(
    host: &HtmlElement,
    statement: ballot_core::exchange::seal::Statement,
    template: ballot_core::Template,
) {
    use ballot_core::exchange::seal::{Seal, Sealed};
    let seal = ballot_ui::device::sign(&statement.message())
        .await
        .ok()
        .map(|(key, sig)| Seal { key, sig });
    let one = ballot_core::exchange::Received::one(Sealed { statement, seal }, template);
    if let Ok(codes) = one.qr_codes() {
        draw_codes(host, &codes);
    }
}

/// Draws QR codes into the printed report's place for them.
fn draw_codes(host: &HtmlElement, codes: &[String]) {
    let Some(place) = host.query_selector(".rk-qr-codes").ok().flatten() else {
        return;
    };
    let svgs: String = codes
        .iter()
        .filter_map(|c| ballot_core::qr::svg(c))
        .map(|svg| format!("<div class=\"rk-qr-code\">{svg}</div>"))
        .collect();
    place.set_inner_html(&svgs);
}

fn on_click(e: Event) {
    let Some(button) = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| t.closest("[data-action]").ok().flatten())
    else {
        return;
    };
    let action = button.get_attribute("data-action").unwrap_or_default();
    let t = CURRENT.with(|c| c.borrow().as_ref().map_or(Lang::ZhCn, |i| i.lang).report());
    let done = CURRENT.with(|c| match (action.as_str(), c.borrow().as_ref()) {
        ("announce", Some(input)) => announce(input),
        ("next-round", Some(input)) => next_round(input),
        ("close", _) => close(&button),
        ("print", _) => web_sys::window()
            .ok_or_else(|| JsValue::from_str("no window"))
            .and_then(|w| w.print()),
        ("csv", Some(input)) => {
            download_csv(input).map(|name| status(&button, &(t.file_saved)(&name), Said::Done))
        }
        ("xlsx", Some(input)) => {
            let rows = serde_json::to_string(&export::rows(input)).unwrap_or_default();
            let name = input.file_name(&ballot_ui::files::today(), "xlsx");
            status(&button, t.xlsx_preparing, Said::Progress);
            let button = button.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let saved = async {
                    let bytes = write_xlsx(&rows, t.results_heading).await?;
                    ballot_ui::files::save(&name, &js_sys::Uint8Array::new(&bytes), XLSX_MIME)
                };
                match saved.await {
                    Ok(()) => status(&button, &(t.file_saved)(&name), Said::Done),
                    Err(why) => status(&button, &(t.failed)(&message(&why)), Said::Failed),
                }
            });
            Ok(())
        }
        _ => Ok(()),
    });
    if let Err(why) = done {
        status(&button, &(t.failed)(&message(&why)), Said::Failed);
    }
}

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The text of a JS error or a plain string thrown.
fn message(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_default()
}

/// What a status line says: done (✓, green), under way, or failed (read out at once, red).
#[derive(Clone, Copy)]
enum Said {
    Done,
    Progress,
    Failed,
}

/// Writes a message into the host's status line (read out by screen readers); a success
/// and a failure never look alike (app.css styles `data-said`).
fn status(from: &Element, text: &str, said: Said) {
    if let Some(p) = from
        .closest(".report-host")
        .ok()
        .flatten()
        .and_then(|host| host.query_selector(".rk-status").ok().flatten())
    {
        let (kind, role) = match said {
            Said::Done => ("ok", "status"),
            Said::Progress => ("", "status"),
            Said::Failed => ("error", "alert"),
        };
        let _ = p.set_attribute("data-said", kind);
        let _ = p.set_attribute("role", role);
        p.set_text_content(Some(text));
    }
}

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// 公布 mode: a full-screen layer over the app, closed by its button.
fn announce(input: &Input) -> Result<(), JsValue> {
    let t = input.lang.report();
    let doc = document()?;
    let layer: HtmlElement = doc.create_element("div")?.dyn_into()?;
    layer.set_class_name("announce-layer");
    layer.set_attribute("role", "dialog")?;
    layer.set_attribute("aria-modal", "true")?;
    layer.set_attribute("aria-label", t.announce)?;
    let mut html = String::from("<button type=\"button\" data-action=\"close\">");
    html.push_str(t.close_announce);
    html.push_str("</button>");
    html.push_str(&render(input, Mode::Announce));
    layer.set_inner_html(&html);
    ON_CLICK.with(|h| layer.set_onclick(Some(h.as_ref().unchecked_ref())));
    ON_KEY.with(|h| layer.set_onkeydown(Some(h.as_ref().unchecked_ref())));
    doc.body()
        .ok_or_else(|| JsValue::from_str("no body"))?
        .append_child(&layer)?;
    if let Some(b) = layer.query_selector("button").ok().flatten() {
        if let Ok(b) = b.dyn_into::<HtmlElement>() {
            b.focus()?;
        }
    }
    Ok(())
}

fn on_key(e: web_sys::KeyboardEvent) {
    if e.key() == "Escape" {
        if let Some(t) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            // Nothing else to do if the layer is already gone.
            let _ = close(&t);
        }
    }
}

fn close(button: &Element) -> Result<(), JsValue> {
    if let Some(layer) = button.closest(".announce-layer")? {
        layer.remove();
    }
    // Back to the button that opened it.
    if let Some(b) = document()?.query_selector("[data-action=announce]")? {
        b.dyn_into::<HtmlElement>()?.focus()?;
    }
    Ok(())
}

/// Makes the next round's template from this result and opens it in the studio's import
/// page, as a shared link opens: the app is loaded again with the template in the address
/// (every record is stored, so nothing on screen is lost), and the organiser sees what it
/// holds before it joins the library.
fn next_round(input: &Input) -> Result<(), JsValue> {
    let t = input.lang.report();
    let next = input
        .next_round()
        .map_err(|why| JsValue::from_str(&(t.derive_refused)(&why, &[])))?;
    let location = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .location();
    location.set_hash(&ballot_core::share::fragment(&next))?;
    location.reload()
}

/// Saves the results as a CSV file (the browser's download); returns the file name.
fn download_csv(input: &Input) -> Result<String, JsValue> {
    let text = export::csv(input);
    let name = input.file_name(&ballot_ui::files::today(), "csv");
    ballot_ui::files::save(&name, &JsValue::from_str(&text), "text/csv;charset=utf-8")?;
    Ok(name)
}

/// 2026年11月22日, in the browser's time zone.
fn today(t: &ReportTexts) -> String {
    let d = js_sys::Date::new_0();
    (t.date_of)(d.get_full_year(), d.get_month() + 1, d.get_date())
}
