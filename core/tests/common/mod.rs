//! Strategies shared by the property tests: random ballots of the sample templates.

#![allow(dead_code)] // each test crate uses its own part

use ballot_core::ballot::{
    Ballot, BallotContent, DeclaredVoid, LevelSet, RecommendationMarks, SectionMarks,
};
use ballot_core::samples;
use ballot_core::template::{Section, Template};
use proptest::prelude::*;

pub mod device;

pub fn templates() -> Vec<Template> {
    samples::all()
}

/// Any ballot a paper could show for template `t`: every mark combination, write-ins drawn
/// from a small pool (so repeats and listed names occur), or declared void.
pub fn ballot(t: &Template) -> impl Strategy<Value = Ballot> {
    let categories = t.categories().len() as u16;
    let sections: Vec<BoxedStrategy<SectionMarks>> = t
        .sections()
        .iter()
        .map(|s| match s {
            Section::Evaluation(e) => {
                let levels = e.levels.len();
                prop::collection::vec((0u16..(1 << levels)).prop_map(LevelSet), e.item_count())
                    .prop_map(SectionMarks::Evaluation)
                    .boxed()
            }
            Section::Recommendation(r) => {
                let n = r.candidates.len() as u16;
                let pool: Vec<String> = ["", "赵六", "赵 六", "钱七", " "]
                    .iter()
                    .map(|s| s.to_string())
                    .chain(r.candidates.first().map(|c| c.name.clone()))
                    .collect();
                (
                    prop::collection::btree_set(0..n, 0..=n as usize),
                    prop::collection::vec(
                        prop::sample::select(pool),
                        0..=usize::from(r.write_in_slots),
                    ),
                )
                    .prop_map(|(marked, write_ins)| {
                        SectionMarks::Recommendation(RecommendationMarks {
                            marked: marked.into_iter().collect(),
                            write_ins,
                        })
                    })
                    .boxed()
            }
        })
        .collect();
    let content = prop_oneof![
        8 => sections.prop_map(BallotContent::Marked),
        1 => prop::sample::select(vec![DeclaredVoid::Unreadable, DeclaredVoid::NonStandardMark, DeclaredVoid::Other])
            .prop_map(BallotContent::Void),
    ];
    let category = if categories == 0 {
        Just(None).boxed()
    } else {
        prop::option::of(0..categories).boxed()
    };
    (category, content).prop_map(|(category, content)| Ballot { category, content })
}

pub fn template_and_ballots() -> impl Strategy<Value = (Template, Vec<Ballot>)> {
    prop::sample::select(templates()).prop_flat_map(|t| {
        let b = prop::collection::vec(ballot(&t), 0..40);
        (Just(t), b)
    })
}
