//! The counting screen of a paper count (唱票计票), made for a phone: the pad for the
//! ballot being read, the running board, the entered ballots with their corrections, and
//! the figures. Every rule is the core's; every step goes through the reducer, which
//! stores it before the screen moves on.

use ballot_core::ballot::{DeclaredVoid, MarkRefused};
use ballot_core::check::check;
use ballot_core::count::{Audit, CountLog};
use ballot_core::form::SessionField;
use yew::prelude::*;

use crate::app::components::camera::CameraPanel;
use crate::app::components::dialog;
use crate::app::components::form::{text_field, InputKind};
use crate::app::components::module_view::ModuleView;
use crate::app::components::paper_pad::paper_pad;
use crate::app::components::rehearsal::test_banner;
use crate::app::send;
use crate::app::state::{
    key_index, Action, AppState, Count, CountAsk, Counting, FiguresForm, FiguresProblem, PadAction,
    PadProblem,
};
use crate::app::state::{CountAction, Go, PinAction};
use crate::app::AppHandle;
use crate::platform::page::{self, KeyTarget};

/// The styles of what only this page draws (拍照计票, things to decide, 测试票): with the
/// page, not in the first load's CSS.
const STYLE: &str = include_str!("count.css");

#[derive(Properties, PartialEq)]
pub struct CountProps {
    pub app: AppHandle,
    pub id: AttrValue,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Entry,
    Board,
    List,
    Figures,
    /// 测试票: a test count's deck and the comparison.
    Deck,
}

#[component]
pub fn CountPage(CountProps { app, id }: &CountProps) -> Html {
    let t = app.lang.texts();
    let b = app.lang.ballot();
    let tab = use_state(|| Tab::Entry);
    let choosing_void = use_state(|| false);
    let camera_on = use_state(|| false);
    let pad_scroll = use_node_ref();
    let figures_form = use_state(|| {
        FiguresForm::of(
            app.count(id)
                .and_then(|c| c.sum())
                .map(|s| s.figures)
                .unwrap_or_default(),
        )
    });
    // A keyboard does what the taps do on the pad: 1–9 and a–z mark, Enter commits.
    {
        let app = app.clone();
        use_effect_with(*tab == Tab::Entry, move |on| {
            let guard = on
                .then(|| {
                    page::KeyListener::hold(move |key, target| {
                        if key == "Enter" && target != KeyTarget::Button {
                            app.dispatch(Action::Count(CountAction::Commit {
                                now_ms: page::now_ms(),
                            }));
                            return true;
                        }
                        match (target, key_index(key)) {
                            (KeyTarget::TextField, _) | (_, None) => false,
                            (_, Some(k)) => {
                                app.dispatch(Action::Count(CountAction::Pad(PadAction::Key(k))));
                                true
                            }
                        }
                    })
                })
                .flatten();
            move || drop(guard)
        });
    }
    // Each ballot starts at the top of the marking area: the position never drifts.
    {
        let scroll = pad_scroll.clone();
        let ballot = (
            app.replayed(id).map(|(_, r)| r.log.next_seq()),
            app.counting.as_ref().and_then(|c| c.correcting),
        );
        use_effect_with(ballot, move |_| {
            if let Some(el) = scroll.cast::<web_sys::Element>() {
                el.set_scroll_top(0);
            }
        });
    }
    // Shown only once this window holds the count, and so has read its log.
    let (Some((count, r)), Some(c)) = (app.replayed(id), app.counting.as_ref()) else {
        return html! {};
    };
    let template = &count.template;
    let log = &r.log;

    let figures = log.figures();
    let busy = app.pending.is_some();
    let tap = |make: fn(u64) -> Action| send(app, move |_: MouseEvent| make(page::now_ms()));
    let part = log.tally().combined();
    let unit = match count.category_name() {
        Some(c) => format!("{} · {c}", count.spec().unit_label()),
        None => count.spec().unit_label(),
    };

    // Compact: on a phone the pad below needs the height.
    let header = html! {
        <header class="count-header">
            <button class="link" onclick={tap(|_| Action::Go(Go::Home))}>{ "‹ " }{ t.back_home }</button>
            <div class="titles">
                <h1>{ &template.spec().title }</h1>
                <p class="unit-line">{ unit }</p>
            </div>
        </header>
    };
    let flags = figures.flags();
    let status = html! {
        <div class="count-status">
            if count.record.test {
                { test_banner(b.test_banner) }
            }
            if r.unreadable > 0 {
                <p class="flag" data-blocking="" role="alert">{ (t.count_damaged)(r.unreadable) }</p>
            }
            <p class="count" aria-live="polite">{ (t.count_progress)(log.live_count(), figures.returned) }</p>
            if *tab != Tab::Entry {
                <p class="meta">{ (t.totals)(part.total(), part.valid, part.blank, part.void) }</p>
                <p class="meta">{ (t.template_header)(&template.spec().issuer, &count.fingerprint) }</p>
            }
            { for flags.iter().map(|&f| html! {
                <p class="flag" data-blocking={f.is_blocking().then_some("")} role="alert">{ ballot_ui::text::coded(&(t.figure_flag)(f)) }</p>
            }) }
        </div>
    };
    let mut tabs = vec![
        (Tab::Entry, b.tab_entry.to_string()),
        (Tab::Board, b.tab_board.to_string()),
        (Tab::List, (b.tab_list)(log.live_count())),
        (Tab::Figures, b.tab_figures.to_string()),
    ];
    if count.record.test {
        tabs.push((Tab::Deck, b.tab_deck.to_string()));
    }
    let tab_bar = html! {
        <div class="tabs" role="tablist">
            { for tabs.into_iter().map(|(v, label)| {
                let on = *tab == v;
                let set = tab.setter();
                html! {
                    <button role="tab" aria-selected={if on { "true" } else { "false" }}
                        onclick={Callback::from(move |_| set.set(v))}>{ label }</button>
                }
            }) }
        </div>
    };

    let body = match *tab {
        Tab::Entry => entry_tab(&EntryView {
            app,
            count,
            log,
            c,
            busy,
            choosing_void: &choosing_void,
            camera_on: &camera_on,
            scroll: &pad_scroll,
        }),
        Tab::Board => board_tab(app, count, log),
        Tab::List => list_tab(&ListView {
            app,
            count,
            log,
            c,
            busy,
            tab: &tab,
        }),
        Tab::Figures => figures_tab(&FiguresView {
            app,
            count,
            c,
            busy,
            form: &figures_form,
        }),
        Tab::Deck => deck_tab(app, count, log),
    };

    let question = app.asking.map(|ask| {
        let answer = {
            send(app, move |yes| CountAction::Answer {
                yes,
                now_ms: page::now_ms(),
            })
        };
        match ask {
            CountAsk::Strike { seq, undo } => {
                let summary = log
                    .get(seq)
                    .ok()
                    .and_then(|e| check(template, &e.ballot).ok())
                    .map(|k| b.ballot_summary(template, &k))
                    .unwrap_or_default();
                let title = if undo {
                    (b.ask_undo_title)(seq)
                } else {
                    (b.ask_strike_title)(seq)
                };
                let yes = if undo { b.undo_last } else { b.strike };
                dialog::alert(
                    title.into(),
                    format!(
                        "{summary}{}{}",
                        app.lang.punct().full_stop,
                        b.ask_strike_body
                    )
                    .into(),
                    yes,
                    Some(t.cancel),
                    answer,
                )
            }
            CountAsk::Delete => dialog::alert(
                b.ask_delete_title.into(),
                (t.ask_delete_body)(log.entered_count()).into(),
                t.delete_count,
                Some(t.cancel),
                answer,
            ),
        }
    });

    html! {
        <main class="page count" data-pad={(*tab == Tab::Entry).then_some("")}>
            <style>{ STYLE }</style>
            { header }
            if let Some(e) = app.notice {
                <p class="notice" role="alert">{ e.message(t) }</p>
            }
            { status }
            { tab_bar }
            <div role="tabpanel">{ body }</div>
            { for question }
        </main>
    }
}

/// 修改记录 of a count, oldest first, each line with its time.
fn audit(app: &AppState, log: &CountLog, steps: Audit) -> Vec<String> {
    let b = app.lang.ballot();
    (log.entries())
        .filter(|e| e.op.audited(steps))
        .map(|e| {
            let at = page::format_time(e.at_ms, app.lang.tag());
            format!("{at} {}", (b.audit_entry)(&e.op))
        })
        .collect()
}

/// 计票板: the count as the room sees it, drawn by the results module.
fn board_tab(app: &AppHandle, count: &Count, log: &CountLog) -> Html {
    let t = app.lang.texts();
    let template = &count.template;
    let figures = log.figures();
    // Ballots struck, restored or corrected, for the paper's 修改记录 (the figures'
    // corrections go as figures).
    let audit = audit(app, log, Audit::Ballots);
    use crate::platform::module;
    let mut input = module::result_input(
        template,
        &count.fingerprint,
        count.spec().unit_label(),
        count.category_name(),
        figures,
        log.tally(),
    );
    input.corrections = module::timed(log.corrections(), app.lang.tag());
    input.batch = Some(count.id().to_string());
    // The digest its results file's statement carries (`Received::of_count`): the paper
    // report's code and the file are one result.
    let packed: ballot_core::packed::PaperBallots = log.live().collect();
    input.ballots_digest = Some(packed.digest().to_string());
    input.audit = audit;
    input.test = count.record.test;
    let input = input.to_json();
    html! { <ModuleView module={crate::platform::module::RESULTS} input={AttrValue::from(input)} mode="board" failed={t.report_failed} lang={app.lang.tag()} /> }
}

struct ListView<'a> {
    app: &'a AppHandle,
    count: &'a Count,
    log: &'a CountLog,
    c: &'a Counting,
    busy: bool,
    tab: &'a UseStateHandle<Tab>,
}

/// 已录入: every ballot entered, each to correct, strike or restore, and 修改记录.
fn list_tab(v: &ListView) -> Html {
    let ListView {
        app,
        count,
        log,
        c,
        busy,
        tab,
    } = *v;
    let b = app.lang.ballot();
    let template = &count.template;
    let ask = |question: CountAsk| send(app, move |_: MouseEvent| CountAction::Ask(question));
    let audit: Vec<Html> = audit(app, log, Audit::All)
        .into_iter()
        .map(|line| html! { <li>{ line }</li> })
        .collect();
    html! {
        <>
            <ol class="entered">
                { for log.entered().map(|e| {
                    let summary = check(template, &e.ballot).map(|k| b.ballot_summary(template, &k)).unwrap_or_default();
                    let seq = e.seq;
                    let correct = {
                        let app = app.clone();
                        let set = tab.setter();
                        Callback::from(move |_| {
                            app.dispatch(Action::Count(CountAction::Correct(seq)));
                            set.set(Tab::Entry);
                        })
                    };
                    html! {
                        <li key={seq} data-struck={e.struck.then_some("")}>
                            <p>
                                <strong>{ (b.ballot_number)(seq) }</strong>{ " " }
                                <span class="summary">{ summary }</span>
                                if e.struck { { " " }<span class="status">{ b.struck_label }</span> }
                                if e.corrections > 0 { { " " }<small>{ (b.corrected_times)(e.corrections) }</small> }
                            </p>
                            <div class="actions">
                                if e.struck {
                                    <button disabled={busy} aria-label={format!("{}{}", b.restore, (b.ballot_number)(seq))}
                                        onclick={send(app, move |_| CountAction::Restore { seq, now_ms: page::now_ms() })}>{ b.restore }</button>
                                } else {
                                    <button disabled={busy} aria-label={format!("{}{}", b.correct, (b.ballot_number)(seq))} onclick={correct}>{ b.correct }</button>
                                    <button class="danger" disabled={busy} aria-label={format!("{}{}", b.strike, (b.ballot_number)(seq))}
                                        onclick={ask(CountAsk::Strike { seq, undo: false })}>{ b.strike }</button>
                                }
                            </div>
                        </li>
                    }
                }) }
            </ol>
            if let Some(PadProblem::Refused(r)) = &c.problem {
                <p class="refusal" role="alert">{ (b.count_refused)(*r) }</p>
            }
            <section aria-labelledby="audit-heading">
                <h2 id="audit-heading">{ b.audit_heading }</h2>
                if audit.is_empty() {
                    <p class="meta">{ b.audit_none }</p>
                } else {
                    <ol class="log">{ for audit }</ol>
                }
            </section>
        </>
    }
}

struct FiguresView<'a> {
    app: &'a AppHandle,
    count: &'a Count,
    c: &'a Counting,
    busy: bool,
    form: &'a UseStateHandle<FiguresForm>,
}

/// 数字: 应到, 实到, 发出, 收回 entered or corrected, and deleting the count.
fn figures_tab(v: &FiguresView) -> Html {
    let FiguresView {
        app,
        count,
        c,
        busy,
        form: figures_form,
    } = *v;
    let t = app.lang.texts();
    let b = app.lang.ballot();
    let ask = |question: CountAsk| send(app, move |_: MouseEvent| CountAction::Ask(question));
    // Deleting a count started with a PIN asks for it, as deleting a session does.
    let ask_pin = {
        let id = count.id().to_string();
        send(app, move |_: MouseEvent| PinAction::Ask {
            session: id.clone(),
            intent: crate::app::state::Intent::DeleteCount,
        })
    };
    let errors = match &c.figures_problem {
        Some(FiguresProblem::Fields(f)) => f.clone(),
        _ => Vec::new(),
    };
    let field = |field: SessionField,
                 label: &'static str,
                 value: &str,
                 set: fn(&mut FiguresForm, String)| {
        let form = figures_form.clone();
        let oninput = Callback::from(move |v: String| {
            let mut next = (*form).clone();
            set(&mut next, v);
            form.set(next);
        });
        let msgs = crate::app::components::form::problems_of(&errors, field, t);
        text_field(field, label, value, InputKind::Number, &msgs, oninput)
    };
    let onsubmit = {
        let app = app.clone();
        let form = figures_form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            app.dispatch(Action::Count(CountAction::SetFigures {
                form: (*form).clone(),
                now_ms: page::now_ms(),
            }));
        })
    };
    html! {
        <>
            <form class="figures" {onsubmit} novalidate=true>
                <h2>{ b.figures_heading }</h2>
                { field(SessionField::Due, t.field_due, &figures_form.due, |f, v| f.due = v) }
                { field(SessionField::Present, t.field_present, &figures_form.present, |f, v| f.present = v) }
                { field(SessionField::Issued, t.field_issued_paper, &figures_form.issued, |f, v| f.issued = v) }
                { field(SessionField::Returned, t.field_returned, &figures_form.returned, |f, v| f.returned = v) }
                if let Some(FiguresProblem::Refused(r)) = &c.figures_problem {
                    <p class="field-error" role="alert">{ (b.count_refused)(*r) }</p>
                }
                <button type="submit" class="primary" disabled={busy}>{ b.save }</button>
            </form>
            <div class="actions danger-zone">
                if count.record.pin.is_some() {
                    <button class="danger" disabled={busy} onclick={ask_pin}>{ t.delete_count }</button>
                } else {
                    <button class="danger" disabled={busy} onclick={ask(CountAsk::Delete)}>{ t.delete_count }</button>
                }
            </div>
        </>
    }
}

/// What the entry tab reads.
struct EntryView<'a> {
    app: &'a AppHandle,
    count: &'a crate::app::state::Count,
    log: &'a CountLog,
    c: &'a crate::app::state::Counting,
    busy: bool,
    choosing_void: &'a UseStateHandle<bool>,
    /// 拍照计票 turned on.
    camera_on: &'a UseStateHandle<bool>,
    /// The marking area: the only part of the pad that scrolls.
    scroll: &'a NodeRef,
}

/// The pad, laid out for one screen of a phone: the ballot's number and the last step saved
/// at the top, the marks in a grid in between (the only part that scrolls, and only when a
/// ballot has more than fits), and a bar at the bottom for the thumb with 下一张, 空白票 and
/// 废票 and what the ballot counts as.
fn entry_tab(v: &EntryView) -> Html {
    let EntryView {
        app,
        count,
        log,
        c,
        busy,
        choosing_void,
        camera_on,
        scroll,
    } = *v;
    let t = app.lang.texts();
    let b = app.lang.ballot();
    let template = &count.template;
    let tap = |make: fn(u64) -> Action| send(app, move |_: MouseEvent| make(page::now_ms()));
    let on_pad = { send(app, move |p: PadAction| CountAction::Pad(p)) };
    let checked = check(template, &c.ballot).ok();
    let verdict_class = checked.as_ref().map(|k| match k.verdict {
        ballot_core::Verdict::Valid => "valid",
        ballot_core::Verdict::Blank => "blank",
        ballot_core::Verdict::Void(_) => "void",
    });
    let problem = c.problem.as_ref().map(|p| match p {
        PadProblem::Refused(r) => (b.count_refused)(*r),
        PadProblem::NotStored(e) => (b.not_saved)(e.message(t)),
        PadProblem::BadWriteIn => (b.mark_refused)(&MarkRefused::WriteInInvalid),
    });
    let full = c.correcting.is_none() && log.room().is_err();
    let suggestions = log.write_in_names();
    let void_choice = {
        let set = choosing_void.setter();
        Callback::from(move |_| set.set(true))
    };
    let strike_last = log
        .last_live()
        .filter(|_| c.correcting.is_none())
        .map(|seq| {
            send(app, move |_: MouseEvent| {
                CountAction::Ask(CountAsk::Strike { seq, undo: true })
            })
        });
    html! {
        <div class="pad">
            <div class="pad-heading">
                <h2>{ match c.correcting {
                    Some(seq) => (b.correcting)(seq),
                    None => (b.entering)(log.next_seq()),
                } }</h2>
                if c.correcting.is_some() {
                    <button onclick={tap(|_| Action::Count(CountAction::CancelCorrection))} disabled={busy}>{ b.cancel_correction }</button>
                } else {
                    <p class="saved" role="status">{ for log.last_step().map(b.saved_step) }</p>
                }
            </div>
            <div class="pad-scroll" ref={scroll.clone()}>
                if **camera_on && c.correcting.is_none() && !full {
                    <CameraPanel app={app.clone()} template={AttrValue::from(count.record.template.clone())}
                        category={count.spec().category} test={count.record.test} drafting={c.camera.is_some()}
                        free={c.takes_reading(count)} next_seq={log.next_seq()}
                        on_close={{ let set = camera_on.setter(); Callback::from(move |_| set.set(false)) }} />
                }
                if let Some(d) = &c.camera {
                    { decisions(app, template, d, &c.ballot, &suggestions, busy) }
                }
                if full {
                    <p class="notice" role="status">{ (t.all_entered)(log.figures().returned.unwrap_or(0)) }</p>
                }
                <fieldset class="sections" disabled={busy}>
                    { paper_pad(template, &c.ballot, &suggestions, &on_pad, b) }
                </fieldset>
                <div class="actions">
                    <button disabled={busy} onclick={tap(|_| Action::Count(CountAction::Pad(PadAction::Clear)))}>{ b.clear_ballot }</button>
                    if let Some(onclick) = strike_last {
                        <button disabled={busy} {onclick}>{ b.undo_last }</button>
                    }
                    if !**camera_on && c.correcting.is_none() && !full {
                        <button onclick={{ let set = camera_on.setter(); Callback::from(move |_| set.set(true)) }}>{ b.camera_start }</button>
                    }
                </div>
            </div>
            <div class="pad-bar">
                if let Some(k) = &checked {
                    <div class="verdict" data-verdict={verdict_class} role="status">
                        <p class="verdict-line">{ b.verdict(&k.verdict) }</p>
                        { for b.ballot_notes(template, k).into_iter().map(|n| html! { <p>{ n }</p> }) }
                    </div>
                }
                if let Some(msg) = problem {
                    <p class="refusal" role="alert">{ ballot_ui::text::coded(&msg) }</p>
                }
                if **choosing_void {
                    <div class="void-reasons" role="group" aria-labelledby="void-prompt">
                        <p id="void-prompt">{ b.void_reason_prompt }</p>
                        { for [DeclaredVoid::Unreadable, DeclaredVoid::NonStandardMark, DeclaredVoid::Other].into_iter().map(|reason| {
                            let app = app.clone();
                            let set = choosing_void.setter();
                            let onclick = Callback::from(move |_| {
                                set.set(false);
                                app.dispatch(Action::Count(CountAction::CommitVoid { reason, now_ms: page::now_ms() }));
                            });
                            html! { <button class="danger" disabled={busy} {onclick}>{ (b.void_reason)(reason) }</button> }
                        }) }
                        <button onclick={{ let set = choosing_void.setter(); Callback::from(move |_| set.set(false)) }}>{ t.cancel }</button>
                    </div>
                } else {
                    <div class="bar-buttons">
                        <button disabled={busy} onclick={tap(|now_ms| Action::Count(CountAction::CommitBlank { now_ms }))}>
                            { if template.spec().marking.scheme == ballot_core::template::Scheme::Inverted { b.unmarked_ballot } else { b.blank_ballot } }
                        </button>
                        <button class="danger" disabled={busy} onclick={void_choice}>{ b.void_ballot }</button>
                        <button class="primary next" disabled={busy} onclick={tap(|now_ms| Action::Count(CountAction::Commit { now_ms }))}>
                            { if busy { b.saving } else if c.correcting.is_some() { b.save_correction } else { b.next_ballot } }
                        </button>
                    </div>
                }
            </div>
        </div>
    }
}

/// What the camera left to the counter on the ballot on the pad: each with its part of
/// the photo, enlarged, and the choices the form has there.
fn decisions(
    app: &AppHandle,
    template: &ballot_core::Template,
    d: &crate::app::state::CameraDraft,
    ballot: &ballot_core::Ballot,
    suggestions: &[String],
    busy: bool,
) -> Html {
    use ballot_core::omr::propose::{choices, Open};
    let b = app.lang.ballot();
    let symbol = template.spec().marking.symbol;
    let open: Vec<(usize, Open)> = d.draft.open().map(|(k, o)| (k, *o)).collect();
    if open.is_empty() {
        return html! {};
    }
    html! {
        <section class="decisions" aria-labelledby="decide-heading">
            <h3 id="decide-heading">{ (b.decide_heading)(open.len()) }</h3>
            <ol>
                { for open.into_iter().map(|(k, o)| {
                    let image = |what: &str| d.images.get(k).map(|src| html! {
                        <img src={src.clone()} alt={(b.decide_image)(what)} class="enlarged" />
                    });
                    match o {
                        Open::Box { what, read, doubt } => {
                            let label = box_label(app, template, what);
                            let image = image(&label);
                            html! {
                                <li key={k}>
                                    { for image }
                                    <p>{ (b.decide_box)(&label, read, doubt, symbol) }</p>
                                    <div class="choices" role="group" aria-label={label.clone()}>
                                        { for choices(template, what).into_iter().map(|marks| html! {
                                            <button disabled={busy} aria-label={format!("{label}{}{}", app.lang.punct().colon, (b.decide_choice)(marks, symbol))}
                                                onclick={send(app, move |_: MouseEvent| CountAction::CameraDecide { k, marks: Some(marks) })}>
                                                { (b.decide_choice)(marks, symbol) }
                                            </button>
                                        }) }
                                    </div>
                                </li>
                            }
                        }
                        Open::Name { section, slot } => {
                            let value = ballot.write_in(section, slot).to_string();
                            let oninput = send(app, move |e: InputEvent| {
                                let text = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                                CountAction::Pad(PadAction::WriteIn { section, slot, text })
                            });
                            let id = format!("decide-name-{k}");
                            let image = image(&(b.write_in_cell)(slot));
                            html! {
                                <li key={k}>
                                    { for image }
                                    <label for={id.clone()}>{ (b.decide_name)(slot) }</label>
                                    <input id={id} type="text" value={value.clone()} {oninput} disabled={busy} />
                                    // The names written so far in this count: one tap, so one
                                    // person's name is spelt one way.
                                    <p class="suggestions">
                                        { for suggestions.iter().filter(|n| **n != value).take(6).map(|name| {
                                            let text = name.clone();
                                            html! {
                                                <button class="chip" disabled={busy} aria-label={(b.decide_fill)(slot, name)}
                                                    onclick={send(app, move |_: MouseEvent| CountAction::Pad(PadAction::WriteIn { section, slot, text: text.clone() }))}>
                                                    { name }
                                                </button>
                                            }
                                        }) }
                                    </p>
                                    <button disabled={busy}
                                        onclick={send(app, move |_: MouseEvent| CountAction::CameraDecide { k, marks: None })}>
                                        { b.decide_name_ok }
                                    </button>
                                </li>
                            }
                        }
                    }
                }) }
            </ol>
        </section>
    }
}

/// A box as the counter knows it: the name, the write-in cell, or the item and level.
fn box_label(
    app: &AppHandle,
    template: &ballot_core::Template,
    what: ballot_core::omr::layout::BoxRef,
) -> String {
    use ballot_core::omr::layout::BoxRef;
    use ballot_core::Section;
    let b = app.lang.ballot();
    match (what, template.sections()) {
        (BoxRef::Listed { section, candidate }, s) => match s.get(section) {
            Some(Section::Recommendation(r)) => r
                .candidates
                .get(candidate)
                .map(|c| c.label())
                .unwrap_or_default(),
            _ => String::new(),
        },
        (BoxRef::WriteIn { slot, .. }, _) => (b.write_in_box)(slot),
        (
            BoxRef::Level {
                section,
                item,
                level,
            },
            s,
        ) => match s.get(section) {
            Some(Section::Evaluation(e)) => {
                let item = e
                    .items()
                    .nth(item)
                    .map(|i| b.item_label(&i))
                    .unwrap_or_default();
                let level = e.levels.get(level).cloned().unwrap_or_default();
                format!("{item} · {level}")
            }
            _ => String::new(),
        },
    }
}

/// 测试票: a test count's deck, ballot by ballot as its script reads them aloud, and what
/// was entered against it ([`ballot_core::deck::compare`]).
fn deck_tab(app: &AppHandle, count: &Count, log: &CountLog) -> Html {
    let b = app.lang.ballot();
    let template = &count.template;
    let deck = ballot_core::deck::deck(
        template,
        count.spec().category,
        ballot_core::deck::WRITE_INS,
    );
    let entered: Vec<ballot_core::Ballot> = log.live().cloned().collect();
    let what = |ballot: &ballot_core::Ballot| b.paper_marks(template, ballot);
    let differences = ballot_core::deck::compare(&deck, &entered);
    html! {
        <section class="deck" aria-labelledby="deck-heading">
            <h2 id="deck-heading">{ b.deck_heading }</h2>
            <p class="hint">{ b.deck_intro }</p>
            <ol class="script">
                { for deck.iter().enumerate().map(|(k, ballot)| html! {
                    <li>{ (b.deck_line)(k + 1, &what(ballot)) }</li>
                }) }
            </ol>
            <h3>{ b.deck_compare_heading }</h3>
            if entered.len() < deck.len() {
                <p role="status">{ (b.deck_progress)(entered.len(), deck.len()) }</p>
            }
            if differences.is_empty() {
                <p class="deck-same" role="status">{ (b.deck_same)(deck.len()) }</p>
            } else if entered.len() >= deck.len() {
                <div role="alert">
                    <p class="deck-differs">{ (b.deck_differs)(differences.len()) }</p>
                    <ul>
                        { for differences.iter().map(|d| {
                            let ours = d.ours.and_then(|i| deck.get(i).map(|x| (i + 1, what(x))));
                            let theirs = d.theirs.and_then(|i| entered.get(i).map(|x| (i + 1, what(x))));
                            html! { <li>{ (b.deck_difference)(
                                ours.as_ref().map(|(n, s)| (*n, s.as_str())),
                                theirs.as_ref().map(|(n, s)| (*n, s.as_str())),
                            ) }</li> }
                        }) }
                    </ul>
                </div>
            }
        </section>
    }
}
