//! The results desk on screen: three tabs (发送结果, 汇总, 双人核对). Files are read and saved
//! here, codes come from the scanner; everything else is the reducer's (`state.rs`).

use std::rc::Rc;

use ballot_core::count::read_stored;
use ballot_core::crosscheck::Comparison;
use ballot_core::exchange::{Kind, Received};
use ballot_core::i18n::exchange::{ExchangeTexts, ZH_CN};
use ballot_core::i18n::studio::ZH_CN as ZH_CN_STUDIO;
use ballot_core::library::Library;
use ballot_core::qr;
use ballot_ui::idb;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::{Action, CodesShown, Desk, Message, Shown, Tab, Target};
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
        use_reducer(move || Desk::new(&ZH_CN, c.local.clone(), ballot_core::samples::all()))
    };
    // This device's paper counts, and the library's templates for QR codes that carry none.
    {
        let desk = desk.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let records = idb::load_store("counts").await;
                let entries = idb::load_store("count_entries").await;
                // A store that cannot be read leaves the desk with what it was handed; the
                // app reports damaged records on its home screen.
                if let (Ok(records), Ok(entries)) = (records, entries) {
                    let (counts, _) = read_stored(&records, &entries);
                    desk.dispatch(Action::Counts(
                        counts.iter().map(Received::of_count).collect(),
                    ));
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

/// One line about a result: unit, kind, ballots, fingerprint.
fn describe(t: &ExchangeTexts, r: &Received) -> Html {
    let b = &r.body;
    html! {
        <>
            <strong>{ &b.unit }</strong>
            if let Some(c) = &b.category { { "（" }{ c }{ "）" } }
            <span class="meta">{ " · " }{ (t.kind)(b.kind) }{ " · " }{ (t.ballots)(b.tally.total()) }
                { " · " }{ (t.fingerprint)(&b.fingerprint) }</span>
        </>
    }
}

fn save_file(desk: &DeskHandle, r: &Received) -> Callback<MouseEvent> {
    let t = desk.t;
    let desk = desk.clone();
    let name = (t.file_name)(&r.body.unit);
    let text = r.file();
    Callback::from(move |_: MouseEvent| {
        let said = match ballot_ui::files::save(&name, &text.as_str().into(), "application/json") {
            Ok(()) => Message::Done((t.file_saved)(&name)),
            Err(_) => Message::Refused(ZH_CN_STUDIO.file_not_saved.to_string()),
        };
        desk.dispatch(Action::Said(said));
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
                            <button class="primary" onclick={save_file(desk, r)}>{ t.save_file }</button>
                            <button onclick={send(desk, Action::ShowCodes(Shown::Local(i)))}>{ t.show_codes }</button>
                        </div>
                    </li>
                }) }
            </ul>
            if !has_tablet { <p class="hint">{ t.tablet_hint }</p> }
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
    let added = |r: &Received| merge.sources().iter().any(|s| s.body.batch == r.body.batch);
    let merged = desk.merged();
    let unit_input = {
        let desk = desk.clone();
        Callback::from(move |e: InputEvent| {
            desk.dispatch(Action::Unit(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
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
                                    aria-label={format!("{}：{}", t.add_local, r.body.unit)}>{ t.add_local }</button>
                            </div>
                        </li>
                    }) }
                </ul>
            }
            <Receive desk={desk.clone()} target={Target::Merge} />
            <h2>{ t.sources_heading }</h2>
            if merge.sources().is_empty() {
                <p>{ t.sources_none }</p>
            } else {
                { sources_table(desk) }
            }
            if let Some(m) = merged {
                <div class="field">
                    <label for="merge-unit">{ t.unit_label }</label>
                    <input id="merge-unit" type="text" value={m.body.unit.clone()} oninput={unit_input} autocomplete="off" />
                </div>
                <div class="actions">
                    <button class="primary" onclick={save_file(desk, &m)}>{ t.save_merged }</button>
                    <button onclick={send(desk, Action::ShowCodes(Shown::Merged))}>{ t.merged_codes }</button>
                </div>
                { codes_view(desk) }
                <h2>{ t.combined_heading }</h2>
                <ReportView input={AttrValue::from(report_input(&desk.merge, &m))} failed={t.report_failed} />
            }
        </>
    }
}

fn figure(v: Option<u32>) -> String {
    v.map(|n| n.to_string()).unwrap_or_default()
}

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
                    <th scope="col"><span class="sr-only">{ t.remove }</span></th>
                </tr></thead>
                <tbody>
                    { for merge.sources().iter().map(|s| {
                        let b = &s.body;
                        // Each unit's own check, in the results' words.
                        let flags: Vec<String> = b.lines().iter()
                            .flat_map(|l| l.flags())
                            .map(|f| (ballot_core::i18n::report::ZH_CN.flag)(&f, &[]))
                            .collect();
                        let label = format!("{}：{}", t.remove, b.unit);
                        html! {
                            <tr>
                                <th scope="row">{ &b.unit }</th>
                                <td>{ (t.kind)(b.kind) }</td>
                                <td class="num">{ figure(b.figures.issued) }</td>
                                <td class="num">{ figure(b.figures.returned) }</td>
                                <td class="num">{ b.tally.total() }</td>
                                <td>{ if flags.is_empty() { t.check_ok.to_string() } else { format!("⚠ {}", flags.join("；")) } }</td>
                                <td><button aria-label={label} onclick={send(desk, Action::Remove(b.batch.clone()))}>{ t.remove }</button></td>
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
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// The results module's input for the combined result, with its sources.
fn report_input(merge: &ballot_core::merge::Merge, m: &Received) -> String {
    let sources: Vec<serde_json::Value> = merge
        .sources()
        .iter()
        .map(|s| {
            let all = s.body.tally.combined();
            serde_json::json!({
                "unit": s.body.unit,
                "figures": s.body.figures,
                "valid": all.valid,
                "blank": all.blank,
                "void": all.void,
                "lines": if s.body.sources.is_empty() { serde_json::Value::Array(Vec::new()) } else { serde_json::json!(s.body.sources) },
            })
        })
        .collect();
    serde_json::json!({
        "template": serde_json::from_str::<serde_json::Value>(&m.template.canonical_json()).unwrap_or_default(),
        "fingerprint": m.body.fingerprint,
        "unit": m.body.unit,
        "figures": m.body.figures,
        "tally": m.body.tally,
        "sources": sources,
    })
    .to_string()
}

#[derive(Properties, PartialEq)]
struct ReportViewProps {
    input: AttrValue,
    failed: &'static str,
}

/// Where the results module draws the combined result (tables, 公布, report, export).
#[component]
fn ReportView(props: &ReportViewProps) -> Html {
    let host = use_node_ref();
    {
        let (host, failed) = (host.clone(), props.failed);
        use_effect_with(props.input.clone(), move |input| {
            if let Some(el) = host.cast::<web_sys::Element>() {
                ballot_ui::modules::show(ballot_ui::modules::RESULTS, &el, input, "page", failed);
            }
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
    let describe_ballot = |list: &[ballot_core::Ballot], i: Option<usize>| {
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
                        <li>{ (t.figure_name)(*f) }{ "：" }{ t.col_ours }{ " " }{ (t.figure_value)(*a) }{ "，" }{ t.col_theirs }{ " " }{ (t.figure_value)(*b) }</li>
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
