//! Form pieces shared by the organiser's and the counter's forms: a labelled text field
//! with its problems, and the choice of template.

use ballot_core::form::{SessionError, SessionField};
use ballot_core::{Section, Texts};
use yew::prelude::*;

use crate::app::state::Entry;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Text,
    /// A whole number: the numeric keypad on phones.
    Number,
    /// Digits, hidden.
    Pin,
}

/// The element id of a field's input, and of its problems.
pub fn field_id(field: SessionField) -> String {
    format!("field-{}", field as u8)
}

/// The problems with one field, in words.
pub fn problems_of(
    errors: &[(SessionField, SessionError)],
    field: SessionField,
    t: &Texts,
) -> Vec<String> {
    errors
        .iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, e)| (t.session_error)(*e))
        .collect()
}

/// The problems under a field (or a group of radio buttons), read out with it.
pub fn problems(field: SessionField, messages: &[String]) -> Html {
    if messages.is_empty() {
        return html! {};
    }
    html! {
        <p class="field-error" id={format!("{}-error", field_id(field))} role="alert">
            { for messages.iter().enumerate().map(|(i, m)| html! { <>{ if i > 0 { " " } else { "" } }{ ballot_ui::text::coded(m) }</> }) }
        </p>
    }
}

/// A labelled text input. Its problems sit under it, are announced with it
/// (aria-describedby), and mark it invalid, which is where focus goes after a refused
/// submit.
pub fn text_field(
    field: SessionField,
    label: &'static str,
    value: &str,
    kind: InputKind,
    messages: &[String],
    oninput: Callback<String>,
) -> Html {
    // A PIN is a text field shown as dots (`.pin` in the CSS), not a password field: a
    // browser offers to save a form with a password field as a login (the 居民区 as the user
    // name, the PIN as its password), and fills it in again on the next new session.
    let (mode, class) = match kind {
        InputKind::Pin => ("numeric", Some("pin")),
        InputKind::Number => ("numeric", None),
        InputKind::Text => ("text", None),
    };
    let id = field_id(field);
    let bad = !messages.is_empty();
    let oninput = Callback::from(move |e: InputEvent| {
        oninput.emit(ballot_ui::text::typed(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        ))
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            <input id={id.clone()} type="text" inputmode={mode} {class} value={value.to_string()} {oninput}
                autocomplete="off" spellcheck="false" aria-invalid={if bad { "true" } else { "false" }}
                aria-describedby={bad.then(|| format!("{id}-error"))} />
            { problems(field, messages) }
        </div>
    }
}

/// The templates this device offers, one radio button each, with what they hold and their
/// fingerprint (模板校验码) so two areas can tell they use the same one.
pub fn template_choice(
    templates: &[Entry],
    chosen: usize,
    on_choose: Callback<usize>,
    t: &'static Texts,
) -> Html {
    html! {
        <fieldset class="field">
            <legend>{ t.field_template }</legend>
            { for templates.iter().enumerate().map(|(i, e)| {
                let on_choose = on_choose.clone();
                let kinds: Vec<&str> = e.template.sections().iter().map(|s| match s {
                    Section::Evaluation(_) => t.kind_evaluation,
                    Section::Recommendation(r) if r.election.is_some() => t.kind_election,
                    Section::Recommendation(_) => t.kind_recommendation,
                }).collect();
                html! {
                    <label class="option">
                        <input type="radio" name="template" checked={i == chosen}
                            onchange={Callback::from(move |_| on_choose.emit(i))} />
                        <span>
                            { &e.name }
                            <small>{ kinds.join(" · ") }{ " · " }{ (t.template_header)(&e.template.spec().issuer, &e.fingerprint) }</small>
                        </span>
                    </label>
                }
            }) }
        </fieldset>
    }
}
