//! Blank paper forms of a template on A4 (print CSS in studio.css): the official layout
//! with title, instructions in the template's marking scheme, the name grid with mark
//! boxes or the rating table, write-in cells and the fingerprint. One, two or four forms a
//! sheet, where they fit (`ballot_core::paper`).

use ballot_core::i18n::studio::StudioTexts;
use ballot_core::paper::{self, Cell};
use ballot_core::{Section, Template};
use yew::prelude::*;

use crate::app::ViewProps;
use crate::platform;
use crate::state::{Action, View};

fn paper_form(template: &Template, fingerprint: &str, per_page: u8, t: &StudioTexts) -> Html {
    let spec = template.spec();
    let texts = ballot_core::Lang::default().ballot();
    html! {
        <article class="paper-form">
            <h2 class="pf-title">{ &spec.title }</h2>
            <p class="pf-issuer">{ &spec.issuer }</p>
            if !spec.notes.is_empty() {
                <p class="pf-notes">{ &spec.notes }</p>
            }
            { for template.sections().iter().map(|section| match section {
                Section::Recommendation(r) => html! {
                    <section class="pf-section">
                        <h3>{ &r.title }</h3>
                        <p class="pf-instructions">{ (t.paper_recommendation)(r, spec.marking) }</p>
                        // The number of rows, for one form a sheet to size its cells to the page.
                        <table class="pf-grid" style={format!("--rows: {}", paper::name_rows(r, paper::columns(per_page)).len())}>
                            { for paper::name_rows(r, paper::columns(per_page)).into_iter().map(|row| html! {
                                <tbody class="pf-row">
                                    <tr class="pf-names">
                                        { for row.iter().map(|cell| match *cell {
                                            Cell::Listed(i) => {
                                                let c = &r.candidates[i.min(r.candidates.len().saturating_sub(1))];
                                                html! { <td>{ &c.name }if !c.note.is_empty() { <small>{ &c.note }</small> }</td> }
                                            }
                                            Cell::WriteIn(_) => html! { <td class="pf-write-in"><small>{ t.paper_write_in }</small></td> },
                                        }) }
                                    </tr>
                                    <tr class="pf-marks">{ for row.iter().map(|_| html! { <td></td> }) }</tr>
                                </tbody>
                            }) }
                        </table>
                    </section>
                },
                Section::Evaluation(e) => html! {
                    <section class="pf-section">
                        <h3>{ &e.title }</h3>
                        <p class="pf-instructions">{ (t.paper_evaluation)(spec.marking.symbol) }</p>
                        <table class="pf-table" style={format!("--rows: {}", e.item_count())}>
                            <thead>
                                <tr>
                                    <th scope="col">{ t.paper_subject }</th>
                                    { for e.levels.iter().map(|l| html! { <th scope="col">{ l }</th> }) }
                                </tr>
                            </thead>
                            <tbody>
                                { for e.items().map(|item| html! {
                                    <tr>
                                        <th scope="row">
                                            { texts.item_label(&item) }
                                            if !item.role.is_empty() { { " " }<small>{ item.role }</small> }
                                        </th>
                                        { for e.levels.iter().map(|_| html! { <td></td> }) }
                                    </tr>
                                }) }
                            </tbody>
                        </table>
                    </section>
                },
            }) }
            <p class="pf-footer">{ t.fingerprint_label }{ " " }{ fingerprint }</p>
        </article>
    }
}

#[component]
pub fn PrintView(ViewProps { studio }: &ViewProps) -> Html {
    let t = studio.t;
    let View::Print { id, per_page } = &studio.view else {
        return html! {};
    };
    let Some(entry) = studio.library.get(id) else {
        return html! {};
    };
    let (Some(template), Some(fingerprint)) = (entry.template(), entry.fingerprint()) else {
        return html! {};
    };
    let per_page = if paper::fits(template, *per_page) {
        *per_page
    } else {
        1
    };
    let back = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| studio.dispatch(Action::ToLibrary))
    };
    let layouts = paper::LAYOUTS.iter().map(|&n| {
        let fits = paper::fits(template, n);
        let studio = studio.clone();
        html! {
            <label class="option" data-disabled={(!fits).then_some("")}>
                <input type="radio" name="per-page" checked={n == per_page} disabled={!fits}
                    onclick={Callback::from(move |_| studio.dispatch(Action::PerPage(n)))} />
                <span>{ (t.per_page)(n) }if !fits { <small>{ " " }{ t.per_page_too_long }</small> }</span>
            </label>
        }
    });
    html! {
        <section class="print-view" aria-labelledby="print-title">
            <h1 id="print-title">{ (t.print_title)(&entry.name) }</h1>
            <fieldset class="field">
                <legend>{ t.per_page_legend }</legend>
                { for layouts }
            </fieldset>
            <p class="hint">{ t.print_hint }</p>
            <div class="actions">
                <button class="primary" onclick={Callback::from(|_| platform::print())}>{ t.print }</button>
                <button onclick={back}>{ t.back_to_library }</button>
            </div>
            <div class="paper-print" aria-label={t.print_preview} role="region">
                <div class="paper-sheet" data-per-page={per_page.to_string()}>
                    { for (0..per_page).map(|_| paper_form(template, fingerprint, per_page, t)) }
                </div>
            </div>
        </section>
    }
}
