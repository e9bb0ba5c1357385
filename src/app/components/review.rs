use ballot_core::ballot::{BallotContent, SectionMarks};
use ballot_core::check::{check, resolve_recommendation, Verdict};
use ballot_core::{Ballot, Lang, Section, Template};
use yew::prelude::*;

/// The voter's choices in words before they confirm: who they recommend, which level
/// each subject got, and what is left unrated. A blank ballot is said to be blank, and
/// the confirm button says so too.
pub fn review(
    template: &Template,
    ballot: &Ballot,
    // Write-ins typed but not counted (held in their cells): said again before confirming.
    not_counted: &[&str],
    on_confirm: Callback<MouseEvent>,
    on_back: Callback<MouseEvent>,
    lang: Lang,
) -> Html {
    let b = lang.ballot();
    let BallotContent::Marked(marks) = &ballot.content else {
        return html! {};
    };
    // Blank as the count will judge it: under the inverted scheme a ballot without marks
    // agrees with every name, and one that abstains on every name is the blank one.
    let blank = check(template, ballot).is_ok_and(|c| c.verdict == Verdict::Blank);
    let scheme = template.spec().marking.scheme;
    let unrated: Vec<String> = ballot
        .unrated_items()
        .into_iter()
        .filter_map(|(section, item)| match template.sections().get(section)? {
            Section::Evaluation(e) => Some(b.item_label(&e.items().nth(item)?)),
            Section::Recommendation(_) => None,
        })
        .collect();
    let sections = template
        .sections()
        .iter()
        .zip(marks)
        .map(|pair| match pair {
            (Section::Recommendation(spec), SectionMarks::Recommendation(m)) => {
                let resolved = resolve_recommendation(spec, scheme, m);
                let mut names: Vec<String> = resolved
                    .votes
                    .iter()
                    .filter_map(|&i| spec.candidates.get(usize::from(i)))
                    .map(|c| c.label())
                    .collect();
                names.extend(
                    resolved
                        .write_ins
                        .iter()
                        .map(|w| lang.punct().noted(w, b.review_write_ins)),
                );
                let list = |names: &[String]| {
                    html! {
                        <ul class="review-names">
                            { for names.iter().map(|n| html! { <li>{ n }</li> }) }
                        </ul>
                    }
                };
                if !scheme.has_cross() {
                    let said = if spec.election.is_some() {
                        b.review_agreed
                    } else {
                        b.review_recommended
                    };
                    return html! {
                        <section class="review-section">
                            <h3>{ &spec.title }</h3>
                            <p>{ said(names.len(), spec.max_marks) }</p>
                            // 「赞成 0 人」 says it for an election.
                            if names.is_empty() && spec.election.is_none() {
                                <p class="review-none">{ b.review_nobody }</p>
                            } else {
                                { list(&names) }
                            }
                        </section>
                    };
                }
                let opposed: Vec<String> = (resolved.opposed.iter())
                    .filter_map(|&i| spec.candidates.get(usize::from(i)))
                    .map(|c| c.label())
                    .collect();
                let abstained = (spec.candidates.len()).saturating_sub(
                    resolved.votes.len() + opposed.len() + resolved.unreadable.len(),
                );
                html! {
                    <section class="review-section">
                        <h3>{ &spec.title }</h3>
                        <p>{ (b.review_agreed)(names.len(), spec.max_marks) }</p>
                        { list(&names) }
                        <p>{ (b.review_opposed)(opposed.len()) }</p>
                        { list(&opposed) }
                        <p>{ (b.review_abstained)(abstained) }</p>
                    </section>
                }
            }
            (Section::Evaluation(spec), SectionMarks::Evaluation(ratings)) => html! {
                <section class="review-section">
                    <h3>{ &spec.title }</h3>
                    <dl class="review-ratings">
                        { for spec.items().zip(ratings).map(|(item, r)| {
                            let level = r.only().and_then(|l| spec.levels.get(l));
                            html! {
                                <>
                                    <dt>{ b.item_label(&item) }</dt>
                                    <dd data-unrated={level.is_none().then_some("")}>
                                        { level.map_or(b.review_unrated, String::as_str) }
                                    </dd>
                                </>
                            }
                        }) }
                    </dl>
                </section>
            },
            _ => html! {},
        });
    html! {
        <section class="review" aria-labelledby="review-title">
            <h2 id="review-title">{ b.review_title }</h2>
            if !not_counted.is_empty() {
                <p class="warning" role="alert">{ (b.review_not_counted)(not_counted) }</p>
            }
            if blank {
                <p class="warning" role="alert">{ b.blank_warning }</p>
            } else if !unrated.is_empty() {
                <p class="warning" role="alert">{ (b.unrated_warning)(&unrated) }</p>
            }
            if !blank {
                { for sections }
            }
            <div class="actions stacked">
                <button class="primary huge" onclick={on_confirm}>
                    { if blank { b.confirm_blank } else { b.confirm_submit } }
                </button>
                <button class="huge" onclick={on_back}>{ b.back_to_edit }</button>
            </div>
        </section>
    }
}
