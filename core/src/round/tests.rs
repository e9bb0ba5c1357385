use super::*;
use crate::ballot::{BallotContent, RecommendationMarks, SectionMarks};
use crate::figures::Figures;
use crate::results::tests::{election_tally as tally, figures};
use crate::results::{Results, View};
use crate::{fingerprint, Ballot, Tally};

/// The catalogue's wording, as the app's is: 「…（第2轮）」.
fn title(first: &str, n: u16) -> String {
    format!("{first}（第{n}轮）")
}

/// The position of `name` in section 0's list.
fn at(t: &Template, name: &str) -> u16 {
    match &t.sections()[0] {
        Section::Recommendation(s) => s.candidate(name).expect(name),
        Section::Evaluation(_) => panic!("a names section"),
    }
}

fn names(t: &Template) -> Vec<String> {
    match &t.sections()[0] {
        Section::Recommendation(s) => s.candidates.iter().map(|c| c.name.clone()).collect(),
        Section::Evaluation(_) => panic!("a names section"),
    }
}

fn section(t: &Template) -> &RecommendationSection {
    match &t.sections()[0] {
        Section::Recommendation(s) => s,
        Section::Evaluation(_) => panic!("a names section"),
    }
}

fn taken(list: &[(&str, u16)]) -> Vec<Taken> {
    (list.iter())
        .map(|(name, round)| Taken {
            name: name.to_string(),
            round: *round,
        })
        .collect()
}

fn results(t: &Template, ballots: &[&[u16]], f: Figures) -> Results {
    Results::compute(t, &tally(t, ballots), f, View::Combined)
}

/// A 差额 committee election (6 names, 5 seats) ties at the fifth seat; the 再次投票 is a
/// template of its own with the two tied names for one place, elected by most votes; the
/// combined 当选名单 has the five, each with the round that elected them.
#[test]
fn a_tie_at_the_cut_is_voted_on_again_and_the_list_combines_both_rounds() {
    let first = crate::samples::elections().remove(0);
    let fp1 = fingerprint(&first);
    let (a, b, c, d) = (0, 1, 2, 3);
    let (x, y) = (at(&first, "张国华"), at(&first, "陈丽娟"));
    let r1 = results(
        &first,
        &[
            &[a, b, c, d, x],
            &[a, b, c, d, y],
            &[a, b, c, d, x],
            &[a, b, c, d, y],
            &[x, y],
        ],
        figures(5, 5, 5, 5),
    );
    let second = derive(&first, &fp1, &r1, title).expect("a 再次投票");
    let spec = second.spec();
    assert_eq!(spec.title, format!("{}（第2轮）", first.spec().title));
    assert_eq!(names(&second), ["张国华", "陈丽娟"]);
    let s = section(&second);
    assert_eq!(s.max_marks, 1, "one place left");
    assert_eq!(s.write_in_slots, 0, "only the tied names");
    assert_eq!(s.election, Some(Contest::Competitive));
    assert!(s.rules.contains(&"majority none".to_string()));
    let link = spec.round.as_ref().expect("linked");
    assert_eq!((link.number, &link.first, &link.after), (2, &fp1, &fp1));
    assert_eq!(link.title, first.spec().title);
    assert_eq!(link.sections[0].kind, RoundKind::Revote);
    let before = ["王建平", "刘淑芬", "孙志刚", "李秀兰"];
    assert_eq!(
        link.sections[0].taken,
        taken(&before.map(|n| (n, 1))),
        "the four elected in the first round"
    );
    let fp2 = fingerprint(&second);
    assert_ne!(fp1, fp2, "a round has its own fingerprint");
    // It reads back as written: a file or a link carries the round.
    let read = Template::parse(&second.canonical_json()).expect("reads");
    assert_eq!(read, second);

    // The 再次投票: 陈丽娟 3, 张国华 2 of 5. No share is needed: most votes.
    let (x, y) = (at(&second, "张国华"), at(&second, "陈丽娟"));
    let r2 = results(
        &second,
        &[&[y], &[y], &[x], &[x], &[y]],
        figures(5, 5, 5, 5),
    );
    assert!(r2.flags.is_empty(), "{:?}", r2.flags);
    let list = combined(&second, &r2);
    assert_eq!(list.len(), 1);
    let mut want = taken(&before.map(|n| (n, 1)));
    want.extend(taken(&[("陈丽娟", 2)]));
    assert_eq!(list[0].taken, want);
    assert_eq!((list[0].open, list[0].tied.len()), (0, 0));
    assert!(list[0].election);
    assert_eq!(
        derive(&second, &fp2, &r2, title),
        Err(DeriveRefused::NothingToDecide)
    );

    // Tied again (2 each, one blank): a third round among the same two.
    let r2 = results(&second, &[&[y], &[y], &[x], &[x], &[]], figures(5, 5, 5, 5));
    assert_eq!(combined(&second, &r2)[0].tied, ["张国华", "陈丽娟"]);
    assert_eq!(combined(&second, &r2)[0].open, 1);
    let third = derive(&second, &fp2, &r2, title).expect("another 再次投票");
    let link = third.spec().round.as_ref().expect("linked");
    assert_eq!((link.number, &link.first, &link.after), (3, &fp1, &fp2));
    assert_eq!(
        third.spec().title,
        format!("{}（第3轮）", first.spec().title)
    );
    assert_eq!(link.sections[0].taken.len(), 4);
}

/// A 居委会 election elects with more than half of the ballots cast; too few elected, the
/// remaining seats go to a 另行选举 among the names not elected (most votes first, the
/// 差额 kept), where most votes elect but no fewer than 1/3 of the ballots cast: exactly
/// 1/3 is enough, less is not, and a seat still left goes to a third round.
#[test]
fn a_further_election_fills_the_seats_left_under_its_own_one_third_rule() {
    let first = crate::samples::elections().remove(2);
    let fp1 = fingerprint(&first);
    let n = |name| at(&first, name);
    let (ma, xu, he, zhang, zhou, huang) = (
        n("马丽华"),
        n("许建国"),
        n("何晓红"),
        n("张  伟"),
        n("周美玲"),
        n("黄志明"),
    );
    // 10 cast: 马丽华 8, 许建国 6 elected; 何晓红 and 张伟 5 (exactly half: not more),
    // 周美玲 3, 黄志明 1.
    let mut ballots: Vec<Vec<u16>> = vec![vec![ma, xu, he, zhang, zhou]; 3];
    ballots.push(vec![ma, xu, he, zhang, huang]);
    ballots.extend([vec![ma, xu, zhang], vec![ma, xu], vec![ma, he], vec![ma]]);
    ballots.extend([vec![], vec![]]);
    let refs: Vec<&[u16]> = ballots.iter().map(Vec::as_slice).collect();
    let r1 = results(&first, &refs, figures(12, 12, 10, 10));
    assert_eq!(
        combined(&first, &r1),
        Vec::new(),
        "a first round is its own list"
    );
    let second = derive(&first, &fp1, &r1, title).expect("a 另行选举");
    let s = section(&second);
    assert_eq!(s.max_marks, 3, "three seats left");
    // 3 seats + a 差额 of 1: the four with most votes not elected, in 笔画 order.
    let mut want = vec!["何晓红", "张  伟", "周美玲", "黄志明"];
    crate::strokes::sort_by_strokes(&mut want, |n| n);
    assert_eq!(names(&second), want);
    assert_eq!(s.election, Some(Contest::Competitive));
    assert_eq!(s.write_in_slots, 2, "另选他人 kept");
    assert!(s.rules.contains(&"majority >= 1/3 returned".to_string()));
    let link = second.spec().round.as_ref().expect("linked");
    assert_eq!(link.sections[0].kind, RoundKind::Further);
    assert_eq!(
        link.sections[0].taken,
        taken(&[("马丽华", 1), ("许建国", 1)])
    );

    // 9 cast: 何晓红 4, 张伟 3 (exactly 1/3) elected; 周美玲 2 is less than 1/3.
    let n = |name| at(&second, name);
    let (he, zhang, zhou) = (n("何晓红"), n("张  伟"), n("周美玲"));
    let r2 = results(
        &second,
        &[
            &[he, zhang, zhou],
            &[he, zhang, zhou],
            &[he, zhang],
            &[he],
            &[],
            &[],
            &[],
            &[],
            &[],
        ],
        figures(12, 12, 9, 9),
    );
    let list = combined(&second, &r2);
    assert_eq!(
        list[0].taken,
        taken(&[("马丽华", 1), ("许建国", 1), ("何晓红", 2), ("张  伟", 2)])
    );
    assert_eq!(list[0].open, 1, "one seat still left");
    let fp2 = fingerprint(&second);
    let third = derive(&second, &fp2, &r2, title).expect("a third round");
    assert_eq!(section(&third).max_marks, 1);
    // One seat + a 差额 of 1: 周美玲 (2) and 黄志明 (0), the only names left.
    let mut want = vec!["周美玲", "黄志明"];
    crate::strokes::sort_by_strokes(&mut want, |n| n);
    assert_eq!(names(&third), want);
    let link = third.spec().round.as_ref().expect("linked");
    assert_eq!((link.number, &link.first, &link.after), (3, &fp1, &fp2));
    assert_eq!(link.sections[0].taken.len(), 4);
}

/// The app refuses, with a reason, to continue a vote that cannot stand, one that needs no
/// further round, or one whose next round it would have to decide itself.
#[test]
fn a_round_is_derived_only_when_there_is_one_to_hold() {
    let first = crate::samples::elections().remove(0);
    let fp = fingerprint(&first);
    // Five of six elected: complete.
    let all: &[u16] = &[0, 1, 2, 3, 4];
    let r = results(&first, &[all, all, all], figures(3, 3, 3, 3));
    assert_eq!(
        derive(&first, &fp, &r, title),
        Err(DeriveRefused::NothingToDecide)
    );
    // A count still under way: 3 of the 5 returned entered.
    let r = results(&first, &[&[0], &[0], &[0]], figures(5, 5, 5, 5));
    assert_eq!(
        derive(&first, &fp, &r, title),
        Err(DeriveRefused::Unfinished {
            entered: 3,
            returned: 5
        })
    );
    // The quorum not met (3 of 5 present): the vote does not stand.
    let r = results(&first, &[&[0], &[0], &[0]], figures(5, 3, 3, 3));
    assert_eq!(
        derive(&first, &fp, &r, title),
        Err(DeriveRefused::NotStanding)
    );
    // One elected of five: four seats need five names, and only five are not elected…
    let r = results(&first, &[&[0], &[0], &[0]], figures(3, 3, 3, 3));
    let next = derive(&first, &fp, &r, title).expect("five names for four seats");
    assert_eq!(names(&next).len(), 5);
    // An election by write-in alone where nobody was written in: a 另行选举 needs names
    // the app does not have (the organiser nominates them).
    let mut spec = first.spec().clone();
    if let Section::Recommendation(s) = &mut spec.sections[0] {
        s.candidates.clear();
        s.write_in_slots = 5;
    }
    let open = spec.check().expect("an election by write-in");
    let r = results(&open, &[&[], &[], &[]], figures(3, 3, 3, 3));
    assert_eq!(
        derive(&open, &fingerprint(&open), &r, title),
        Err(DeriveRefused::TooFewNames {
            section: 0,
            needed: 6,
            have: 0
        })
    );
}

/// An 等额 另行选举 names as many as the seats left, most votes first (a name written in
/// among them): names tied at that line would make the app choose among them, so it
/// refuses and the meeting decides.
#[test]
fn an_equal_further_election_never_chooses_among_tied_names() {
    let mut spec = crate::samples::elections().remove(0).into_spec();
    if let Section::Recommendation(s) = &mut spec.sections[0] {
        s.election = Some(Contest::Equal);
        s.candidates.truncate(1);
        s.max_marks = 1;
        s.rules = Vec::new();
    }
    let t = spec.check().expect("an 等额 election of one");
    let fp = fingerprint(&t);
    let ballot = |agree: &[u16], written: &[&str]| Ballot {
        category: None,
        content: BallotContent::Marked(vec![SectionMarks::Recommendation(RecommendationMarks {
            marked: agree.iter().copied().collect(),
            write_ins: written.iter().map(|w| w.to_string()).collect(),
            ..Default::default()
        })]),
    };
    let judge = |ballots: &[Ballot]| {
        let tally = Tally::of(&t, ballots).expect("fits");
        Results::compute(&t, &tally, figures(4, 4, 4, 4), View::Combined)
    };
    // 王建平 2 of 4 present (exactly half: not elected), 李明 written in once.
    let r = judge(&[
        ballot(&[0], &[]),
        ballot(&[0], &[]),
        ballot(&[], &["李明"]),
        ballot(&[], &[]),
    ]);
    let next = derive(&t, &fp, &r, title).expect("one seat, the most votes");
    assert_eq!(names(&next), ["王建平"]);
    assert_eq!(section(&next).election, Some(Contest::Equal));
    // 李明 written in twice: tied with 王建平 for the one name.
    let r = judge(&[
        ballot(&[0], &[]),
        ballot(&[0], &[]),
        ballot(&[], &["李明"]),
        ballot(&[], &["李明"]),
    ]);
    assert_eq!(
        derive(&t, &fp, &r, title),
        Err(DeriveRefused::TieForNames { section: 0 })
    );
}

/// A round's link is checked like the rest of the template: a name taken before may not be
/// on this round's list (T27), the link must be one the app writes (T28), and there is one
/// entry per names section (T26).
#[test]
fn a_forged_round_link_is_refused_with_its_code() {
    let first = crate::samples::elections().remove(0);
    let fp = fingerprint(&first);
    let tie: &[&[u16]] = &[&[0, 1, 2, 3, 4], &[0, 1, 2, 3, 5], &[0, 1, 2, 3], &[4, 5]];
    let r = results(&first, tie, figures(4, 4, 4, 4));
    let spec = derive(&first, &fp, &r, title)
        .expect("a 再次投票")
        .into_spec();
    let codes = |s: TemplateSpec| -> Vec<&'static str> {
        s.check()
            .err()
            .map(|e| e.iter().map(|e| e.kind.code()).collect())
            .unwrap_or_default()
    };
    // A name elected in round 1 put back on the ballot.
    let mut forged = spec.clone();
    if let (Some(link), Section::Recommendation(s)) = (&mut forged.round, &mut forged.sections[0]) {
        s.candidates.push(Candidate {
            name: link.sections[0].taken[0].name.clone(),
            note: String::new(),
        });
    }
    assert_eq!(codes(forged), ["T27"]);
    // Taken twice.
    let mut forged = spec.clone();
    if let Some(link) = &mut forged.round {
        let again = link.sections[0].taken[0].clone();
        link.sections[0].taken.push(again);
    }
    assert_eq!(codes(forged), ["T27"]);
    // A round 1, a round taken in the future, a fingerprint that is not one.
    for change in [
        |l: &mut Round| l.number = 1,
        |l: &mut Round| l.sections[0].taken[0].round = 2,
        |l: &mut Round| l.after = "not-a-code".into(),
        |l: &mut Round| l.first = "7kq2-m9xd".into(),
    ] {
        let mut forged = spec.clone();
        if let Some(link) = &mut forged.round {
            change(link);
        }
        assert_eq!(codes(forged), ["T28"]);
    }
    // An entry missing, or a round of an evaluation.
    let mut forged = spec.clone();
    if let Some(link) = &mut forged.round {
        link.sections.clear();
    }
    assert_eq!(codes(forged), ["T26"]);
    let mut forged = spec.clone();
    let evaluation = crate::samples::all()
        .remove(0)
        .into_spec()
        .sections
        .remove(0);
    assert!(matches!(evaluation, Section::Evaluation(_)));
    forged.sections.push(evaluation);
    if let Some(link) = &mut forged.round {
        let again = link.sections[0].clone();
        link.sections.push(again);
    }
    assert_eq!(codes(forged), ["T26"]);
}

/// Each round's results are merged apart: a file of another round of the same election is
/// refused as such (X13), one of another template as before (X10).
#[test]
fn results_of_different_rounds_are_never_merged() {
    use crate::exchange::seal::Signer;
    use crate::exchange::Received;
    use crate::merge::{Merge, MergeRefused};
    let first = crate::samples::elections().remove(0);
    let fp1 = fingerprint(&first);
    let ballots: &[&[u16]] = &[&[0, 1, 2, 3, 4], &[0, 1, 2, 3, 5], &[4, 5]];
    let r1 = results(&first, ballots, figures(3, 3, 3, 3));
    let second = derive(&first, &fp1, &r1, title).expect("a 再次投票");
    let of = |t: &Template, batch: &str, ballots: &[&[u16]]| {
        Received::of_tablet(
            t,
            batch,
            "长乐居民区".into(),
            None,
            figures(3, 3, 3, 3),
            tally(t, ballots),
        )
    };
    let mut merge = Merge::new();
    merge
        .add(of(&first, "a", ballots), vec![Signer::Unsigned])
        .expect("the first round");
    let other = of(&second, "b", &[&[0], &[1], &[0]]);
    assert_eq!(
        merge.add(other.clone(), vec![Signer::Unsigned]),
        Err(MergeRefused::OtherRound { ours: 1, theirs: 2 })
    );
    let mut merge = Merge::new();
    merge
        .add(other, vec![Signer::Unsigned])
        .expect("the second round");
    assert_eq!(
        merge.add(of(&first, "a", ballots), vec![Signer::Unsigned]),
        Err(MergeRefused::OtherRound { ours: 2, theirs: 1 })
    );
    let unrelated = crate::samples::elections().remove(1);
    assert!(matches!(
        merge.add(of(&unrelated, "c", &[&[0]]), vec![Signer::Unsigned]),
        Err(MergeRefused::DifferentTemplate { .. })
    ));
    // Two tablets of the second round merge as ever.
    assert!(merge
        .add(of(&second, "d", &[&[1]]), vec![Signer::Unsigned])
        .is_ok());
}

/// A 推荐 shortlist (4 seats + 1: five 初步人选) tied at the fifth place: the 再次投票 is a
/// recommendation among the tied for that one place, and the combined 初步人选名单 has five.
#[test]
fn a_shortlist_tie_is_voted_on_again_among_the_tied() {
    let first = crate::samples::all().remove(1);
    let fp = fingerprint(&first);
    // 于建华, 王秀英, 朱丽萍, 李卫东 3 each; 陈国强, 周敏, 徐红梅 1 each.
    let r1 = results(
        &first,
        &[&[0, 1, 2, 3, 4], &[0, 1, 2, 3, 5], &[0, 1, 2, 3, 6]],
        figures(3, 3, 3, 3),
    );
    let second = derive(&first, &fp, &r1, title).expect("a 再次投票");
    let s = section(&second);
    assert_eq!(s.election, None);
    assert_eq!(s.max_marks, 1);
    let mut want = vec!["陈国强", "周  敏", "徐红梅"];
    crate::strokes::sort_by_strokes(&mut want, |n| n);
    assert_eq!(names(&second), want);
    assert!(s.rules.contains(&"seats 1".to_string()));
    let r2 = results(
        &second,
        &[&[at(&second, "徐红梅")], &[at(&second, "徐红梅")], &[0]],
        figures(3, 3, 3, 3),
    );
    let list = combined(&second, &r2);
    assert_eq!(list[0].taken.len(), 5);
    assert_eq!(
        list[0].taken.last(),
        Some(&Taken {
            name: "徐红梅".into(),
            round: 2
        })
    );
    assert!(!list[0].election);
    assert_eq!(list[0].kind, RoundKind::Revote);
}

/// A long first title is shortened, never the round's words, so the new title stays within
/// the 60 characters a title may have.
#[test]
fn a_long_title_keeps_its_round() {
    let mut spec = crate::samples::elections().remove(0).into_spec();
    spec.title = "长".repeat(58);
    let t = spec.check().expect("58 characters");
    let tie: &[&[u16]] = &[&[0, 1, 2, 3, 4], &[0, 1, 2, 3, 5], &[0, 1, 2, 3], &[4, 5]];
    let r = results(&t, tie, figures(4, 4, 4, 4));
    let next = derive(&t, &fingerprint(&t), &r, title).expect("a 再次投票");
    let got = &next.spec().title;
    assert_eq!(got.chars().count(), 60);
    assert!(got.ends_with("…（第2轮）"), "{got}");
    assert_eq!(
        next.spec().round.as_ref().map(|l| l.title.as_str()),
        Some(t.spec().title.as_str())
    );
}
