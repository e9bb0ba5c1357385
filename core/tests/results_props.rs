//! Properties of the shortlist (初步人选) for any votes: the cut never splits equal scores,
//! it takes exactly as many names as it should, and ranks follow the scores.

use ballot_core::count::Figures;
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
    Template::parse_with_rules(&json).expect("template")
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
