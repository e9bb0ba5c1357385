//! Untrusted input: templates, links, QR codes, results files, backups and stored records
//! from other people or a damaged disk. Every decoder takes arbitrary bytes without a panic
//! and refuses what it cannot use; the inputs that once needed care are kept in
//! `tests/corpus/<decoder>/` and must each be refused, never accepted and never a panic.
//! (Property tests stand in for cargo-fuzz, which needs a nightly toolchain.)

use std::fs;
use std::path::Path;

use ballot_core::backup;
use ballot_core::exchange::{self, Codes};
use ballot_core::library::Library;
use ballot_core::{count, qr, samples, session, share, Template};
use proptest::prelude::*;

/// A decoder as the app and studio call it: `true` when it accepted the input.
type Decoder = fn(&str) -> bool;

/// Each decoder, by the name of its corpus folder.
fn decoders() -> Vec<(&'static str, Decoder)> {
    vec![
        ("template", |s| Template::parse(s).is_ok()),
        ("link", |s| share::read(s).is_ok()),
        ("results", |s| exchange::read(s, |_| None).is_ok()),
        ("codes", |s| {
            let mut codes = Codes::new();
            s.lines().any(|line| codes.add(line).is_ok())
        }),
        ("backup", |s| backup::read(s).is_ok()),
    ]
}

#[test]
fn every_input_in_the_corpus_is_refused() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut seen = 0;
    for (name, decode) in decoders() {
        let dir = root.join(name);
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a corpus entry").path();
            let bytes = fs::read(&path).expect("a corpus file");
            // Not UTF-8: the file readers refuse it before any decoder (FileError::NotText);
            // the decoder must still refuse what is left after replacement.
            let text = String::from_utf8_lossy(&bytes);
            assert!(!decode(&text), "{} was accepted", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 30, "the corpus is there ({seen} files)");
}

/// A document of `format`, `bytes` long: only its size is wrong.
fn padded(format: &str, bytes: usize) -> String {
    let head = format!("{{\"format\":\"{format}\",\"version\":1,\"pad\":\"");
    let pad = bytes.saturating_sub(head.len() + 2);
    format!("{head}{}\"}}", "x".repeat(pad))
}

/// Each decoder refuses a document of its own format one byte over its own limit, with its
/// own size code: not for its format (a backup offered to the results reader would be
/// refused whatever its size).
#[test]
fn oversize_input_is_refused_before_it_is_read() {
    let over = |limit: usize| limit + 1;
    let backup_doc = padded("ballot-kit/backup", over(backup::limits::MAX_FILE_BYTES));
    let e = backup::read(&backup_doc).expect_err("too large");
    assert_eq!(e.code(), "B01");

    let results = padded("ballot-kit/results", over(exchange::limits::MAX_FILE_BYTES));
    let e = exchange::read(&results, |_| None).expect_err("too large");
    assert_eq!(e.code(), "X04");

    let template = padded(
        "ballot-kit/template",
        over(ballot_core::template::limits::MAX_FILE_BYTES),
    );
    let errors = Template::parse(&template).expect_err("too large");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind.code(), "T04");

    let link = format!(
        "#t1.{}",
        "A".repeat(over(2 * ballot_core::template::limits::MAX_FILE_BYTES))
    );
    let e = share::read(&link).expect_err("too large");
    assert_eq!(e.code(), "L03");
}

#[test]
fn names_with_markup_are_data_not_markup() {
    // A template may name a candidate `<script>…`: it is text, kept as written, and every
    // output escapes it (report/src/html.rs, the CSV writer; Yew escapes on screen).
    let mut spec = samples::all()[1].clone().into_spec();
    spec.title = "<script>alert(1)</script>".into();
    let json = serde_json::to_string(&spec).expect("json");
    let t = Template::parse(&json).expect("a title is text");
    assert_eq!(t.spec().title, "<script>alert(1)</script>");
}

fn valid_inputs() -> Vec<(&'static str, String)> {
    let t = &samples::all()[1];
    let mut stores = backup::Stores::new();
    stores.insert("templates".into(), Vec::new());
    vec![
        ("template", t.canonical_json()),
        ("link", share::link("http://127.0.0.1/", t)),
        ("backup", backup::make(&stores, &[], 1)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Arbitrary bytes: no decoder panics.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        for (_, decode) in decoders() {
            let _ = decode(&text);
        }
        let _ = qr::read_rgba(&bytes, 8, bytes.len() / 32);
    }

    /// Text that looks like JSON (brackets, quotes, keys of ours): no decoder panics.
    #[test]
    fn json_like_text_never_panics(text in r#"[\[\]{}",:0-9a-z_\-\./ ]{0,400}"#) {
        for (_, decode) in decoders() {
            let _ = decode(&text);
        }
        let _ = decode_with_prefixes(&text);
    }

    /// A valid input with one byte changed never panics; a changed backup or link is
    /// refused, or (a change the format ignores, such as whitespace outside the body) reads
    /// as the very same data.
    #[test]
    fn one_changed_byte_is_refused_or_changes_nothing(which in 0usize..3, at in any::<prop::sample::Index>(), to in any::<u8>()) {
        let (name, text) = &valid_inputs()[which];
        let mut bytes = text.clone().into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = to;
        let changed = String::from_utf8_lossy(&bytes);
        let decode = decoders().into_iter().find(|(n, _)| n == name).map(|(_, d)| d).expect("decoder");
        let _ = decode(&changed);
        match *name {
            "backup" => if let Ok(body) = backup::read(&changed) {
                prop_assert_eq!(Ok(body), backup::read(text));
            },
            "link" => if let Ok(t) = share::read(&changed) {
                prop_assert_eq!(Ok(t), share::read(text));
            },
            _ => {}
        }
    }

    /// Stored records of any content: the readers name what they cannot use and never panic.
    #[test]
    fn stored_records_of_any_content_never_panic(
        rows in proptest::collection::vec(("[a-z0-9]{1,4}(/[0-9]{1,8})?", ".{0,200}"), 0..20)
    ) {
        let rows: Vec<(String, String)> = rows;
        let (sessions, damaged) = session::read_stored(&rows, &rows, &rows);
        prop_assert!(sessions.len() + damaged.len() <= 3 * rows.len());
        let _ = count::read_stored(&rows, &rows);
        let _ = Library::read(&rows);
    }
}

fn decode_with_prefixes(text: &str) -> bool {
    share::read(&format!("#t1.{text}")).is_ok() | Codes::new().add(&format!("BKR1.{text}")).is_ok()
}
