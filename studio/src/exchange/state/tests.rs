//! The desk's reducer, natively: what is added, refused, shown and compared.

use super::*;
use ballot_core::ballot::{Ballot, BallotContent, DeclaredVoid};
use ballot_core::exchange::seal::Signer;
use ballot_core::exchange::{Body, Kind};
use ballot_core::figures::Figures;
use ballot_core::i18n::exchange::ZH_CN;
use ballot_core::samples;
use ballot_core::tally::Tally;

fn recommendation() -> Template {
    Template::parse(samples::RECOMMENDATION_JSON).expect("sample")
}

/// A count of `n` ballots, each for name `i % 3`, with 发出/收回 `issued`/`returned`.
fn count(batch: &str, unit: &str, n: u16, returned: u32) -> Received {
    let t = recommendation();
    let ballots: Vec<Ballot> = (0..n)
        .map(|i| {
            let mut b = Ballot::empty(&t, Some(0));
            b.toggle_candidate(&t, 0, i % 3).expect("room");
            b
        })
        .collect();
    let body = Body {
        batch: batch.into(),
        batches: vec![batch.into()],
        kind: Kind::Paper,
        fingerprint: ballot_core::fingerprint(&t),
        unit: unit.into(),
        category: None,
        figures: Figures {
            issued: Some(u32::from(n)),
            returned: Some(returned),
            ..Figures::default()
        },
        tally: Tally::of(&t, &ballots).expect("fits"),
        ballots: ballots.iter().collect(),
        sources: Vec::new(),
        leaves: Vec::new(),
    };
    Received::local(body, t)
}

/// A desk with `counts` read from the store (as the view reads them).
fn desk(counts: Vec<Received>) -> Rc<Desk> {
    Rc::new(Desk::new(&ZH_CN, Vec::new(), samples::all())).reduce(Action::Local {
        results: counts,
        own: None,
    })
}

fn refused(s: &Desk) -> String {
    match &s.message {
        Some(Message::Refused(m)) => m.clone(),
        other => panic!("refused, not {other:?}"),
    }
}

#[test]
fn branches_add_up_and_nothing_is_added_twice() {
    let a = count("a1", "长乐居民区 · 第一支部", 6, 6);
    let b = count("b2", "长乐居民区 · 第二支部", 4, 5);
    let s = desk(vec![a.clone()]).reduce(Action::AddLocal(0));
    assert_eq!(
        s.message,
        Some(Message::Done(
            "已加入汇总：长乐居民区 · 第一支部（6 张选票）".into()
        ))
    );
    let s = s.reduce(Action::File {
        target: Target::Merge,
        text: Ok(b.file()),
    });
    assert_eq!(s.merge.files().len(), 2);
    assert_eq!(s.merge.tally().map(|t| t.total()), Some(10));
    // The shared 居民区 is the combined unit, until another is typed.
    assert_eq!(s.unit(), "长乐居民区");
    let merged = s.merged().expect("a combined result");
    assert_eq!(merged.body.figures.returned, Some(11));
    // The second branch's 收回 > 发出 is carried up with its unit.
    assert_eq!(merged.body.sources[1].figures.flags()[0].code(), "C01");

    // The same file again, or this device's count again: refused, nothing changes.
    let again = s.clone().reduce(Action::File {
        target: Target::Merge,
        text: Ok(b.file()),
    });
    assert!(refused(&again).contains("（X11）"), "{}", refused(&again));
    assert_eq!(again.merge.files().len(), 2);
    let again = again.reduce(Action::AddLocal(0));
    assert!(refused(&again).contains("X11"));

    let s = s.reduce(Action::Unit("长乐居民区（合计）".into()));
    assert_eq!(s.merged().expect("merged").body.unit, "长乐居民区（合计）");
    let a_digest = a.statement().expect("a count").digest();
    let s = s.reduce(Action::Remove(a_digest));
    assert_eq!(s.merge.files().len(), 1);
}

#[test]
fn a_broken_or_foreign_input_is_refused_and_changes_nothing() {
    let a = count("a1", "第一支部", 3, 3);
    let s = desk(vec![a.clone()]).reduce(Action::AddLocal(0));
    let file = a.file();
    let cut = s.clone().reduce(Action::File {
        target: Target::Merge,
        text: Ok(file[..file.len() / 2].to_string()),
    });
    assert!(refused(&cut).starts_with("未导入："));
    assert!(refused(&cut).contains("X02"));
    assert_eq!(cut.merge.files().len(), 1);
    // A result of another template.
    let t = samples::all()
        .into_iter()
        .find(|t| ballot_core::fingerprint(t) != a.body.fingerprint)
        .expect("another sample");
    let other = Received::local(
        Body {
            batch: "z9".into(),
            batches: vec!["z9".into()],
            kind: Kind::Tablet,
            fingerprint: ballot_core::fingerprint(&t),
            unit: "别处".into(),
            category: None,
            figures: Figures::default(),
            tally: Tally::empty(&t),
            ballots: Default::default(),
            sources: Vec::new(),
            leaves: Vec::new(),
        },
        t,
    );
    let s2 = s.clone().reduce(Action::File {
        target: Target::Merge,
        text: Ok(other.file()),
    });
    let why = refused(&s2);
    assert!(
        why.contains(&other.body.fingerprint) && why.contains(&a.body.fingerprint),
        "{why}"
    );
    let s3 = s.reduce(Action::File {
        target: Target::Merge,
        text: Err(FileError::Unreadable),
    });
    assert_eq!(refused(&s3), "未导入：这个文件无法读取。");
}

#[test]
fn codes_are_collected_while_scanning_and_then_added() {
    let a = count("a1", "第一支部", 900, 900);
    let codes = a.qr_codes().expect("codes");
    let mut s = desk(Vec::new()).reduce(Action::Tab(Tab::Merge));
    // Not scanning: a code is ignored.
    let same = s.clone().reduce(Action::Code(codes[0].clone()));
    assert!(Rc::ptr_eq(&s, &same));
    s = s.reduce(Action::Scan(Target::Merge));
    for (i, c) in codes.iter().enumerate() {
        s = s.reduce(Action::Code(c.clone()));
        if i + 1 < codes.len() {
            assert_eq!(
                s.message,
                Some(Message::Progress(format!(
                    "已扫描 {} 个，共 {} 个。请继续扫描下一个。",
                    i + 1,
                    codes.len()
                )))
            );
        }
    }
    assert_eq!(s.scanning, None);
    assert_eq!(s.merge.files().len(), 1);
    assert_eq!(s.merge.tally().map(|t| t.total()), Some(900));
}

#[test]
fn two_counters_are_compared_ballot_by_ballot() {
    let ours = count("a1", "第一支部", 10, 10);
    let mut theirs = count("b2", "第一支部", 10, 10);
    let t = theirs.template.clone();
    let mut ballots: Vec<Ballot> = theirs.body.ballots.iter().cloned().collect();
    ballots[3] = Ballot {
        category: Some(0),
        content: BallotContent::Void(DeclaredVoid::Unreadable),
    };
    ballots[7] = ballots[8].clone();
    theirs.body.tally = Tally::of(&t, &ballots).expect("fits");
    theirs.body.ballots = ballots.iter().collect();
    let theirs = Received::local(theirs.body, t);

    // The only count on the device is the one compared.
    let s = desk(vec![ours.clone()]);
    assert_eq!(s.ours, Some(0));
    let s = s.reduce(Action::File {
        target: Target::Check,
        text: Ok(theirs.file()),
    });
    let c = s.comparison().expect("both sides").expect("comparable");
    let at: Vec<_> = c.differences.iter().map(|d| d.numbers()).collect();
    assert_eq!(at, vec![(Some(4), Some(4)), (Some(8), Some(8))]);
    assert!(!c.identical());

    // The same count is not a second counter's.
    let s = s.reduce(Action::File {
        target: Target::Check,
        text: Ok(ours.file()),
    });
    assert_eq!(
        s.comparison(),
        Some(Err(
            "这就是本机的这份计票，不是另一位计票人的。（X22）".into()
        ))
    );
}

#[test]
fn identical_counts_are_confirmed() {
    let ours = count("a1", "第一支部", 10, 10);
    let mut theirs = count("b2", "第一支部", 10, 10);
    theirs.body.unit = "第一支部（计票人乙）".into();
    let theirs = Received::local(theirs.body, theirs.template);
    let s = desk(vec![ours]).reduce(Action::File {
        target: Target::Check,
        text: Ok(theirs.file()),
    });
    let c = s.comparison().expect("both sides").expect("comparable");
    assert!(c.identical());
    assert_eq!(
        (ZH_CN.check_identical)(c.ours),
        "两份计票完全一致：10 张选票逐张相同，各项数字相同。"
    );
}

#[test]
fn with_two_counts_the_counter_picks_one() {
    let a = count("a1", "第一支部", 3, 3);
    let b = count("b2", "第二支部", 3, 3);
    let s = desk(vec![a, b]);
    assert_eq!(s.ours, None);
    assert_eq!(s.comparison(), None);
    let s = s.reduce(Action::PickOurs(1));
    assert_eq!(s.ours, Some(1));
}

/// A well-formed seal of a made-up device `n` (the desk's reducer never checks signatures:
/// the view does, with WebCrypto, and hands over who signed).
fn seal(n: char) -> ballot_core::exchange::seal::Seal {
    ballot_core::exchange::seal::Seal {
        key: n.to_string().repeat(87),
        sig: "S".repeat(86),
    }
}

#[test]
fn a_signed_file_waits_for_its_signatures_and_a_broken_one_is_refused() {
    let a = count("a1", "长乐居民区 · 第一支部", 6, 6).signed(seal('K'));
    let s = desk(Vec::new()).reduce(Action::File {
        target: Target::Merge,
        text: Ok(a.file()),
    });
    // Nothing is added before the signatures are checked.
    assert!(s.merge.is_empty());
    assert_eq!(s.message, Some(Message::Progress("正在核验签名……".into())));
    let checks = s.verifying.as_ref().expect("waiting").to_verify();
    assert_eq!(checks.len(), 1);

    let broken = s.clone().reduce(Action::Verified(vec![Signer::Broken]));
    assert!(broken.merge.is_empty());
    assert_eq!(
        refused(&broken),
        "未导入：“长乐居民区 · 第一支部”的结果在签名之后被改动过（签名不符），不能计入。请向对方索取原文件，并与签字的报告单核对结果校验码。（X12）"
    );
    assert!(broken.verifying.is_none());

    let key = "K".repeat(87);
    let good = s.reduce(Action::Verified(vec![Signer::Device(key.clone())]));
    assert_eq!(good.merge.files().len(), 1);
    // The unit's device is remembered once the combined result leaves the device, to be
    // stored by the view.
    assert!(good.learnt.is_empty());
    let good = good.reduce(Action::Exported);
    assert_eq!(good.learnt.len(), 1);
    assert_eq!(good.learnt[0].1, key);
    let counted = good.merge.counted_results();
    assert_eq!(
        good.trust(&counted[0]),
        Trust::Device(ballot_core::exchange::seal::device_code(&key))
    );
}

#[test]
fn a_second_result_for_a_unit_is_a_conflict_the_user_settles() {
    let genuine = count("a1", "长乐居民区 · 第一支部", 6, 6).signed(seal('K'));
    // The same unit under a new batch id, with one vote more, from another device.
    let forged = count("z9", "长乐居民区 · 第一支部", 7, 7).signed(seal('M'));
    let s = desk(Vec::new())
        .reduce(Action::Known(vec![(
            genuine.statement().expect("a count").identity().key(),
            "K".repeat(87),
        )]))
        .reduce(Action::File {
            target: Target::Merge,
            text: Ok(genuine.file()),
        })
        .reduce(Action::Verified(vec![Signer::Device("K".repeat(87))]))
        .reduce(Action::File {
            target: Target::Merge,
            text: Ok(forged.file()),
        })
        .reduce(Action::Verified(vec![Signer::Device("M".repeat(87))]));
    // Both are kept, neither counts, there is no combined result.
    assert_eq!(s.merge.files().len(), 2);
    assert!(s.merge.unsettled());
    assert_eq!(s.merged(), None);
    let conflicts = s.merge.conflicts();
    assert_eq!(conflicts.len(), 1);
    let [first, second] = &conflicts[0].candidates[..] else {
        panic!("two candidates");
    };
    assert!(matches!(s.trust(first), Trust::Device(_)));
    assert!(matches!(s.trust(second), Trust::Other { .. }));
    assert_ne!(
        first.sealed.statement.code(),
        second.sealed.statement.code()
    );

    let digest = first.digest.clone();
    let s = s.reduce(Action::Pick(digest));
    assert_eq!(
        s.message,
        Some(Message::Done(format!(
            "已选定：“长乐居民区 · 第一支部”以结果校验码 {} 的一份为准。",
            genuine.code()
        )))
    );
    let merged = s.merged().expect("settled");
    assert_eq!(merged.body.tally.total(), 6);
    assert_eq!(merged.body.leaves.len(), 1);
}
