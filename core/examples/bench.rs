//! Speed of the core's hot paths, printed as numbers (run by `./scripts/bench`; never a
//! pass/fail test). Native timings: a phone running the wasm is several times slower.
//!
//! The counting paths are measured with a count of 1 000 paper ballots, more than any
//! residential-area meeting has.

use std::hint::black_box;
use std::time::{Duration, Instant};

use ballot_core::count::{CountEntry, CountLog, CountOp};
use ballot_core::figures::Figures;
use ballot_core::{samples, Ballot, Tally, Template};

/// Mean time of `f` over enough runs to last about 200 ms.
fn time(mut f: impl FnMut()) -> Duration {
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_millis(200) {
        f();
        runs += 1;
    }
    start.elapsed() / runs.max(1)
}

fn report(what: &str, d: Duration) {
    println!("{what:<64} {:>10.2} µs", d.as_secs_f64() * 1e6);
}

fn paper_ballot(t: &Template, i: u16) -> Ballot {
    let mut b = Ballot::empty(t, Some(0));
    b.toggle_paper_mark(t, 0, i % 7);
    b.toggle_paper_mark(t, 0, (i + 3) % 7);
    if i % 10 == 0 {
        let _ = b.set_paper_write_in(t, 0, 0, "赵六");
    }
    b
}

fn main() {
    let Some(t) = samples::all().into_iter().nth(1) else {
        eprintln!("bench: the sample recommendation template is missing");
        return;
    };
    // `--write-files DIR`: only the merge bench's files, for the browser bench.
    if let Some(dir) = std::env::args().skip_while(|a| a != "--write-files").nth(1) {
        let files = merge_files(&t);
        let write = |name: &str, text: &str| {
            if let Err(e) = std::fs::write(std::path::Path::new(&dir).join(name), text) {
                eprintln!("bench: cannot write {name}: {e}");
            }
        };
        write("big.json", &files.big);
        for (i, f) in files.ten.iter().enumerate() {
            write(&format!("u{i}.json"), f);
        }
        return;
    }
    let entries: Vec<CountEntry> = (0..1000u16)
        .map(|i| CountEntry {
            at_ms: u64::from(i),
            op: CountOp::Add {
                ballot: paper_ballot(&t, i),
            },
        })
        .collect();
    let (log, refused) = CountLog::replay(&t, Figures::default(), entries.clone());
    if !refused.is_empty() {
        eprintln!("bench: {} entries refused", refused.len());
        return;
    }

    report(
        "template: parse and check the recommendation sample",
        time(|| {
            black_box(Template::parse(samples::RECOMMENDATION_JSON).ok());
        }),
    );
    report(
        "count: replay 1000 stored entries (opening a count)",
        time(|| {
            black_box(CountLog::replay(&t, Figures::default(), entries.clone()));
        }),
    );
    let next = CountOp::Add {
        ballot: paper_ballot(&t, 1),
    };
    report(
        "count: check one more ballot against 1000 (before storing)",
        time(|| {
            black_box(log.check(&t, &next).ok());
        }),
    );
    report(
        "count: copy of a 1000-ballot log (the reducer, per stored step)",
        time(|| {
            black_box(log.clone());
        }),
    );
    report(
        "count: write-in suggestions over 1000 ballots (per render)",
        time(|| {
            black_box(log.write_in_names());
        }),
    );
    let ballots: Vec<Ballot> = log.live().cloned().collect();
    report(
        "tally: 1000 ballots from scratch (a correction recounts)",
        time(|| {
            black_box(Tally::of(&t, &ballots).ok());
        }),
    );
    let results = ballot_core::results::Results::compute(
        &t,
        log.tally(),
        Figures::default(),
        ballot_core::results::View::Combined,
    );
    report(
        "results: judge 1000 ballots under the template's rules",
        time(|| {
            black_box(ballot_core::results::Results::compute(
                &t,
                log.tally(),
                Figures::default(),
                ballot_core::results::View::Combined,
            ));
        }),
    );
    black_box(results);
    for sample in samples::all() {
        let link = ballot_core::share::link("http://127.0.0.1:8080/", &sample);
        println!(
            "{:<64} {:>10} chars (QR limit {})",
            format!("share link: {}", sample.spec().title),
            link.len(),
            ballot_core::share::QR_MAX_CHARS
        );
    }
    signing(&t, &log);
    merging(&t);
}

/// A results file of the 1000-ballot count signed and verified as the desk does: the core's
/// part (the statement, reading the file back) and ECDSA P-256 natively with the `p256`
/// crate (the browser's WebCrypto does the same in native code).
fn signing(t: &Template, log: &CountLog) {
    use ballot_core::exchange::{read, Body, Kind, Received};
    use p256::ecdsa::signature::{Signer, Verifier};
    use p256::ecdsa::{Signature, SigningKey, VerifyingKey};

    let body = Body {
        batch: "a1".into(),
        batches: vec!["a1".into()],
        kind: Kind::Paper,
        fingerprint: ballot_core::fingerprint(t),
        unit: "长乐居民区 · 第一支部".into(),
        category: None,
        figures: Figures::default(),
        tally: log.tally().clone(),
        ballots: log.live().collect(),
        sources: Vec::new(),
        leaves: Vec::new(),
    };
    let r = Received::local(body, t.clone());
    let Ok(key) = SigningKey::from_slice(&[7u8; 32]) else {
        return;
    };
    let verifying = VerifyingKey::from(&key);
    report(
        "results file: sign a 1000-ballot count (statement + ECDSA)",
        time(|| {
            let sig: Signature = key.sign(&r.to_sign());
            black_box(sig);
        }),
    );
    let sig: Signature = key.sign(&r.to_sign());
    let file = r.file();
    report(
        "results file: read and verify a 1000-ballot count",
        time(|| {
            if let Ok(back) = read(&file, |_| None) {
                for v in back.to_verify() {
                    black_box(verifying.verify(&v.message, &sig).is_ok());
                }
                black_box(verifying.verify(&back.to_sign(), &sig).is_ok());
            }
        }),
    );
}

/// A 唱票 count of `n` 党员 ballots as the merge bench reads them: marks that vary like real
/// ballots' (a hash of the number, over-marked ones included) and one in twenty with a
/// write-in of twenty names, so a file holds about 1 800 different ballots.
pub fn paper_count(t: &Template, batch: &str, n: u32) -> ballot_core::exchange::Received {
    use ballot_core::exchange::Received;
    const NAMES: [&str; 20] = [
        "赵六", "钱七", "孙八", "李九", "周十", "吴一", "郑二", "王三", "冯四", "陈五", "褚六",
        "卫七", "蒋八", "沈九", "韩十", "杨一", "朱二", "秦三", "尤四", "许五",
    ];
    let ballots: Vec<Ballot> = (0..n)
        .map(|i| {
            let h = i.wrapping_mul(2_654_435_761) >> 8;
            let mut b = Ballot::empty(t, Some(0));
            for c in (0..7u16).filter(|c| h >> c & 1 == 1) {
                b.toggle_paper_mark(t, 0, c);
            }
            if h >> 9 & 31 == 0 {
                let _ = b.set_paper_write_in(t, 0, 0, NAMES[(h >> 14) as usize % 20]);
            }
            b
        })
        .collect();
    // Entered as a phone enters them, and exported as it does.
    let entries: Vec<CountEntry> = (ballots.into_iter().enumerate())
        .map(|(i, ballot)| CountEntry {
            at_ms: i as u64,
            op: CountOp::Add { ballot },
        })
        .collect();
    let figures = Figures {
        returned: Some(n),
        ..Figures::default()
    };
    let (log, refused) = CountLog::replay(t, figures, entries);
    if !refused.is_empty() {
        eprintln!("bench: {} entries refused", refused.len());
    }
    let spec = ballot_core::count::CountSpec {
        area: "长乐居民区".into(),
        branch: batch.into(),
        category: Some(0),
    };
    Received::of_paper(t, batch, &spec, &log)
}

/// The key the merge bench's files are signed with.
fn bench_key() -> p256::ecdsa::SigningKey {
    // 32 bytes of 7 are a valid P-256 scalar.
    p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).expect("a valid scalar")
}

/// The merge bench's files, signed: one count of 100 000 ballots (unit 长乐居民区 · big),
/// ten of 10 000 (长乐居民区 · u0 … u9).
struct MergeFiles {
    big: String,
    ten: Vec<String>,
}

fn merge_files(t: &Template) -> MergeFiles {
    use ballot_core::exchange::seal::Seal;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use p256::ecdsa::signature::Signer as _;
    use p256::ecdsa::{Signature, VerifyingKey};

    let key = bench_key();
    let sign = |r: ballot_core::exchange::Received| {
        let sig: Signature = key.sign(&r.to_sign());
        let point = VerifyingKey::from(&key).to_encoded_point(false);
        r.signed(Seal {
            key: URL_SAFE_NO_PAD.encode(point.as_bytes()),
            sig: URL_SAFE_NO_PAD.encode(sig.to_bytes()),
        })
        .file()
    };
    MergeFiles {
        big: sign(paper_count(t, "big", 100_000)),
        ten: (0..10)
            .map(|i| sign(paper_count(t, &format!("u{i}"), 10_000)))
            .collect(),
    }
}

/// The merge desk's work for a results file: read it, verify its signature, add it
/// (`Merge::add`), for one count of 100 000 ballots and for ten counts of 10 000.
fn merging(t: &Template) {
    use ballot_core::exchange::read;
    use ballot_core::exchange::seal::Signer;
    use ballot_core::merge::Merge;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use p256::ecdsa::signature::Verifier;
    use p256::ecdsa::{Signature, VerifyingKey};

    let verifying = VerifyingKey::from(&bench_key());
    // What the desk does with one file: read, verify each signature (WebCrypto), add.
    let add = |m: &mut Merge, file: &str| {
        let Ok(r) = read(file, |_| None) else {
            return;
        };
        let verified: Vec<bool> = r
            .to_verify()
            .iter()
            .map(|v| {
                let sig = URL_SAFE_NO_PAD
                    .decode(&v.sig)
                    .ok()
                    .and_then(|s| Signature::from_slice(&s).ok());
                sig.is_some_and(|s| verifying.verify(&v.message, &s).is_ok())
            })
            .collect();
        let signers: Vec<Signer> = r.signers(&verified);
        black_box(m.add(r, signers).is_ok());
    };
    let MergeFiles { big, ten } = merge_files(t);
    if let Ok(r) = read(&big, |_| None) {
        println!(
            "{:<64} {:>10} bytes ({} different ballots)",
            "results file: a count of 100 000 ballots",
            big.len(),
            r.body.ballots.kinds()
        );
    }
    report(
        "merge: read, verify and add a file of 100 000 ballots",
        time(|| add(&mut Merge::new(), &big)),
    );
    report(
        "merge: ten files of 10 000 ballots, and the combined result",
        time(|| {
            let mut m = Merge::new();
            for f in &ten {
                add(&mut m, f);
            }
            black_box(m.result("长乐街道"));
        }),
    );
}
