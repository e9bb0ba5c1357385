//! Property tests of results files, QR codes, merging and the two-counter cross-check, over
//! random 唱票 counts of the sample templates.

mod common;

use ballot_core::ballot::{Ballot, BallotContent, DeclaredVoid};
use ballot_core::count::Figures;
use ballot_core::crosscheck::{align, compare};
use ballot_core::exchange::{read, Body, Codes, Kind, Received, Scanned};
use ballot_core::merge::{Merge, MergeRefused};
use ballot_core::tally::Tally;
use ballot_core::template::Template;
use common::template_and_ballots;
use proptest::prelude::*;

/// A 唱票 count of `ballots`, as a device would export it.
fn count(t: &Template, batch: &str, ballots: &[Ballot], returned: Option<u32>) -> Received {
    let body = Body {
        batch: batch.into(),
        batches: vec![batch.into()],
        kind: Kind::Paper,
        fingerprint: ballot_core::fingerprint(t),
        unit: format!("长乐居民区 · {batch}"),
        category: None,
        figures: Figures {
            returned,
            ..Figures::default()
        },
        tally: Tally::of(t, ballots).expect("fits"),
        ballots: ballots.to_vec(),
        sources: Vec::new(),
    };
    Received::local(body, t.clone())
}

/// Three counts of a random split of the ballots.
fn three((t, ballots): (Template, Vec<Ballot>)) -> (Template, Vec<Ballot>, [Received; 3]) {
    let n = ballots.len().div_ceil(3).max(1);
    let part = |i: usize| ballots.chunks(n).nth(i).unwrap_or(&[]).to_vec();
    let counts = [
        count(&t, "a1", &part(0), Some(part(0).len() as u32)),
        count(&t, "b2", &part(1), Some(part(1).len() as u32)),
        count(&t, "c3", &part(2), None),
    ];
    (t, ballots, counts)
}

fn merged(sources: &[&Received]) -> Merge {
    let mut m = Merge::new();
    for s in sources {
        m.add((*s).clone()).expect("distinct batches, one template");
    }
    m
}

fn void(reason: DeclaredVoid) -> Ballot {
    Ballot {
        category: None,
        content: BallotContent::Void(reason),
    }
}

fn refused(r: Result<(), MergeRefused>) -> bool {
    matches!(r, Err(MergeRefused::AlreadyAdded { .. }))
}

fn found(t: &Template) -> impl Fn(&str) -> Option<Template> + '_ {
    move |_| Some(t.clone())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn files_and_codes_read_back((t, ballots) in template_and_ballots(), seed in any::<u64>()) {
        let r = count(&t, "a1", &ballots, None);
        prop_assert_eq!(read(&r.file(), |_| None), Ok(r.clone()));
        let mut codes = r.qr_codes().expect("a few codes");
        // Scanned in any order.
        let mut s = seed;
        for i in (1..codes.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            codes.swap(i, (s >> 33) as usize % (i + 1));
        }
        let mut collect = Codes::new();
        let mut text = None;
        for c in &codes {
            if let Scanned::Complete(t) = collect.add(c).expect("a code of the set") {
                text = Some(t);
            }
        }
        let text = text.expect("complete after every code");
        prop_assert_eq!(read(&text, found(&t)), Ok(r));
    }

    #[test]
    fn merging_equals_tallying_all_ballots_together(input in template_and_ballots()) {
        let (t, ballots, [a, b, c]) = three(input);
        let m = merged(&[&a, &b, &c]);
        prop_assert_eq!(m.tally(), Some(Tally::of(&t, &ballots).expect("fits")));
        // 收回 is summed only where every source knows it.
        prop_assert_eq!(m.figures().returned, None);
        prop_assert_eq!(merged(&[&a, &b]).figures().returned, Some((a.body.ballots.len() + b.body.ballots.len()) as u32));
    }

    #[test]
    fn merging_is_commutative_and_associative(input in template_and_ballots()) {
        let (_, _, [a, b, c]) = three(input);
        let abc = merged(&[&a, &b, &c]);
        let cba = merged(&[&c, &b, &a]);
        prop_assert_eq!(abc.tally(), cba.tally());
        prop_assert_eq!(abc.figures(), cba.figures());
        prop_assert_eq!(abc.batches(), cba.batches());

        // (a + b) exported and read back as a file, then + c, equals a + (b + c).
        let ab = merged(&[&a, &b]).result("长乐居民区").expect("a result");
        let ab = read(&ab.file(), |_| None).expect("reads back");
        let bc = merged(&[&b, &c]).result("长乐居民区").expect("a result");
        let ab_c = merged(&[&ab, &c]);
        let a_bc = merged(&[&a, &bc]);
        prop_assert_eq!(ab_c.tally(), abc.tally());
        prop_assert_eq!(a_bc.tally(), abc.tally());
        prop_assert_eq!(ab_c.figures(), abc.figures());
        prop_assert_eq!(ab_c.batches(), a_bc.batches());
        // Every unit's own figures reach the top, in order.
        prop_assert_eq!(ab_c.lines(), abc.lines());
    }

    #[test]
    fn nothing_is_counted_twice(input in template_and_ballots()) {
        let (_, _, [a, b, c]) = three(input);
        let mut m = merged(&[&a]);
        prop_assert!(refused(m.add(a.clone())));
        // A merged result that holds `a` is refused too, and so is `a` after it.
        let ab = merged(&[&a, &b]).result("长乐居民区").expect("a result");
        prop_assert!(refused(m.add(ab.clone())));
        let mut m2 = merged(&[&ab]);
        prop_assert!(refused(m2.add(b.clone())));
        prop_assert!(m2.add(c).is_ok());
        // Taking a source out lets it be added again.
        m.remove(&a.body.batch);
        prop_assert!(m.add(a).is_ok());
    }

    #[test]
    fn a_cross_check_lists_exactly_the_ballots_changed(
        (t, ballots) in template_and_ballots(),
        changes in prop::collection::vec(any::<prop::sample::Index>(), 0..4),
        replacement in any::<prop::sample::Index>(),
    ) {
        let ours = count(&t, "a1", &ballots, None);
        let mut theirs_ballots = ballots.clone();
        let mut changed = std::collections::BTreeSet::new();
        if !ballots.is_empty() {
            for i in changes {
                let at = i.index(ballots.len());
                // A ballot that differs from the one there.
                let alt = [
                    ballots[replacement.index(ballots.len())].clone(),
                    void(DeclaredVoid::Other),
                    void(DeclaredVoid::Unreadable),
                ]
                .into_iter()
                .find(|b| *b != ballots[at])
                .expect("two void ballots of different reasons differ");
                theirs_ballots[at] = alt;
                changed.insert(at);
            }
        }
        let theirs = count(&t, "b2", &theirs_ballots, None);
        let c = compare(&ours, &theirs).expect("two counts of one template");
        // Never more differences than changes; each one a real difference, each ballot
        // in at most one.
        prop_assert!(c.differences.len() <= changed.len());
        let mut seen_a = std::collections::BTreeSet::new();
        let mut seen_b = std::collections::BTreeSet::new();
        for d in &c.differences {
            if let (Some(i), Some(j)) = (d.ours, d.theirs) {
                prop_assert_ne!(&ballots[i], &theirs_ballots[j]);
            }
            prop_assert!(d.ours.is_none_or(|i| seen_a.insert(i)));
            prop_assert!(d.theirs.is_none_or(|j| seen_b.insert(j)));
        }
        prop_assert_eq!(c.identical(), changed.is_empty());
    }

    #[test]
    fn a_missed_ballot_is_one_difference((_, ballots) in template_and_ballots(), at in any::<prop::sample::Index>()) {
        prop_assume!(!ballots.is_empty());
        let at = at.index(ballots.len());
        let mut fewer = ballots.clone();
        fewer.remove(at);
        let d = align(&ballots, &fewer);
        prop_assert_eq!(d.len(), 1);
        prop_assert!(d[0].theirs.is_none());
        // The ballot listed is one equal to the missed one (equal neighbours are alike).
        prop_assert_eq!(d[0].ours.map(|i| &ballots[i]), Some(&ballots[at]));
    }

    /// Arbitrary text never panics the results reader or the code collector.
    #[test]
    fn readers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), t in prop::sample::select(ballot_core::samples::all())) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = read(&text, |_| Some(t.clone()));
        let _ = Codes::new().add(&text);
        let _ = Codes::new().add(&format!("BKR1.1.1.abcdef.{text}"));
        let framed = format!(r#"{{"format":"ballot-kit/results","version":1,"checksum":"x","body":{text}}}"#);
        let _ = read(&framed, |_| Some(t.clone()));
    }

    /// A valid file with any one byte changed is refused or reads to something valid:
    /// never a panic, never a result that does not fit its template.
    #[test]
    fn a_changed_byte_is_caught((t, ballots) in template_and_ballots(), at in any::<prop::sample::Index>(), to in any::<u8>()) {
        let file = count(&t, "a1", &ballots, None).file();
        let mut bytes = file.into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = to;
        if let Ok(text) = String::from_utf8(bytes) {
            if let Ok(r) = read(&text, |_| None) {
                prop_assert!(Tally::of(&r.template, &r.body.ballots).is_ok());
            }
        }
    }
}
