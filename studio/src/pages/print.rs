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
use crate::state::{Action, Sheet, View};

/// The template's test deck, as a count of no category makes it (the marks are the same
/// for every category).
fn deck(template: &Template) -> Vec<ballot_core::Ballot> {
    ballot_core::deck::deck(template, None, ballot_core::deck::WRITE_INS)
}

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

/// The machine-readable sheet (读票版): every element where `ballot_core::omr::layout` puts
/// it, in millimetres, so the reader finds each box where the printer put it.
fn readable_form(
    template: &Template,
    layout: &ballot_core::omr::layout::Layout,
    fingerprint: &str,
    marked: Option<&ballot_core::Ballot>,
    t: &StudioTexts,
) -> Html {
    use ballot_core::omr::layout::{Rect, Text};
    use ballot_core::omr::propose::box_marks;
    let spec = template.spec();
    let texts = ballot_core::Lang::default().ballot();
    // Hundredths of a millimetre, written as integers: float formatting would add its
    // code to the studio for these numbers alone.
    let mm = |v: f64| {
        let h = (v * 100.0).round() as i64;
        format!("{}.{:02}mm", h / 100, h % 100)
    };
    let at = |r: &Rect| {
        format!(
            "left:{};top:{};width:{};height:{}",
            mm(r.x),
            mm(r.y),
            mm(r.w),
            mm(r.h)
        )
    };
    let words = |text: Text| -> String {
        let names = |s: usize| match spec.sections.get(s) {
            Some(Section::Recommendation(r)) => Some(r),
            _ => None,
        };
        let rating = |s: usize| match spec.sections.get(s) {
            Some(Section::Evaluation(e)) => Some(e),
            _ => None,
        };
        match text {
            Text::Title => spec.title.clone(),
            Text::Issuer => spec.issuer.clone(),
            Text::Notes => spec.notes.clone(),
            Text::SectionTitle(s) => spec
                .sections
                .get(s)
                .map(|x| x.title().to_string())
                .unwrap_or_default(),
            Text::Instructions(s) => match &spec.sections.get(s) {
                Some(Section::Recommendation(r)) => (t.paper_recommendation)(r, spec.marking),
                Some(Section::Evaluation(_)) => (t.paper_evaluation)(spec.marking.symbol),
                None => String::new(),
            },
            Text::Listed { section, candidate } => names(section)
                .and_then(|r| r.candidates.get(candidate))
                .map(|c| c.label())
                .unwrap_or_default(),
            Text::WriteIn { .. } => t.paper_write_in.to_string(),
            Text::LevelName { section, level } => rating(section)
                .and_then(|e| e.levels.get(level).cloned())
                .unwrap_or_default(),
            Text::Item { section, item } => rating(section)
                .and_then(|e| e.items().nth(item))
                .map(|i| {
                    let label = texts.item_label(&i);
                    if i.role.is_empty() {
                        label
                    } else {
                        format!("{label} {}", i.role)
                    }
                })
                .unwrap_or_default(),
            Text::Fingerprint => (t.readable_footer)(fingerprint, layout.code.version),
        }
    };
    html! {
        <article class="omr-sheet" aria-label={t.readable_sheet}>
            { for layout.markers.iter().map(|m| html! { <div class="omr-ink" aria-hidden="true" style={at(m)}></div> }) }
            { for layout.track.iter().filter(|(_, on)| *on).map(|(c, _)| html! {
                <div class="omr-ink" aria-hidden="true" style={at(c)}></div>
            }) }
            { for layout.texts.iter().map(|b| {
                let class = match b.text {
                    Text::Title => "omr-text omr-title",
                    Text::Listed { .. } | Text::LevelName { .. } => "omr-text omr-center",
                    Text::WriteIn { .. } => "omr-text omr-write-in",
                    _ => "omr-text",
                };
                // A write-in cell's label is small, in its corner: the rest is for the name.
                let size = if matches!(b.text, Text::WriteIn { .. }) { b.size * 0.7 } else { b.size };
                let style = format!("{};font-size:{}", at(&b.rect), mm(size));
                // A test deck's name written in the cell, below its label.
                let written = match (b.text, marked) {
                    (Text::WriteIn { section, slot }, Some(ballot)) => {
                        Some(ballot.write_in(section, slot)).filter(|w| !w.is_empty())
                    }
                    _ => None,
                };
                html! {
                    <div {class} {style}>
                        { words(b.text) }
                        if let Some(name) = written { <span class="omr-written">{ name }</span> }
                    </div>
                }
            }) }
            { for layout.boxes.iter().map(|b| {
                // A test deck's marks drawn in, as a pen draws them (shapes, not glyphs:
                // the reader reads ink, and a font's ○ is too thin a line).
                let mark = marked.map(|ballot| box_marks(ballot, b.what)).and_then(|m| match m {
                    (true, false) => Some(if spec.marking.symbol == ballot_core::template::MarkSymbol::Tick { "omr-mark omr-tick" } else { "omr-mark omr-circle" }),
                    (false, true) => Some("omr-mark omr-cross"),
                    (true, true) => Some("omr-mark omr-circle omr-cross"),
                    (false, false) => None,
                });
                html! {
                    <div class="omr-box" aria-hidden="true" style={at(&b.rect)}>
                        if let Some(class) = mark { <div {class}></div> }
                    </div>
                }
            }) }
            if marked.is_some() {
                <div class="omr-text omr-stamp" style={format!("{};font-size:{}", at(&Rect { x: 25.0, y: 272.5, w: 160.0, h: 6.0 }), mm(4.5))}>
                    { t.deck_stamp }
                </div>
            }
        </article>
    }
}

#[component]
pub fn PrintView(ViewProps { studio }: &ViewProps) -> Html {
    let t = studio.t;
    // What is printed on the forms is in the template's language, whatever the screens'
    // (the templates are Chinese): only the page around them follows the screens.
    let paper = &ballot_core::i18n::studio::ZH_CN;
    let View::Print {
        id,
        per_page,
        sheet: chosen,
    } = &studio.view
    else {
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
    let sheet = ballot_core::omr::layout::layout(template, fingerprint).ok();
    // The deck's sheets carry a code of their own: only a count in 测试模式 reads them.
    let deck_sheet = ballot_core::omr::layout::test_layout(template, fingerprint).ok();
    let chosen = if sheet.is_some() {
        *chosen
    } else {
        Sheet::Forms
    };
    let readable = chosen != Sheet::Forms;
    let layouts = paper::LAYOUTS.iter().map(|&n| {
        let fits = paper::fits(template, n);
        let studio = studio.clone();
        html! {
            <label class="option" data-disabled={(!fits).then_some("")}>
                <input type="radio" name="per-page" checked={n == per_page && !readable} disabled={!fits}
                    onclick={Callback::from(move |_| studio.dispatch(Action::PerPage(n)))} />
                <span>{ (t.per_page)(n) }if !fits { <small>{ " " }{ t.per_page_too_long }</small> }</span>
            </label>
        }
    });
    let choose = |s: Sheet| {
        let studio = studio.clone();
        Callback::from(move |_| studio.dispatch(Action::Sheet(s)))
    };
    html! {
        <section class="print-view" aria-labelledby="print-title">
            <h1 id="print-title">{ (t.print_title)(&entry.name) }</h1>
            <fieldset class="field">
                <legend>{ t.per_page_legend }</legend>
                { for layouts }
                <label class="option" data-disabled={sheet.is_none().then_some("")}>
                    <input type="radio" name="per-page" checked={chosen == Sheet::Readable} disabled={sheet.is_none()}
                        onclick={choose(Sheet::Readable)} />
                    <span>{ t.readable_sheet }if sheet.is_none() { <small>{ " " }{ t.readable_too_long }</small> }</span>
                </label>
                <label class="option" data-disabled={sheet.is_none().then_some("")}>
                    <input type="radio" name="per-page" checked={chosen == Sheet::Deck} disabled={sheet.is_none()}
                        onclick={choose(Sheet::Deck)} />
                    <span>{ t.deck_sheets }</span>
                </label>
            </fieldset>
            <p class="hint">{ match chosen {
                Sheet::Forms => t.print_hint,
                Sheet::Readable => t.readable_hint,
                Sheet::Deck => t.deck_hint,
            } }</p>
            <div class="actions">
                <button class="primary" onclick={Callback::from(|_| platform::print())}>{ t.print }</button>
                <button onclick={back}>{ t.back_to_library }</button>
            </div>
            // Focusable: on a phone the A4 preview scrolls sideways, and a keyboard must reach it.
            <div class="paper-print" aria-label={t.print_preview} role="region" tabindex="0">
                if let (Sheet::Deck, Some(layout)) = (chosen, &deck_sheet) {
                    // The deck's ballots a sheet each; one declared void has no marks to
                    // print (the hint says to spoil a blank one).
                    { for deck(template).iter().filter(|b| matches!(b.content, ballot_core::ballot::BallotContent::Marked(_))).map(|b| html! {
                        <div class="paper-sheet omr">
                            { readable_form(template, layout, fingerprint, Some(b), paper) }
                        </div>
                    }) }
                } else if let (true, Some(layout)) = (readable, &sheet) {
                    <div class="paper-sheet omr">
                        { readable_form(template, layout, fingerprint, None, paper) }
                    </div>
                } else {
                    <div class="paper-sheet" data-per-page={per_page.to_string()}>
                        { for (0..per_page).map(|_| paper_form(template, fingerprint, per_page, paper)) }
                    </div>
                }
            </div>
        </section>
    }
}
