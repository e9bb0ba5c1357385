use ballot_core::ballot::RecommendationMarks;
use ballot_core::check::resolve_recommendation;
use ballot_core::template::{MarkSymbol, RecommendationSection};
use ballot_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::forms::mark::{mark, Mark};

/// What a recommendation section's view needs: borrowed, nothing cloned per tap.
pub struct RecommendationForm<'a> {
    pub spec: &'a RecommendationSection,
    pub marks: &'a RecommendationMarks,
    pub symbol: MarkSymbol,
    /// Why the last tap on a name in this section was refused, already in words.
    pub refusal: Option<&'a str>,
    /// Write-in cells whose text the rules do not take: (cell, text as typed, why), shown
    /// in the cell with the reason beside it.
    pub held: Vec<(usize, &'a str, String)>,
    pub on_toggle: Callback<u16>,
    pub on_write_in: Callback<(usize, String)>,
    /// The section's position, to keep element ids unique.
    pub index: usize,
    pub lang: Lang,
}

/// A 推荐票 section on the voter's screen: the names as large check buttons, the count
/// marked against 应推荐人数, and the write-in cells.
pub fn recommendation_form(p: RecommendationForm) -> Html {
    let t = p.lang.texts();
    let marked = resolve_recommendation(p.spec, p.marks).mark_count();
    let full = marked >= usize::from(p.spec.max_marks);
    html! {
        <section class="ballot-section recommendation" aria-labelledby={format!("section-{}", p.index)}>
            <h2 id={format!("section-{}", p.index)}>{ &p.spec.title }</h2>
            <p class="instructions">{ (t.recommendation_instructions)(p.spec.max_marks, p.symbol.glyph()) }</p>
            <p class="counter" data-full={full.then_some("")} aria-live="polite">
                { (t.selected_count)(marked, p.spec.max_marks) }
            </p>
            if let Some(msg) = p.refusal {
                <p class="refusal" role="alert">{ msg }</p>
            }
            <div class="names">
                { for p.spec.candidates.iter().enumerate().filter_map(|(i, c)| {
                    let i = u16::try_from(i).ok()?;
                    let on = p.marks.marked.contains(&i);
                    Some(mark(Mark {
                        key: usize::from(i),
                        role: "checkbox",
                        on,
                        glyph: p.symbol.glyph(),
                        label: html! { <>{ &c.name }if !c.note.is_empty() { { " " }<small>{ &c.note }</small> }</> },
                        shortcut: None,
                        onclick: p.on_toggle.reform(move |_| i),
                    }))
                }) }
            </div>
            if p.spec.write_in_slots > 0 {
                <div class="write-ins">
                    { for (0..usize::from(p.spec.write_in_slots)).map(|slot| {
                        let held = p.held.iter().find(|(s, _, _)| *s == slot);
                        let value = match held {
                            Some((_, text, _)) => text.to_string(),
                            None => p.marks.write_ins.get(slot).cloned().unwrap_or_default(),
                        };
                        let emit = p.on_write_in.clone();
                        let onchange = Callback::from(move |e: Event| {
                            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                                emit.emit((slot, crate::text::typed(input.value())));
                            }
                        });
                        let id = format!("write-in-{}-{slot}", p.index);
                        let why = format!("{id}-why");
                        html! {
                            <div class="write-in" key={slot}>
                                <label for={id.clone()}>{ (t.write_in_label)(slot + 1) }</label>
                                <input {id} type="text" autocomplete="off" spellcheck="false" placeholder={t.write_in_placeholder}
                                    aria-invalid={held.is_some().then_some("true")}
                                    aria-describedby={held.is_some().then(|| why.clone())}
                                    {value} {onchange} />
                                if let Some((_, _, msg)) = held {
                                    <p class="field-error" id={why} role="alert">{ msg }</p>
                                }
                            </div>
                        }
                    }) }
                </div>
            }
        </section>
    }
}
