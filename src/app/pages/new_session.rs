//! Opening a voting session: template, unit, voter category, 发出, PIN. The form's text
//! lives here; checking it is the core's (`SessionSpec::checked`, `Pin::new`), through the
//! reducer, and each problem is shown under its field.

use ballot_core::session::{CategoryRule, SessionField};
use ballot_core::Section;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::state::{Action, SessionForm};
use crate::app::PageProps;
use crate::platform::{db, page};

#[component]
pub fn NewSessionPage(PageProps { app }: &PageProps) -> Html {
    let t = app.lang.texts();
    let form = use_state(SessionForm::default);
    let template = app.templates.get(form.template);
    let busy = app.pending.is_some();
    // After a refused submit, go to the first problem.
    use_effect_with(app.form_errors.clone(), |errors| {
        if !errors.is_empty() {
            page::focus_first_invalid();
        }
    });

    // Each field's problems sit under it and are read out with it (aria-describedby).
    let error_id = |field: SessionField| format!("error-{}", field as u8);
    let errors_for = |field: SessionField| -> Html {
        let messages: Vec<String> = app
            .form_errors
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, e)| (t.session_error)(*e))
            .collect();
        if messages.is_empty() {
            return html! {};
        }
        html! {
            <p class="field-error" id={error_id(field)} role="alert">{ messages.join(" ") }</p>
        }
    };
    let invalid = |field: SessionField| app.form_errors.iter().any(|(f, _)| *f == field);
    let text_field = |label: &'static str,
                      field: SessionField,
                      value: &str,
                      kind: &'static str,
                      set: fn(&mut SessionForm, String)| {
        let form = form.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            set(
                &mut next,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            );
            form.set(next);
        });
        let (input_type, mode) = match kind {
            "pin" => ("password", "numeric"),
            "number" => ("text", "numeric"),
            _ => ("text", "text"),
        };
        let id = format!("field-{}", field as u8);
        let bad = invalid(field);
        html! {
            <div class="field">
                <label for={id.clone()}>{ label }</label>
                <input {id} type={input_type} inputmode={mode} value={value.to_string()} {oninput}
                    autocomplete="off" aria-invalid={if bad { "true" } else { "false" }}
                    aria-describedby={bad.then(|| error_id(field))} />
                { errors_for(field) }
            </div>
        }
    };

    let onsubmit = {
        let app = app.clone();
        let form = form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Session id and PIN salt from the CSPRNG; without one, nothing can be stored.
            let (id, salt) = match (db::random_bytes(), db::random_bytes()) {
                (Ok(id), Ok(salt)) => (id, salt),
                (Err(e), _) | (_, Err(e)) => return app.dispatch(Action::Notice(e)),
            };
            app.dispatch(Action::CreateSession {
                form: (*form).clone(),
                id: ballot_core::session::hex(&id),
                salt,
                now_ms: page::now_ms(),
            });
        })
    };
    let cancel = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::GoHome))
    };

    let categories = template
        .map(|e| e.template.categories().to_vec())
        .unwrap_or_default();
    let chosen = form.category.unwrap_or(if categories.is_empty() {
        CategoryRule::None
    } else {
        CategoryRule::VoterChooses
    });
    let choose_category = |rule: CategoryRule| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            form.set(SessionForm {
                category: Some(rule),
                ..(*form).clone()
            })
        })
    };

    html! {
        <main class="page new-session">
            <header class="form-header">
                <button class="link" onclick={cancel.clone()}>{ "‹ " }{ t.back_home }</button>
                <h1>{ t.new_session_heading }</h1>
            </header>
            <form {onsubmit} novalidate=true>
                <fieldset class="field">
                    <legend>{ t.field_template }</legend>
                    { for app.templates.iter().enumerate().map(|(i, e)| {
                        let onchange = {
                            let form = form.clone();
                            Callback::from(move |_: Event| {
                                // Categories belong to the template: choose again.
                                form.set(SessionForm { template: i, category: None, ..(*form).clone() })
                            })
                        };
                        let kinds: Vec<&str> = e.template.sections().iter().map(|s| match s {
                            Section::Evaluation(_) => t.kind_evaluation,
                            Section::Recommendation(_) => t.kind_recommendation,
                        }).collect();
                        html! {
                            <label class="option">
                                <input type="radio" name="template" checked={i == form.template} {onchange} />
                                <span>
                                    { &e.template.spec().title }
                                    <small>{ kinds.join(" · ") }{ " · " }{ (t.template_header)(&e.template.spec().issuer, &e.fingerprint) }</small>
                                </span>
                            </label>
                        }
                    }) }
                </fieldset>
                { text_field(t.field_area, SessionField::Area, &form.area, "text", |f, v| f.area = v) }
                { text_field(t.field_branch, SessionField::Branch, &form.branch, "text", |f, v| f.branch = v) }
                if !categories.is_empty() {
                    <fieldset class="field">
                        <legend>{ t.field_category }</legend>
                        { for categories.iter().enumerate().filter_map(|(i, name)| {
                            let index = u16::try_from(i).ok()?;
                            let rule = CategoryRule::Fixed { index };
                            Some(html! {
                                <label class="option">
                                    <input type="radio" name="category" checked={chosen == rule}
                                        onchange={choose_category(rule)} />
                                    <span>{ name }</span>
                                </label>
                            })
                        }) }
                        <label class="option">
                            <input type="radio" name="category" checked={chosen == CategoryRule::VoterChooses}
                                onchange={choose_category(CategoryRule::VoterChooses)} />
                            <span>{ t.voters_choose }</span>
                        </label>
                        { errors_for(SessionField::Category) }
                    </fieldset>
                }
                { text_field(t.field_issued, SessionField::Issued, &form.issued, "number", |f, v| f.issued = v) }
                { text_field(t.field_pin, SessionField::Pin, &form.pin, "pin", |f, v| f.pin = v) }
                { text_field(t.field_pin_repeat, SessionField::PinRepeat, &form.pin_repeat, "pin", |f, v| f.pin_repeat = v) }
                <p class="hint">{ t.pin_hint }</p>
                if let Some(e) = app.notice {
                    <p class="field-error" role="alert">{ e.message(t) }</p>
                }
                <div class="actions">
                    <button type="button" onclick={cancel}>{ t.cancel }</button>
                    <button type="submit" class="primary" disabled={busy}>{ t.create_session }</button>
                </div>
            </form>
        </main>
    }
}
