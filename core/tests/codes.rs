//! The codes of every message that reports a problem: each defined once in the sources
//! (a `=> "T05"` arm of a `code()` function, or the results module's E codes), each listed
//! once in the one index, `docs/codes.md`, and nothing listed there that is not defined.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// A code: a capital letter and two digits.
fn is_code(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 3 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit)
}

/// Every code defined in the sources, with how many times.
fn defined() -> BTreeMap<String, usize> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("../report/src"), &mut files);
    let mut codes = BTreeMap::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("a source file");
        // Catalogue files hold messages, not definitions (they show codes, e.g. in tests).
        if file.components().any(|c| c.as_os_str() == "i18n") {
            continue;
        }
        for (at, _) in text.match_indices("=> \"") {
            let code = text.get(at + 4..at + 7).unwrap_or("");
            if is_code(code) && text.get(at + 7..at + 8) == Some("\"") {
                *codes.entry(code.to_string()).or_insert(0) += 1;
            }
        }
    }
    // The results module's input errors are messages with their code (E01–E03), not a
    // `code()` function: read from its catalogue.
    let report = fs::read_to_string(root.join("src/i18n/report.rs")).expect("the catalogue");
    for (at, _) in report.match_indices("（E") {
        let code = report.get(at + 3..at + 6).unwrap_or("");
        if is_code(code) {
            *codes.entry(code.to_string()).or_insert(0) += 1;
        }
    }
    codes
}

/// Every code listed in the index (a table row starting `| X00 |`), with how many times.
fn listed() -> BTreeMap<String, usize> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/codes.md");
    let text = fs::read_to_string(&path).expect("docs/codes.md");
    let mut codes = BTreeMap::new();
    for line in text.lines() {
        if let Some(code) = line.strip_prefix("| ").and_then(|l| l.get(..3)) {
            if is_code(code) {
                *codes.entry(code.to_string()).or_insert(0) += 1;
            }
        }
    }
    codes
}

#[test]
fn every_code_is_defined_once_and_listed_once_in_the_index() {
    let defined = defined();
    let listed = listed();
    assert!(defined.len() >= 70, "the sources were read: {defined:?}");
    let twice: Vec<_> = defined.iter().filter(|(_, &n)| n > 1).collect();
    assert!(twice.is_empty(), "codes defined more than once: {twice:?}");
    let listed_twice: Vec<_> = listed.iter().filter(|(_, &n)| n > 1).collect();
    assert!(
        listed_twice.is_empty(),
        "listed more than once: {listed_twice:?}"
    );
    let missing: Vec<_> = defined
        .keys()
        .filter(|c| !listed.contains_key(*c))
        .collect();
    assert!(missing.is_empty(), "not in docs/codes.md: {missing:?}");
    let stale: Vec<_> = listed
        .keys()
        .filter(|c| !defined.contains_key(*c))
        .collect();
    assert!(stale.is_empty(), "listed but defined nowhere: {stale:?}");
}
