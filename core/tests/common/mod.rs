//! Strategies shared by the property tests: random ballots of the sample templates.

#![allow(dead_code)] // each test crate uses its own part

use ballot_core::ballot::{
    Ballot, BallotContent, DeclaredVoid, LevelSet, RecommendationMarks, SectionMarks,
};
use ballot_core::samples;
use ballot_core::template::{Scheme, Section, Template};
use proptest::prelude::*;

pub mod device;

/// The samples, and the recommendation sample under each scheme with × (三种意见, and the
/// inverted scheme, where a ballot may agree with every listed name).
pub fn templates() -> Vec<Template> {
    let mut all = samples::all();
    // The last one with every write-in rule: marked, only after 反对, else the ballot void.
    for (scheme, strict) in [
        (Scheme::AgreeOppose, false),
        (Scheme::Inverted, false),
        (Scheme::AgreeOppose, true),
    ] {
        let mut spec = samples::all()[1].clone().into_spec();
        spec.marking.scheme = scheme;
        for s in &mut spec.sections {
            if let Section::Recommendation(r) = s {
                if scheme == Scheme::Inverted {
                    r.max_marks = r.candidates.len() as u16 + 1;
                }
                r.write_in_needs_mark = strict;
                r.write_in_after_oppose = strict;
                if strict {
                    r.bad_write_in = ballot_core::template::BadWriteIn::VoidBallot;
                }
            }
        }
        all.push(spec.check().expect("a sample under another scheme"));
    }
    all
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
                let slots = r.write_in_slots;
                let cross = t.spec().marking.scheme.has_cross();
                let crosses = move |up_to: u16| {
                    if cross {
                        prop::collection::btree_set(0..up_to.max(1), 0..=up_to as usize).boxed()
                    } else {
                        Just(Default::default()).boxed()
                    }
                };
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
                    (crosses(n), crosses(slots), crosses(slots)),
                )
                    .prop_map(move |(marked, write_ins, (x, wm, wx))| {
                        let keep = |s: std::collections::BTreeSet<u16>, below: u16| {
                            s.into_iter().filter(|&i| i < below).collect()
                        };
                        SectionMarks::Recommendation(RecommendationMarks {
                            marked: marked.into_iter().collect(),
                            write_ins,
                            crossed: keep(x, n),
                            write_ins_marked: keep(wm, slots),
                            write_ins_crossed: keep(wx, slots),
                            ..RecommendationMarks::default()
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
