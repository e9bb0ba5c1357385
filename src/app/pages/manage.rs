//! The organiser's view of one session: what it is, how many ballots, its log, and the
//! actions (each behind the PIN). No results here: they follow the close.

use ballot_core::figures::parse_number;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::components::notice::notice;
use crate::app::components::rehearsal::test_banner;
use crate::app::pages::home::{session_line, session_status};
use crate::app::send;
use crate::app::state::{Action, Intent};
use crate::app::state::{Go, PinAction, SessionAction, StoreEvent};
use crate::app::AppHandle;
use crate::platform::page;

#[derive(Properties, PartialEq)]
pub struct ManageProps {
    pub app: AppHandle,
    pub id: AttrValue,
}

#[component]
pub fn ManagePage(ManageProps { app, id }: &ManageProps) -> Html {
    let t = app.lang.texts();
    let issued_input = use_node_ref();
    let issued_error = use_state(|| None::<String>);
    let due_input = use_node_ref();
    let present_input = use_node_ref();
    let attendance_error = use_state(|| None::<String>);
    let Some(s) = app.session(id) else {
        return html! {};
    };
    let open = s.log.takes_ballots();
    let busy = app.pending.is_some();
    let ask = |intent: Intent| {
        let id = id.to_string();
        send(app, move |_: MouseEvent| PinAction::Ask {
            session: id.clone(),
            intent,
        })
    };
    let start = {
        let id = id.to_string();
        send(app, move |_: MouseEvent| {
            SessionAction::StartVoting(id.clone())
        })
    };
    let home = { send(app, move |_: MouseEvent| Go::Home) };
    let dismiss = { send(app, move |_: MouseEvent| StoreEvent::DismissNotice) };
    // The PIN question for an action that takes 发出 as typed in the field below (a new
    // 发出; after a damaged record, the organiser's decision), or the field's problem.
    let with_issued = |intent: fn(Option<u32>, bool) -> Intent, closed: bool| {
        let app = app.clone();
        let id = id.to_string();
        let input = issued_input.clone();
        let error = issued_error.clone();
        Callback::from(move |()| match read_number(&input) {
            Ok(issued) => {
                error.set(None);
                app.dispatch(Action::Pin(PinAction::Ask {
                    session: id.clone(),
                    intent: intent(issued, closed),
                }));
            }
            Err(e) => error.set(Some((app.lang.texts().session_error)(e))),
        })
    };
    let set_issued = with_issued(|issued, _| Intent::SetIssued(issued), false)
        .reform(|e: SubmitEvent| e.prevent_default());
    let decide = |closed: bool| {
        with_issued(|issued, closed| Intent::Decide { closed, issued }, closed)
            .reform(|_: MouseEvent| ())
    };
    // 应到 and 实到 as typed, asked with the PIN as one step.
    let set_attendance = {
        let app = app.clone();
        let id = id.to_string();
        let (due, present) = (due_input.clone(), present_input.clone());
        let error = attendance_error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match (read_number(&due), read_number(&present)) {
                (Ok(due), Ok(present)) => {
                    error.set(None);
                    app.dispatch(Action::Pin(PinAction::Ask {
                        session: id.clone(),
                        intent: Intent::SetAttendance { due, present },
                    }));
                }
                (Err(e), _) | (_, Err(e)) => error.set(Some((app.lang.texts().session_error)(e))),
            }
        })
    };
    let uncertain = s.log.uncertain();
    let turnout = s.turnout();
    let tag = app.lang.tag();

    html! {
        <main class="page manage">
            <header class="form-header">
                <button class="link" onclick={home}>{ "‹ " }{ t.back_home }</button>
                <h1>{ &s.template.spec().title }</h1>
                <p><bdi>{ session_line(s, t) }</bdi></p>
                <p class="meta">{ (t.template_header)(&s.template.spec().issuer, &s.fingerprint) }</p>
            </header>
            if s.record.test {
                { test_banner(app.lang.ballot().session_test_banner) }
            }
            if let Some(e) = app.notice {
                { notice(e.message(t), t.dismiss, dismiss) }
            }
            if app.wrong_pins_before > 0 {
                <p class="notice" role="alert">{ (t.pin_wrong_before)(app.wrong_pins_before) }</p>
            }
            <section class="card">
                { session_status(s, t) }
                <div class="actions">
                    if uncertain {
                        <p class="field-error" role="alert">{ t.uncertain_body }</p>
                        <button onclick={decide(true)} disabled={busy}>{ t.decide_closed }</button>
                        <button onclick={decide(false)} disabled={busy}>{ t.decide_open }</button>
                    } else if open {
                        <button class="primary" onclick={start} disabled={busy}>{ t.start_voting }</button>
                        <button onclick={ask(Intent::Close)} disabled={busy}>{ t.close_session }</button>
                    } else {
                        <button class="primary" onclick={ask(Intent::Results)} disabled={busy}>{ t.view_results }</button>
                        <button onclick={ask(Intent::Reopen)} disabled={busy}>{ t.reopen_session }</button>
                    }
                </div>
                if open {
                    <p class="hint">{ t.results_after_close }</p>
                }
            </section>
            <form class="inline-form" onsubmit={set_issued} aria-label={t.set_issued}>
                { number_input(t.set_issued, issued_input, turnout.issued) }
                <button type="submit" disabled={busy}>{ t.confirm }</button>
                if let Some(e) = &*issued_error {
                    <p class="field-error" role="alert">{ ballot_ui::text::coded(e) }</p>
                }
            </form>
            <form class="attendance" onsubmit={set_attendance} aria-labelledby="attendance-heading">
                <h2 id="attendance-heading">{ t.set_attendance }</h2>
                <p class="hint">{ t.attendance_hint }</p>
                <div class="inline-form">
                    { number_input(t.field_due, due_input, turnout.due) }
                    { number_input(t.field_present, present_input, turnout.present) }
                    <button type="submit" disabled={busy}>{ t.confirm }</button>
                </div>
                if let Some(e) = &*attendance_error {
                    <p class="field-error" role="alert">{ ballot_ui::text::coded(e) }</p>
                }
            </form>
            <section>
                <h2>{ t.log_heading }</h2>
                <ol class="log">
                    <li>{ (t.opened_at)(&page::format_time(s.record.opened_ms, tag)) }</li>
                    { for s.log.events().iter().map(|e| html! {
                        <li>{ page::format_time(e.at_ms, tag) }{ " " }{ (t.event_text)(&e.kind) }</li>
                    }) }
                </ol>
            </section>
            <div class="actions danger-zone">
                <button class="danger" onclick={ask(Intent::Delete)} disabled={busy}>{ t.delete_session }</button>
            </div>
        </main>
    }
}

/// A figure's field (发出, 应到, 实到), read when its form is sent.
fn number_input(label: &'static str, node: NodeRef, value: Option<u32>) -> Html {
    html! {
        <label class="field">
            <span>{ label }</span>
            <input ref={node} type="text" inputmode="numeric" autocomplete="off"
                value={value.map(|n| n.to_string()).unwrap_or_default()} />
        </label>
    }
}

/// What a figure's field holds: a number, nothing (unknown), or why it is not one.
fn read_number(node: &NodeRef) -> Result<Option<u32>, ballot_core::form::SessionError> {
    let text = node
        .cast::<HtmlInputElement>()
        .map(|el| el.value())
        .unwrap_or_default();
    parse_number(&text)
}
