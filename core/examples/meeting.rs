//! One meeting driven from outside the app, by the core's public path alone: what a 街道
//! IT person's script or an acceptance test does.
//!
//! template → ballots (a tablet's and paper ones read aloud) → tally → judged results →
//! results files → merge into the 居民区's result.
//!
//! Run: `cargo run -p ballot-core --example meeting`. Also run by the tests
//! (`core/tests/example_meeting.rs`), so it cannot rot.

use ballot_core::count::{CountLog, CountOp, CountSpec};
use ballot_core::exchange::{self, Received};
use ballot_core::figures::Figures;
use ballot_core::merge::Merge;
use ballot_core::results::{SectionResult, View};
use ballot_core::template::Section;
use ballot_core::{Ballot, Tally, Template};

/// What went wrong, said as a person would.
type Fallible<T> = Result<T, String>;

pub fn main() -> Fallible<()> {
    // 1. The template: one parse path, every check, the result rules read once.
    let json = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../templates/推荐票.json"
    ))
    .map_err(|e| format!("the sample template: {e}"))?;
    let t = Template::parse(&json).map_err(|e| format!("the template does not pass: {e:?}"))?;
    let Some(Section::Recommendation(names)) = t.sections().first() else {
        return Err("the sample's first section is a recommendation".into());
    };
    let party = t.category("党员").ok_or("no 党员 category")?;
    let name = |n: &str| names.candidate(n).ok_or(format!("{n} is not listed"));

    // 2a. A tablet session: the voter taps, the core refuses what the rules forbid.
    let mut tablet = Tally::empty(&t);
    for picks in [&["于建华", "王秀英"][..], &["于建华"], &[]] {
        let mut b = Ballot::empty(&t, Some(party));
        for n in picks {
            b.toggle_candidate(&t, 0, name(n)?)
                .map_err(|e| format!("a tap refused: {e:?}"))?;
        }
        tablet
            .add(&t, &b)
            .map_err(|e| format!("not counted: {e:?}"))?;
    }
    let tablet = Received::of_tablet(
        &t,
        "tablet-1",
        "长乐居民区 · 第一支部".into(),
        Some("党员".into()),
        Figures {
            issued: Some(3),
            returned: Some(3),
            ..Figures::default()
        },
        tablet,
    );

    // 2b. A paper count read aloud (唱票): the same marks, never refused (paper can show
    // anything); the check judges each ballot.
    let spec = CountSpec {
        area: "长乐居民区".into(),
        branch: "第二支部".into(),
        category: Some(party),
    }
    .checked(&t)
    .map_err(|e| format!("the count's unit: {e:?}"))?;
    let mut log = CountLog::new(
        &t,
        Figures {
            issued: Some(2),
            returned: Some(2),
            ..Figures::default()
        },
    );
    for (at_ms, picks) in [(1, &["王秀英", "朱丽萍"][..]), (2, &["王秀英"])] {
        let mut b = Ballot::empty(&t, Some(party));
        for n in picks {
            b.toggle_paper_mark(&t, 0, name(n)?);
        }
        log.enter(&t, CountOp::Add { ballot: b }, at_ms)
            .map_err(|e| format!("step refused: {}", e.code()))?;
    }
    let paper = Received::of_paper(&t, "count-2", &spec, &log);

    // 3–4. Each result judged under the template's rules, its rows found by name.
    for r in [&tablet, &paper] {
        let results = r.results(View::Combined);
        let Some(SectionResult::Recommendation(s)) = results.sections.first() else {
            return Err("no recommendation results".into());
        };
        let votes = s.listed(name("王秀英")?).map_or(0, |row| row.votes);
        println!(
            "{}: 王秀英 {votes} 票, 结果校验码 {}",
            r.body.unit,
            r.code()
        );
    }

    // 5. Results files, as they travel (file, QR): read back as a receiving desk reads
    // them, unauthenticated. These are unsigned; a device signs its own (`Received::signed`).
    let mut merge = Merge::new();
    for r in [&tablet, &paper] {
        let received =
            exchange::read(&r.file(), |_| None).map_err(|e| format!("file: {}", e.code()))?;
        let signers = received.signers(&[]);
        merge
            .add(received, signers)
            .map_err(|e| format!("merge refused: {}", e.code()))?;
    }

    // 6. The 居民区's result: everything added once, each unit's own checks carried up.
    let area = merge.result("长乐居民区").ok_or("the merge is unsettled")?;
    let results = area.results(View::Combined);
    let Some(SectionResult::Recommendation(s)) = results.sections.first() else {
        return Err("no recommendation results".into());
    };
    for row in s.rows.iter().filter(|r| r.votes > 0) {
        println!(
            "长乐居民区: {} {} 票 (第 {} 名)",
            row.name, row.votes, row.rank
        );
    }
    let blocking: Vec<&str> = results
        .flags
        .iter()
        .filter(|f| f.is_blocking())
        .map(|f| f.code())
        .collect();
    println!("blocking findings: {blocking:?}");
    let votes = s.listed(name("王秀英")?).map_or(0, |row| row.votes);
    if votes != 3 || results.valid != 4 || results.blank != 1 {
        return Err(format!(
            "王秀英 {votes} 票, valid {}, blank {}: expected 3, 4, 1",
            results.valid, results.blank
        ));
    }
    Ok(())
}
