//! Starting a paper count: template, unit, the category of the ballots, and the figures
//! (应到, 实到, 发出, 收回) as far as they are known. Checking is the core's
//! (`CountSpec::checked`, `parse_figures`), through the reducer.

use ballot_core::form::SessionField;
use yew::prelude::*;

use crate::app::components::form::{problems, problems_of, template_choice, text_field, InputKind};
use crate::app::send;
use crate::app::state::{Action, CountForm};
use crate::app::state::{CountAction, Go, StoreEvent};
use crate::app::PageProps;
use crate::platform::{db, page};

#[component]
pub fn NewCountPage(PageProps { app }: &PageProps) -> Html {
    let t = app.lang.texts();
    let b = app.lang.ballot();
    let form = use_state(CountForm::default);
    let busy = app.pending.is_some();
    use_effect_with(app.form_errors.clone(), |errors| {
        if !errors.is_empty() {
            page::focus_first_invalid();
        }
    });
    let field = |field: SessionField,
                 label: &'static str,
                 value: &str,
                 kind: InputKind,
                 set: fn(&mut CountForm, String)| {
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
            match (db::random_bytes(), db::random_bytes()) {
                (Ok(id), Ok(salt)) => app.dispatch(Action::Count(CountAction::Create {
                    form: (*form).clone(),
                    id: ballot_core::fingerprint::hex(&id),
                    salt,
                    now_ms: page::now_ms(),
                })),
                (Err(e), _) | (_, Err(e)) => app.dispatch(Action::Store(StoreEvent::Notice(e))),
            }
        })
    };
    let cancel = { send(app, move |_: MouseEvent| Go::Home) };
    let choose_template = {
        let form = form.clone();
        // Categories belong to the template: choose again.
        Callback::from(move |i| {
            form.set(CountForm {
                template: i,
                category: None,
                ..(*form).clone()
            })
        })
    };
    let categories = app
        .templates
        .get(form.template)
        .map(|e| e.template.categories().to_vec())
        .unwrap_or_default();

    html! {
        <main class="page new-count">
            <header class="form-header">
                <button class="link" onclick={cancel.clone()}>{ "‹ " }{ t.back_home }</button>
                <h1>{ t.new_count_heading }</h1>
            </header>
            <form {onsubmit} novalidate=true>
                { template_choice(&app.templates, form.template, choose_template, t) }
                { field(SessionField::Area, t.field_area, &form.area, InputKind::Text, |f, v| f.area = v) }
                { field(SessionField::Branch, t.field_branch, &form.branch, InputKind::Text, |f, v| f.branch = v) }
                if !categories.is_empty() {
                    <fieldset class="field">
                        <legend>{ t.field_count_category }</legend>
                        { for categories.iter().enumerate().filter_map(|(i, name)| {
                            let index = u16::try_from(i).ok()?;
                            let checked = form.category == Some(index);
                            let form = form.clone();
                            let onchange = Callback::from(move |_: Event| {
                                form.set(CountForm { category: Some(index), ..(*form).clone() })
                            });
                            Some(html! {
                                <label class="option">
                                    <input type="radio" name="category" {checked} {onchange} />
                                    <span>{ name }</span>
                                </label>
                            })
                        }) }
                        { problems(SessionField::Category, &problems_of(&app.form_errors, SessionField::Category, t)) }
                    </fieldset>
                }
                <p class="hint">{ t.new_count_hint }</p>
                { field(SessionField::Due, t.field_due, &form.figures.due, InputKind::Number, |f, v| f.figures.due = v) }
                { field(SessionField::Present, t.field_present, &form.figures.present, InputKind::Number, |f, v| f.figures.present = v) }
                { field(SessionField::Issued, t.field_issued_paper, &form.figures.issued, InputKind::Number, |f, v| f.figures.issued = v) }
                { field(SessionField::Returned, t.field_returned, &form.figures.returned, InputKind::Number, |f, v| f.figures.returned = v) }
                { field(SessionField::Pin, t.field_pin, &form.pin, InputKind::Pin, |f, v| f.pin = v) }
                { field(SessionField::PinRepeat, t.field_pin_repeat, &form.pin_repeat, InputKind::Pin, |f, v| f.pin_repeat = v) }
                <p class="hint">{ t.count_pin_hint }</p>
                <label class="option test-mode">
                    <input type="checkbox" checked={form.test} onchange={{
                        let form = form.clone();
                        Callback::from(move |_: Event| form.set(CountForm { test: !form.test, ..(*form).clone() }))
                    }} />
                    <span>{ b.test_mode_option }</span>
                </label>
                <p class="hint">{ b.test_mode_hint }</p>
                if app.cannot_derive {
                    <p class="field-error" role="alert">{ t.pin_unavailable }</p>
                }
                if let Some(e) = app.notice {
                    <p class="field-error" role="alert">{ e.message(t) }</p>
                }
                <div class="actions">
                    <button type="button" onclick={cancel}>{ t.cancel }</button>
                    <button type="submit" class="primary" disabled={busy}>{ t.create_count }</button>
                </div>
            </form>
        </main>
    }
}
