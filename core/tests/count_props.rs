//! Property tests of the paper count's log: whatever the counter taps, in any order, the
//! log stays consistent and replaying it gives the same count.

use ballot_core::ballot::Ballot;
use ballot_core::count::{CountEntry, CountLog, CountOp};
use ballot_core::figures::Figures;
use ballot_core::samples;
use ballot_core::Tally;
use proptest::prelude::*;

/// A counter's action on the recommendation sample: a ballot marking some names, a
/// correction, a strike, a restore, or new figures (收回 among them).
fn op() -> impl Strategy<Value = CountOp> {
    let t = samples::all().remove(1);
    let names = prop::collection::btree_set(0u16..7, 0..=7);
    // Written in: one name in two spellings, another, nothing.
    let written = prop::collection::vec(
        prop::sample::select(vec!["赵六", " 赵六", "孙七", ""]),
        0..=2,
    );
    let ballot = (names, written).prop_map(move |(names, written)| {
        let mut b = Ballot::empty(&t, Some(0));
        for n in names {
            b.toggle_paper_mark(&t, 0, n);
        }
        for (slot, w) in written.into_iter().enumerate() {
            let _ = b.set_paper_write_in(&t, 0, slot, w);
        }
        b
    });
    prop_oneof![
        6 => ballot.clone().prop_map(|ballot| CountOp::Add { ballot }),
        1 => (0u32..12, ballot).prop_map(|(seq, ballot)| CountOp::Replace { seq, ballot }),
        2 => (0u32..12).prop_map(|seq| CountOp::Strike { seq }),
        1 => (0u32..12).prop_map(|seq| CountOp::Restore { seq }),
        1 => (prop::option::of(0u32..12), prop::option::of(0u32..12)).prop_map(|(issued, returned)| {
            CountOp::SetFigures { figures: Figures { due: None, present: None, issued, returned } }
        }),
    ]
}

/// The write-in names of `ballots`, normalised, most written first, then in name order:
/// what the suggestions must be, recounted from nothing.
fn written_in<'a>(ballots: impl Iterator<Item = &'a Ballot>) -> Vec<String> {
    use ballot_core::ballot::{BallotContent, SectionMarks};
    let mut counts: std::collections::BTreeMap<String, u32> = Default::default();
    for b in ballots {
        if let BallotContent::Marked(sections) = &b.content {
            for s in sections {
                if let SectionMarks::Recommendation(r) = s {
                    for w in &r.write_ins {
                        let name = ballot_core::names::normalize_name(w);
                        if !name.is_empty() {
                            *counts.entry(name).or_default() += 1;
                        }
                    }
                }
            }
        }
    }
    let mut names: Vec<(String, u32)> = counts.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    names.into_iter().map(|(n, _)| n).collect()
}

proptest! {
    #[test]
    fn the_log_stays_consistent(ops in prop::collection::vec(op(), 0..40), returned in prop::option::of(0u32..10)) {
        let t = samples::all().remove(1);
        let start = Figures { returned, ..Figures::default() };
        let entries: Vec<CountEntry> = ops
            .iter()
            .enumerate()
            .map(|(i, op)| CountEntry { at_ms: i as u64, op: op.clone() })
            .collect();
        let (log, refused) = CountLog::replay(&t, start, entries);
        // Every op is either in the log or refused.
        prop_assert_eq!(log.entry_count() + refused.len(), ops.len());
        // `check` answers as `apply` does, and a refused op leaves the log as it was.
        let mut step = CountLog::new(&t, start);
        for (i, op) in ops.iter().enumerate() {
            let asked = step.check(&t, op);
            let before = step.clone();
            let applied = step.apply(&t, CountEntry { at_ms: i as u64, op: op.clone() });
            prop_assert_eq!(asked, applied);
            if applied.is_err() {
                prop_assert_eq!(&step, &before);
            }
        }
        prop_assert_eq!(&step, &log);
        // Never more ballots standing than were returned.
        if let Some(r) = log.figures().returned {
            prop_assert!(log.live_count() <= r);
        }
        // The running tally (kept up per entry) is the tally of exactly the ballots standing.
        prop_assert_eq!(log.tally(), &Tally::of(&t, log.live()).expect("all fit"));
        // The suggestions, kept step by step, are those of the ballots that stand.
        prop_assert_eq!(log.write_in_names(), written_in(log.live()));
        prop_assert_eq!(log.live().count(), log.live_count() as usize);
        // Numbers are the reading order.
        for (i, e) in log.entered().enumerate() {
            prop_assert_eq!(e.seq as usize, i + 1);
        }
        // What is stored replays to the same state, with nothing refused.
        let (again, refused_again) = CountLog::replay(&t, start, log.entries().cloned().collect::<Vec<_>>());
        prop_assert!(refused_again.is_empty());
        prop_assert_eq!(again, log);
    }
}
