//! Properties of the shortlist (初步人选) for any votes: the cut never splits equal scores,
//! it takes exactly as many names as it should, and ranks follow the scores.

use ballot_core::figures::Figures;
use ballot_core::results::{Flag, Results, SectionResult, Status, View};
use ballot_core::tally::{SectionTally, Tally};
use ballot_core::Template;
use proptest::prelude::*;

fn template(seats: u16) -> Template {
    let json = format!(
        r#"{{"format":"ballot-kit/template","version":1,"title":"推荐票","issuer":"某街道",
        "sections":[{{"kind":"recommendation","title":"推荐","candidates":[{{"name":"甲"}},{{"name":"乙"}},{{"name":"丙"}},{{"name":"丁"}},{{"name":"戊"}},{{"name":"己"}}],
        "max_marks":3,"rules":["seats {seats}"]}}]}}"#
    );
    Template::parse(&json).expect("template")
}

proptest! {
    #[test]
    fn the_cut_never_splits_equal_scores(seats in 1u16..5, votes in prop::collection::vec(0u32..6, 6)) {
        let t = template(seats);
        let mut tally = Tally::empty(&t);
        let part = tally.parts.last_mut().expect("a part");
        part.valid = 10;
        if let Some(SectionTally::Recommendation(r)) = part.sections.first_mut() {
            r.votes = votes.clone();
        }
        let results = Results::compute(&t, &tally, Figures::default(), View::Combined);
        let Some(SectionResult::Recommendation(r)) = results.sections.first() else {
            panic!("a recommendation section");
        };
        let k = r.take.expect("a shortlist");
        prop_assert_eq!(k, u64::from(seats) + 1, "差额: ⌈seats/5⌉ = 1 for 1–4 seats");

        // Ranks follow the scores: 1 + the number of higher scores.
        for row in &r.rows {
            let higher = r.rows.iter().filter(|x| x.score > row.score).count() as u32;
            prop_assert_eq!(row.rank, higher + 1);
        }
        let with = |s: Status| r.rows.iter().filter(|x| x.status == Some(s)).collect::<Vec<_>>();
        let (taken, tied) = (with(Status::Taken), with(Status::Tied));
        let qualified = votes.iter().filter(|&&v| v > 0).count() as u64;
        if qualified <= k {
            prop_assert_eq!(taken.len() as u64, qualified);
            prop_assert!(tied.is_empty());
            let short = results.flags.iter().any(|f| matches!(f, Flag::TooFewQualify { .. }));
            prop_assert_eq!(short, qualified < k);
        } else {
            prop_assert!(taken.len() as u64 <= k);
            prop_assert!(taken.len() as u64 + tied.len() as u64 >= k);
            // Every taken name beats every tied one; the tied ones share one score, which
            // no name left out reaches.
            if let Some(cut) = tied.first().map(|x| x.score) {
                prop_assert!(tied.iter().all(|x| x.score == cut));
                prop_assert!(taken.iter().all(|x| x.score > cut));
                prop_assert!(r.rows.iter().filter(|x| x.status == Some(Status::NotTaken)).all(|x| x.score < cut));
                let places = k - taken.len() as u64;
                let names: Vec<String> = tied.iter().map(|x| x.name.clone()).collect();
                let flag = Flag::TieAtCut { section: 0, names, places };
                prop_assert!(results.flags.contains(&flag), "R04 names the tied");
                prop_assert!(tied.len() as u64 > places, "a tie only when there are too many for the places");
            } else {
                prop_assert_eq!(taken.len() as u64, k);
            }
        }
    }
}

fn evaluation(rules: &str) -> Template {
    let json = format!(
        r#"{{"format":"ballot-kit/template","version":1,"title":"测评表","issuer":"某街道",
        "sections":[{{"kind":"evaluation","title":"测评","subjects":[{{"name":"张三"}},{{"name":"李四"}},{{"name":"王五"}}],
        "levels":["称职","基本称职","不称职","不了解"],"rules":[{rules}]}}]}}"#
    );
    Template::parse(&json).expect("template")
}

/// One paper form: declared void, or per item the levels marked (none, one or several).
fn form() -> impl Strategy<Value = Option<Vec<Vec<usize>>>> {
    prop_oneof![
        1 => Just(None),
        6 => prop::collection::vec(prop::collection::vec(0usize..4, 0..3), 3).prop_map(Some),
    ]
}

proptest! {
    /// Each evaluation row adds up to the base it states: the levels in the base, 未评 and
    /// the rest of the base (blank and void forms, ballots not returned) — whatever the
    /// forms, blank ones included, and whichever base the rules name. A form that marked
    /// two levels for an item is void for that item (多选无效) and out of its base.
    #[test]
    fn each_evaluation_row_adds_up_to_its_base(
        rules in prop_oneof![Just(""), Just(r#""exclude 不了解""#), Just(r#""rate_base present""#), Just(r#""rate_base present","exclude 不了解""#)],
        forms in prop::collection::vec(form(), 0..30),
        absent in 0u32..5,
    ) {
        let t = evaluation(rules);
        let mut tally = Tally::empty(&t);
        for f in &forms {
            let ballot = match f {
                None => ballot_core::Ballot::declared_void(None, ballot_core::ballot::DeclaredVoid::Unreadable),
                Some(items) => {
                    let mut b = ballot_core::Ballot::empty(&t, None);
                    for (item, levels) in items.iter().enumerate() {
                        for &l in levels {
                            b.toggle_paper_level(&t, 0, item, l);
                        }
                    }
                    b
                }
            };
            tally.add(&t, &ballot).expect("fits");
        }
        let returned = u32::try_from(forms.len()).expect("small");
        let figures = Figures { present: Some(returned + absent), returned: Some(returned), issued: Some(returned), due: None };
        let results = Results::compute(&t, &tally, figures, View::Combined);
        let Some(SectionResult::Evaluation(e)) = results.sections.first() else {
            panic!("an evaluation section");
        };
        for item in &e.items {
            let in_base: u32 = item.levels.iter().zip(&e.excluded).filter(|(_, &x)| !x).map(|(n, _)| n).sum();
            let base = item.base.expect("a known base");
            prop_assert_eq!(in_base + item.unrated + item.outside, base, "{:?}", item);
            // Out of the base by exactly the forms void for this item and the excluded levels.
            let excluded: u32 = item.levels.iter().zip(&e.excluded).filter(|(_, &x)| x).map(|(n, _)| n).sum();
            let whole = if rules.contains("present") { returned + absent } else { results.valid };
            prop_assert_eq!(base + excluded + item.spoiled, whole, "{:?}", item);
            // And every form is somewhere in the row: rated, 未评, 多选无效, blank or void.
            let all: u32 = item.levels.iter().sum::<u32>() + item.unrated + item.spoiled + item.void;
            prop_assert_eq!(all + results.blank, returned);
        }
    }
}
