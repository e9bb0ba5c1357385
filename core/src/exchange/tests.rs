use super::*;
use crate::ballot::{Ballot, BallotContent, DeclaredVoid, RecommendationMarks, SectionMarks};
use crate::samples;

/// A 唱票 count of the sample 推荐票 (categories 党员, 群众代表): `n` ballots.
fn paper(batch: &str, unit: &str, n: u16) -> Received {
    let t = samples::recommendation();
    let ballots: Vec<Ballot> = (0..n)
        .map(|i| {
            if i % 7 == 6 {
                return Ballot {
                    category: Some(0),
                    content: BallotContent::Void(DeclaredVoid::Unreadable),
                };
            }
            let mut b = Ballot::empty(&t, Some(0));
            if let BallotContent::Marked(sections) = &mut b.content {
                if let Some(SectionMarks::Recommendation(RecommendationMarks { marked, .. })) =
                    sections.first_mut()
                {
                    // Marks that vary like real ballots' (a hash of the number).
                    let h = u32::from(i).wrapping_mul(2_654_435_761) >> 8;
                    for c in (0..7).filter(|c| h >> c & 1 == 1) {
                        marked.insert(c);
                    }
                }
            }
            b
        })
        .collect();
    let tally = Tally::of(&t, &ballots).expect("fits");
    let body = Body {
        batch: batch.into(),
        batches: vec![batch.into()],
        kind: Kind::Paper,
        fingerprint: crate::fingerprint(&t),
        unit: unit.into(),
        category: Some("党员".into()),
        figures: Figures {
            due: Some(40),
            present: Some(n.into()),
            issued: Some(n.into()),
            returned: Some(n.into()),
        },
        tally,
        ballots: ballots.iter().collect(),
        sources: Vec::new(),
        leaves: Vec::new(),
    };
    Received::local(body, t)
}

fn none(_: &str) -> Option<Template> {
    None
}

#[test]
fn a_file_reads_back_to_the_same_result() {
    let r = paper("a1", "长乐居民区 · 第一支部", 20);
    let file = r.file();
    assert!(file.starts_with(r#"{"format":"ballot-kit/results","version":3,"checksum":""#));
    // Twenty ballots, nineteen different: the one read twice is written twice as its index.
    assert!(
        file.contains(r#""order":"ABCDEFGHIJKLMGNOPQRS"}"#),
        "{file}"
    );
    assert_eq!(read(&file, none), Ok(r.clone()));
    // With a byte-order mark, as some editors save it.
    assert_eq!(read(&format!("\u{feff}{file}"), none), Ok(r));
}

#[test]
fn qr_codes_read_back_in_any_order_and_need_the_template_on_the_device() {
    let r = paper("a1", "长乐居民区 · 第一支部", 900);
    let codes = r.qr_codes().expect("fits in codes");
    assert!(codes.len() > 1, "{} codes", codes.len());
    assert!(codes.iter().all(|c| c.len() <= limits::QR_CHUNK + 24));
    let mut collect = Codes::new();
    let mut last = None;
    // Last first, each one twice.
    for c in codes.iter().rev().chain(codes.iter()) {
        match collect.add(c).expect("a code of the set") {
            Scanned::Progress {
                have,
                of,
                restarted,
            } => {
                assert_eq!(of, codes.len());
                assert!(have < of && !restarted);
            }
            Scanned::Complete(text) => {
                last = Some(text);
                break;
            }
        }
    }
    let text = last.expect("complete");
    assert_eq!(
        read(&text, none),
        Err(ExchangeError::TemplateMissing {
            fingerprint: r.body.fingerprint.clone()
        })
    );
    let t = r.template.clone();
    assert_eq!(read(&text, |_| Some(t.clone())), Ok(r));
}

#[test]
fn a_code_of_another_result_starts_the_collection_over() {
    let a = paper("a1", "第一支部", 900).qr_codes().expect("codes");
    let b = paper("b2", "第二支部", 901).qr_codes().expect("codes");
    let mut collect = Codes::new();
    assert!(matches!(
        collect.add(&a[0]),
        Ok(Scanned::Progress {
            have: 1,
            restarted: false,
            ..
        })
    ));
    assert!(matches!(
        collect.add(&b[1]),
        Ok(Scanned::Progress {
            have: 1,
            restarted: true,
            ..
        })
    ));
    assert_eq!(
        collect.add("http://x/#t1.abc"),
        Err(ExchangeError::NotResults { template: true })
    );
    assert_eq!(
        collect.add("BKR1.9.2.abcdef.x"),
        Err(ExchangeError::Damaged)
    );
    assert_eq!(collect.add("BKR1.1"), Err(ExchangeError::Damaged));
}

#[test]
fn a_tampered_or_cut_file_is_refused() {
    let file = paper("a1", "第一支部", 5).file();
    // One vote changed by hand: the checksum no longer matches.
    let changed = file.replacen("\"valid\":", "\"valid\":1", 1);
    assert_ne!(changed, file);
    assert_eq!(read(&changed, none), Err(ExchangeError::Damaged));
    // Cut short anywhere (in steps, to keep the test fast): never read, never a panic.
    for n in (0..file.len()).step_by(7) {
        if file.is_char_boundary(n) {
            assert!(read(&file[..n], none).is_err(), "cut at {n}");
        }
    }
}

#[test]
fn the_file_says_what_it_is_not() {
    assert_eq!(
        read(samples::RECOMMENDATION_JSON, none),
        Err(ExchangeError::NotResults { template: true })
    );
    assert_eq!(
        read("hello", none),
        Err(ExchangeError::NotResults { template: false })
    );
    let file = paper("a1", "第一支部", 5).file();
    assert_eq!(
        read(&file.replacen("\"version\":3", "\"version\":4", 1), none),
        Err(ExchangeError::NewerVersion(4))
    );
    // A version 1 file of one count is still read (it was never signed).
    let v1 = file.replacen("\"version\":3", "\"version\":1", 1);
    assert_eq!(read(&v1, none).map(|r| r.seal), Ok(None));
    let huge = " ".repeat(limits::MAX_FILE_BYTES + 1);
    assert_eq!(read(&huge, none), Err(ExchangeError::TooLarge));
}

/// A body written by hand (as a tampered or buggy writer would), with a right checksum.
fn forged(body: &Body, template: &Template) -> String {
    let text = serde_json::to_string(body).expect("serializes");
    crate::envelope::write(
        FORMAT,
        VERSION,
        &text,
        None,
        Some(&template.canonical_json()),
    )
}

#[test]
fn a_file_whose_counts_do_not_add_up_is_refused() {
    let r = paper("a1", "第一支部", 9);
    // The tally says one vote more than the ballots give.
    let mut body = r.body.clone();
    body.tally.parts[0].valid += 1;
    assert_eq!(
        read(&forged(&body, &r.template), none),
        Err(ExchangeError::Damaged)
    );
    // A tablet result never carries ballots.
    let mut body = r.body.clone();
    body.kind = Kind::Tablet;
    assert_eq!(
        read(&forged(&body, &r.template), none),
        Err(ExchangeError::Damaged)
    );
    // A tally of another shape.
    let mut body = r.body.clone();
    body.kind = Kind::Tablet;
    body.ballots = PaperBallots::default();
    body.tally.parts.pop();
    assert_eq!(
        read(&forged(&body, &r.template), none),
        Err(ExchangeError::Shape)
    );
    // The template is not the one the result names.
    let other = samples::evaluation();
    assert_eq!(
        read(&forged(&r.body, &other), none),
        Err(ExchangeError::TemplateInvalid)
    );
    // A merged result whose id is not made from its batches.
    let mut body = r.body.clone();
    body.kind = Kind::Merged;
    body.ballots = PaperBallots::default();
    assert_eq!(
        read(&forged(&body, &r.template), none),
        Err(ExchangeError::Damaged)
    );
    // A unit with a control character.
    let mut body = r.body.clone();
    body.unit = "第一\u{7}支部".into();
    assert_eq!(
        read(&forged(&body, &r.template), none),
        Err(ExchangeError::Damaged)
    );
}

#[test]
fn a_result_too_large_for_codes_offers_the_file() {
    // Ballots that compress badly: every one a different set of write-ins.
    let r = paper("a1", "第一支部", 14);
    let mut body = r.body.clone();
    let t = &r.template;
    let ballots: Vec<Ballot> = (0..3000u32)
        .map(|i| {
            let mut b = Ballot::empty(t, Some(0));
            if let BallotContent::Marked(s) = &mut b.content {
                if let Some(SectionMarks::Recommendation(m)) = s.first_mut() {
                    m.write_ins = vec![format!("{:x}", i.wrapping_mul(2_654_435_761))];
                }
            }
            b
        })
        .collect();
    body.tally = Tally::of(t, &ballots).expect("fits");
    body.ballots = ballots.iter().collect();
    let big = Received::local(body, t.clone());
    assert!(matches!(big.qr_codes(), Err(ExchangeError::TooManyCodes(n)) if n > limits::QR_CODES));
    assert_eq!(read(&big.file(), none), Ok(big));
}

/// The printed report's code: one counted result without its ballots, one QR code, read
/// back with the same 结果校验码 and the same figures.
#[test]
fn the_paper_reports_code_carries_the_result_in_one_code() {
    let r = paper("a1", "长乐居民区 · 第一支部", 400);
    let statement = r.statement().expect("a count");
    let sealed = seal::Sealed {
        statement: statement.clone(),
        seal: Some(seal::Seal {
            key: "K".repeat(87),
            sig: "S".repeat(86),
        }),
    };
    let one = Received::one(sealed, r.template.clone());
    let codes = one.qr_codes().expect("codes");
    assert_eq!(codes.len(), 1, "one code on the paper");
    let mut collect = Codes::new();
    let Ok(Scanned::Complete(text)) = collect.add(&codes[0]) else {
        panic!("one code completes");
    };
    let back = read(&text, |_| Some(r.template.clone())).expect("reads");
    let leaves = back.leaves();
    assert_eq!(leaves.len(), 1);
    assert_eq!(leaves[0].statement, statement);
    assert_eq!(leaves[0].statement.code(), r.code());
    assert_eq!(back.body.tally, r.body.tally);
}
