//! Table-driven tests of every result rule, at its boundaries.

use super::*;
use crate::figures::Figures;
use crate::tally::Tally;

fn template(rec_rules: &str, root_rules: &str) -> Template {
    let json = format!(
        r#"{{"format":"ballot-kit/template","version":1,"title":"推荐票","issuer":"某街道",
        "categories":["党员","群众代表"],
        "sections":[{{"kind":"recommendation","title":"推荐","candidates":[{{"name":"甲"}},{{"name":"乙"}},{{"name":"丙"}},{{"name":"丁"}},{{"name":"戊"}}],
        "max_marks":3,"write_in_slots":1{rec_rules}}}]{root_rules}}}"#
    );
    Template::parse(&json).unwrap_or_else(|e| panic!("{e:?}\n{json}"))
}

/// A tally with `valid` valid ballots in category `cat` and these votes per listed name.
/// (category, valid ballots, votes per listed name, write-ins with votes).
type PartSpec<'a> = (usize, u32, &'a [u32], &'a [(&'a str, u32)]);

/// (votes per listed name, names taken, the tie at the cut: names and places).
type CutCase<'a> = (&'a [u32], &'a [&'a str], Option<(Vec<&'a str>, u64)>);

fn tally(t: &Template, parts: &[PartSpec]) -> Tally {
    let mut tally = Tally::empty(t);
    for &(cat, valid, votes, write_ins) in parts {
        let p = &mut tally.parts[cat];
        p.valid = valid;
        if let SectionTally::Recommendation(r) = &mut p.sections[0] {
            r.counted = valid;
            r.votes = votes.to_vec();
            for &(n, v) in write_ins {
                *r.write_ins.entry_or_default(n.to_string()) = v;
            }
        }
    }
    tally
}

/// Every figure known (also the rounds' tests).
pub(crate) fn figures(due: u32, present: u32, issued: u32, returned: u32) -> Figures {
    Figures {
        due: Some(due),
        present: Some(present),
        issued: Some(issued),
        returned: Some(returned),
    }
}

fn rec(r: &Results) -> &RecommendationResult {
    match &r.sections[0] {
        SectionResult::Recommendation(r) => r,
        SectionResult::Evaluation(_) => panic!("recommendation expected"),
    }
}

fn codes(r: &Results) -> Vec<&'static str> {
    r.flags.iter().map(Flag::code).collect()
}

fn statuses(r: &Results) -> Vec<(String, Option<Status>)> {
    rec(r)
        .rows
        .iter()
        .map(|x| (x.name.clone(), x.status))
        .collect()
}

#[test]
fn the_quorum_is_more_than_four_fifths_by_default_and_a_template_parameter() {
    let table = [
        // (root rules, due, present, quorum flag expected)
        ("", 50, 40, true), // exactly 4/5 is not more than 4/5
        ("", 50, 41, false),
        (r#","rules":["quorum >= 4/5"]"#, 50, 40, false),
        (r#","rules":["quorum >= 4/5"]"#, 50, 39, true),
        (r#","rules":["quorum > 1/2"]"#, 50, 25, true),
        (r#","rules":["quorum none"]"#, 50, 1, false),
    ];
    for (rules, due, present, flagged) in table {
        let t = template("", rules);
        let r = Results::compute(
            &t,
            &Tally::empty(&t),
            figures(due, present, present, present),
            View::Combined,
        );
        assert_eq!(
            codes(&r).contains(&"R01"),
            flagged,
            "{rules} {present}/{due}"
        );
        if flagged {
            assert!(r.flags[0].is_blocking(), "R01 is blocking and listed first");
        }
    }
}

#[test]
fn more_returned_than_issued_voids_the_vote_and_is_listed_first() {
    let t = template("", "");
    let r = Results::compute(
        &t,
        &Tally::empty(&t),
        figures(50, 45, 44, 45),
        View::Combined,
    );
    assert_eq!(codes(&r), ["C01"]);
    assert!(r.flags[0].is_blocking());
}

#[test]
fn missing_figures_are_reported_not_guessed() {
    let t = template(r#","rules":["rate_base present"]"#, "");
    let r = Results::compute(&t, &Tally::empty(&t), Figures::default(), View::Combined);
    assert_eq!(codes(&r), ["R02"]);
    assert_eq!(
        r.flags[0],
        Flag::FigureMissing {
            base: Base::Present
        }
    );
    assert_eq!(rec(&r).base, None);
}

#[test]
fn the_shortlist_takes_seats_plus_a_fifth_and_flags_a_tie_at_the_cut() {
    // 3 seats → 4 names. Votes: 甲 9, 乙 8, 丙 7, 丁 6, 戊 6.
    let cases: [CutCase; 4] = [
        // A clear cut: 丁 is 4th with 6, 戊 5th with 5.
        (&[9, 8, 7, 6, 5], &["甲", "乙", "丙", "丁"], None),
        // 丁 and 戊 tie at the cut: both 需再次投票 for 1 place.
        (
            &[9, 8, 7, 6, 6],
            &["甲", "乙", "丙"],
            Some((vec!["丁", "戊"], 1)),
        ),
        // A tie above the cut is no problem.
        (&[9, 9, 7, 6, 5], &["甲", "乙", "丙", "丁"], None),
        // Three tie for the last two places.
        (
            &[9, 8, 6, 6, 6],
            &["甲", "乙"],
            Some((vec!["丙", "丁", "戊"], 2)),
        ),
    ];
    let t = template(r#","rules":["seats 3"]"#, "");
    for (votes, taken, tie) in cases {
        let tally = tally(&t, &[(0, 10, votes, &[])]);
        let r = Results::compute(&t, &tally, figures(12, 11, 11, 10), View::Combined);
        assert_eq!(rec(&r).take, Some(4));
        let got_taken: Vec<String> = statuses(&r)
            .into_iter()
            .filter(|(_, s)| *s == Some(Status::Taken))
            .map(|(n, _)| n)
            .collect();
        assert_eq!(got_taken, taken, "{votes:?}");
        match tie {
            None => assert!(!codes(&r).contains(&"R04"), "{votes:?}"),
            Some((names, places)) => {
                assert!(r.flags.contains(&Flag::TieAtCut {
                    section: 0,
                    names: names.iter().map(|n| n.to_string()).collect(),
                    places,
                }));
                let tied: Vec<String> = statuses(&r)
                    .into_iter()
                    .filter(|(_, s)| *s == Some(Status::Tied))
                    .map(|(n, _)| n)
                    .collect();
                assert_eq!(tied, names, "{votes:?}");
            }
        }
    }
}

#[test]
fn too_few_names_with_votes_ask_for_a_further_round() {
    let t = template(r#","rules":["seats 3"]"#, "");
    let tally = tally(&t, &[(0, 10, &[9, 8, 0, 0, 0], &[("张三", 2)])]);
    let r = Results::compute(&t, &tally, figures(12, 11, 11, 10), View::Combined);
    assert!(r.flags.contains(&Flag::TooFewQualify {
        election: false,
        section: 0,
        needed: 4,
        qualified: 3
    }));
    // The write-in with votes is ranked and taken like a listed name.
    let row = rec(&r)
        .rows
        .iter()
        .find(|x| x.name == "张三")
        .expect("write-in row");
    assert_eq!(
        (row.listed, row.rank, row.status),
        (false, 3, Some(Status::Taken))
    );
}

#[test]
fn a_majority_is_more_than_half_of_its_base_and_exactly_half_is_not() {
    let t = template(r#","rules":["seats 1","majority > 1/2 present"]"#, "");
    // 实到 10: 甲 6 (more than half), 乙 5 (exactly half), 丙 4.
    let tally = tally(&t, &[(0, 10, &[6, 5, 4, 0, 0], &[])]);
    let r = Results::compute(&t, &tally, figures(10, 10, 10, 10), View::Combined);
    let m: Vec<(String, Option<bool>)> = rec(&r)
        .rows
        .iter()
        .take(3)
        .map(|x| (x.name.clone(), x.majority))
        .collect();
    assert_eq!(
        m,
        [
            ("甲".into(), Some(true)),
            ("乙".into(), Some(false)),
            ("丙".into(), Some(false))
        ]
    );
    // Shortlist of 2 (1 seat + 1): only 甲 qualifies: a further round for the other place.
    assert!(codes(&r).contains(&"R05"));
    let t = template(r#","rules":["seats 1","majority >= 1/2 present"]"#, "");
    let r = Results::compute(&t, &tally, figures(10, 10, 10, 10), View::Combined);
    assert_eq!(rec(&r).rows[1].majority, Some(true));
    assert!(!codes(&r).contains(&"R05"));
}

#[test]
fn categories_combine_by_sum_or_by_exact_weights() {
    let plain = template(r#","rules":["seats 1"]"#, "");
    // 党员: 甲 10, 乙 4; 群众代表: 甲 2, 乙 12.
    let parts: &[PartSpec] = &[
        (0, 12, &[10, 4, 0, 0, 0], &[]),
        (1, 14, &[2, 12, 0, 0, 0], &[]),
    ];
    let r = Results::compute(
        &plain,
        &tally(&plain, parts),
        Figures::default(),
        View::Combined,
    );
    let rows = &rec(&r).rows;
    assert_eq!((rows[0].name.as_str(), rows[0].votes), ("乙", 16));
    assert_eq!(rows[0].per_category, [4, 12]);
    assert_eq!(rec(&r).categories, ["党员", "群众代表"]);

    // 党员 × 7/10 + 群众代表 × 3/10: 甲 7.6, 乙 6.4.
    let weighted = template(
        r#","rules":["seats 1"]"#,
        r#","rules":["weights 7/10 0.3"]"#,
    );
    let r = Results::compute(
        &weighted,
        &tally(&weighted, parts),
        Figures::default(),
        View::Combined,
    );
    let rec = rec(&r);
    assert_eq!(rec.rows[0].name, "甲");
    assert_eq!(score_text(rec.rows[0].score, rec.score_den), "7.60");
    assert_eq!(score_text(rec.rows[1].score, rec.score_den), "6.40");

    // Weights of 1/3 and 2/3 give equal scores exactly (no float rounding can split them):
    // 甲 3·1/3 + 6·2/3 = 5, 乙 9·1/3 + 3·2/3 = 5, 丙 6·1/3 + 4·2/3 = 14/3: 甲 and 乙 tie.
    // One seat takes 2 names, so they are both taken; with 丙 at 5 too, three tie for two.
    let thirds = template(r#","rules":["seats 1"]"#, r#","rules":["weights 1/3 2/3"]"#);
    let parts: &[PartSpec] = &[
        (0, 12, &[3, 9, 6, 0, 0], &[]),
        (1, 14, &[6, 3, 4, 0, 0], &[]),
    ];
    let r = Results::compute(
        &thirds,
        &tally(&thirds, parts),
        Figures::default(),
        View::Combined,
    );
    assert!(!codes(&r).contains(&"R04"), "{:?}", r.flags);
    assert_eq!(
        super::tests::rec(&r).rows[0].score,
        super::tests::rec(&r).rows[1].score
    );
    let halves = thirds;
    let parts: &[PartSpec] = &[
        (0, 12, &[3, 9, 9, 0, 0], &[]),
        (1, 14, &[6, 3, 3, 0, 0], &[]),
    ];
    let r = Results::compute(
        &halves,
        &tally(&halves, parts),
        Figures::default(),
        View::Combined,
    );
    assert!(codes(&r).contains(&"R04"), "{:?}", r.flags);

    // A category view ranks that category alone: 群众代表 gave 甲 6, 乙 3.
    let r = Results::compute(
        &plain,
        &tally(&plain, parts),
        Figures::default(),
        View::Category(Some(1)),
    );
    assert_eq!(super::tests::rec(&r).rows[0].name, "甲");
    assert_eq!(super::tests::rec(&r).rows[0].votes, 6);
    assert!(super::tests::rec(&r).categories.is_empty());
}

#[test]
fn rates_are_exact_and_a_zero_base_has_none() {
    assert_eq!(percent(1, 3).as_deref(), Some("33.3%"));
    assert_eq!(percent(2, 3).as_deref(), Some("66.7%"));
    assert_eq!(percent(1, 8).as_deref(), Some("12.5%"));
    assert_eq!(percent(1, 16).as_deref(), Some("6.3%"));
    assert_eq!(percent(5, 5).as_deref(), Some("100.0%"));
    assert_eq!(percent(0, 0), None);
    assert_eq!(score_text(7, 1), "7");
    assert_eq!(score_text(2, 3), "0.67");

    let t = template("", "");
    let mut tl = tally(&t, &[]);
    tl.parts[2].blank = 4;
    let r = Results::compute(&t, &tl, Figures::default(), View::Combined);
    assert!(r.flags.contains(&Flag::ZeroBase { base: Base::Valid }));
    assert_eq!(rec(&r).base, Some(0));
}

fn evaluation_template(rules: &str) -> Template {
    let json = format!(
        r#"{{"format":"ballot-kit/template","version":1,"title":"测评表","issuer":"某街道",
        "categories":["党员","群众代表"],
        "sections":[{{"kind":"evaluation","title":"测评","subjects":[{{"name":"张三","role":"书记"}},{{"name":"李四"}}],
        "levels":["称职","基本称职","不称职","不了解"]{rules}}}]}}"#
    );
    Template::parse(&json).unwrap_or_else(|e| panic!("{e:?}\n{json}"))
}

/// Valid forms per category and level counts per item.
fn eval_tally(t: &Template, parts: &[(usize, u32, [[u32; 4]; 2])]) -> Tally {
    let mut tally = Tally::empty(t);
    for &(cat, valid, items) in parts {
        let p = &mut tally.parts[cat];
        p.valid = valid;
        if let SectionTally::Evaluation(e) = &mut p.sections[0] {
            for (item, levels) in e.items.iter_mut().zip(items) {
                item.levels = levels.to_vec();
            }
        }
    }
    tally
}

fn alerted(r: &Results) -> Vec<(String, Option<String>)> {
    r.flags
        .iter()
        .filter_map(|f| match f {
            Flag::Alert { name, category, .. } => Some((name.clone(), category.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn an_alert_above_one_third_is_not_raised_at_exactly_one_third() {
    let t = evaluation_template(r#","rules":["alert 不称职 > 1/3"]"#);
    // 30 valid forms: 张三 不称职 10 (exactly 1/3), 李四 11.
    let tally = eval_tally(&t, &[(0, 30, [[15, 5, 10, 0], [14, 5, 11, 0]])]);
    let r = Results::compute(&t, &tally, Figures::default(), View::Combined);
    assert_eq!(alerted(&r), [("李四".to_string(), None)]);
    let SectionResult::Evaluation(e) = &r.sections[0] else {
        panic!()
    };
    assert_eq!(e.items[0].alerts, Vec::<usize>::new());
    assert_eq!(e.items[1].alerts, [0]);
    // Default positive levels: all but the last (称职, 基本称职, 不称职 here!) — so this
    // template names them.
    assert_eq!(e.positive, [true, true, true, false]);
}

#[test]
fn a_low_satisfaction_alert_can_leave_out_unknown_ratings() {
    let rules =
        r#","rules":["positive 称职+基本称职","exclude 不了解","alert 称职+基本称职 < 2/3"]"#;
    let t = evaluation_template(rules);
    // 张三: 30 valid, 6 不了解 → base 24; 16 positive = exactly 2/3 → not below.
    // 李四: 15 positive of 24 → below.
    let tally = eval_tally(&t, &[(0, 30, [[10, 6, 8, 6], [10, 5, 9, 6]])]);
    let r = Results::compute(&t, &tally, Figures::default(), View::Combined);
    let SectionResult::Evaluation(e) = &r.sections[0] else {
        panic!()
    };
    assert_eq!((e.items[0].positive, e.items[0].base), (16, Some(24)));
    assert_eq!(alerted(&r), [("李四".to_string(), None)]);
}

#[test]
fn a_form_void_for_an_item_is_out_of_that_item_s_base() {
    let t = evaluation_template(r#","rules":["alert 不称职 > 1/3"]"#);
    // 30 valid forms. 张三: 不称职 9, and 3 forms marked two levels for him: 9 of the 27
    // is exactly 1/3, no alert. 李四: 不称职 10, and 2 forms marked two levels: exactly 1/3
    // of 30 (no alert, as when the spoiled forms were in the base) but more than 1/3 of
    // the 28 forms that rated him: the alert is raised.
    let mut tally = eval_tally(&t, &[(0, 30, [[12, 6, 9, 0], [12, 6, 10, 0]])]);
    if let SectionTally::Evaluation(e) = &mut tally.parts[0].sections[0] {
        e.items[0].spoiled = 3;
        e.items[1].spoiled = 2;
    }
    let r = Results::compute(&t, &tally, Figures::default(), View::Combined);
    let SectionResult::Evaluation(e) = &r.sections[0] else {
        panic!()
    };
    assert_eq!((e.items[0].spoiled, e.items[0].base), (3, Some(27)));
    assert_eq!((e.items[1].spoiled, e.items[1].base), (2, Some(28)));
    assert_eq!(alerted(&r), [("李四".to_string(), None)]);
    // The shares are of that base: 12 of 27 称职.
    assert_eq!(
        crate::results::percent(u64::from(e.items[0].levels[0]), 27),
        Some("44.4%".to_string())
    );
    // The row still adds up: the levels and 未评 make the base; the spoiled forms stand
    // beside it.
    for item in &e.items {
        let levels: u32 = item.levels.iter().sum();
        assert_eq!(
            Some(levels + item.unrated + item.outside),
            item.base,
            "{}",
            item.name
        );
    }
}

#[test]
fn alerts_judged_per_category_name_the_category() {
    let t = evaluation_template(r#","rules":["alert 不称职 > 1/3","alert_scope each_category"]"#);
    // 党员: 张三 不称职 5 of 10 (alert); 群众代表: 2 of 20. Combined 7 of 30 (no alert).
    let tally = eval_tally(
        &t,
        &[
            (0, 10, [[5, 0, 5, 0], [10, 0, 0, 0]]),
            (1, 20, [[18, 0, 2, 0], [20, 0, 0, 0]]),
        ],
    );
    let r = Results::compute(&t, &tally, Figures::default(), View::Combined);
    assert_eq!(
        alerted(&r),
        [("张三".to_string(), Some("党员".to_string()))]
    );
    let r = Results::compute(&t, &tally, Figures::default(), View::Category(Some(0)));
    assert_eq!(alerted(&r), [("张三".to_string(), None)]);
    let r = Results::compute(&t, &tally, Figures::default(), View::Category(Some(1)));
    assert_eq!(alerted(&r), []);
    // Combined scope: judged on the sum only.
    let t = evaluation_template(r#","rules":["alert 不称职 > 1/3"]"#);
    let r = Results::compute(&t, &tally, Figures::default(), View::Category(Some(0)));
    assert_eq!(alerted(&r), []);
}

#[test]
fn a_category_is_never_judged_against_the_whole_meeting_s_figures() {
    let t = evaluation_template(
        r#","rules":["rate_base present","alert 不称职 > 1/3","alert_scope each_category"]"#,
    );
    let tally = eval_tally(
        &t,
        &[
            (0, 10, [[5, 0, 5, 0], [10, 0, 0, 0]]),
            (1, 20, [[18, 0, 2, 0], [20, 0, 0, 0]]),
        ],
    );
    let meeting = Figures {
        present: Some(30),
        ..Figures::default()
    };
    let r = Results::compute(&t, &tally, meeting, View::Combined);
    // 实到 30 is the meeting's, not 党员's: their alert is not judged, and R02 says why.
    assert_eq!(alerted(&r), []);
    assert!(r.flags.contains(&Flag::FigureMissing {
        base: Base::Present
    }));
}

#[test]
fn zero_valid_forms_raise_no_alert() {
    let t = evaluation_template(r#","rules":["alert 不称职 >= 0"]"#);
    let mut tally = eval_tally(&t, &[]);
    tally.parts[0].void = 3;
    let r = Results::compute(&t, &tally, Figures::default(), View::Combined);
    assert_eq!(alerted(&r), []);
    assert!(codes(&r).contains(&"R03"));
}

/// Every problem of a template's result rules, as (path, code).
fn rule_problems(json: &str) -> Vec<(String, &'static str)> {
    match Template::parse(json) {
        Ok(_) => Vec::new(),
        Err(errs) => errs
            .iter()
            .map(|e| (e.path.to_string(), e.code()))
            .collect(),
    }
}

#[test]
fn bad_rule_texts_are_template_errors_at_their_field() {
    let recommendation = |rules: &str| {
        format!(
            r#"{{"format":"ballot-kit/template","version":1,"title":"推荐票","issuer":"某街道",
            "sections":[{{"kind":"recommendation","title":"推荐","candidates":[{{"name":"甲"}}],"max_marks":1,"rules":[{rules}]}}]}}"#
        )
    };
    let root = |rules: &str| {
        format!(
            r#"{{"format":"ballot-kit/template","version":1,"title":"推荐票","issuer":"某街道",
            "sections":[{{"kind":"recommendation","title":"推荐","candidates":[{{"name":"甲"}}],"max_marks":1}}]{rules}}}"#
        )
    };
    let evaluation = |rules: &str| {
        format!(
            r#"{{"format":"ballot-kit/template","version":1,"title":"测评表","issuer":"某街道",
            "sections":[{{"kind":"evaluation","title":"测评","subjects":[{{"name":"张三"}}],"levels":["称职","不称职"],"rules":[{rules}]}}]}}"#
        )
    };
    let cases = [
        (
            recommendation(r#""seats 0""#),
            "sections[0].rules[0]",
            "T13",
        ),
        (
            recommendation(r#""majority more than half""#),
            "sections[0].rules[0]",
            "T18",
        ),
        (
            recommendation(r#""majority > 3/2 present""#),
            "sections[0].rules[0]",
            "T17",
        ),
        (
            recommendation(r#""extra x""#),
            "sections[0].rules[0]",
            "T18",
        ),
        (
            recommendation(r#""rate_base everyone""#),
            "sections[0].rules[0]",
            "T18",
        ),
        (
            recommendation(r#""alert 不满意 > 1/3""#),
            "sections[0].rules[0]",
            "T19",
        ),
        (
            recommendation(r#""seats 3","seats 4""#),
            "sections[0].rules[1]",
            "T11",
        ),
        (root(r#","rules":["quorum 4/5"]"#), "rules[0]", "T18"),
        (root(r#","rules":["weights 1"]"#), "rules[0]", "T15"),
        (
            root(r#","categories":["党员"],"rules":["weights a"]"#),
            "rules[0]",
            "T18",
        ),
        (root(r#","rules":["seats 3"]"#), "rules[0]", "T19"),
        (
            evaluation(r#""positive 优秀""#),
            "sections[0].rules[0]",
            "T16",
        ),
        (
            evaluation(r#""alert 差 > 1/3""#),
            "sections[0].rules[0]",
            "T16",
        ),
        (
            evaluation(r#""alert 不称职 1/3""#),
            "sections[0].rules[0]",
            "T18",
        ),
        (
            evaluation(r#""alert_scope each""#),
            "sections[0].rules[0]",
            "T18",
        ),
        // Two alerts are two rules, not a duplicate.
        (
            evaluation(r#""alert 不称职 > 1/3","alert 称职 < 1/2","seats 1""#),
            "sections[0].rules[2]",
            "T19",
        ),
    ];
    for (json, path, code) in cases {
        assert_eq!(rule_problems(&json), [(path.to_string(), code)], "{json}");
    }
}

#[test]
fn under_a_scheme_with_a_cross_each_listed_name_has_its_against_and_abstain() {
    // 甲 乙 丙 丁 戊, at most 3, ○ = 赞成 × = 反对; five ballots, one of them blank.
    let json = r#"{"format":"ballot-kit/template","version":1,"title":"选举票","issuer":"某街道",
        "marking":{"symbol":"○","unmarked":"abstain","scheme":"agree_oppose"},
        "sections":[{"kind":"recommendation","title":"委员","candidates":[{"name":"甲"},{"name":"乙"},{"name":"丙"},{"name":"丁"},{"name":"戊"}],
        "max_marks":3}]}"#;
    let t = Template::parse(json).expect("valid");
    let paper = |symbol: &[u16], cross: &[u16]| crate::Ballot {
        category: None,
        content: crate::ballot::BallotContent::Marked(vec![
            crate::ballot::SectionMarks::Recommendation(crate::ballot::RecommendationMarks {
                marked: symbol.iter().copied().collect(),
                crossed: cross.iter().copied().collect(),
                ..Default::default()
            }),
        ]),
    };
    let ballots = [
        paper(&[0, 1], &[2]),
        paper(&[0], &[1, 2]),
        paper(&[0, 2], &[]),
        paper(&[1], &[1]), // 乙's box holds both marks
        paper(&[], &[]),   // blank
    ];
    let counted = Tally::of(&t, &ballots).expect("fits");
    let r = Results::compute(&t, &counted, Figures::default(), View::Combined);
    let against = |i: u16| {
        let row = rec(&r).listed(i).expect("listed");
        (
            row.votes,
            row.against.map(|a| (a.opposed, a.abstained, a.unreadable)),
        )
    };
    assert_eq!(against(0), (3, Some((0, 2, 0))));
    assert_eq!(against(1), (1, Some((1, 2, 1))));
    assert_eq!(against(2), (1, Some((2, 2, 0))));
    assert_eq!(against(3), (0, Some((0, 5, 0))));
    // Under the agree-only scheme there is no 反对 to report.
    let plain = template("", "");
    let r = Results::compute(
        &plain,
        &tally(&plain, &[(2, 2, &[1, 1, 0, 0, 0], &[])]),
        Figures::default(),
        View::Combined,
    );
    assert!(rec(&r).rows.iter().all(|row| row.against.is_none()));
}

/// A committee election's ballots (the sample: 6 names, 5 seats, ○ 赞成 × 反对), each the
/// names it agrees with.
pub(crate) fn election_tally(t: &Template, ballots: &[&[u16]]) -> Tally {
    let ballots: Vec<crate::Ballot> = ballots
        .iter()
        .map(|agree| crate::Ballot {
            category: None,
            content: crate::ballot::BallotContent::Marked(vec![
                crate::ballot::SectionMarks::Recommendation(crate::ballot::RecommendationMarks {
                    marked: agree.iter().copied().collect(),
                    ..Default::default()
                }),
            ]),
        })
        .collect();
    Tally::of(t, &ballots).expect("fits")
}

#[test]
fn an_election_elects_by_votes_those_above_half_of_the_present_and_exactly_half_is_not() {
    let t = crate::samples::elections().remove(0);
    // 10 present. 王建平 6, 刘淑芬 6, 孙志刚 5 (exactly half), the rest fewer.
    let mut ballots: Vec<&[u16]> = vec![&[0, 1, 2]; 5];
    ballots.push(&[0, 1]);
    ballots.extend([&[3u16][..], &[4], &[5], &[]]);
    let tally = election_tally(&t, &ballots);
    let r = Results::compute(&t, &tally, figures(12, 10, 10, 10), View::Combined);
    let s = rec(&r);
    assert!(s.election.is_some());
    assert_eq!((s.seats, s.take), (Some(5), Some(5)));
    let status = |i: u16| s.listed(i).and_then(|row| row.status);
    assert_eq!(status(0), Some(Status::Taken));
    assert_eq!(status(1), Some(Status::Taken));
    assert_eq!(
        status(2),
        Some(Status::NotTaken),
        "5 of 10 present is not more than half"
    );
    // Two elected of five seats: 另行选举 for the three left.
    assert!(r.flags.contains(&Flag::TooFewQualify {
        section: 0,
        needed: 5,
        qualified: 2,
        election: true
    }));
    // The rule is template data: more than half of the ballots cast (居委会) elects 孙志刚
    // when fewer were cast than were present.
    let r = Results::compute(&t, &tally, figures(12, 12, 10, 9), View::Combined);
    assert_eq!(
        rec(&r).listed(2).and_then(|x| x.status),
        Some(Status::NotTaken)
    );
    let residents = crate::samples::elections().remove(2);
    let tally = election_tally(&residents, &ballots);
    let r = Results::compute(&residents, &tally, figures(12, 12, 10, 9), View::Combined);
    assert_eq!(
        rec(&r).listed(2).and_then(|x| x.status),
        Some(Status::Taken),
        "5 of 9 cast"
    );
}

#[test]
fn a_tie_at_the_last_seat_is_voted_on_again() {
    let t = crate::samples::elections().remove(0);
    // All six above half of 4 present; 王建平..李秀兰 4 each, 张国华 and 陈丽娟 3 each for
    // the fifth seat.
    let ballots: Vec<&[u16]> = vec![
        &[0, 1, 2, 3, 4],
        &[0, 1, 2, 3, 5],
        &[0, 1, 2, 3, 4],
        &[0, 1, 2, 3, 5],
        &[4, 5],
    ];
    let tally = election_tally(&t, &ballots);
    let r = Results::compute(&t, &tally, figures(5, 5, 5, 5), View::Combined);
    assert_eq!(codes(&r), ["R04"]);
    let s = rec(&r);
    assert_eq!(s.listed(4).and_then(|x| x.status), Some(Status::Tied));
    assert_eq!(s.listed(5).and_then(|x| x.status), Some(Status::Tied));
    assert!(r.flags.contains(&Flag::TieAtCut {
        section: 0,
        names: vec!["张国华".into(), "陈丽娟".into()],
        places: 1
    }));
}
