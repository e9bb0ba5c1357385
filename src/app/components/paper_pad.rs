//! The counter's pad: what one paper ballot shows, tapped as it is read aloud. Unlike the
//! voter's form it takes anything paper can show (too many names, two levels for one
//! item): the core judges the ballot and the page says so before it is committed.

use ballot_core::ballot::{BallotContent, LevelSet, RecommendationMarks, SectionMarks};
use ballot_core::check::resolve_recommendation;
use ballot_core::count::PaperBox;
use ballot_core::i18n::ballot::BallotTexts;
use ballot_core::template::{EvaluationSection, MarkSymbol, RecommendationSection, Scheme};
use ballot_core::{Ballot, Section, Template};
use yew::prelude::*;

use crate::app::state::{key_for, marks_before, PadAction};
use ballot_ui::forms::mark::{mark, Mark};

/// A mark on the paper: name or level, with its key (shown only with a keyboard).
fn paper_mark(
    label: Html,
    on: bool,
    symbol: MarkSymbol,
    k: usize,
    onclick: Callback<MouseEvent>,
) -> Html {
    mark(Mark {
        key: k,
        role: "checkbox",
        on,
        glyph: symbol.glyph(),
        label,
        name: None,
        shortcut: key_for(k),
        onclick,
    })
}

/// What every section of the pad shares.
struct Pad<'a> {
    symbol: MarkSymbol,
    scheme: Scheme,
    /// Write-in names entered so far in this count, most frequent first.
    suggestions: &'a [String],
    on: &'a Callback<PadAction>,
    t: &'a BallotTexts,
}

fn recommendation(
    p: &Pad,
    i: usize,
    spec: &RecommendationSection,
    marks: &RecommendationMarks,
    first_key: usize,
) -> Html {
    let Pad {
        symbol,
        scheme,
        suggestions,
        on,
        t,
    } = *p;
    let resolved = resolve_recommendation(spec, scheme, marks);
    let marked = resolved.mark_count();
    let over = marked > usize::from(spec.max_marks);
    let three = scheme.has_cross();
    // Under a scheme with ×, a box has two buttons: the symbol and ×, each tapped as the
    // paper shows it; both on is a box holding both marks (it cannot be read).
    let pair = |name: &str, at: PaperBox, symbol_on: bool, cross_on: bool, k: Option<usize>| {
        let button = |cross: bool, on_: bool| {
            let glyph = if cross { "×" } else { symbol.glyph() };
            mark(Mark {
                key: usize::from(cross),
                role: "checkbox",
                on: on_,
                glyph,
                label: html! { glyph },
                name: Some((t.pad_box_label)(name, glyph)),
                shortcut: k.and_then(|k| key_for(k + usize::from(cross))),
                onclick: on.reform(move |_| PadAction::Box {
                    section: i,
                    at,
                    cross,
                }),
            })
        };
        // Without × in the scheme, a box (a write-in's, where it must be marked) has the
        // symbol only.
        html! { <div class="pair">{ button(false, symbol_on) }if three { { button(true, cross_on) } }</div> }
    };
    let cell = |slot: usize| marks.write_ins.get(slot).map_or("", String::as_str);
    let empty_slot = (0..usize::from(spec.write_in_slots)).find(|&s| cell(s).trim().is_empty());
    // Names already written in this count, less those on this ballot: one tap fills the
    // next empty cell, so one person's name is spelt one way.
    let offered: Vec<&String> = suggestions
        .iter()
        .filter(|n| !marks.has_write_in(n))
        .take(8)
        .collect();
    html! {
        <section class="ballot-section paper" aria-labelledby={format!("pad-{i}")}>
            <h3 id={format!("pad-{i}")}>{ &spec.title }</h3>
            <p class="counter" data-full={over.then_some("")}>
                if three {
                    { (t.paper_marked_three)(marked, resolved.opposed.len(), spec.max_marks) }
                } else if spec.election.is_some() {
                    { (t.paper_marked_seats)(marked, spec.max_marks) }
                } else {
                    { (t.paper_marked)(marked, spec.max_marks) }
                }
            </p>
            if three {
                <div class="marks boxes">
                    { for spec.candidates.iter().enumerate().filter_map(|(j, c)| {
                        let candidate = u16::try_from(j).ok()?;
                        let id = format!("pad-name-{i}-{j}");
                        let name = c.label();
                        Some(html! {
                            <div class="box-of" key={j} role="group" aria-labelledby={id.clone()}>
                                <span class="box-name" {id}>{ &c.name }if !c.note.is_empty() { <small>{ &c.note }</small> }</span>
                                { pair(&name, PaperBox::Listed(candidate), marks.marked.contains(&candidate), marks.crossed.contains(&candidate), Some(first_key + 2 * j)) }
                            </div>
                        })
                    }) }
                </div>
            } else {
                <div class="marks">
                    { for spec.candidates.iter().enumerate().filter_map(|(j, c)| {
                        let candidate = u16::try_from(j).ok()?;
                        let on = on.reform(move |_| PadAction::Toggle { section: i, candidate });
                        let label = html! { <>{ &c.name }if !c.note.is_empty() { <small>{ &c.note }</small> }</> };
                        Some(paper_mark(label, marks.marked.contains(&candidate), symbol, first_key + j, on))
                    }) }
                </div>
            }
            <div class="write-ins">
            { for (0..usize::from(spec.write_in_slots)).map(|slot| {
                let id = format!("pad-write-in-{i}-{slot}");
                let oninput = on.reform(move |e: InputEvent| PadAction::WriteIn {
                    section: i,
                    slot,
                    text: ballot_ui::text::typed(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()),
                });
                let label = (t.write_in_label)(slot + 1);
                let at = u16::try_from(slot).unwrap_or(u16::MAX);
                // A name several listed persons share: the counters decide which (or none),
                // and the decision is kept with the ballot.
                let choices = spec.same_name_choices(cell(slot));
                let decided = marks.decided.get(&at).copied();
                let decide = (!choices.is_empty()).then(|| {
                    let option = |who: Option<u16>, text: String| {
                        let onclick = on.reform(move |_| PadAction::Decide { section: i, slot, who });
                        html! {
                            <button role="radio" aria-checked={if decided == who { "true" } else { "false" }} {onclick}>{ text }</button>
                        }
                    };
                    let group = format!("pad-decide-{i}-{slot}");
                    html! {
                        <div class="decide" role="radiogroup" aria-labelledby={group.clone()}>
                            <p id={group}>{ (t.decide_same_name)(cell(slot).trim()) }</p>
                            { for choices.iter().filter_map(|&who| {
                                let person = spec.candidates.get(usize::from(who))?;
                                Some(option(Some(who), person.label()))
                            }) }
                            { option(None, t.decide_none.to_string()) }
                        </div>
                    }
                });
                let boxed = (three || spec.write_in_needs_mark).then(|| pair(&label, PaperBox::WriteIn(at), marks.write_ins_marked.contains(&at), marks.write_ins_crossed.contains(&at), None));
                html! {
                    <div class="write-in">
                        <label for={id.clone()}>{ label }</label>
                        <input {id} type="text" autocomplete="off" spellcheck="false" value={cell(slot).to_string()} {oninput} />
                        { for boxed }
                        { for decide }
                    </div>
                }
            }) }
            </div>
            if let (Some(slot), false) = (empty_slot, offered.is_empty()) {
                <p class="suggestions">
                    <span>{ t.write_in_suggestions }</span>
                    { for offered.into_iter().map(|name| {
                        let text = name.clone();
                        let onclick = on.reform(move |_| PadAction::WriteIn { section: i, slot, text: text.clone() });
                        html! { <button class="chip" aria-label={(t.fill_in)(name)} {onclick}>{ name }</button> }
                    }) }
                </p>
            }
        </section>
    }
}

fn evaluation(
    p: &Pad,
    i: usize,
    spec: &EvaluationSection,
    ratings: &[LevelSet],
    first_key: usize,
) -> Html {
    let Pad { symbol, on, t, .. } = *p;
    let levels = spec.levels.len();
    html! {
        <section class="ballot-section paper" aria-labelledby={format!("pad-{i}")}>
            <h3 id={format!("pad-{i}")}>{ &spec.title }</h3>
            { for spec.items().enumerate().map(|(item, it)| {
                let chosen = ratings.get(item).copied().unwrap_or_default();
                let label_id = format!("pad-item-{i}-{item}");
                html! {
                    <div class="item" role="group" aria-labelledby={label_id.clone()}>
                        <p class="item-name" id={label_id}>
                            { t.item_label(&it) }
                            if !it.role.is_empty() { <small>{ it.role }</small> }
                        </p>
                        <div class="levels">
                            { for spec.levels.iter().enumerate().map(|(level, name)| {
                                let onclick = on.reform(move |_| PadAction::Level { section: i, item, level });
                                paper_mark(html! { { name } }, chosen.contains(level), symbol, first_key + item * levels + level, onclick)
                            }) }
                        </div>
                    </div>
                }
            }) }
        </section>
    }
}

/// Every section of the template with the pad ballot's marks.
pub fn paper_pad(
    template: &Template,
    ballot: &Ballot,
    suggestions: &[String],
    on: &Callback<PadAction>,
    t: &BallotTexts,
) -> Html {
    let BallotContent::Marked(marks) = &ballot.content else {
        return html! {};
    };
    let pad = Pad {
        symbol: template.spec().marking.symbol,
        scheme: template.spec().marking.scheme,
        suggestions,
        on,
        t,
    };
    html! {
        { for template.sections().iter().zip(marks).enumerate().map(|(i, pair)| {
            let first_key = marks_before(template, i);
            match pair {
                (Section::Recommendation(s), SectionMarks::Recommendation(m)) => {
                    recommendation(&pad, i, s, m, first_key)
                }
                (Section::Evaluation(s), SectionMarks::Evaluation(r)) => {
                    evaluation(&pad, i, s, r, first_key)
                }
                _ => html! {},
            }
        }) }
    }
}
