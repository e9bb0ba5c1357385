//! Property tests of results files, QR codes, merging and the two-counter cross-check, over
//! random 唱票 counts of the sample templates.

mod common;

use ballot_core::ballot::{Ballot, BallotContent, DeclaredVoid};
use ballot_core::crosscheck::{align, compare};
use ballot_core::exchange::seal::Signer;
use ballot_core::exchange::{read, Body, Codes, Kind, Received, Scanned};
use ballot_core::figures::Figures;
use ballot_core::merge::{Merge, MergeRefused};
use ballot_core::tally::Tally;
use ballot_core::template::Template;
use common::device::{signers, Device};
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
        ballots: ballots.iter().collect(),
        sources: Vec::new(),
        leaves: Vec::new(),
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

/// The counts and merges of these tests, each signed by its own device.
fn signed(r: &Received) -> Received {
    let n = r.body.batch.bytes().fold(0u8, |a, b| a.wrapping_add(b));
    Device::new(n).sign(r.clone())
}

/// Adds `r` as the desk does: its signatures checked first.
fn add(m: &mut Merge, r: &Received) -> Result<(), MergeRefused> {
    m.add(r.clone(), signers(r))
}

fn merged(sources: &[&Received]) -> Merge {
    let mut m = Merge::new();
    for s in sources {
        add(&mut m, &signed(s)).expect("distinct batches, one template");
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

/// Every number, string and boolean under `value`, as JSON pointers.
fn leaves_of(value: &serde_json::Value, at: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                leaves_of(v, &format!("{at}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves_of(v, &format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Null => {}
        _ => out.push(at.to_string()),
    }
}

/// The envelope's checksum, recomputed as anyone can (docs/results.md).
fn checksum(body: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(body.as_bytes())[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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
        prop_assert_eq!(abc.lines(), cba.lines().into_iter().rev().collect::<Vec<_>>());

        // (a + b) exported and read back as a file, then + c, equals a + (b + c).
        let ab = signed(&merged(&[&a, &b]).result("长乐居民区").expect("a result"));
        let ab = read(&ab.file(), |_| None).expect("reads back");
        prop_assert!(signers(&ab).iter().all(|s| matches!(s, Signer::Device(_))));
        let bc = merged(&[&b, &c]).result("长乐居民区").expect("a result");
        let ab_c = merged(&[&ab, &c]);
        let a_bc = merged(&[&a, &bc]);
        prop_assert_eq!(ab_c.tally(), abc.tally());
        prop_assert_eq!(a_bc.tally(), abc.tally());
        prop_assert_eq!(ab_c.figures(), abc.figures());
        prop_assert_eq!(
            ab_c.result("x").map(|r| r.body.batches),
            a_bc.result("x").map(|r| r.body.batches)
        );
        // Every unit's own figures reach the top, in order.
        prop_assert_eq!(ab_c.lines(), abc.lines());
    }

    #[test]
    fn nothing_is_counted_twice(input in template_and_ballots()) {
        let (_, _, [a, b, c]) = three(input);
        let (a, b, c) = (signed(&a), signed(&b), signed(&c));
        let mut m = merged(&[&a]);
        prop_assert!(refused(add(&mut m, &a)));
        // A merged result that holds `a` adds only `b`, and `a` counts once.
        let ab = signed(&merged(&[&a, &b]).result("长乐居民区").expect("a result"));
        prop_assert!(add(&mut m, &ab).is_ok());
        prop_assert_eq!(m.tally(), merged(&[&a, &b]).tally());
        prop_assert!(refused(add(&mut m, &b)));
        prop_assert!(add(&mut m, &c).is_ok());
        prop_assert_eq!(m.tally(), merged(&[&a, &b, &c]).tally());
        // Taking a file out leaves what others brought.
        m.remove(0);
        prop_assert_eq!(m.tally(), merged(&[&a, &b, &c]).tally());
        prop_assert!(refused(add(&mut m, &a)));
    }

    /// The same unit under a new batch id, or a forged merged file claiming genuine batches,
    /// never adds votes: it is a conflict, shown with both results until one is picked, and
    /// the genuine file is never shut out.
    #[test]
    fn a_unit_counts_once_whatever_its_batch(input in template_and_ballots(), forged_first in any::<bool>()) {
        let (t, ballots, [a, _, _]) = three(input);
        let a = signed(&a);
        // The same unit, another batch id, one ballot more: signed by another device.
        let mut more = ballots.clone();
        more.extend(ballots.first().cloned());
        let mut again = count(&t, "z9", &more, None);
        again.body.unit = a.body.unit.clone();
        let again = Received::local(again.body, t.clone());
        let forged = Device::new(250).sign(
            merged(&[&again]).result("长乐居民区").expect("a result"),
        );
        let mut m = Merge::new();
        let (first, second) = if forged_first { (&forged, &a) } else { (&a, &forged) };
        prop_assert!(add(&mut m, first).is_ok());
        prop_assert!(add(&mut m, second).is_ok());
        prop_assert!(m.unsettled());
        prop_assert_eq!(m.result("x"), None);
        let conflict = &m.conflicts()[0];
        prop_assert_eq!(conflict.candidates.len(), 2);
        let genuine = a.statement().expect("a count").digest();
        prop_assert!(m.pick(&genuine));
        prop_assert!(!m.unsettled());
        prop_assert_eq!(m.tally(), merged(&[&a]).tally());
    }

    /// Any change to what a signed file says fails its signature: the file is refused, or
    /// read with a broken signature.
    #[test]
    fn any_change_to_a_signed_file_fails_verification(
        input in template_and_ballots(),
        merged_file in any::<bool>(),
        at in any::<prop::sample::Index>(),
    ) {
        let (_, _, [a, b, _]) = three(input);
        let r = if merged_file {
            signed(&merged(&[&a, &b]).result("长乐居民区").expect("a result"))
        } else {
            signed(&a)
        };
        prop_assert!(signers(&read(&r.file(), |_| None).expect("reads")).iter().all(|s| matches!(s, Signer::Device(_))));
        let mut file: serde_json::Value = serde_json::from_str(&r.file()).expect("JSON");
        let mut places = Vec::new();
        leaves_of(&file["body"], "/body", &mut places);
        leaves_of(&file["seal"], "/seal", &mut places);
        let place = &places[at.index(places.len())];
        let value = file.pointer_mut(place).expect("there");
        *value = match value {
            serde_json::Value::Number(n) => serde_json::json!(n.as_u64().unwrap_or(0) + 1),
            serde_json::Value::String(s) => {
                // Keep it of the same shape: base64 stays base64.
                let last = s.pop().map_or('A', |c| if c == 'A' { 'B' } else { 'A' });
                serde_json::json!(format!("{s}{last}"))
            }
            serde_json::Value::Bool(b) => serde_json::json!(!*b),
            _ => serde_json::Value::Null,
        };
        let body = serde_json::to_string(&file["body"]).expect("JSON");
        file["checksum"] = serde_json::json!(checksum(&body));
        let text = serde_json::to_string(&file).expect("JSON");
        if let Ok(changed) = read(&text, |_| None) {
            prop_assert!(
                signers(&changed).contains(&Signer::Broken),
                "{place} changed and still verifies"
            );
        }
    }

    /// A 唱票 count as version 2 wrote it (its ballots listed one by one, its statement
    /// signed over the SHA-256 of that list's JSON) still reads, verifies and counts the
    /// same; the same list in another order does not verify.
    #[test]
    fn a_version_2_file_still_reads_and_verifies(input in template_and_ballots(), at in any::<prop::sample::Index>()) {
        let (t, ballots, [a, _, _]) = three(input);
        let list: Vec<&Ballot> = a.body.ballots.iter().collect();
        let write = |list: &[&Ballot]| {
            use sha2::Digest;
            let json = serde_json::to_string(list).expect("JSON");
            let mut statement = a.statement().expect("a counted result");
            statement.ballots = Some(sha2::Sha256::digest(json.as_bytes()).iter().map(|b| format!("{b:02x}")).collect());
            let seal = Device::new(3).seal(&statement.message());
            let mut file: serde_json::Value = serde_json::from_str(&a.file()).expect("JSON");
            file["version"] = serde_json::json!(2);
            file["body"]["ballots"] = serde_json::from_str(&json).expect("JSON");
            file["seal"] = serde_json::to_value(seal).expect("JSON");
            file
        };
        let mut file = write(&list);
        let body = serde_json::to_string(&file["body"]).expect("JSON");
        file["checksum"] = serde_json::json!(checksum(&body));
        let back = read(&serde_json::to_string(&file).expect("JSON"), |_| None).expect("reads");
        prop_assert!(signers(&back).iter().all(|s| matches!(s, Signer::Device(_))));
        prop_assert!(back.body.ballots.iter().eq(list.iter().copied()));
        prop_assert_eq!(&back.body.tally, &a.body.tally);
        prop_assert_eq!(back.body.ballots.tally(&t), Tally::of(&t, list.iter().copied()));
        prop_assert!(ballots.len() >= list.len());
        // Two ballots of the list swapped, under the same signature.
        let i = at.index(list.len().max(1));
        if list.len() > 1 && list[i] != list[0] {
            let mut swapped = list.clone();
            swapped.swap(0, i);
            let mut file = write(&list);
            file["body"]["ballots"] = serde_json::to_value(&swapped).expect("JSON");
            let body = serde_json::to_string(&file["body"]).expect("JSON");
            file["checksum"] = serde_json::json!(checksum(&body));
            let changed = read(&serde_json::to_string(&file).expect("JSON"), |_| None).expect("reads");
            prop_assert_eq!(signers(&changed), vec![Signer::Broken]);
        }
    }

    /// The 结果校验码 is the same whatever the order of entry, and changes with the result.
    #[test]
    fn the_result_code_ignores_order_and_follows_content(
        (t, ballots) in template_and_ballots(),
        seed in any::<u64>(),
        at in any::<prop::sample::Index>(),
    ) {
        let a = count(&t, "a1", &ballots, Some(3));
        let mut shuffled = ballots.clone();
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        // Another batch, another device, another order: the same result, the same code.
        let b = signed(&count(&t, "b2", &shuffled, Some(3)));
        let mut b_body = b.body.clone();
        b_body.unit = a.body.unit.clone();
        prop_assert_eq!(a.code(), Received::local(b_body, t.clone()).code());
        // One ballot less, or one more figure: another code.
        if !ballots.is_empty() {
            let mut fewer = ballots.clone();
            fewer.remove(at.index(ballots.len()));
            prop_assert_ne!(a.code(), count(&t, "a1", &fewer, Some(3)).code());
        }
        prop_assert_ne!(a.code(), count(&t, "a1", &ballots, Some(4)).code());
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
                prop_assert!(r.body.ballots.tally(&r.template).is_ok());
            }
        }
    }
}
