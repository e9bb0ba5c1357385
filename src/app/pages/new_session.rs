//! Opening a voting session: template, unit, voter category, 发出, PIN. The form's text
//! lives here; checking it is the core's (`SessionSpec::checked`, `Pin::new`), through the
//! reducer, and each problem is shown under its field.

use ballot_core::form::SessionField;
use ballot_core::session::CategoryRule;
use yew::prelude::*;

use crate::app::components::form::{problems, problems_of, template_choice, text_field, InputKind};
use crate::app::send;
use crate::app::state::{Action, SessionForm};
use crate::app::state::{Go, SessionAction, StoreEvent};
use crate::app::PageProps;
use crate::platform::{db, page};

#[component]
pub fn NewSessionPage(PageProps { app }: &PageProps) -> Html {
    let t = app.lang.texts();
    let b = app.lang.ballot();
    let form = use_state(SessionForm::default);
    let template = app.templates.get(form.template);
    let busy = app.pending.is_some() || app.deriving.is_some();
    // After a refused submit, go to the first problem.
    use_effect_with(app.form_errors.clone(), |errors| {
        if !errors.is_empty() {
            page::focus_first_invalid();
        }
    });
    let field = |field: SessionField,
                 label: &'static str,
                 value: &str,
                 kind: InputKind,
                 set: fn(&mut SessionForm, String)| {
        let form = form.clone();
        let oninput = Callback::from(move |v: String| {
            let mut next = (*form).clone();
            set(&mut next, v);
            form.set(next);
        });
        text_field(
            field,
            label,
            value,
            kind,
            &problems_of(&app.form_errors, field, t),
            oninput,
        )
    };

    let onsubmit = {
        let app = app.clone();
        let form = form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Session id and PIN salt from the CSPRNG; without one, nothing can be stored.
            let (id, salt) = match (db::random_bytes(), db::random_bytes()) {
                (Ok(id), Ok(salt)) => (id, salt),
                (Err(e), _) | (_, Err(e)) => {
                    return app.dispatch(Action::Store(StoreEvent::Notice(e)))
                }
            };
            app.dispatch(Action::Session(SessionAction::Create {
                form: (*form).clone(),
                id: ballot_core::fingerprint::hex(&id),
                salt,
                now_ms: page::now_ms(),
            }));
        })
    };
    let cancel = { send(app, move |_: MouseEvent| Go::Home) };
    let choose_template = {
        let form = form.clone();
        // Categories belong to the template: choose again.
        Callback::from(move |i| {
            form.set(SessionForm {
                template: i,
                category: None,
                ..(*form).clone()
            })
        })
    };

    let categories = template
        .map(|e| e.template.categories().to_vec())
        .unwrap_or_default();
    let chosen = form.category.unwrap_or(if categories.is_empty() {
        CategoryRule::None
    } else {
        CategoryRule::VoterChooses
    });
    let category_option = |rule: CategoryRule, name: &str| {
        let form = form.clone();
        let onchange = Callback::from(move |_: Event| {
            form.set(SessionForm {
                category: Some(rule),
                ..(*form).clone()
            })
        });
        html! {
            <label class="option">
                <input type="radio" name="category" checked={chosen == rule} {onchange} />
                <span>{ name }</span>
            </label>
        }
    };

    html! {
        <main class="page new-session">
            <header class="form-header">
                <button class="link" onclick={cancel.clone()}>{ "‹ " }{ t.back_home }</button>
                <h1>{ t.new_session_heading }</h1>
            </header>
            <form {onsubmit} novalidate=true>
                { template_choice(&app.templates, form.template, choose_template, t) }
                { field(SessionField::Area, t.field_area, &form.area, InputKind::Text, |f, v| f.area = v) }
                { field(SessionField::Branch, t.field_branch, &form.branch, InputKind::Text, |f, v| f.branch = v) }
                if !categories.is_empty() {
                    <fieldset class="field">
                        <legend>{ t.field_category }</legend>
                        { for categories.iter().enumerate().filter_map(|(i, name)| {
                            let index = u16::try_from(i).ok()?;
                            Some(category_option(CategoryRule::Fixed { index }, name))
                        }) }
                        { category_option(CategoryRule::VoterChooses, t.voters_choose) }
                        { problems(SessionField::Category, &problems_of(&app.form_errors, SessionField::Category, t)) }
                    </fieldset>
                }
                { field(SessionField::Due, t.field_due, &form.due, InputKind::Number, |f, v| f.due = v) }
                { field(SessionField::Present, t.field_present, &form.present, InputKind::Number, |f, v| f.present = v) }
                { field(SessionField::Issued, t.field_issued, &form.issued, InputKind::Number, |f, v| f.issued = v) }
                { field(SessionField::Idle, t.field_idle, &form.idle, InputKind::Number, |f, v| f.idle = v) }
                { field(SessionField::Pin, t.field_pin, &form.pin, InputKind::Pin, |f, v| f.pin = v) }
                { field(SessionField::PinRepeat, t.field_pin_repeat, &form.pin_repeat, InputKind::Pin, |f, v| f.pin_repeat = v) }
                <p class="hint">{ t.pin_hint }</p>
                <label class="option test-mode">
                    <input type="checkbox" checked={form.test} onchange={{
                        let form = form.clone();
                        Callback::from(move |_: Event| form.set(SessionForm { test: !form.test, ..(*form).clone() }))
                    }} />
                    <span>{ b.session_test_option }</span>
                </label>
                <p class="hint">{ b.session_test_hint }</p>
                if let Some(e) = app.notice {
                    <p class="field-error" role="alert">{ e.message(t) }</p>
                }
                if app.cannot_derive {
                    <p class="field-error" role="alert">{ t.pin_unavailable }</p>
                }
                <div class="actions">
                    <button type="button" onclick={cancel}>{ t.cancel }</button>
                    <button type="submit" class="primary" disabled={busy}>{ t.create_session }</button>
                </div>
            </form>
        </main>
    }
}
