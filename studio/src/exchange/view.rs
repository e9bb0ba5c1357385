//! The results desk on screen: three tabs (发送结果, 汇总, 双人核对). Files are read and saved
//! here, codes come from the scanner; everything else is the reducer's (`state.rs`).

use std::rc::Rc;

use ballot_core::count::read_stored;
use ballot_core::crosscheck::Comparison;
use ballot_core::exchange::seal::Seal;
use ballot_core::exchange::{Kind, Received};
use ballot_core::i18n::exchange::ExchangeTexts;
use ballot_core::i18n::Punct;
use ballot_core::library::Library;
use ballot_core::merge::Counted;
use ballot_core::qr;
use ballot_ui::idb;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::{Action, CodesShown, Desk, Message, Shown, Tab, Target, Trust};
use crate::platform;
use crate::scanner::Scanner;
use crate::state::Context;

pub type DeskHandle = UseReducerHandle<Desk>;

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    pub context: Rc<Context>,
}

#[component]
pub fn DeskApp(props: &DeskProps) -> Html {
    let desk = {
        let c = props.context.clone();
        use_reducer(move || {
            Desk::new(
                crate::platform::lang().exchange(),
                c.local.clone(),
                ballot_core::samples::all(),
            )
        })
    };
    // This device's results (the session handed over, its paper counts), signed with its
    // key; which device first sent each unit; the library's templates for QR codes that
    // carry none.
    {
        let desk = desk.clone();
        let handed = props.context.local.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let mut results = handed;
                let records = idb::load_store("counts").await;
                let entries = idb::load_store("count_entries").await;
                // A store that cannot be read leaves the desk with what it was handed; the
                // app reports damaged records on its home screen.
                if let (Ok(records), Ok(entries)) = (records, entries) {
                    let (counts, _) = read_stored(&records, &entries);
                    // A deleted count (restorable from 本机数据与备份) is not sent or merged;
                    // nor is a rehearsal's (测试模式): it never reaches a file or a merge.
                    results.extend(
                        counts
                            .iter()
                            .filter(|c| c.log.deleted_ms().is_none() && !c.record.test)
                            .map(Received::of_count),
                    );
                }
                let own = ballot_ui::device::key().await.ok();
                let mut signed = Vec::with_capacity(results.len());
                for r in results {
                    signed.push(sign(r).await);
                }
                let own = own.filter(|_| signed.iter().all(|r| r.seal.is_some()));
                desk.dispatch(Action::Local {
                    results: signed,
                    own,
                });
                if let Ok(device) = idb::load_store("device").await {
                    let known = device
                        .into_iter()
                        .filter_map(|(k, v)| Some((k.strip_prefix(SEEN)?.to_string(), v)))
                        .filter(|(_, v)| !v.is_empty())
                        .collect();
                    desk.dispatch(Action::Known(known));
                }
                if let Ok(stored) = idb::load_store("templates").await {
                    let library = Library::read(&stored);
                    let templates = library
                        .entries
                        .iter()
                        .filter_map(|e| e.template().cloned())
                        .collect();
                    desk.dispatch(Action::Templates(templates));
                }
            });
        });
    }
    // A file's signatures, checked with WebCrypto before it is added.
    {
        let desk = desk.clone();
        use_effect_with(desk.verifying.clone(), move |verifying| {
            if let Some(r) = verifying.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let mut verified = Vec::new();
                    for v in r.to_verify() {
                        verified.push(ballot_ui::device::verify(&v.key, &v.sig, &v.message).await);
                    }
                    desk.dispatch(Action::Verified(r.signers(&verified)));
                });
            }
        });
    }
    // Units whose sending device the desk learnt: remembered on this device. Losing one
    // (a full disk) only means the next desk to see that unit says nothing of its device.
    {
        let stored = use_mut_ref(|| 0usize);
        use_effect_with(desk.learnt.clone(), move |learnt| {
            let new: Vec<(String, String)> =
                learnt.iter().skip(*stored.borrow()).cloned().collect();
            *stored.borrow_mut() = learnt.len();
            wasm_bindgen_futures::spawn_local(async move {
                for (id, key) in new {
                    let _ = idb::write("device", "device", &format!("{SEEN}{id}"), Some(key)).await;
                }
            });
        });
    }
    // The codes drawn for another phone's camera come into view whole: on a phone they are
    // drawn below the list, off the bottom of the screen.
    use_effect_with(
        desk.codes.as_ref().map(|c| (c.unit.clone(), c.at)),
        |shown| {
            let codes = shown.as_ref().and_then(|_| {
                web_sys::window()?
                    .document()?
                    .query_selector(".codes")
                    .ok()?
            });
            if let Some(el) = codes {
                el.scroll_into_view();
            }
        },
    );
    let t = desk.t;
    let tab = |which: Tab, label: &'static str| {
        let desk = desk.clone();
        let on = desk.tab == which;
        html! {
            <button role="tab" aria-selected={if on { "true" } else { "false" }}
                onclick={Callback::from(move |_| desk.dispatch(Action::Tab(which)))}>{ label }</button>
        }
    };
    let body = match desk.tab {
        Tab::Send => send_tab(&desk),
        Tab::Merge => merge_tab(&desk),
        Tab::Check => check_tab(&desk),
    };
    html! {
        <section class="desk" aria-labelledby="desk-title">
            <h1 id="desk-title">{ t.title }</h1>
            <p class="hint">{ t.lead }</p>
            <div class="tabs" role="tablist">
                { tab(Tab::Send, t.tab_send) }
                { tab(Tab::Merge, t.tab_merge) }
                { tab(Tab::Check, t.tab_check) }
            </div>
            { message(&desk) }
            <div role="tabpanel">{ body }</div>
        </section>
    }
}

/// Where the device store remembers which device first sent a unit (`seen/<identity key>`).
const SEEN: &str = "seen/";

/// `r` signed with this device's key, or as it is when the device cannot sign.
async fn sign(r: Received) -> Received {
    match ballot_ui::device::sign(&r.to_sign()).await {
        Ok((key, sig)) => r.signed(Seal { key, sig }),
        Err(_) => r,
    }
}

fn message(desk: &DeskHandle) -> Html {
    let Some(m) = &desk.message else {
        return html! { <p class="rk-status" role="status"></p> };
    };
    let (text, alert) = match m {
        Message::Done(x) | Message::Progress(x) => (x, false),
        Message::Refused(x) => (x, true),
    };
    crate::app::notice_box(text, alert, send(desk, Action::Dismiss))
}

/// One line about a result: unit, kind, ballots, fingerprint, 结果校验码.
fn describe(t: &ExchangeTexts, r: &Received) -> Html {
    let b = &r.body;
    html! {
        <>
            <strong><bdi>{ &b.unit }</bdi></strong>
            if let Some(c) = &b.category { { punct().open }<bdi>{ c }</bdi>{ punct().close } }
            <span class="meta">{ " · " }{ (t.kind)(b.kind) }{ " · " }{ (t.ballots)(b.tally.total()) }
                { " · " }{ (t.fingerprint)(&b.fingerprint) }</span>
            <span class="result-code">{ (t.result_code)(&r.code()) }</span>
        </>
    }
}

/// A results file's name: template, unit, category, what it is and today's date, named as
/// the results module names its exports.
fn file_name(r: &Received) -> String {
    let t = crate::platform::lang().report();
    let kind = t.kind(r.body.kind);
    let date = ballot_ui::files::today();
    let parts = [
        r.template.spec().title.as_str(),
        &r.body.unit,
        r.body.category.as_deref().unwrap_or(""),
        kind,
        &date,
    ];
    (t.results_file)(&parts, "json")
}

/// Saves `r` as a results file; `sign_first`: sign it with this device's key first (a
/// combined result; this device's own results are signed when the desk opens).
fn save_file(desk: &DeskHandle, r: &Received, sign_first: bool) -> Callback<MouseEvent> {
    let t = desk.t;
    let desk = desk.clone();
    let name = file_name(r);
    let r = r.clone();
    Callback::from(move |_: MouseEvent| {
        let (desk, name, r) = (desk.clone(), name.clone(), r.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let r = if sign_first { sign(r).await } else { r };
            let text = r.file();
            let said =
                match ballot_ui::files::save(&name, &text.as_str().into(), "application/json") {
                    Ok(()) => {
                        if sign_first {
                            desk.dispatch(Action::Exported);
                        }
                        Message::Done((t.file_saved)(&name))
                    }
                    Err(_) => Message::Refused(
                        crate::platform::lang().studio().file_not_saved.to_string(),
                    ),
                };
            desk.dispatch(Action::Said(said));
        });
    })
}

/// Shows the combined result as QR codes, signed with this device's key.
fn show_merged(desk: &DeskHandle, r: &Received) -> Callback<MouseEvent> {
    let desk = desk.clone();
    let r = r.clone();
    Callback::from(move |_: MouseEvent| {
        let (desk, r) = (desk.clone(), r.clone());
        wasm_bindgen_futures::spawn_local(async move {
            desk.dispatch(Action::ShowMerged(Box::new(sign(r).await)));
            desk.dispatch(Action::Exported);
        });
    })
}

fn send(desk: &DeskHandle, action: Action) -> Callback<MouseEvent> {
    let desk = desk.clone();
    Callback::from(move |_: MouseEvent| desk.dispatch(action.clone()))
}

fn send_tab(desk: &DeskHandle) -> Html {
    let t = desk.t;
    let has_tablet = desk.local.iter().any(|r| r.body.kind == Kind::Tablet);
    html! {
        <>
            <h2>{ t.local_heading }</h2>
            if desk.local.is_empty() {
                <p>{ t.local_none }</p>
            }
            <ul class="results-list">
                { for desk.local.iter().enumerate().map(|(i, r)| html! {
                    <li>
                        <p>{ describe(t, r) }</p>
                        <div class="actions">
                            <button class="primary" onclick={save_file(desk, r, false)}>{ t.save_file }</button>
                            <button onclick={send(desk, Action::ShowCodes(Shown::Local(i)))}>{ t.show_codes }</button>
                        </div>
                    </li>
                }) }
            </ul>
            if !has_tablet { <p class="hint">{ t.tablet_hint }</p> }
            if let Some(own) = &desk.own {
                <p class="hint device-code">{ (t.own_device)(&ballot_core::exchange::seal::device_code(own)) }</p>
            } else if desk.cannot_sign {
                <p class="field-error" role="alert">{ t.cannot_sign }</p>
            }
            { codes_view(desk) }
        </>
    }
}

/// The QR codes of one result, one at a time, with their number.
fn codes_view(desk: &DeskHandle) -> Html {
    let t = desk.t;
    let Some(CodesShown {
        unit, codes, at, ..
    }) = &desk.codes
    else {
        return html! {};
    };
    let close = send(desk, Action::CloseCodes);
    let codes = match codes {
        Ok(c) => c,
        Err(e) => {
            return html! {
                <div class="codes">
                    <p class="field-error" role="alert">{ (t.exchange_error)(e) }</p>
                    <button onclick={close}>{ t.close_codes }</button>
                </div>
            }
        }
    };
    let n = codes.len();
    let svg = codes.get(*at).and_then(|c| qr::svg(c)).unwrap_or_default();
    let label = format!("{} {}", (t.codes_heading)(unit), (t.code_of)(at + 1, n));
    html! {
        <figure class="codes qr" aria-labelledby="codes-title">
            <h2 id="codes-title">{ (t.codes_heading)(unit) }</h2>
            <p class="code-number" aria-live="polite"><strong>{ (t.code_of)(at + 1, n) }</strong></p>
            <div class="qr-code" role="img" aria-label={label}>
                { Html::from_html_unchecked(AttrValue::from(svg)) }
            </div>
            <figcaption>{ (t.codes_hint)(n) }</figcaption>
            <div class="actions">
                if n > 1 {
                    <button disabled={*at == 0} onclick={send(desk, Action::CodeAt(at.saturating_sub(1)))}>{ t.previous_code }</button>
                    <button class="primary" disabled={at + 1 >= n} onclick={send(desk, Action::CodeAt(at + 1))}>{ t.next_code }</button>
                }
                <button onclick={close}>{ t.close_codes }</button>
            </div>
        </figure>
    }
}

/// 导入结果文件 and 扫描二维码, for the merge or the cross-check.
#[derive(Properties, PartialEq)]
struct ReceiveProps {
    desk: DeskHandle,
    target: Target,
}

#[component]
fn Receive(ReceiveProps { desk, target }: &ReceiveProps) -> Html {
    let t = desk.t;
    let input = use_node_ref();
    let target = *target;
    let choose = {
        let input = input.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(i) = input.cast::<HtmlInputElement>() {
                i.set_value("");
                i.click();
            }
        })
    };
    let chosen = {
        let desk = desk.clone();
        Callback::from(move |e: Event| {
            let Some(i) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let desk = desk.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(text) = platform::read_chosen_file(&i, MAX_FILE).await {
                    desk.dispatch(Action::File { target, text });
                }
            });
        })
    };
    let scanning = desk.scanning == Some(target);
    let on_code = {
        let desk = desk.clone();
        Callback::from(move |code: String| desk.dispatch(Action::Code(code)))
    };
    html! {
        <div class="receive">
            <div class="actions">
                <button class="primary" onclick={choose}>{ t.import_file }</button>
                <input ref={input} type="file" accept=".json,application/json" hidden=true onchange={chosen} />
                if scanning {
                    <button onclick={send(desk, Action::StopScan)}>{ t.stop_scan }</button>
                } else {
                    <button onclick={send(desk, Action::Scan(target))}>{ t.scan }</button>
                }
            </div>
            if scanning { <Scanner {on_code} /> }
        </div>
    }
}

const MAX_FILE: usize = ballot_core::exchange::limits::MAX_FILE_BYTES;

fn merge_tab(desk: &DeskHandle) -> Html {
    let t = desk.t;
    let merge = &desk.merge;
    let added = |r: &Received| {
        merge
            .files()
            .iter()
            .any(|f| f.received.body.batch == r.body.batch)
    };
    let merged = desk.merged();
    let unit_input = {
        let desk = desk.clone();
        Callback::from(move |e: InputEvent| {
            desk.dispatch(Action::Unit(ballot_ui::text::typed(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            )))
        })
    };
    html! {
        <>
            <p>{ t.merge_lead }</p>
            if !desk.local.is_empty() {
                <h2>{ t.local_heading }</h2>
                <ul class="results-list">
                    { for desk.local.iter().enumerate().map(|(i, r)| html! {
                        <li>
                            <p>{ describe(t, r) }</p>
                            <div class="actions">
                                <button disabled={added(r)} onclick={send(desk, Action::AddLocal(i))}
                                    aria-label={format!("{}{}{}", t.add_local, punct().colon, r.body.unit)}>{ t.add_local }</button>
                            </div>
                        </li>
                    }) }
                </ul>
            }
            <Receive desk={desk.clone()} target={Target::Merge} />
            <h2>{ t.sources_heading }</h2>
            if merge.is_empty() {
                <p>{ t.sources_none }</p>
            } else {
                { sources_table(desk) }
            }
            { conflicts(desk) }
            if let Some(m) = merged {
                <div class="field">
                    <label for="merge-unit">{ t.unit_label }</label>
                    <input id="merge-unit" type="text" value={m.body.unit.clone()} oninput={unit_input} autocomplete="off" />
                </div>
                <p class="result-code"><strong>{ (t.result_code)(&m.code()) }</strong></p>
                <div class="actions">
                    <button class="primary" onclick={save_file(desk, &m, true)}>{ t.save_merged }</button>
                    <button onclick={show_merged(desk, &m)}>{ t.merged_codes }</button>
                </div>
                { codes_view(desk) }
                <h2>{ t.combined_heading }</h2>
                <ReportView input={AttrValue::from(report_input(&desk.merge, &m))} result={Rc::new(m.clone())} failed={t.report_failed} />
            } else if merge.unsettled() {
                <p class="field-error" role="alert">{ t.unsettled }</p>
            }
        </>
    }
}

/// Who sent a counted result, in words.
fn trust_text(t: &ExchangeTexts, trust: &Trust) -> (String, bool) {
    match trust {
        Trust::Own(code) | Trust::Device(code) => ((t.signed_by)(code), false),
        Trust::Other { now, before } => ((t.other_device)(now, before), true),
        Trust::Unsigned => (t.unsigned.to_string(), true),
    }
}

/// Each unit with two or more different results: both shown with their codes and devices,
/// and the user picks the one that stands.
fn conflicts(desk: &DeskHandle) -> Html {
    let t = desk.t;
    let list = desk.merge.conflicts();
    if list.is_empty() {
        return html! {};
    }
    html! {
        <section class="conflicts" aria-labelledby="conflicts-title">
            <h2 id="conflicts-title">{ t.conflict_heading }</h2>
            { for list.iter().map(|c| {
                let unit = c.candidates.first().map(|x| x.sealed.statement.unit.clone()).unwrap_or_default();
                html! {
                    <div class="conflict" role="group" aria-label={unit.clone()}>
                        <p class={if c.picked.is_none() { "field-error" } else { "hint" }}>{ (t.conflict_lead)(&unit) }</p>
                        <ul class="results-list">
                            { for c.candidates.iter().map(|x| candidate(desk, x, c.picked.as_deref())) }
                        </ul>
                    </div>
                }
            }) }
        </section>
    }
}

fn candidate(desk: &DeskHandle, x: &Counted<'_>, picked: Option<&str>) -> Html {
    let t = desk.t;
    let st = &x.sealed.statement;
    let code = st.code();
    let (who, warn) = trust_text(t, &desk.trust(x));
    let chosen = picked == Some(x.digest.as_str());
    html! {
        <li>
            <p>
                <strong><bdi>{ &st.unit }</bdi></strong>
                if let Some(c) = &st.category { { punct().open }<bdi>{ c }</bdi>{ punct().close } }
                <span class="meta">{ " · " }{ (t.ballots)(st.tally.total()) }{ " · " }{ (t.conflict_files)(x.files.len()) }</span>
            </p>
            <p class="result-code"><strong>{ (t.result_code)(&code) }</strong></p>
            <p class={if warn { "field-error" } else { "hint" }}>{ who }</p>
            <div class="actions">
                if chosen {
                    <strong>{ "✓ " }{ t.picked }</strong>
                } else {
                    <button aria-label={format!("{}{}{}", t.pick_this, punct().colon, code)} onclick={send(desk, Action::Pick(x.digest.clone()))}>{ t.pick_this }</button>
                }
            </div>
        </li>
    }
}

fn figure(v: Option<u32>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

/// The counted results that stand (an unsettled conflict's are listed under it instead), with each
/// unit's own checks, its 结果校验码 and who sent it.
fn sources_table(desk: &DeskHandle) -> Html {
    let t = desk.t;
    let merge = &desk.merge;
    let total = merge.tally().map(|x| x.total()).unwrap_or_default();
    let f = merge.figures();
    html! {
        <div class="table-scroll">
            <table class="sources">
                <thead><tr>
                    <th scope="col">{ t.col_unit }</th>
                    <th scope="col">{ t.col_kind }</th>
                    <th scope="col">{ t.col_issued }</th>
                    <th scope="col">{ t.col_returned }</th>
                    <th scope="col">{ t.col_ballots }</th>
                    <th scope="col">{ t.col_check }</th>
                    <th scope="col">{ t.col_code }</th>
                    <th scope="col">{ t.col_device }</th>
                    <th scope="col"><span class="sr-only">{ t.remove }</span></th>
                </tr></thead>
                <tbody>
                    { for merge.standing().iter().map(|c| {
                        let st = &c.sealed.statement;
                        let line = ballot_core::exchange::SourceLine { unit: st.unit.clone(), figures: st.figures };
                        // Each unit's own check, in the results' words.
                        let flags: Vec<String> = line.flags().iter()
                            .map(|f| (crate::platform::lang().report().flag)(f, &[]))
                            .collect();
                        let label = format!("{}{}{}", t.remove, punct().colon, st.unit);
                        let (who, warn) = trust_text(t, &desk.trust(c));
                        html! {
                            <tr>
                                <th scope="row"><bdi>{ &st.unit }</bdi>
                                    if let Some(cat) = &st.category { { punct().open }<bdi>{ cat }</bdi>{ punct().close } }</th>
                                <td>{ (t.kind)(st.kind) }</td>
                                <td class="num">{ figure(st.figures.issued) }</td>
                                <td class="num">{ figure(st.figures.returned) }</td>
                                <td class="num">{ st.tally.total() }</td>
                                <td>{ if flags.is_empty() { t.check_ok.to_string() } else { format!("⚠ {}", flags.join(punct().semicolon)) } }</td>
                                <td class="code">{ st.code() }</td>
                                <td class={if warn { "field-error" } else { "" }}>{ who }</td>
                                <td><button aria-label={label} onclick={send(desk, Action::Remove(c.digest.clone()))}>{ t.remove }</button></td>
                            </tr>
                        }
                    }) }
                    <tr class="total">
                        <th scope="row">{ t.total_row }</th>
                        <td></td>
                        <td class="num">{ figure(f.issued) }</td>
                        <td class="num">{ figure(f.returned) }</td>
                        <td class="num">{ total }</td>
                        <td></td>
                        <td></td>
                        <td></td>
                        <td></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// The results module's input for the combined result, with its counted results.
fn report_input(merge: &ballot_core::merge::Merge, m: &Received) -> String {
    use ballot_core::handover::{ResultInput, SourceRow};
    let sources = (merge.standing().iter())
        .map(|c| {
            let st = &c.sealed.statement;
            let all = st.tally.combined();
            SourceRow {
                unit: st.unit.clone(),
                figures: st.figures,
                valid: all.valid,
                blank: all.blank,
                void: all.void,
                lines: Vec::new(),
                code: st.code(),
            }
        })
        .collect();
    let mut input = ResultInput::new(
        m.template.spec().clone(),
        m.body.fingerprint.clone(),
        m.body.unit.clone(),
        m.body.tally.clone(),
    );
    input.figures = m.body.figures;
    input.sources = sources;
    input.to_json()
}

#[derive(Properties, PartialEq)]
struct ReportViewProps {
    input: AttrValue,
    /// The combined result: signed here, its QR codes go on the printed report.
    result: Rc<Received>,
    failed: &'static str,
}

/// Where the results module draws the combined result (tables, 公布, report, export).
#[component]
fn ReportView(props: &ReportViewProps) -> Html {
    let host = use_node_ref();
    {
        let (host, failed, result) = (host.clone(), props.failed, props.result.clone());
        use_effect_with(props.input.clone(), move |input| {
            let input = input.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                // The printed report carries the combined result, signed by this device, as
                // QR codes: the next desk up reads it from the signed paper.
                let signed = sign((*result).clone()).await;
                let read = serde_json::from_str::<ballot_core::handover::ResultInput>(&input);
                let input = match (signed.qr_codes(), read) {
                    (Ok(codes), Ok(mut v)) => {
                        v.codes = codes;
                        v.to_json()
                    }
                    _ => input,
                };
                if let Some(el) = host.cast::<web_sys::Element>() {
                    ballot_ui::modules::show(
                        ballot_ui::modules::RESULTS,
                        &el,
                        &input,
                        "page",
                        failed,
                        crate::platform::lang().tag(),
                    );
                }
            });
        });
    }
    html! { <div class="report-host" ref={host}></div> }
}

fn check_tab(desk: &DeskHandle) -> Html {
    let t = desk.t;
    let counts: Vec<(usize, &Received)> = desk.counts().collect();
    html! {
        <>
            <p>{ t.check_lead }</p>
            <h2>{ t.check_pick }</h2>
            if counts.is_empty() {
                <p>{ t.check_none }</p>
            } else {
                <fieldset class="choices">
                    <legend class="sr-only">{ t.check_pick }</legend>
                    { for counts.iter().map(|&(i, r)| {
                        let desk = desk.clone();
                        html! {
                            <label class="choice">
                                <input type="radio" name="check-ours" checked={desk.ours == Some(i)}
                                    onchange={Callback::from(move |_| desk.dispatch(Action::PickOurs(i)))} />
                                <span>{ describe(t, r) }</span>
                            </label>
                        }
                    }) }
                </fieldset>
            }
            <h2>{ t.check_other }</h2>
            if let Some(theirs) = &desk.theirs {
                <p>{ (t.other_unit)(&theirs.body.unit) }{ " · " }{ (t.ballots)(theirs.body.ballots.len() as u32) }</p>
            }
            <Receive desk={desk.clone()} target={Target::Check} />
            { match desk.comparison() {
                None => html! {},
                Some(Err(why)) => html! { <p class="field-error" role="alert">{ why }</p> },
                Some(Ok(c)) => comparison(desk, &c),
            } }
        </>
    }
}

fn comparison(desk: &DeskHandle, c: &Comparison) -> Html {
    let t = desk.t;
    let (Some(ours), Some(theirs)) = (desk.ours.and_then(|i| desk.local.get(i)), &desk.theirs)
    else {
        return html! {};
    };
    if c.identical() {
        return html! {
            <p class="check-ok" role="status"><strong>{ "✓ " }{ (t.check_identical)(c.ours) }</strong></p>
        };
    }
    let template = &ours.template;
    let describe_ballot = |list: &ballot_core::packed::PaperBallots, i: Option<usize>| {
        i.and_then(|i| list.get(i))
            .map(|b| t.ballot_marks(template, b))
            .unwrap_or_else(|| t.no_ballot.to_string())
    };
    let number = |i: Option<usize>| i.map(|i| (t.ballot_number)(i + 1)).unwrap_or_default();
    let count = c.differences.len() + c.figures.len();
    html! {
        <section class="check-result" aria-labelledby="check-found">
            <p id="check-found" class="field-error" role="alert"><strong>{ (t.check_found)(count) }</strong></p>
            <p class="meta">{ (t.counts_of)(c.ours, c.theirs) }{ " · " }{ t.check_hint }</p>
            if !c.figures.is_empty() {
                <ul class="figure-differences">
                    { for c.figures.iter().map(|(f, a, b)| html! {
                        <li>{ (t.figure_name)(*f) }{ punct().colon }{ t.col_ours }{ " " }{ (t.figure_value)(*a) }{ punct().comma }{ t.col_theirs }{ " " }{ (t.figure_value)(*b) }</li>
                    }) }
                </ul>
            }
            if !c.differences.is_empty() {
                <div class="table-scroll">
                    <table class="differences">
                        <thead><tr>
                            <th scope="col">{ t.col_ballot }</th>
                            <th scope="col">{ t.col_ours }</th>
                            <th scope="col">{ t.col_theirs }</th>
                        </tr></thead>
                        <tbody>
                            { for c.differences.iter().map(|d| {
                                let head = match (d.ours, d.theirs) {
                                    (Some(a), Some(b)) if a == b => number(Some(a)),
                                    (a, b) => [number(a), number(b)].iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" / "),
                                };
                                html! {
                                    <tr>
                                        <th scope="row">{ head }</th>
                                        <td>{ describe_ballot(&ours.body.ballots, d.ours) }</td>
                                        <td>{ describe_ballot(&theirs.body.ballots, d.theirs) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// How the screens' language joins a label and its value, a list, a note.
fn punct() -> &'static Punct {
    crate::platform::lang().punct()
}
