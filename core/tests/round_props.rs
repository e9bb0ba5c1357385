//! Properties of rounds for any votes: an election is continued round after round (再次投票
//! for a tie at the cut, 另行选举 for seats left) with random ballots until it is complete or
//! no round can be made, and at every round the combined 当选名单 holds each name once, the
//! places still open add up with it to the first round's seats, a round's ballot lists no name
//! taken before and has exactly the places left, and its template reads back as written.

use std::collections::BTreeSet;

use ballot_core::ballot::{BallotContent, RecommendationMarks, SectionMarks};
use ballot_core::figures::Figures;
use ballot_core::results::{Results, SectionResult, Status, View};
use ballot_core::round::{combined, derive, DeriveRefused};
use ballot_core::template::Section;
use ballot_core::{fingerprint, Ballot, Tally, Template};
use proptest::prelude::*;

const NAMES: [&str; 8] = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"];

fn election(seats: u16, names: usize, contest: &str, majority: &str) -> Template {
    let candidates: Vec<String> = (NAMES[..names].iter())
        .map(|n| format!(r#"{{"name":"{n}"}}"#))
        .collect();
    let json = format!(
        r#"{{"format":"ballot-kit/template","version":1,"title":"选举票","issuer":"某街道",
        "marking":{{"unmarked":"abstain","scheme":"agree_oppose"}},
        "sections":[{{"kind":"election","title":"委员","candidates":[{}],"max_marks":{seats},
        "contest":"{contest}","rules":["majority {majority}","further >= 1/3 returned"]}}]}}"#,
        candidates.join(",")
    );
    Template::parse(&json).expect("an election")
}

fn listed(t: &Template) -> Vec<String> {
    match &t.sections()[0] {
        Section::Recommendation(s) => s.candidates.iter().map(|c| c.label()).collect(),
        Section::Evaluation(_) => Vec::new(),
    }
}

fn seats_of(t: &Template) -> u16 {
    match &t.sections()[0] {
        Section::Recommendation(s) => s.max_marks,
        Section::Evaluation(_) => 0,
    }
}

/// Ballots from random choices: each voter agrees with the names whose bit is set, at most
/// the seats (a ballot over the seats would be void; left so, it tests nothing here).
fn ballots(t: &Template, voters: &[u8]) -> Vec<Ballot> {
    let (n, max) = (listed(t).len(), usize::from(seats_of(t)));
    (voters.iter())
        .map(|bits| {
            let marked = (0..n)
                .filter(|i| bits >> i & 1 == 1)
                .take(max)
                .filter_map(|i| u16::try_from(i).ok())
                .collect();
            Ballot {
                category: None,
                content: BallotContent::Marked(vec![SectionMarks::Recommendation(
                    RecommendationMarks {
                        marked,
                        ..Default::default()
                    },
                )]),
            }
        })
        .collect()
}

proptest! {
    #[test]
    fn rounds_fill_the_seats_once_each(
        seats in 1u16..4,
        more in 1usize..4,
        equal in any::<bool>(),
        majority in prop::sample::select(vec!["> 1/2 present", ">= 1/3 returned"]),
        rounds in prop::collection::vec(prop::collection::vec(any::<u8>(), 1..9), 6),
    ) {
        let names = if equal { usize::from(seats) } else { usize::from(seats) + more };
        let contest = if equal { "equal" } else { "competitive" };
        let mut t = election(seats, names, contest, majority);
        let total = seats;
        for voters in &rounds {
            let b = ballots(&t, voters);
            let n = u32::try_from(b.len()).expect("few");
            let figures = Figures { due: Some(n), present: Some(n), issued: Some(n), returned: Some(n) };
            let tally = Tally::of(&t, &b).expect("fits");
            let r = Results::compute(&t, &tally, figures, View::Combined);
            let list = combined(&t, &r);
            if let Some(s) = list.first() {
                // Each name taken once, and the places open add up to the first round's seats.
                let unique: BTreeSet<&String> = s.taken.iter().map(|x| &x.name).collect();
                prop_assert_eq!(unique.len(), s.taken.len());
                prop_assert_eq!(s.taken.len() + usize::from(s.open), usize::from(total));
                let link = t.spec().round.as_ref().expect("a later round");
                prop_assert!(s.taken.iter().all(|x| x.round >= 1 && x.round <= link.number));
            }
            let fp = fingerprint(&t);
            match derive(&t, &fp, &r, |first, n| format!("{first}（第{n}轮）")) {
                Ok(next) => {
                    // Reads back as written: a file or a link carries it unchanged.
                    prop_assert_eq!(&Template::parse(&next.canonical_json()).expect("reads"), &next);
                    let link = next.spec().round.as_ref().expect("linked");
                    let taken: BTreeSet<&String> =
                        link.sections[0].taken.iter().map(|x| &x.name).collect();
                    let on_ballot = listed(&next);
                    prop_assert!(on_ballot.iter().all(|n| !taken.contains(n)));
                    // Exactly the places left: the first round's seats less those taken.
                    prop_assert_eq!(usize::from(seats_of(&next)), usize::from(total) - taken.len());
                    prop_assert!(on_ballot.len() > usize::from(seats_of(&next)) || equal);
                    t = next;
                }
                Err(DeriveRefused::NothingToDecide) => {
                    // Complete: every seat filled, over all rounds.
                    let filled = match (list.first(), r.sections.first()) {
                        (Some(s), _) => s.taken.len(),
                        (None, Some(SectionResult::Recommendation(x))) => {
                            x.rows.iter().filter(|row| row.status == Some(Status::Taken)).count()
                        }
                        _ => 0,
                    };
                    prop_assert_eq!(filled, usize::from(total));
                    break;
                }
                Err(_) => break,
            }
        }
    }
}
