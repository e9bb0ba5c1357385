use ballot_core::ballot::RecommendationMarks;
use ballot_core::check::resolve_recommendation;
use ballot_core::template::{MarkSymbol, RecommendationSection, Scheme, Vote};
use ballot_core::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::forms::mark::{mark, Mark};

/// What a recommendation section's view needs: borrowed, nothing cloned per tap.
pub struct RecommendationForm<'a> {
    pub spec: &'a RecommendationSection,
    pub marks: &'a RecommendationMarks,
    pub symbol: MarkSymbol,
    pub scheme: Scheme,
    /// Why the last tap on a name in this section was refused, already in words.
    pub refusal: Option<&'a str>,
    /// Write-in cells whose text the rules do not take: (cell, text as typed, why), shown
    /// in the cell with the reason beside it.
    pub held: Vec<(usize, &'a str, String)>,
    /// A tap on a name (the agree-only scheme: marked or not).
    pub on_toggle: Callback<u16>,
    /// A choice for a name under a scheme with × (赞成, 反对 or 弃权).
    pub on_choose: Callback<(u16, Vote)>,
    pub on_write_in: Callback<(usize, String)>,
    /// The section's position, to keep element ids unique.
    pub index: usize,
    pub lang: Lang,
}

/// A 推荐票 or 选举 section on the voter's screen: the names as large check buttons (or,
/// under a scheme with ×, each name with its three choices), the count of 赞成 against the
/// most allowed, and the write-in cells.
pub fn recommendation_form(p: RecommendationForm) -> Html {
    let t = p.lang.ballot();
    let resolved = resolve_recommendation(p.spec, p.scheme, p.marks);
    let marked = resolved.mark_count();
    let full = marked >= usize::from(p.spec.max_marks);
    let three = p.scheme.has_cross();
    let glyph = p.symbol.glyph();
    let label = |c: &ballot_core::template::Candidate| {
        html! { <>{ &c.name }if !c.note.is_empty() { { " " }<small>{ &c.note }</small> }</> }
    };
    let names = p.spec.candidates.iter().enumerate().filter_map(|(i, c)| {
        let i = u16::try_from(i).ok()?;
        if !three {
            return Some(mark(Mark {
                key: usize::from(i),
                role: "checkbox",
                on: p.marks.marked.contains(&i),
                glyph,
                label: label(c),
                name: None,
                shortcut: None,
                onclick: p.on_toggle.reform(move |_| i),
            }));
        }
        // What the box says now; a box the tablet never writes (both marks) reads as none.
        let now = if resolved.votes.contains(&i) {
            Some(Vote::Agree)
        } else if resolved.opposed.contains(&i) {
            Some(Vote::Oppose)
        } else {
            (!resolved.unreadable.contains(&i)).then_some(Vote::Abstain)
        };
        let id = format!("name-{}-{i}", p.index);
        Some(html! {
            <div class="choice" key={usize::from(i)} role="radiogroup" aria-labelledby={id.clone()}>
                <p class="choice-name" {id}>{ label(c) }</p>
                <div class="vote-choices">
                    { for [Vote::Agree, Vote::Oppose, Vote::Abstain].into_iter().map(|vote| {
                        // The box shows the mark the paper would hold for this choice.
                        let paper = match p.scheme.marks_for(vote) {
                            (true, _) => glyph,
                            (_, true) => "×",
                            _ => "",
                        };
                        mark(Mark {
                            key: vote as usize,
                            role: "radio",
                            on: now == Some(vote),
                            glyph: paper,
                            label: html! { (t.vote_name)(vote) },
                            name: None,
                            shortcut: None,
                            onclick: p.on_choose.reform(move |_| (i, vote)),
                        })
                    }) }
                </div>
            </div>
        })
    });
    html! {
        <section class="ballot-section recommendation" aria-labelledby={format!("section-{}", p.index)}>
            <h2 id={format!("section-{}", p.index)}>{ &p.spec.title }</h2>
            <p class="instructions">
                if three {
                    { (t.choice_instructions)(p.spec.max_marks, p.scheme == Scheme::Inverted, glyph) }
                } else if p.spec.election.is_some() {
                    { (t.election_instructions)(p.spec.max_marks, glyph) }
                } else {
                    { (t.recommendation_instructions)(p.spec.max_marks, glyph) }
                }
            </p>
            <p class="counter" data-full={full.then_some("")} aria-live="polite">
                { (if three { t.agreed_count } else { t.selected_count })(marked, p.spec.max_marks) }
            </p>
            if let Some(msg) = p.refusal {
                <p class="refusal" role="alert">{ msg }</p>
            }
            <div class={if three { "choice-list" } else { "names" }}>
                { for names }
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
