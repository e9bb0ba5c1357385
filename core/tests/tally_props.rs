//! Property tests of the tally invariants, over random ballots of the sample templates,
//! including over-marked, spoiled, blank, declared-void and write-in ballots.

mod common;

use ballot_core::ballot::Ballot;
use ballot_core::tally::{Part, SectionTally, Tally};
use ballot_core::template::Template;
use common::{template_and_ballots, templates};
use proptest::prelude::*;

fn tally(t: &Template, ballots: &[Ballot]) -> Tally {
    Tally::of(t, ballots).expect("generated ballots fit their template")
}

/// Every ballot of a part is in exactly one bucket of every section and item.
fn assert_buckets_add_up(part: &Part) {
    let total = part.total();
    for s in &part.sections {
        match s {
            SectionTally::Recommendation(r) => {
                assert_eq!(r.counted + r.blank + r.void, total);
                // No name gets more votes than there are counted ballots.
                assert!(r.votes.iter().all(|&v| v <= r.counted));
                assert!(r.write_ins.iter().all(|(_, &v)| v <= r.counted));
                // Under a scheme with ×, every listed name's 赞成, 反对, 弃权 and unreadable
                // boxes are exactly the ballots the section counts or leaves blank (弃权 is
                // what is left, so the check is that nothing else is more than that).
                for i in 0..r.opposed.len() {
                    let named = r.votes[i] + r.opposed[i] + r.unreadable[i];
                    assert!(named <= r.counted, "a box is read once per ballot");
                    assert_eq!(named + r.abstained(i), r.counted + r.blank);
                }
            }
            SectionTally::Evaluation(e) => {
                for item in &e.items {
                    let rated: u32 = item.levels.iter().sum();
                    assert_eq!(rated + item.unrated + item.spoiled + item.void, total);
                }
            }
        }
    }
    let v = &part.void_reasons;
    assert_eq!(
        v.over_marked + v.unreadable + v.non_standard_mark + v.other + v.bad_write_in,
        part.void
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn counts_add_up((t, ballots) in template_and_ballots()) {
        let tally = tally(&t, &ballots);
        prop_assert_eq!(tally.total() as usize, ballots.len());
        for part in &tally.parts {
            assert_buckets_add_up(part);
        }
        assert_buckets_add_up(&tally.combined());
    }

    #[test]
    fn order_does_not_matter((t, ballots) in template_and_ballots(), seed in any::<u64>()) {
        let mut shuffled = ballots.clone();
        // A deterministic shuffle from the seed (Fisher–Yates with an LCG).
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        prop_assert_eq!(tally(&t, &ballots), tally(&t, &shuffled));
    }

    #[test]
    fn merging_equals_tallying_the_union((t, ballots) in template_and_ballots(), cut in any::<prop::sample::Index>()) {
        let at = if ballots.is_empty() { 0 } else { cut.index(ballots.len() + 1) };
        let (a, b) = ballots.split_at(at);
        let mut merged = tally(&t, a);
        merged.merge(&tally(&t, b)).expect("same template");
        prop_assert_eq!(merged, tally(&t, &ballots));
    }

    #[test]
    fn merging_is_commutative_and_associative((t, ballots) in template_and_ballots()) {
        let thirds: Vec<&[Ballot]> = ballots.chunks(ballots.len().div_ceil(3).max(1)).collect();
        let part = |i: usize| tally(&t, thirds.get(i).copied().unwrap_or(&[]));
        let (a, b, c) = (part(0), part(1), part(2));

        let mut ab = a.clone();
        ab.merge(&b).expect("same");
        let mut ba = b.clone();
        ba.merge(&a).expect("same");
        prop_assert_eq!(&ab, &ba);

        let mut ab_c = ab.clone();
        ab_c.merge(&c).expect("same");
        let mut bc = b.clone();
        bc.merge(&c).expect("same");
        let mut a_bc = a.clone();
        a_bc.merge(&bc).expect("same");
        prop_assert_eq!(ab_c, a_bc);
    }

    #[test]
    fn combined_equals_tally_without_categories((t, ballots) in template_and_ballots()) {
        let stripped: Vec<Ballot> = ballots.iter().cloned().map(|mut b| { b.category = None; b }).collect();
        let combined = tally(&t, &ballots).combined();
        let uncategorised = tally(&t, &stripped);
        prop_assert_eq!(Some(&combined), uncategorised.part(None));
    }

    #[test]
    fn stored_form_round_trips((t, ballots) in template_and_ballots()) {
        for b in &ballots {
            let json = serde_json::to_string(b).expect("serializes");
            let back: Ballot = serde_json::from_str(&json).expect("parses");
            prop_assert_eq!(&back, b);
            prop_assert!(back.fits(&t).is_ok());
        }
    }

    /// Arbitrary bytes never panic the template loader or the ballot decoder.
    #[test]
    fn decoders_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Template::parse(&text);
        if let Ok(b) = serde_json::from_str::<Ballot>(&text) {
            for t in templates() {
                let _ = ballot_core::check(&t, &b);
            }
        }
    }
}
