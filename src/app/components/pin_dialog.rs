//! The PIN question before every organiser action. It reads the app state (which action,
//! which session) because it is the one place all of them pass through.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::send;
use crate::app::state::PinAction;
use crate::app::state::{Action, Intent, PinAnswer};
use crate::app::AppHandle;
use crate::platform::page;

#[derive(Properties, PartialEq)]
pub struct PinDialogProps {
    pub app: AppHandle,
}

#[component]
pub fn PinDialog(PinDialogProps { app }: &PinDialogProps) -> Html {
    let input = use_node_ref();
    let t = app.lang.texts();
    // Focus the field when the dialog opens and empty it after each answer.
    {
        let input = input.clone();
        let answer = app.prompt.as_ref().map(|p| p.answer);
        use_effect_with(answer, move |_| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                el.set_value("");
                let _ = el.focus();
            }
        });
    }
    let Some(prompt) = app.prompt.clone() else {
        return html! {};
    };
    let filled = (app.session(&prompt.session).and_then(|s| s.sum())).map_or(0, |s| s.filled);
    let (title, body, confirm): (&str, String, &str) = match prompt.intent {
        Intent::LeaveVoting => (t.pin_leave_title, t.pin_leave_body.into(), t.confirm),
        Intent::Results => (t.pin_results_title, String::new(), t.view_results),
        Intent::Close => (t.close_session, (t.pin_close_body)(filled), t.close_session),
        Intent::Reopen => (t.reopen_session, t.pin_reopen_body.into(), t.reopen_session),
        Intent::SetIssued(n) => (t.set_issued, (t.pin_issued_body)(n), t.confirm),
        Intent::SetAttendance { due, present } => (
            t.set_attendance,
            (t.pin_attendance_body)(due, present),
            t.confirm,
        ),
        Intent::Decide { closed, issued } => (
            t.pin_decide_title,
            (t.pin_decide_body)(closed, issued),
            t.confirm,
        ),
        Intent::Delete => (
            t.delete_session,
            (t.pin_delete_body)(filled),
            t.delete_session,
        ),
        Intent::DeleteCount => {
            let entered = app
                .replayed(&prompt.session)
                .map_or(0, |(_, r)| r.log.entered_count());
            (t.delete_count, (t.ask_delete_body)(entered), t.delete_count)
        }
    };
    let destructive = matches!(
        prompt.intent,
        Intent::Delete | Intent::DeleteCount | Intent::Close
    );
    let guard = app.pin_guard;
    let minutes_left = guard
        .until_ms
        .saturating_sub(page::now_ms())
        .div_ceil(60_000)
        .max(1);
    let checking = prompt.answer == PinAnswer::Checking;
    let onsubmit = {
        let app = app.clone();
        let input = input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let pin = input
                .cast::<HtmlInputElement>()
                .map(|el| el.value())
                .unwrap_or_default();
            app.dispatch(Action::Pin(PinAction::Enter {
                pin,
                now_ms: page::now_ms(),
            }));
        })
    };
    let cancel = { send(app, move |_: MouseEvent| PinAction::Cancel) };
    html! {
        <div class="overlay">
            <div class="dialog" data-danger={destructive.then_some("")} role="dialog" aria-modal="true"
                aria-labelledby="pin-title"><form {onsubmit}>
                <h2 id="pin-title">{ title }</h2>
                if !body.is_empty() {
                    <p>{ body }</p>
                }
                <label class="field">
                    <span>{ t.pin_label }</span>
                    // Shown as dots, not a password field: see `form::text_field`.
                    <input ref={input} type="text" class="pin" inputmode="numeric" autocomplete="off"
                        spellcheck="false" maxlength="12" aria-invalid={if prompt.answer == PinAnswer::None { "false" } else { "true" }} />
                </label>
                if prompt.answer == PinAnswer::Wrong {
                    <p class="field-error" role="alert">{ (t.pin_wrong)(guard.wrong) }</p>
                }
                if prompt.answer == PinAnswer::Locked {
                    <p class="field-error" role="alert">{ (t.pin_locked)(guard.wrong, minutes_left) }</p>
                }
                if app.cannot_derive {
                    <p class="field-error" role="alert">{ t.pin_unavailable }</p>
                }
                <div class="actions">
                    <button type="button" onclick={cancel}>{ t.cancel }</button>
                    <button type="submit" class="primary" disabled={checking}>
                        { if checking { t.pin_checking } else { confirm } }
                    </button>
                </div>
            </form></div>
        </div>
    }
}
