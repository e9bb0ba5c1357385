//! The template editor: every part of the format, each problem the core's checks find shown
//! under its field as you type, and beside it the voter's form as the tablet will show it
//! (the same views as the voter screen, from `ballot_ui::forms`).

use std::rc::Rc;

use ballot_core::ballot::{BallotContent, SectionMarks};
use ballot_core::edit::{Edit, List, Number, Text};
use ballot_core::error::{Path, TemplateError};
use ballot_core::i18n::studio::StudioTexts;
use ballot_core::library::EntryState;
use ballot_core::rule_form::{kinds, RuleForm};
use ballot_core::rules::{Base, Compare, RuleList};
use ballot_core::template::{
    BadWriteIn, Contest, EvaluationSection, MarkSymbol, OverMarkedRule, RecommendationSection,
    Scheme, Unmarked, Vote,
};
use ballot_core::{Ballot, Section, Template};
use ballot_ui::forms::evaluation::{evaluation_form, EvaluationForm};
use ballot_ui::forms::recommendation::{recommendation_form, RecommendationForm};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::{with_stamp, StudioHandle, ViewProps};
use crate::state::{Action, Editor, View};

/// What every piece of the editor needs.
#[derive(Clone)]
struct Ctx<'a> {
    studio: &'a StudioHandle,
    editor: &'a Editor,
    t: &'static StudioTexts,
    /// The list item being dragged.
    drag: UseStateHandle<Option<(List, usize)>>,
}

impl Ctx<'_> {
    fn send(&self, edit: Edit) -> Callback<MouseEvent> {
        let studio = self.studio.clone();
        Callback::from(move |_| studio.dispatch(Action::Change(edit.clone())))
    }

    /// The problems the checks report at exactly `path`, in words.
    fn problems(&self, path: &Path) -> Vec<String> {
        self.editor
            .errors()
            .iter()
            .filter(|e| e.path == *path)
            .map(|e| (self.t.template_problem)(&e.kind))
            .collect()
    }
}

/// A stable element id for a field: its path in the file.
fn id_of(path: &Path) -> String {
    let p = path.to_string().replace(['[', ']', '.'], "-");
    format!("ed-{p}")
}

fn problems_html(id: &str, messages: &[String]) -> Html {
    if messages.is_empty() {
        return html! {};
    }
    let join = crate::platform::lang().punct().semicolon;
    html! {
        <p class="field-error" id={format!("{id}-error")}>
            { for messages.iter().enumerate().map(|(i, m)| html! { <>{ if i > 0 { join } else { "" } }{ ballot_ui::text::coded(m) }</> }) }
        </p>
    }
}

/// A labelled text field bound to one text of the spec, with its problems under it.
fn text_field(c: &Ctx, text: Text, label: String, value: &str, long: bool) -> Html {
    let path = text.path();
    let id = id_of(&path);
    let messages = c.problems(&path);
    let bad = !messages.is_empty();
    let studio = c.studio.clone();
    let html_input = if long {
        let oninput = Callback::from(move |e: InputEvent| {
            let v =
                ballot_ui::text::typed(e.target_unchecked_into::<HtmlTextAreaElement>().value());
            studio.dispatch(Action::Change(Edit::SetText(text, v)))
        });
        html! {
            <textarea id={id.clone()} value={value.to_string()} {oninput} rows="3"
                aria-invalid={if bad { "true" } else { "false" }}
                aria-describedby={bad.then(|| format!("{id}-error"))} />
        }
    } else {
        let oninput = Callback::from(move |e: InputEvent| {
            let v = ballot_ui::text::typed(e.target_unchecked_into::<HtmlInputElement>().value());
            studio.dispatch(Action::Change(Edit::SetText(text, v)))
        });
        html! {
            <input id={id.clone()} type="text" value={value.to_string()} {oninput} autocomplete="off"
                aria-invalid={if bad { "true" } else { "false" }}
                aria-describedby={bad.then(|| format!("{id}-error"))} />
        }
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{ label }</label>
            { html_input }
            { problems_html(&id, &messages) }
        </div>
    }
}

/// A number field of a recommendation section. A text that is not a whole number reads as
/// 0, which the checks then name.
fn number_field(c: &Ctx, section: usize, number: Number, label: &'static str, value: u16) -> Html {
    let path = number.path(section);
    let id = id_of(&path);
    let messages = c.problems(&path);
    let bad = !messages.is_empty();
    let studio = c.studio.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let v = ballot_ui::text::typed(e.target_unchecked_into::<HtmlInputElement>().value());
        let n = v
            .trim()
            .parse::<u32>()
            .map_or(0, |n| n.min(u32::from(u16::MAX)));
        let n = u16::try_from(n).unwrap_or(u16::MAX);
        studio.dispatch(Action::Change(Edit::SetNumber(section, number, n)))
    });
    html! {
        <div class="field number">
            <label for={id.clone()}>{ label }</label>
            <input id={id.clone()} type="text" inputmode="numeric" value={value.to_string()} {oninput}
                autocomplete="off" aria-invalid={if bad { "true" } else { "false" }}
                aria-describedby={bad.then(|| format!("{id}-error"))} />
            { problems_html(&id, &messages) }
        </div>
    }
}

/// ↑ ↓ 删除 for item `i` of a list of `len`, named for screen readers ("上移：王秀英").
fn item_buttons(c: &Ctx, list: List, i: usize, len: usize, what: &str) -> Html {
    let t = c.t;
    html! {
        <span class="item-buttons">
            <button type="button" class="small" aria-label={(t.move_up)(what)} disabled={i == 0}
                onclick={c.send(Edit::Move(list, i, i.saturating_sub(1)))}>{ "↑" }</button>
            <button type="button" class="small" aria-label={(t.move_down)(what)} disabled={i + 1 >= len}
                onclick={c.send(Edit::Move(list, i, i + 1))}>{ "↓" }</button>
            <button type="button" class="small danger" aria-label={(t.remove_item)(what)}
                onclick={c.send(Edit::Remove(list, i))}>{ "✕" }</button>
        </span>
    }
}

/// A row of a list that can be dragged onto another row of the same list. What is dragged
/// travels in the drag's own data (`<list>#<index>`), not in state: the drop may come
/// before a re-render.
fn drag_row(c: &Ctx, list: List, i: usize, content: Html) -> Html {
    let tag = format!("{list:?}#");
    let drag = c.drag.clone();
    let ondragstart = {
        let (drag, tag) = (drag.clone(), tag.clone());
        Callback::from(move |e: DragEvent| {
            // A row of an inner list (a subject's dimensions) is not its subject's row.
            e.stop_propagation();
            if let Some(dt) = e.data_transfer() {
                // A drag that carries no data still moves nothing: no harm.
                let _ = dt.set_data("text/plain", &format!("{tag}{i}"));
                dt.set_effect_allowed("move");
            }
            drag.set(Some((list, i)));
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let drag = drag.clone();
        let studio = c.studio.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            let data = e
                .data_transfer()
                .and_then(|dt| dt.get_data("text/plain").ok())
                .unwrap_or_default();
            let from = data
                .strip_prefix(&tag)
                .and_then(|n| n.parse::<usize>().ok());
            if let Some(from) = from {
                studio.dispatch(Action::Change(Edit::Move(list, from, i)));
            }
            drag.set(None);
        })
    };
    let ondragend = Callback::from(move |_: DragEvent| drag.set(None));
    let dragging = *c.drag == Some((list, i));
    html! {
        <li key={i} class="edit-row" draggable="true" data-dragging={dragging.then_some("")}
            {ondragstart} {ondragover} {ondrop} {ondragend}>
            <span class="drag-handle" aria-hidden="true">{ "⠿" }</span>
            { content }
        </li>
    }
}

/// A list of plain texts (categories, levels, dimensions, rules).
fn text_list(
    c: &Ctx,
    list: List,
    items: &[String],
    text: impl Fn(usize) -> Text,
    label: impl Fn(usize) -> String,
    add_label: &'static str,
) -> Html {
    let len = items.len();
    let path = list.path();
    let messages = c.problems(&path);
    html! {
        <div class="edit-list">
            <ol>
                { for items.iter().enumerate().map(|(i, value)| {
                    let what = if value.trim().is_empty() { label(i) } else { value.clone() };
                    drag_row(c, list, i, html! {
                        <>
                            { text_field(c, text(i), label(i), value, false) }
                            { item_buttons(c, list, i, len, &what) }
                        </>
                    })
                }) }
            </ol>
            { problems_html(&id_of(&path), &messages) }
            <button type="button" onclick={c.send(Edit::Add(list))}>{ "+ " }{ add_label }</button>
        </div>
    }
}

/// A list of result rules, each as form controls with Chinese labels: the kind of rule,
/// then its parts (a number, a share, a comparison, a base, levels). Every change writes
/// the rule's statement (`seats 5`), the file's format; a statement the editor has no
/// controls for shows as text, with its problem, to be fixed or removed.
fn rules_list(
    c: &Ctx,
    list: List,
    kind: RuleList,
    items: &[String],
    text: impl Fn(usize) -> Text,
    levels: &[String],
) -> Html {
    let t = c.t;
    let len = items.len();
    let path = list.path();
    let messages = c.problems(&path);
    html! {
        <div class="edit-list rules">
            <ol>
                { for items.iter().enumerate().map(|(i, value)| {
                    let form = RuleForm::read(value);
                    let what = if value.trim().is_empty() { (t.rule_n)(i + 1) } else { value.clone() };
                    drag_row(c, list, i, html! {
                        <>
                            { rule_controls(c, kind, text(i), i, &form, value, levels) }
                            { item_buttons(c, list, i, len, &what) }
                        </>
                    })
                }) }
            </ol>
            { problems_html(&id_of(&path), &messages) }
            <button type="button" onclick={c.send(Edit::Add(list))}>{ "+ " }{ t.add_rule }</button>
        </div>
    }
}

/// How a control changes one part of a rule, from the value it reads.
type PartChange = dyn Fn(&mut RuleForm, String);

/// One rule's controls.
fn rule_controls(
    c: &Ctx,
    kind: RuleList,
    text: Text,
    i: usize,
    form: &RuleForm,
    value: &str,
    levels: &[String],
) -> Html {
    let t = c.t;
    let id = id_of(&text.path());
    let messages = c.problems(&text.path());
    let bad = !messages.is_empty();
    // Writes the statement of `form` changed by `change`.
    let set = |change: Rc<PartChange>| {
        let studio = c.studio.clone();
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut f = form.clone();
            change(&mut f, v);
            studio.dispatch(Action::Change(Edit::SetText(text, f.statement())));
        })
    };
    let select_value = |e: Event| e.target_unchecked_into::<HtmlSelectElement>().value();
    let input_value = |e: InputEvent| {
        ballot_ui::text::typed(e.target_unchecked_into::<HtmlInputElement>().value())
    };
    let choose_kind = {
        let studio = c.studio.clone();
        Callback::from(move |e: Event| {
            let key = select_value(e);
            if let Some(f) = RuleForm::new(kind, &key) {
                studio.dispatch(Action::Change(Edit::SetText(text, f.statement())));
            }
        })
    };
    let known = form.known(kind);
    let kind_id = format!("{id}-kind");
    let part = |suffix: &str| format!("{id}-{suffix}");
    let compare_select = {
        let onchange = set(Rc::new(|f: &mut RuleForm, v: String| {
            f.compare = Compare::ALL
                .into_iter()
                .find(|c| c.ascii() == v)
                .unwrap_or(f.compare);
        }))
        .reform(select_value);
        html! {
            <div class="field">
                <label for={part("compare")}>{ t.rule_compare_label }</label>
                <select id={part("compare")} {onchange}>
                    { for Compare::ALL.into_iter().map(|x| html! {
                        <option value={x.ascii()} selected={x == form.compare}>{ (t.rule_compare)(x) }</option>
                    }) }
                </select>
            </div>
        }
    };
    let share_field = {
        let oninput = set(Rc::new(|f: &mut RuleForm, v: String| f.share = v)).reform(input_value);
        html! {
            <div class="field">
                <label for={part("share")}>{ t.rule_share_label }</label>
                <input id={part("share")} type="text" inputmode="decimal" autocomplete="off" value={form.share.clone()} {oninput}
                    aria-invalid={if bad { "true" } else { "false" }} />
            </div>
        }
    };
    let base_select = {
        let onchange = set(Rc::new(|f: &mut RuleForm, v: String| {
            f.base = Base::parse(&v).unwrap_or(f.base);
        }))
        .reform(select_value);
        html! {
            <div class="field">
                <label for={part("base")}>{ t.rule_base_label }</label>
                <select id={part("base")} {onchange}>
                    { for Base::ALL.into_iter().map(|b| html! {
                        <option value={b.key()} selected={b == form.base}>{ (t.rule_base)(b) }</option>
                    }) }
                </select>
            </div>
        }
    };
    let level_boxes = {
        html! {
            <fieldset class="field levels-choice">
                <legend>{ t.rule_levels_label }</legend>
                { for levels.iter().map(|level| {
                    let on = form.levels.contains(level);
                    let name = level.clone();
                    let onchange = set(Rc::new(move |f: &mut RuleForm, _: String| {
                        if let Some(at) = f.levels.iter().position(|l| *l == name) {
                            f.levels.remove(at);
                        } else {
                            f.levels.push(name.clone());
                        }
                    }))
                    .reform(|_: Event| String::new());
                    html! {
                        <label class="option"><input type="checkbox" checked={on} {onchange} />{ level }</label>
                    }
                }) }
            </fieldset>
        }
    };
    let controls = match form.key.as_str() {
        _ if !known => {
            let studio = c.studio.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                studio.dispatch(Action::Change(Edit::SetText(text, input_value(e))))
            });
            html! {
                <div class="field">
                    <label for={id.clone()}>{ t.rule_text_label }</label>
                    <input id={id.clone()} type="text" value={value.to_string()} {oninput} autocomplete="off"
                        aria-invalid={if bad { "true" } else { "false" }}
                        aria-describedby={bad.then(|| format!("{id}-error"))} />
                </div>
            }
        }
        "seats" | "extra_min" => {
            let oninput =
                set(Rc::new(|f: &mut RuleForm, v: String| f.number = v)).reform(input_value);
            html! {
                <div class="field">
                    <label for={part("number")}>{ (t.rule_number_label)(&form.key) }</label>
                    <input id={part("number")} type="text" inputmode="numeric" autocomplete="off" value={form.number.clone()} {oninput}
                        aria-invalid={if bad { "true" } else { "false" }} />
                </div>
            }
        }
        "extra" => share_field,
        "majority" => {
            let onchange = set(Rc::new(|f: &mut RuleForm, _: String| f.none = !f.none))
                .reform(|_: Event| String::new());
            html! {
                <>
                    <label class="option"><input type="checkbox" checked={form.none} {onchange} />{ t.rule_majority_none }</label>
                    if !form.none { { compare_select }{ share_field }{ base_select } }
                </>
            }
        }
        "further" => html! { <>{ compare_select }{ share_field }{ base_select }</> },
        "rate_base" => base_select,
        "positive" | "exclude" => level_boxes,
        "alert" => html! { <>{ level_boxes }{ compare_select }{ share_field }</> },
        "alert_scope" => {
            let onchange = set(Rc::new(|f: &mut RuleForm, v: String| {
                f.scope = ballot_core::rules::Scope::parse(&v).unwrap_or(f.scope);
            }))
            .reform(select_value);
            html! {
                <div class="field">
                    <label for={part("scope")}>{ t.rule_scope_label }</label>
                    <select id={part("scope")} {onchange}>
                        { for [("combined", ballot_core::rules::Scope::Combined), ("each_category", ballot_core::rules::Scope::EachCategory)].into_iter().map(|(k, s)| html! {
                            <option value={k} selected={s == form.scope}>{ (t.rule_scope)(s) }</option>
                        }) }
                    </select>
                </div>
            }
        }
        "quorum" => {
            let onchange = set(Rc::new(|f: &mut RuleForm, _: String| f.none = !f.none))
                .reform(|_: Event| String::new());
            html! {
                <>
                    <label class="option"><input type="checkbox" checked={form.none} {onchange} />{ t.rule_quorum_none }</label>
                    if !form.none { { compare_select }{ share_field } }
                </>
            }
        }
        _ => {
            let oninput =
                set(Rc::new(|f: &mut RuleForm, v: String| f.weights = v)).reform(input_value);
            html! {
                <div class="field">
                    <label for={part("weights")}>{ t.rule_weights_label }</label>
                    <input id={part("weights")} type="text" autocomplete="off" value={form.weights.clone()} {oninput}
                        aria-invalid={if bad { "true" } else { "false" }} />
                </div>
            }
        }
    };
    html! {
        <div class="rule-row" role="group" aria-label={(t.rule_n)(i + 1)}>
            <div class="field">
                <label for={kind_id.clone()}>{ t.rule_kind_label }</label>
                <select id={kind_id} onchange={choose_kind}>
                    if !known {
                        <option value="" selected=true>{ if value.trim().is_empty() { t.rule_choose } else { (t.rule_kind)("") } }</option>
                    }
                    { for kinds(kind).iter().map(|(k, _)| html! {
                        <option value={*k} selected={known && form.key == *k}>{ (t.rule_kind)(k) }</option>
                    }) }
                </select>
            </div>
            { controls }
            { problems_html(&id, &messages) }
        </div>
    }
}

/// 「批量添加」: names pasted or typed one per line, added at the end.
#[derive(Properties, PartialEq)]
struct BulkProps {
    studio: StudioHandle,
    section: usize,
}

#[component]
fn BulkNames(BulkProps { studio, section }: &BulkProps) -> Html {
    let t = studio.t;
    let text = use_state(String::new);
    let id = format!("ed-bulk-{section}");
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let add = {
        let text = text.clone();
        let studio = studio.clone();
        let section = *section;
        Callback::from(move |_: MouseEvent| {
            studio.dispatch(Action::Change(Edit::AddNames(section, (*text).clone())));
            text.set(String::new());
        })
    };
    html! {
        <div class="field bulk">
            <label for={id.clone()}>{ t.bulk_label }</label>
            <textarea id={id} rows="3" value={(*text).clone()} {oninput} />
            <button type="button" onclick={add} disabled={text.trim().is_empty()}>{ t.bulk_add }</button>
        </div>
    }
}

fn recommendation_fields(c: &Ctx, s: usize, r: &RecommendationSection) -> Html {
    let t = c.t;
    let list = List::Candidates(s);
    let len = r.candidates.len();
    let list_messages = c.problems(&list.path());
    let flag = |on: bool, make: fn(usize, bool) -> Edit, label: &'static str| {
        let studio = c.studio.clone();
        let onchange = Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            studio.dispatch(Action::Change(make(s, on)))
        });
        html! {
            <label class="option">
                <input type="checkbox" checked={on} {onchange} />
                <span>{ label }</span>
            </label>
        }
    };
    let bad = |rule: BadWriteIn, label: &'static str| {
        html! {
            <label class="option">
                <input type="radio" name={format!("ed-bad-write-in-{s}")} checked={r.bad_write_in == rule}
                    onclick={c.send(Edit::SetBadWriteIn(s, rule))} />
                <span>{ label }</span>
            </label>
        }
    };
    let over = |rule: OverMarkedRule, label: &'static str| {
        html! {
            <label class="option">
                <input type="radio" name={format!("ed-over-{s}")} checked={r.over_marked == rule}
                    onclick={c.send(Edit::SetOverMarked(s, rule))} />
                <span>{ label }</span>
            </label>
        }
    };
    html! {
        <>
            <h2>{ t.names_heading }</h2>
            <div class="edit-list">
                <ol>
                    { for r.candidates.iter().enumerate().map(|(i, cand)| {
                        let what = if cand.name.trim().is_empty() { (t.name_n)(i + 1) } else { cand.name.clone() };
                        drag_row(c, list, i, html! {
                            <>
                                { text_field(c, Text::CandidateName(s, i), (t.name_n)(i + 1), &cand.name, false) }
                                { text_field(c, Text::CandidateNote(s, i), t.note_label.to_string(), &cand.note, false) }
                                { item_buttons(c, list, i, len, &what) }
                            </>
                        })
                    }) }
                </ol>
                { problems_html(&id_of(&list.path()), &list_messages) }
                <div class="actions">
                    <button type="button" onclick={c.send(Edit::Add(list))}>{ "+ " }{ t.add_name }</button>
                    <button type="button" onclick={c.send(Edit::SortByStrokes(s))} disabled={len < 2}>{ t.sort_strokes }</button>
                </div>
                <p class="hint">{ t.sort_strokes_hint }</p>
            </div>
            <BulkNames studio={c.studio.clone()} section={s} />
            <div class="field-row">
                { number_field(c, s, Number::MaxMarks, if r.election.is_some() { t.seats_label } else { t.max_marks_label }, r.max_marks) }
                { number_field(c, s, Number::WriteInSlots, t.write_in_slots_label, r.write_in_slots) }
            </div>
            { flag(r.write_in_may_repeat_listed, Edit::SetRepeatListed, t.repeat_listed_label) }
            { flag(r.write_in_needs_mark, Edit::SetNeedsMark, t.needs_mark_label) }
            { flag(r.write_in_after_oppose, Edit::SetAfterOppose, t.after_oppose_label) }
            if r.write_in_needs_mark || r.write_in_after_oppose {
                <fieldset class="field">
                    <legend>{ t.bad_write_in_legend }</legend>
                    { bad(BadWriteIn::VoidEntry, t.bad_write_in_entry) }
                    { bad(BadWriteIn::VoidBallot, t.bad_write_in_ballot) }
                </fieldset>
            }
            if let Some(now) = r.election {
                <fieldset class="field">
                    <legend>{ t.contest_legend }</legend>
                    { for [(Contest::Equal, t.contest_equal), (Contest::Competitive, t.contest_competitive)].into_iter().map(|(contest, label)| html! {
                        <label class="option">
                            <input type="radio" name={format!("ed-contest-{s}")} checked={now == contest}
                                onclick={c.send(Edit::SetContest(s, contest))} />
                            <span>{ label }</span>
                        </label>
                    }) }
                </fieldset>
            }
            <fieldset class="field">
                <legend>{ t.over_marked_legend }</legend>
                { over(OverMarkedRule::VoidBallot, t.over_void_ballot) }
                { over(OverMarkedRule::VoidSection, t.over_void_section) }
            </fieldset>
        </>
    }
}

fn evaluation_fields(c: &Ctx, s: usize, e: &EvaluationSection) -> Html {
    let t = c.t;
    let list = List::Subjects(s);
    let len = e.subjects.len();
    let list_messages = c.problems(&list.path());
    html! {
        <>
            <h2>{ t.subjects_heading }</h2>
            <div class="edit-list">
                <ol>
                    { for e.subjects.iter().enumerate().map(|(i, subject)| {
                        let what = if subject.name.trim().is_empty() { (t.subject_n)(i + 1) } else { subject.name.clone() };
                        drag_row(c, list, i, html! {
                            <>
                                { text_field(c, Text::SubjectName(s, i), (t.subject_n)(i + 1), &subject.name, false) }
                                { text_field(c, Text::SubjectRole(s, i), t.role_label.to_string(), &subject.role, false) }
                                { item_buttons(c, list, i, len, &what) }
                                <details class="dimensions" open={!subject.dimensions.is_empty()}>
                                    <summary>{ (t.dimensions_summary)(subject.dimensions.len()) }</summary>
                                    { text_list(c, List::Dimensions(s, i), &subject.dimensions,
                                        |j| Text::Dimension(s, i, j), |j| (t.dimension_n)(j + 1), t.add_dimension) }
                                </details>
                            </>
                        })
                    }) }
                </ol>
                { problems_html(&id_of(&list.path()), &list_messages) }
                <div class="actions">
                    <button type="button" onclick={c.send(Edit::Add(list))}>{ "+ " }{ t.add_subject }</button>
                    <button type="button" onclick={c.send(Edit::SortByStrokes(s))} disabled={len < 2}>{ t.sort_strokes }</button>
                </div>
            </div>
            <BulkNames studio={c.studio.clone()} section={s} />
            <h2>{ t.levels_heading }</h2>
            <p class="hint">{ t.levels_hint }</p>
            { text_list(c, List::Levels(s), &e.levels, |i| Text::Level(s, i), |i| (t.level_n)(i + 1), t.add_level) }
        </>
    }
}

fn section_fields(c: &Ctx, s: usize, section: &Section, count: usize) -> Html {
    let t = c.t;
    let (kind, rules, example) = match section {
        Section::Evaluation(e) => (t.kind_evaluation, &e.rules, t.rules_example_evaluation),
        Section::Recommendation(r) if r.election.is_some() => {
            (t.kind_election, &r.rules, t.rules_example_election)
        }
        Section::Recommendation(r) => (
            t.kind_recommendation,
            &r.rules,
            t.rules_example_recommendation,
        ),
    };
    let heading = (t.section_heading)(s + 1, kind);
    html! {
        <fieldset class="edit-section" key={s}>
            <legend>{ heading.clone() }</legend>
            { item_buttons(c, List::Sections, s, count, &heading) }
            { text_field(c, Text::SectionTitle(s), t.section_title_label.to_string(), section.title(), false) }
            { match section {
                Section::Recommendation(r) => recommendation_fields(c, s, r),
                Section::Evaluation(e) => evaluation_fields(c, s, e),
            } }
            <h2>{ t.section_rules_heading }</h2>
            <p class="hint">{ example }</p>
            { match section {
                Section::Recommendation(r) => {
                    let list = if r.election.is_some() { RuleList::Election } else { RuleList::Recommendation };
                    rules_list(c, List::SectionRules(s), list, rules, |i| Text::SectionRule(s, i), &[])
                }
                Section::Evaluation(e) => rules_list(c, List::SectionRules(s), RuleList::Evaluation, rules, |i| Text::SectionRule(s, i), &e.levels),
            } }
        </fieldset>
    }
}

/// The voter's form as the tablet shows it. Taps work once the template passes its checks
/// (a ballot needs a checked template); until then it shows the form unmarked.
#[derive(Properties, PartialEq)]
struct PreviewProps {
    spec: Rc<Editor>,
}

#[component]
fn Preview(PreviewProps { spec }: &PreviewProps) -> Html {
    let t = crate::platform::lang().studio();
    let template: Option<Template> = match &spec.state {
        EntryState::Ready { template, .. } => Some(template.clone()),
        EntryState::Draft(_) => None,
    };
    let key = template.as_ref().map(ballot_core::fingerprint);
    let ballot = use_state(|| template.as_ref().map(|t| Ballot::empty(t, None)));
    let refusal = use_state(|| None::<(usize, String)>);
    {
        let ballot = ballot.clone();
        let refusal = refusal.clone();
        let template = template.clone();
        use_effect_with(key, move |_| {
            ballot.set(template.as_ref().map(|t| Ballot::empty(t, None)));
            refusal.set(None);
        });
    }
    // The voter screen as this device shows it: its words in the screens' language.
    let lang = crate::platform::lang();
    let texts = lang.ballot();
    let marks: Option<Vec<SectionMarks>> = match ballot.as_ref().map(|b| &b.content) {
        Some(BallotContent::Marked(m)) if m.len() == spec.spec.sections.len() => Some(m.clone()),
        _ => None,
    };
    let sections = spec.spec.sections.iter().enumerate().map(|(i, section)| {
        let mark = marks.as_ref().and_then(|m| m.get(i));
        let symbol = spec.spec.marking.symbol;
        match section {
            Section::Recommendation(r) => {
                let empty = ballot_core::ballot::RecommendationMarks::default();
                let m = match mark {
                    Some(SectionMarks::Recommendation(m)) => m,
                    _ => &empty,
                };
                let on_toggle = {
                    let (ballot, refusal, template) =
                        (ballot.clone(), refusal.clone(), template.clone());
                    Callback::from(move |candidate: u16| {
                        let (Some(tpl), Some(mut b)) = (template.as_ref(), (*ballot).clone())
                        else {
                            return;
                        };
                        refusal.set(
                            b.toggle_candidate(tpl, i, candidate)
                                .err()
                                .map(|r| (i, (texts.mark_refused)(&r))),
                        );
                        ballot.set(Some(b));
                    })
                };
                let on_write_in = {
                    let (ballot, refusal, template) =
                        (ballot.clone(), refusal.clone(), template.clone());
                    Callback::from(move |(slot, text): (usize, String)| {
                        let (Some(tpl), Some(mut b)) = (template.as_ref(), (*ballot).clone())
                        else {
                            return;
                        };
                        refusal.set(
                            b.set_write_in(tpl, i, slot, &text)
                                .err()
                                .map(|r| (i, (texts.mark_refused)(&r))),
                        );
                        ballot.set(Some(b));
                    })
                };
                let why = refusal
                    .as_ref()
                    .filter(|(s, _)| *s == i)
                    .map(|(_, m)| m.clone());
                let on_choose = {
                    let (ballot, refusal, template) =
                        (ballot.clone(), refusal.clone(), template.clone());
                    Callback::from(move |(candidate, vote): (u16, Vote)| {
                        let (Some(tpl), Some(mut b)) = (template.as_ref(), (*ballot).clone())
                        else {
                            return;
                        };
                        refusal.set(
                            b.choose(tpl, i, candidate, vote)
                                .err()
                                .map(|r| (i, (texts.mark_refused)(&r))),
                        );
                        ballot.set(Some(b));
                    })
                };
                recommendation_form(RecommendationForm {
                    spec: r,
                    marks: m,
                    symbol,
                    scheme: spec.spec.marking.scheme,
                    on_choose,
                    refusal: why.as_deref(),
                    held: Vec::new(),
                    on_toggle,
                    on_write_in,
                    index: i,
                    lang,
                })
            }
            Section::Evaluation(e) => {
                let empty = vec![Default::default(); e.item_count()];
                let ratings = match mark {
                    Some(SectionMarks::Evaluation(r)) => r.as_slice(),
                    _ => &empty,
                };
                let on_rate = {
                    let (ballot, template) = (ballot.clone(), template.clone());
                    Callback::from(move |(item, level): (usize, usize)| {
                        let (Some(tpl), Some(mut b)) = (template.as_ref(), (*ballot).clone())
                        else {
                            return;
                        };
                        b.rate(tpl, i, item, level);
                        ballot.set(Some(b));
                    })
                };
                evaluation_form(EvaluationForm {
                    spec: e,
                    ratings,
                    symbol,
                    on_rate,
                    index: i,
                    lang,
                })
            }
        }
    });
    html! {
        <section class="preview voter" aria-labelledby="preview-title" id="preview">
            <h2 id="preview-title">{ t.preview_title }</h2>
            if template.is_none() {
                <p class="hint">{ t.preview_inactive }</p>
            }
            <div class="preview-screen" inert={template.is_none()}>
                <h3 class="preview-heading">{ &spec.spec.title }</h3>
                if !spec.spec.notes.is_empty() {
                    <p class="notes">{ &spec.spec.notes }</p>
                }
                { for sections }
            </div>
        </section>
    }
}

#[component]
pub fn EditorView(ViewProps { studio }: &ViewProps) -> Html {
    let t = studio.t;
    let drag = use_state(|| None::<(List, usize)>);
    let View::Edit(editor) = &studio.view else {
        return html! {};
    };
    let c = Ctx {
        studio,
        editor,
        t,
        drag,
    };
    let spec = &editor.spec;
    let on_name = {
        let studio = studio.clone();
        Callback::from(move |e: InputEvent| {
            studio.dispatch(Action::SetName(ballot_ui::text::typed(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            )))
        })
    };
    let save = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| with_stamp(&studio, Action::Save))
    };
    let leave = {
        let studio = studio.clone();
        Callback::from(move |_: MouseEvent| studio.dispatch(Action::LeaveEditor))
    };
    let symbol = |s: MarkSymbol, label: String| {
        html! {
            <label class="option">
                <input type="radio" name="ed-symbol" checked={spec.marking.symbol == s}
                    onclick={c.send(Edit::SetSymbol(s))} />
                <span>{ label }</span>
            </label>
        }
    };
    let unmarked = |u: Unmarked, label: &'static str| {
        html! {
            <label class="option">
                <input type="radio" name="ed-unmarked" checked={spec.marking.unmarked == u}
                    onclick={c.send(Edit::SetUnmarked(u))} />
                <span>{ label }</span>
            </label>
        }
    };
    let scheme = |s: Scheme| {
        html! {
            <label class="option">
                <input type="radio" name="ed-scheme" checked={spec.marking.scheme == s}
                    onclick={c.send(Edit::SetScheme(s))} />
                <span>{ (t.scheme_label)(s) }</span>
            </label>
        }
    };
    let errors: &[TemplateError] = editor.errors();
    let count = spec.sections.len();
    let sections_messages = c.problems(&List::Sections.path());
    html! {
        <section class="editor" aria-labelledby="editor-title">
            <div class="editor-head">
                <h1 id="editor-title">{ if editor.from.is_some() { t.edit_title } else { t.new_title } }</h1>
                if editor.new_version {
                    <p class="notice-inline" role="note">{ t.frozen_note }</p>
                }
                // A round after the first: made from a result, its link is not edited here
                // (a name taken before put back on the list is T27).
                if let Some(link) = &spec.round {
                    <p class="hint">{ (t.summary_round)(link.number, &link.title) }</p>
                    { for link.sections.iter().map(|e| html! { <p class="hint">{ (t.summary_taken)(e) }</p> }) }
                }
                <p class="fingerprint" aria-live="polite">
                    { t.fingerprint_label }{ " " }
                    { match &editor.state {
                        EntryState::Ready { fingerprint, .. } => html! { <strong>{ fingerprint }</strong> },
                        EntryState::Draft(_) => html! { <span>{ t.fingerprint_pending }</span> },
                    } }
                </p>
                if !errors.is_empty() {
                    <details class="problems" role="status">
                        <summary>{ (t.draft_problems)(errors.len()) }</summary>
                        <ul>{ for errors.iter().map(|e| html! { <li>{ (t.template_error)(e) }</li> }) }</ul>
                    </details>
                }
            </div>
            <div class="editor-body">
                <form class="editor-form" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <div class="field">
                        <label for="ed-name">{ t.field_name }</label>
                        <input id="ed-name" type="text" value={editor.name.clone()} oninput={on_name}
                            autocomplete="off" placeholder={spec.title.clone()} />
                        <p class="hint">{ t.name_hint }</p>
                    </div>
                    <fieldset class="edit-section">
                        <legend>{ t.basics_legend }</legend>
                        { text_field(&c, Text::Title, t.title_label.to_string(), &spec.title, false) }
                        { text_field(&c, Text::Issuer, t.issuer_label.to_string(), &spec.issuer, false) }
                        { text_field(&c, Text::Notes, t.notes_label.to_string(), &spec.notes, true) }
                    </fieldset>
                    <fieldset class="edit-section">
                        <legend>{ t.marking_legend }</legend>
                        { symbol(MarkSymbol::Circle, (t.symbol_label)("○")) }
                        { symbol(MarkSymbol::Tick, (t.symbol_label)("√")) }
                        <p class="hint">{ t.scheme_legend }</p>
                        { scheme(Scheme::AgreeOnly) }
                        { scheme(Scheme::AgreeOppose) }
                        { scheme(Scheme::Inverted) }
                        // What an empty box means is a choice only where ○ is the only mark.
                        if spec.marking.scheme == Scheme::AgreeOnly {
                            <p class="hint">{ t.unmarked_legend }</p>
                            { unmarked(Unmarked::NotRecommended, t.unmarked_not_recommended) }
                            { unmarked(Unmarked::Abstain, t.unmarked_abstain) }
                        }
                    </fieldset>
                    <fieldset class="edit-section">
                        <legend>{ t.categories_legend }</legend>
                        <p class="hint">{ t.categories_hint }</p>
                        { text_list(&c, List::Categories, &spec.categories, Text::Category, |i| (t.category_n)(i + 1), t.add_category) }
                    </fieldset>
                    { for spec.sections.iter().enumerate().map(|(s, section)| section_fields(&c, s, section, count)) }
                    { problems_html(&id_of(&List::Sections.path()), &sections_messages) }
                    <div class="actions">
                        <button type="button" onclick={c.send(Edit::AddSection((t.new_recommendation)()))}>{ "+ " }{ t.add_recommendation }</button>
                        <button type="button" onclick={c.send(Edit::AddSection((t.new_evaluation)()))}>{ "+ " }{ t.add_evaluation }</button>
                        <button type="button" onclick={c.send(Edit::AddSection((t.new_election)()))}>{ "+ " }{ t.add_election }</button>
                    </div>
                    <fieldset class="edit-section">
                        <legend>{ t.template_rules_legend }</legend>
                        <p class="hint">{ t.rules_example_template }</p>
                        { rules_list(&c, List::Rules, RuleList::Template, &spec.rules, Text::Rule, &[]) }
                    </fieldset>
                </form>
                <Preview spec={Rc::clone(editor)} />
            </div>
            <div class="editor-bar actions">
                <button onclick={leave}>{ t.back_to_library }</button>
                <button class="primary" onclick={save} disabled={studio.pending.is_some()}>
                    { if editor.new_version { t.save_new_version } else { t.save } }
                </button>
            </div>
        </section>
    }
}
