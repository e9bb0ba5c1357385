//! The public path of `core/examples/meeting.rs`, run as a test, and what a consumer of
//! merged results can no longer miss.

#[path = "../examples/meeting.rs"]
mod meeting;

use ballot_core::count::{CountLog, CountOp, CountSpec};
use ballot_core::exchange::{self, Received};
use ballot_core::figures::{FigureFlag, Figures};
use ballot_core::merge::Merge;
use ballot_core::results::{Flag, View};
use ballot_core::{samples, Ballot};

#[test]
fn the_example_meeting_runs_from_template_to_merged_results() {
    meeting::main().expect("the example meeting");
}

/// A 支部 whose 收回 exceeds its 发出 voids its part of the count: the merged result's own
/// judged results carry that unit's C01, blocking and first, though the sums are fine.
#[test]
fn a_unit_s_blocking_finding_is_in_the_merged_results() {
    let t = samples::all().remove(1);
    let spec = |branch: &str| CountSpec {
        area: "长乐居民区".into(),
        branch: branch.into(),
        category: Some(0),
    };
    let count = |issued, returned, id: &str, branch: &str| {
        let mut log = CountLog::new(
            &t,
            Figures {
                issued: Some(issued),
                returned: Some(returned),
                ..Figures::default()
            },
        );
        let mut b = Ballot::empty(&t, Some(0));
        b.toggle_paper_mark(&t, 0, 0);
        log.enter(&t, CountOp::Add { ballot: b }, 1)
            .expect("entered");
        Received::of_paper(&t, id, &spec(branch), &log)
    };
    let mut merge = Merge::new();
    for r in [count(5, 1, "c1", "第一支部"), count(0, 1, "c2", "第二支部")] {
        let read = exchange::read(&r.file(), |_| None).expect("reads");
        let signers = read.signers(&[]);
        merge.add(read, signers).expect("added");
    }
    let area = merge.result("长乐居民区").expect("settled");
    // The sums alone hold: 收回 2 of 发出 5.
    assert_eq!(area.body.figures.returned, Some(2));
    assert_eq!(area.body.figures.issued, Some(5));
    let results = area.results(View::Combined);
    assert_eq!(
        results.flags.first(),
        Some(&Flag::Source {
            unit: "长乐居民区 · 第二支部".into(),
            flag: FigureFlag::ReturnedExceedsIssued {
                returned: 1,
                issued: 0
            }
        })
    );
    assert!(results.flags[0].is_blocking());
}

/// Names, items and levels are found by name, as printed; rows by the template's position.
#[test]
fn names_items_and_levels_are_found_by_name() {
    use ballot_core::template::Section;
    let rec = samples::all().remove(1);
    let Some(Section::Recommendation(r)) = rec.sections().first() else {
        panic!("recommendation")
    };
    assert_eq!(r.candidate("王秀英"), Some(1));
    // Spaced as printed or not, the same name.
    assert_eq!(r.candidate("周 敏"), Some(5));
    assert_eq!(r.candidate("周  敏"), Some(5));
    assert_eq!(r.candidate("赵六"), None);
    assert_eq!(rec.category("群众代表"), Some(1));
    let eval = samples::all().remove(0);
    let Some(Section::Evaluation(e)) = eval.sections().first() else {
        panic!("evaluation")
    };
    let first = e.items().next().expect("an item");
    assert_eq!(e.item(first.subject_name, first.dimension), Some(0));
    assert_eq!(e.item("无此人", None), None);
    assert_eq!(e.level(&e.levels[1]), Some(1));
    // A tap on a level the section does not have changes nothing, on a tablet or paper.
    let mut b = Ballot::empty(&eval, Some(0));
    let before = b.clone();
    b.rate(&eval, 0, 0, e.levels.len());
    b.toggle_paper_level(&eval, 0, 0, e.levels.len());
    b.toggle_paper_mark(&eval, 0, 0);
    assert_eq!(b, before);
}
