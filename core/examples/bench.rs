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
        ballots: log.live().cloned().collect(),
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
