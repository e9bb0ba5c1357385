//! The inputs of the modules loaded on demand (`ballot_ui::modules`): the results module
//! (`report/`) gets one JSON input (template, tally, figures), the template studio
//! (`studio/`) the fingerprints this device has recorded ballots with. Each draws into the
//! element it is handed and answers its buttons.

use ballot_core::count::Figures;
use ballot_core::{Tally, Template};

pub use ballot_ui::modules::{shared_link, show, RESULTS, STUDIO};

/// The studio's input: `{"used": [fingerprint, …]}`, the templates this device has recorded
/// ballots with (the studio keeps them frozen). It reads a shared link from the address.
pub fn studio_input(used: &[&str]) -> String {
    // Fingerprints are Crockford base32 and a hyphen: nothing in them needs escaping, and
    // writing them by hand keeps serde's list writer out of the first load.
    let list: Vec<String> = used.iter().map(|f| format!("\"{f}\"")).collect();
    format!(r#"{{"used":[{}]}}"#, list.join(","))
}

/// The module's input (documented in `report/src/lib.rs`). The canonical template JSON is a
/// JSON object already, so it is inserted as it is.
pub fn input(
    template: &Template,
    fingerprint: &str,
    unit: &str,
    figures: &Figures,
    tally: &Tally,
) -> String {
    format!(
        r#"{{"template":{},"fingerprint":{},"unit":{},"figures":{},"tally":{}}}"#,
        template.canonical_json(),
        json(fingerprint),
        json(unit),
        json(figures),
        json(tally),
    )
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    // Plain data (strings, numbers, maps with string keys) always serializes.
    serde_json::to_string(v).unwrap_or_default()
}
